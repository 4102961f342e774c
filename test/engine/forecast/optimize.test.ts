/** The deterministic minimisers on functions with known minima. */
import { goldenSection, nelderMead } from "../../../src/engine/forecast/optimize";
import { ForecastWorkspace } from "../../../src/engine/forecast/workspace";

test("golden section finds the minimum of (x − 0.3)² on [0, 1] to 1e-5", () => {
  const x = new Float64Array(1);
  const value = goldenSection((p) => (p[0] - 0.3) ** 2, x, 0, 1);
  expect(x[0]).toBeCloseTo(0.3, 5);
  expect(value).toBeLessThan(1e-10);
});

test("golden section converges to a bound when the minimum lies outside", () => {
  const x = new Float64Array(1);
  goldenSection((p) => -p[0], x, 0.01, 0.99);
  expect(x[0]).toBeCloseTo(0.99, 4);
});

test("Nelder–Mead: interior minimum of a 3-D quadratic", () => {
  const ws = new ForecastWorkspace(10, 1);
  const x = Float64Array.of(0.3, 0.1, 0.9, 0);
  const f = (p: Float64Array) => (p[0] - 0.6) ** 2 + 2 * (p[1] - 0.25) ** 2 + 3 * (p[2] - 0.85) ** 2;
  nelderMead(f, x, 3, [0, 0, 0.8], [1, 1, 0.98], 0.2, 1000, ws);
  expect(x[0]).toBeCloseTo(0.6, 3);
  expect(x[1]).toBeCloseTo(0.25, 3);
  expect(x[2]).toBeCloseTo(0.85, 3);
});

test("Nelder–Mead: a minimum outside the box ends on the boundary (projection)", () => {
  const ws = new ForecastWorkspace(10, 1);
  const x = Float64Array.of(0.5, 0.5, 0, 0);
  nelderMead((p) => (p[0] + 1) ** 2 + (p[1] - 0.4) ** 2, x, 2, [0, 0], [1, 1], 0.2, 1000, ws);
  expect(x[0]).toBeCloseTo(0, 4);
  expect(x[1]).toBeCloseTo(0.4, 3);
});

test("deterministic: the same start gives bit-identical results", () => {
  const ws = new ForecastWorkspace(10, 1);
  const f = (p: Float64Array) => Math.sin(5 * p[0]) + (p[1] - 0.2) ** 2;
  const a = Float64Array.of(0.3, 0.1, 0, 0);
  const b = Float64Array.of(0.3, 0.1, 0, 0);
  nelderMead(f, a, 2, [0, 0], [1, 1], 0.2, 150, ws);
  nelderMead(f, b, 2, [0, 0], [1, 1], 0.2, 150, ws);
  expect(Array.from(a)).toEqual(Array.from(b));
});
