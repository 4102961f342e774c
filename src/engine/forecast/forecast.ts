/**
 * WCAP.FORECAST's engine: one row of demand history in, `horizon` forecasts out, with the model
 * given or chosen per row (select.ts), and per-row diagnostics for the wider product (the chosen
 * model, its holdout WAPE/MASE/bias and the one-step residual RMSE for safety stock).
 *
 * Per row:
 * 1. History: leading/trailing blanks dropped, interior blanks linearly interpolated (history.ts).
 *    No numbers → #DIV/0!; ±Infinity → #NUM!; one number → that number for every period (naive,
 *    whatever the method). A row of extreme magnitude is rescaled by an exact power of two first.
 * 2. Season length m: as given (1 = none), else detected (seasonality.ts). A seasonal method
 *    ("snaive", "hw_add", "hw_mul") with a given m > T/2 is #NUM! for that row, and "hw_add"/"hw_mul"
 *    with m = 1 (given, or none detected) is #NUM! (Holt-Winters needs a season). Any other method
 *    treats a given m > T/2 as no seasonality (m = 1): two full seasons are needed to learn one.
 * 3. Model: "auto" chooses per row by rolling-origin MASE (select.ts); an explicit method is used
 *    as is, with its holdout accuracy reported when the series is long enough. "hw_mul" on a
 *    series with a value ≤ 0 is #NUM! (multiplicative seasonality needs positive data).
 * 4. Final fit of the model on the whole row; forecasts for T+1 … T+horizon.
 * Drivers (options.drivers, drivers.ts): after step 1 the promotion lift and price elasticity are
 * estimated on the row, steps 2–4 run on the de-driven history (demand ÷ driver effect), so every
 * candidate of "auto" is scored on the same de-driven holdout, and the forecasts are multiplied by
 * the effect of their own columns. Driver column j belongs to history column j (before blanks are
 * trimmed), so step h of a row whose last number is in column k uses driver column k + h. A negative
 * promotion, a price ≤ 0 or an infinite driver is #NUM! for the row.
 * Sensing (options.sensing, sensing.ts): steps 1–4 are corrected by how far the last four periods
 * ran from the forecast made before them, less what the model has already absorbed.
 * 5. Clamping: when every history value is ≥ 0 the forecasts are floored at 0 (demand cannot be
 *    negative; a damped or Holt-Winters trend can extrapolate below 0). A history with negative
 *    values (returns, net demand) is not clamped. A non-finite forecast is #NUM!.
 */
import { ErrorKind, EngineError } from "../errors";
import { type DriverEstimate, driversDomain, estimateDrivers } from "./drivers";
import { NON_FINITE, prepareHistory } from "./history";
import { type ModelSpec, fitModel, modelFor } from "./models";
import { detectSeasonLength } from "./seasonality";
import {
  type Holdout,
  candidatesFor,
  holdoutAccuracy,
  prepareHoldout,
  scoreCandidate,
  selectModel,
} from "./select";
import { applySensing, sensingCorrection } from "./sensing";
import {
  type ForecastMethod,
  type ForecastOptions,
  type ForecastResult,
  type HoldoutAccuracy,
  MODEL_NAMES,
  isForecastMethod,
} from "./types";
import { ForecastWorkspace } from "./workspace";

/** Domain of the options shared by every row: horizon, method, season length (in that order). */
export function forecastOptionsDomain(options: ForecastOptions): ErrorKind {
  const { horizon, method, seasonLength } = options;
  if (!(Number.isInteger(horizon) && horizon >= 1)) return ErrorKind.Num;
  if (!isForecastMethod(method)) return ErrorKind.Value;
  if (seasonLength !== undefined && !(Number.isInteger(seasonLength) && seasonLength >= 1))
    return ErrorKind.Num;
  return ErrorKind.None;
}

function isSeasonalMethod(method: ForecastMethod): boolean {
  return method === "snaive" || method === "hw_add" || method === "hw_mul";
}

/** Rows whose largest magnitude is outside [2^-400, 2^400] are rescaled by a power of two (exact). */
const SCALE_LIMIT = 2 ** 400;

/** What forecastRow found out about a row besides the forecasts. */
interface RowDiagnostics {
  model: ModelSpec;
  seasonLength: number;
  holdout: HoldoutAccuracy | null;
  residualRmse: number;
  /** The drivers' estimate (lift 1, elasticity 0 without drivers). */
  drivers: DriverEstimate;
}

/** Where a row's driver values are: the arrays (null when absent) and the row's first column. */
interface RowDrivers {
  promo: Float64Array | null;
  price: Float64Array | null;
  offset: number;
}

/**
 * Forecasts history[offset, offset + periods) into out[outOffset, outOffset + horizon); returns the
 * row's ErrorKind (out untouched on error) and fills `diagnostics` on success. Options are
 * assumed valid (forecastOptionsDomain); `drivers` is null when the call has none.
 */
function forecastRow(
  history: Float64Array,
  offset: number,
  periods: number,
  options: ForecastOptions,
  drivers: RowDrivers | null,
  out: Float64Array,
  outOffset: number,
  ws: ForecastWorkspace,
  holdout: Holdout,
  diagnostics: RowDiagnostics | null,
): ErrorKind {
  const { horizon, method } = options;
  const y = ws.series;
  let n = prepareHistory(history, offset, periods, drivers === null ? y : ws.original);
  if (n === NON_FINITE) return ErrorKind.Num;
  if (n === 0) return ErrorKind.DivZero;

  // Drivers: y becomes the de-driven history (drivers.ts); ws.original keeps the history as given.
  // `first` is the column of y[0], so y[t] is column first + t and step h is column first + n − 1 + h.
  let first = 0;
  const effect = ws.drivers.effect;
  const estimate = diagnostics ? diagnostics.drivers : { lift: 1, elasticity: 0 };
  if (drivers !== null) {
    const { promo, price } = drivers;
    if (driversDomain(promo, price, drivers.offset, periods + horizon) !== ErrorKind.None)
      return ErrorKind.Num;
    estimateDrivers(history, offset, periods, horizon, promo, price, drivers.offset, ws.drivers, estimate);
    for (let j = 0; j < periods + horizon; j++)
      if (!(effect[j] > 0 && effect[j] < Infinity)) return ErrorKind.Num;
    const driven = ws.drivenHistory;
    for (let j = 0; j < periods; j++) driven[j] = history[offset + j] / effect[j];
    while (history[offset + first] !== history[offset + first]) first++;
    n = prepareHistory(driven, 0, periods, y);
    if (n === NON_FINITE) return ErrorKind.Num;
  } else {
    estimate.lift = 1;
    estimate.elasticity = 0;
  }

  let magnitude = 0;
  let nonNegative = true;
  let positive = true;
  for (let t = 0; t < n; t++) {
    const x = y[t];
    if (Math.abs(x) > magnitude) magnitude = Math.abs(x);
    if (x < 0) nonNegative = false;
    if (!(x > 0)) positive = false;
  }

  if (n === 1) {
    for (let h = 0; h < horizon; h++) {
      const f = drivers === null ? y[0] : y[0] * effect[first + h + 1];
      if (!Number.isFinite(f)) return ErrorKind.Num;
      ws.originForecast[h] = f;
    }
    for (let h = 0; h < horizon; h++) out[outOffset + h] = ws.originForecast[h];
    if (diagnostics) {
      diagnostics.model = modelFor("naive");
      diagnostics.seasonLength = 1;
      diagnostics.holdout = null;
      diagnostics.residualRmse = NaN;
    }
    return ErrorKind.None;
  }

  // Exact power-of-two rescaling keeps squared errors of rows near 1e±300 inside the double range.
  let up = 1;
  let down = 1;
  if (magnitude > SCALE_LIMIT || (magnitude > 0 && magnitude < 1 / SCALE_LIMIT)) {
    const e = -Math.floor(Math.log2(magnitude));
    const half = Math.trunc(e / 2);
    up = 2 ** half;
    down = 2 ** (e - half);
    for (let t = 0; t < n; t++) y[t] = y[t] * up * down;
    if (drivers !== null) for (let t = 0; t < n; t++) ws.original[t] = ws.original[t] * up * down;
  }

  let m: number;
  if (options.seasonLength === undefined) m = detectSeasonLength(y, n, ws);
  else {
    m = options.seasonLength;
    if (2 * m > n) {
      if (isSeasonalMethod(method)) return ErrorKind.Num;
      m = 1;
    }
  }
  if ((method === "hw_add" || method === "hw_mul") && m < 2) return ErrorKind.Num;
  if (method === "hw_mul" && !positive) return ErrorKind.Num;

  // Every candidate is scored on the same (de-driven) holdout, so the choice stays fair.
  prepareHoldout(y, n, horizon, m, ws, holdout);
  let model: ModelSpec;
  let scored = true;
  if (method === "auto") {
    model = selectModel(candidatesFor(y, n, m, positive), y, n, horizon, m, nonNegative, ws, holdout);
  } else {
    model = modelFor(method);
    scored = !Number.isNaN(scoreCandidate(model, y, n, horizon, m, nonNegative, ws, holdout));
  }

  // Final fit on the whole row, warm-started from the holdout fit when there was one.
  const sse = fitModel(model, y, n, m, ws, scored);
  if (!(sse < Infinity)) return ErrorKind.Num;
  const errorCount = ws.errorCount;
  const correction = options.sensing ? sensingCorrection(model, y, n, m, ws) : 0;
  const forecast = ws.originForecast; // staged, so a row in error leaves `out` untouched
  model.forecast(y, n, m, ws.parameters[model.id], horizon, forecast, 0, ws);
  applySensing(correction, forecast, horizon);
  const unscale = 1 / up / down;
  for (let h = 0; h < horizon; h++) {
    let f = forecast[h];
    if (nonNegative && f < 0) f = 0;
    f = f / up / down;
    if (drivers !== null) f *= effect[first + n + h];
    if (!Number.isFinite(f)) return ErrorKind.Num;
    forecast[h] = f;
  }
  for (let h = 0; h < horizon; h++) out[outOffset + h] = forecast[h];
  if (diagnostics) {
    diagnostics.model = model;
    diagnostics.seasonLength = m;
    if (scored && drivers !== null) redriveHoldout(model, ws.original, n, horizon, m, first, ws, holdout);
    diagnostics.holdout = scored ? holdoutAccuracy(model, ws, holdout) : null;
    diagnostics.residualRmse = errorCount > 0 ? Math.sqrt(sse / errorCount) * unscale : NaN;
  }
  return ErrorKind.None;
}

/**
 * Turns the de-driven holdout of `model` back into demand: the actuals and the MASE scale from the
 * history as given, each forecast of column first + o + s multiplied by its driver effect.
 */
function redriveHoldout(
  model: ModelSpec,
  original: Float64Array,
  n: number,
  horizon: number,
  m: number,
  first: number,
  ws: ForecastWorkspace,
  holdout: Holdout,
): void {
  prepareHoldout(original, n, horizon, m, ws, holdout);
  const forecasts = ws.holdoutForecast[model.id];
  const effect = ws.drivers.effect;
  let index = 0;
  for (let o = n - holdout.origins; o < n; o++) {
    const steps = Math.min(horizon, n - o);
    for (let s = 0; s < steps; s++) forecasts[index++] *= effect[first + o + s];
  }
}

function newHoldout(): Holdout {
  return { origins: 0, points: 0, scale: NaN };
}

function newDiagnostics(): RowDiagnostics {
  return {
    model: modelFor("naive"),
    seasonLength: 1,
    holdout: null,
    residualRmse: NaN,
    drivers: { lift: 1, elasticity: 0 },
  };
}

/**
 * Forecasts one series (NaN = blank) `options.horizon` periods ahead; throws EngineError for
 * domain errors (invalid options, or a row error as listed in the module comment).
 */
export function forecastSeries(history: Float64Array, options: ForecastOptions): ForecastResult {
  const kind = optionsKindForRow(forecastOptionsDomain(options), history, 0, history.length);
  if (kind !== ErrorKind.None) throw new EngineError(kind, optionsMessage(kind, options));
  const length = history.length + options.horizon;
  const drivers = rowDrivers(
    options,
    (name, given) => {
      throw new EngineError(
        ErrorKind.Value,
        `drivers.${name} must have one value per history period and per forecast step ` +
          `(${history.length} + ${options.horizon} = ${length}), not ${given}`,
      );
    },
    length,
  );
  const forecast = new Float64Array(options.horizon);
  const ws = new ForecastWorkspace(history.length, options.horizon);
  const diagnostics = newDiagnostics();
  const rowKind = forecastRow(
    history,
    0,
    history.length,
    options,
    drivers,
    forecast,
    0,
    ws,
    newHoldout(),
    diagnostics,
  );
  if (rowKind !== ErrorKind.None) {
    const badDrivers =
      drivers !== null && driversDomain(drivers.promo, drivers.price, 0, length) !== ErrorKind.None;
    throw new EngineError(
      rowKind,
      badDrivers
        ? "promo must be ≥ 0 and price > 0 (blank = no promotion / price unknown)"
        : rowMessage(rowKind, options),
    );
  }
  const result: ForecastResult = {
    method: diagnostics.model.name,
    seasonLength: diagnostics.seasonLength,
    forecast,
    holdout: diagnostics.holdout,
    residualRmse: diagnostics.residualRmse,
  };
  if (drivers !== null) {
    result.lift = diagnostics.drivers.lift;
    result.elasticity = diagnostics.drivers.elasticity;
  }
  return result;
}

/**
 * The drivers of the options as a RowDrivers with offset 0 (null when neither is given), after
 * checking that each given driver has `length` values (`wrongLength` is called otherwise).
 */
function rowDrivers(
  options: ForecastOptions,
  wrongLength: (name: string, given: number) => never,
  length: number,
): RowDrivers | null {
  const promo = options.drivers?.promo ?? null;
  const price = options.drivers?.price ?? null;
  if (promo === null && price === null) return null;
  if (promo !== null && promo.length !== length) wrongLength("promo", promo.length);
  if (price !== null && price.length !== length) wrongLength("price", price.length);
  return { promo, price, offset: 0 };
}

/**
 * Per-row diagnostics that forecastInto can fill alongside the forecasts (one entry per row), for
 * reports over many SKUs: the model used, the season length, the holdout accuracy and the residual
 * RMSE. Entries of rows in error, and accuracy figures that are undefined (no holdout, a zero
 * denominator), are NaN; `method` is 255 for rows in error.
 */
export interface ForecastDiagnosticColumns {
  /** Index into MODEL_NAMES of the model used. */
  method: Uint8Array;
  seasonLength: Float64Array;
  wape: Float64Array;
  mase: Float64Array;
  bias: Float64Array;
  residualRmse: Float64Array;
  /** With drivers: the promotion lift L per row (drivers.ts). */
  lift?: Float64Array;
  /** With drivers: the price elasticity β per row. */
  elasticity?: Float64Array;
}

/** `method` entry of a row in error in ForecastDiagnosticColumns. */
export const NO_MODEL = 255;

/**
 * Row-major n×T history → n×horizon forecasts in `out` (row-major), n = status.length. Each row's
 * ErrorKind goes to `status`; rows whose status is non-zero on entry are skipped, and rows with an
 * error leave their part of `out` untouched. Invalid options mark every remaining row. One
 * workspace serves every row, so the loop over rows allocates nothing per period. With `columns`,
 * each row's diagnostics are written there too.
 */
export function forecastInto(
  out: Float64Array,
  status: Uint8Array,
  history: Float64Array,
  periods: number,
  options: ForecastOptions,
  columns?: ForecastDiagnosticColumns,
): void {
  const rows = status.length;
  const kind = forecastOptionsDomain(options);
  if (kind !== ErrorKind.None) {
    for (let row = 0; row < rows; row++) {
      if (status[row] === 0) status[row] = optionsKindForRow(kind, history, row * periods, periods);
    }
    return;
  }
  const { horizon } = options;
  if (history.length !== rows * periods || out.length !== rows * horizon) {
    throw new RangeError("forecastInto: history must be rows × periods and out rows × horizon");
  }
  const drivers = rowDrivers(
    options,
    (name, given) => {
      throw new RangeError(
        `forecastInto: drivers.${name} must be rows × (periods + horizon) = ${rows * (periods + horizon)}, not ${given}`,
      );
    },
    rows * (periods + horizon),
  );
  const ws = new ForecastWorkspace(periods, horizon);
  const holdout = newHoldout();
  const diagnostics = columns ? newDiagnostics() : null;
  if (columns) {
    columns.method.fill(NO_MODEL, 0, rows);
    for (const column of [
      columns.seasonLength,
      columns.wape,
      columns.mase,
      columns.bias,
      columns.residualRmse,
      columns.lift,
      columns.elasticity,
    ]) {
      column?.fill(NaN, 0, rows);
    }
  }
  for (let row = 0; row < rows; row++) {
    if (status[row] !== 0) continue;
    if (drivers !== null) drivers.offset = row * (periods + horizon);
    status[row] = forecastRow(
      history,
      row * periods,
      periods,
      options,
      drivers,
      out,
      row * horizon,
      ws,
      holdout,
      diagnostics,
    );
    if (columns && diagnostics && status[row] === ErrorKind.None) {
      columns.method[row] = MODEL_NAMES.indexOf(diagnostics.model.name);
      columns.seasonLength[row] = diagnostics.seasonLength;
      columns.wape[row] = diagnostics.holdout ? diagnostics.holdout.wape : NaN;
      columns.mase[row] = diagnostics.holdout ? diagnostics.holdout.mase : NaN;
      columns.bias[row] = diagnostics.holdout ? diagnostics.holdout.bias : NaN;
      columns.residualRmse[row] = diagnostics.residualRmse;
      if (columns.lift) columns.lift[row] = diagnostics.drivers.lift;
      if (columns.elasticity) columns.elasticity[row] = diagnostics.drivers.elasticity;
    }
  }
}

/**
 * The error of a row when the options are invalid, in DESIGN §2's order: an unknown method
 * (#VALUE!, a wrong kind of value) first, then domain checks in argument order, so a row with no
 * numbers is #DIV/0! (demand_history) before a bad horizon or season length (#NUM!).
 */
function optionsKindForRow(
  kind: ErrorKind,
  history: Float64Array,
  offset: number,
  periods: number,
): ErrorKind {
  if (kind !== ErrorKind.Num) return kind;
  for (let t = offset; t < offset + periods; t++) if (history[t] === history[t]) return kind;
  return ErrorKind.DivZero;
}

function optionsMessage(kind: ErrorKind, options: ForecastOptions): string {
  if (kind === ErrorKind.DivZero) return "demand_history has no numbers";
  if (!(Number.isInteger(options.horizon) && options.horizon >= 1))
    return "horizon must be a whole number ≥ 1";
  if (!isForecastMethod(options.method)) return `unknown method "${String(options.method)}"`;
  return "season_length must be a whole number ≥ 1";
}

function rowMessage(kind: ErrorKind, options: ForecastOptions): string {
  if (kind === ErrorKind.DivZero) return "demand_history has no numbers";
  if (options.method === "hw_mul")
    return "hw_mul needs strictly positive data and a season of at most half the history";
  if (options.method === "hw_add" || options.method === "snaive") {
    return "the seasonal method needs a season length of at most half the history (and Holt-Winters a season ≥ 2)";
  }
  return "demand_history is out of range or the forecast overflows";
}
