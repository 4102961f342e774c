/**
 * Preallocated work buffers and model state, created once per call and reused for every series, so
 * the per-series and per-period loops allocate nothing (DESIGN §1: Float64Array on hot paths).
 */
import { type DriverBuffers, newDriverBuffers } from "./drivers";
import { SENSING_ERRORS } from "./sensing";

/** Most smoothing parameters any model has (α, β*, γ* or α, β*, φ). */
export const MAX_PARAMETERS = 3;

/** Number of concrete models (naive … tsb), the most candidates a holdout can score. */
export const MODEL_COUNT = 9;

/** Largest rolling-origin holdout (origins × steps) a series of `periods` can have for `horizon`. */
export function maxHoldoutPoints(periods: number, horizon: number): number {
  const origins = Math.max(1, Math.floor(periods / 4));
  let points = 0;
  for (let j = 1; j <= origins; j++) points += Math.min(horizon, j);
  return points;
}

export class ForecastWorkspace {
  /** The prepared series (blanks trimmed and interpolated), then scaled. */
  readonly series: Float64Array;
  /** Scratch for detrended values and moving averages. */
  readonly scratch: Float64Array;
  /** Autocorrelations r_0 … r_{⌊T/2⌋+1}. */
  readonly acf: Float64Array;

  // Model state after a run, read by the forecast functions.
  level = 0;
  trend = 0;
  /** Seasonal states; season[t mod m] is the latest state for season position t mod m. */
  readonly season: Float64Array;
  /** Number of one-step errors in the last run's SSE. */
  errorCount = 0;

  // Heuristic initial states (Hyndman et al. 2008 §2.6.1), computed once per fit window.
  initLevel = 0;
  initTrend = 0;
  readonly initSeason: Float64Array;

  // Optimiser buffers: d + 1 simplex vertices and trial points (d ≤ MAX_PARAMETERS).
  readonly vertices: Float64Array[];
  readonly vertexValues: Float64Array;
  readonly order: Int32Array;
  readonly centroid: Float64Array;
  readonly reflected: Float64Array;
  readonly expanded: Float64Array;
  readonly contracted: Float64Array;
  /** Parameters of each model (MAX_PARAMETERS per model, indexed by model id). */
  readonly parameters: Float64Array[];
  /** One-parameter trial vector for golden-section search. */
  readonly trial: Float64Array;

  // Rolling-origin holdout: actuals and each candidate's forecasts, aligned point by point.
  readonly holdoutActual: Float64Array;
  readonly holdoutForecast: Float64Array[];
  readonly holdoutWork: Float64Array;
  /** Forecast buffer for one origin (length horizon). */
  readonly originForecast: Float64Array;

  // Drivers (drivers.ts): the row as given (prepared, scaled), the de-driven row, the estimation.
  /** The prepared history before de-driving (the series the re-driven holdout is scored on). */
  readonly original: Float64Array;
  /** history ÷ driver effect, blanks kept, before preparation. */
  readonly drivenHistory: Float64Array;
  readonly drivers: DriverBuffers;
  /** Forecasts from the sensing origin (sensing.ts): SENSING_ERRORS + 1 steps. */
  readonly sensingForecast: Float64Array;

  constructor(
    readonly periods: number,
    readonly horizon: number,
  ) {
    const maxSeason = Math.floor(periods / 2) + 1;
    this.series = new Float64Array(Math.max(1, periods));
    this.scratch = new Float64Array(Math.max(1, periods));
    this.acf = new Float64Array(maxSeason + 3);
    this.season = new Float64Array(maxSeason);
    this.initSeason = new Float64Array(maxSeason);
    this.vertices = [];
    for (let i = 0; i <= MAX_PARAMETERS; i++) this.vertices.push(new Float64Array(MAX_PARAMETERS));
    this.vertexValues = new Float64Array(MAX_PARAMETERS + 1);
    this.order = new Int32Array(MAX_PARAMETERS + 1);
    this.centroid = new Float64Array(MAX_PARAMETERS);
    this.reflected = new Float64Array(MAX_PARAMETERS);
    this.expanded = new Float64Array(MAX_PARAMETERS);
    this.contracted = new Float64Array(MAX_PARAMETERS);
    this.trial = new Float64Array(1);
    this.parameters = [];
    for (let i = 0; i < MODEL_COUNT; i++) this.parameters.push(new Float64Array(MAX_PARAMETERS));
    const points = maxHoldoutPoints(periods, horizon);
    this.holdoutActual = new Float64Array(points);
    this.holdoutWork = new Float64Array(points);
    this.holdoutForecast = [];
    for (let i = 0; i < MODEL_COUNT; i++) this.holdoutForecast.push(new Float64Array(points));
    this.originForecast = new Float64Array(horizon);
    this.original = new Float64Array(Math.max(1, periods));
    this.drivenHistory = new Float64Array(Math.max(1, periods));
    this.drivers = newDriverBuffers(periods + horizon);
    this.sensingForecast = new Float64Array(SENSING_ERRORS + 1);
  }
}
