/**
 * Promotion and price drivers (src/engine/forecast/drivers.ts). Expected values are hand-derived
 * from the documented estimator (noted per case): the lift is the ratio of promoted demand to the
 * mean of the four non-promoted neighbours on each side, shrunk as log L = log L̂ · k ÷ (k + 1);
 * the elasticity is the least-squares slope of log demand on log relative price with a time trend.
 */
import { ErrorKind } from "../../../src/engine/errors";
import {
  ELASTICITY_MIN,
  type ForecastDiagnosticColumns,
  type ForecastOptions,
  forecastInto,
  forecastSeries,
} from "../../../src/engine/forecast";
import { mulberry32, normals, series } from "./random";

const kindOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { kind?: ErrorKind }).kind ?? "other";
  }
  return ErrorKind.None;
};

/** A 0/1 flag series of `length` with 1 at the given columns. */
const flags = (length: number, at: number[]) => series(length, (t) => (at.includes(t) ? 1 : 0));

const PROMOTED = [10, 20, 30, 40];

describe("promotion lift", () => {
  // 52 weeks at 100, promoted weeks at 150: every baseline is 100, L̂ = 600 ÷ 400 = 1.5,
  // k = 4 promoted weeks, so L = 1.5^(4/5).
  const T = 52;
  const history = series(T, (t) => (PROMOTED.includes(t) ? 150 : 100));
  const shrunk = 1.5 ** (4 / 5);

  test("a flag: L = (Σ promoted ÷ Σ baseline)^(k/(k+1)), and a promoted horizon step is lifted by L", () => {
    const promo = flags(T + 4, [...PROMOTED, T + 1]);
    const result = forecastSeries(history, { horizon: 4, method: "naive", drivers: { promo } });
    expect(result.lift).toBeCloseTo(shrunk, 12);
    expect(result.elasticity).toBe(0);
    // Naive on the de-driven series: the last week (51, not promoted) is 100.
    expect(Array.from(result.forecast)).toEqual([100, 100 * result.lift!, 100, 100]);
  });

  test("an intensity p scales the log-lift: demand 100·1.5^p is read as L̂ = 1.5", () => {
    // Weeks 10, 20 at p = 1 (150) and 30, 40 at p = 2 (225): 200·L + 200·L² = 750 ⇒ L̂ = 1.5.
    const intensity = series(T + 2, (t) => (t === 10 || t === 20 ? 1 : t === 30 || t === 40 ? 2 : 0));
    const mixed = series(T, (t) => 100 * 1.5 ** intensity[t]);
    intensity[T + 1] = 0.5;
    const result = forecastSeries(mixed, { horizon: 2, method: "naive", drivers: { promo: intensity } });
    expect(result.lift).toBeCloseTo(shrunk, 10);
    expect(result.forecast[0]).toBe(100);
    expect(result.forecast[1]).toBeCloseTo(100 * Math.sqrt(shrunk), 10);
  });

  test("one promoted week counts for half: L = L̂^(1/2)", () => {
    const one = series(T, (t) => (t === 25 ? 200 : 100));
    const result = forecastSeries(one, {
      horizon: 1,
      method: "naive",
      drivers: { promo: flags(T + 1, [25]) },
    });
    expect(result.lift).toBeCloseTo(Math.SQRT2, 12);
  });

  test("the lift is clipped to [0.2, 5] before shrinkage", () => {
    const huge = series(T, (t) => (PROMOTED.includes(t) ? 10_000 : 100));
    const result = forecastSeries(huge, {
      horizon: 1,
      method: "naive",
      drivers: { promo: flags(T + 1, PROMOTED) },
    });
    expect(result.lift).toBeCloseTo(5 ** (4 / 5), 12);
  });

  test("a promotion only in the horizon (none in the history) has no lift to apply", () => {
    const flat = series(T, () => 100);
    const result = forecastSeries(flat, {
      horizon: 2,
      method: "naive",
      drivers: { promo: flags(T + 2, [T]) },
    });
    expect(result.lift).toBe(1);
    expect(Array.from(result.forecast)).toEqual([100, 100]);
  });

  test("recovers a known lift from noisy seeded data (lift 1.6, 12 promotions, CV 0.1)", () => {
    const z = normals(mulberry32(7));
    const weeks = 104;
    const at = Array.from({ length: 12 }, (_, k) => 5 + 8 * k);
    const noisy = series(weeks, (t) => 200 * (1 + 0.1 * z()) * (at.includes(t) ? 1.6 : 1));
    const result = forecastSeries(noisy, {
      horizon: 1,
      method: "ses",
      drivers: { promo: flags(weeks + 1, at) },
    });
    // Target: 1.6^(12/13) = 1.543; the noise of 12 ratios (each CV ≈ 0.1) is about ±3%.
    expect(Math.abs(Math.log(result.lift!) - (Math.log(1.6) * 12) / 13)).toBeLessThan(0.05);
  });

  test("promotions in the horizon lift exactly those steps, by L", () => {
    const z = normals(mulberry32(11));
    const weeks = 104;
    const at = [8, 21, 34, 47, 60, 73, 86, 99];
    const noisy = series(
      weeks,
      (t) => (100 + 30 * Math.sin((2 * Math.PI * t) / 52) + 8 * z()) * (at.includes(t) ? 1.5 : 1),
    );
    const horizon = 8;
    const future = flags(weeks + horizon, [...at, weeks + 2, weeks + 6]);
    const none = flags(weeks + horizon, at);
    const options: ForecastOptions = { horizon, method: "auto", seasonLength: 52 };
    const lifted = forecastSeries(noisy, { ...options, drivers: { promo: future } });
    const plain = forecastSeries(noisy, { ...options, drivers: { promo: none } });
    expect(lifted.method).toBe(plain.method);
    for (let h = 0; h < horizon; h++) {
      const ratio = lifted.forecast[h] / plain.forecast[h];
      if (h === 2 || h === 6) expect(ratio).toBeCloseTo(lifted.lift!, 12);
      else expect(ratio).toBe(1);
    }
    expect(lifted.lift!).toBeGreaterThan(1.3);
  });
});

describe("price elasticity", () => {
  // Prices cycle 9, 10, 11, 10 (median 10); demand = 100·e^{0.005t}·(price/10)^−1.5 exactly, so the
  // log-log regression with a time trend returns β = −1.5 and the de-driven series is 100·e^{0.005t}.
  const T = 48;
  const prices = (length: number, future: number) =>
    series(length, (t) => (t >= T ? future : [9, 10, 11, 10][t % 4]));
  const demand = (beta: number) =>
    series(T, (t) => 100 * Math.exp(0.005 * t) * ([9, 10, 11, 10][t % 4] / 10) ** beta);

  test("recovers β = −1.5 and prices the horizon: naive × (8/10)^−1.5", () => {
    const result = forecastSeries(demand(-1.5), {
      horizon: 2,
      method: "naive",
      drivers: { price: prices(T + 2, 8) },
    });
    expect(result.elasticity).toBeCloseTo(-1.5, 10);
    expect(result.lift).toBe(1);
    const level = 100 * Math.exp(0.005 * (T - 1));
    expect(result.forecast[0]).toBeCloseTo(level * 0.8 ** -1.5, 8);
  });

  test("a positive estimate is treated as 0 (a price rise never raises the forecast)", () => {
    const withPrice = forecastSeries(demand(1), {
      horizon: 3,
      method: "auto",
      drivers: { price: prices(T + 3, 12) },
    });
    const without = forecastSeries(demand(1), { horizon: 3, method: "auto" });
    expect(withPrice.elasticity).toBe(0);
    expect(withPrice.forecast).toEqual(without.forecast);
  });

  test("β is clipped at −5", () => {
    const result = forecastSeries(demand(-8), {
      horizon: 1,
      method: "naive",
      drivers: { price: prices(T + 1, 10) },
    });
    expect(result.elasticity).toBe(ELASTICITY_MIN);
  });

  test("a price that moves less than half a percent is not a driver", () => {
    const tiny = series(T + 1, (t) => 10 * (1 + 0.001 * (t % 2)));
    const result = forecastSeries(demand(-1.5), { horizon: 1, method: "naive", drivers: { price: tiny } });
    expect(result.elasticity).toBe(0);
  });

  test("recovers a known elasticity from noisy seeded data (β = −2, CV 0.1, prices ±15%)", () => {
    const u = mulberry32(3);
    const z = normals(mulberry32(5));
    const weeks = 104;
    const price = series(weeks + 1, () => 20 * (0.85 + 0.3 * u()));
    const noisy = series(weeks, (t) => 300 * (price[t] / 20) ** -2 * (1 + 0.1 * z()));
    const result = forecastSeries(noisy, { horizon: 1, method: "ses", drivers: { price } });
    expect(Math.abs(result.elasticity! + 2)).toBeLessThan(0.2);
  });
});

describe("promotion and price together", () => {
  // demand = 100 · (price/10)^−1.5 · 1.5^promo, prices cycling 9, 10, 11, 10 (median 10), promoted
  // weeks 10, 20, 30, 40 of 48. The elasticity regression skips promoted weeks and is exact:
  // β = −1.5. De-priced, z = 100·1.5^promo, so every baseline is 100, L̂ = 1.5 and L = 1.5^(4/5).
  // Naive on the de-driven series (week 47 not promoted: 100), then the horizon's own drivers:
  // step 1 at price 8 → 100·0.8^−1.5; step 2 at price 8, promoted → 100·0.8^−1.5·L; step 3 at
  // price 12.5 → 100·1.25^−1.5.
  const T = 48;
  const cycle = [9, 10, 11, 10];
  const price = series(T + 3, (t) => (t < T ? cycle[t % 4] : t === T + 2 ? 12.5 : 8));
  const promo = flags(T + 3, [...PROMOTED, T + 1]);
  const history = series(T, (t) => 100 * (price[t] / 10) ** -1.5 * (PROMOTED.includes(t) ? 1.5 : 1));

  test("β = −1.5 from the unpromoted weeks, L from the de-priced ones, both applied to the horizon", () => {
    const result = forecastSeries(history, { horizon: 3, method: "naive", drivers: { promo, price } });
    expect(result.elasticity).toBeCloseTo(-1.5, 10);
    const L = 1.5 ** (4 / 5);
    expect(result.lift).toBeCloseTo(L, 10);
    const expected = [100 * 0.8 ** -1.5, 100 * 0.8 ** -1.5 * L, 100 * 1.25 ** -1.5];
    expected.forEach((x, h) => expect(result.forecast[h]).toBeCloseTo(x, 8));
  });
});

describe("absent or flat drivers change nothing", () => {
  const z = normals(mulberry32(19));
  const T = 80;
  const history = series(T, (t) => 50 + 20 * Math.sin((2 * Math.PI * t) / 12) + 5 * z());
  const horizon = 6;
  const plain = forecastSeries(history, { horizon, method: "auto" });

  test.each([
    ["no promotion at all", { promo: new Float64Array(T + horizon) }],
    ["blank promotions", { promo: new Float64Array(T + horizon).fill(NaN) }],
    ["a constant price", { price: new Float64Array(T + horizon).fill(4.99) }],
    ["blank prices", { price: new Float64Array(T + horizon).fill(NaN) }],
    ["both flat", { promo: new Float64Array(T + horizon), price: new Float64Array(T + horizon).fill(2) }],
    ["neither given", {}],
  ])("%s → the same forecast, model and holdout bit for bit", (_name, drivers) => {
    const result = forecastSeries(history, { horizon, method: "auto", drivers });
    expect(result.forecast).toEqual(plain.forecast);
    expect(result.method).toBe(plain.method);
    expect(result.holdout).toEqual(plain.holdout);
    expect(result.residualRmse).toBe(plain.residualRmse);
  });
});

describe("alignment and errors", () => {
  const T = 40;
  const at = [5, 15, 25, 35];
  const values = series(T, (t) => (at.includes(t) ? 130 : 100) + (t % 3));

  test("driver columns follow history columns: leading and trailing blanks shift nothing", () => {
    const horizon = 3;
    const promo = flags(T + horizon, [...at, T + 1]);
    const reference = forecastSeries(values, { horizon, method: "ses", drivers: { promo } });
    // Two leading blanks: history and drivers both gain two columns in front.
    const lead = Float64Array.from([NaN, NaN, ...values]);
    const leadPromo = Float64Array.from([0, 0, ...promo]);
    const shifted = forecastSeries(lead, { horizon, method: "ses", drivers: { promo: leadPromo } });
    expect(shifted.forecast).toEqual(reference.forecast);
    // Two trailing blanks: the forecast starts after the last number, so step 1 uses column T.
    const trail = Float64Array.from([...values, NaN, NaN]);
    const trailPromo = Float64Array.from([...promo, 0, 0]);
    const trailed = forecastSeries(trail, { horizon, method: "ses", drivers: { promo: trailPromo } });
    expect(trailed.forecast).toEqual(reference.forecast);
  });

  test("a negative promotion, a price ≤ 0 or an infinite driver is #NUM!; a wrong length #VALUE!", () => {
    const ok = new Float64Array(T + 1);
    const bad = (i: number, x: number) => {
      const a = new Float64Array(T + 1).fill(1);
      a[i] = x;
      return a;
    };
    const run = (drivers: ForecastOptions["drivers"]) => () =>
      forecastSeries(values, { horizon: 1, method: "auto", drivers });
    expect(kindOf(run({ promo: bad(3, -1) }))).toBe(ErrorKind.Num);
    expect(kindOf(run({ promo: bad(T, Infinity) }))).toBe(ErrorKind.Num);
    expect(kindOf(run({ price: bad(T, 0) }))).toBe(ErrorKind.Num);
    expect(kindOf(run({ price: bad(0, -2) }))).toBe(ErrorKind.Num);
    expect(kindOf(run({ promo: ok, price: bad(2, Infinity) }))).toBe(ErrorKind.Num);
    expect(kindOf(run({ promo: new Float64Array(T) }))).toBe(ErrorKind.Value);
    expect(kindOf(run({ price: new Float64Array(T + 2).fill(1) }))).toBe(ErrorKind.Value);
    // A history error comes first (demand_history is the first argument).
    expect(
      kindOf(() =>
        forecastSeries(new Float64Array(T).fill(NaN), {
          horizon: 1,
          method: "auto",
          drivers: { promo: bad(0, -1) },
        }),
      ),
    ).toBe(ErrorKind.DivZero);
  });

  test("forecastInto: rows × (T + horizon) drivers, per-row errors, lift and elasticity columns", () => {
    const horizon = 2;
    const width = T + horizon;
    const rows = 3;
    const history = new Float64Array(rows * T);
    const promo = new Float64Array(rows * width);
    for (let r = 0; r < rows; r++) {
      history.set(values, r * T);
      promo.set(flags(width, [...at, T]), r * width);
    }
    promo[width + 7] = -1; // row 1: a negative promotion
    const out = new Float64Array(rows * horizon);
    const status = new Uint8Array(rows);
    const columns: ForecastDiagnosticColumns = {
      method: new Uint8Array(rows),
      seasonLength: new Float64Array(rows),
      wape: new Float64Array(rows),
      mase: new Float64Array(rows),
      bias: new Float64Array(rows),
      residualRmse: new Float64Array(rows),
      lift: new Float64Array(rows),
      elasticity: new Float64Array(rows),
    };
    forecastInto(out, status, history, T, { horizon, method: "ses", drivers: { promo } }, columns);
    expect(Array.from(status)).toEqual([0, ErrorKind.Num, 0]);
    const single = forecastSeries(values, {
      horizon,
      method: "ses",
      drivers: { promo: flags(width, [...at, T]) },
    });
    expect(Array.from(out.subarray(0, horizon))).toEqual(Array.from(single.forecast));
    expect(Array.from(out.subarray(2 * horizon))).toEqual(Array.from(single.forecast));
    expect(Array.from(columns.lift!)).toEqual([single.lift, NaN, single.lift]);
    expect(Array.from(columns.elasticity!)).toEqual([0, NaN, 0]);
    expect(() =>
      forecastInto(out, new Uint8Array(rows), history, T, {
        horizon,
        method: "ses",
        drivers: { promo: new Float64Array(5) },
      }),
    ).toThrow(RangeError);
  });

  test("with drivers the holdout is re-driven and scored on demand as given", () => {
    // Flat base 100 and an exact 1.5 lift on 4 of 52 weeks, method naive: the de-driven series is
    // 100 except the promoted weeks (150 ÷ L), so the re-driven naive holdout errs only there.
    const T2 = 52;
    const history = series(T2, (t) => (PROMOTED.includes(t) ? 150 : 100));
    const promo = flags(T2 + 1, PROMOTED);
    const withDrivers = forecastSeries(history, { horizon: 1, method: "naive", drivers: { promo } });
    const without = forecastSeries(history, { horizon: 1, method: "naive" });
    // Holdout: the last 13 weeks (39 … 51), one step each; week 40 is promoted. Without drivers,
    // naive errs by 50 at weeks 40 and 41: WAPE = 100 ÷ (12·100 + 150). With drivers, naive's
    // de-driven forecast of week 40 is 100, re-driven 100·L; week 41's forecast is 150 ÷ L.
    const L = withDrivers.lift!;
    expect(without.holdout!.wape).toBeCloseTo(100 / 1350, 12);
    expect(withDrivers.holdout!.wape).toBeCloseTo((150 - 100 * L + (150 / L - 100)) / 1350, 12);
  });
});
