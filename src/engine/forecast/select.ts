/**
 * Per-series model choice for method "auto", by rolling-origin holdout error (Tashman, "Out-of-
 * sample tests of forecasting accuracy: an analysis and review", IJF 16 (2000)).
 *
 * - Origins: the last k periods, k = max(1, min(⌊T/4⌋, max(horizon, m, 24))): the last quarter of
 *   the history, capped (for long histories) at 24 origins or one horizon or one season, whichever is
 *   longest. Tying k to the horizon alone (k = 1 for a one-step forecast) made the choice a coin toss
 *   on a single error: on seeded white noise of 60 periods, naive was kept for 29% of series at
 *   horizon 1; with the last quarter, out-of-sample MASE improved or held for every synthetic
 *   family tried (noise, trend, random walk, additive and multiplicative seasonality).
 * - Each candidate is fitted once, on y[0..T−k) (the first origin); at every origin o = T−k … T−1
 *   it is re-run with those parameters on y[0..o) ("rolling origin with updating, without
 *   recalibration" in Tashman's terms) and forecasts y[o … min(o + horizon, T) − 1]. Forecasts are
 *   floored at 0 as delivered (when the history is ≥ 0).
 * - Score: MASE over all (origin, step) pairs, Hyndman & Koehler, "Another look at measures of
 *   forecast accuracy", IJF 22 (2006): mean |A − F| ÷ the in-sample MAE of the one-step seasonal
 *   naive forecast (naive when m = 1) on y[0..T−k). MASE rather than WAPE because it stays defined
 *   when the holdout happens to hold only zero demand (common for intermittent items: WAPE's
 *   Σ|A| is then 0), it is comparable across items, and it does not explode on small actuals.
 *   Every candidate shares the holdout points and the scale, so the ranking is that of the total
 *   absolute error, which decides even where the scale is 0 (a series constant in-sample).
 *   Caveat: an absolute error is minimised by the median, which for intermittent demand is often 0
 *   (Kolassa, "Evaluating predictive count data distributions in retail sales forecasting", IJF 32
 *   (2016)), so the naive baseline, which forecasts 0 after a zero period, is hard to beat there:
 *   on seeded intermittent series about a quarter keep naive (test/engine/forecast/select.test.ts).
 * - Baseline: seasonal naive (naive when m = 1). Candidates are tried simplest first; one replaces
 *   the current choice only if its score is lower by more than TIE_TOLERANCE (1%), so ties keep the
 *   simpler model and every choice beats the baseline.
 * - Candidates by Syntetos–Boylan demand class: ADI ≥ 1.32 → naive, seasonal naive, Croston, SBA,
 *   TSB; else naive, seasonal naive, SES, damped trend, Holt-Winters additive and multiplicative
 *   (seasonal models only when m ≥ 2; hw_mul only for strictly positive series). A candidate whose
 *   minimum length (Holt-Winters: two full seasons) exceeds the first-origin window is skipped.
 */
import { neumaierSum } from "../sum";
import { ADI_CUTOFF, averageDemandInterval } from "./history";
import { MODELS, type ModelSpec, fitModel } from "./models";
import type { HoldoutAccuracy } from "./types";
import type { ForecastWorkspace } from "./workspace";

/**
 * Relative margin within which two holdout scores count as tied: a candidate must cut the current
 * choice's MASE by more than 1% to replace it. Smaller differences are far inside the sampling noise
 * of a holdout of a few dozen points; without the margin a damped trend (which nearly nests SES)
 * won about 40% of seeded white-noise series by a hair (about 30% with it), with no gain out of
 * sample.
 */
export const TIE_TOLERANCE = 0.01;

/** Cap on the rolling origins unless the horizon or the season is longer (bounds the cost for long histories). */
export const MAX_ORIGINS = 24;

/** Number of rolling origins k for a series of n periods, horizon h and season length m. */
export function holdoutOrigins(n: number, horizon: number, m: number): number {
  return Math.max(1, Math.min(Math.floor(n / 4), Math.max(horizon, m, MAX_ORIGINS)));
}

const [NAIVE, SNAIVE, SES, CROSTON, SBA, TSB, DAMPED, HW_ADD, HW_MUL] = MODELS;

/** Candidate models for a series, baseline first, then simplest first. */
export function candidateModels(adi: number, m: number, positive: boolean): readonly ModelSpec[] {
  const seasonal = m >= 2;
  if (adi >= ADI_CUTOFF) return seasonal ? [SNAIVE, NAIVE, CROSTON, SBA, TSB] : [NAIVE, CROSTON, SBA, TSB];
  if (!seasonal) return [NAIVE, SES, DAMPED];
  return positive ? [SNAIVE, NAIVE, SES, DAMPED, HW_ADD, HW_MUL] : [SNAIVE, NAIVE, SES, DAMPED, HW_ADD];
}

/** Candidate lists are constants; built once so choosing them allocates nothing per series. */
const CANDIDATES = {
  intermittentSeasonal: candidateModels(Infinity, 2, true),
  intermittent: candidateModels(Infinity, 1, true),
  smooth: candidateModels(1, 1, true),
  seasonalPositive: candidateModels(1, 2, true),
  seasonal: candidateModels(1, 2, false),
};

/** candidateModels without allocation (the same lists). */
export function candidatesFor(
  y: Float64Array,
  n: number,
  m: number,
  positive: boolean,
): readonly ModelSpec[] {
  const seasonal = m >= 2;
  if (averageDemandInterval(y, n) >= ADI_CUTOFF) {
    return seasonal ? CANDIDATES.intermittentSeasonal : CANDIDATES.intermittent;
  }
  if (!seasonal) return CANDIDATES.smooth;
  return positive ? CANDIDATES.seasonalPositive : CANDIDATES.seasonal;
}

/**
 * The holdout of one series: origins, points and MASE scale, filled by `prepareHoldout`, then a
 * score per candidate by `scoreCandidate`.
 */
export interface Holdout {
  origins: number;
  points: number;
  /** In-sample MAE of the one-step (seasonal) naive forecast on the first-origin window. */
  scale: number;
}

/** Lays out the holdout points' actuals in ws.holdoutActual; returns the point count. */
export function prepareHoldout(
  y: Float64Array,
  n: number,
  horizon: number,
  m: number,
  ws: ForecastWorkspace,
  holdout: Holdout,
): void {
  const origins = holdoutOrigins(n, horizon, m);
  const first = n - origins;
  let points = 0;
  for (let o = first; o < n; o++) {
    const steps = Math.min(horizon, n - o);
    for (let s = 0; s < steps; s++) ws.holdoutActual[points + s] = y[o + s];
    points += steps;
  }
  const lag = m >= 2 && first > m ? m : 1;
  const errors = ws.holdoutWork;
  let count = 0;
  // The scale's differences can outnumber the holdout buffer: sum them in chunks.
  let scale = 0;
  for (let t = lag; t < first; t++) {
    errors[count++] = Math.abs(y[t] - y[t - lag]);
    if (count === errors.length) {
      scale += neumaierSum(errors, 0, count);
      count = 0;
    }
  }
  scale += neumaierSum(errors, 0, count);
  holdout.origins = origins;
  holdout.points = points;
  holdout.scale = first > lag ? scale / (first - lag) : NaN;
}

/**
 * Fits `model` on the first-origin window and writes its forecasts of every holdout point into
 * ws.holdoutForecast[model.id]. Returns the total absolute error, or NaN when the window is too
 * short for the model.
 */
export function scoreCandidate(
  model: ModelSpec,
  y: Float64Array,
  n: number,
  horizon: number,
  m: number,
  floorAtZero: boolean,
  ws: ForecastWorkspace,
  holdout: Holdout,
): number {
  const first = n - holdout.origins;
  if (first < model.minLength(m)) return NaN;
  const forecasts = ws.holdoutForecast[model.id];
  const p = ws.parameters[model.id];
  fitModel(model, y, first, m, ws, false);
  let points = 0;
  for (let o = first; o < n; o++) {
    const steps = Math.min(horizon, n - o);
    if (o > first) {
      model.init(y, o, m, ws);
      model.run(y, o, m, p, ws);
    }
    model.forecast(y, o, m, p, steps, forecasts, points, ws);
    points += steps;
  }
  const errors = ws.holdoutWork;
  for (let i = 0; i < points; i++) {
    if (floorAtZero && forecasts[i] < 0) forecasts[i] = 0;
    errors[i] = Math.abs(forecasts[i] - ws.holdoutActual[i]);
  }
  const total = neumaierSum(errors, 0, points);
  return total === total ? total : Infinity;
}

/** WAPE, MASE and bias of the forecasts stored for `model` (NaN where a denominator is 0). */
export function holdoutAccuracy(model: ModelSpec, ws: ForecastWorkspace, holdout: Holdout): HoldoutAccuracy {
  const { points, scale } = holdout;
  const forecasts = ws.holdoutForecast[model.id];
  const actual = ws.holdoutActual;
  const work = ws.holdoutWork;
  for (let i = 0; i < points; i++) work[i] = Math.abs(forecasts[i] - actual[i]);
  const absoluteError = neumaierSum(work, 0, points);
  for (let i = 0; i < points; i++) work[i] = Math.abs(actual[i]);
  const absoluteActual = neumaierSum(work, 0, points);
  for (let i = 0; i < points; i++) work[i] = forecasts[i] - actual[i];
  const signedError = neumaierSum(work, 0, points);
  const totalActual = neumaierSum(actual, 0, points);
  return {
    wape: absoluteActual === 0 ? NaN : absoluteError / absoluteActual,
    mase: scale > 0 ? absoluteError / points / scale : NaN,
    bias: totalActual === 0 ? NaN : signedError / totalActual,
  };
}

/**
 * Scores every candidate (baseline first) and returns the chosen model: the lowest total absolute
 * holdout error, where scores within TIE_TOLERANCE are ties, won by the earlier, simpler candidate.
 */
export function selectModel(
  candidates: readonly ModelSpec[],
  y: Float64Array,
  n: number,
  horizon: number,
  m: number,
  floorAtZero: boolean,
  ws: ForecastWorkspace,
  holdout: Holdout,
): ModelSpec {
  let chosen = candidates[0];
  let best = scoreCandidate(chosen, y, n, horizon, m, floorAtZero, ws, holdout);
  for (let i = 1; i < candidates.length; i++) {
    const score = scoreCandidate(candidates[i], y, n, horizon, m, floorAtZero, ws, holdout);
    if (score < best * (1 - TIE_TOLERANCE)) {
      chosen = candidates[i];
      best = score;
    }
  }
  return chosen;
}
