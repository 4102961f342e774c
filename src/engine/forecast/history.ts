/**
 * Preparing one row of demand history for the models, and the demand-pattern statistic that picks
 * the candidate family.
 *
 * Data completion follows Excel's FORECAST.ETS default (data_completion = 1): a blank interior
 * period is the linear interpolation of its neighbours, so a missing month is neither a zero sale
 * nor a gap that shifts the seasons. Leading and trailing blanks are not data: a row's history is
 * the span from its first to its last number, so rows of one range may have different lengths.
 */

/** The row held ±Infinity (not a number Excel can send; reported as #NUM!). */
export const NON_FINITE = -1;

/**
 * Copies history[offset, offset + periods) into `out` with leading and trailing NaN (blank) cells
 * dropped and interior NaN cells filled by linear interpolation between the nearest numbers on
 * each side. Returns the prepared length (0 when the row has no numbers), or NON_FINITE.
 */
export function prepareHistory(
  history: Float64Array,
  offset: number,
  periods: number,
  out: Float64Array,
): number {
  let first = -1;
  let last = -1;
  for (let t = 0; t < periods; t++) {
    const x = history[offset + t];
    if (x !== x) continue;
    if (x === Infinity || x === -Infinity) return NON_FINITE;
    if (first < 0) first = t;
    last = t;
  }
  if (first < 0) return 0;
  const n = last - first + 1;
  let known = 0; // index in `out` of the last number copied
  out[0] = history[offset + first];
  for (let i = 1; i < n; i++) {
    const x = history[offset + first + i];
    if (x !== x) continue;
    out[i] = x;
    const gap = i - known;
    if (gap > 1) {
      const from = out[known];
      const step = (x - from) / gap;
      for (let j = 1; j < gap; j++) out[known + j] = from + step * j;
    }
    known = i;
  }
  return n;
}

/** The Syntetos–Boylan ADI cut-off, shared with WCAP.DEMANDCLASS. */
export { ADI_CUT as ADI_CUTOFF } from "../demandClass";

/**
 * Average demand interval ADI = periods ÷ periods with non-zero demand (Syntetos, Boylan & Croston,
 * "On the categorization of demand patterns", JORS 56 (2005)); Infinity when every period is zero.
 * ADI ≥ 1.32 marks intermittent (or lumpy) demand.
 */
export function averageDemandInterval(y: Float64Array, n: number): number {
  let demands = 0;
  for (let t = 0; t < n; t++) if (y[t] !== 0) demands++;
  return demands === 0 ? Infinity : n / demands;
}

/** Mean of y[0..n). */
export function meanOf(y: Float64Array, n: number): number {
  let sum = 0;
  for (let t = 0; t < n; t++) sum += y[t];
  return sum / n;
}

/**
 * Slope of the least-squares line through (t + 1, y[t]), t = 0 … n − 1 (0 for n < 2). The line's
 * value at x = 0, one period before the first observation, is mean − slope·(n + 1)/2.
 */
export function leastSquaresSlope(y: Float64Array, n: number, mean: number): number {
  if (n < 2) return 0;
  const xMean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    const dx = t + 1 - xMean;
    sxy += dx * (y[t] - mean);
    sxx += dx * dx;
  }
  return sxy / sxx;
}
