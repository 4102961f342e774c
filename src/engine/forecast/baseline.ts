/**
 * The benchmark forecasts every fitted model must beat (Hyndman & Athanasopoulos, "Forecasting:
 * Principles and Practice", 3rd ed., §5.2): naive, ŷ_{n+h} = y_n, and seasonal naive,
 * ŷ_{n+h} = y_{n+h−m·(⌊(h−1)/m⌋+1)}, the last observed value of the same season (naive when m = 1).
 */
import type { ForecastWorkspace } from "./workspace";

/** One-step SSE of the seasonal naive forecast, Σ_{t≥m}(y_t − y_{t−m})²; naive when m = 1. */
export function seasonalNaiveRun(y: Float64Array, n: number, m: number, ws: ForecastWorkspace): number {
  let sse = 0;
  for (let t = m; t < n; t++) {
    const e = y[t] - y[t - m];
    sse += e * e;
  }
  ws.level = y[n - 1];
  ws.errorCount = Math.max(0, n - m);
  return sse < Infinity ? sse : Infinity;
}

/** ŷ_{n+h} = y_{n−m+((h−1) mod m)}: the last season repeated (m = 1: the last value). */
export function seasonalNaiveForecast(
  y: Float64Array,
  n: number,
  m: number,
  horizon: number,
  out: Float64Array,
  offset: number,
): void {
  let j = 0;
  for (let h = 0; h < horizon; h++) {
    out[offset + h] = y[n - m + j];
    if (++j === m) j = 0;
  }
}
