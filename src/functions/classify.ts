/**
 * Adapters for the classifying functions ABC, XYZ, ABCXYZ and DEMANDCV. ABC, XYZ and ABCXYZ fail
 * the whole call on a text or error cell (one bad cell changes every label); DEMANDCV works row by
 * row, so a bad cell errors only its own row.
 */
import {
  DEFAULT_A_CUT,
  DEFAULT_B_CUT,
  DEFAULT_X_CUT,
  DEFAULT_Y_CUT,
  abcClasses,
  abcCutsDomain,
  demandCvInto,
  xyzClasses,
  xyzCutsDomain,
} from "../engine/classify";
import { DemandClass, demandClassInto } from "../engine/demandClass";
import { ErrorKind } from "../engine/errors";
import {
  RangeNumbers,
  column,
  describeCell,
  guardResultSize,
  isBlank,
  rangeNumbers,
  singleNumber,
  toMatrix,
} from "./args";
import { excelCall, excelError, fail, isExcelError } from "./errors";

/** The values of ABC: a column or row of numbers, blanks counting as 0, none negative. */
function abcValues(range: RangeNumbers): Float64Array {
  const values = range.values;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) values[i] = 0;
  return values;
}

function checkValuesDomain(values: Float64Array): void {
  for (const v of values) if (v < 0 || v === Infinity) fail(ErrorKind.Num, "values must not be negative.");
}

function checkAbcCuts(aCut: number, bCut: number): void {
  if (abcCutsDomain(aCut, bCut) !== ErrorKind.None) fail(ErrorKind.Num, "Need 0 ≤ a_cut ≤ b_cut ≤ 1.");
}

function checkXyzCuts(xCut: number, yCut: number): void {
  if (xyzCutsDomain(xCut, yCut) !== ErrorKind.None) fail(ErrorKind.Num, "Need 0 ≤ x_cut ≤ y_cut.");
}

export function abc(values: unknown, aCut: unknown, bCut: unknown): string[][] {
  return excelCall(() => {
    const range = rangeNumbers(values, "values");
    const { rows, cols } = range.matrix;
    if (rows > 1 && cols > 1)
      fail(ErrorKind.Value, `values must be a single column or row, not ${rows}×${cols}.`);
    guardResultSize(rows * cols);
    const a = singleNumber(aCut, "a_cut", DEFAULT_A_CUT);
    const b = singleNumber(bCut, "b_cut", DEFAULT_B_CUT);
    const numbers = abcValues(range);
    checkValuesDomain(numbers);
    checkAbcCuts(a, b);
    const labels = abcClasses(numbers, a, b);
    return cols > 1 ? [labels] : column(labels);
  });
}

/** A demand history block as a row-major Float64Array (NaN = blank) with its dimensions. */
interface History {
  rows: number;
  periods: number;
  values: Float64Array;
}

function historyOf(range: RangeNumbers): History {
  return { rows: range.matrix.rows, periods: range.matrix.cols, values: range.values };
}

export function xyz(demandHistory: unknown, xCut: unknown, yCut: unknown): string[][] {
  return excelCall(() => {
    const history = historyOf(rangeNumbers(demandHistory, "demand_history"));
    guardResultSize(history.rows);
    const x = singleNumber(xCut, "x_cut", DEFAULT_X_CUT);
    const y = singleNumber(yCut, "y_cut", DEFAULT_Y_CUT);
    checkXyzCuts(x, y);
    return column(xyzClasses(history.values, history.periods, history.rows, x, y));
  });
}

export function abcXyz(
  values: unknown,
  demandHistory: unknown,
  aCut: unknown,
  bCut: unknown,
  xCut: unknown,
  yCut: unknown,
): string[][] {
  return excelCall(() => {
    const valueRange = rangeNumbers(values, "values");
    const history = historyOf(rangeNumbers(demandHistory, "demand_history"));
    const a = singleNumber(aCut, "a_cut", DEFAULT_A_CUT);
    const b = singleNumber(bCut, "b_cut", DEFAULT_B_CUT);
    const x = singleNumber(xCut, "x_cut", DEFAULT_X_CUT);
    const y = singleNumber(yCut, "y_cut", DEFAULT_Y_CUT);
    const { rows, cols } = valueRange.matrix;
    if (cols !== 1 || rows !== history.rows) {
      fail(
        ErrorKind.Value,
        `values (${rows}×${cols}) must be one column with a row for each row of demand_history (${history.rows}).`,
      );
    }
    guardResultSize(rows);
    const numbers = abcValues(valueRange);
    checkValuesDomain(numbers);
    checkAbcCuts(a, b);
    checkXyzCuts(x, y);
    const abcLabels = abcClasses(numbers, a, b);
    const xyzLabels = xyzClasses(history.values, history.periods, history.rows, x, y);
    return column(abcLabels.map((label, i) => label + xyzLabels[i]));
  });
}

/** A history block read row by row: a bad cell decides only its own row. */
export interface HistoryRows {
  rows: number;
  periods: number;
  values: Float64Array;
  /** Non-zero for rows already decided (their Excel value is in `verdicts`). */
  status: Uint8Array;
  verdicts: unknown[];
}

/**
 * Reads demand_history for the row-by-row functions: within a row, the first error cell
 * (propagated) or text cell (#VALUE!) decides that row; blanks become NaN (skipped).
 */
export function historyRows(demandHistory: unknown): HistoryRows {
  const m = toMatrix(demandHistory, "demand_history") ?? { rows: 1, cols: 1, cells: [[null]] };
  guardResultSize(m.rows);
  const values = new Float64Array(m.rows * m.cols);
  const verdicts = new Array<unknown>(m.rows);
  const status = new Uint8Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    const row = m.cells[r];
    for (let c = 0; c < m.cols; c++) {
      const cell = row[c];
      const p = r * m.cols + c;
      if (typeof cell === "number" && cell === cell) values[p] = cell;
      else if (isBlank(cell)) values[p] = NaN;
      else {
        verdicts[r] = isExcelError(cell)
          ? cell
          : excelError(ErrorKind.Value, `demand_history must hold numbers, not ${describeCell(cell)}.`);
        status[r] = 255;
        break;
      }
    }
  }
  return { rows: m.rows, periods: m.cols, values, status, verdicts };
}

/** One result cell per row: the row's verdict, its engine error, or its value. */
function rowResults<T>(h: HistoryRows, value: (row: number) => T): unknown[][] {
  const result = new Array<unknown[]>(h.rows);
  for (let r = 0; r < h.rows; r++) {
    result[r] = [h.verdicts[r] ?? (h.status[r] === 0 ? value(r) : excelError(h.status[r]))];
  }
  return result;
}

/** DEMANDCV row by row; the engine reports #DIV/0! for a mean of 0 or fewer than two values. */
export function demandCv(demandHistory: unknown): unknown[][] {
  return excelCall(() => {
    const h = historyRows(demandHistory);
    const out = new Float64Array(h.rows);
    demandCvInto(out, h.status, h.values, h.periods);
    return rowResults(h, (r) => out[r]);
  });
}

/** DEMANDCLASS row by row (Syntetos–Boylan); a row without any demand is #DIV/0!. */
export function demandClassCall(demandHistory: unknown): unknown[][] {
  return excelCall(() => {
    const h = historyRows(demandHistory);
    const labels = new Array<DemandClass>(h.rows);
    demandClassInto(labels, h.status, h.values, h.periods);
    return rowResults(h, (r) => labels[r]);
  });
}
