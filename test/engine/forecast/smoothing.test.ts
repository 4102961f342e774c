/**
 * Exponential-smoothing recursions with fixed parameters and initial states, checked against hand
 * calculations (every number below is a dyadic fraction, so the expected values are exact), and
 * against the classical component form of Holt-Winters (Hyndman & Athanasopoulos, "Forecasting:
 * Principles and Practice", 3rd ed., §8.3), which the error-correction form must reproduce.
 */
import {
  dampedForecast,
  dampedRun,
  holtWintersAdditiveRun,
  holtWintersForecast,
  holtWintersInit,
  holtWintersMultiplicativeRun,
  sesInit,
  sesRun,
  trendInit,
} from "../../../src/engine/forecast/smoothing";
import { ForecastWorkspace } from "../../../src/engine/forecast/workspace";

const f = (...xs: number[]) => Float64Array.from(xs);

describe("simple exponential smoothing", () => {
  test("y = [3, 5, 9, 20], α = ½, ℓ₀ = mean = 9.25 → ℓ₄ = 873/64, SSE = 219045/1024", () => {
    // By hand: e = −6.25, −1.125, 3.4375, 12.71875; ℓ = 6.125, 5.5625, 7.28125, 13.640625.
    const y = f(3, 5, 9, 20);
    const ws = new ForecastWorkspace(4, 1);
    sesInit(y, 4, ws);
    expect(ws.initLevel).toBe(9.25);
    expect(sesRun(y, 4, 0.5, ws)).toBe(219045 / 1024);
    expect(ws.level).toBe(873 / 64);
    expect(ws.errorCount).toBe(4);
  });

  test("the start-up level is the mean of the first 10 observations only", () => {
    const y = f(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100);
    const ws = new ForecastWorkspace(11, 1);
    sesInit(y, 11, ws);
    expect(ws.initLevel).toBe(1);
  });
});

describe("damped trend (Gardner & McKenzie)", () => {
  test("y = [10, 12, 13], α = ½, β* = ½ (β = ¼), φ = ½, ℓ₀ = 9, b₀ = 1", () => {
    // By hand: ŷ = 9.5, 10.0625, 11.4296875; ℓ₃ = 3127/256, b₃ = 405/512, SSE = 106001/16384.
    const y = f(10, 12, 13);
    const ws = new ForecastWorkspace(3, 2);
    ws.initLevel = 9;
    ws.initTrend = 1;
    expect(dampedRun(y, 3, 0.5, 0.5, 0.5, ws)).toBe(106001 / 16384);
    expect(ws.level).toBe(3127 / 256);
    expect(ws.trend).toBe(405 / 512);
    const out = new Float64Array(2);
    dampedForecast(ws, 0.5, 2, out, 0);
    // ℓ + φ·b and ℓ + (φ + φ²)·b
    expect(Array.from(out)).toEqual([12.6103515625, 12.80810546875]);
  });

  test("start-up: least-squares line through the first 10 points, level at t = 0", () => {
    const y = f(12, 14, 16, 18, 20);
    const ws = new ForecastWorkspace(5, 1);
    trendInit(y, 5, ws);
    expect(ws.initLevel).toBeCloseTo(10, 12);
    expect(ws.initTrend).toBeCloseTo(2, 12);
  });
});

describe("Holt-Winters additive", () => {
  test("m = 2, y = [12, 8, 14, 10], α = β* = γ* = ½, ℓ₀ = 10, b₀ = 1, s = [2, −2]", () => {
    // By hand: e = −1, −1.25, 1.1875, −0.078125; SSE = 16297/4096; ℓ₄ = 1581/128, b₄ = 183/256,
    // seasons [131/64, −597/256]; forecasts ℓ + b + s₀ = 15.11328125, ℓ + 2b + s₁ = 11.44921875.
    const y = f(12, 8, 14, 10);
    const ws = new ForecastWorkspace(4, 2);
    ws.initLevel = 10;
    ws.initTrend = 1;
    ws.initSeason.set([2, -2]);
    expect(holtWintersAdditiveRun(y, 4, 2, 0.5, 0.5, 0.5, ws)).toBe(16297 / 4096);
    expect(ws.level).toBe(1581 / 128);
    expect(ws.trend).toBe(183 / 256);
    expect([ws.season[0], ws.season[1]]).toEqual([131 / 64, -597 / 256]);
    const out = new Float64Array(3);
    holtWintersForecast(ws, 4, 2, false, 3, out, 0);
    expect(Array.from(out)).toEqual([15.11328125, 11.44921875, 15.11328125 + 2 * (183 / 256)]);
  });

  test("start-up recovers an exact trend + zero-sum season, and then every error is 0", () => {
    // y_t = 10 + t + s_{t mod 4}, s = [3, −1, −3, 1]: the 2×4 moving average is exactly 10 + t.
    const s = [3, -1, -3, 1];
    const y = Float64Array.from({ length: 16 }, (_, t) => 10 + t + s[t % 4]);
    const ws = new ForecastWorkspace(16, 4);
    holtWintersInit(y, 16, 4, false, ws);
    for (let j = 0; j < 4; j++) expect(ws.initSeason[j]).toBeCloseTo(s[j], 12);
    expect(ws.initLevel).toBeCloseTo(9, 12); // the line 10 + t at x = t + 1 = 0
    expect(ws.initTrend).toBeCloseTo(1, 12);
    expect(holtWintersAdditiveRun(y, 16, 4, 0.3, 0.2, 0.1, ws)).toBeCloseTo(0, 20);
    const out = new Float64Array(4);
    holtWintersForecast(ws, 16, 4, false, 4, out, 0);
    for (let h = 0; h < 4; h++) expect(out[h]).toBeCloseTo(10 + 16 + h + s[h % 4], 10);
  });

  test("odd season length (m = 3) uses the plain centred 3-term moving average", () => {
    const s = [2, -1, -1];
    const y = Float64Array.from({ length: 9 }, (_, t) => 5 + 0.5 * t + s[t % 3]);
    const ws = new ForecastWorkspace(9, 3);
    holtWintersInit(y, 9, 3, false, ws);
    for (let j = 0; j < 3; j++) expect(ws.initSeason[j]).toBeCloseTo(s[j], 12);
  });

  test("equals the component form ℓ = α(y − s) + (1 − α)(ℓ + b), b = β*(Δℓ) + (1 − β*)b, s = γ(y − ℓ − b) + (1 − γ)s", () => {
    const y = f(30, 21, 29, 31, 40, 28, 35, 38, 47, 33, 40, 45);
    const m = 4;
    const [alpha, betaStar, gammaStar] = [0.4, 0.3, 0.5];
    const gamma = (1 - alpha) * gammaStar;
    const ws = new ForecastWorkspace(12, 1);
    holtWintersInit(y, 12, m, false, ws);
    let level = ws.initLevel;
    let trend = ws.initTrend;
    const season = Array.from(ws.initSeason.subarray(0, m));
    let sse = 0;
    for (let t = 0; t < 12; t++) {
      const e = y[t] - (level + trend + season[t % m]);
      sse += e * e;
      const previous = level;
      level = alpha * (y[t] - season[t % m]) + (1 - alpha) * (level + trend);
      season[t % m] = gamma * (y[t] - previous - trend) + (1 - gamma) * season[t % m];
      trend = betaStar * (level - previous) + (1 - betaStar) * trend;
    }
    expect(holtWintersAdditiveRun(y, 12, m, alpha, betaStar, gammaStar, ws)).toBeCloseTo(sse, 9);
    expect(ws.level).toBeCloseTo(level, 10);
    expect(ws.trend).toBeCloseTo(trend, 10);
    for (let j = 0; j < m; j++) expect(ws.season[j]).toBeCloseTo(season[j], 10);
  });
});

describe("Holt-Winters multiplicative", () => {
  test("equals Winters' component form ℓ = α·y/s + (1 − α)(ℓ + b), s = γ·y/(ℓ + b) + (1 − γ)s", () => {
    const y = f(12, 8, 13, 9, 14, 9, 15, 10);
    const m = 2;
    const [alpha, betaStar, gammaStar] = [0.5, 0.2, 0.4];
    const gamma = (1 - alpha) * gammaStar;
    const ws = new ForecastWorkspace(8, 2);
    ws.initLevel = 10;
    ws.initTrend = 0.5;
    ws.initSeason.set([1.2, 0.8]);
    let level = 10;
    let trend = 0.5;
    const season = [1.2, 0.8];
    let sse = 0;
    for (let t = 0; t < 8; t++) {
      const base = level + trend;
      const e = y[t] - base * season[t % m];
      sse += e * e;
      const previous = level;
      level = (alpha * y[t]) / season[t % m] + (1 - alpha) * base;
      season[t % m] = (gamma * y[t]) / base + (1 - gamma) * season[t % m];
      trend = betaStar * (level - previous) + (1 - betaStar) * trend;
    }
    expect(holtWintersMultiplicativeRun(y, 8, m, alpha, betaStar, gammaStar, ws)).toBeCloseTo(sse, 10);
    expect(ws.level).toBeCloseTo(level, 12);
    expect(ws.trend).toBeCloseTo(trend, 12);
    const out = new Float64Array(2);
    holtWintersForecast(ws, 8, m, true, 2, out, 0);
    expect(out[0]).toBeCloseTo((level + trend) * season[0], 12);
    expect(out[1]).toBeCloseTo((level + 2 * trend) * season[1], 12);
  });

  test("first step by hand: ℓ₀ = 10, b₀ = 0.5, s = 1.2, y = 12, α = ½", () => {
    // ŷ = 10.5 × 1.2 = 12.6, e = −0.6; ℓ₁ = 10.5 + ½(−0.6)/1.2 = 10.25.
    const ws = new ForecastWorkspace(4, 1);
    ws.initLevel = 10;
    ws.initTrend = 0.5;
    ws.initSeason.set([1.2, 0.8]);
    expect(holtWintersMultiplicativeRun(f(12), 1, 2, 0.5, 0, 0, ws)).toBeCloseTo(0.36, 14);
    expect(ws.level).toBeCloseTo(10.25, 14);
  });

  test("start-up recovers exact seasonal indices around a flat level (average 1)", () => {
    const s = [1.2, 0.8, 1.1, 0.9];
    const y = Float64Array.from({ length: 12 }, (_, t) => 50 * s[t % 4]);
    const ws = new ForecastWorkspace(12, 1);
    holtWintersInit(y, 12, 4, true, ws);
    for (let j = 0; j < 4; j++) expect(ws.initSeason[j]).toBeCloseTo(s[j], 12);
    expect(ws.initLevel).toBeCloseTo(50, 10);
    expect(ws.initTrend).toBeCloseTo(0, 10);
    expect(holtWintersMultiplicativeRun(y, 12, 4, 0.3, 0.1, 0.1, ws)).toBeCloseTo(0, 18);
  });

  test("a level + trend that reaches 0 is inadmissible (+Infinity)", () => {
    const ws = new ForecastWorkspace(3, 1);
    ws.initLevel = 1;
    ws.initTrend = -2;
    ws.initSeason.set([1, 1]);
    expect(holtWintersMultiplicativeRun(f(1, 1, 1), 3, 2, 0.5, 0.5, 0.5, ws)).toBe(Infinity);
  });
});
