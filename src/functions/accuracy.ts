/**
 * Adapters for WAPE, MAPE and BIAS: `actual` and `forecast` must have the same shape and their
 * blanks must line up (a period is either in both or in neither), else the call is #VALUE!.
 */
import { bias, mape, wape } from "../engine/accuracy";
import { ErrorKind } from "../engine/errors";
import { rangeNumbers, shapeText, toMatrix } from "./args";
import { excelCall, fail } from "./errors";

/** The periods present in both ranges, aligned. */
function alignedPeriods(
  actual: unknown,
  forecast: unknown,
): { actual: Float64Array; forecast: Float64Array } {
  // Shapes first, as for the element-wise functions; an omitted range counts as one blank cell.
  const single = { rows: 1, cols: 1, cells: [[null]] };
  const actualShape = toMatrix(actual, "actual") ?? single;
  const forecastShape = toMatrix(forecast, "forecast") ?? single;
  if (actualShape.rows !== forecastShape.rows || actualShape.cols !== forecastShape.cols) {
    fail(
      ErrorKind.Value,
      `actual is ${shapeText(actualShape)} but forecast is ${shapeText(forecastShape)}: they must match.`,
    );
  }
  const a = rangeNumbers(actual, "actual");
  const f = rangeNumbers(forecast, "forecast");
  const n = a.values.length - a.blanks;
  const alignedActual = new Float64Array(n);
  const alignedForecast = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < a.values.length; i++) {
    const aBlank = a.values[i] !== a.values[i];
    const fBlank = f.values[i] !== f.values[i];
    if (aBlank !== fBlank) {
      fail(
        ErrorKind.Value,
        `Cell ${i + 1} of ${aBlank ? "actual" : "forecast"} is blank but the other is not.`,
      );
    }
    if (!aBlank) {
      alignedActual[j] = a.values[i];
      alignedForecast[j] = f.values[i];
      j++;
    }
  }
  return { actual: alignedActual, forecast: alignedForecast };
}

export function wapeCall(actual: unknown, forecast: unknown): number {
  return excelCall(() => {
    const periods = alignedPeriods(actual, forecast);
    return wape(periods.actual, periods.forecast);
  });
}

export function mapeCall(actual: unknown, forecast: unknown): number {
  return excelCall(() => {
    const periods = alignedPeriods(actual, forecast);
    return mape(periods.actual, periods.forecast);
  });
}

export function biasCall(actual: unknown, forecast: unknown): number {
  return excelCall(() => {
    const periods = alignedPeriods(actual, forecast);
    return bias(periods.actual, periods.forecast);
  });
}
