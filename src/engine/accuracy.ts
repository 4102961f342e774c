/**
 * Forecast accuracy and bias over aligned actual/forecast periods (blank periods already removed):
 * WAPE = Σ|A − F| ÷ Σ|A|, MAPE = mean of |A − F| ÷ |A| over periods with A ≠ 0, and
 * BIAS = Σ(F − A) ÷ ΣA (positive = over-forecast). Hyndman & Koehler, "Another look at measures of
 * forecast accuracy", Int. J. Forecasting 22 (2006); Kolassa & Schütz, Foresight 6 (2007) for WAPE.
 */
import { ErrorKind, throwIfError } from "./errors";
import { neumaierSum } from "./sum";

function finite(result: number, what: string): number {
  throwIfError(Number.isFinite(result) ? ErrorKind.None : ErrorKind.Num, what);
  return result;
}

/** Weighted absolute percentage error; Σ|A| = 0 is #DIV/0!. */
export function wape(actual: Float64Array, forecast: Float64Array): number {
  const errors = new Float64Array(actual.length);
  const scale = new Float64Array(actual.length);
  for (let i = 0; i < actual.length; i++) {
    errors[i] = Math.abs(actual[i] - forecast[i]);
    scale[i] = Math.abs(actual[i]);
  }
  const denominator = neumaierSum(scale);
  throwIfError(denominator === 0 ? ErrorKind.DivZero : ErrorKind.None, "WAPE");
  return finite(neumaierSum(errors) / denominator, "WAPE");
}

/** Mean absolute percentage error over periods with a non-zero actual; none is #DIV/0!. */
export function mape(actual: Float64Array, forecast: Float64Array): number {
  const ratios = new Float64Array(actual.length);
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] !== 0) ratios[count++] = Math.abs(actual[i] - forecast[i]) / Math.abs(actual[i]);
  }
  throwIfError(count === 0 ? ErrorKind.DivZero : ErrorKind.None, "MAPE");
  return finite(neumaierSum(ratios, 0, count) / count, "MAPE");
}

/** Forecast bias Σ(F − A) ÷ ΣA, summing the per-period differences; ΣA = 0 is #DIV/0!. */
export function bias(actual: Float64Array, forecast: Float64Array): number {
  const differences = new Float64Array(actual.length);
  for (let i = 0; i < actual.length; i++) differences[i] = forecast[i] - actual[i];
  const denominator = neumaierSum(actual);
  throwIfError(denominator === 0 ? ErrorKind.DivZero : ErrorKind.None, "BIAS");
  return finite(neumaierSum(differences) / denominator, "BIAS");
}
