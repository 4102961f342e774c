/**
 * Driver regressors for WCAP.FORECAST: a promotion flag (or intensity) and a price per period, each
 * covering the history and the horizon, that lift or lower the forecast multiplicatively.
 *
 * Model: demand_t = base_t · E_t with the driver effect E_t = L^{p_t} · r_t^β, where
 * - p_t ≥ 0 is the promotion input (1 = promoted, 0 or blank = not; an intensity such as 0.5 scales
 *   the log-lift, so a half-strength promotion lifts by √L), L the promotion lift of the series;
 * - r_t = price_t ÷ the median of the known prices in the row's history span (a blank price is
 *   "unknown": r_t = 1, no effect), β the price elasticity of the series.
 * The base model (any method, or "auto") is fitted on the de-driven history base_t = demand_t ÷ E_t
 * and its forecasts are multiplied by E_{T+h}. Per series, on the history span only:
 *
 * 1. Elasticity β: least squares of log demand on log r_t with an intercept and a linear time
 *    trend (so a price that drifts with a trend in demand is not mistaken for elasticity), over the
 *    periods with demand > 0, a known price and no promotion. β is estimated only when at least
 *    MIN_ELASTICITY_POINTS such periods exist and the detrended log relative price varies (RMS ≥
 *    MIN_PRICE_VARIATION, half a percent); otherwise β = 0. β is clipped to [ELASTICITY_MIN, 0]:
 *    an estimated positive elasticity is almost always confounding (prices raised when demand was
 *    strong), so a price rise never raises the forecast.
 * 2. Lift L: with z_t = demand_t ÷ r_t^β, each promoted period's baseline c_t is the mean of z over
 *    the BASELINE_NEIGHBOURS nearest non-promoted periods on each side (fewer at the edges). L̂
 *    solves Σ_promoted z_t = Σ_promoted c_t · L̂^{p_t}: for 0/1 flags L̂ = Σz ÷ Σc, the ratio of
 *    promoted demand to its baseline. L̂ is clipped to [LIFT_MIN, LIFT_MAX] and shrunk toward 1 by
 *    the number k of promoted periods, log L = log L̂ · k ÷ (k + LIFT_SHRINK_PERIODS), so a single
 *    promotion counts for half of what it showed (one noisy week is weak evidence). No promoted
 *    period with a baseline, or a zero baseline, gives L = 1.
 *
 * Flat or absent drivers give E_t = 1 exactly, so the forecast is bit for bit the one without
 * drivers. Auto selection and the holdout compare every candidate on the same de-driven series.
 */
import { ErrorKind } from "../errors";

/** Clip range of the estimated lift L̂ (a promotion at most quintuples or cuts demand to a fifth). */
export const LIFT_MIN = 0.2;
export const LIFT_MAX = 5;
/** Pseudo-count of the shrinkage of log L̂ toward 0: weight k ÷ (k + 1) for k promoted periods. */
export const LIFT_SHRINK_PERIODS = 1;
/** Non-promoted periods on each side whose mean is a promoted period's baseline. */
export const BASELINE_NEIGHBOURS = 4;
/** Clip range of the price elasticity (demand falls at most fivefold per unit log price). */
export const ELASTICITY_MIN = -5;
export const ELASTICITY_MAX = 0;
/** Least RMS of the detrended log relative price for the price to count as varying. */
export const MIN_PRICE_VARIATION = 0.005;
/** Fewest usable periods for the elasticity regression (three coefficients, three left for error). */
export const MIN_ELASTICITY_POINTS = 6;

/** Driver inputs of one series or of a block of rows (row-major, periods + horizon per row). */
export interface ForecastDrivers {
  /** Promotion flag (0/1) or intensity ≥ 0 per period; NaN (blank) = not promoted. */
  promo?: Float64Array;
  /** Price > 0 per period; NaN (blank) = unknown (no price effect in that period). */
  price?: Float64Array;
}

/** What the estimation found for one series. */
export interface DriverEstimate {
  /** Promotion lift L (1 = none) after clipping and shrinkage. */
  lift: number;
  /** Price elasticity β (0 = none), in [ELASTICITY_MIN, 0]. */
  elasticity: number;
}

/**
 * #NUM! when a promotion value is negative or infinite or a price is ≤ 0 or infinite in
 * [offset, offset + length) of either driver; NaN (blank) is allowed.
 */
export function driversDomain(
  promo: Float64Array | null,
  price: Float64Array | null,
  offset: number,
  length: number,
): ErrorKind {
  for (let j = offset; j < offset + length; j++) {
    if (promo !== null) {
      const p = promo[j];
      if (p < 0 || p === Infinity) return ErrorKind.Num;
    }
    if (price !== null) {
      const x = price[j];
      if (x <= 0 || x === Infinity) return ErrorKind.Num;
    }
  }
  return ErrorKind.None;
}

/** Scratch buffers of the estimation, sized for periods + horizon. */
export interface DriverBuffers {
  /** E_t for every column of the row (history and horizon). */
  effect: Float64Array;
  /** p_t with blanks as 0. */
  promo: Float64Array;
  /** r_t, NaN where the price is unknown. */
  relativePrice: Float64Array;
  /** z_t, then sorting space. */
  work: Float64Array;
}

export function newDriverBuffers(length: number): DriverBuffers {
  return {
    effect: new Float64Array(length),
    promo: new Float64Array(length),
    relativePrice: new Float64Array(length),
    work: new Float64Array(length),
  };
}

/**
 * Estimates the drivers of the row history[offset, offset + periods) (NaN = blank) whose driver
 * values are promo/price[driverOffset, driverOffset + periods + horizon), and writes E_t for every
 * column into buffers.effect[0, periods + horizon). Inputs are assumed valid (driversDomain).
 */
export function estimateDrivers(
  history: Float64Array,
  offset: number,
  periods: number,
  horizon: number,
  promo: Float64Array | null,
  price: Float64Array | null,
  driverOffset: number,
  buffers: DriverBuffers,
  estimate: DriverEstimate,
): void {
  const length = periods + horizon;
  const p = buffers.promo;
  const r = buffers.relativePrice;
  let first = -1;
  let last = -1;
  for (let j = 0; j < periods; j++) {
    if (history[offset + j] === history[offset + j]) {
      if (first < 0) first = j;
      last = j;
    }
  }
  for (let j = 0; j < length; j++) {
    const x = promo === null ? NaN : promo[driverOffset + j];
    p[j] = x === x ? x : 0;
  }
  relativePrices(price, driverOffset, length, first, last, buffers);

  const elasticity = first < 0 ? 0 : estimateElasticity(history, offset, first, last, p, r);
  const z = buffers.work;
  for (let j = 0; j < periods; j++) {
    const v = history[offset + j];
    z[j] = elasticity === 0 || v !== v || r[j] !== r[j] ? v : v / Math.pow(r[j], elasticity);
  }
  const lift = first < 0 ? 1 : estimateLift(z, first, last, p);
  for (let j = 0; j < length; j++) {
    buffers.effect[j] = Math.pow(lift, p[j]) * (r[j] === r[j] ? Math.pow(r[j], elasticity) : 1);
  }
  estimate.lift = lift;
  estimate.elasticity = elasticity;
}

/** r_t = price ÷ median known price over history columns [first, last]; NaN where unknown or no price. */
function relativePrices(
  price: Float64Array | null,
  driverOffset: number,
  length: number,
  first: number,
  last: number,
  buffers: DriverBuffers,
): void {
  const r = buffers.relativePrice;
  r.fill(NaN, 0, length);
  if (price === null || first < 0) return;
  const known = buffers.work;
  let count = 0;
  for (let j = first; j <= last; j++) {
    const x = price[driverOffset + j];
    if (x === x) known[count++] = x;
  }
  if (count === 0) return;
  const sorted = known.subarray(0, count).sort();
  const half = count >> 1;
  const median = count % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  for (let j = 0; j < length; j++) {
    const x = price[driverOffset + j];
    if (x === x) r[j] = x / median;
  }
}

/**
 * β of log v_t = a + b·t + β·log r_t by least squares over the usable periods (v > 0, price known,
 * not promoted), via Frisch–Waugh: log v and log r are residualised on (1, t), then
 * β = Σ ṽ·r̃ ÷ Σ r̃².
 */
function estimateElasticity(
  history: Float64Array,
  offset: number,
  first: number,
  last: number,
  p: Float64Array,
  r: Float64Array,
): number {
  let count = 0;
  let sumT = 0;
  let sumV = 0;
  let sumR = 0;
  for (let j = first; j <= last; j++) {
    const v = history[offset + j];
    if (!(v > 0) || p[j] !== 0 || r[j] !== r[j]) continue;
    count++;
    sumT += j;
    sumV += Math.log(v);
    sumR += Math.log(r[j]);
  }
  if (count < MIN_ELASTICITY_POINTS) return 0;
  const meanT = sumT / count;
  const meanV = sumV / count;
  const meanR = sumR / count;
  let stt = 0;
  let stv = 0;
  let str = 0;
  let srr = 0;
  let srv = 0;
  for (let j = first; j <= last; j++) {
    const v = history[offset + j];
    if (!(v > 0) || p[j] !== 0 || r[j] !== r[j]) continue;
    const dt = j - meanT;
    const dv = Math.log(v) - meanV;
    const dr = Math.log(r[j]) - meanR;
    stt += dt * dt;
    stv += dt * dv;
    str += dt * dr;
    srr += dr * dr;
    srv += dr * dv;
  }
  const rr = srr - (str * str) / stt;
  const rv = srv - (str * stv) / stt;
  if (!(rr / count >= MIN_PRICE_VARIATION * MIN_PRICE_VARIATION)) return 0;
  const beta = rv / rr;
  if (!Number.isFinite(beta)) return 0;
  return Math.min(ELASTICITY_MAX, Math.max(ELASTICITY_MIN, beta));
}

/** Mean of z over up to BASELINE_NEIGHBOURS non-promoted, non-blank columns on each side of j. */
function baselineAt(z: Float64Array, first: number, last: number, p: Float64Array, j: number): number {
  let sum = 0;
  let count = 0;
  let taken = 0;
  for (let i = j - 1; i >= first && taken < BASELINE_NEIGHBOURS; i--) {
    if (p[i] === 0 && z[i] === z[i]) {
      sum += z[i];
      taken++;
    }
  }
  count += taken;
  taken = 0;
  for (let i = j + 1; i <= last && taken < BASELINE_NEIGHBOURS; i++) {
    if (p[i] === 0 && z[i] === z[i]) {
      sum += z[i];
      taken++;
    }
  }
  count += taken;
  return count === 0 ? NaN : sum / count;
}

/** The shrunk, clipped lift L (module comment, step 2). */
function estimateLift(z: Float64Array, first: number, last: number, p: Float64Array): number {
  let promoted = 0;
  let sumZ = 0;
  let sumC = 0;
  let intensity = -1;
  let equal = true;
  for (let j = first; j <= last; j++) {
    if (p[j] === 0 || z[j] !== z[j]) continue;
    const c = baselineAt(z, first, last, p, j);
    if (c !== c) continue;
    promoted++;
    sumZ += z[j];
    sumC += c;
    if (intensity < 0) intensity = p[j];
    else if (p[j] !== intensity) equal = false;
  }
  if (promoted === 0 || !(sumC > 0)) return 1;
  let logLift: number;
  if (equal) {
    logLift = sumZ > 0 ? Math.log(sumZ / sumC) / intensity : Math.log(LIFT_MIN);
  } else logLift = solveLogLift(z, first, last, p, sumZ);
  logLift = Math.min(Math.log(LIFT_MAX), Math.max(Math.log(LIFT_MIN), logLift));
  return Math.exp((logLift * promoted) / (promoted + LIFT_SHRINK_PERIODS));
}

/**
 * u = log L̂ solving Σ c_t·e^{u·p_t} = Σ z_t over the promoted periods with a baseline (increasing
 * in u), by bisection on the clip range.
 */
function solveLogLift(z: Float64Array, first: number, last: number, p: Float64Array, target: number): number {
  const excess = (u: number): number => {
    let sum = 0;
    for (let j = first; j <= last; j++) {
      if (p[j] === 0 || z[j] !== z[j]) continue;
      const c = baselineAt(z, first, last, p, j);
      if (c === c) sum += c * Math.exp(u * p[j]);
    }
    return sum - target;
  };
  let lo = Math.log(LIFT_MIN);
  let hi = Math.log(LIFT_MAX);
  if (excess(lo) >= 0) return lo;
  if (excess(hi) <= 0) return hi;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (excess(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
