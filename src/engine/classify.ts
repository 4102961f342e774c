/**
 * ABC (Pareto) classification by value, XYZ classification by demand variability (coefficient of
 * variation), and their 3×3 combination. Conventions as in Silver, Pyke & Thomas (4th ed., §2.6)
 * for ABC and Scholz-Reiter et al., "Product portfolio segmentation by ABC-XYZ analysis" (2012).
 *
 * Demand history is a row-major n×T Float64Array in which NaN marks a blank cell (skipped, as
 * Excel's AVERAGE and STDEV.S skip blanks).
 */
import { ErrorKind } from "./errors";
import { RunningSum, neumaierSum } from "./sum";

export const DEFAULT_A_CUT = 0.8;
export const DEFAULT_B_CUT = 0.95;
export const DEFAULT_X_CUT = 0.5;
export const DEFAULT_Y_CUT = 1.0;

export type AbcClass = "A" | "B" | "C";
export type XyzClass = "X" | "Y" | "Z";

/** ABC cut-offs must satisfy 0 ≤ a_cut ≤ b_cut ≤ 1. */
export function abcCutsDomain(aCut: number, bCut: number): ErrorKind {
  return aCut >= 0 && aCut <= bCut && bCut <= 1 ? ErrorKind.None : ErrorKind.Num;
}

/** XYZ cut-offs must satisfy 0 ≤ x_cut ≤ y_cut (no upper bound). */
export function xyzCutsDomain(xCut: number, yCut: number): ErrorKind {
  return xCut >= 0 && xCut <= yCut && yCut !== Infinity ? ErrorKind.None : ErrorKind.Num;
}

/**
 * ABC class per item. Items are ranked by value, largest first, ties in input order; an item is A
 * if the cumulative share of the items ranked before it is below a_cut, B if below b_cut, else C.
 * The share is the running (compensated) sum in ranked order divided by the total, not a sum of
 * per-item shares, so an item whose share lands exactly on a cut is classified exactly.
 * All items are C when the total is 0. Negative values are #NUM! (checked by the caller).
 */
export function abcClasses(values: Float64Array, aCut = DEFAULT_A_CUT, bCut = DEFAULT_B_CUT): AbcClass[] {
  const n = values.length;
  const labels: AbcClass[] = new Array<AbcClass>(n).fill("C");
  const total = neumaierSum(values);
  if (total === 0) return labels;
  const order = rankDescending(values);
  const before = new RunningSum();
  for (let r = 0; r < n; r++) {
    const i = order[r];
    const share = before.value / total;
    labels[i] = share < aCut ? "A" : share < bCut ? "B" : "C";
    before.add(values[i]);
  }
  return labels;
}

/** Indices sorted by value, largest first; ties keep input order (stable). */
export function rankDescending(values: Float64Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => values[b] - values[a] || a - b);
}

/** Mean, sample SD (n − 1) and CV of the non-blank values of one history row. */
export interface RowMoments {
  count: number;
  mean: number;
  sd: number;
  /** SD ÷ mean, computed on rescaled values so it is right even where SD itself under/overflows. */
  cv: number;
}

/** Rows whose largest magnitude is outside [2^-500, 2^500] are rescaled by a power of two (exact). */
const SCALE_LIMIT = 2 ** 500;
const NO_SCALE: readonly [number, number] = [1, 1];

/** A power of two 2^e that brings `magnitude` near 1, as two factors so 2^±1074 never overflows. */
function powerOfTwoScale(magnitude: number): readonly [number, number] {
  if (magnitude === 0 || (magnitude <= SCALE_LIMIT && magnitude >= 1 / SCALE_LIMIT)) return NO_SCALE;
  const e = -Math.floor(Math.log2(magnitude));
  const half = Math.trunc(e / 2);
  return [2 ** half, 2 ** (e - half)];
}

/**
 * Mean, sample standard deviation and CV of row `row` of an n×T history, skipping NaN (blank)
 * cells. Corrected two-pass algorithm (Chan, Golub & LeVeque 1983) with compensated sums: the
 * deviation sum Σ(x − x̄) corrects the rounding of the mean. Rows of extreme magnitude (1e±300)
 * are first rescaled by an exact power of two so the squares neither overflow nor underflow.
 */
export function rowMoments(history: Float64Array, periods: number, row: number): RowMoments {
  const start = row * periods;
  const end = start + periods;
  let count = 0;
  let magnitude = 0;
  for (let t = start; t < end; t++) {
    const x = history[t];
    if (x === x) {
      count++;
      if (Math.abs(x) > magnitude) magnitude = Math.abs(x);
    }
  }
  if (count === 0) return { count, mean: NaN, sd: NaN, cv: NaN };
  const scale = powerOfTwoScale(magnitude);
  const s1 = scale[0];
  const s2 = scale[1];
  // Neumaier sums written out (this loop runs once per row of a 100,000-row table): sum of the
  // rescaled values and of the raw values, each with its compensation term.
  let sum = 0;
  let sumC = 0;
  let raw = 0;
  let rawC = 0;
  for (let t = start; t < end; t++) {
    const x = history[t];
    if (x === x) {
      const y = x * s1 * s2;
      let u = sum + y;
      sumC += Math.abs(sum) >= Math.abs(y) ? sum - u + y : y - u + sum;
      sum = u;
      u = raw + x;
      rawC += Math.abs(raw) >= Math.abs(x) ? raw - u + x : x - u + raw;
      raw = u;
    }
  }
  const scaledMean = (sum + sumC) / count;
  // The unscaled mean decides "mean = 0" (rescaling can flush a tiny mean of huge values to 0).
  const rawMean = (raw + rawC) / count;
  let squares = 0;
  let squaresC = 0;
  let deviations = 0;
  let deviationsC = 0;
  for (let t = start; t < end; t++) {
    const x = history[t];
    if (x === x) {
      const d = x * s1 * s2 - scaledMean;
      const d2 = d * d;
      let u = squares + d2;
      squaresC += squares >= d2 ? squares - u + d2 : d2 - u + squares;
      squares = u;
      u = deviations + d;
      deviationsC += Math.abs(deviations) >= Math.abs(d) ? deviations - u + d : d - u + deviations;
      deviations = u;
    }
  }
  const deviationSum = deviations + deviationsC;
  const correction = (deviationSum * deviationSum) / count;
  const scaledSd = count > 1 ? Math.sqrt(Math.max(0, squares + squaresC - correction) / (count - 1)) : NaN;
  const mean = Number.isFinite(rawMean) ? rawMean : scaledMean / s1 / s2;
  return { count, mean, sd: scaledSd / s1 / s2, cv: scaledSd / scaledMean };
}

/**
 * Coefficient of variation of demand per row (WCAP.DEMANDCV): sample SD ÷ mean. A row with fewer
 * than two values or a mean of 0 is #DIV/0! in `status`; rows with non-zero status are skipped.
 */
export function demandCvInto(
  out: Float64Array,
  status: Uint8Array,
  history: Float64Array,
  periods: number,
): void {
  for (let row = 0; row < out.length; row++) {
    if (status[row] !== 0) continue;
    const { count, mean, cv } = rowMoments(history, periods, row);
    if (count < 2 || mean === 0) {
      status[row] = ErrorKind.DivZero;
      continue;
    }
    if (Number.isFinite(cv)) out[row] = cv;
    else status[row] = ErrorKind.Num;
  }
}

/**
 * XYZ class per row: X if CV ≤ x_cut, Y if CV ≤ y_cut, else Z; Z also where the CV is undefined
 * or meaningless (fewer than two values, mean ≤ 0).
 */
export function xyzClasses(
  history: Float64Array,
  periods: number,
  rows: number,
  xCut = DEFAULT_X_CUT,
  yCut = DEFAULT_Y_CUT,
): XyzClass[] {
  const labels = new Array<XyzClass>(rows);
  for (let row = 0; row < rows; row++) {
    const { count, mean, cv } = rowMoments(history, periods, row);
    if (count < 2 || !(mean > 0)) {
      labels[row] = "Z";
      continue;
    }
    labels[row] = cv <= xCut ? "X" : cv <= yCut ? "Y" : "Z";
  }
  return labels;
}
