/**
 * Argument coercion shared by every custom function (DESIGN §2): what a cell value is, ranges as
 * matrices, single-value arguments, and whole ranges of numbers for the aggregating functions.
 */
import { ErrorKind } from "../engine/errors";
import { fail, isExcelError } from "./errors";

/** Largest result a call may return: Excel on the web's 5 MB payload is about 400,000 numbers. */
export const MAX_RESULT_CELLS = 400_000;

/** Excel's blanks: `null` / `undefined` (omitted or empty on the web) and `""`. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** A rectangular range as Excel passes it (rows of cells); a single value is 1×1. */
export interface Matrix {
  rows: number;
  cols: number;
  cells: readonly (readonly unknown[])[];
}

/** The argument as a matrix, or null when it was omitted. Ragged or empty ranges are #VALUE!. */
export function toMatrix(value: unknown, name: string): Matrix | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return { rows: 1, cols: 1, cells: [[value]] };
  const cells: unknown[][] = value.length > 0 && Array.isArray(value[0]) ? (value as unknown[][]) : [value];
  const cols = cells[0].length;
  // One pass checks that every row is an array of the same length.
  let rectangular = cols > 0;
  for (let r = 0; rectangular && r < cells.length; r++) {
    rectangular = Array.isArray(cells[r]) && cells[r].length === cols;
  }
  if (!rectangular) fail(ErrorKind.Value, `${name} must be a rectangular range with at least one cell.`);
  return { rows: cells.length, cols, cells };
}

export function shapeText(m: Matrix): string {
  return `${m.rows}×${m.cols}`;
}

/** Describes a non-numeric cell for a #VALUE! message. */
export function describeCell(value: unknown): string {
  if (typeof value === "string") return `the text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  return "a value that is not a number";
}

/**
 * The number in a cell that must hold one, or fails the call: an error value propagates, text and
 * logical values are #VALUE! naming the parameter (a number stored as text is a data error the user
 * must see). Blank is the caller's business.
 */
export function numberOrFail(value: unknown, name: string): number {
  if (typeof value === "number") {
    if (Number.isNaN(value)) fail(ErrorKind.Num, `${name} is not a number.`);
    return value;
  }
  if (isExcelError(value)) throw value;
  return fail(ErrorKind.Value, `${name} must be a number, not ${describeCell(value)}.`);
}

/**
 * A single-value argument (a value or a 1×1 range): its number, or `fallback` when omitted or
 * blank. A larger range is #VALUE!.
 */
export function singleNumber(value: unknown, name: string, fallback: number): number {
  const m = toMatrix(value, name);
  if (m === null) return fallback;
  if (m.rows !== 1 || m.cols !== 1)
    fail(ErrorKind.Value, `${name} must be a single value, not a ${shapeText(m)} range.`);
  const cell = m.cells[0][0];
  return isBlank(cell) ? fallback : numberOrFail(cell, name);
}

/**
 * A single text choice (e.g. `method`), case-insensitive with surrounding spaces ignored:
 * its code, or `fallback` when omitted or blank.
 */
export function parseChoice(
  value: unknown,
  name: string,
  choices: Readonly<Record<string, number>>,
): { code: number } | { problem: string } {
  if (typeof value === "string") {
    const key = value.trim().toLowerCase();
    if (Object.prototype.hasOwnProperty.call(choices, key)) return { code: choices[key] };
  }
  const allowed = Object.keys(choices)
    .map((c) => `"${c}"`)
    .join(" or ");
  return {
    problem: `${name} must be ${allowed}, not ${typeof value === "string" ? `"${value}"` : describeCell(value)}.`,
  };
}

/** The numbers of a range in row-major order and which positions were blank. */
export interface RangeNumbers {
  matrix: Matrix;
  /** One entry per cell, row-major; NaN where the cell is blank. */
  values: Float64Array;
  blanks: number;
}

/**
 * Every cell of a range as a number (NaN for blank) for aggregating and classifying functions:
 * one text or error cell changes every result, so it fails the whole call (first offending cell in
 * row-major order). An omitted argument is treated like an all-blank 1×1 range.
 */
export function rangeNumbers(value: unknown, name: string): RangeNumbers {
  const matrix = toMatrix(value, name) ?? { rows: 1, cols: 1, cells: [[null]] };
  const values = new Float64Array(matrix.rows * matrix.cols);
  let blanks = 0;
  let p = 0;
  for (const row of matrix.cells) {
    for (const cell of row) {
      if (typeof cell === "number" && cell === cell) values[p] = cell;
      else if (isBlank(cell)) {
        values[p] = NaN;
        blanks++;
      } else values[p] = numberOrFail(cell, name);
      p++;
    }
  }
  return { matrix, values, blanks };
}

/** The non-blank numbers of a range (blanks skipped, as AVERAGE and SUM skip them). */
export function presentNumbers(range: RangeNumbers): Float64Array {
  if (range.blanks === 0) return range.values;
  const out = new Float64Array(range.values.length - range.blanks);
  let j = 0;
  for (const x of range.values) if (x === x) out[j++] = x;
  return out;
}

/** Fails the call when a result of `cells` cells would exceed Excel's payload limit. */
export function guardResultSize(cells: number): void {
  if (cells > MAX_RESULT_CELLS) {
    fail(
      ErrorKind.Value,
      `The result would have ${cells} cells, more than Excel accepts from one call ` +
        `(${MAX_RESULT_CELLS}). Split the range into smaller blocks.`,
    );
  }
}

/** A column of results as Excel wants it: n rows of one cell. */
export function column<T>(values: ArrayLike<T>): T[][] {
  const out = new Array<T[]>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [values[i]];
  return out;
}
