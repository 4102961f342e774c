/**
 * Exponential smoothing in the additive-error, error-correction form of Hyndman, Koehler, Ord &
 * Snyder, "Forecasting with Exponential Smoothing: The State Space Approach" (Springer 2008),
 * Tables 2.2–2.3 (the same recursions as Hyndman & Athanasopoulos, "Forecasting: Principles and
 * Practice", 3rd ed., §8.1–8.3):
 *
 * - SES, ETS(A,N,N): ℓ_t = ℓ_{t−1} + α·e_t.
 * - Damped trend, ETS(A,Ad,N) (Gardner & McKenzie, Management Science 31 (1985)):
 *   ŷ_t = ℓ_{t−1} + φ·b_{t−1}, ℓ_t = ŷ_t + α·e_t, b_t = φ·b_{t−1} + β·e_t.
 * - Holt-Winters additive, ETS(A,A,A): ŷ_t = ℓ_{t−1} + b_{t−1} + s_{t−m},
 *   ℓ_t = ℓ_{t−1} + b_{t−1} + α·e_t, b_t = b_{t−1} + β·e_t, s_t = s_{t−m} + γ·e_t.
 * - Holt-Winters multiplicative, ETS(A,A,M): ŷ_t = (ℓ_{t−1} + b_{t−1})·s_{t−m},
 *   ℓ_t = ℓ_{t−1} + b_{t−1} + α·e_t/s_{t−m}, b_t = b_{t−1} + β·e_t/s_{t−m},
 *   s_t = s_{t−m} + γ·e_t/(ℓ_{t−1} + b_{t−1}).
 *
 * with e_t = y_t − ŷ_t the one-step-ahead error. The trend and seasonal weights are parameterised
 * as in the classical component form, β = α·β* and γ = (1 − α)·γ* with α, β*, γ* ∈ (0, 1), which
 * is exactly Hyndman et al.'s "usual" region 0 < β < α, 0 < γ < 1 − α as a box.
 *
 * Each model has an `init` (heuristic initial states after Hyndman et al. 2008 §2.6.1; the level and
 * trend regression on the first max(10, 2m) seasonally adjusted values is that of R's
 * forecast::ets `initstate`), a `run` over y[0..n) that returns the in-sample one-step SSE and
 * leaves the final states in the workspace, and a `forecast` from those states.
 */
import { leastSquaresSlope, meanOf } from "./history";
import type { ForecastWorkspace } from "./workspace";

/** Observations the level (and trend) start-up regression uses, max(10, 2m) as in forecast::ets. */
export function initWindow(n: number, seasonLength: number): number {
  return Math.min(n, Math.max(10, 2 * seasonLength));
}

/** SSE as returned to the optimiser: a NaN or overflowing run counts as +Infinity (rejected). */
function admissible(sse: number): number {
  return sse < Infinity ? sse : Infinity;
}

// ---------------------------------------------------------------------------------------------
// Simple exponential smoothing

/** ℓ_0 = mean of the first min(10, n) observations. */
export function sesInit(y: Float64Array, n: number, ws: ForecastWorkspace): void {
  ws.initLevel = meanOf(y, initWindow(n, 1));
}

/** Runs SES with weight α from ws.initLevel; returns Σe_t² over all n periods. */
export function sesRun(y: Float64Array, n: number, alpha: number, ws: ForecastWorkspace): number {
  let level = ws.initLevel;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const e = y[t] - level;
    sse += e * e;
    level += alpha * e;
  }
  ws.level = level;
  ws.errorCount = n;
  return admissible(sse);
}

/** Flat forecast ŷ_{n+h} = ℓ_n. */
export function flatForecast(
  ws: ForecastWorkspace,
  horizon: number,
  out: Float64Array,
  offset: number,
): void {
  out.fill(ws.level, offset, offset + horizon);
}

// ---------------------------------------------------------------------------------------------
// Damped trend (Gardner & McKenzie)

/** ℓ_0, b_0: intercept (at t = 0) and slope of the least-squares line through the first min(10, n) points. */
export function trendInit(y: Float64Array, n: number, ws: ForecastWorkspace): void {
  const window = initWindow(n, 1);
  const mean = meanOf(y, window);
  const slope = leastSquaresSlope(y, window, mean);
  ws.initLevel = mean - (slope * (window + 1)) / 2;
  ws.initTrend = slope;
}

/** Runs the damped-trend recursions with α, β = α·β*, φ; returns Σe_t². */
export function dampedRun(
  y: Float64Array,
  n: number,
  alpha: number,
  betaStar: number,
  phi: number,
  ws: ForecastWorkspace,
): number {
  const beta = alpha * betaStar;
  let level = ws.initLevel;
  let trend = ws.initTrend;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const fitted = level + phi * trend;
    const e = y[t] - fitted;
    sse += e * e;
    level = fitted + alpha * e;
    trend = phi * trend + beta * e;
  }
  ws.level = level;
  ws.trend = trend;
  ws.errorCount = n;
  return admissible(sse);
}

/** ŷ_{n+h} = ℓ_n + (φ + φ² + … + φ^h)·b_n. */
export function dampedForecast(
  ws: ForecastWorkspace,
  phi: number,
  horizon: number,
  out: Float64Array,
  offset: number,
): void {
  let damping = 0;
  let power = 1;
  for (let h = 0; h < horizon; h++) {
    power *= phi;
    damping += power;
    out[offset + h] = ws.level + damping * ws.trend;
  }
}

// ---------------------------------------------------------------------------------------------
// Holt-Winters

/**
 * Initial states for Holt-Winters with season length m (needs n ≥ 2m), Hyndman et al. 2008
 * §2.6.1: (1) a centred moving average (2×m for even m, m for odd m) through the first
 * min(⌊n/m⌋, 4) full seasons; (2) the data detrended by it (y − MA, or y ÷ MA when
 * multiplicative); (3) s_j = mean of the detrended values at season position j, normalised to sum
 * 0 (additive) or to average 1 (multiplicative); (4) ℓ_0, b_0 from a least-squares line through
 * the first max(10, 2m) seasonally adjusted observations.
 */
export function holtWintersInit(
  y: Float64Array,
  n: number,
  m: number,
  multiplicative: boolean,
  ws: ForecastWorkspace,
): void {
  const sums = ws.initSeason;
  const counts = ws.season; // borrowed as scratch; run() overwrites it
  sums.fill(0, 0, m);
  counts.fill(0, 0, m);
  const span = m * Math.min(Math.floor(n / m), 4);
  const half = m >> 1;
  const even = (m & 1) === 0;
  // Running sum over the m + 1 (even m) or m (odd m) observations centred on t.
  const width = even ? m + 1 : m;
  let window = 0;
  for (let i = 0; i < width; i++) window += y[i];
  for (let t = half; t + half < span; t++) {
    if (t > half) window += y[t + half] - y[t - half - 1];
    const movingAverage = even ? (window - 0.5 * (y[t - half] + y[t + half])) / m : window / m;
    const j = t % m;
    sums[j] += multiplicative ? y[t] / movingAverage : y[t] - movingAverage;
    counts[j] += 1;
  }
  let total = 0;
  for (let j = 0; j < m; j++) {
    sums[j] /= counts[j];
    total += sums[j];
  }
  const centre = total / m;
  for (let j = 0; j < m; j++) sums[j] = multiplicative ? sums[j] / centre : sums[j] - centre;
  const adjusted = ws.scratch;
  const regression = initWindow(n, m);
  for (let t = 0; t < regression; t++) {
    const s = sums[t % m];
    adjusted[t] = multiplicative ? y[t] / s : y[t] - s;
  }
  const mean = meanOf(adjusted, regression);
  const slope = leastSquaresSlope(adjusted, regression, mean);
  ws.initLevel = mean - (slope * (regression + 1)) / 2;
  ws.initTrend = slope;
}

/** Runs additive Holt-Winters with α, β = α·β*, γ = (1 − α)·γ*; returns Σe_t². */
export function holtWintersAdditiveRun(
  y: Float64Array,
  n: number,
  m: number,
  alpha: number,
  betaStar: number,
  gammaStar: number,
  ws: ForecastWorkspace,
): number {
  const beta = alpha * betaStar;
  const gamma = (1 - alpha) * gammaStar;
  const season = ws.season;
  for (let i = 0; i < m; i++) season[i] = ws.initSeason[i];
  let level = ws.initLevel;
  let trend = ws.initTrend;
  let sse = 0;
  let j = 0;
  for (let t = 0; t < n; t++) {
    const s = season[j];
    const base = level + trend;
    const e = y[t] - (base + s);
    sse += e * e;
    level = base + alpha * e;
    trend += beta * e;
    season[j] = s + gamma * e;
    if (++j === m) j = 0;
  }
  ws.level = level;
  ws.trend = trend;
  ws.errorCount = n;
  return admissible(sse);
}

/**
 * Runs multiplicative Holt-Winters with α, β = α·β*, γ = (1 − α)·γ*; returns Σe_t². A level + trend
 * or seasonal index that reaches 0 makes the model inadmissible (+Infinity): the optimiser avoids it.
 */
export function holtWintersMultiplicativeRun(
  y: Float64Array,
  n: number,
  m: number,
  alpha: number,
  betaStar: number,
  gammaStar: number,
  ws: ForecastWorkspace,
): number {
  const beta = alpha * betaStar;
  const gamma = (1 - alpha) * gammaStar;
  const season = ws.season;
  for (let i = 0; i < m; i++) season[i] = ws.initSeason[i];
  let level = ws.initLevel;
  let trend = ws.initTrend;
  let sse = 0;
  let j = 0;
  for (let t = 0; t < n; t++) {
    const s = season[j];
    const base = level + trend;
    if (!(base > 0 && s > 0)) {
      sse = Infinity;
      break;
    }
    const e = y[t] - base * s;
    sse += e * e;
    level = base + (alpha * e) / s;
    trend += (beta * e) / s;
    season[j] = s + (gamma * e) / base;
    if (++j === m) j = 0;
  }
  ws.level = level;
  ws.trend = trend;
  ws.errorCount = n;
  return admissible(sse);
}

/** ŷ_{n+h} = ℓ_n + h·b_n + s, or (ℓ_n + h·b_n)·s, with s the latest state of position (n + h − 1) mod m. */
export function holtWintersForecast(
  ws: ForecastWorkspace,
  n: number,
  m: number,
  multiplicative: boolean,
  horizon: number,
  out: Float64Array,
  offset: number,
): void {
  let j = n % m;
  for (let h = 1; h <= horizon; h++) {
    const base = ws.level + h * ws.trend;
    out[offset + h - 1] = multiplicative ? base * ws.season[j] : base + ws.season[j];
    if (++j === m) j = 0;
  }
}
