/**
 * Croston, SBA and TSB recursions with fixed weights, by hand (exact fractions computed alongside).
 * Croston (1972): sizes and intervals smoothed with one α, updated only in demand periods, forecast
 * z/p; SBA (Syntetos & Boylan, IJF 21 (2005)) = (1 − α/2)·z/p; TSB (Teunter, Syntetos & Babai,
 * EJOR 214 (2011)): probability π updated every period, forecast π·z.
 */
import { crostonRun, tsbRun } from "../../../src/engine/forecast/intermittent";
import { ForecastWorkspace } from "../../../src/engine/forecast/workspace";

// Demands of 6, 3 and 4 units in periods 3, 7 and 9 (1-based) of ten.
const y = Float64Array.from([0, 0, 6, 0, 0, 0, 3, 0, 4, 0]);

describe("Croston", () => {
  test("α = 0.1: z = 6 → 5.7 → 5.53, p = 3 → 3.1 → 2.99, forecast 5.53/2.99", () => {
    // Start: z₀ = 6 (first demand), p₀ = 3 (its position). Demand 3 after 4 periods:
    // z = 6 + 0.1(3 − 6) = 5.7, p = 3 + 0.1(4 − 3) = 3.1. Demand 4 after 2: z = 5.53, p = 2.99.
    const ws = new ForecastWorkspace(10, 1);
    const sse = crostonRun(y, 10, 0.1, false, ws);
    expect(ws.level).toBeCloseTo(5.53 / 2.99, 14);
    // One-step errors from period 4: 2 (×3), −1 against forecast 2; then 5.7/3.1 twice; then 5.53/2.99.
    const expected = 3 * 4 + 1 + (5.7 / 3.1) ** 2 + (4 - 5.7 / 3.1) ** 2 + (5.53 / 2.99) ** 2;
    expect(sse).toBeCloseTo(expected, 12);
    expect(sse).toBeCloseTo(24.472673200700406, 12);
    expect(ws.errorCount).toBe(7);
  });

  test("SBA = (1 − α/2) × Croston (Syntetos & Boylan 2005)", () => {
    const ws = new ForecastWorkspace(10, 1);
    crostonRun(y, 10, 0.1, false, ws);
    const croston = ws.level;
    crostonRun(y, 10, 0.1, true, ws);
    expect(ws.level).toBeCloseTo(0.95 * croston, 14);
    expect(ws.level).toBeCloseTo(1.7570234113712375, 14);
  });

  test("no demand at all: forecast 0 with zero error", () => {
    const ws = new ForecastWorkspace(4, 1);
    expect(crostonRun(new Float64Array(4), 4, 0.1, false, ws)).toBe(0);
    expect(ws.level).toBe(0);
  });
});

describe("TSB", () => {
  test("y = [0, 5, 0, 0, 4], α = ½, β = ¼: π = ½ → 3/8 → 9/32 → 59/128, z = 5 → 4.5", () => {
    // Start at the first demand: z₀ = 5, π₀ = 1/2. Forecasts 2.5, 1.875, 1.40625;
    // SSE = 6.25 + 3.515625 + 6.7275390625; final forecast 59/128 × 4.5 = 531/256.
    const ws = new ForecastWorkspace(5, 1);
    expect(tsbRun(Float64Array.from([0, 5, 0, 0, 4]), 5, 0.5, 0.25, ws)).toBe(16889 / 1024);
    expect(ws.level).toBe(531 / 256);
  });

  test("the forecast decays towards 0 while no demand arrives (obsolescence)", () => {
    const ws = new ForecastWorkspace(12, 1);
    tsbRun(Float64Array.from([4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]), 12, 0.2, 0.3, ws);
    expect(ws.level).toBeCloseTo(4 * 0.7 ** 8, 12);
    crostonRun(Float64Array.from([4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]), 12, 0.2, false, ws);
    expect(ws.level).toBe(4); // Croston does not notice
  });
});
