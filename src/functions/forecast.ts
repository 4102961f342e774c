/**
 * Adapter for WCAP.FORECAST: one row of demand history per item in, one row of `horizon` forecasts
 * per item out. demand_history is read row by row (a bad cell errors only its own row, across the
 * whole forecast row); horizon, method, season_length and sensing are single values checked for
 * the whole call. promo and price are driver blocks of T + horizon columns (the history's periods,
 * then the forecast steps) with one row per item, or one row shared by every item; a wrong shape
 * fails the whole call, a text or error cell errors only its item's row (after the row's own
 * demand_history), a blank cell is "no promotion" / "price unknown".
 */
import { ErrorKind } from "../engine/errors";
import {
  FORECAST_METHODS,
  ForecastMethod,
  type ForecastOptions,
  forecastInto,
  isForecastMethod,
} from "../engine/forecast";
import { describeCell, guardResultSize, isBlank, singleNumber, toMatrix } from "./args";
import { type HistoryRows, historyRows } from "./classify";
import { excelCall, excelError, fail, isExcelError } from "./errors";

function parseMethod(value: unknown): ForecastMethod {
  const m = toMatrix(value, "method");
  if (m === null) return "auto";
  if (m.rows !== 1 || m.cols !== 1) fail(ErrorKind.Value, "method must be a single value.");
  const cell = m.cells[0][0];
  if (isBlank(cell)) return "auto";
  if (isExcelError(cell)) throw cell;
  const key = typeof cell === "string" ? cell.trim().toLowerCase() : cell;
  if (isForecastMethod(key)) return key;
  return fail(
    ErrorKind.Value,
    `method must be one of ${FORECAST_METHODS.map((x) => `"${x}"`).join(", ")}, not ${describeCell(cell)}.`,
  );
}

function wholeAtLeastOne(x: number): boolean {
  return Number.isInteger(x) && x >= 1;
}

/** sensing: TRUE or 1 turns it on; FALSE, 0, blank or omitted leave it off. */
function parseSensing(value: unknown): boolean {
  const m = toMatrix(value, "sensing");
  if (m === null) return false;
  if (m.rows !== 1 || m.cols !== 1) fail(ErrorKind.Value, "sensing must be a single value.");
  const cell = m.cells[0][0];
  if (isBlank(cell) || cell === false || cell === 0) return false;
  if (cell === true || cell === 1) return true;
  if (isExcelError(cell)) throw cell;
  if (typeof cell === "number") return fail(ErrorKind.Num, "sensing must be TRUE or FALSE (1 or 0).");
  return fail(ErrorKind.Value, `sensing must be TRUE or FALSE, not ${describeCell(cell)}.`);
}

/**
 * A driver block (promo or price) as rows × (periods + horizon) numbers, NaN for blanks, or null
 * when omitted (or a single blank cell). Rows whose status is still 0 get the verdict of their
 * first text or error cell.
 */
function driverBlock(value: unknown, name: string, h: HistoryRows, horizon: number): Float64Array | null {
  const m = toMatrix(value, name);
  if (m === null || (m.rows === 1 && m.cols === 1 && isBlank(m.cells[0][0]))) return null;
  const width = h.periods + horizon;
  if (m.cols !== width) {
    fail(
      ErrorKind.Value,
      `${name} must have one column per period of demand_history and per forecast step ` +
        `(${h.periods} + ${horizon} = ${width}), not ${m.cols}.`,
    );
  }
  if (m.rows !== h.rows && m.rows !== 1) {
    fail(
      ErrorKind.Value,
      `${name} must have one row per row of demand_history (${h.rows}) or a single row for all, not ${m.rows}.`,
    );
  }
  const values = new Float64Array(h.rows * width);
  for (let r = 0; r < h.rows; r++) {
    const row = m.cells[m.rows === 1 ? 0 : r];
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      const p = r * width + c;
      if (typeof cell === "number" && cell === cell) values[p] = cell;
      else if (isBlank(cell)) values[p] = NaN;
      else {
        values[p] = NaN;
        if (h.status[r] === 0) {
          h.verdicts[r] = isExcelError(cell)
            ? cell
            : excelError(ErrorKind.Value, `${name} must hold numbers, not ${describeCell(cell)}.`);
          h.status[r] = 255;
        }
      }
    }
  }
  return values;
}

export function forecastCall(
  demandHistory: unknown,
  horizon: unknown,
  method: unknown,
  seasonLength: unknown,
  promo: unknown = null,
  price: unknown = null,
  sensing: unknown = null,
): unknown[][] {
  return excelCall(() => {
    const h = historyRows(demandHistory);
    const steps = singleNumber(horizon, "horizon", NaN);
    if (Number.isNaN(steps)) fail(ErrorKind.NotAvailable, "horizon is blank.");
    const chosen = parseMethod(method);
    const season = singleNumber(seasonLength, "season_length", NaN);
    if (!wholeAtLeastOne(steps)) fail(ErrorKind.Num, "horizon must be a whole number ≥ 1.");
    if (!Number.isNaN(season) && !wholeAtLeastOne(season))
      fail(ErrorKind.Num, "season_length must be a whole number ≥ 1.");
    guardResultSize(h.rows * steps);
    const promoValues = driverBlock(promo, "promo", h, steps);
    const priceValues = driverBlock(price, "price", h, steps);
    const sensed = parseSensing(sensing);

    const out = new Float64Array(h.rows * steps);
    const options: ForecastOptions = {
      horizon: steps,
      method: chosen,
      seasonLength: Number.isNaN(season) ? undefined : season,
    };
    if (promoValues !== null || priceValues !== null) {
      options.drivers = {};
      if (promoValues !== null) options.drivers.promo = promoValues;
      if (priceValues !== null) options.drivers.price = priceValues;
    }
    if (sensed) options.sensing = true;
    forecastInto(out, h.status, h.values, h.periods, options);
    const result = new Array<unknown[]>(h.rows);
    for (let r = 0; r < h.rows; r++) {
      const verdict = h.verdicts[r] ?? (h.status[r] === 0 ? undefined : excelError(h.status[r]));
      const row = new Array<unknown>(steps);
      for (let t = 0; t < steps; t++) {
        const x = out[r * steps + t];
        row[t] = verdict ?? (Number.isFinite(x) ? x : excelError(ErrorKind.Num));
      }
      result[r] = row;
    }
    return result;
  });
}
