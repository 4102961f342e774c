/**
 * Which sheets the add-in owns, and where each report sheet goes. A sheet is owned when its
 * worksheet id is listed in the add-in's custom XML part — never because of its name: a user sheet
 * that happens to be called "WC Summary" is not owned and is never written; the report goes to
 * "WC Summary (2)" instead. Ids survive renames and moves; a copied sheet gets a new id and so is
 * the user's.
 *
 * The registry's wire format and the planning rule live here once, so the task pane
 * (src/excel/ownership.ts, Office.js `Worksheet.id`) and the file writer (src/workbook, the
 * worksheet's `xr:uid`) land on the same sheets run after run.
 */
import { OWNED_SHEET_PREFIX, isValidOwnedSheetName } from "../report";
import { sameSheetName, sheetOfAddress } from "./address";
import { elementsOf, escapeXml } from "./customXml";

/** Namespace of the custom XML part that lists the owned sheets. */
export const OWNED_SHEETS_NAMESPACE = "urn:elastic-fulfilment:owned-sheets";

/** Excel's limit is 31 characters per sheet name. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** A sheet as the registry records it: its id, and its name when it was last written (for people reading the XML). */
export interface OwnedSheet {
  id: string;
  name: string;
}

/**
 * A worksheet as found in the workbook: its id (Office.js `Worksheet.id`; in a file, the
 * worksheet's `xr:uid`, undefined when it has none, and then it is never owned) and its name.
 */
export interface SheetInfo {
  id: string | undefined;
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

/** A report sheet that was written under another name, and why. */
export interface Redirect {
  requested: string;
  written: string;
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
      if (sheet && (sheet.id === undefined || !ownedIds.has(sheet.id))) {
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

/** The targets written under another name than the one requested. */
export function redirectsOf(targets: readonly SheetTarget[]): Redirect[] {
  return targets
    .filter((t) => t.name !== t.requested)
    .map((t) => ({ requested: t.requested, written: t.name, skipped: t.skipped }));
}

/** The sheet named in an input address ("Sheet1!A1:D10" → "Sheet1"), if any. */
export function inputSheetOf(inputAddress: string | undefined): string | undefined {
  return inputAddress === undefined ? undefined : sheetOfAddress(inputAddress);
}
