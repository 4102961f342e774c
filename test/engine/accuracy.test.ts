/**
 * Forecast accuracy, hand-derived: actual [100, 200, 0, 50], forecast [110, 180, 10, 50].
 * |A − F| = [10, 20, 10, 0], Σ = 40, Σ|A| = 350 → WAPE = 40/350 = 0.114285…;
 * MAPE over A ≠ 0: (0.1 + 0.1 + 0)/3 = 0.0666…; BIAS = Σ(F − A)/ΣA = (10 − 20 + 10 + 0)/350 = 0.
 */
import { bias, mape, wape } from "../../src/engine/accuracy";
import { ErrorKind } from "../../src/engine/errors";

const actual = Float64Array.of(100, 200, 0, 50);
const forecast = Float64Array.of(110, 180, 10, 50);

test("WAPE = 40 ÷ 350", () => {
  expect(wape(actual, forecast)).toBeCloseTo(40 / 350, 15);
});

test("MAPE skips zero actuals: (0.1 + 0.1 + 0) ÷ 3", () => {
  expect(mape(actual, forecast)).toBeCloseTo(0.2 / 3, 15);
});

test("BIAS sums the differences: 0 here; over-forecast is positive", () => {
  expect(bias(actual, forecast)).toBe(0);
  expect(bias(Float64Array.of(100), Float64Array.of(120))).toBe(0.2);
});

test("zero denominators are #DIV/0!", () => {
  const zeros = Float64Array.of(0, 0);
  expect(() => wape(zeros, Float64Array.of(1, 1))).toThrow(
    expect.objectContaining({ kind: ErrorKind.DivZero }),
  );
  expect(() => mape(zeros, Float64Array.of(1, 1))).toThrow(
    expect.objectContaining({ kind: ErrorKind.DivZero }),
  );
  expect(() => bias(Float64Array.of(1, -1), Float64Array.of(1, 1))).toThrow(
    expect.objectContaining({ kind: ErrorKind.DivZero }),
  );
});
