/**
 * Adapter for WCAP.FORECAST: one row of demand history per item in, one row of `horizon` forecasts
 * per item out. demand_history is read row by row (a bad cell errors only its own row, across the
 * whole forecast row); horizon, method and season_length are single values checked for the whole
 * call.
 */
import { ErrorKind } from "../engine/errors";
import { FORECAST_METHODS, ForecastMethod, forecastInto, isForecastMethod } from "../engine/forecast";
import { describeCell, guardResultSize, isBlank, singleNumber, toMatrix } from "./args";
import { historyRows } from "./classify";
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

export function forecastCall(
  demandHistory: unknown,
  horizon: unknown,
  method: unknown,
  seasonLength: unknown,
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

    const out = new Float64Array(h.rows * steps);
    forecastInto(out, h.status, h.values, h.periods, {
      horizon: steps,
      method: chosen,
      seasonLength: Number.isNaN(season) ? undefined : season,
    });
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
