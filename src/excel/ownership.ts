/**
 * Which sheets the add-in owns, through Office.js. A sheet is owned when its worksheet id is
 * listed in the add-in's custom XML part — never because of its name (the registry format and the
 * planning rule: src/engine/workbookParts/ownership.ts, shared with the file writer).
 *
 * An owned sheet is reused by clearing it (tables, charts, conditional formats, cells, frozen
 * panes) rather than deleting it: its id, tab position and colour, and formulas on other sheets
 * that point at its cells (=`'WC Summary'!C4` in a monthly pack) keep working.
 */
import { OWNED_SHEET_PREFIX } from "../engine/report";
import {
  OWNED_SHEETS_NAMESPACE,
  OwnedSheet,
  SheetInfo,
  SheetTarget,
  SkipReason,
  inputSheetOf,
  parseOwnership,
  planSheetTargets,
  serializeOwnership,
} from "../engine/workbookParts/ownership";
import { queueNamespaceParts, queuePartXml, queueWritePart } from "./customXml";
import { EXCEL_API, isExcelApiSupported } from "./requirements";

// The registry format, for code that still imports it from here (test/e2e/reportChecks.ts).
export { OWNED_SHEETS_NAMESPACE, parseOwnership };

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
