/**
 * WCAP.FORECAST's driver and sensing arguments through the shipped bundle (dist/functions.js):
 * `[promo]`, `[price]` (n × (T + horizon), or one row for all items) and `[sensing]`, with
 * DESIGN §2's rules: a wrong shape fails the whole call with #VALUE!, a bad cell errors only its
 * own row (after the row's demand_history), blanks are "no promotion" / "price unknown".
 */
import { forecastSeries } from "../../src/engine/forecast";
import { call, err, grid, messageOf } from "../support/excel";

// 12 periods at 100 with promotions (150) in periods 4 and 8: both baselines are 100, L̂ = 1.5 and
// with k = 2 promoted periods L = 1.5^(2/3) = 1.31037 (src/engine/forecast/drivers.ts).
const history = [100, 100, 100, 150, 100, 100, 100, 150, 100, 100, 100, 100];
const promoRow = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1];
const lift = 1.5 ** (2 / 3);

describe("promo and price", () => {
  test("a promoted forecast step is lifted by the estimated lift (hand-derived 1.5^(2/3))", () => {
    const result = grid(call("FORECAST", [history], 2, "naive", null, [promoRow])) as number[][];
    expect(result[0][0]).toBe(100);
    expect(result[0][1]).toBeCloseTo(100 * lift, 10);
  });

  test("the function gives the engine's forecastSeries, row by row", () => {
    const seasonal = Array.from({ length: 30 }, (_, t) => 50 + 10 * Math.sin(t) + (t % 5 === 0 ? 20 : 0));
    const promo = Array.from({ length: 33 }, (_, t) => (t % 5 === 0 ? 1 : 0));
    const price = Array.from({ length: 33 }, (_, t) => 10 + (t % 3));
    const engine = forecastSeries(Float64Array.from(seasonal), {
      horizon: 3,
      method: "auto",
      drivers: { promo: Float64Array.from(promo), price: Float64Array.from(price) },
    });
    expect(grid(call("FORECAST", [seasonal, seasonal], 3, null, null, [promo], [price, price]))).toEqual([
      Array.from(engine.forecast),
      Array.from(engine.forecast),
    ]);
  });

  test("one driver row serves every item", () => {
    const twice = grid(call("FORECAST", [history, history], 2, "naive", null, [promoRow])) as number[][];
    expect(twice[1]).toEqual(twice[0]);
    expect(twice[1][1]).toBeCloseTo(100 * lift, 10);
  });

  test("blank driver cells are no promotion / price unknown; omitted or one blank cell = no driver", () => {
    const plain = grid(call("FORECAST", [history], 2, "naive"));
    expect(grid(call("FORECAST", [history], 2, "naive", null, [Array(14).fill("")]))).toEqual(plain);
    expect(
      grid(call("FORECAST", [history], 2, "naive", null, [Array(14).fill(null)], [Array(14).fill("")])),
    ).toEqual(plain);
    expect(grid(call("FORECAST", [history], 2, "naive", null, "", [[""]]))).toEqual(plain);
    expect(grid(call("FORECAST", [history], 2, "naive", null, null, null, null))).toEqual(plain);
  });

  test("a driver range of the wrong width is #VALUE! for the whole call, naming T + horizon", () => {
    const result = call("FORECAST", [history], 2, "naive", null, [promoRow.slice(1)]);
    expect(grid(result)).toBe("throws #VALUE!");
    expect(messageOf(result)).toMatch(/promo must have one column per period .* \(12 \+ 2 = 14\), not 13/);
    const price = call("FORECAST", [history], 2, "naive", null, null, [history]);
    expect(grid(price)).toBe("throws #VALUE!");
    expect(messageOf(price)).toMatch(/^price must have/);
  });

  test("a driver range whose row count is neither n nor 1 is #VALUE! for the whole call", () => {
    const result = call("FORECAST", [history, history], 2, "naive", null, [promoRow, promoRow, promoRow]);
    expect(grid(result)).toBe("throws #VALUE!");
    expect(messageOf(result)).toMatch(/one row per row of demand_history \(2\) or a single row/);
  });

  test("the single-value arguments are checked first: a bad horizon wins over a bad driver shape", () => {
    expect(grid(call("FORECAST", [history], 0, "naive", null, [[1]]))).toBe("throws #NUM!");
  });

  test("a bad driver cell errors only its own row; the row's demand_history error comes first", () => {
    const text: unknown[] = [...promoRow];
    text[2] = "promo!";
    const result = call(
      "FORECAST",
      [history, history, [...history.slice(0, 11), "x"]],
      2,
      "naive",
      null,
      [promoRow, text, text],
      [Array(14).fill(10), [err("#N/A"), ...Array(13).fill(10)], Array(14).fill(10)],
    );
    expect(grid(result)).toEqual([
      [100, expect.closeTo(100 * lift, 10)],
      ["#VALUE!", "#VALUE!"],
      ["#VALUE!", "#VALUE!"],
    ]);
    const rows = result as { message?: string }[][];
    expect(rows[1][0].message).toMatch(/promo must hold numbers, not the text "promo!"/);
    expect(rows[2][0].message).toMatch(/demand_history must hold numbers/);
    // An error value in a driver cell propagates to its row.
    const propagated = grid(
      call("FORECAST", [history, history], 2, "naive", null, null, [
        Array(14).fill(10),
        [err("#N/A"), ...Array(13).fill(10)],
      ]),
    );
    expect(propagated).toEqual([
      [100, 100],
      ["#N/A", "#N/A"],
    ]);
  });

  test("a negative promotion or a price ≤ 0 (a blank in a Windows range arrives as 0) is #NUM! for its row", () => {
    const negative = [...promoRow];
    negative[5] = -1;
    expect(grid(call("FORECAST", [history, history], 2, "naive", null, [promoRow, negative]))).toEqual([
      [100, expect.closeTo(100 * lift, 10)],
      ["#NUM!", "#NUM!"],
    ]);
    const zeroPrice = [...Array(13).fill(10), 0];
    expect(grid(call("FORECAST", [history], 2, "naive", null, null, [zeroPrice]))).toEqual([
      ["#NUM!", "#NUM!"],
    ]);
  });
});

describe("sensing", () => {
  // 96 periods at 100 ± 8 then four at 125: the fitted SES (113.96) lags the shift; sensing moves
  // steps 1–4 only (to 128.10, then by halves).
  const shifted = Array.from({ length: 100 }, (_, t) => (t >= 96 ? 125 : 100) + 8 * Math.sin(t * 2.3));

  test("TRUE or 1 corrects the first steps toward the new level; later steps are untouched", () => {
    const plain = grid(call("FORECAST", [shifted], 6, "ses")) as number[][];
    const sensed = grid(call("FORECAST", [shifted], 6, "ses", null, null, null, true)) as number[][];
    expect(grid(call("FORECAST", [shifted], 6, "ses", null, null, null, 1))).toEqual(sensed);
    const engine = forecastSeries(Float64Array.from(shifted), { horizon: 6, method: "ses", sensing: true });
    expect(sensed[0]).toEqual(Array.from(engine.forecast));
    expect(sensed[0][0]).toBeGreaterThan(plain[0][0] + 10);
    expect(sensed[0][4]).toBe(plain[0][4]);
    expect(sensed[0][5]).toBe(plain[0][5]);
  });

  test("FALSE, 0, blank and omitted are off; text is #VALUE!, another number #NUM!", () => {
    const plain = grid(call("FORECAST", [shifted], 3, "ses"));
    for (const off of [false, 0, "", null]) {
      expect(grid(call("FORECAST", [shifted], 3, "ses", null, null, null, off))).toEqual(plain);
    }
    expect(grid(call("FORECAST", [shifted], 3, "ses", null, null, null, "yes"))).toBe("throws #VALUE!");
    expect(grid(call("FORECAST", [shifted], 3, "ses", null, null, null, 2))).toBe("throws #NUM!");
    expect(grid(call("FORECAST", [shifted], 3, "ses", null, null, null, [[true, false]]))).toBe(
      "throws #VALUE!",
    );
  });
});

describe("metadata generated from the JSDoc (src/functions/index.ts)", () => {
  // Excel passes a range only to a parameter whose dimensionality is "matrix" (an `any[][]` in the
  // signature); a scalar `any` would receive a single value. Generated here from the source, so
  // the check does not depend on a fresh dist/functions.json.
  test("promo and price are matrix parameters; sensing is a single value", async () => {
    const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
    const generated = await generateCustomFunctionsMetadata(require.resolve("../../src/functions/index.ts"));
    expect(generated.errors).toEqual([]);
    const { functions } = JSON.parse(generated.metadataJson) as {
      functions: {
        id: string;
        parameters: { name: string; dimensionality?: string; description: string }[];
      }[];
    };
    const parameters = functions.find((f) => f.id === "FORECAST")!.parameters;
    const dimensionality = Object.fromEntries(parameters.map((p) => [p.name, p.dimensionality ?? "scalar"]));
    expect(dimensionality).toEqual({
      demand_history: "matrix",
      horizon: "scalar",
      method: "scalar",
      season_length: "scalar",
      promo: "matrix",
      price: "matrix",
      sensing: "scalar",
    });
    for (const p of parameters) expect(p.description.length).toBeGreaterThan(20);
  }, 60_000);
});
