/**
 * Reads the selected SKU table into an InputTable (DESIGN §4 step 1, §7 reads).
 *
 * - A multi-cell selection is read as selected; a single cell proposes its current region
 *   (Ctrl+* in Excel, `getSurroundingRegion`).
 * - Only the used part is read: the selection intersected with the sheet's used range (values
 *   only), so selecting whole columns reads the filled rows, never a million empty ones.
 * - More than 5,000,000 cells is refused before any value is loaded (Excel's limit per read).
 * - Loads only `values`, plus the addresses and positions to place them. One sync to size the
 *   range, then one per block of rows, because Excel on the web also caps a response at 5 MB:
 *   the first block holds at most 200,000 cells (under 4 MB even at 20 bytes a cell), later
 *   blocks are sized from the bytes per row seen so far (≈ 4 MB ÷ 1.5 per response, ≤ 1,000,000
 *   cells). A 500 × 30 table takes 2 syncs, the 2,000 × 119 sample 3, 60,000 × 44 small numbers 5.
 *
 * Headers: the first row, as text. Text headers are trimmed; a number header (a real date such as
 * a period column formatted "Jan-25" is the serial 45658) is kept as its numeric text "45658",
 * locale-free, so period detection can read it as an Excel date; TRUE/FALSE as "TRUE"/"FALSE";
 * an empty header cell as "".
 * Values: numbers, text and booleans as Excel returns them; empty cells as null; an error cell
 * arrives as its text ("#N/A"), which the engine reports as text in a numeric cell.
 */
import { CellValue } from "../engine/report";
import { InputTable } from "../engine/segmentation/input";
import { DEFAULT_CELLS_PER_READ, MAX_READ_CELLS, queueFirstBlock, readRemainingBlocks } from "./readValues";
import { EXCEL_API, isExcelApiSupported } from "./requirements";

export interface ReadOptions {
  /** Cells of the first values load (later loads follow the bytes per cell seen); default 200,000. */
  maxCellsPerRead?: number;
}

/** The selected table: its cells and where it is (e.g. "Sheet1!A1:H2001"). */
export interface SelectedTable {
  table: InputTable;
  address: string;
}

interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Reads the selection (or the current region around a single selected cell), used part only. */
export async function readSelectedTable(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<SelectedTable> {
  const canPropose = isExcelApiSupported(EXCEL_API.surroundingRegion);
  const selected = context.workbook.getSelectedRange();
  selected.load("rowIndex, columnIndex, rowCount, columnCount");
  const region = canPropose ? selected.getSurroundingRegion() : undefined;
  region?.load("rowIndex, columnIndex, rowCount, columnCount");
  const used = selected.worksheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  try {
    await context.sync();
  } catch (error) {
    // Excel throws InvalidSelection when a chart, a shape or several separate areas are selected.
    if ((error as { code?: unknown }).code === "InvalidSelection") {
      throw new Error(
        "Select one block of cells: the table with its header row (not a chart or several areas).",
      );
    }
    throw error;
  }

  if (used.isNullObject) throw new Error("The selected sheet is empty: select a table with a header row.");
  const single = selected.rowCount === 1 && selected.columnCount === 1;
  if (single && !region) {
    throw new Error(
      "Select the whole table, header row included (this Excel cannot find the region around a cell).",
    );
  }
  const source = single && region ? region : selected;
  const box = intersect(boxOf(source), boxOf(used));
  if (!box) throw new Error("The selection holds no data: select a table with a header row.");
  const cells = box.rows * box.columns;
  if (cells > MAX_READ_CELLS) {
    throw new Error(
      `The table has ${cells.toLocaleString("en-US")} cells (${box.rows.toLocaleString("en-US")} rows × ` +
        `${box.columns} columns); Excel reads at most ${MAX_READ_CELLS.toLocaleString("en-US")} at a time. ` +
        "Select fewer columns (for example fewer demand periods) or split the table.",
    );
  }
  if (box.rows < 2) throw new Error("The table needs a header row and at least one data row.");

  const target = source.getIntersectionOrNullObject(used);
  target.load("address, rowIndex");
  // The first block rides along with the address; later blocks are sized from the bytes seen.
  const first = queueFirstBlock(
    target,
    box.rows,
    box.columns,
    options.maxCellsPerRead ?? DEFAULT_CELLS_PER_READ,
  );
  await context.sync();
  const address = target.address;
  const firstSheetRow = target.rowIndex + 1;
  const values = await readRemainingBlocks(context, target, first, box.rows, box.columns);

  const headerRow = values[0] ?? [];
  const table: InputTable = {
    headers: headerRow.map(headerText),
    rows: values.slice(1).map((row) => row.map(cellValue)),
    sourceRows: values.slice(1).map((_, i) => firstSheetRow + 1 + i),
    source: address,
  };
  return { table, address };
}

function boxOf(range: Excel.Range): Box {
  return { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
}

function intersect(a: Box, b: Box): Box | undefined {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const columns = Math.min(a.column + a.columns, b.column + b.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : undefined;
}

function headerText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return "";
}

function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}
