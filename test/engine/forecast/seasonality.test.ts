/**
 * Season-length detection from the ACF (src/engine/forecast/seasonality.ts) on seeded synthetic
 * series: exact periods are found, white noise has none, and the rates quoted in the module comment
 * hold over a few hundred seeds.
 */
import { detectSeasonLength, seasonBandZ } from "../../../src/engine/forecast/seasonality";
import { ForecastWorkspace } from "../../../src/engine/forecast/workspace";
import { mulberry32, normals, series } from "./random";

const ws = new ForecastWorkspace(200, 1);
const detect = (y: Float64Array) => detectSeasonLength(y, y.length, ws);

test("a sine with period 12 over 48 months → 12", () => {
  expect(detect(series(48, (t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12)))).toBe(12);
});

test("period 12 on a trend with noise (seeded) → 12", () => {
  const z = normals(mulberry32(12));
  expect(detect(series(60, (t) => 100 + 2 * t + 25 * Math.sin((2 * Math.PI * t) / 12) + 5 * z()))).toBe(12);
});

test("short periods: the fundamental, not a multiple (4 → 4, not 8 or 12)", () => {
  const z = normals(mulberry32(4));
  expect(detect(series(40, (t) => [10, 30, 20, 5][t % 4] + z()))).toBe(4);
  expect(detect(series(28, (t) => [5, 6, 7, 8, 9, 20, 25][t % 7]))).toBe(7);
});

test("white noise (seeded) → 1 (no season)", () => {
  const z = normals(mulberry32(2024));
  expect(detect(series(104, () => 100 + 10 * z()))).toBe(1);
});

test("a straight line, a constant and series shorter than 4 periods → 1", () => {
  expect(detect(series(24, (t) => 3 + 2 * t))).toBe(1);
  expect(detect(series(24, () => 7))).toBe(1);
  expect(detect(Float64Array.from([1, 5, 1]))).toBe(1);
});

test("the band: z = Φ⁻¹(1 − 0.05/(⌊T/2⌋ − 1)), never below 2", () => {
  // References from Python's statistics.NormalDist().inv_cdf.
  expect(seasonBandZ(104)).toBeCloseTo(3.096108754401515, 12); // Φ⁻¹(1 − 0.05/51)
  expect(seasonBandZ(36)).toBeCloseTo(2.7542682706336845, 12); // Φ⁻¹(1 − 0.05/17)
  expect(seasonBandZ(6)).toBe(2);
});

describe("rates over seeded series (the figures quoted in seasonality.ts)", () => {
  test("white noise of 36 and 104 periods: a season in at most 5% of 300 series", () => {
    for (const length of [36, 104]) {
      let found = 0;
      for (let seed = 1; seed <= 300; seed++) {
        const z = normals(mulberry32(seed));
        if (detect(series(length, () => 100 + 10 * z())) !== 1) found++;
      }
      expect(found / 300).toBeLessThanOrEqual(0.05);
    }
  });

  test("period 12, amplitude 2 × noise SD, on a trend, 48 periods: found in ≥ 90% of 300 series", () => {
    let found = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const z = normals(mulberry32(7000 + seed));
      if (detect(series(48, (t) => 100 + 0.5 * t + 20 * Math.sin((2 * Math.PI * t) / 12) + 10 * z())) === 12)
        found++;
    }
    expect(found / 300).toBeGreaterThanOrEqual(0.9);
  });
});
