/**
 * Forecasts for intermittent demand, where most periods have no demand:
 *
 * - Croston (J. D. Croston, "Forecasting and stock control for intermittent demands", Operational
 *   Research Quarterly 23 (1972)): smooth the non-zero demand sizes z and the intervals p between
 *   them with one weight α, updating only in periods with demand; forecast per period z/p.
 * - SBA (Syntetos & Boylan, "The accuracy of intermittent demand estimates", IJF 21 (2005)):
 *   (1 − α/2)·z/p, which removes most of Croston's positive bias.
 * - TSB (Teunter, Syntetos & Babai, "Intermittent demand: linking forecasting to inventory
 *   obsolescence", EJOR 214 (2011)): smooth the demand probability π every period (weight β; towards
 *   1 after a demand, towards 0 otherwise) and the size z in demand periods (weight α); forecast π·z.
 *
 * Initialisation, the "naive" start of Kourentzes' tsintermittent package: z_0 = the first non-zero
 * demand, p_0 = its position (periods up to and including it; TSB: π_0 = 1/p_0). One-step errors
 * are counted from the period after the first demand. Any non-zero value counts as a demand (so
 * returns, negative values, are sizes too). A window without demand forecasts 0 with zero error.
 */
import type { ForecastWorkspace } from "./workspace";

function firstDemand(y: Float64Array, n: number): number {
  for (let t = 0; t < n; t++) if (y[t] !== 0) return t;
  return -1;
}

/**
 * Runs Croston's method with weight α (SBA when `debiased`: forecasts × (1 − α/2)); returns the
 * one-step SSE and leaves the per-period forecast in ws.level.
 */
export function crostonRun(
  y: Float64Array,
  n: number,
  alpha: number,
  debiased: boolean,
  ws: ForecastWorkspace,
): number {
  const first = firstDemand(y, n);
  if (first < 0) {
    ws.level = 0;
    ws.errorCount = n;
    return 0;
  }
  const factor = debiased ? 1 - alpha / 2 : 1;
  let size = y[first];
  let interval = first + 1;
  let last = first;
  let sse = 0;
  for (let t = first + 1; t < n; t++) {
    const e = y[t] - (factor * size) / interval;
    sse += e * e;
    if (y[t] !== 0) {
      size += alpha * (y[t] - size);
      interval += alpha * (t - last - interval);
      last = t;
    }
  }
  ws.level = (factor * size) / interval;
  ws.errorCount = n - first - 1;
  return sse < Infinity ? sse : Infinity;
}

/** Runs TSB with size weight α and probability weight β; leaves π·z in ws.level. */
export function tsbRun(
  y: Float64Array,
  n: number,
  alpha: number,
  beta: number,
  ws: ForecastWorkspace,
): number {
  const first = firstDemand(y, n);
  if (first < 0) {
    ws.level = 0;
    ws.errorCount = n;
    return 0;
  }
  let size = y[first];
  let probability = 1 / (first + 1);
  let sse = 0;
  for (let t = first + 1; t < n; t++) {
    const e = y[t] - probability * size;
    sse += e * e;
    if (y[t] !== 0) {
      probability += beta * (1 - probability);
      size += alpha * (y[t] - size);
    } else {
      probability -= beta * probability;
    }
  }
  ws.level = probability * size;
  ws.errorCount = n - first - 1;
  return sse < Infinity ? sse : Infinity;
}
