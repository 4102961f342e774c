/**
 * WCAP.FORECAST's engine API: forecastSeries and forecastInto. Expected values are hand-derived
 * (noted per case); the domain errors follow DESIGN §2 and the forecasting issue.
 */
import fc from "fast-check";
import { ErrorKind } from "../../../src/engine/errors";
import {
  FORECAST_METHODS,
  MODEL_NAMES,
  NO_MODEL,
  type ForecastDiagnosticColumns,
  type ForecastOptions,
  forecastInto,
  forecastSeries,
  isForecastMethod,
} from "../../../src/engine/forecast";
import { mulberry32, normals, series } from "./random";

const f = (...xs: number[]) => Float64Array.from(xs);
const kindOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { kind?: ErrorKind }).kind;
  }
  return ErrorKind.None;
};

test("the method keys", () => {
  expect(FORECAST_METHODS).toEqual([
    "auto",
    "naive",
    "snaive",
    "ses",
    "damped",
    "hw_add",
    "hw_mul",
    "croston",
    "sba",
    "tsb",
  ]);
  expect(isForecastMethod("hw_add")).toBe(true);
  expect(isForecastMethod("HW_ADD")).toBe(false); // the adapter lower-cases and trims
});

describe("naive on [1, 3, 2, 5], by hand", () => {
  const result = forecastSeries(f(1, 3, 2, 5), { horizon: 2, method: "naive", seasonLength: 1 });

  test("forecast = last value", () => {
    expect(result.method).toBe("naive");
    expect(Array.from(result.forecast)).toEqual([5, 5]);
  });

  test("residual RMSE = √((2² + 1² + 3²)/3) over the one-step errors 2, −1, 3", () => {
    expect(result.residualRmse).toBeCloseTo(Math.sqrt(14 / 3), 14);
  });

  test("holdout: one origin (k = ⌊4/4⌋), F = 2 for A = 5; scale = naive MAE of [1, 3, 2] = 1.5", () => {
    // WAPE = 3/5, MASE = 3/1.5 = 2, bias = (2 − 5)/5.
    expect(result.holdout).toEqual({ wape: 0.6, mase: 2, bias: -0.6 });
  });
});

test("seasonal naive repeats the last season: [1 … 8], m = 4, horizon 6 → 5 6 7 8 5 6", () => {
  const result = forecastSeries(f(1, 2, 3, 4, 5, 6, 7, 8), { horizon: 6, method: "snaive", seasonLength: 4 });
  expect(Array.from(result.forecast)).toEqual([5, 6, 7, 8, 5, 6]);
  expect(result.seasonLength).toBe(4);
});

describe("missing values", () => {
  test("interior blanks are interpolated before fitting: naive of [4, _, _, 10, _] is 10", () => {
    const result = forecastSeries(f(NaN, 4, NaN, NaN, 10, NaN), {
      horizon: 1,
      method: "naive",
      seasonLength: 1,
    });
    expect(result.forecast[0]).toBe(10);
    // The interpolated history 4, 6, 8, 10 has one-step errors 2, 2, 2.
    expect(result.residualRmse).toBeCloseTo(2, 14);
  });

  test("a row with no numbers is #DIV/0!", () => {
    expect(kindOf(() => forecastSeries(f(NaN, NaN), { horizon: 3, method: "auto" }))).toBe(ErrorKind.DivZero);
  });

  test("one number: that number for every period, whatever the method (naive)", () => {
    for (const method of FORECAST_METHODS) {
      const result = forecastSeries(f(NaN, 7, NaN), { horizon: 3, method, seasonLength: 12 });
      expect(Array.from(result.forecast)).toEqual([7, 7, 7]);
      expect(result.method).toBe("naive");
      expect(result.holdout).toBeNull();
      expect(result.residualRmse).toBeNaN();
    }
  });
});

describe("domain errors", () => {
  const y = series(24, (t) => 10 + (t % 4));
  const run = (options: ForecastOptions, history = y) => kindOf(() => forecastSeries(history, options));

  test("horizon not a whole number ≥ 1 → #NUM!", () => {
    for (const horizon of [0, -1, 1.5, NaN, Infinity])
      expect(run({ horizon, method: "auto" })).toBe(ErrorKind.Num);
  });

  test("season length given but not a whole number ≥ 1 → #NUM!; 1 = no seasonality", () => {
    for (const seasonLength of [0, -4, 2.5, NaN]) {
      expect(run({ horizon: 2, method: "auto", seasonLength })).toBe(ErrorKind.Num);
    }
    expect(forecastSeries(y, { horizon: 2, method: "auto", seasonLength: 1 }).seasonLength).toBe(1);
  });

  test("an unknown method → #VALUE!", () => {
    expect(run({ horizon: 2, method: "arima" as never })).toBe(ErrorKind.Value);
  });

  test("arguments in order: an empty row is #DIV/0! before a bad horizon", () => {
    expect(run({ horizon: 0, method: "auto" }, f(NaN))).toBe(ErrorKind.DivZero);
  });

  test("an explicit seasonal method with season length > T/2 → #NUM!", () => {
    for (const method of ["snaive", "hw_add", "hw_mul"] as const) {
      expect(run({ horizon: 2, method, seasonLength: 13 })).toBe(ErrorKind.Num);
      expect(run({ horizon: 2, method, seasonLength: 12 })).toBe(ErrorKind.None);
    }
  });

  test("non-seasonal methods and auto treat a season length > T/2 as none", () => {
    expect(forecastSeries(y, { horizon: 2, method: "auto", seasonLength: 13 }).seasonLength).toBe(1);
    expect(run({ horizon: 2, method: "ses", seasonLength: 13 })).toBe(ErrorKind.None);
  });

  test("Holt-Winters without a season (m = 1, given or not detected) → #NUM!", () => {
    expect(run({ horizon: 2, method: "hw_add", seasonLength: 1 })).toBe(ErrorKind.Num);
    expect(
      run(
        { horizon: 2, method: "hw_mul" },
        series(24, (t) => 5 + t),
      ),
    ).toBe(ErrorKind.Num);
  });

  test("hw_mul needs strictly positive data → #NUM!", () => {
    const withZero = series(24, (t) => (t === 5 ? 0 : 10 + (t % 4)));
    expect(run({ horizon: 2, method: "hw_mul", seasonLength: 4 }, withZero)).toBe(ErrorKind.Num);
    expect(run({ horizon: 2, method: "hw_add", seasonLength: 4 }, withZero)).toBe(ErrorKind.None);
  });

  test("±Infinity in the history → #NUM!", () => {
    expect(run({ horizon: 2, method: "auto" }, f(1, Infinity, 3))).toBe(ErrorKind.Num);
  });
});

describe("clamping", () => {
  const falling = series(24, (t) => 100 - 4 * t); // 100 … 8, all ≥ 0

  test("history ≥ 0: forecasts are floored at 0 (a trend may extrapolate below)", () => {
    const result = forecastSeries(falling, { horizon: 12, method: "damped" });
    expect(Math.min(...result.forecast)).toBe(0);
    expect(result.forecast[0]).toBeGreaterThan(0);
  });

  test("history with negative values: not clamped", () => {
    const shifted = falling.map((x) => x - 50);
    const result = forecastSeries(shifted, { horizon: 12, method: "damped" });
    expect(result.forecast[11]).toBeLessThan(-60);
  });
});

describe("forecastInto", () => {
  test("rows of different lengths, an empty row, a pre-set status, and per-row results", () => {
    const periods = 8;
    const history = f(
      ...[1, 2, 3, 4, 5, 6, 7, 8],
      ...[NaN, NaN, 5, 5, 5, 5, NaN, NaN],
      ...[NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN],
      ...[9, 9, 9, 9, 9, 9, 9, 9],
    );
    const out = new Float64Array(4 * 3).fill(-1);
    const status = Uint8Array.of(0, 0, 0, ErrorKind.Value);
    forecastInto(out, status, history, periods, { horizon: 3, method: "naive" });
    expect(Array.from(status)).toEqual([0, 0, ErrorKind.DivZero, ErrorKind.Value]);
    expect(Array.from(out)).toEqual([8, 8, 8, 5, 5, 5, -1, -1, -1, -1, -1, -1]);
    const columns: ForecastDiagnosticColumns = {
      method: new Uint8Array(4),
      seasonLength: new Float64Array(4),
      wape: new Float64Array(4),
      mase: new Float64Array(4),
      bias: new Float64Array(4),
      residualRmse: new Float64Array(4),
    };
    forecastInto(
      out,
      Uint8Array.of(0, 0, 0, ErrorKind.Value),
      history,
      periods,
      { horizon: 3, method: "naive" },
      columns,
    );
    // MODEL_NAMES[0] is naive; rows in error get NO_MODEL.
    expect(Array.from(columns.method)).toEqual([0, 0, NO_MODEL, NO_MODEL]);
    expect(columns.residualRmse[0]).toBe(1); // one-step errors of 1, 2, … 8 are all 1
    expect(columns.residualRmse[2]).toBeNaN();
  });

  test("invalid options mark every row not already in error", () => {
    const status = Uint8Array.of(0, ErrorKind.NotAvailable, 0);
    forecastInto(new Float64Array(3), status, f(1, 2, 3, 4, NaN, NaN), 2, { horizon: 0, method: "auto" });
    expect(Array.from(status)).toEqual([ErrorKind.Num, ErrorKind.NotAvailable, ErrorKind.DivZero]);
  });

  test("each row equals forecastSeries on that row (one shared workspace changes nothing)", () => {
    const z = normals(mulberry32(5));
    const rows = 6;
    const periods = 36;
    const history = new Float64Array(rows * periods);
    for (let i = 0; i < history.length; i++) {
      const t = i % periods;
      const row = Math.floor(i / periods);
      history[i] =
        row % 2 === 0 ? 50 + 10 * Math.sin((2 * Math.PI * t) / 12) + 2 * z() : Math.max(0, 5 * z());
    }
    const options: ForecastOptions = { horizon: 6, method: "auto" };
    const out = new Float64Array(rows * 6);
    const column = () => new Float64Array(rows);
    const columns: ForecastDiagnosticColumns = {
      method: new Uint8Array(rows),
      seasonLength: column(),
      wape: column(),
      mase: column(),
      bias: column(),
      residualRmse: column(),
    };
    forecastInto(out, new Uint8Array(rows), history, periods, options, columns);
    for (let row = 0; row < rows; row++) {
      const single = forecastSeries(history.slice(row * periods, (row + 1) * periods), options);
      expect(Array.from(out.subarray(row * 6, row * 6 + 6))).toEqual(Array.from(single.forecast));
      expect(MODEL_NAMES[columns.method[row]]).toBe(single.method);
      expect(columns.seasonLength[row]).toBe(single.seasonLength);
      expect(columns.mase[row]).toBe(single.holdout!.mase);
      expect(columns.wape[row]).toBe(single.holdout!.wape);
      expect(columns.bias[row]).toBe(single.holdout!.bias);
      expect(columns.residualRmse[row]).toBe(single.residualRmse);
    }
    expect(new Set(Array.from(columns.method)).size).toBeGreaterThan(1); // seasonal and intermittent rows
  });
});

test("deterministic: the same call twice gives bit-identical results", () => {
  const z = normals(mulberry32(77));
  const y = series(60, (t) => 200 + t + 30 * Math.sin((2 * Math.PI * t) / 12) + 8 * z());
  const a = forecastSeries(y, { horizon: 12, method: "auto" });
  const b = forecastSeries(y, { horizon: 12, method: "auto" });
  expect(b).toEqual(a);
});

test("rows of extreme magnitude are rescaled exactly: 1e300 × a series forecasts 1e300 × its forecast", () => {
  const y = f(3, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10);
  const big = y.map((x) => x * 2 ** 1000);
  const options: ForecastOptions = { horizon: 3, method: "damped" };
  const small = forecastSeries(y, options);
  const large = forecastSeries(big, options);
  for (let h = 0; h < 3; h++) expect(large.forecast[h]).toBe(small.forecast[h] * 2 ** 1000);
  expect(large.residualRmse).toBeCloseTo(small.residualRmse * 2 ** 1000, -285);
});

test("property: every row gets finite forecasts or an ErrorKind, for every method (never NaN or ±Infinity)", () => {
  const value = fc.oneof(
    fc.constant(NaN),
    fc.constant(0),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
    fc.integer({ min: 0, max: 20 }),
  );
  fc.assert(
    fc.property(
      fc.array(value, { minLength: 0, maxLength: 40 }),
      fc.constantFrom(...FORECAST_METHODS),
      fc.integer({ min: 1, max: 15 }),
      fc.option(fc.integer({ min: 1, max: 14 }), { nil: undefined }),
      (cells, method, horizon, seasonLength) => {
        const history = Float64Array.from(cells);
        const out = new Float64Array(horizon);
        const status = new Uint8Array(1);
        forecastInto(out, status, history, history.length, { horizon, method, seasonLength });
        if (status[0] === ErrorKind.None) {
          for (const x of out) expect(Number.isFinite(x)).toBe(true);
          if (cells.every((x) => Number.isNaN(x) || x >= 0))
            for (const x of out) expect(x).toBeGreaterThanOrEqual(0);
        } else {
          expect([ErrorKind.Num, ErrorKind.DivZero]).toContain(status[0]);
        }
      },
    ),
    { numRuns: 400, seed: 20240601 },
  );
});
