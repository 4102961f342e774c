/**
 * Preparing a history row: blanks (NaN) at either end are not data; interior blanks are filled by
 * linear interpolation, as FORECAST.ETS's default data completion does (Microsoft, "FORECAST.ETS
 * function": data_completion 1 = missing points are completed as the average of the neighbouring
 * points; for a run of blanks this engine uses the straight line between the neighbours).
 */
import { averageDemandInterval, NON_FINITE, prepareHistory } from "../../../src/engine/forecast/history";

const f = (...xs: number[]) => Float64Array.from(xs);

test("leading and trailing blanks are dropped; a run of interior blanks follows the line", () => {
  const out = new Float64Array(8);
  const n = prepareHistory(f(NaN, 2, NaN, NaN, 8, 5, NaN, NaN), 0, 8, out);
  expect(n).toBe(5);
  expect(Array.from(out.subarray(0, n))).toEqual([2, 4, 6, 8, 5]);
});

test("a single blank is the average of its neighbours", () => {
  const out = new Float64Array(3);
  expect(prepareHistory(f(1, NaN, 4), 0, 3, out)).toBe(3);
  expect(out[1]).toBe(2.5);
});

test("reads one row of a row-major block at an offset", () => {
  const out = new Float64Array(3);
  const block = f(9, 9, 9, NaN, 7, NaN);
  expect(prepareHistory(block, 3, 3, out)).toBe(1);
  expect(out[0]).toBe(7);
});

test("no numbers → length 0; ±Infinity → NON_FINITE", () => {
  const out = new Float64Array(3);
  expect(prepareHistory(f(NaN, NaN, NaN), 0, 3, out)).toBe(0);
  expect(prepareHistory(f(1, Infinity, 2), 0, 3, out)).toBe(NON_FINITE);
});

test("ADI = periods ÷ non-zero periods (Syntetos, Boylan & Croston 2005); no demand → ∞", () => {
  expect(averageDemandInterval(f(0, 3, 0, 0, 5, 0), 6)).toBe(3);
  expect(averageDemandInterval(f(1, 2, 3), 3)).toBe(1);
  expect(averageDemandInterval(f(-1, 0), 2)).toBe(2); // a return is a non-zero period
  expect(averageDemandInterval(f(0, 0), 2)).toBe(Infinity);
});
