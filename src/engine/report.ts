/**
 * The Report: plain data that both writers (Office.js in src/excel, the .xlsx file writer in
 * src/workbook) turn into the same sheets. Nothing here knows about Excel's API; a writer maps
 * formats to number-format strings, blocks to ranges and tables, and chart specs to native charts.
 */

/** A cell value in a Report: numbers, text, logicals, or null for an empty cell. */
export type CellValue = number | string | boolean | null;

/**
 * How a column's numbers are shown. Writers map these to number formats (see NUMBER_FORMATS);
 * "text" cells are written as text even when they start with = + - @.
 */
export type ColumnFormat =
  "text" | "integer" | "number" | "quantity" | "currency" | "percent" | "ratio" | "days" | "date";

/** Excel number formats per column format (en-US codes; Excel localises them on display). */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  integer: "#,##0",
  number: "#,##0.00",
  quantity: "#,##0.0",
  currency: "#,##0.00",
  percent: "0.0%",
  ratio: "0.00",
  days: "#,##0.0",
  date: "yyyy-mm-dd",
};

export interface ReportColumn {
  /** Stable key for code and tests (e.g. "safetyStock"). */
  key: string;
  /** Header shown in Excel (unique within its table). */
  header: string;
  format: ColumnFormat;
}

/** An Excel table: a header row, then one row per record. */
export interface ReportTable {
  /** Excel table name (unique in the workbook, letters/digits/underscore, e.g. "WC_Segmentation"). */
  name: string;
  columns: ReportColumn[];
  rows: CellValue[][];
}

/** Zero-based cell position on a sheet (row 0, column 0 is A1). */
export interface CellPosition {
  row: number;
  column: number;
}

/** A headline figure on the Summary sheet. */
export interface Kpi {
  label: string;
  value: CellValue;
  format: ColumnFormat;
  /** One line of explanation shown beside the value. */
  note?: string;
}

/**
 * Something placed on a sheet at `at`. A KPI block is one row per KPI (label, value, note). A table
 * block with a caption has the caption in its first row and the table's header right below; an
 * Excel table always has a body row, so an empty table is written with one blank row.
 */
export type SheetBlock =
  | { kind: "title"; at: CellPosition; text: string }
  | { kind: "kpis"; at: CellPosition; kpis: Kpi[] }
  | { kind: "table"; at: CellPosition; table: ReportTable; caption?: string };

/** Where a chart sits and how big it is. */
interface ChartFrame {
  title: string;
  at: CellPosition;
  /** Size in points. */
  width: number;
  height: number;
}

/** A native category chart over one table on the same sheet. */
export interface CategoryChartSpec extends ChartFrame {
  /** column: clustered columns; bar: horizontal bars; pareto: columns with a cumulative-% line; line: lines. */
  kind: "column" | "bar" | "pareto" | "line";
  /** Name of the source table (on the same sheet). */
  table: string;
  /** Key of the column holding the category labels. */
  categories: string;
  /** Keys of the value columns plotted as series. */
  series: string[];
  /** For pareto: key of the cumulative-share column drawn as a line on a secondary axis. */
  cumulative?: string;
}

/**
 * One series of an XY scatter chart: x and y from two numeric columns of a table on the same sheet,
 * one point per row where both are numbers (rows with a blank x or y are not plotted).
 */
export interface XYSeriesSpec {
  /** Legend entry. */
  name: string;
  /** Name of the source table (on the same sheet). */
  table: string;
  /** Key of the x-value column. */
  x: string;
  /** Key of the y-value column. */
  y: string;
  /** True: points joined by a line, in row order (a curve); false: markers only. */
  line: boolean;
}

/**
 * A native XY scatter chart (e.g. the service-vs-cash frontier). Axis number formats come from the
 * first series' x and y columns.
 */
export interface ScatterChartSpec extends ChartFrame {
  kind: "scatter";
  series: XYSeriesSpec[];
  xTitle: string;
  yTitle: string;
}

/** A native chart on a sheet. */
export type ChartSpec = CategoryChartSpec | ScatterChartSpec;

/** Names of the tables a chart reads (its source tables must be on the chart's sheet). */
export function chartTables(spec: ChartSpec): string[] {
  return spec.kind === "scatter" ? [...new Set(spec.series.map((s) => s.table))] : [spec.table];
}

/**
 * A three-colour scale (low → mid → high) over some columns of a table: the ABC-XYZ heat map. The
 * columns of one spec are compared with each other (one scale per run of adjacent columns), so
 * counts and values get separate specs.
 */
export interface ColorScaleSpec {
  table: string;
  columns: string[];
}

export interface ReportSheet {
  /** Sheet name: starts with "WC ", under 32 characters, none of \ / ? * : [ ]. */
  name: string;
  blocks: SheetBlock[];
  charts: ChartSpec[];
  colorScales: ColorScaleSpec[];
  /** Freeze the header row of a sheet whose first block is a table at A1. */
  freezeHeader: boolean;
}

export interface Report {
  sheets: ReportSheet[];
}

/** Prefix of every sheet the add-in owns. */
export const OWNED_SHEET_PREFIX = "WC ";

const FORBIDDEN_SHEET_CHARACTERS = /[\\/?*:[\]]/;

/** True when `name` is a valid owned sheet name (prefix, under 32 characters, no forbidden characters). */
export function isValidOwnedSheetName(name: string): boolean {
  return name.startsWith(OWNED_SHEET_PREFIX) && name.length < 32 && !FORBIDDEN_SHEET_CHARACTERS.test(name);
}

/** A report column: its key, header and number format. */
export function reportColumn(key: string, header: string, format: ColumnFormat): ReportColumn {
  return { key, header, format };
}

/** A number for a report cell: NaN and ±∞ become an empty cell. */
export function numberCell(x: number): CellValue {
  return Number.isFinite(x) ? x : null;
}

/** Column index of `key` in a table, or −1. */
export function columnIndex(table: ReportTable, key: string): number {
  return table.columns.findIndex((c) => c.key === key);
}

/** The tables of a report, by name. */
export function tablesOf(report: Report): Map<string, ReportTable> {
  const tables = new Map<string, ReportTable>();
  for (const sheet of report.sheets) {
    for (const block of sheet.blocks) if (block.kind === "table") tables.set(block.table.name, block.table);
  }
  return tables;
}
