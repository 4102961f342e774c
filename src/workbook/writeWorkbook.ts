/**
 * Writes a Report into an exceljs Workbook: the same sheets, cells, tables and formats as the
 * task pane's Office.js writer (src/excel/writeReport.ts) writes from the same Report.
 *
 * - Only sheets the add-in owns are written (ids in the registry, see
 *   src/engine/workbookParts/ownership.ts); a user's
 *   sheet with a report sheet's name, or the sheet holding the input, is passed over for "… (2)".
 *   An owned sheet is replaced in place: same name, same tab position and colour, same id.
 * - Each block at its position: a title (bold, 14 pt), KPI rows (label | value | note, labels
 *   bold), tables; a table block with a caption has the caption (bold) in its first row and the
 *   table right below. An empty table is written with one blank body row.
 * - Tables are Excel tables (style TableStyleMedium2, banded rows, filter buttons) with the
 *   report's names (a name another table or a defined name already has gets "_2", "_3", …).
 * - Number formats per column from NUMBER_FORMATS; text columns, KPI labels and notes, titles and
 *   captions "@". Text is written as string cells, so "=SUM(A1)" stays text, without apostrophe.
 * - Frozen header row on table sheets, fitted column widths, three-colour scales for the heat map
 *   (one per run of adjacent columns of one format, as the pane does).
 * - The file asks to be recalculated on opening (formulas elsewhere may read the new numbers).
 * - Charts: exceljs cannot write native charts, so each is drawn as a PNG (chartImage.ts) and
 *   placed at its cell with its size; a chart that cannot be drawn is skipped with a warning.
 */
import ExcelJS from "exceljs";
import {
  CellValue,
  ColumnFormat,
  Kpi,
  NUMBER_FORMATS,
  Report,
  ReportSheet,
  ReportTable,
  columnIndex,
} from "../engine/report";
import { cellAddress, sameSheetName } from "../engine/workbookParts/address";
import {
  COLOR_SCALE_COLORS,
  TABLE_STYLE,
  checkTableShape,
  colorScaleRuns,
  uniqueTableNames,
} from "../engine/workbookParts/layout";
import {
  OwnedSheet,
  Redirect,
  SheetInfo,
  SheetTarget,
  planSheetTargets,
  redirectsOf,
} from "../engine/workbookParts/ownership";
import { ChartSkipped, renderChart } from "./chartImage";
import { newGuid } from "./xlsxPackage";

/** Column widths are fitted to the content, within these bounds (Excel character widths). */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

export interface FileWriteOptions {
  /** The sheets of the loaded file with their ids (`xr:uid`), in tab order. */
  existing?: readonly SheetInfo[];
  /** Ids of the sheets the add-in owns. */
  ownedIds?: ReadonlySet<string>;
  /** The registry entries read from the file (kept for owned sheets this run does not rewrite). */
  owned?: readonly OwnedSheet[];
  /** The sheet holding the input table: never written. */
  inputSheet?: string;
}

export interface FileWriteResult {
  /** Names of the sheets written, in report order. */
  sheets: string[];
  redirected: Redirect[];
  /** Report table name → written name, for names another table or defined name already had. */
  renamedTables: Record<string, string>;
  /** The id of every sheet that has one after the write (user sheets keep theirs; new sheets get one). */
  sheetIds: Map<string, string>;
  /** The owned-sheet registry to save with the file. */
  owned: OwnedSheet[];
  /** Charts drawn as pictures. */
  charts: number;
  /** Charts or colour scales skipped, in words. */
  warnings: string[];
}

/** Where a table landed (0-based, like the Report's positions). */
interface TableLayout {
  table: ReportTable;
  headerRow: number;
  column: number;
}

/** Writes `report` into `workbook` (see the module comment). */
export function writeReportToWorkbook(
  workbook: ExcelJS.Workbook,
  report: Report,
  options: FileWriteOptions = {},
): FileWriteResult {
  validateTables(report);
  const existing = options.existing ?? workbook.worksheets.map((ws) => ({ name: ws.name, id: undefined }));
  const ownedIds = options.ownedIds ?? new Set<string>();
  const targets = planSheetTargets(
    report.sheets.map((s) => s.name),
    existing,
    ownedIds,
    options.inputSheet,
  );

  // Replaced sheets go first (keeping their tab position, colour and visibility), so their table
  // names are free again; new sheets are added after the last tab, as Excel adds them.
  const replaced = new Map<
    string,
    { orderNo: number; properties: Partial<ExcelJS.WorksheetProperties>; state: ExcelJS.WorksheetState }
  >();
  for (const target of targets) {
    if (target.reuseId === undefined) continue;
    const old = workbook.worksheets.find((ws) => sameSheetName(ws.name, target.name));
    if (old === undefined) continue;
    replaced.set(target.name, {
      orderNo: tabOrder(old).orderNo,
      properties: { tabColor: old.properties.tabColor },
      state: old.state,
    });
    workbook.removeWorksheet(old.id);
  }
  pruneMedia(workbook);
  const tableNames = assignTableNames(workbook, report);

  const sheetIds = new Map<string, string>();
  for (const info of existing) if (info.id !== undefined) sheetIds.set(info.name, info.id);
  const owned = new Map<string, OwnedSheet>(
    (options.owned ?? []).filter((o) => ownedIds.has(o.id)).map((o) => [o.id, o]),
  );
  const warnings: string[] = [];
  let charts = 0;
  let lastOrder = Math.max(0, ...workbook.worksheets.map((ws) => tabOrder(ws).orderNo));
  report.sheets.forEach((spec, i) => {
    const target: SheetTarget = targets[i];
    const kept = replaced.get(target.name);
    const worksheet = workbook.addWorksheet(
      target.name,
      kept ? { properties: kept.properties, state: kept.state } : {},
    );
    tabOrder(worksheet).orderNo = kept ? kept.orderNo : ++lastOrder;
    const id = target.reuseId ?? newGuid();
    sheetIds.set(target.name, id);
    owned.set(id, { id, name: target.name });
    const result = writeSheet(workbook, worksheet, spec, tableNames);
    charts += result.charts;
    warnings.push(...result.warnings);
  });

  // Formulas on the user's sheets may point at report cells (='WC Summary'!B4 in a monthly pack);
  // their saved results are last month's, so the spreadsheet application recalculates on opening.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };

  return {
    sheets: targets.map((t) => t.name),
    redirected: redirectsOf(targets),
    renamedTables: Object.fromEntries([...tableNames].filter(([from, to]) => from !== to)),
    sheetIds,
    owned: [...owned.values()],
    charts,
    warnings,
  };
}

/** exceljs orders tabs by `orderNo`, which its typings do not declare. */
function tabOrder(ws: ExcelJS.Worksheet): { orderNo: number } {
  return ws as unknown as { orderNo: number };
}

/**
 * Drops pictures no sheet shows any more (the charts of replaced sheets): exceljs keeps every
 * picture it loaded in one workbook-wide list and writes them all, so each refresh would otherwise
 * add three more to the file. The sheets' references are renumbered to match.
 */
function pruneMedia(workbook: ExcelJS.Workbook): void {
  const media = (workbook as unknown as { media: unknown[] }).media;
  const placed = workbook.worksheets.flatMap(
    (ws) => (ws as unknown as { _media: { imageId: number | string }[] })._media,
  );
  const used = new Set(placed.map((m) => Number(m.imageId)));
  if (media.every((_, i) => used.has(i))) return;
  const kept = media.map((_, i) => i).filter((i) => used.has(i));
  const renumbered = new Map(kept.map((old, i) => [old, i]));
  (workbook as unknown as { media: unknown[] }).media = kept.map((i) => media[i]);
  for (const m of placed) {
    const index = renumbered.get(Number(m.imageId))!;
    m.imageId = typeof m.imageId === "string" ? String(index) : index;
  }
}

/** Row lengths must match the columns: a malformed report fails before anything is written. */
function validateTables(report: Report): void {
  for (const sheet of report.sheets) {
    for (const block of sheet.blocks) if (block.kind === "table") checkTableShape(block.table);
  }
}

/** Table names are workbook-wide (and share a namespace with defined names). */
function assignTableNames(workbook: ExcelJS.Workbook, report: Report): Map<string, string> {
  const taken: string[] = [];
  for (const ws of workbook.worksheets)
    taken.push(...Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {}));
  const definedNames = (workbook.definedNames as unknown as { model?: { name: string }[] }).model ?? [];
  for (const d of definedNames) taken.push(d.name);
  return uniqueTableNames(report, taken);
}

// ---------------------------------------------------------------------------------------------
// Cells and styles

type CellStyle = Partial<ExcelJS.Style>;

/**
 * Shared style objects: exceljs keeps a style per cell, and sharing one object per (format, font)
 * keeps a 100,000-row table from holding millions of copies. They are never mutated after creation.
 */
class Styles {
  private readonly cache = new Map<string, CellStyle>();

  get(format: ColumnFormat, font?: { bold?: boolean; size?: number }): CellStyle {
    const key = `${format}|${font?.bold ?? ""}|${font?.size ?? ""}`;
    let style = this.cache.get(key);
    if (style === undefined) {
      style = { numFmt: NUMBER_FORMATS[format] };
      if (font) style.font = { name: "Calibri", family: 2, size: font.size ?? 11, bold: font.bold ?? false };
      this.cache.set(key, style);
    }
    return style;
  }
}

/** A report value as an exceljs cell value: empty for null and non-finite numbers, text as string cells. */
function fileValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return value;
}

function setCell(
  ws: ExcelJS.Worksheet,
  row: number,
  column: number,
  value: CellValue,
  style: CellStyle,
): void {
  const cell = ws.getRow(row + 1).getCell(column + 1);
  cell.value = fileValue(value);
  cell.style = style;
}

/** Widest content per column, in characters, for fitting column widths. */
class Widths {
  readonly chars = new Map<number, number>();

  note(column: number, chars: number): void {
    this.chars.set(column, Math.max(this.chars.get(column) ?? 0, chars));
  }

  apply(ws: ExcelJS.Worksheet): void {
    for (const [column, chars] of this.chars) {
      const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(chars * 1.1 + 2)));
      // exceljs takes a width of exactly 9 for its default and leaves it out of the file.
      ws.getColumn(column + 1).width = width === 9 ? 9.14 : width;
    }
  }
}

const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Characters a value shows in `format` (an estimate good enough for column widths). */
export function displayLength(value: CellValue, format: ColumnFormat): number {
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 4 : 5;
  if (typeof value === "string") return value.length;
  if (!Number.isFinite(value)) return 0;
  const decimals: Record<ColumnFormat, number> = {
    text: 0,
    integer: 0,
    number: 2,
    quantity: 1,
    currency: 2,
    percent: 1,
    ratio: 2,
    days: 1,
    date: 0,
  };
  if (format === "date") return 10;
  if (format === "text") return String(value).length;
  if (format === "percent") return Math.abs(value * 100).toFixed(1).length + 1 + (value < 0 ? 1 : 0);
  if (format === "ratio") return Math.abs(value).toFixed(2).length + (value < 0 ? 1 : 0);
  const whole = GROUPED.format(Math.round(Math.abs(value))).length;
  return whole + (decimals[format] > 0 ? decimals[format] + 1 : 0) + (value < 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Sheets

function writeSheet(
  workbook: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  spec: ReportSheet,
  tableNames: Map<string, string>,
): { charts: number; warnings: string[] } {
  const styles = new Styles();
  const widths = new Widths();
  const layouts = new Map<string, TableLayout>();
  for (const block of spec.blocks) {
    if (block.kind === "title") {
      setCell(ws, block.at.row, block.at.column, block.text, styles.get("text", { bold: true, size: 14 }));
    } else if (block.kind === "kpis") {
      writeKpis(ws, block.at.row, block.at.column, block.kpis, styles, widths);
    } else {
      let headerRow = block.at.row;
      if (block.caption !== undefined) {
        setCell(ws, headerRow, block.at.column, block.caption, styles.get("text", { bold: true }));
        headerRow++;
      }
      const layout = { table: block.table, headerRow, column: block.at.column };
      layouts.set(block.table.name, layout);
      writeTable(ws, layout, tableNames.get(block.table.name) ?? block.table.name, styles, widths);
    }
  }
  widths.apply(ws);
  if (spec.freezeHeader)
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];

  const warnings: string[] = [];
  let priority = 1;
  for (const scale of spec.colorScales) {
    const layout = layouts.get(scale.table);
    const missing = layout ? scale.columns.filter((k) => columnIndex(layout.table, k) < 0) : [];
    if (layout === undefined || missing.length > 0) {
      warnings.push(
        `A colour scale on ${ws.name} was skipped: ${layout ? `no column ${missing.join(", ")}` : `no table ${scale.table}`} there.`,
      );
      continue;
    }
    for (const ref of colorScaleRanges(layout, scale.columns)) {
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "colorScale",
            priority: priority++,
            cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
            color: [
              argb(COLOR_SCALE_COLORS.minimum),
              argb(COLOR_SCALE_COLORS.midpoint),
              argb(COLOR_SCALE_COLORS.maximum),
            ],
          },
        ],
      });
    }
  }

  let charts = 0;
  for (const chart of spec.charts) {
    try {
      const picture = renderChart(chart, new Map([...layouts].map(([name, layout]) => [name, layout.table])));
      // exceljs's typings want its own Buffer type; a Node Buffer is what it writes.
      const image = workbook.addImage({ buffer: picture.png as unknown as ExcelJS.Buffer, extension: "png" });
      ws.addImage(image, {
        tl: { col: chart.at.column, row: chart.at.row },
        ext: { width: picture.width, height: picture.height },
        editAs: "oneCell",
      });
      charts++;
    } catch (error) {
      const reason =
        error instanceof ChartSkipped ? error.message : `it could not be drawn (${String(error)})`;
      warnings.push(`Chart "${chart.title}" on ${ws.name} was skipped: ${reason}.`);
    }
  }
  return { charts, warnings };
}

function argb(color: string): Partial<ExcelJS.Color> {
  return { argb: `FF${color.replace("#", "").toUpperCase()}` };
}

/**
 * KPI rows: label (bold) | value (its format) | note; labels and notes "@". Notes, like titles and
 * captions, do not widen their column: they run on into the empty cells to their right.
 */
function writeKpis(
  ws: ExcelJS.Worksheet,
  row: number,
  column: number,
  kpis: readonly Kpi[],
  styles: Styles,
  widths: Widths,
): void {
  kpis.forEach((kpi, i) => {
    setCell(ws, row + i, column, kpi.label, styles.get("text", { bold: true }));
    setCell(ws, row + i, column + 1, kpi.value, styles.get(kpi.format));
    setCell(ws, row + i, column + 2, kpi.note ?? null, styles.get("text"));
    widths.note(column, kpi.label.length * 1.1);
    widths.note(column + 1, displayLength(kpi.value, kpi.format));
  });
}

/** A table: values through exceljs's table (header + body), then each cell's format. */
function writeTable(
  ws: ExcelJS.Worksheet,
  layout: TableLayout,
  excelName: string,
  styles: Styles,
  widths: Widths,
): void {
  const { table, headerRow, column } = layout;
  const width = table.columns.length;
  // An Excel table always has at least one body row; an empty report table gets one empty row.
  const rows: ExcelJS.CellValue[][] =
    table.rows.length > 0
      ? table.rows.map((r) => r.map(fileValue))
      : [new Array<ExcelJS.CellValue>(width).fill(null)];
  ws.addTable({
    name: excelName,
    displayName: excelName,
    ref: cellAddress(headerRow, column),
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows,
  });
  const columnStyles = table.columns.map((c) => styles.get(c.format));
  for (let i = 0; i < rows.length; i++) {
    const sheetRow = ws.getRow(headerRow + 2 + i);
    for (let j = 0; j < width; j++) sheetRow.getCell(column + 1 + j).style = columnStyles[j];
  }
  // Widths: the header (plus its filter button) and the widest value of each column.
  table.columns.forEach((c, j) => {
    let chars = c.header.length + 3;
    for (const r of table.rows) chars = Math.max(chars, displayLength(r[j], c.format));
    widths.note(column + j, chars);
  });
}

/** Body ranges of the colour-scaled columns: one per run of adjacent columns of one format (colorScaleRuns). */
function colorScaleRanges(layout: TableLayout, keys: readonly string[]): string[] {
  const { table, headerRow, column } = layout;
  const bodyRows = Math.max(1, table.rows.length);
  return colorScaleRuns(table, keys).map(([first, count]) => {
    const top = cellAddress(headerRow + 1, column + first);
    const bottom = cellAddress(headerRow + bodyRows, column + first + count - 1);
    return `${top}:${bottom}`;
  });
}
