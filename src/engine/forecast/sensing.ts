/**
 * Demand sensing (ForecastOptions.sensing): the most recent periods weigh more in the short horizon.
 *
 * With the final model (its fitted parameters), let F_o(k) be its k-step forecast from origin o
 * (made from y[0..o)), K = SENSING_ERRORS = 4 and o₀ = T − K. Then
 *
 *   D = Σ_j w_j·(y_{T−j} − F_{o₀}(K + 1 − j)) ÷ Σ_j w_j, j = 1 … K, w_j = SENSING_MEMORY^{j−1}
 *       (1, ½, ¼, ⅛: the latest period weighs most): how far the last K periods ran from the
 *       forecast made before them (a level shift, in demand units);
 *   U = F_T(1) − F_{o₀}(K + 1): how much of it the model has already absorbed into its next forecast;
 *   c = D − U: the part of the recent deviation the model still misses;
 *   F_h ← F_h + c·SENSING_DECAY^{h−1} for h = 1 … SENSING_STEPS (c, c/2, c/4, c/8), unchanged beyond.
 *
 * Comparing forecasts of the same target period keeps trend and seasonality out of D and U. For
 * simple exponential smoothing after a shift Δ, D = Δ and U = Δ·(1 − (1 − α)^K), so c = Δ·(1 − α)^K,
 * exactly the lag still left; a model that follows the shift at once (naive) gets c = 0. The
 * correction is applied only when all K deviations have the same sign: evidence of a shift, which
 * noise gives one time in eight. On the de-driven series when there are drivers. A series with
 * fewer than K periods after the model's minimum length is left alone.
 */
import type { ModelSpec } from "./models";
import type { ForecastWorkspace } from "./workspace";

/** Recent periods K compared with the forecast made before them (from origin T − K). */
export const SENSING_ERRORS = 4;
/** Weight ratio between an error and the next more recent one. */
export const SENSING_MEMORY = 0.5;
/** Ratio of the correction at step h + 1 to that at step h. */
export const SENSING_DECAY = 0.5;
/** Steps corrected; later steps keep the model's forecast exactly. */
export const SENSING_STEPS = 4;

/**
 * The sensing correction c of `model` fitted to y[0..n) (parameters in ws.parameters[model.id]),
 * module comment; 0 when the deviations differ in sign or the series is too short. Leaves the
 * model's states as after a run on y[0..n).
 */
export function sensingCorrection(
  model: ModelSpec,
  y: Float64Array,
  n: number,
  m: number,
  ws: ForecastWorkspace,
): number {
  const from = n - SENSING_ERRORS;
  if (from < Math.max(1, model.minLength(m))) return 0;
  const p = ws.parameters[model.id];
  const before = ws.sensingForecast;
  model.init(y, from, m, ws);
  model.run(y, from, m, p, ws);
  model.forecast(y, from, m, p, SENSING_ERRORS + 1, before, 0, ws);
  let weighted = 0;
  let weights = 0;
  let positive = 0;
  let negative = 0;
  for (let k = 0; k < SENSING_ERRORS; k++) {
    const w = SENSING_MEMORY ** (SENSING_ERRORS - 1 - k); // 1 for the latest period, then ½, ¼, ⅛
    const deviation = y[from + k] - before[k];
    weighted += w * deviation;
    weights += w;
    if (deviation > 0) positive++;
    else if (deviation < 0) negative++;
  }
  const earlier = before[SENSING_ERRORS];
  model.init(y, n, m, ws);
  model.run(y, n, m, p, ws);
  if (positive !== SENSING_ERRORS && negative !== SENSING_ERRORS) return 0;
  model.forecast(y, n, m, p, 1, before, 0, ws);
  return weighted / weights - (before[0] - earlier);
}

/** Adds correction·SENSING_DECAY^{h−1} to forecast[h − 1] for h = 1 … min(horizon, SENSING_STEPS). */
export function applySensing(correction: number, forecast: Float64Array, horizon: number): void {
  if (correction === 0) return;
  let weight = 1;
  for (let h = 0; h < Math.min(horizon, SENSING_STEPS); h++) {
    forecast[h] += correction * weight;
    weight *= SENSING_DECAY;
  }
}
