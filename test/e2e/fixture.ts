/**
 * What passes between the end-to-end test (Node) and the fake Office.js bundle (browser): the
 * workbook the test seeds, and the snapshot of the workbook the test asserts on. Types only plus
 * the names of the window globals, so both sides agree on them.
 */
import type { FakeValue } from "../support/fakeExcel";

/** The URL the built taskpane.html loads Office.js from; the test serves the fake there. */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** `window` property holding the seed workbook, set by the test before any page script runs. */
export const WORKBOOK_GLOBAL = "__E2E_WORKBOOK__";

/** `window` property holding the fake's test handle (E2EHandle), set by the fake bundle. */
export const HANDLE_GLOBAL = "__E2E__";

/** The workbook the fake Excel starts with. */
export interface WorkbookFixture {
  /** Sheet name → rows of cell values from A1 ("" is a blank cell), in workbook order. */
  sheets: Record<string, FakeValue[][]>;
  /** The selected range when the pane opens, e.g. "Sheet1!A1". */
  selection?: string;
  /** Highest ExcelApi version the fake host supports (default: the fake's). */
  excelApi?: string;
  /** Sheet name → its id, to reopen a workbook whose custom XML parts name sheets by id. */
  sheetIds?: Record<string, string>;
  /** Custom XML parts already in the workbook (e.g. saved by an earlier run). */
  xmlParts?: string[];
}

export interface SheetSnapshot {
  id: string;
  name: string;
  /** Used range, e.g. "A1:AZ2001"; "" when empty. */
  usedAddress: string;
  /** Values of the used range from A1 (so row r, column c is cell (r+1, c+1)); formulas as text. */
  values: FakeValue[][];
  /** Cells holding a formula, e.g. ["C7"]. */
  formulaCells: string[];
  frozenRows: number;
  tables: { name: string; address: string; style: string }[];
  charts: { type: string; title?: string; seriesCount: number }[];
  conditionalFormats: { type: string; address: string }[];
  /** Number formats applied (address → format), in the order they were set. */
  numberFormats: { address: string; format: string }[];
  fonts: number;
}

/** One operation that changed the workbook (property set or method call). */
export interface WriteRecord {
  path: string;
  member: string;
  /** The sheet of a range target, when the fake resolved one. */
  sheet?: string;
  address?: string;
  /** The round trip that sent it; 0 when it was queued and never sent (so changed nothing). */
  sync: number;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Custom XML parts: namespace and content. */
  xmlParts: { namespaceUri: string; xml: string }[];
  settings: Record<string, unknown>;
  calculationMode: string;
  syncCount: number;
  largestRequestBytes: number;
  writes: WriteRecord[];
  /** Sheet ids → names, including deleted sheets (to resolve paths that name a sheet by id). */
  sheetIds: Record<string, string>;
}

/** The handle the fake bundle puts on `window[HANDLE_GLOBAL]`. */
export interface E2EHandle {
  /** The workbook now, everything the assertions need, as plain data. */
  snapshot(sheetNames?: string[]): WorkbookSnapshot;
  /** Ids passed to CustomFunctions.associate, in order. */
  associatedFunctions(): string[];
  /** Calls an associated custom function as Excel would (errors come back as "#CODE"). */
  callFunction(id: string, ...args: unknown[]): unknown;
  /** Office/Excel/CustomFunctions members the page read that the fake does not define. */
  missingMembers(): string[];
  /** Excel.run batches started, finished, failed. */
  runs(): { started: number; finished: number; failed: number; errors: string[] };
  /** true: every context.sync() waits until holdSyncs(false) releases it. */
  holdSyncs(hold: boolean): void;
  /** How many syncs are waiting to be released. */
  heldSyncs(): number;
  /** Lets the oldest held sync go on (holding stays on). */
  releaseSync(): void;
}
