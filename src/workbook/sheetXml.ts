/**
 * The XML of the parts a report sheet is made of (ECMA-376 Part 1, SpreadsheetML): the worksheet
 * (written as a stream, row by row), its tables, its drawing of chart pictures, and the cell
 * formats appended to the workbook's existing styles. Text cells are inline strings, so a text
 * that starts with "=" is text, never a formula.
 */
import { CellValue, ColumnFormat, Kpi, NUMBER_FORMATS, ReportSheet, ReportTable } from "../engine/report";
import { cellAddress, columnLetters } from "../engine/workbookParts/address";
import { COLOR_SCALE_COLORS, TABLE_STYLE, colorScaleRuns } from "../engine/workbookParts/layout";
import { escapeXml } from "../engine/workbookParts/customXml";
import { TextSink } from "./zip";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REVISION_NS = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision";
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Column widths are fitted to the content, within these bounds (Excel character widths). */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** English Metric Units per pixel at 96 dpi (ECMA-376 Part 1, §20.1.2.1). */
const EMU_PER_PIXEL = 9525;

// ---------------------------------------------------------------------------------------------
// Text

/**
 * Character data for a string cell: XML's special characters escaped, and the control characters
 * XML 1.0 cannot hold written as Excel's `_xHHHH_` (an underscore that would read as one is
 * escaped itself, `_x005F_`).
 */
export function cellText(text: string): string {
  let out = text;
  if (/[&<>]/.test(out)) out = out.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  // XML 1.0 cannot hold these control characters: matching them is the point.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/.test(out)) {
    out = out.replace(
      // eslint-disable-next-line no-control-regex
      /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
  }
  return out;
}

/** A cell as XML: numbers as numbers, text as an inline string, blanks with their format only. */
export function cellXml(ref: string, value: CellValue, style: number): string {
  const s = style > 0 ? ` s="${style}"` : "";
  if (value === null || (typeof value === "number" && !Number.isFinite(value))) return `<c r="${ref}"${s}/>`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${cellText(value)}</t></is></c>`;
}

// ---------------------------------------------------------------------------------------------
// Styles

/** How a cell looks: its format, bold, size. */
export interface CellLook {
  format: ColumnFormat;
  bold?: boolean;
  size?: number;
}

/** Built-in number formats (ECMA-376 Part 1, §18.8.30) the report's codes match exactly. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/**
 * The workbook's styles part with the report's cell formats appended (number formats, two bold
 * fonts, one cell format per look): existing styles keep their indexes, so the sheets copied
 * unchanged still point at the same formats.
 */
export class StyleBook {
  private readonly looks = new Map<string, number>();
  private readonly numFmts: { id: number; code: string }[] = [];
  private readonly fonts: string[] = [];
  private readonly xfs: string[] = [];
  private readonly codeIds = new Map<string, number>();
  private nextNumFmtId: number;
  private readonly firstFont: number;
  private readonly firstXf: number;
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    this.prefix = /<(\w+:)?styleSheet[\s>]/.exec(xml)?.[1] ?? "";
    let maxId = 163;
    for (const m of xml.matchAll(/<(?:\w+:)?numFmt\s[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g)) {
      maxId = Math.max(maxId, Number(m[1]));
      this.codeIds.set(m[2].replace(/&quot;/g, '"').replace(/&amp;/g, "&"), Number(m[1]));
    }
    this.nextNumFmtId = maxId + 1;
    this.firstFont = countChildren(section(xml, "fonts", this.prefix), "font", this.prefix);
    this.firstXf = countChildren(section(xml, "cellXfs", this.prefix), "xf", this.prefix);
  }

  private fontId(look: CellLook): number {
    if (!look.bold && look.size === undefined) return 0;
    const size = look.size ?? 11;
    const xml = `<font>${look.bold ? "<b/>" : ""}<sz val="${size}"/><name val="Calibri"/><family val="2"/></font>`;
    let i = this.fonts.indexOf(xml);
    if (i < 0) i = this.fonts.push(xml) - 1;
    return this.firstFont + i;
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.codeIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.codeIds.set(code, id);
      this.numFmts.push({ id, code });
    }
    return id;
  }

  /** The index of the cell format for `look`. */
  style(look: CellLook): number {
    const key = `${look.format}|${look.bold ?? ""}|${look.size ?? ""}`;
    let index = this.looks.get(key);
    if (index === undefined) {
      const fontId = this.fontId(look);
      const numFmtId = this.numFmtId(NUMBER_FORMATS[look.format]);
      index = this.firstXf + this.xfs.length;
      this.xfs.push(
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${fontId > 0 ? ' applyFont="1"' : ""}/>`,
      );
      this.looks.set(key, index);
    }
    return index;
  }

  /** The styles part with everything `style` handed out. */
  toXml(): string {
    const p = this.prefix;
    const withPrefix = (x: string) => (p === "" ? x : x.replace(/<(\/?)(\w)/g, `<$1${p}$2`));
    let xml = this.xml;
    xml = appendChildren(
      xml,
      "numFmts",
      this.numFmts.map((f) => withPrefix(`<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`)),
      p,
      "numFmt",
    );
    xml = appendChildren(xml, "fonts", this.fonts.map(withPrefix), p, "font");
    xml = appendChildren(xml, "cellXfs", this.xfs.map(withPrefix), p, "xf");
    return xml;
  }
}

/** A minimal styles part (for a package that has none): the default font, fill, border and format. */
export const DEFAULT_STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The text of the `<tag>` element (with its tags), or "" when absent. */
function section(xml: string, tag: string, prefix: string): string {
  const open = new RegExp(`<${prefix}${tag}(\\s[^>]*)?(/?)>`).exec(xml);
  if (!open) return "";
  if (open[2] === "/") return open[0];
  const end = xml.indexOf(`</${prefix}${tag}>`, open.index);
  return end < 0 ? "" : xml.slice(open.index, end);
}

function countChildren(text: string, child: string, prefix: string): number {
  return text.match(new RegExp(`<${prefix}${child}[\\s/>]`, "g"))?.length ?? 0;
}

/** Order of the styleSheet's children (CT_Stylesheet), to insert a missing collection in its place. */
const STYLE_SHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Appends `items` to the collection `<tag count="n">`, updating its count (creating it when absent). */
function appendChildren(
  xml: string,
  tag: string,
  items: readonly string[],
  prefix: string,
  child: string,
): string {
  if (items.length === 0) return xml;
  const open = new RegExp(`<${prefix}${tag}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (open === null) {
    const later = STYLE_SHEET_ORDER.slice(STYLE_SHEET_ORDER.indexOf(tag) + 1)
      .map((t) => xml.search(new RegExp(`<${prefix}${t}[\\s/>]`)))
      .filter((i) => i >= 0);
    const at = later.length > 0 ? Math.min(...later) : xml.lastIndexOf(`</${prefix}styleSheet>`);
    return `${xml.slice(0, at)}<${prefix}${tag} count="${items.length}">${items.join("")}</${prefix}${tag}>${xml.slice(at)}`;
  }
  const attributes = (open[1] ?? "").replace(/\s+count="\d*"/, "");
  if (open[2] === "/") {
    const replacement = `<${prefix}${tag}${attributes} count="${items.length}">${items.join("")}</${prefix}${tag}>`;
    return xml.slice(0, open.index) + replacement + xml.slice(open.index + open[0].length);
  }
  const end = xml.indexOf(`</${prefix}${tag}>`, open.index);
  const existing = countChildren(xml.slice(open.index, end), child, prefix);
  return (
    xml.slice(0, open.index) +
    `<${prefix}${tag}${attributes} count="${existing + items.length}">` +
    xml.slice(open.index + open[0].length, end) +
    items.join("") +
    xml.slice(end)
  );
}

// ---------------------------------------------------------------------------------------------
// Sheet layout

/** Characters of a whole number ≥ 0 with thousands separators ("1,234,567": 9), without Intl (called per cell). */
function groupedLength(whole: number): number {
  if (whole >= 1e21) return new Intl.NumberFormat("en-US").format(whole).length;
  const digits = String(whole).length;
  return digits + Math.floor((digits - 1) / 3);
}

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
  const whole = groupedLength(Math.round(Math.abs(value)));
  return whole + (decimals[format] > 0 ? decimals[format] + 1 : 0) + (value < 0 ? 1 : 0);
}

/** Where a table lands (0-based, like the Report's positions) and its name in the workbook. */
export interface TableLayout {
  table: ReportTable;
  headerRow: number;
  column: number;
  excelName: string;
}

/** The last row of a table's range: an empty table keeps one blank body row (an Excel table has at least one). */
export function tableRef(layout: TableLayout): string {
  const bodyRows = Math.max(1, layout.table.rows.length);
  return `${cellAddress(layout.headerRow, layout.column)}:${cellAddress(
    layout.headerRow + bodyRows,
    layout.column + layout.table.columns.length - 1,
  )}`;
}

/** One cell outside the table bodies: titles, KPI rows, captions, table headers. */
interface LooseCell {
  column: number;
  value: CellValue;
  style: number;
}

/** A report sheet laid out: loose cells by row, tables, widths; the body rows stay in the Report. */
export interface SheetPlan {
  spec: ReportSheet;
  loose: Map<number, LooseCell[]>;
  tables: TableLayout[];
  /** Per table, the style of each column's body cells. */
  bodyStyles: number[][];
  widths: Map<number, number>;
  lastRow: number;
  lastColumn: number;
}

/** Lays a report sheet out (see SheetPlan), handing out its cell formats from `styles`. */
export function planSheet(
  spec: ReportSheet,
  tableNames: ReadonlyMap<string, string>,
  styles: StyleBook,
): SheetPlan {
  const loose = new Map<number, LooseCell[]>();
  const chars = new Map<number, number>();
  const note = (column: number, n: number) => chars.set(column, Math.max(chars.get(column) ?? 0, n));
  let lastRow = 0;
  let lastColumn = 0;
  const put = (row: number, column: number, value: CellValue, style: number) => {
    let cells = loose.get(row);
    if (cells === undefined) loose.set(row, (cells = []));
    const at = cells.findIndex((c) => c.column === column);
    if (at >= 0) cells[at] = { column, value, style };
    else cells.push({ column, value, style });
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  };
  const tables: TableLayout[] = [];
  const bodyStyles: number[][] = [];
  for (const block of spec.blocks) {
    if (block.kind === "title") {
      put(block.at.row, block.at.column, block.text, styles.style({ format: "text", bold: true, size: 14 }));
    } else if (block.kind === "kpis") {
      writeKpis(block.at.row, block.at.column, block.kpis, styles, put, note);
    } else {
      let headerRow = block.at.row;
      if (block.caption !== undefined) {
        put(headerRow, block.at.column, block.caption, styles.style({ format: "text", bold: true }));
        headerRow++;
      }
      const { table } = block;
      const layout = {
        table,
        headerRow,
        column: block.at.column,
        excelName: tableNames.get(table.name) ?? table.name,
      };
      tables.push(layout);
      table.columns.forEach((c, j) => put(headerRow, block.at.column + j, c.header, 0));
      bodyStyles.push(table.columns.map((c) => styles.style({ format: c.format })));
      lastRow = Math.max(lastRow, headerRow + Math.max(1, table.rows.length));
      // Widths: the header (plus its filter button) and the widest value of each column.
      table.columns.forEach((c, j) => {
        let n = c.header.length + 3;
        for (const r of table.rows) n = Math.max(n, displayLength(r[j], c.format));
        note(block.at.column + j, n);
      });
    }
  }
  const widths = new Map<number, number>();
  for (const [column, n] of chars)
    widths.set(column, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(n * 1.1 + 2))));
  return { spec, loose, tables, bodyStyles, widths, lastRow, lastColumn };
}

/**
 * KPI rows: label (bold) | value (its format) | note; labels and notes "@". Notes, like titles and
 * captions, do not widen their column: they run on into the empty cells to their right.
 */
function writeKpis(
  row: number,
  column: number,
  kpis: readonly Kpi[],
  styles: StyleBook,
  put: (row: number, column: number, value: CellValue, style: number) => void,
  note: (column: number, chars: number) => void,
): void {
  kpis.forEach((kpi, i) => {
    put(row + i, column, kpi.label, styles.style({ format: "text", bold: true }));
    put(row + i, column + 1, kpi.value, styles.style({ format: kpi.format }));
    put(row + i, column + 2, kpi.note ?? null, styles.style({ format: "text" }));
    note(column, kpi.label.length * 1.1);
    note(column + 1, displayLength(kpi.value, kpi.format));
  });
}

/** Body ranges of the colour-scaled columns: one per run of adjacent columns of one format (colorScaleRuns). */
export function colorScaleRanges(layout: TableLayout, keys: readonly string[]): string[] {
  const { table, headerRow, column } = layout;
  const bodyRows = Math.max(1, table.rows.length);
  return colorScaleRuns(table, keys).map(([first, count]) => {
    const top = cellAddress(headerRow + 1, column + first);
    const bottom = cellAddress(headerRow + bodyRows, column + first + count - 1);
    return `${top}:${bottom}`;
  });
}

/** What the worksheet part refers to besides its cells. */
export interface SheetExtras {
  uid: string;
  /** `<tabColor …/>` of the sheet this one replaces. */
  tabColor?: string;
  /** Colour-scale ranges, in priority order. */
  colorScales: string[];
  /** Relationship id of the drawing with the chart pictures. */
  drawingRid?: string;
  tableRids: string[];
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Writes the worksheet part of a planned sheet, row by row. */
export async function writeSheetXml(plan: SheetPlan, extras: SheetExtras, sink: TextSink): Promise<void> {
  const { spec, tables, bodyStyles } = plan;
  const lastColumn = Math.max(plan.lastColumn, ...tables.map((t) => t.column + t.table.columns.length - 1));
  let head =
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="${MC_NS}" xmlns:xr="${REVISION_NS}" mc:Ignorable="xr" xr:uid="${extras.uid}">`;
  if (extras.tabColor) head += `<sheetPr>${extras.tabColor}</sheetPr>`;
  head += `<dimension ref="A1:${cellAddress(plan.lastRow, lastColumn)}"/>`;
  head += spec.freezeHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  const columns = [...plan.widths].sort((a, b) => a[0] - b[0]);
  if (columns.length > 0) {
    head += `<cols>${columns
      .map(([c, w]) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
      .join("")}</cols>`;
  }
  head += "<sheetData>";
  await sink.write(head);

  const letters = Array.from({ length: lastColumn + 1 }, (_, c) => columnLetters(c));
  for (let r = 0; r <= plan.lastRow; r++) {
    const loose = plan.loose.get(r);
    const covering: number[] = [];
    tables.forEach((t, k) => {
      const i = r - t.headerRow - 1;
      if (i >= 0 && i < Math.max(1, t.table.rows.length)) covering.push(k);
    });
    if (loose === undefined && covering.length === 0) continue;
    const row = r + 1;
    let xml = `<row r="${row}">`;
    if (loose === undefined && covering.length === 1) {
      // The common case, a table body row: straight from the Report's row.
      const t = tables[covering[0]];
      const values = t.table.rows[r - t.headerRow - 1];
      const styles = bodyStyles[covering[0]];
      for (let j = 0; j < styles.length; j++)
        xml += cellXml(`${letters[t.column + j]}${row}`, values === undefined ? null : values[j], styles[j]);
    } else {
      const cells: LooseCell[] = loose ? [...loose] : [];
      for (const k of covering) {
        const t = tables[k];
        const values = t.table.rows[r - t.headerRow - 1];
        bodyStyles[k].forEach((style, j) =>
          cells.push({ column: t.column + j, value: values === undefined ? null : values[j], style }),
        );
      }
      cells.sort((a, b) => a.column - b.column);
      for (const c of cells) xml += cellXml(`${letters[c.column]}${row}`, c.value, c.style);
    }
    xml += "</row>";
    const pending = sink.write(xml);
    if (pending) await pending;
  }

  let tail = "</sheetData>";
  extras.colorScales.forEach((ref, i) => {
    tail +=
      `<conditionalFormatting sqref="${ref}"><cfRule type="colorScale" priority="${i + 1}"><colorScale>` +
      '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>' +
      `<color rgb="${argb(COLOR_SCALE_COLORS.minimum)}"/><color rgb="${argb(COLOR_SCALE_COLORS.midpoint)}"/>` +
      `<color rgb="${argb(COLOR_SCALE_COLORS.maximum)}"/></colorScale></cfRule></conditionalFormatting>`;
  });
  tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (extras.drawingRid) tail += `<drawing r:id="${extras.drawingRid}"/>`;
  if (extras.tableRids.length > 0) {
    tail += `<tableParts count="${extras.tableRids.length}">${extras.tableRids
      .map((id) => `<tablePart r:id="${id}"/>`)
      .join("")}</tableParts>`;
  }
  tail += "</worksheet>";
  await sink.write(tail);
}

/** A table part: header row, filter buttons, the add-in's style with banded rows. */
export function tableXml(layout: TableLayout, id: number): string {
  const ref = tableRef(layout);
  const name = escapeXml(layout.excelName);
  const columns = layout.table.columns
    .map((c, j) => `<tableColumn id="${j + 1}" name="${escapeXml(tableColumnName(c.header))}"/>`)
    .join("");
  return (
    XML_HEAD +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${layout.table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** A table column's name as the file stores it: line breaks as Excel's `_x000a_`. */
function tableColumnName(header: string): string {
  return header.replace(/\r?\n/g, "_x000a_");
}

/** A chart picture placed at a cell with its size in pixels. */
export interface PlacedPicture {
  row: number;
  column: number;
  widthPx: number;
  heightPx: number;
  rid: string;
}

/** A drawing part with one picture per chart, each anchored at its top-left cell with its own size. */
export function drawingXml(pictures: readonly PlacedPicture[]): string {
  const anchors = pictures
    .map(
      (p, i) =>
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${p.widthPx * EMU_PER_PIXEL}" cy="${p.heightPx * EMU_PER_PIXEL}"/>` +
        `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
        `<xdr:blipFill><a:blip r:embed="${p.rid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${p.widthPx * EMU_PER_PIXEL}" cy="${p.heightPx * EMU_PER_PIXEL}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
        "</xdr:pic><xdr:clientData/></xdr:oneCellAnchor>",
    )
    .join("");
  return (
    XML_HEAD +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">${anchors}</xdr:wsDr>`
  );
}

/** A relationships part. */
export function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
      .join("") +
    "</Relationships>"
  );
}
