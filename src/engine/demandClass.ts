/**
 * Demand-pattern classification (WCAP.DEMANDCLASS) after A. A. Syntetos, J. E. Boylan & J. D.
 * Croston, "On the categorization of demand patterns", J. Oper. Res. Soc. 56 (2005) 495–503: two
 * statistics of a demand history and their published cut-offs pick the forecasting method
 * (Croston/SBA for intermittent and lumpy demand, smoothing for the rest).
 *
 * - ADI, the average inter-demand interval in periods, is estimated as
 *   ADI = T ÷ N, T = number of non-blank periods in the row, N = number of periods with non-zero
 *   demand: periods observed per demand occurrence, the reciprocal of the estimated probability
 *   of demand in a period. Leading and trailing zero periods count (they are observed periods
 *   without demand). Some tools instead average the gaps between demands counted from the start
 *   of the history (e.g. R's tsintermittent::idclass), which ignores trailing zeros; the two agree
 *   when the last period has demand.
 * - CV² is the squared coefficient of variation of the non-zero demand sizes only: sample
 *   variance (n − 1) ÷ mean². With a single non-zero demand CV² = 0 (no spread is observed).
 * - Classes, with ADI_CUT = 1.32 and CV2_CUT = 0.49 (the cut-offs of Syntetos, Boylan & Croston 2005):
 *   smooth (ADI < 1.32, CV² < 0.49), erratic (ADI < 1.32, CV² ≥ 0.49), intermittent
 *   (ADI ≥ 1.32, CV² < 0.49), lumpy (ADI ≥ 1.32, CV² ≥ 0.49). A value exactly on a cut goes to
 *   the upper class.
 *
 * History is a row-major n×T Float64Array, NaN marking a blank cell (skipped: neither a demand nor
 * a zero period). Per-row errors: a negative or non-finite demand is #NUM!; a row without any
 * non-zero demand (all zeros or all blank) is #DIV/0!, since its ADI is undefined (T ÷ 0).
 */
import { ErrorKind, throwIfError } from "./errors";
import { RunningSum } from "./sum";

export type DemandClass = "smooth" | "erratic" | "intermittent" | "lumpy";

/** ADI cut-off (periods per demand), Syntetos, Boylan & Croston (2005). */
export const ADI_CUT = 1.32;
/** CV² cut-off of the non-zero demand sizes, Syntetos, Boylan & Croston (2005). */
export const CV2_CUT = 0.49;

/** The two classification statistics of one history row, or the row's error. */
export interface DemandPattern {
  /** ErrorKind.None, or Num (negative or non-finite demand) or DivZero (no non-zero demand). */
  kind: ErrorKind;
  /** Non-blank periods T. */
  periods: number;
  /** Periods with non-zero demand N. */
  demands: number;
  /** T ÷ N; NaN unless kind is None. */
  adi: number;
  /** Squared CV of the non-zero sizes; NaN unless kind is None. */
  cv2: number;
}

/** The class of an (ADI, CV²) pair; values exactly on a cut go to the upper side. */
export function classifyDemand(adi: number, cv2: number): DemandClass {
  if (adi < ADI_CUT) return cv2 < CV2_CUT ? "smooth" : "erratic";
  return cv2 < CV2_CUT ? "intermittent" : "lumpy";
}

/** Rows whose largest demand is outside [2^-500, 2^500] are rescaled by a power of two (exact). */
const SCALE_LIMIT = 2 ** 500;

/** A power of two 2^e bringing `magnitude` near 1, as two factors so 2^±1074 never overflows. */
function powerOfTwoScale(magnitude: number): [number, number] {
  if (magnitude <= SCALE_LIMIT && magnitude >= 1 / SCALE_LIMIT) return [1, 1];
  const e = -Math.floor(Math.log2(magnitude));
  const half = Math.trunc(e / 2);
  return [2 ** half, 2 ** (e - half)];
}

/**
 * ADI and CV² of row `row` of an n×`periods` history. CV² uses the corrected two-pass algorithm
 * (Chan, Golub & LeVeque 1983) with Neumaier sums, as classify.ts's rowMoments, on the non-zero
 * values only; CV² is scale-free, so rows of extreme magnitude are first rescaled by an exact power
 * of two and the squares neither overflow nor underflow.
 */
export function demandPatternOfRow(history: Float64Array, periods: number, row: number): DemandPattern {
  const start = row * periods;
  const end = start + periods;
  let observed = 0;
  let demands = 0;
  let magnitude = 0;
  for (let t = start; t < end; t++) {
    const x = history[t];
    if (x !== x) continue; // blank
    if (!(x >= 0) || x === Infinity)
      return { kind: ErrorKind.Num, periods: observed, demands, adi: NaN, cv2: NaN };
    observed++;
    if (x !== 0) {
      demands++;
      if (x > magnitude) magnitude = x;
    }
  }
  if (demands === 0) return { kind: ErrorKind.DivZero, periods: observed, demands, adi: NaN, cv2: NaN };
  const adi = observed / demands;
  if (demands === 1) return { kind: ErrorKind.None, periods: observed, demands, adi, cv2: 0 };
  const [s1, s2] = powerOfTwoScale(magnitude);
  const sum = new RunningSum();
  for (let t = start; t < end; t++) {
    const x = history[t];
    if (x > 0) sum.add(x * s1 * s2); // NaN (blank) and 0 fail the test
  }
  const mean = sum.value / demands;
  const squares = new RunningSum();
  const deviations = new RunningSum();
  for (let t = start; t < end; t++) {
    const x = history[t];
    if (x > 0) {
      const d = x * s1 * s2 - mean;
      squares.add(d * d);
      deviations.add(d);
    }
  }
  const correction = (deviations.value * deviations.value) / demands;
  const variance = Math.max(0, squares.value - correction) / (demands - 1);
  return { kind: ErrorKind.None, periods: observed, demands, adi, cv2: variance / (mean * mean) };
}

/**
 * Vectorised WCAP.DEMANDCLASS: a class per row of an n×`periods` history (n = labels.length).
 * Rows whose status is non-zero on entry are skipped; a row with an error gets its ErrorKind in
 * `status` and its label is left as it was. `adi` and `cv2`, when given, receive the statistics
 * (left alone on error rows).
 */
export function demandClassInto(
  labels: DemandClass[],
  status: Uint8Array,
  history: Float64Array,
  periods: number,
  adi?: Float64Array,
  cv2?: Float64Array,
): void {
  for (let row = 0; row < labels.length; row++) {
    if (status[row] !== 0) continue;
    const pattern = demandPatternOfRow(history, periods, row);
    if (pattern.kind !== ErrorKind.None) {
      status[row] = pattern.kind;
      continue;
    }
    labels[row] = classifyDemand(pattern.adi, pattern.cv2);
    if (adi) adi[row] = pattern.adi;
    if (cv2) cv2[row] = pattern.cv2;
  }
}

/** The class of one demand history (NaN = blank); throws EngineError (#NUM!, #DIV/0!). */
export function demandClass(history: ArrayLike<number>): DemandClass {
  const pattern = demandPatternOfRow(Float64Array.from(history), history.length, 0);
  throwIfError(pattern.kind, "demand_class");
  return classifyDemand(pattern.adi, pattern.cv2);
}
