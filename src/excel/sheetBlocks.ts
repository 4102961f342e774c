/**
 * The blocks of a report sheet as Office.js operations, queued on a RequestBatch: a title, KPI rows
 * (label | value | note), and tables (header, "@" on text columns, rows in chunks with a sync after
 * every full chunk, then number formats, the Excel table and column widths). See writeReport.ts.
 */
import { Kpi, NUMBER_FORMATS, ReportTable } from "../engine/report";
import { blockAddress, cellAddress } from "../engine/workbookParts/address";
import { TABLE_STYLE, runsOf } from "../engine/workbookParts/layout";
import { RequestBatch } from "./batch";
import { ExcelValue, jsonGridBytes, jsonRowBytes, jsonStringBytes, toExcelValue } from "./cells";

/** Payload allowance for an operation that carries no data to speak of. */
export const SMALL = 64;

/** Where a table landed: its header row, first column, and the Excel table name used. */
export interface TableLayout {
  table: ReportTable;
  headerRow: number;
  column: number;
  excelName: string;
}

/** A text cell: "@" first, then the text, then its font. */
export function writeText(
  sheet: Excel.Worksheet,
  batch: RequestBatch,
  row: number,
  column: number,
  text: string,
  font: { bold?: boolean; size?: number },
): void {
  const value = toExcelValue(text, true);
  batch.queue(jsonStringBytes(String(value)) + SMALL, () => {
    const cell = sheet.getRange(cellAddress(row, column));
    cell.numberFormat = [[NUMBER_FORMATS.text]];
    cell.values = [[value]];
    if (font.bold !== undefined) cell.format.font.bold = font.bold;
    if (font.size !== undefined) cell.format.font.size = font.size;
  });
}

/** KPI rows: label | value | note. Labels and notes are text ("@" first); values get their format after. */
export function writeKpis(
  sheet: Excel.Worksheet,
  batch: RequestBatch,
  row: number,
  column: number,
  kpis: readonly Kpi[],
): void {
  if (kpis.length === 0) return;
  const n = kpis.length;
  const values: ExcelValue[][] = kpis.map((k) => [
    toExcelValue(k.label, true),
    toExcelValue(k.value, k.format === "text"),
    toExcelValue(k.note ?? null, true),
  ]);
  const formats = kpis.map((k) => [NUMBER_FORMATS[k.format]]);
  const textValueRows = kpis.map((k, i) => (k.format === "text" ? i : -1)).filter((i) => i >= 0);
  batch.queue(SMALL * (2 + textValueRows.length), () => {
    sheet.getRange(blockAddress(row, column, n, 1)).numberFormat = [[NUMBER_FORMATS.text]];
    sheet.getRange(blockAddress(row, column + 2, n, 1)).numberFormat = [[NUMBER_FORMATS.text]];
    for (const i of textValueRows)
      sheet.getRange(cellAddress(row + i, column + 1)).numberFormat = [[NUMBER_FORMATS.text]];
  });
  batch.queue(jsonGridBytes(values), () => {
    sheet.getRange(blockAddress(row, column, n, 3)).values = values;
  });
  batch.queue(jsonGridBytes(formats), () => {
    sheet.getRange(blockAddress(row, column + 1, n, 1)).numberFormat = formats;
  });
  batch.queue(SMALL, () => {
    sheet.getRange(blockAddress(row, column, n, 1)).format.font.bold = true;
    sheet.getRange(blockAddress(row, column, n, 3)).format.autofitColumns();
  });
}

/**
 * A table: header; "@" on the text columns; the rows in chunks (a sync after every full chunk);
 * then number formats, the Excel table over the written range, and column widths.
 */
export async function writeTable(
  sheet: Excel.Worksheet,
  layout: TableLayout,
  batch: RequestBatch,
  chunkRows: number,
  sync: () => Promise<void>,
  countRows: (n: number) => void,
): Promise<void> {
  const { table, headerRow, column } = layout;
  const width = table.columns.length;
  const rowCount = table.rows.length;
  // An Excel table always has at least one body row; an empty report table gets one empty row.
  const bodyRows = Math.max(1, rowCount);
  const isText = table.columns.map((c) => c.format === "text");
  const header = table.columns.map((c) => toExcelValue(c.header, false));

  batch.queue(jsonRowBytes(header) + 2, () => {
    sheet.getRange(blockAddress(headerRow, column, 1, width)).values = [header];
  });
  const textRuns = runsOf(isText.map((t, j) => (t ? j : -1)).filter((j) => j >= 0));
  batch.queue(SMALL * textRuns.length, () => {
    for (const [first, count] of textRuns) {
      sheet.getRange(blockAddress(headerRow + 1, column + first, bodyRows, count)).numberFormat = [
        [NUMBER_FORMATS.text],
      ];
    }
  });

  let start = 0;
  while (start < rowCount) {
    const chunk: ExcelValue[][] = [];
    let bytes = 2;
    const room = batch.roomBytes;
    while (start + chunk.length < rowCount && chunk.length < chunkRows) {
      const source = table.rows[start + chunk.length];
      const row = source.map((v, j) => toExcelValue(v, isText[j]));
      const rowBytes = jsonRowBytes(row) + 1;
      if (bytes + rowBytes > room) break;
      chunk.push(row);
      bytes += rowBytes;
    }
    if (chunk.length === 0) {
      if (batch.queuedBytes > 0) {
        await sync(); // no room left in this request: send it and start the chunk in a fresh one
        continue;
      }
      throw new Error(
        `Row ${start + 1} of table ${table.name} is larger than one request may carry (${batch.budgetBytes} bytes).`,
      );
    }
    const first = headerRow + 1 + start;
    batch.queue(bytes, () => {
      sheet.getRange(blockAddress(first, column, chunk.length, width)).values = chunk;
    });
    countRows(chunk.length);
    start += chunk.length;
    if (start < rowCount) await sync(); // a full chunk: send it before building the next
  }

  const formatRuns = runsOf(
    isText.map((t, j) => (t ? -1 : j)).filter((j) => j >= 0),
    (j) => table.columns[j].format,
  );
  batch.queue(SMALL * (formatRuns.length + 4), () => {
    for (const [first, count] of formatRuns) {
      const format = NUMBER_FORMATS[table.columns[first].format];
      sheet.getRange(blockAddress(headerRow + 1, column + first, bodyRows, count)).numberFormat = [[format]];
    }
    const range = blockAddress(headerRow, column, bodyRows + 1, width);
    const excelTable = sheet.tables.add(range, true);
    excelTable.name = layout.excelName;
    excelTable.style = TABLE_STYLE;
    sheet.getRange(range).format.autofitColumns();
  });
}
