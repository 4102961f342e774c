/**
 * The public vocabulary of the forecasting engine behind WCAP.FORECAST: method keys, options and
 * the per-series result. The Excel adapter lower-cases and trims `method` before it gets here.
 */
import type { ForecastDrivers } from "./drivers";

export type { ForecastDrivers };

/** Forecasting methods, as typed in WCAP.FORECAST's `method` argument. */
export type ForecastMethod =
  "auto" | "naive" | "snaive" | "ses" | "damped" | "hw_add" | "hw_mul" | "croston" | "sba" | "tsb";

/** A concrete model (what "auto" resolves to). */
export type ModelName = Exclude<ForecastMethod, "auto">;

/** Every accepted `method` key, "auto" first. */
export const FORECAST_METHODS: readonly ForecastMethod[] = [
  "auto",
  "naive",
  "snaive",
  "ses",
  "damped",
  "hw_add",
  "hw_mul",
  "croston",
  "sba",
  "tsb",
];

/** Every concrete model, in FORECAST_METHODS order (the index used by diagnostic columns). */
export const MODEL_NAMES: readonly ModelName[] = [
  "naive",
  "snaive",
  "ses",
  "damped",
  "hw_add",
  "hw_mul",
  "croston",
  "sba",
  "tsb",
];

/** True for a key of FORECAST_METHODS (exact, lower-case). */
export function isForecastMethod(text: unknown): text is ForecastMethod {
  return typeof text === "string" && (FORECAST_METHODS as readonly string[]).includes(text);
}

export interface ForecastOptions {
  /** Periods ahead to forecast: a whole number ≥ 1. */
  horizon: number;
  method: ForecastMethod;
  /** Season length in periods: a whole number ≥ 1 (1 = no seasonality); undefined = detect it. */
  seasonLength?: number;
  /**
   * Promotion and price per period (drivers.ts), each covering the history and the horizon:
   * T + horizon values for forecastSeries, rows × (T + horizon) row-major for forecastInto.
   * Absent (or flat) drivers leave the forecast exactly as without them.
   */
  drivers?: ForecastDrivers;
  /** Demand sensing (sensing.ts): correct the first steps by the recent one-step errors. Default off. */
  sensing?: boolean;
}

/** Accuracy of a model over the rolling-origin holdout (see select.ts). NaN where a denominator is 0. */
export interface HoldoutAccuracy {
  /** Σ|A − F| ÷ Σ|A| over every (origin, step) pair; NaN when Σ|A| = 0. */
  wape: number;
  /** Mean |A − F| ÷ in-sample MAE of the (seasonal) naive forecast; NaN when that MAE is 0. */
  mase: number;
  /** Σ(F − A) ÷ ΣA (positive = over-forecast); NaN when ΣA = 0. */
  bias: number;
}

export interface ForecastResult {
  /** The model that produced `forecast` ("auto" resolved per series). */
  method: ModelName;
  /** The season length used for this series: given or detected; 1 = none. */
  seasonLength: number;
  /** Forecasts for periods T+1 … T+horizon. */
  forecast: Float64Array;
  /**
   * Rolling-origin holdout accuracy of `method`; null when the series is too short to hold out.
   * With drivers, the holdout forecasts are re-multiplied by the driver effect and scored against
   * the demand as given (without the sensing correction).
   */
  holdout: HoldoutAccuracy | null;
  /**
   * Root mean squared one-step-ahead in-sample error of the final fit, √(SSE ÷ number of one-step
   * errors): the forecast-error SD that can replace the raw demand SD in safety stock. NaN when the
   * model made no one-step forecast (a single observation). With drivers, the errors are those of
   * the de-driven series (demand at the median price without promotion).
   */
  residualRmse: number;
  /** With drivers: the promotion lift L applied (1 = none). Absent without drivers. */
  lift?: number;
  /** With drivers: the price elasticity β applied (0 = none). Absent without drivers. */
  elasticity?: number;
}
