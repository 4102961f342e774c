/**
 * The forecasting engine behind WCAP.FORECAST (DESIGN §3, §5 "Forecasting and accuracy"):
 * exponential smoothing (SES, damped trend, Holt-Winters), intermittent-demand methods (Croston,
 * SBA, TSB) and naive baselines, chosen per series by rolling-origin holdout MASE; optional
 * promotion and price drivers (drivers.ts) and demand sensing (sensing.ts).
 */
export {
  FORECAST_METHODS,
  MODEL_NAMES,
  isForecastMethod,
  type ForecastMethod,
  type ForecastOptions,
  type ForecastResult,
  type HoldoutAccuracy,
  type ModelName,
} from "./types";
export {
  NO_MODEL,
  forecastInto,
  forecastOptionsDomain,
  forecastSeries,
  type ForecastDiagnosticColumns,
} from "./forecast";
export {
  BASELINE_NEIGHBOURS,
  ELASTICITY_MAX,
  ELASTICITY_MIN,
  LIFT_MAX,
  LIFT_MIN,
  LIFT_SHRINK_PERIODS,
  MIN_ELASTICITY_POINTS,
  MIN_PRICE_VARIATION,
  type DriverEstimate,
  type ForecastDrivers,
} from "./drivers";
export { SENSING_DECAY, SENSING_ERRORS, SENSING_MEMORY, SENSING_STEPS } from "./sensing";
export { ADI_CUTOFF, averageDemandInterval, prepareHistory } from "./history";
export { detectSeasonLength, seasonBandZ } from "./seasonality";
export { holdoutOrigins } from "./select";
export { ForecastWorkspace } from "./workspace";
