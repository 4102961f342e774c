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
 * 5. Clamping: when every history value is ≥ 0 the forecasts are floored at 0 (demand cannot be
 *    negative; a damped or Holt-Winters trend can extrapolate below 0). A history with negative
 *    values (returns, net demand) is not clamped. A non-finite forecast is #NUM!.
 */
import { ErrorKind, EngineError } from "../errors";
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
}

/**
 * Forecasts history[offset, offset + periods) into out[outOffset, outOffset + horizon); returns the
 * row's ErrorKind (out untouched on error) and fills `diagnostics` on success. Options are
 * assumed valid (forecastOptionsDomain).
 */
function forecastRow(
  history: Float64Array,
  offset: number,
  periods: number,
  options: ForecastOptions,
  out: Float64Array,
  outOffset: number,
  ws: ForecastWorkspace,
  holdout: Holdout,
  diagnostics: RowDiagnostics | null,
): ErrorKind {
  const { horizon, method } = options;
  const y = ws.series;
  const n = prepareHistory(history, offset, periods, y);
  if (n === NON_FINITE) return ErrorKind.Num;
  if (n === 0) return ErrorKind.DivZero;

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
    out.fill(y[0], outOffset, outOffset + horizon);
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
  const forecast = ws.originForecast; // staged, so a row in error leaves `out` untouched
  model.forecast(y, n, m, ws.parameters[model.id], horizon, forecast, 0, ws);
  const unscale = 1 / up / down;
  for (let h = 0; h < horizon; h++) {
    let f = forecast[h];
    if (nonNegative && f < 0) f = 0;
    f = f / up / down;
    if (!Number.isFinite(f)) return ErrorKind.Num;
    forecast[h] = f;
  }
  for (let h = 0; h < horizon; h++) out[outOffset + h] = forecast[h];
  if (diagnostics) {
    diagnostics.model = model;
    diagnostics.seasonLength = m;
    diagnostics.holdout = scored ? holdoutAccuracy(model, ws, holdout) : null;
    diagnostics.residualRmse = errorCount > 0 ? Math.sqrt(sse / errorCount) * unscale : NaN;
  }
  return ErrorKind.None;
}

function newHoldout(): Holdout {
  return { origins: 0, points: 0, scale: NaN };
}

function newDiagnostics(): RowDiagnostics {
  return { model: modelFor("naive"), seasonLength: 1, holdout: null, residualRmse: NaN };
}

/**
 * Forecasts one series (NaN = blank) `options.horizon` periods ahead; throws EngineError for
 * domain errors (invalid options, or a row error as listed in the module comment).
 */
export function forecastSeries(history: Float64Array, options: ForecastOptions): ForecastResult {
  const kind = optionsKindForRow(forecastOptionsDomain(options), history, 0, history.length);
  if (kind !== ErrorKind.None) throw new EngineError(kind, optionsMessage(kind, options));
  const forecast = new Float64Array(options.horizon);
  const ws = new ForecastWorkspace(history.length, options.horizon);
  const diagnostics = newDiagnostics();
  const rowKind = forecastRow(
    history,
    0,
    history.length,
    options,
    forecast,
    0,
    ws,
    newHoldout(),
    diagnostics,
  );
  if (rowKind !== ErrorKind.None) throw new EngineError(rowKind, rowMessage(rowKind, options));
  return {
    method: diagnostics.model.name,
    seasonLength: diagnostics.seasonLength,
    forecast,
    holdout: diagnostics.holdout,
    residualRmse: diagnostics.residualRmse,
  };
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
    ]) {
      column.fill(NaN, 0, rows);
    }
  }
  for (let row = 0; row < rows; row++) {
    if (status[row] !== 0) continue;
    status[row] = forecastRow(
      history,
      row * periods,
      periods,
      options,
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
