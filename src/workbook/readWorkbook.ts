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
 *
 * The file is read once into memory as its compressed bytes; each worksheet is inflated and parsed
 * as a stream into plain values (sheetGrid.ts), one sheet at a time, and only the chosen sheet's
 * values are kept, so a 100,000-row export never becomes millions of cell objects.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
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
import {
  CellContext,
  SheetGrid,
  cellOf,
  dateStylesOf,
  isUncalculated,
  readSharedStrings,
  readSheetGrid,
  usesDate1904,
} from "./sheetGrid";
import { XlsxPackage, oneLine, openPackageZip, readPackage, readText } from "./xlsxPackage";
import { ZipEntry, entryStream } from "./zip";

/** An .xlsx file, opened: its package read, its worksheets not yet (see readSheet). */
export interface OpenedWorkbook {
  path: string;
  /** The file's bytes as read (the input is never written). */
  bytes: Buffer;
  /** Its zip entries by name. */
  entries: Map<string, ZipEntry>;
  pkg: XlsxPackage;
  /** The registry: the sheets the add-in owns (entries whose sheet still exists). */
  owned: OwnedSheet[];
  /** Their ids. */
  ownedIds: Set<string>;
  /** The setup saved by the task pane (or a previous refresh), if any. */
  setup: WorkbookSetup | null;
  /** What cells need to be read (shared strings, date styles), loaded on first use. */
  cellContext?: CellContext;
}

/** Opens `path`: a one-line WorkbookError when it is missing, not an .xlsx, encrypted or damaged. */
export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
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
  return openWorkbookBytes(bytes, path);
}

/** Opens the bytes of an .xlsx file read from `path` (see openWorkbook). */
export async function openWorkbookBytes(bytes: Buffer, path: string): Promise<OpenedWorkbook> {
  const name = basename(path);
  const { entries } = openPackageZip(bytes, name);
  let pkg: XlsxPackage;
  try {
    pkg = await readPackage({ bytes, entries });
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
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
  return { path, bytes, entries, pkg, owned, ownedIds, setup };
}

/** Target of the workbook's relationship of `type` (e.g. "sharedStrings"), as a zip path. */
function workbookPartOf(opened: OpenedWorkbook, type: string): string | undefined {
  const rels = readText(opened, "xl/_rels/workbook.xml.rels") ?? "";
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
    const typeAttr = /\sType="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const target = /\sTarget="([^"]*)"/.exec(m[0])?.[1];
    if (target !== undefined && typeAttr.endsWith(`/${type}`))
      return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  }
  return undefined;
}

async function cellContextOf(opened: OpenedWorkbook): Promise<CellContext> {
  if (opened.cellContext) return opened.cellContext;
  const name = basename(opened.path);
  try {
    const stringsPart = workbookPartOf(opened, "sharedStrings");
    const stringsEntry = stringsPart === undefined ? undefined : opened.entries.get(stringsPart);
    const stylesPart = workbookPartOf(opened, "styles");
    opened.cellContext = {
      sharedStrings:
        stringsEntry === undefined ? [] : await readSharedStrings(entryStream(opened.bytes, stringsEntry)),
      dateStyles: dateStylesOf(stylesPart === undefined ? undefined : readText(opened, stylesPart)),
      date1904: usesDate1904(readText(opened, "xl/workbook.xml") ?? ""),
    };
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`${name} could not be read as a workbook (${oneLine(error)}).`);
  }
  return opened.cellContext;
}

/** Reads one worksheet's values (a stream through its part); a WorkbookError when the part is damaged. */
export async function readSheet(opened: OpenedWorkbook, sheet: string): Promise<SheetGrid> {
  const info = opened.pkg.sheets.find((s) => s.name === sheet);
  const entry = info === undefined ? undefined : opened.entries.get(info.part);
  const context = await cellContextOf(opened);
  if (info === undefined || entry === undefined) return { name: sheet, rows: [], uncalculated: new Set() };
  try {
    return await readSheetGrid(info.name, entryStream(opened.bytes, entry), context);
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(
      `${basename(opened.path)} could not be read as a workbook (sheet "${sheet}": ${oneLine(error)}).`,
    );
  }
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
function headerRowOf(grid: SheetGrid, region: CellBox): number | undefined {
  for (let r = region.top; r <= region.bottom; r++) {
    const cells = grid.rows[r];
    if (cells === undefined) continue;
    for (let c = region.left; c <= region.right; c++) {
      const v = cells[c - 1];
      if (v !== undefined && v !== null) return r;
    }
  }
  return undefined;
}

/** The header row's texts only (cheap: for choosing a sheet). */
function headersOf(grid: SheetGrid, headerRow: number, region: CellBox): string[] {
  const headers: string[] = [];
  for (let c = region.left; c <= region.right; c++) headers.push(headerText(cellOf(grid, headerRow, c)));
  return headers;
}

/** The region of a sheet to read: `range` clipped to the used cells, or the used cells. */
export function regionOf(grid: SheetGrid, range?: CellBox): CellBox | undefined {
  if (grid.box === undefined) return undefined;
  return range === undefined ? grid.box : intersect(grid.box, range);
}

/**
 * Reads the table in `region` of a sheet: header row, then every row below it to the region's
 * end. The grid's row arrays become the table's rows where they fit (no copy of a large sheet);
 * the grid is not used afterwards.
 */
export function readTable(grid: SheetGrid, region: CellBox): ReadTable {
  const headerRow = headerRowOf(grid, region);
  if (headerRow === undefined)
    throw new WorkbookError(`${quoteSheetName(grid.name)}!${boxAddress(region)} is empty.`);
  const box = { ...region, top: headerRow };
  const width = box.right - box.left + 1;
  const headers = headersOf(grid, headerRow, box);
  const rows: CellValue[][] = [];
  const sourceRows: number[] = [];
  let uncalculated = 0;
  for (let r = headerRow + 1; r <= box.bottom; r++) {
    const cells = grid.rows[r];
    let values: CellValue[];
    if (cells !== undefined && box.left === 1 && cells.length <= width) {
      values = cells;
      for (let j = 0; j < width; j++) if (values[j] === undefined) values[j] = null;
    } else {
      values = new Array<CellValue>(width);
      for (let j = 0; j < width; j++) values[j] = cells?.[box.left - 1 + j] ?? null;
    }
    if (grid.uncalculated.size > 0)
      for (let c = box.left; c <= box.right; c++) if (isUncalculated(grid, r, c)) uncalculated++;
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
  const source = `${quoteSheetName(grid.name)}!${boxAddress(box)}`;
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
  /** Progress in words: each sheet as it is read (a large sheet takes seconds). */
  onProgress?: (message: string) => void;
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
  grid: SheetGrid;
  region: CellBox;
  headerRow: number;
  columns: TableMapping;
  score: number;
}

/** Rows below the first that a header row would map fully from, searched in the first rows of each sheet. */
const HEADER_SEARCH_ROWS = 20;

/** A grid with only its rows up to `lastRow` (what the header-row hint needs of a sheet not chosen). */
function headOf(grid: SheetGrid, lastRow: number): SheetGrid {
  return { ...grid, rows: grid.rows.slice(0, lastRow + 1) };
}

/** A row further down that maps as a SKU table's header row (a title above the table), for a hint. */
function lowerHeaderRow(
  grids: readonly SheetGrid[],
  range: CellBox | undefined,
  saved: SavedMapping | undefined,
): { sheet: string; row: number; cell: string } | undefined {
  for (const grid of grids) {
    const region = regionOf(grid, range);
    const first = region && headerRowOf(grid, region);
    if (region === undefined || first === undefined) continue;
    for (let r = first + 1; r < Math.min(region.bottom, first + HEADER_SEARCH_ROWS); r++) {
      const columns = mapColumns(headersOf(grid, r, region), saved);
      if (missingEssentials(columns.mapping).length === 0) {
        return {
          sheet: grid.name,
          row: r,
          cell: boxAddress({ ...region, top: r, bottom: r, right: region.left }),
        };
      }
    }
  }
  return undefined;
}

/** Finds and reads the SKU table (see TableQuery); a WorkbookError when there is none. */
export async function findSkuTable(opened: OpenedWorkbook, query: TableQuery = {}): Promise<FoundTable> {
  const name = basename(opened.path);
  const parsed = query.range === undefined ? undefined : parseRange(query.range);
  const sheetName = query.sheet ?? parsed?.sheet;
  if (query.sheet !== undefined && parsed?.sheet !== undefined && !sameSheetName(query.sheet, parsed.sheet)) {
    throw new WorkbookError(`--sheet "${query.sheet}" and --range "${query.range}" name different sheets.`);
  }
  const sheets = opened.pkg.sheets;
  const isOwned = (sheet: string) => {
    const uid = sheets.find((s) => s.name === sheet)?.uid;
    return uid !== undefined && opened.ownedIds.has(uid);
  };

  const candidateOf = (grid: SheetGrid): Candidate | undefined => {
    const region = regionOf(grid, parsed?.box);
    if (region === undefined) return undefined;
    const headerRow = headerRowOf(grid, region);
    if (headerRow === undefined || headerRow >= region.bottom) return undefined;
    const columns = mapColumns(headersOf(grid, headerRow, region), query.savedMapping);
    return { grid, region, headerRow, columns, score: mappingScore(columns.mapping) };
  };

  let chosen: Candidate | undefined;
  let reason: string;
  /** The first rows of every sheet tried, for the header-row hint. */
  const heads: SheetGrid[] = [];
  const progress = query.onProgress ?? (() => undefined);
  if (sheetName !== undefined) {
    const sheet = sheets.find((s) => sameSheetName(s.name, sheetName));
    if (sheet === undefined) {
      throw new WorkbookError(
        `${name} has no sheet "${sheetName}" (sheets: ${sheets.map((s) => `"${s.name}"`).join(", ")}).`,
      );
    }
    progress(`Reading sheet "${sheet.name}" …`);
    const grid = await readSheet(opened, sheet.name);
    chosen = candidateOf(grid);
    if (chosen === undefined) {
      throw new WorkbookError(
        `Sheet "${sheet.name}"${parsed ? ` range ${boxAddress(parsed.box)}` : ""} holds no table (a header row and at least one data row).`,
      );
    }
    heads.push(grid);
    reason = "as asked";
  } else {
    // Owned sheets are output, never input; sheets named like output come last. One sheet's
    // values at a time: only the best candidate so far is kept whole.
    const rank = (c: Candidate) =>
      c.score +
      (query.preferredSheet !== undefined && sameSheetName(c.grid.name, query.preferredSheet) ? 50 : 0) -
      (c.grid.name.startsWith("WC ") ? 1000 : 0);
    let candidates = 0;
    for (const sheet of sheets.filter((s) => !isOwned(s.name))) {
      progress(`Reading sheet "${sheet.name}" …`);
      const grid = await readSheet(opened, sheet.name);
      const first = grid.box && headerRowOf(grid, regionOf(grid, parsed?.box) ?? grid.box);
      heads.push(headOf(grid, (first ?? 0) + HEADER_SEARCH_ROWS));
      const candidate = candidateOf(grid);
      if (candidate === undefined) continue;
      candidates++;
      if (chosen === undefined || rank(candidate) > rank(chosen)) chosen = candidate;
    }
    if (chosen === undefined) {
      throw new WorkbookError(
        `${name} has no SKU table: no sheet holds a header row with data rows below it.`,
      );
    }
    reason =
      candidates === 1
        ? "the only sheet with a table"
        : `its header row maps best of ${candidates} sheets with a table`;
  }

  const missing = missingEssentials(chosen.columns.mapping);
  if (missing.length > 0) {
    const where = `"${chosen.grid.name}" (header row ${chosen.headerRow})`;
    const hint = lowerHeaderRow(heads, parsed?.box, query.savedMapping);
    throw new WorkbookError(
      `${name} has no SKU table that can be mapped: the best candidate, ${where}, has no column for ${missing.join(", ")}` +
        (hint
          ? ` (row ${hint.row} of "${hint.sheet}" looks like a header row: try --range "${quoteSheetName(hint.sheet)}!${hint.cell}").`
          : " (choose the sheet with --sheet and the cells with --range, or rename the headers; see wcap --help for the names)."),
    );
  }
  const read = readTable(chosen.grid, chosen.region);
  const address = read.table.source ?? "";
  return { ...read, sheet: chosen.grid.name, address, columns: chosen.columns, reason };
}
