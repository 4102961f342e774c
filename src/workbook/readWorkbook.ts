/**
 * Reads an .xlsx file and finds its SKU table, producing the same InputTable the task pane's
 * reader (src/excel/readSelection.ts) produces from a selection:
 *
 * - headers: the first non-empty row of the region, as text (trimmed); a number header as its
 *   digits, so a real date header arrives as its serial ("45658"); TRUE/FALSE; blank as "";
 * - values: numbers, text and logicals as stored; blank cells null; dates as Excel serial numbers
 *   (1900 date system, also in a 1904-system workbook); a formula as its cached result; rich text
 *   as its plain text; an error cell as its text ("#N/A"), which the engine reports as text in a
 *   numeric cell; the covered cells of a merged area blank (Excel gives "" there).
 * - the region: `--range` if given (clipped to the used cells), else the sheet's used cells.
 *
 * Without a sheet name, every sheet is tried and the one whose header row maps best wins; sheets
 * the add-in owns are never read as input.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import { CellValue } from "../engine/report";
import { InputTable } from "../engine/segmentation/input";
import { quoteSheetName, sameSheetName } from "../engine/workbookParts/address";
import { OWNED_SHEETS_NAMESPACE, OwnedSheet, parseOwnership } from "../engine/workbookParts/ownership";
import {
  SETTINGS_NAMESPACE,
  SavedMapping,
  TableMapping,
  WorkbookSetup,
  mapColumns,
  mappingScore,
  missingEssentials,
  parseSetup,
} from "../engine/workbookParts/setup";
import { CellBox, boxAddress, intersect, parseRange } from "./address";
import { WorkbookError } from "./errors";
import { XlsxPackage, oneLine, openPackageZip, readPackage } from "./xlsxPackage";

/** An .xlsx file, loaded. */
export interface OpenedWorkbook {
  path: string;
  /** The file's bytes as read (the input is never written). */
  bytes: Buffer;
  workbook: ExcelJS.Workbook;
  pkg: XlsxPackage;
  /** The registry: the sheets the add-in owns (entries whose sheet still exists). */
  owned: OwnedSheet[];
  /** Their ids. */
  ownedIds: Set<string>;
  /** The setup saved by the task pane (or a previous refresh), if any. */
  setup: WorkbookSetup | null;
}

/** Opens `path`: a one-line WorkbookError when it is missing, not an .xlsx, encrypted or damaged. */
export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new WorkbookError(`${path} is a folder, not an .xlsx file.`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookError(`${path}: no such file.`);
    if (code === "EACCES" || code === "EPERM")
      throw new WorkbookError(`${path} cannot be read (permission denied).`);
    throw new WorkbookError(`${path} cannot be read (${oneLine(error)}).`);
  }
  const zip = await openPackageZip(bytes, name);
  const pkg = await readPackage(zip);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookError(`${name} could not be read as a workbook (${oneLine(error)}).`);
  }
  const existing = new Set(pkg.sheets.map((s) => s.uid).filter((u): u is string => u !== undefined));
  const owned = parseOwnership(
    pkg.customXml.filter((p) => p.namespace === OWNED_SHEETS_NAMESPACE).map((p) => p.xml),
  ).filter((o) => existing.has(o.id));
  const ownedIds = new Set(owned.map((o) => o.id));
  let setup: WorkbookSetup | null = null;
  for (const part of pkg.customXml.filter((p) => p.namespace === SETTINGS_NAMESPACE)) {
    setup = parseSetup(part.xml);
    if (setup) break;
  }
  return { path, bytes, workbook, pkg, owned, ownedIds, setup };
}

/** The box of cells that hold a value (formatting alone does not count, as in Excel's values-only used range). */
export function usedBox(worksheet: ExcelJS.Worksheet): CellBox | undefined {
  let box: CellBox | undefined;
  worksheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge || inputValue(cell) === null) return;
      if (box === undefined) box = { top: r, left: c, bottom: r, right: c };
      else {
        box.top = Math.min(box.top, r);
        box.bottom = Math.max(box.bottom, r);
        box.left = Math.min(box.left, c);
        box.right = Math.max(box.right, c);
      }
    });
  });
  return box;
}

/** Excel serial number (1900 date system) of a date exceljs read. */
export function serialOfDate(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function richTextOf(value: unknown): string | undefined {
  if (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as ExcelJS.CellRichTextValue).richText)
  ) {
    return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text ?? "").join("");
  }
  return undefined;
}

/** A stored value (or a formula's cached result) as the Excel reader would see it. */
function plainValue(value: unknown): CellValue | undefined {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : serialOfDate(value);
  if (typeof value === "object") {
    const rich = richTextOf(value);
    if (rich !== undefined) return rich === "" ? null : rich;
    const v = value as { error?: unknown; text?: unknown };
    if (typeof v.error === "string") return v.error;
    if (v.text !== undefined) return plainValue(richTextOf(v.text) ?? v.text);
  }
  return undefined;
}

/** A cell's value for the InputTable; a formula without a cached result reads as null. */
export function inputValue(cell: ExcelJS.Cell): CellValue {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      return plainValue(cell.result) ?? null;
    default: {
      const value = plainValue(cell.value);
      return value === undefined ? String(cell.value) : value;
    }
  }
}

/** True for a formula cell the file holds no result for (it was never calculated and saved). */
function isUncalculatedFormula(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Formula && (cell.result === undefined || cell.result === null);
}

/** A header cell as text, as the Excel reader makes it. */
export function headerText(value: CellValue): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return "";
}

export interface ReadTable {
  table: InputTable;
  /** The region read, header row included. */
  box: CellBox;
  warnings: string[];
}

/** The first row of `region` with a value in it: the header row. */
function headerRowOf(worksheet: ExcelJS.Worksheet, region: CellBox): number | undefined {
  for (let r = region.top; r <= region.bottom; r++) {
    const row = worksheet.findRow(r);
    if (row === undefined) continue;
    for (let c = region.left; c <= region.right; c++) {
      const cell = row.findCell(c);
      if (cell !== undefined && inputValue(cell) !== null) return r;
    }
  }
  return undefined;
}

/** The header row's texts only (cheap: for choosing a sheet). */
function headersOf(worksheet: ExcelJS.Worksheet, headerRow: number, region: CellBox): string[] {
  const row = worksheet.findRow(headerRow);
  const headers: string[] = [];
  for (let c = region.left; c <= region.right; c++) {
    const cell = row?.findCell(c);
    headers.push(headerText(cell === undefined ? null : inputValue(cell)));
  }
  return headers;
}

/** The region of a sheet to read: `range` clipped to the used cells, or the used cells. */
export function regionOf(worksheet: ExcelJS.Worksheet, range?: CellBox): CellBox | undefined {
  const used = usedBox(worksheet);
  if (used === undefined) return undefined;
  return range === undefined ? used : intersect(used, range);
}

/** Reads the table in `region` of a sheet: header row, then every row below it to the region's end. */
export function readTable(worksheet: ExcelJS.Worksheet, region: CellBox): ReadTable {
  const headerRow = headerRowOf(worksheet, region);
  if (headerRow === undefined)
    throw new WorkbookError(`${quoteSheetName(worksheet.name)}!${boxAddress(region)} is empty.`);
  const box = { ...region, top: headerRow };
  const width = box.right - box.left + 1;
  const headers = headersOf(worksheet, headerRow, box);
  const rows: CellValue[][] = [];
  const sourceRows: number[] = [];
  let uncalculated = 0;
  for (let r = headerRow + 1; r <= box.bottom; r++) {
    const values: CellValue[] = new Array(width).fill(null);
    const row = worksheet.findRow(r);
    if (row !== undefined) {
      for (let c = box.left; c <= box.right; c++) {
        const cell = row.findCell(c);
        if (cell === undefined) continue;
        values[c - box.left] = inputValue(cell);
        if (isUncalculatedFormula(cell)) uncalculated++;
      }
    }
    rows.push(values);
    sourceRows.push(r);
  }
  const warnings: string[] = [];
  if (uncalculated > 0) {
    warnings.push(
      `${uncalculated} formula cell${uncalculated === 1 ? " has" : "s have"} no saved result (the file was not calculated by a spreadsheet ` +
        "application) and read as blank; open and save the file in Excel first to use them.",
    );
  }
  const source = `${quoteSheetName(worksheet.name)}!${boxAddress(box)}`;
  return { table: { headers, rows, sourceRows, source }, box, warnings };
}

export interface TableQuery {
  /** The sheet to read (case-insensitive); without it every sheet is tried. */
  sheet?: string;
  /** The range to read, e.g. "A1:Z999" (clipped to the used cells). */
  range?: string;
  /** A mapping saved by the task pane, tried before the automatic one. */
  savedMapping?: SavedMapping;
  /** The sheet the saved setup names, preferred when it still holds a mappable table. */
  preferredSheet?: string;
}

export interface FoundTable extends ReadTable {
  sheet: string;
  /** "Sheet1!A1:DQ2001". */
  address: string;
  columns: TableMapping;
  /** Why this sheet, when it was chosen automatically. */
  reason: string;
}

interface Candidate {
  worksheet: ExcelJS.Worksheet;
  region: CellBox;
  headerRow: number;
  columns: TableMapping;
  score: number;
}

/** Rows below the first that a header row would map fully from, searched in the first rows of each sheet. */
const HEADER_SEARCH_ROWS = 20;

/** A row further down that maps as a SKU table's header row (a title above the table), for a hint. */
function lowerHeaderRow(
  worksheets: readonly ExcelJS.Worksheet[],
  range: CellBox | undefined,
  saved: SavedMapping | undefined,
): { sheet: string; row: number; cell: string } | undefined {
  for (const ws of worksheets) {
    const region = regionOf(ws, range);
    const first = region && headerRowOf(ws, region);
    if (region === undefined || first === undefined) continue;
    for (let r = first + 1; r < Math.min(region.bottom, first + HEADER_SEARCH_ROWS); r++) {
      const columns = mapColumns(headersOf(ws, r, region), saved);
      if (missingEssentials(columns.mapping).length === 0) {
        return {
          sheet: ws.name,
          row: r,
          cell: boxAddress({ ...region, top: r, bottom: r, right: region.left }),
        };
      }
    }
  }
  return undefined;
}

/** Finds and reads the SKU table (see TableQuery); a WorkbookError when there is none. */
export function findSkuTable(opened: OpenedWorkbook, query: TableQuery = {}): FoundTable {
  const name = basename(opened.path);
  const parsed = query.range === undefined ? undefined : parseRange(query.range);
  const sheetName = query.sheet ?? parsed?.sheet;
  if (query.sheet !== undefined && parsed?.sheet !== undefined && !sameSheetName(query.sheet, parsed.sheet)) {
    throw new WorkbookError(`--sheet "${query.sheet}" and --range "${query.range}" name different sheets.`);
  }
  const worksheets = opened.workbook.worksheets;
  const isOwned = (ws: ExcelJS.Worksheet) => {
    const uid = opened.pkg.sheets.find((s) => s.name === ws.name)?.uid;
    return uid !== undefined && opened.ownedIds.has(uid);
  };

  const candidateOf = (ws: ExcelJS.Worksheet): Candidate | undefined => {
    const region = regionOf(ws, parsed?.box);
    if (region === undefined) return undefined;
    const headerRow = headerRowOf(ws, region);
    if (headerRow === undefined || headerRow >= region.bottom) return undefined;
    const columns = mapColumns(headersOf(ws, headerRow, region), query.savedMapping);
    return { worksheet: ws, region, headerRow, columns, score: mappingScore(columns.mapping) };
  };

  let chosen: Candidate | undefined;
  let reason: string;
  if (sheetName !== undefined) {
    const ws = worksheets.find((w) => sameSheetName(w.name, sheetName));
    if (ws === undefined) {
      throw new WorkbookError(
        `${name} has no sheet "${sheetName}" (sheets: ${worksheets.map((w) => `"${w.name}"`).join(", ")}).`,
      );
    }
    chosen = candidateOf(ws);
    if (chosen === undefined) {
      throw new WorkbookError(
        `Sheet "${ws.name}"${parsed ? ` range ${boxAddress(parsed.box)}` : ""} holds no table (a header row and at least one data row).`,
      );
    }
    reason = "as asked";
  } else {
    // Owned sheets are output, never input; sheets named like output come last.
    const candidates = worksheets
      .filter((ws) => !isOwned(ws))
      .map(candidateOf)
      .filter((c): c is Candidate => c !== undefined);
    const rank = (c: Candidate) =>
      c.score +
      (query.preferredSheet !== undefined && sameSheetName(c.worksheet.name, query.preferredSheet) ? 50 : 0) -
      (c.worksheet.name.startsWith("WC ") ? 1000 : 0);
    for (const c of candidates) if (chosen === undefined || rank(c) > rank(chosen)) chosen = c;
    if (chosen === undefined) {
      throw new WorkbookError(
        `${name} has no SKU table: no sheet holds a header row with data rows below it.`,
      );
    }
    const others = candidates.length - 1;
    reason =
      others === 0
        ? "the only sheet with a table"
        : `its header row maps best of ${candidates.length} sheets with a table`;
  }

  const missing = missingEssentials(chosen.columns.mapping);
  if (missing.length > 0) {
    const where = `"${chosen.worksheet.name}" (header row ${chosen.headerRow})`;
    const lower = sheetName === undefined ? worksheets.filter((ws) => !isOwned(ws)) : [chosen.worksheet];
    const hint = lowerHeaderRow(lower, parsed?.box, query.savedMapping);
    throw new WorkbookError(
      `${name} has no SKU table that can be mapped: the best candidate, ${where}, has no column for ${missing.join(", ")}` +
        (hint
          ? ` (row ${hint.row} of "${hint.sheet}" looks like a header row: try --range "${quoteSheetName(hint.sheet)}!${hint.cell}").`
          : " (choose the sheet with --sheet and the cells with --range, or rename the headers; see wcap --help for the names)."),
    );
  }
  const read = readTable(chosen.worksheet, chosen.region);
  const address = read.table.source ?? "";
  return { ...read, sheet: chosen.worksheet.name, address, columns: chosen.columns, reason };
}
