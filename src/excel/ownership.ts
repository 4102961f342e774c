/**
 * Which sheets the add-in owns. A sheet is owned when its worksheet id is listed in the add-in's
 * custom XML part — never because of its name: a user sheet that happens to be called
 * "WC Summary" is not owned and is never written; the report goes to "WC Summary (2)" instead.
 * Ids survive renames and moves; a copied sheet gets a new id and so is the user's.
 *
 * An owned sheet is reused by clearing it (tables, charts, conditional formats, cells, frozen
 * panes) rather than deleting it: its id, tab position and colour, and formulas on other sheets
 * that point at its cells (=`'WC Summary'!C4` in a monthly pack) keep working.
 */
import { OWNED_SHEET_PREFIX, isValidOwnedSheetName } from "../engine/report";
import { sameSheetName, sheetOfAddress } from "./address";
import { escapeXml, elementsOf, queueNamespaceParts, queuePartXml, queueWritePart } from "./customXml";
import { EXCEL_API, isExcelApiSupported } from "./requirements";

/** Namespace of the custom XML part that lists the owned sheets. */
export const OWNED_SHEETS_NAMESPACE = "urn:elastic-fulfilment:owned-sheets";

/** Excel's limit is 31 characters per sheet name. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** A sheet as the registry records it: its id, and its name when it was last written (for people reading the XML). */
export interface OwnedSheet {
  id: string;
  name: string;
}

/** A worksheet as found in the workbook. */
export interface SheetInfo {
  id: string;
  name: string;
}

/** Why a requested sheet name was passed over. */
export type SkipReason = "not-owned" | "holds-input";

/** Where one report sheet goes. */
export interface SheetTarget {
  /** The name the report asked for. */
  requested: string;
  /** The name written: `requested`, or "… (2)", "… (3)" when that name is taken by a sheet the add-in may not write. */
  name: string;
  /** Id of the owned sheet to clear and rewrite; absent when a new sheet is added. */
  reuseId?: string;
  /** The names passed over, and why. */
  skipped: { name: string; reason: SkipReason }[];
}

/** The registry part's XML. */
export function serializeOwnership(sheets: readonly OwnedSheet[]): string {
  const items = sheets.map((s) => `<sheet id="${escapeXml(s.id)}" name="${escapeXml(s.name)}"/>`).join("");
  return `<ownedSheets xmlns="${OWNED_SHEETS_NAMESPACE}" version="1">${items}</ownedSheets>`;
}

/** The owned sheets listed in one or more registry parts (duplicates by id merged, first name kept). */
export function parseOwnership(xmls: readonly string[]): OwnedSheet[] {
  const byId = new Map<string, OwnedSheet>();
  for (const xml of xmls) {
    for (const attributes of elementsOf(xml, "sheet")) {
      const id = attributes.id;
      if (id && !byId.has(id)) byId.set(id, { id, name: attributes.name ?? "" });
    }
  }
  return [...byId.values()];
}

/** `name` with a " (n)" suffix, the base shortened so the result stays within 31 characters. */
export function alternativeName(name: string, n: number): string {
  const suffix = ` (${n})`;
  return name.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
}

/**
 * Decides where each report sheet goes. For each requested name the candidates are the name
 * itself, then "name (2)", "name (3)", …; the first candidate that no sheet has, or that an owned
 * sheet has, wins — except a sheet holding the input range, which is never written.
 * Re-running therefore lands on the same sheets: a user's "WC Summary" sends the report to the
 * owned "WC Summary (2)" every time.
 */
export function planSheetTargets(
  requested: readonly string[],
  existing: readonly SheetInfo[],
  ownedIds: ReadonlySet<string>,
  inputSheet?: string,
): SheetTarget[] {
  const taken: string[] = [];
  return requested.map((name) => {
    if (!isValidOwnedSheetName(name)) {
      throw new Error(
        `"${name}" is not a sheet name the add-in can own (it must start with "${OWNED_SHEET_PREFIX}", ` +
          `be under 32 characters and contain none of \\ / ? * : [ ]).`,
      );
    }
    const skipped: SheetTarget["skipped"] = [];
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : alternativeName(name, n);
      if (taken.some((t) => sameSheetName(t, candidate))) continue;
      const sheet = existing.find((s) => sameSheetName(s.name, candidate));
      if (sheet && inputSheet !== undefined && sameSheetName(sheet.name, inputSheet)) {
        skipped.push({ name: sheet.name, reason: "holds-input" });
        continue;
      }
      if (sheet && !ownedIds.has(sheet.id)) {
        skipped.push({ name: sheet.name, reason: "not-owned" });
        continue;
      }
      taken.push(candidate);
      return sheet
        ? { requested: name, name: sheet.name, reuseId: sheet.id, skipped }
        : { requested: name, name: candidate, skipped };
    }
  });
}

/** What the workbook holds that decides ownership, read in at most two syncs. */
export interface OwnershipState {
  sheets: SheetInfo[];
  /** Registry entries whose sheet still exists. */
  owned: OwnedSheet[];
  /** The registry parts (rewrite the first, delete the rest). */
  parts: Excel.CustomXmlPart[];
  /** Worksheet proxies by id, for reuse in later batches. */
  worksheets: Map<string, Excel.Worksheet>;
  /** Tables and charts of the sheets whose names start with the owned prefix (the only ones ever cleared). */
  contents: Map<string, { tables: Excel.Table[]; charts: Excel.Chart[] }>;
  /** Names of every table in the workbook (table names are workbook-wide). */
  tableNames: string[];
  /** Round trips this read took (1 or 2). */
  syncs: number;
}

/**
 * Reads the worksheets, the registry and the contents of candidate sheets. Anything the caller
 * queued before calling rides along in the first sync.
 */
export async function readOwnershipState(context: Excel.RequestContext): Promise<OwnershipState> {
  if (!isExcelApiSupported(EXCEL_API.customXml)) {
    throw new Error("This version of Excel cannot mark the add-in's sheets (ExcelApi 1.5 is needed).");
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id, items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const parts = queueNamespaceParts(context, OWNED_SHEETS_NAMESPACE);
  await context.sync();

  const sheets = worksheets.items.map((w) => ({ id: w.id, name: w.name }));
  const byId = new Map(worksheets.items.map((w) => [w.id, w]));
  const contents = new Map<string, { tables: Excel.Table[]; charts: Excel.Chart[] }>();
  const loads: { id: string; tables: Excel.TableCollection; charts: Excel.ChartCollection }[] = [];
  for (const w of worksheets.items) {
    if (!w.name.startsWith(OWNED_SHEET_PREFIX)) continue;
    const sheetTables = w.tables;
    sheetTables.load("items/name");
    const sheetCharts = w.charts;
    sheetCharts.load("items/name");
    loads.push({ id: w.id, tables: sheetTables, charts: sheetCharts });
  }
  const pendingXml = queuePartXml(parts);
  let syncs = 1;
  if (loads.length > 0 || pendingXml.length > 0) {
    await context.sync();
    syncs++;
  }
  for (const l of loads) contents.set(l.id, { tables: l.tables.items, charts: l.charts.items });

  const existingIds = new Set(sheets.map((s) => s.id));
  const owned = parseOwnership(pendingXml.map((p) => p.xml.value)).filter((o) => existingIds.has(o.id));
  return {
    sheets,
    owned,
    parts: pendingXml.map((p) => p.part),
    worksheets: byId,
    contents,
    tableNames: tables.items.map((t) => t.name),
    syncs,
  };
}

/**
 * Queues emptying an owned sheet for a rewrite: its tables and charts are deleted, conditional
 * formats, cells and formats cleared and panes unfrozen. The sheet object itself stays.
 */
export function queueClearOwnedSheet(
  sheet: Excel.Worksheet,
  contents: { tables: Excel.Table[]; charts: Excel.Chart[] } | undefined,
): void {
  for (const table of contents?.tables ?? []) table.delete();
  for (const chart of contents?.charts ?? []) chart.delete();
  const everything = sheet.getRange();
  if (isExcelApiSupported(EXCEL_API.conditionalFormats)) everything.conditionalFormats.clearAll();
  everything.clear("All");
  if (isExcelApiSupported(EXCEL_API.freezePanes)) sheet.freezePanes.unfreeze();
}

/**
 * Queues getting the worksheet for a target: the owned sheet cleared, or a new sheet added
 * (its `id` loaded, so it can be registered after the next sync).
 */
export function queuePrepareTarget(
  context: Excel.RequestContext,
  state: OwnershipState,
  target: SheetTarget,
): Excel.Worksheet {
  if (target.reuseId !== undefined) {
    const sheet = state.worksheets.get(target.reuseId);
    if (!sheet) throw new Error(`The sheet "${target.name}" disappeared while writing.`);
    queueClearOwnedSheet(sheet, state.contents.get(target.reuseId));
    return sheet;
  }
  const sheet = context.workbook.worksheets.add(target.name);
  sheet.load("id");
  return sheet;
}

/** The sheet named in an input address ("Sheet1!A1:D10" → "Sheet1"), if any. */
export function inputSheetOf(inputAddress: string | undefined): string | undefined {
  return inputAddress === undefined ? undefined : sheetOfAddress(inputAddress);
}

/** The result of prepareOwnedSheet. */
export interface PreparedSheet {
  /** The worksheet to write (empty). */
  sheet: Excel.Worksheet;
  /** Its name: the requested one, or "… (2)" when that belongs to a sheet the add-in does not own. */
  name: string;
  /** True when an owned sheet was cleared; false when a new one was added. */
  reused: boolean;
  /** Names passed over and why (a user's sheet, or the sheet holding the input range). */
  skipped: { name: string; reason: SkipReason }[];
}

/**
 * Gets an empty, owned sheet called `name` (or "name (2)" …, see planSheetTargets), marking it
 * as owned in the workbook. Never touches a sheet the add-in does not own, nor the sheet that
 * holds `options.inputAddress`. One or two syncs to read the workbook, then one when an owned
 * sheet is reused, two when one is added (a new sheet's id is known only after the sync that adds it).
 */
export async function prepareOwnedSheet(
  context: Excel.RequestContext,
  name: string,
  options: { inputAddress?: string } = {},
): Promise<PreparedSheet> {
  const state = await readOwnershipState(context);
  const ownedIds = new Set(state.owned.map((o) => o.id));
  const [target] = planSheetTargets([name], state.sheets, ownedIds, inputSheetOf(options.inputAddress));
  const sheet = queuePrepareTarget(context, state, target);
  const others = state.owned.filter((o) => o.id !== target.reuseId);
  if (target.reuseId !== undefined) {
    queueWritePart(
      context,
      state.parts,
      serializeOwnership([...others, { id: target.reuseId, name: target.name }]),
    );
    await context.sync();
  } else {
    const part = queueWritePart(context, state.parts, serializeOwnership(others));
    await context.sync();
    // The id of a new sheet is known only now; the marker is rewritten with it before returning.
    part.setXml(serializeOwnership([...others, { id: sheet.id, name: target.name }]));
    await context.sync();
  }
  return { sheet, name: target.name, reused: target.reuseId !== undefined, skipped: target.skipped };
}
