/**
 * A recording fake of the Office.js Excel API surface that src/excel uses, over an in-memory
 * workbook: sheets with cell grids and number formats, tables, charts, conditional formats,
 * frozen panes, custom XML parts, settings, the selection and the calculation mode.
 *
 * It behaves like Office.js where that catches bugs:
 * - proxies: property sets and method calls are queued and applied, in order, on `sync()`;
 * - `load()` + read-after-sync: reading a property that was not loaded (or not yet synced)
 *   throws PropertyNotLoaded, as Office.js does; `isNullObject` likewise needs a load;
 * - typed text is parsed as Excel parses it: "=…"/"+…"/"@…" become formulas, "00123" and "5%"
 *   numbers, "2025-01" a date — unless the cell is formatted "@" or the text starts with "'";
 * - a request or response above 5 MB (Excel on the web) fails, as does a values read of more
 *   than 5,000,000 cells; dimension mismatches, duplicate sheet/table names and operations on
 *   deleted objects fail; a failed sync applies no operation of its batch (or those before the
 *   failing one) and drops the batch.
 * Every request is logged with its estimated JSON bytes, and `syncCount` counts round trips.
 *
 * Plain TypeScript (no Node APIs): the browser end-to-end run reuses it behind the task pane.
 */

export type FakeValue = string | number | boolean;

/** A cell holding a formula (the fake does not evaluate it). */
export interface FakeFormula {
  formula: string;
}

type Stored = FakeValue | FakeFormula;

interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;
export const PAYLOAD_LIMIT = 5_000_000;
export const READ_CELL_LIMIT = 5_000_000;

interface SheetState {
  kind: "sheet";
  id: string;
  name: string;
  rows: (Stored | undefined)[][];
  formats: { box: Box; format: string }[];
  fonts: { box: Box; bold?: boolean; size?: number }[];
  autofits: Box[];
  frozenRows: number;
  deleted: boolean;
}

interface TableState {
  kind: "table";
  id: string;
  name: string;
  sheet: SheetState;
  box: Box;
  style: string;
  deleted: boolean;
}

interface SeriesState {
  name: string;
  values?: Box;
  xValues?: Box;
  chartType?: string;
  axisGroup: string;
}

/** A chart axis as set through `chart.axes.<type>Axis` (the category axis is a scatter's x axis). */
interface AxisState {
  title?: string;
  numberFormat?: string;
}

interface ChartState {
  kind: "chart";
  id: string;
  name: string;
  sheet: SheetState;
  type: string;
  source: Box;
  series: SeriesState[];
  axes: { category: AxisState; value: AxisState };
  title?: string;
  position?: string;
  width?: number;
  height?: number;
  deleted: boolean;
}

interface ConditionalFormatState {
  kind: "conditionalFormat";
  id: string;
  type: string;
  sheet: SheetState;
  box: Box;
  criteria?: unknown;
  deleted: boolean;
}

interface XmlPartState {
  kind: "xmlPart";
  id: string;
  namespaceUri: string;
  xml: string;
  deleted: boolean;
}

interface RangeRef {
  kind: "range";
  sheet: SheetState;
  box: Box;
}

/** One queued operation, as sent. */
export interface FakeRequest {
  /** Order in which operations were applied (0 until sent). */
  seq: number;
  /** The sync that sent it (0 while queued). */
  sync: number;
  kind: "load" | "set" | "call";
  /** How the object was reached, e.g. `worksheets.add("WC Summary").getRange("A1:C3")`. */
  path: string;
  /** The property set, method called, or properties loaded. */
  member: string;
  /** Estimated JSON bytes of the operation. */
  bytes: number;
  /** Resolved when applied: the sheet and A1 address of a range target. */
  sheet?: string;
  address?: string;
  /** For `numberFormat` broadcasts, the format; for 2-D arrays, their shape "r×c". */
  value?: string;
}

export interface FakeSync {
  index: number;
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export interface FakeWorkbookOptions {
  /** The selected range, e.g. "Sheet1!A1:D10" or "Sheet1!B3" or "Sheet1!A:Z"; default A1 of the first sheet. */
  selection?: string;
  /** Highest ExcelApi version the fake host supports; default "1.17". */
  excelApi?: string;
  calculationMode?: "Automatic" | "AutomaticExceptTables" | "Manual";
}

class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

const utf8 = new TextEncoder();

function jsonBytes(value: unknown): number {
  return utf8.encode(JSON.stringify(value) ?? "").length;
}

// ---------------------------------------------------------------- A1 addresses (own implementation)

function letters(column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnOf(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function a1(box: Box): string {
  const first = `${letters(box.column)}${box.row + 1}`;
  if (box.rows === 1 && box.columns === 1) return first;
  return `${first}:${letters(box.column + box.columns - 1)}${box.row + box.rows}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet name and reference. */
function splitAddress(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

function parseRef(ref: string): Box {
  const part = (p: string) => {
    const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(p);
    if (cell) return { row: Number(cell[2]) - 1, column: columnOf(cell[1]) };
    const col = /^\$?([A-Za-z]{1,3})$/.exec(p);
    if (col) return { row: -1, column: columnOf(col[1]) };
    const row = /^\$?(\d+)$/.exec(p);
    if (row) return { row: Number(row[1]) - 1, column: -1 };
    throw new FakeError("InvalidArgument", `bad address "${ref}"`);
  };
  const [from, to = from] = ref.split(":").map(part);
  const r0 = from.row < 0 ? 0 : Math.min(from.row, to.row);
  const r1 = to.row < 0 ? SHEET_ROWS - 1 : Math.max(from.row, to.row);
  const c0 = from.column < 0 ? 0 : Math.min(from.column, to.column);
  const c1 = to.column < 0 ? SHEET_COLUMNS - 1 : Math.max(from.column, to.column);
  return { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
}

function intersectBoxes(a: Box, b: Box): Box | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const columns = Math.min(a.column + a.columns, b.column + b.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : null;
}

function contains(outer: Box, row: number, column: number): boolean {
  return (
    row >= outer.row &&
    row < outer.row + outer.rows &&
    column >= outer.column &&
    column < outer.column + outer.columns
  );
}

// ---------------------------------------------------------------- the state and its helpers

function isFormula(v: Stored | undefined): v is FakeFormula {
  return typeof v === "object" && v !== null;
}

function getCell(sheet: SheetState, row: number, column: number): Stored | undefined {
  return sheet.rows[row]?.[column];
}

function setCell(sheet: SheetState, row: number, column: number, value: Stored | undefined): void {
  if (value === undefined) {
    const r = sheet.rows[row];
    if (r) delete r[column];
    return;
  }
  (sheet.rows[row] ??= [])[column] = value;
}

function formatAt(sheet: SheetState, row: number, column: number): string {
  for (let i = sheet.formats.length - 1; i >= 0; i--) {
    if (contains(sheet.formats[i].box, row, column)) return sheet.formats[i].format;
  }
  return "General";
}

function usedBox(sheet: SheetState): Box | null {
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  sheet.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === undefined) return;
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    });
  });
  return r1 < 0 ? null : { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
}

/** Excel's current region: grow the box while any cell on its surrounding ring holds a value. */
function currentRegion(sheet: SheetState, start: Box): Box {
  let { row, column, rows, columns } = start;
  const filled = (r: number, c: number) =>
    r >= 0 && c >= 0 && r < SHEET_ROWS && c < SHEET_COLUMNS && getCell(sheet, r, c) !== undefined;
  const rowFilled = (r: number) => {
    for (let c = column - 1; c <= column + columns; c++) if (filled(r, c)) return true;
    return false;
  };
  const columnFilled = (c: number) => {
    for (let r = row - 1; r <= row + rows; r++) if (filled(r, c)) return true;
    return false;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (; rowFilled(row - 1); changed = true) {
      row--;
      rows++;
    }
    for (; rowFilled(row + rows); changed = true) rows++;
    for (; columnFilled(column - 1); changed = true) {
      column--;
      columns++;
    }
    for (; columnFilled(column + columns); changed = true) columns++;
  }
  return { row, column, rows, columns };
}

const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
const PERCENT_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)%\s*$/;
const ISO_DATE_TEXT = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;

/** Excel serial number of a calendar date (1900 date system). */
function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** What Excel stores when `value` is written through `range.values` into a cell of `format`. */
function parseTyped(value: FakeValue, format: string): Stored | undefined {
  if (typeof value !== "string") return value;
  if (value === "") return undefined;
  if (value.startsWith("'")) return value.slice(1);
  if (format === "@") return value;
  if (NUMBER_TEXT.test(value)) return Number(value);
  if (PERCENT_TEXT.test(value)) return Number(value.trim().slice(0, -1)) / 100;
  if (/^[=+\-@]/.test(value)) return { formula: value };
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  const date = ISO_DATE_TEXT.exec(value);
  if (date) return serialOf(Number(date[1]), Number(date[2]), Number(date[3] ?? 1));
  return value;
}

function shown(v: Stored | undefined): FakeValue {
  if (v === undefined) return "";
  return isFormula(v) ? v.formula : v;
}

function versionAtMost(version: string, max: string): boolean {
  const [a1v, a2v] = version.split(".").map(Number);
  const [b1v, b2v] = max.split(".").map(Number);
  return a1v < b1v || (a1v === b1v && (a2v ?? 0) <= (b2v ?? 0));
}

// ---------------------------------------------------------------- the fake

interface Queued {
  request: FakeRequest;
  apply: () => void;
  /** Bytes of the response this operation adds (loads). */
  response?: () => number;
}

/** The recording fake; `context` is what src/excel functions receive. */
export class FakeExcel {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly charts: ChartState[] = [];
  readonly conditionalFormats: ConditionalFormatState[] = [];
  readonly xmlParts: XmlPartState[] = [];
  readonly settings = new Map<string, unknown>();
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual";
  /** True while a batch that called suspendScreenUpdatingUntilNextSync is being applied. */
  screenUpdatingSuspended = false;
  /** How many batches suspended screen updating. */
  screenUpdatingSuspensions = 0;
  selection: RangeRef;
  excelApi: string;

  /** Every operation queued so far, in order. */
  readonly requests: FakeRequest[] = [];
  readonly syncs: FakeSync[] = [];
  syncCount = 0;
  private queue: Queued[] = [];
  private seq = 0;
  private ids = 0;
  private readonly failures = new Map<number, { error: Error; afterOperations: number }>();

  readonly context: Excel.RequestContext;

  constructor(options: FakeWorkbookOptions = {}) {
    this.calculationMode = options.calculationMode ?? "Automatic";
    this.excelApi = options.excelApi ?? "1.17";
    this.selection = {
      kind: "range",
      sheet: undefined as unknown as SheetState,
      box: { row: 0, column: 0, rows: 1, columns: 1 },
    };
    const workbook = new FakeWorkbookProxy(this);
    const context = {
      workbook,
      application: workbook.application,
      sync: () => this.sync(),
    };
    this.context = context as unknown as Excel.RequestContext;
  }

  // -------------------------------------------------------------- seeding

  /** Adds a sheet holding `values` from A1 (values typed as if already in the workbook). */
  addSheet(name: string, values: FakeValue[][] = [], at = "A1"): SheetState {
    const sheet = this.createSheet(name);
    const origin = parseRef(at);
    values.forEach((row, r) =>
      row.forEach((v, c) => setCell(sheet, origin.row + r, origin.column + c, v === "" ? undefined : v)),
    );
    return sheet;
  }

  /** Adds a custom XML part, as another add-in (or an earlier run) would have. */
  addXmlPart(xml: string): XmlPartState {
    const part: XmlPartState = {
      kind: "xmlPart",
      id: `{${String(++this.ids).padStart(8, "0")}-C0DE-4000-8000-000000000000}`,
      namespaceUri: /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "",
      xml,
      deleted: false,
    };
    this.xmlParts.push(part);
    return part;
  }

  /**
   * Selects `address` ("Sheet1!A1:D10"; without a sheet, on the selected sheet). Several areas
   * ("Sheet1!A1:B2,D1:D4") make getSelectedRange fail with InvalidSelection, as in Excel.
   */
  select(address: string): void {
    const { sheet, ref } = splitAddress(address);
    const target = sheet === undefined ? this.selection.sheet : this.sheetNamed(sheet);
    if (!target) throw new Error(`no sheet ${sheet}`);
    this.selectionAreas = ref.split(",").length;
    this.selection = { kind: "range", sheet: target, box: parseRef(ref.split(",")[0]) };
  }

  /** Number of areas selected (getSelectedRange fails for more than one). */
  selectionAreas = 1;

  /** Makes sync number `index` (1-based) fail after applying `afterOperations` of its operations. */
  failSync(
    index: number,
    error: Error = new FakeError("GeneralException", "injected failure"),
    afterOperations = 0,
  ): void {
    this.failures.set(index, { error, afterOperations });
  }

  /** An `Office` global whose requirement checks answer for this host; install with installOffice. */
  officeGlobal(): unknown {
    return {
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === "ExcelApi" && versionAtMost(version ?? "1.1", this.excelApi),
        },
      },
    };
  }

  /** `Excel.run` over this workbook, for code (the task pane) that starts its own batches. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return batch(this.context);
  }

  /**
   * Installs officeGlobal() as `globalThis.Office` and `{ run }` as `globalThis.Excel`; returns a
   * function that puts back what was there. (src/excel uses the Excel namespace for types only.)
   */
  installOffice(): () => void {
    const holder = globalThis as unknown as { Office?: unknown; Excel?: unknown };
    const previous = { Office: holder.Office, Excel: holder.Excel };
    holder.Office = this.officeGlobal();
    holder.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => this.run(batch) };
    return () => {
      holder.Office = previous.Office;
      holder.Excel = previous.Excel;
    };
  }

  // -------------------------------------------------------------- inspecting

  sheetNames(): string[] {
    return this.liveSheets().map((s) => s.name);
  }

  sheetNamed(name: string): SheetState | undefined {
    return this.liveSheets().find((s) => s.name.toUpperCase() === name.toUpperCase());
  }

  /** A read-only view of one sheet for assertions. */
  sheet(name: string): FakeSheetView {
    const sheet = this.sheetNamed(name);
    if (!sheet) throw new Error(`no sheet "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return new FakeSheetView(this, sheet);
  }

  liveTables(): TableState[] {
    return this.tables.filter((t) => !t.deleted && !t.sheet.deleted);
  }

  liveCharts(): ChartState[] {
    return this.charts.filter((c) => !c.deleted && !c.sheet.deleted);
  }

  liveConditionalFormats(): ConditionalFormatState[] {
    return this.conditionalFormats.filter((c) => !c.deleted && !c.sheet.deleted);
  }

  liveXmlParts(): XmlPartState[] {
    return this.xmlParts.filter((p) => !p.deleted);
  }

  /** Largest request sent, in bytes. */
  largestRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  // -------------------------------------------------------------- the request pipeline

  /** Queues an operation (called by proxies). */
  enqueue(entry: Omit<FakeRequest, "seq" | "sync">, apply: () => void, response?: () => number): FakeRequest {
    const request: FakeRequest = { ...entry, seq: 0, sync: 0 };
    this.requests.push(request);
    this.queue.push({ request, apply, response });
    return request;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const index = ++this.syncCount;
    const requestBytes = batch.reduce((n, q) => n + q.request.bytes, 0);
    const record: FakeSync = { index, requestBytes, responseBytes: 0, operations: batch.length };
    this.syncs.push(record);
    await Promise.resolve();
    if (requestBytes > PAYLOAD_LIMIT) {
      throw new FakeError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes`);
    }
    const failure = this.failures.get(index);
    try {
      batch.forEach((q, i) => {
        if (failure && i >= failure.afterOperations) throw failure.error;
        q.request.seq = ++this.seq;
        q.request.sync = index;
        q.apply();
        record.responseBytes += q.response?.() ?? 0;
      });
      if (failure && batch.length <= failure.afterOperations) throw failure.error;
    } finally {
      this.screenUpdatingSuspended = false;
    }
    if (record.responseBytes > PAYLOAD_LIMIT) {
      throw new FakeError("ResponsePayloadSizeLimitExceeded", `response of ${record.responseBytes} bytes`);
    }
  }

  // -------------------------------------------------------------- state changes (applied on sync)

  newId(prefix: string): string {
    return `{${prefix}${String(++this.ids).padStart(6, "0")}-0000-4000-8000-000000000000}`;
  }

  liveSheets(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  createSheet(name: string): SheetState {
    this.checkSheetName(name);
    const sheet: SheetState = {
      kind: "sheet",
      id: this.newId("5EE7"),
      name,
      rows: [],
      formats: [],
      fonts: [],
      autofits: [],
      frozenRows: 0,
      deleted: false,
    };
    this.sheets.push(sheet);
    if (!this.selection.sheet)
      this.selection = { kind: "range", sheet, box: { row: 0, column: 0, rows: 1, columns: 1 } };
    return sheet;
  }

  checkSheetName(name: string, except?: SheetState): void {
    if (name.length === 0 || name.length > 31 || /[\\/?*:[\]]/.test(name) || /^'|'$/.test(name)) {
      throw new FakeError("InvalidArgument", `"${name}" is not a valid sheet name`);
    }
    const clash = this.liveSheets().find((s) => s !== except && s.name.toUpperCase() === name.toUpperCase());
    if (clash) throw new FakeError("ItemAlreadyExists", `a sheet called "${name}" exists`);
  }

  checkTableName(name: string, except?: TableState): void {
    if (
      !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[rRcC]$/.test(name)
    ) {
      throw new FakeError("InvalidArgument", `"${name}" is not a valid table name`);
    }
    const clash = this.liveTables().find((t) => t !== except && t.name.toUpperCase() === name.toUpperCase());
    if (clash) throw new FakeError("InvalidArgument", `a table called "${name}" exists`);
  }

  writeValues(range: RangeRef, values: unknown): void {
    const grid = this.checkGrid(range.box, values, false);
    const { sheet, box } = range;
    for (let r = 0; r < box.rows; r++) {
      for (let c = 0; c < box.columns; c++) {
        const v = grid[r][c];
        if (v === null) continue; // Office.js leaves a cell unchanged for null
        if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
          throw new FakeError("InvalidArgument", `unsupported value ${String(v)}`);
        }
        if (typeof v === "number" && !Number.isFinite(v))
          throw new FakeError("InvalidArgument", "non-finite number");
        const row = box.row + r;
        const column = box.column + c;
        const format = typeof v === "string" ? formatAt(sheet, row, column) : "General";
        setCell(sheet, row, column, parseTyped(v, format));
      }
    }
  }

  writeNumberFormat(range: RangeRef, formats: unknown): string {
    const grid = this.checkGrid(range.box, formats, true);
    if (grid.length === 1 && grid[0].length === 1) {
      const format = String(grid[0][0]);
      range.sheet.formats.push({ box: range.box, format });
      return format;
    }
    grid.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f === null) return;
        range.sheet.formats.push({
          box: { row: range.box.row + r, column: range.box.column + c, rows: 1, columns: 1 },
          format: String(f),
        });
      }),
    );
    return `${grid.length}×${grid[0].length}`;
  }

  private checkGrid(box: Box, values: unknown, broadcast: boolean): unknown[][] {
    if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
      throw new FakeError("InvalidArgument", "expected a 2-D array");
    }
    const grid = values as unknown[][];
    if (broadcast && grid.length === 1 && grid[0].length === 1) return grid;
    if (grid.length !== box.rows || grid.some((row) => row.length !== box.columns)) {
      throw new FakeError(
        "InvalidArgument",
        `a ${grid.length}×${grid[0]?.length ?? 0} array for a ${box.rows}×${box.columns} range ${a1(box)}`,
      );
    }
    return grid;
  }

  clearRange(range: RangeRef, applyTo: string): void {
    const { sheet, box } = range;
    const all = applyTo === "All";
    if (all || applyTo === "Contents") {
      sheet.rows.forEach((row, r) => {
        if (r < box.row || r >= box.row + box.rows) return;
        row.forEach((_, c) => {
          if (c >= box.column && c < box.column + box.columns) delete row[c];
        });
      });
    }
    if (all || applyTo === "Formats") {
      sheet.formats = sheet.formats.filter((f) => !intersectBoxes(f.box, box));
      sheet.fonts = sheet.fonts.filter((f) => !intersectBoxes(f.box, box));
      for (const cf of this.liveConditionalFormats()) {
        if (cf.sheet === sheet && intersectBoxes(cf.box, box)) cf.deleted = true;
      }
    }
  }

  addTable(range: RangeRef): TableState {
    for (const t of this.liveTables()) {
      if (t.sheet === range.sheet && intersectBoxes(t.box, range.box)) {
        throw new FakeError("InvalidOperation", `the range overlaps table ${t.name}`);
      }
    }
    if (range.box.rows < 2) throw new FakeError("InvalidArgument", "a table needs a header and a body row");
    let n = this.tables.length + 1;
    while (this.liveTables().some((t) => t.name === `Table${n}`)) n++;
    const table: TableState = {
      kind: "table",
      id: String(++this.ids),
      name: `Table${n}`,
      sheet: range.sheet,
      box: range.box,
      style: "TableStyleMedium2",
      deleted: false,
    };
    // Excel makes header cells text and fills blanks with "ColumnN".
    for (let c = 0; c < range.box.columns; c++) {
      const v = getCell(range.sheet, range.box.row, range.box.column + c);
      if (v === undefined || isFormula(v))
        setCell(range.sheet, range.box.row, range.box.column + c, `Column${c + 1}`);
    }
    this.tables.push(table);
    return table;
  }
}

/** Assertion helpers over one sheet. */
export class FakeSheetView {
  constructor(
    private readonly fx: FakeExcel,
    readonly state: SheetState,
  ) {}

  get name(): string {
    return this.state.name;
  }

  get id(): string {
    return this.state.id;
  }

  get frozenRows(): number {
    return this.state.frozenRows;
  }

  /** Values of `address` (or of the used range), formulas shown as their text, blanks as "". */
  values(address?: string): FakeValue[][] {
    const box = address ? parseRef(address) : usedBox(this.state);
    if (!box) return [];
    return Array.from({ length: box.rows }, (_, r) =>
      Array.from({ length: box.columns }, (_, c) => shown(getCell(this.state, box.row + r, box.column + c))),
    );
  }

  cell(address: string): FakeValue {
    const box = parseRef(address);
    return shown(getCell(this.state, box.row, box.column));
  }

  isFormula(address: string): boolean {
    const box = parseRef(address);
    return isFormula(getCell(this.state, box.row, box.column));
  }

  /** Addresses of every cell that holds a formula. */
  formulaCells(): string[] {
    const cells: string[] = [];
    this.state.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isFormula(v)) cells.push(`${letters(c)}${r + 1}`);
      }),
    );
    return cells;
  }

  numberFormat(address: string): string {
    const box = parseRef(address);
    return formatAt(this.state, box.row, box.column);
  }

  /** The used range's address, e.g. "A1:D10"; "" when empty. */
  usedAddress(): string {
    const box = usedBox(this.state);
    return box ? a1(box) : "";
  }

  tables(): { name: string; address: string; style: string }[] {
    return this.fx
      .liveTables()
      .filter((t) => t.sheet === this.state)
      .map((t) => ({ name: t.name, address: a1(t.box), style: t.style }));
  }

  charts(): {
    type: string;
    title?: string;
    position?: string;
    width?: number;
    height?: number;
    series: { name: string; values?: string; xValues?: string; chartType?: string; axisGroup: string }[];
    axes: {
      category: { title?: string; numberFormat?: string };
      value: { title?: string; numberFormat?: string };
    };
  }[] {
    return this.fx
      .liveCharts()
      .filter((c) => c.sheet === this.state)
      .map((c) => ({
        type: c.type,
        title: c.title,
        position: c.position,
        width: c.width,
        height: c.height,
        series: c.series.map((s) => ({
          name: s.name,
          values: s.values && a1(s.values),
          xValues: s.xValues && a1(s.xValues),
          chartType: s.chartType,
          axisGroup: s.axisGroup,
        })),
        axes: { category: { ...c.axes.category }, value: { ...c.axes.value } },
      }));
  }

  conditionalFormats(): { type: string; address: string; criteria?: unknown }[] {
    return this.fx
      .liveConditionalFormats()
      .filter((c) => c.sheet === this.state)
      .map((c) => ({ type: c.type, address: a1(c.box), criteria: c.criteria }));
  }

  fonts(): { address: string; bold?: boolean; size?: number }[] {
    return this.state.fonts.map((f) => ({ address: a1(f.box), bold: f.bold, size: f.size }));
  }

  autofits(): string[] {
    return this.state.autofits.map(a1);
  }
}

// ---------------------------------------------------------------- proxies

type Deletable = { deleted: boolean };

function parseLoad(props: unknown): string[] {
  if (props === undefined) return [];
  const list = Array.isArray(props) ? props : [props];
  return list
    .flatMap((p) => String(p).split(","))
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The base of every proxy: queued operations, lazy resolution, loaded-property snapshots. */
abstract class FakeProxy<T> {
  private resolution?: { value: T | null };
  private snapshot = new Map<string, unknown>();
  private loadedOnce = false;

  constructor(
    protected readonly fx: FakeExcel,
    readonly path: string,
    protected readonly resolver: () => T | null,
  ) {}

  /**
   * The state object, resolved at its first use in a sync (null for a null object). Collections
   * are read afresh at every use, as Office.js re-reads a collection on each load.
   */
  resolve(): T | null {
    if (this.isCollection()) return this.resolver();
    if (!this.resolution) this.resolution = { value: this.resolver() };
    return this.resolution.value;
  }

  protected isCollection(): boolean {
    return false;
  }

  bind(value: T): void {
    this.resolution = { value };
  }

  /** The state object, which must exist and not be deleted. */
  protected target(): T {
    const value = this.resolve();
    if (value === null) throw new FakeError("InvalidObjectPath", `${this.path} is a null object`);
    if ((value as unknown as Deletable).deleted)
      throw new FakeError("ItemNotFound", `${this.path} was deleted`);
    return value;
  }

  /** Reads one property from the state for a load. */
  protected abstract read(target: T, property: string): unknown;

  load(props?: string | string[]): this {
    const names = parseLoad(props);
    let responseBytes = 0;
    const request = this.fx.enqueue(
      {
        kind: "load",
        path: this.path,
        member: names.join(",") || "*",
        bytes: 40 + jsonBytes(names) + this.path.length,
      },
      () => {
        const value = this.resolve();
        this.loadedOnce = true;
        if (value === null) return;
        this.describe(request);
        const groups = new Map<string, string[]>();
        for (const name of names) {
          const [head, ...rest] = name.split("/");
          const sub = rest.join("/");
          groups.set(head, [...(groups.get(head) ?? []), ...(sub ? [sub] : [])]);
        }
        for (const [name, sub] of groups) {
          const read = name === "items" ? this.readItems(value, sub) : this.read(this.target(), name);
          this.snapshot.set(name, read);
          responseBytes += name === "items" ? 16 * sub.length * (read as unknown[]).length : jsonBytes(read);
        }
      },
      () => responseBytes,
    );
    return this;
  }

  /** For collections: item proxies with `sub` properties loaded. */
  protected readItems(target: T, sub: string[]): unknown[] {
    throw new FakeError(
      "InvalidArgument",
      `${this.path} (${typeof target}) has no items to load ${sub.join(", ")}`,
    );
  }

  /** Marks `properties` loaded with values (used for collection items). */
  preload(values: Record<string, unknown>): void {
    this.loadedOnce = true;
    for (const [k, v] of Object.entries(values)) this.snapshot.set(k, v);
  }

  protected loaded<V>(property: string): V {
    if (!this.snapshot.has(property)) {
      throw new FakeError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (${this.path})`,
      );
    }
    return this.snapshot.get(property) as V;
  }

  get isNullObject(): boolean {
    if (!this.loadedOnce)
      throw new FakeError("PropertyNotLoaded", `isNullObject of ${this.path} read before load + sync`);
    return this.resolve() === null;
  }

  /** Queues a property set. */
  protected queueSet(member: string, value: unknown, apply: (target: T) => string | void): void {
    const request = this.fx.enqueue(
      { kind: "set", path: this.path, member, bytes: 40 + this.path.length + jsonBytes(value) },
      () => {
        const detail = apply(this.target());
        if (detail) request.value = detail;
        this.describe(request);
      },
    );
  }

  /** Queues a method call. */
  protected queueCall(member: string, args: unknown[], apply: (target: T) => void): FakeRequest {
    const request = this.fx.enqueue(
      { kind: "call", path: this.path, member, bytes: 40 + this.path.length + jsonBytes(args.map(argJson)) },
      () => {
        apply(this.target());
        this.describe(request);
      },
    );
    return request;
  }

  /** The sheet and address a logged request touched (ranges say; other objects do not). */
  protected describeTarget(): { sheet?: string; address?: string } {
    return {};
  }

  private describe(request: FakeRequest): void {
    Object.assign(request, this.describeTarget());
  }
}

function argJson(arg: unknown): unknown {
  return arg instanceof FakeProxy ? { path: arg.path.length } : arg;
}

class FakeWorkbookProxy extends FakeProxy<FakeExcel> {
  readonly application: FakeApplicationProxy;
  readonly worksheets: FakeWorksheetCollectionProxy;
  readonly tables: FakeTableCollectionProxy;
  readonly customXmlParts: FakeXmlPartCollectionProxy;
  readonly settings: FakeSettingCollectionProxy;

  constructor(fx: FakeExcel) {
    super(fx, "workbook", () => fx);
    this.application = new FakeApplicationProxy(fx);
    this.worksheets = new FakeWorksheetCollectionProxy(fx);
    this.tables = new FakeTableCollectionProxy(fx, "workbook.tables", () => "workbook");
    this.customXmlParts = new FakeXmlPartCollectionProxy(fx, "workbook.customXmlParts", () =>
      fx.liveXmlParts(),
    );
    this.settings = new FakeSettingCollectionProxy(fx);
  }

  protected read(): unknown {
    return undefined;
  }

  getSelectedRange(): FakeRangeProxy {
    return new FakeRangeProxy(this.fx, "workbook.getSelectedRange()", () => {
      if (this.fx.selectionAreas > 1) throw new FakeError("InvalidSelection", "several areas are selected");
      return { ...this.fx.selection };
    });
  }
}

class FakeApplicationProxy extends FakeProxy<FakeExcel> {
  constructor(fx: FakeExcel) {
    super(fx, "application", () => fx);
  }

  protected read(fx: FakeExcel, property: string): unknown {
    if (property === "calculationMode") return fx.calculationMode;
    throw new FakeError("InvalidArgument", `application.${property} is not faked`);
  }

  get calculationMode(): string {
    return this.loaded("calculationMode");
  }

  set calculationMode(mode: string) {
    if (!versionAtMost("1.8", this.fx.excelApi))
      throw new FakeError("ApiNotFound", "calculationMode set needs ExcelApi 1.8");
    this.queueSet("calculationMode", mode, (fx) => {
      if (mode !== "Automatic" && mode !== "AutomaticExceptTables" && mode !== "Manual") {
        throw new FakeError("InvalidArgument", `calculation mode ${mode}`);
      }
      fx.calculationMode = mode;
      return mode;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    if (!versionAtMost("1.9", this.fx.excelApi)) throw new FakeError("ApiNotFound", "needs ExcelApi 1.9");
    this.queueCall("suspendScreenUpdatingUntilNextSync", [], (fx) => {
      fx.screenUpdatingSuspended = true;
      fx.screenUpdatingSuspensions++;
    });
  }
}

class FakeWorksheetCollectionProxy extends FakeProxy<SheetState[]> {
  protected override isCollection(): boolean {
    return true;
  }

  constructor(fx: FakeExcel) {
    super(fx, "worksheets", () => fx.liveSheets());
  }

  protected read(): unknown {
    throw new FakeError("InvalidArgument", "load items of worksheets");
  }

  protected override readItems(sheets: SheetState[], sub: string[]): unknown[] {
    return sheets.map((s) => {
      const item = new FakeWorksheetProxy(this.fx, `worksheets[${JSON.stringify(s.name)}]`, () => s);
      item.preload(Object.fromEntries(sub.map((p) => [p, readSheet(s, p)])));
      return item;
    });
  }

  get items(): FakeWorksheetProxy[] {
    return this.loaded("items");
  }

  add(name?: string): FakeWorksheetProxy {
    const proxy = new FakeWorksheetProxy(this.fx, `worksheets.add(${JSON.stringify(name)})`, () => null);
    this.queueCall("add", [name], (sheets) => {
      let n = sheets.length + 1;
      while (!name && this.fx.sheetNamed(`Sheet${n}`)) n++;
      proxy.bind(this.fx.createSheet(name ?? `Sheet${n}`));
    });
    return proxy;
  }

  getItem(key: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.fx, `worksheets.getItem(${JSON.stringify(key)})`, () => {
      const s = this.fx.sheetNamed(key) ?? this.fx.liveSheets().find((x) => x.id === key);
      if (!s) throw new FakeError("ItemNotFound", `no sheet ${key}`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheetProxy {
    return new FakeWorksheetProxy(
      this.fx,
      `worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => this.fx.sheetNamed(key) ?? this.fx.liveSheets().find((x) => x.id === key) ?? null,
    );
  }
}

function readSheet(s: SheetState, property: string): unknown {
  if (property === "id") return s.id;
  if (property === "name") return s.name;
  throw new FakeError("InvalidArgument", `worksheet.${property} is not faked`);
}

class FakeWorksheetProxy extends FakeProxy<SheetState> {
  protected read(sheet: SheetState, property: string): unknown {
    return readSheet(sheet, property);
  }

  get id(): string {
    return this.loaded("id");
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(name: string) {
    this.queueSet("name", name, (sheet) => {
      this.fx.checkSheetName(name, sheet);
      sheet.name = name;
    });
  }

  /** Makes the sheet active; as in Excel, its A1 becomes the selection in this fake. */
  activate(): void {
    this.queueCall("activate", [], (sheet) => {
      this.fx.selectionAreas = 1;
      this.fx.selection = { kind: "range", sheet, box: { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }

  get tables(): FakeTableCollectionProxy {
    return new FakeTableCollectionProxy(this.fx, `${this.path}.tables`, () => this.resolve());
  }

  get charts(): FakeChartCollectionProxy {
    return new FakeChartCollectionProxy(this.fx, `${this.path}.charts`, () => this.resolve());
  }

  get freezePanes(): FakeFreezePanesProxy {
    return new FakeFreezePanesProxy(this.fx, `${this.path}.freezePanes`, () => this.resolve());
  }

  getRange(address?: string): FakeRangeProxy {
    return new FakeRangeProxy(
      this.fx,
      `${this.path}.getRange(${address === undefined ? "" : JSON.stringify(address)})`,
      () => {
        const sheet = this.target();
        if (address === undefined)
          return {
            kind: "range",
            sheet,
            box: { row: 0, column: 0, rows: SHEET_ROWS, columns: SHEET_COLUMNS },
          };
        const { sheet: named, ref } = splitAddress(address);
        if (named !== undefined && named.toUpperCase() !== sheet.name.toUpperCase()) {
          throw new FakeError("InvalidArgument", `${address} is not on ${sheet.name}`);
        }
        return { kind: "range", sheet, box: parseRef(ref) };
      },
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeProxy {
    return new FakeRangeProxy(this.fx, `${this.path}.getUsedRangeOrNullObject(${valuesOnly ?? ""})`, () => {
      const sheet = this.target();
      const box = usedBox(sheet);
      return box ? { kind: "range", sheet, box } : null;
    });
  }

  delete(): void {
    this.queueCall("delete", [], (sheet) => {
      if (this.fx.liveSheets().length <= 1)
        throw new FakeError("InvalidOperation", "cannot delete the last sheet");
      sheet.deleted = true;
    });
  }
}

class FakeFreezePanesProxy extends FakeProxy<SheetState> {
  protected read(): unknown {
    return undefined;
  }

  freezeRows(count = 1): void {
    if (!versionAtMost("1.7", this.fx.excelApi))
      throw new FakeError("ApiNotFound", "freezePanes needs ExcelApi 1.7");
    this.queueCall("freezeRows", [count], (sheet) => {
      sheet.frozenRows = count;
    });
  }

  unfreeze(): void {
    this.queueCall("unfreeze", [], (sheet) => {
      sheet.frozenRows = 0;
    });
  }
}

class FakeRangeProxy extends FakeProxy<RangeRef> {
  protected read(range: RangeRef, property: string): unknown {
    const { sheet, box } = range;
    switch (property) {
      case "address":
        return `${quoteSheet(sheet.name)}!${a1(box)}`;
      case "rowIndex":
        return box.row;
      case "columnIndex":
        return box.column;
      case "rowCount":
        return box.rows;
      case "columnCount":
        return box.columns;
      case "cellCount":
        return box.rows * box.columns > 2_147_483_647 ? -1 : box.rows * box.columns;
      case "values": {
        if (box.rows * box.columns > READ_CELL_LIMIT) {
          throw new FakeError(
            "InvalidOperation",
            `values of ${box.rows * box.columns} cells: more than 5,000,000`,
          );
        }
        return Array.from({ length: box.rows }, (_, r) =>
          Array.from({ length: box.columns }, (_, c) => shown(getCell(sheet, box.row + r, box.column + c))),
        );
      }
      case "numberFormat":
        return Array.from({ length: box.rows }, (_, r) =>
          Array.from({ length: box.columns }, (_, c) => formatAt(sheet, box.row + r, box.column + c)),
        );
      default:
        throw new FakeError("InvalidArgument", `range.${property} is not faked`);
    }
  }

  protected override describeTarget(): { sheet?: string; address?: string } {
    const range = this.resolve();
    return range ? { sheet: range.sheet.name, address: a1(range.box) } : {};
  }

  private derive(member: string, compute: (range: RangeRef) => RangeRef | null): FakeRangeProxy {
    return new FakeRangeProxy(this.fx, `${this.path}.${member}`, () => compute(this.target()));
  }

  get address(): string {
    return this.loaded("address");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }

  get values(): FakeValue[][] {
    return this.loaded("values");
  }

  set values(values: FakeValue[][]) {
    this.queueSet("values", values, (range) => {
      this.fx.writeValues(range, values);
      return `${values.length}×${values[0]?.length ?? 0}`;
    });
  }

  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }

  set numberFormat(formats: string[][]) {
    this.queueSet("numberFormat", formats, (range) => this.fx.writeNumberFormat(range, formats));
  }

  get worksheet(): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.fx, `${this.path}.worksheet`, () => this.target().sheet);
  }

  get format(): FakeRangeFormatProxy {
    return new FakeRangeFormatProxy(this.fx, `${this.path}.format`, () => this.resolve());
  }

  get conditionalFormats(): FakeConditionalFormatCollectionProxy {
    return new FakeConditionalFormatCollectionProxy(this.fx, `${this.path}.conditionalFormats`, () =>
      this.resolve(),
    );
  }

  getSurroundingRegion(): FakeRangeProxy {
    if (!versionAtMost("1.7", this.fx.excelApi))
      throw new FakeError("ApiNotFound", "getSurroundingRegion needs ExcelApi 1.7");
    return this.derive("getSurroundingRegion()", (r) => ({ ...r, box: currentRegion(r.sheet, r.box) }));
  }

  getIntersectionOrNullObject(other: FakeRangeProxy | string): FakeRangeProxy {
    return this.derive(
      `getIntersectionOrNullObject(${typeof other === "string" ? JSON.stringify(other) : other.path})`,
      (r) => {
        let box: Box;
        if (typeof other === "string") {
          box = parseRef(splitAddress(other).ref);
        } else {
          const o = other.resolve();
          if (o === null)
            throw new FakeError("InvalidArgument", "getIntersectionOrNullObject with a null object");
          if (o.sheet !== r.sheet) throw new FakeError("InvalidArgument", "ranges on different sheets");
          box = o.box;
        }
        const hit = intersectBoxes(r.box, box);
        return hit ? { ...r, box: hit } : null;
      },
    );
  }

  getCell(row: number, column: number): FakeRangeProxy {
    return this.derive(`getCell(${row},${column})`, (r) => ({
      ...r,
      box: { row: r.box.row + row, column: r.box.column + column, rows: 1, columns: 1 },
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRangeProxy {
    return this.derive(`getResizedRange(${deltaRows},${deltaColumns})`, (r) => {
      const rows = r.box.rows + deltaRows;
      const columns = r.box.columns + deltaColumns;
      if (rows < 1 || columns < 1) throw new FakeError("InvalidArgument", "resized to nothing");
      return { ...r, box: { ...r.box, rows, columns } };
    });
  }

  clear(applyTo: string = "All"): void {
    this.queueCall("clear", [applyTo], (range) => this.fx.clearRange(range, applyTo));
  }
}

class FakeRangeFormatProxy extends FakeProxy<RangeRef> {
  protected read(): unknown {
    return undefined;
  }

  get font(): FakeFontProxy {
    return new FakeFontProxy(this.fx, `${this.path}.font`, () => this.resolve());
  }

  autofitColumns(): void {
    this.queueCall("autofitColumns", [], (range) => {
      range.sheet.autofits.push(range.box);
    });
  }
}

class FakeFontProxy extends FakeProxy<RangeRef> {
  protected read(): unknown {
    return undefined;
  }

  set bold(bold: boolean) {
    this.queueSet("font.bold", bold, (range) => {
      range.sheet.fonts.push({ box: range.box, bold });
    });
  }

  set size(size: number) {
    this.queueSet("font.size", size, (range) => {
      range.sheet.fonts.push({ box: range.box, size });
    });
  }
}

class FakeTableCollectionProxy extends FakeProxy<SheetState | "workbook"> {
  protected override isCollection(): boolean {
    return true;
  }

  protected read(): unknown {
    throw new FakeError("InvalidArgument", "load items of tables");
  }

  protected override readItems(sheet: SheetState | "workbook", sub: string[]): unknown[] {
    return this.fx
      .liveTables()
      .filter((t) => sheet === "workbook" || t.sheet === sheet)
      .map((t) => {
        const item = new FakeTableProxy(this.fx, `tables[${JSON.stringify(t.name)}]`, () => t);
        item.preload(Object.fromEntries(sub.map((p) => [p, readTable(t, p)])));
        return item;
      });
  }

  get items(): FakeTableProxy[] {
    return this.loaded("items");
  }

  add(address: FakeRangeProxy | string, hasHeaders: boolean): FakeTableProxy {
    const proxy = new FakeTableProxy(
      this.fx,
      `${this.path}.add(${typeof address === "string" ? address : address.path})`,
      () => null,
    );
    const request = this.fx.enqueue(
      { kind: "call", path: this.path, member: "tables.add", bytes: 60 + this.path.length },
      () => {
        const owner = this.resolve();
        const sheet = owner === "workbook" ? undefined : owner;
        let range: RangeRef | null;
        if (typeof address === "string") {
          const { sheet: named, ref } = splitAddress(address);
          const on = named !== undefined ? this.fx.sheetNamed(named) : sheet;
          if (!on) throw new FakeError("ItemNotFound", `no sheet for ${address}`);
          range = { kind: "range", sheet: on, box: parseRef(ref) };
        } else {
          range = address.resolve();
        }
        if (!range) throw new FakeError("InvalidArgument", "tables.add with a null range");
        if (!hasHeaders) throw new FakeError("InvalidArgument", "the fake only models tables with headers");
        proxy.bind(this.fx.addTable(range));
        request.sheet = range.sheet.name;
        request.address = a1(range.box);
      },
    );
    return proxy;
  }
}

function readTable(t: TableState, property: string): unknown {
  if (property === "name") return t.name;
  if (property === "id") return t.id;
  if (property === "style") return t.style;
  throw new FakeError("InvalidArgument", `table.${property} is not faked`);
}

class FakeTableProxy extends FakeProxy<TableState> {
  protected read(t: TableState, property: string): unknown {
    return readTable(t, property);
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(name: string) {
    this.queueSet("name", name, (t) => {
      this.fx.checkTableName(name, t);
      t.name = name;
      return name;
    });
  }

  set style(style: string) {
    this.queueSet("style", style, (t) => {
      t.style = style;
      return style;
    });
  }

  delete(): void {
    this.queueCall("delete", [], (t) => {
      t.deleted = true;
      this.fx.clearRange({ kind: "range", sheet: t.sheet, box: t.box }, "All");
    });
  }
}

const CHART_TYPES = new Set([
  "ColumnClustered",
  "BarClustered",
  "Line",
  "LineMarkers",
  "Pie",
  "Pareto",
  "XYScatter",
  "XYScatterLines",
]);

class FakeChartCollectionProxy extends FakeProxy<SheetState> {
  protected override isCollection(): boolean {
    return true;
  }

  protected read(): unknown {
    throw new FakeError("InvalidArgument", "load items of charts");
  }

  protected override readItems(sheet: SheetState, sub: string[]): unknown[] {
    return this.fx
      .liveCharts()
      .filter((c) => c.sheet === sheet)
      .map((c) => {
        const item = new FakeChartProxy(this.fx, `charts[${JSON.stringify(c.name)}]`, () => c);
        item.preload(Object.fromEntries(sub.map((p) => [p, p === "name" ? c.name : c.id])));
        return item;
      });
  }

  get items(): FakeChartProxy[] {
    return this.loaded("items");
  }

  add(type: string, sourceData: FakeRangeProxy, seriesBy?: string): FakeChartProxy {
    const proxy = new FakeChartProxy(this.fx, `${this.path}.add(${type})`, () => null);
    this.queueCall("charts.add", [type, sourceData, seriesBy], (sheet) => {
      if (!CHART_TYPES.has(type)) throw new FakeError("InvalidArgument", `chart type ${type}`);
      const source = sourceData.resolve();
      if (!source || source.sheet !== sheet)
        throw new FakeError("InvalidArgument", "chart source on another sheet");
      const byRows = seriesBy === "Rows";
      const count = byRows ? source.box.rows : source.box.columns;
      const series: SeriesState[] = Array.from({ length: count }, (_, i) => ({
        name: `Series${i + 1}`,
        values: byRows
          ? { ...source.box, row: source.box.row + i, rows: 1 }
          : { ...source.box, column: source.box.column + i, columns: 1 },
        axisGroup: "Primary",
      }));
      const chart: ChartState = {
        kind: "chart",
        id: this.fx.newId("C4A7"),
        name: `Chart ${this.fx.charts.length + 1}`,
        sheet,
        type,
        source: source.box,
        series,
        axes: { category: {}, value: {} },
        deleted: false,
      };
      this.fx.charts.push(chart);
      proxy.bind(chart);
    });
    return proxy;
  }
}

class FakeChartProxy extends FakeProxy<ChartState> {
  protected read(c: ChartState, property: string): unknown {
    if (property === "name") return c.name;
    throw new FakeError("InvalidArgument", `chart.${property} is not faked`);
  }

  get title(): { text: string } {
    const set = (text: string) => this.queueSet("title.text", text, (c) => void (c.title = text));
    return {
      get text(): string {
        throw new FakeError("PropertyNotLoaded", "chart.title.text");
      },
      set text(text: string) {
        set(text);
      },
    };
  }

  set width(width: number) {
    this.queueSet("width", width, (c) => void (c.width = width));
  }

  set height(height: number) {
    this.queueSet("height", height, (c) => void (c.height = height));
  }

  setPosition(startCell: string | FakeRangeProxy, endCell?: string | FakeRangeProxy): void {
    this.queueCall("setPosition", [startCell, endCell], (c) => {
      const start = typeof startCell === "string" ? startCell : startCell.resolve()?.box;
      c.position = typeof start === "string" ? start : start ? a1(start) : undefined;
    });
  }

  get series(): FakeSeriesCollectionProxy {
    return new FakeSeriesCollectionProxy(this.fx, `${this.path}.series`, () => this.resolve());
  }

  get axes(): { categoryAxis: FakeChartAxisProxy; valueAxis: FakeChartAxisProxy } {
    const axis = (which: "category" | "value") =>
      new FakeChartAxisProxy(this.fx, `${this.path}.axes.${which}Axis`, () => {
        const chart = this.resolve();
        return chart ? chart.axes[which] : null;
      });
    return { categoryAxis: axis("category"), valueAxis: axis("value") };
  }

  delete(): void {
    this.queueCall("delete", [], (c) => void (c.deleted = true));
  }
}

/** `chart.axes.categoryAxis` / `valueAxis`: the title text (ExcelApi 1.1) and number format (1.8). */
class FakeChartAxisProxy extends FakeProxy<AxisState> {
  protected read(): unknown {
    throw new FakeError("InvalidArgument", "chart axis properties are not faked for loading");
  }

  get title(): { text: string } {
    const set = (text: string) => this.queueSet("axis.title.text", text, (a) => void (a.title = text));
    return {
      get text(): string {
        throw new FakeError("PropertyNotLoaded", "axis.title.text");
      },
      set text(text: string) {
        set(text);
      },
    };
  }

  set numberFormat(format: string) {
    if (!versionAtMost("1.8", this.fx.excelApi))
      throw new FakeError("ApiNotFound", "axis.numberFormat needs ExcelApi 1.8");
    this.queueSet("axis.numberFormat", format, (a) => void (a.numberFormat = format));
  }
}

class FakeSeriesCollectionProxy extends FakeProxy<ChartState> {
  protected read(): unknown {
    return undefined;
  }

  getItemAt(index: number): FakeSeriesProxy {
    return new FakeSeriesProxy(this.fx, `${this.path}.getItemAt(${index})`, () => {
      const s = this.target().series[index];
      if (!s) throw new FakeError("ItemNotFound", `no series ${index}`);
      return s;
    });
  }

  add(name?: string): FakeSeriesProxy {
    if (!versionAtMost("1.7", this.fx.excelApi))
      throw new FakeError("ApiNotFound", "series.add needs ExcelApi 1.7");
    const proxy = new FakeSeriesProxy(this.fx, `${this.path}.add(${JSON.stringify(name)})`, () => null);
    this.queueCall("series.add", [name], (c) => {
      const s: SeriesState = { name: name ?? `Series${c.series.length + 1}`, axisGroup: "Primary" };
      c.series.push(s);
      proxy.bind(s);
    });
    return proxy;
  }
}

class FakeSeriesProxy extends FakeProxy<SeriesState> {
  protected read(s: SeriesState, property: string): unknown {
    if (property === "name") return s.name;
    throw new FakeError("InvalidArgument", `series.${property} is not faked`);
  }

  set name(name: string) {
    this.queueSet("series.name", name, (s) => void (s.name = name));
  }

  set chartType(type: string) {
    this.queueSet("series.chartType", type, (s) => {
      if (!CHART_TYPES.has(type)) throw new FakeError("InvalidArgument", `chart type ${type}`);
      s.chartType = type;
    });
  }

  set axisGroup(group: string) {
    if (!versionAtMost("1.8", this.fx.excelApi))
      throw new FakeError("ApiNotFound", "axisGroup needs ExcelApi 1.8");
    this.queueSet("series.axisGroup", group, (s) => void (s.axisGroup = group));
  }

  setValues(source: FakeRangeProxy): void {
    this.queueCall("series.setValues", [source], (s) => {
      s.values = source.resolve()?.box;
    });
  }

  setXAxisValues(source: FakeRangeProxy): void {
    this.queueCall("series.setXAxisValues", [source], (s) => {
      s.xValues = source.resolve()?.box;
    });
  }
}

class FakeConditionalFormatCollectionProxy extends FakeProxy<RangeRef> {
  protected read(): unknown {
    return undefined;
  }

  add(type: string): FakeConditionalFormatProxy {
    if (!versionAtMost("1.6", this.fx.excelApi))
      throw new FakeError("ApiNotFound", "conditional formats need ExcelApi 1.6");
    const proxy = new FakeConditionalFormatProxy(this.fx, `${this.path}.add(${type})`, () => null);
    this.queueCall("conditionalFormats.add", [type], (range) => {
      const cf: ConditionalFormatState = {
        kind: "conditionalFormat",
        id: this.fx.newId("CF00"),
        type,
        sheet: range.sheet,
        box: range.box,
        deleted: false,
      };
      this.fx.conditionalFormats.push(cf);
      proxy.bind(cf);
    });
    return proxy;
  }

  clearAll(): void {
    this.queueCall("conditionalFormats.clearAll", [], (range) => {
      for (const cf of this.fx.liveConditionalFormats()) {
        if (cf.sheet === range.sheet && intersectBoxes(cf.box, range.box)) cf.deleted = true;
      }
    });
  }
}

class FakeConditionalFormatProxy extends FakeProxy<ConditionalFormatState> {
  protected read(): unknown {
    return undefined;
  }

  get colorScale(): { criteria: unknown } {
    const set = (criteria: unknown) =>
      this.queueSet("colorScale.criteria", criteria, (cf) => {
        if (cf.type !== "ColorScale") throw new FakeError("InvalidOperation", "not a colour scale");
        const c = criteria as { minimum?: { type?: string }; maximum?: { type?: string } };
        if (!c?.minimum?.type || !c?.maximum?.type)
          throw new FakeError("InvalidArgument", "criteria need minimum and maximum");
        cf.criteria = criteria;
      });
    return {
      get criteria(): unknown {
        throw new FakeError("PropertyNotLoaded", "colorScale.criteria");
      },
      set criteria(criteria: unknown) {
        set(criteria);
      },
    };
  }
}

class FakeXmlPartCollectionProxy extends FakeProxy<XmlPartState[]> {
  protected override isCollection(): boolean {
    return true;
  }

  protected read(): unknown {
    throw new FakeError("InvalidArgument", "load items of customXmlParts");
  }

  protected override readItems(parts: XmlPartState[], sub: string[]): unknown[] {
    return parts.map((p) => {
      const item = new FakeXmlPartProxy(this.fx, `customXmlParts[${p.id}]`, () => p);
      item.preload(Object.fromEntries(sub.map((s) => [s, s === "id" ? p.id : p.namespaceUri])));
      return item;
    });
  }

  get items(): FakeXmlPartProxy[] {
    return this.loaded("items");
  }

  add(xml: string): FakeXmlPartProxy {
    if (!versionAtMost("1.5", this.fx.excelApi))
      throw new FakeError("ApiNotFound", "custom XML parts need ExcelApi 1.5");
    const proxy = new FakeXmlPartProxy(this.fx, "customXmlParts.add()", () => null);
    this.queueCall("customXmlParts.add", [xml], () => {
      checkXml(xml);
      proxy.bind(this.fx.addXmlPart(xml));
    });
    return proxy;
  }

  getByNamespace(namespaceUri: string): FakeXmlPartCollectionProxy {
    return new FakeXmlPartCollectionProxy(
      this.fx,
      `customXmlParts.getByNamespace(${JSON.stringify(namespaceUri)})`,
      () => this.fx.liveXmlParts().filter((p) => p.namespaceUri === namespaceUri),
    );
  }
}

function checkXml(xml: string): void {
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<[A-Za-z_][\w.:-]*[\s>/]/.test(xml) || !/>\s*$/.test(xml)) {
    throw new FakeError("InvalidArgument", "not XML");
  }
}

class FakeXmlPartProxy extends FakeProxy<XmlPartState> {
  protected read(p: XmlPartState, property: string): unknown {
    if (property === "id") return p.id;
    if (property === "namespaceUri") return p.namespaceUri;
    throw new FakeError("InvalidArgument", `customXmlPart.${property} is not faked`);
  }

  get id(): string {
    return this.loaded("id");
  }

  getXml(): { value: string } {
    const result = new FakeClientResult<string>();
    this.queueCall("getXml", [], (p) => result.set(p.xml));
    return result;
  }

  setXml(xml: string): void {
    this.queueCall("setXml", [xml], (p) => {
      checkXml(xml);
      p.xml = xml;
      p.namespaceUri = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
    });
  }

  delete(): void {
    this.queueCall("delete", [], (p) => void (p.deleted = true));
  }
}

class FakeClientResult<T> {
  private state?: { value: T };

  set(value: T): void {
    this.state = { value };
  }

  get value(): T {
    if (!this.state)
      throw new FakeError("PropertyNotLoaded", "ClientResult.value read before context.sync()");
    return this.state.value;
  }
}

class FakeSettingCollectionProxy extends FakeProxy<Map<string, unknown>> {
  constructor(fx: FakeExcel) {
    super(fx, "settings", () => fx.settings);
  }

  protected read(): unknown {
    return undefined;
  }

  add(key: string, value: unknown): FakeSettingProxy {
    this.queueCall(
      "settings.add",
      [key, value],
      (settings) => void settings.set(key, JSON.parse(JSON.stringify(value))),
    );
    return new FakeSettingProxy(this.fx, `settings[${JSON.stringify(key)}]`, () => ({
      key,
      map: this.fx.settings,
    }));
  }

  getItemOrNullObject(key: string): FakeSettingProxy {
    return new FakeSettingProxy(this.fx, `settings.getItemOrNullObject(${JSON.stringify(key)})`, () =>
      this.fx.settings.has(key) ? { key, map: this.fx.settings } : null,
    );
  }
}

class FakeSettingProxy extends FakeProxy<{ key: string; map: Map<string, unknown> }> {
  protected read(s: { key: string; map: Map<string, unknown> }, property: string): unknown {
    if (property === "value") return s.map.get(s.key);
    if (property === "key") return s.key;
    throw new FakeError("InvalidArgument", `setting.${property} is not faked`);
  }

  get value(): unknown {
    return this.loaded("value");
  }

  delete(): void {
    this.queueCall("delete", [], (s) => void s.map.delete(s.key));
  }
}

/**
 * A fake workbook with `sheets` (name → rows of values from A1), e.g.
 * `fakeWorkbook({ Sheet1: [["SKU", "Cost"], ["A-1", 2]] }, { selection: "Sheet1!A1:B2" })`.
 */
export function fakeWorkbook(
  sheets: Record<string, FakeValue[][]>,
  options: FakeWorkbookOptions = {},
): FakeExcel {
  const fx = new FakeExcel(options);
  for (const [name, values] of Object.entries(sheets)) fx.addSheet(name, values);
  if (options.selection) fx.select(options.selection);
  return fx;
}
