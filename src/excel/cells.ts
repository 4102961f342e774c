/**
 * Report cells as Excel values, and what they weigh in a request.
 *
 * Text stays text (DESIGN §7). Excel reads typed text: "=…", "+…", "-…" and "@…" become formulas,
 * "00123" or "5%" become numbers, "Mar-1" a date. The writer therefore:
 * 1. sets the number format "@" on every cell whose ReportColumn/KPI format is "text" BEFORE
 *    writing its values (the one format that must precede the values: Excel applies it while it
 *    parses), so SKU codes, "5%" labels and "=x" all arrive as the exact text;
 * 2. writes any other string that starts with = + - @ (or an apostrophe) with a leading
 *    apostrophe, Excel's quote prefix, which Excel strips and keeps the rest as text — a string
 *    in a numeric column or a KPI label can never become a formula either.
 */
import { CellValue } from "../engine/report";

/** A value Excel accepts in `range.values`. */
export type ExcelValue = string | number | boolean;

const FORMULA_OR_PREFIX = /^[=+\-@']/;

/**
 * The value to put in `range.values` for a report cell. `textFormatted` says the cell was given
 * the "@" format before the write. null → "" (an empty cell); a non-finite number (never
 * produced by the engine) → "" rather than a value JSON cannot carry.
 */
export function toExcelValue(value: CellValue, textFormatted: boolean): ExcelValue {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  if (textFormatted) return value.startsWith("'") ? `'${value}` : value;
  return FORMULA_OR_PREFIX.test(value) ? `'${value}` : value;
}

/** Bytes of a request's fixed part per operation (action, object path, property name); an estimate. */
export const OPERATION_OVERHEAD_BYTES = 200;

/** \b \t \n \f \r: control characters JSON writes in two characters. */
const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d]);

/** UTF-8 bytes of `text` as a JSON string literal, quotes and escapes included. */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20)
      bytes += SHORT_ESCAPES.has(code) ? 2 : 6; // \n or \u0001
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** JSON bytes of one value. */
export function jsonValueBytes(value: ExcelValue | null): number {
  if (value === null) return 4;
  if (typeof value === "number") return String(value).length;
  if (typeof value === "boolean") return value ? 4 : 5;
  return jsonStringBytes(value);
}

/** JSON bytes of one row: its values, commas and brackets. */
export function jsonRowBytes(row: readonly ExcelValue[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const value of row) bytes += jsonValueBytes(value);
  return bytes;
}

/** JSON bytes of a 2-D array of values. */
export function jsonGridBytes(grid: readonly (readonly ExcelValue[])[]): number {
  let bytes = 2 + Math.max(0, grid.length - 1);
  for (const row of grid) bytes += jsonRowBytes(row);
  return bytes;
}
