/**
 * Demand sensing (src/engine/forecast/sensing.ts): a level shift in the last periods moves the
 * short horizon and not the long one; without a shift nothing changes beyond tolerance. Expected
 * corrections are hand-derived from the documented rule c = D − U (weights 1, ½, ¼, ⅛ on the last
 * four deviations, latest first; c·½^(h−1) on steps 1–4).
 */
import {
  type ForecastOptions,
  ForecastWorkspace,
  SENSING_STEPS,
  forecastSeries,
} from "../../../src/engine/forecast";
import { modelFor } from "../../../src/engine/forecast/models";
import { applySensing, sensingCorrection } from "../../../src/engine/forecast/sensing";
import { mulberry32, normals, series } from "./random";

const z = normals(mulberry32(23));

describe("a level shift in the last periods", () => {
  // 97 periods of 100 ± 8, then four at 125 ± 8: the fitted SES (α small on the noisy history)
  // has caught up only partly.
  const T = 100;
  const noise = Array.from({ length: T }, () => z());
  const history = series(T, (t) => (t >= T - 4 ? 125 : 100) + 8 * noise[t]);
  const options: ForecastOptions = { horizon: 12, method: "ses" };
  const plain = forecastSeries(history, options);
  const sensed = forecastSeries(history, { ...options, sensing: true });

  test("moves the first step toward the new level, then by halves", () => {
    const c1 = sensed.forecast[0] - plain.forecast[0];
    expect(plain.forecast[0]).toBeLessThan(112);
    expect(c1).toBeGreaterThan(8);
    expect(Math.abs(sensed.forecast[0] - 125)).toBeLessThan(Math.abs(plain.forecast[0] - 125) / 2);
    for (let h = 1; h < SENSING_STEPS; h++) {
      expect(sensed.forecast[h] - plain.forecast[h]).toBeCloseTo(c1 / 2 ** h, 9);
    }
  });

  test("leaves the long horizon exactly as the model forecast it", () => {
    for (let h = SENSING_STEPS; h < options.horizon; h++) expect(sensed.forecast[h]).toBe(plain.forecast[h]);
  });

  test("keeps the model, its holdout and its residuals (sensing is applied after the model)", () => {
    expect(sensed.method).toBe(plain.method);
    expect(sensed.holdout).toEqual(plain.holdout);
    expect(sensed.residualRmse).toBe(plain.residualRmse);
  });

  test("a shift down moves the forecast down", () => {
    const down = series(T, (t) => (t >= T - 4 ? 75 : 100) + 8 * noise[t]);
    const a = forecastSeries(down, options);
    const b = forecastSeries(down, { ...options, sensing: true });
    expect(b.forecast[0]).toBeLessThan(a.forecast[0] - 4);
    expect(Math.abs(b.forecast[0] - 75)).toBeLessThan(Math.abs(a.forecast[0] - 75));
  });

  test("naive has absorbed a shift completely: c = D − U = 25 − 25 = 0", () => {
    const step = series(40, (t) => (t >= 36 ? 125 : 100));
    const a = forecastSeries(step, { horizon: 4, method: "naive" });
    const b = forecastSeries(step, { horizon: 4, method: "naive", sensing: true });
    expect(b.forecast).toEqual(a.forecast);
  });

  test("naive on a ramp 110, 120, 130, 140: hand-derived c = 32.667 − 40 = −7.333", () => {
    // F before the ramp is 100: deviations 10, 20, 30, 40 weighted ⅛, ¼, ½, 1 give
    // D = 61.25 ÷ 1.875 = 32.6667; U = F_T(1) − F_before(5) = 140 − 100 = 40.
    const ramp = series(40, (t) => (t >= 36 ? 100 + 10 * (t - 35) : 100));
    const b = forecastSeries(ramp, { horizon: 6, method: "naive", sensing: true });
    const c = 61.25 / 1.875 - 40;
    const expected = [140 + c, 140 + c / 2, 140 + c / 4, 140 + c / 8, 140, 140];
    expected.forEach((x, h) => expect(b.forecast[h]).toBeCloseTo(x, 10));
  });
});

describe("the rule itself, at fixed parameters", () => {
  // SES with α = 0.3 on 20 periods at 100, then 4 at 125. The start-up level is the mean of the
  // first 10 periods (100), so the forecast from o₀ = 20 is 100 for every step: D = 25; the level
  // after the 4 shifted periods is 100 + 25·(1 − 0.7⁴), so U = 25·(1 − 0.7⁴) and
  // c = D − U = 25·0.7⁴ = 6.0025, the lag SES still has (module comment of sensing.ts).
  const ses = modelFor("ses");
  const run = (y: Float64Array, alpha: number) => {
    const ws = new ForecastWorkspace(y.length, 6);
    ws.parameters[ses.id][0] = alpha;
    return sensingCorrection(ses, y, y.length, 1, ws);
  };

  test("SES after a step Δ = 25: c = Δ·(1 − α)^4 = 6.0025", () => {
    const step = series(24, (t) => (t >= 20 ? 125 : 100));
    expect(run(step, 0.3)).toBeCloseTo(25 * 0.7 ** 4, 10);
    expect(run(step, 0.3)).toBeCloseTo(6.0025, 10);
  });

  test("deviations of mixed sign: no correction (c = 0)", () => {
    const mixed = series(24, (t) => (t === 21 ? 90 : t >= 20 ? 125 : 100));
    expect(run(mixed, 0.3)).toBe(0);
  });

  test("applySensing adds c, c/2, c/4, c/8 to steps 1–4 and nothing after", () => {
    const forecast = new Float64Array(6).fill(100);
    applySensing(8, forecast, 6);
    expect(Array.from(forecast)).toEqual([108, 104, 102, 101, 100, 100]);
    const short = new Float64Array(2).fill(100);
    applySensing(8, short, 2);
    expect(Array.from(short)).toEqual([108, 104]);
  });
});

describe("without a shift", () => {
  const T = 60;

  test("a constant series: no change at all", () => {
    const flat = series(T, () => 42);
    const options: ForecastOptions = { horizon: 6, method: "auto" };
    expect(forecastSeries(flat, { ...options, sensing: true }).forecast).toEqual(
      forecastSeries(flat, options).forecast,
    );
  });

  test("seeded white noise: seven series in eight untouched, the step-1 change under a tenth of σ", () => {
    // Four noise deviations have one sign with probability 2 ÷ 16 = 1/8; then c is a fraction of σ.
    const uniform = mulberry32(29);
    const normal = normals(uniform);
    let total = 0;
    let changed = 0;
    const runs = 200;
    for (let k = 0; k < runs; k++) {
      const history = series(T, () => 200 + 10 * normal());
      const options: ForecastOptions = { horizon: 8, method: "auto" };
      const plain = forecastSeries(history, options);
      const sensed = forecastSeries(history, { ...options, sensing: true });
      const change = Math.abs(sensed.forecast[0] - plain.forecast[0]);
      total += change;
      if (change > 0) changed++;
      expect(sensed.forecast.subarray(SENSING_STEPS)).toEqual(plain.forecast.subarray(SENSING_STEPS));
    }
    expect(total / runs).toBeLessThan(1);
    expect(changed / runs).toBeLessThan(0.2);
  });

  test("a series with fewer than four one-step forecasts is left alone", () => {
    const short = Float64Array.from([5, 9]);
    expect(forecastSeries(short, { horizon: 2, method: "naive", sensing: true }).forecast).toEqual(
      Float64Array.from([9, 9]),
    );
  });
});
