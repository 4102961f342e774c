/**
 * DESIGN §2, rule by rule, through the shipped dist/functions.js: broadcasting and shapes, errors
 * belonging to their cell, left-to-right precedence, blanks, omitted optionals, text, the error
 * table, and the result-size guard.
 */
import { call, cell, err, grid, messageOf } from "../support/excel";

const col = (...xs: unknown[]) => xs.map((x) => [x]);

describe("broadcasting and shapes", () => {
  test("a single value or 1×1 range broadcasts over a column; the result spills with its shape", () => {
    const result = grid(call("SAFETYSTOCK", 0.95, col(10, 20, 30), [[4]]));
    expect(result).toHaveLength(3);
    expect((result as number[][])[1][0]).toBeCloseTo(2 * (result as number[][])[0][0], 12);
  });

  test("2-D ranges work element-wise", () => {
    expect(
      grid(
        call(
          "DAYSOFSUPPLY",
          [
            [10, 20],
            [30, 40],
          ],
          [[10]],
        ),
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  test("ranges of different shapes make the whole call #VALUE!, naming both (no #N/A padding)", () => {
    const result = call("GMROII", col(1, 2, 3), col(1, 2));
    expect(grid(result)).toBe("throws #VALUE!");
    expect(messageOf(result)).toMatch(/gross_margin is 3×1 but average_inventory_cost is 2×1/);
    expect(grid(call("GMROII", [[1, 2]], col(1, 2)))).toBe("throws #VALUE!");
  });

  test("all-single-value calls return one cell", () => {
    expect(cell(call("EOQ", 1000, 10, 5, 0.2))).toBeCloseTo(141.4213562373095, 12);
    expect(cell(call("EOQ", [[1000]], [[10]], [[5]], [[0.2]]))).toBeCloseTo(141.4213562373095, 12);
  });
});

describe("an error belongs to its cell", () => {
  test("a bad value in row 2 errors row 2 only", () => {
    expect(grid(call("DAYSOFSUPPLY", col(10, -5, "x", 40), col(2, 2, 2, 0)))).toEqual([
      [5],
      [-2.5],
      ["#VALUE!"],
      ["#DIV/0!"],
    ]);
  });

  test("an Excel error value in an input cell propagates to that output cell, with its message", () => {
    const result = call("GMROII", col(1, err("#REF!", "gone"), 3), col(2, 2, 2));
    expect(grid(result)).toEqual([[0.5], ["#REF!"], [1.5]]);
    expect((result as { message?: string }[][])[1][0].message).toBe("gone");
  });
});

describe("left-to-right precedence within a cell", () => {
  test("the first argument that is an error, text or blank-required decides", () => {
    expect(cell(call("EOQ", err("#N/A"), "text", -1, 0))).toBe("#N/A");
    expect(cell(call("EOQ", "text", err("#N/A"), -1, 0))).toBe("#VALUE!");
    expect(cell(call("EOQ", -1, err("#DIV/0!"), 5, 0.2))).toBe("#DIV/0!");
  });

  test("type problems come before the formula's domain checks", () => {
    // service_level 1.5 is out of domain (#NUM!), but demand_sd is text: #VALUE! wins.
    const result = call("SAFETYSTOCK", 1.5, "ten", 4);
    expect(cell(result)).toBe("#VALUE!");
    expect(messageOf(result)).toMatch(/demand_sd must be a number, not the text "ten"/);
  });

  test("domain checks run in argument order: negative unit cost (#NUM!) before zero rate (#DIV/0!)", () => {
    expect(cell(call("EOQ", 100, 10, -5, 0))).toBe("#NUM!");
    expect(cell(call("EOQ", 100, 10, 0, -1))).toBe("#NUM!");
  });
});

describe("blanks", () => {
  test('a position where every given argument is blank gives "" (trailing empty rows stay clean)', () => {
    expect(grid(call("GMROII", col(300, null, ""), col(120, "", null)))).toEqual([[2.5], [""], [""]]);
  });

  test("a required value blank where others are not gives #N/A naming the parameter", () => {
    const result = call("GMROII", col(300, 10), col(120, ""));
    expect(grid(result)).toEqual([[2.5], ["#N/A"]]);
    expect((result as { message?: string }[][])[1][0].message).toBe("average_inventory_cost is blank.");
  });

  test("a broadcast constant counts as given, so a blank range cell beside it is #N/A", () => {
    expect(grid(call("SAFETYSTOCK", 0.95, col(10, ""), 4))).toEqual([[expect.any(Number)], ["#N/A"]]);
  });

  test("0 is the number zero (a blank inside a range on Excel for Windows)", () => {
    expect(cell(call("DAYSOFSUPPLY", 0, 5))).toBe(0);
    expect(cell(call("DAYSOFSUPPLY", 5, 0))).toBe("#DIV/0!");
  });

  test("a blank optional cell takes the default", () => {
    expect(cell(call("RELEASE", 57.5, 40, 730, [[""]]))).toBe(35);
    expect(cell(call("RELEASE", 57.5, 40, 730, [[null]]))).toBe(35);
    expect(cell(call("SIGMALT", 10, 4, "", "", ""))).toBe(20);
  });

  test("aggregating functions skip blanks, as AVERAGE does", () => {
    expect(call("DIO", col(100, "", 120, null, 110, 130), col(730, ""))).toBe(57.5);
  });
});

describe("omitted optional arguments (arrive as null/undefined)", () => {
  test("defaults are applied in the adapter", () => {
    expect(call("DIO", col(115), col(730))).toBe(57.5);
    expect(call("DIO", col(115), col(730), null)).toBe(57.5);
    expect(call("DIO", col(115), col(730), undefined)).toBe(57.5);
    expect(cell(call("SIGMALT", 10, 4, null, null, null))).toBe(20);
    expect(grid(call("ABC", col(80, 15, 5), null, null))).toEqual([["A"], ["B"], ["C"]]);
  });
});

describe("text and method", () => {
  test("text in a numeric argument is #VALUE! naming the parameter; numbers stored as text are not read", () => {
    const result = call("REORDERPOINT", "100", 2, 5);
    expect(cell(result)).toBe("#VALUE!");
    expect(messageOf(result)).toBe('demand_mean must be a number, not the text "100".');
  });

  test("logical values are not silently taken as 1 or 0", () => {
    expect(cell(call("REORDERPOINT", true, 2, 5))).toBe("#VALUE!");
  });

  test("method is case-insensitive with surrounding spaces ignored; unknown is #VALUE!", () => {
    const fill = cell(call("SAFETYSTOCK", 0.975, 500, 2, null, null, null, "fill", 10000));
    expect(cell(call("SAFETYSTOCK", 0.975, 500, 2, null, null, null, "  FILL ", 10000))).toBe(fill);
    expect(cell(call("SAFETYSTOCK", 0.975, 500, 2, null, null, null, "Cycle"))).toBeCloseTo(
      cell(call("SAFETYSTOCK", 0.975, 500, 2)) as number,
      12,
    );
    const unknown = call("SAFETYSTOCK", 0.975, 500, 2, null, null, null, "periodic");
    expect(cell(unknown)).toBe("#VALUE!");
    expect(messageOf(unknown)).toMatch(/method must be "cycle" or "fill"/);
  });

  test("fill without order_qty (omitted or blank) is #VALUE! saying so", () => {
    for (const q of [null, "", [[null]]]) {
      const result = call("SAFETYSTOCK", 0.975, 500, 2, null, null, null, "fill", q);
      expect(cell(result)).toBe("#VALUE!");
      expect(messageOf(result)).toBe('order_qty is required for method "fill".');
    }
  });

  test("aggregating and classifying functions fail the whole call on text or an error", () => {
    expect(grid(call("DIO", col(100, "n/a"), col(730)))).toBe("throws #VALUE!");
    expect(grid(call("TURNS", col(730), col(100, err("#DIV/0!"))))).toBe("throws #DIV/0!");
    expect(grid(call("ABC", col(5, "x")))).toBe("throws #VALUE!");
    expect(grid(call("XYZ", [[1, 2, err("#N/A")]]))).toBe("throws #N/A");
    expect(grid(call("WAPE", col(1, "x"), col(1, 2)))).toBe("throws #VALUE!");
  });

  test("DEMANDCV works row by row", () => {
    expect(
      grid(
        call("DEMANDCV", [
          [1, 2, 3],
          [1, "x", 3],
          [err("#N/A"), 1, 2],
          [5, 5, ""],
        ]),
      ),
    ).toEqual([[0.5], ["#VALUE!"], ["#N/A"], [0]]);
  });
});

describe("the error table", () => {
  test.each([
    ["SAFETYSTOCK", [0, 10, 4], "#NUM!"],
    ["SAFETYSTOCK", [1, 10, 4], "#NUM!"],
    ["SAFETYSTOCK", [0.9, -10, 4], "#NUM!"],
    ["SAFETYSTOCK", [0.9, 10, -4], "#NUM!"],
    ["SAFETYSTOCK", [0.9, 10, 4, 5, -1], "#NUM!"],
    ["SAFETYSTOCK", [0.9, 10, 4, 5, 1, -1], "#NUM!"],
    ["EOQ", [100, -1, 5, 0.2], "#NUM!"],
    ["EOQ", [-100, 1, 5, 0.2], "#NUM!"],
    ["EOQ", [100, 1, 0, 0.2], "#DIV/0!"],
    ["EOQ", [100, 1, 5, 0], "#DIV/0!"],
    ["DAYSOFSUPPLY", [10, -1], "#NUM!"],
    ["DAYSOFSUPPLY", [10, 0], "#DIV/0!"],
    ["GMROII", [10, -1], "#NUM!"],
    ["GMROII", [10, 0], "#DIV/0!"],
    ["RELEASE", [50, 40, -1], "#NUM!"],
    ["RELEASE", [50, 40, 100, -1], "#NUM!"],
    ["RELEASE", [50, 40, 100, 0], "#DIV/0!"],
    ["FILLRATE", [0, 1, 1], "#DIV/0!"],
    ["FILLRATE", [10, 1, -1], "#NUM!"],
    ["SERVICELEVEL", [5, 0, 4], "#DIV/0!"],
    ["SIGMALT", [-1, 4], "#NUM!"],
    ["REORDERPOINT", [10, -1, 0], "#NUM!"],
  ])("%s(%j) → %s", (id, args, code) => {
    expect(cell(call(id, ...args))).toBe(code);
  });

  test.each([
    ["DIO", [col(-1), col(10)], "#NUM!"],
    ["DIO", [col(1), col(-10)], "#NUM!"],
    ["DIO", [col(1), col(10), 0], "#NUM!"],
    ["DIO", [col(1), col(0, "")], "#DIV/0!"],
    ["DIO", [col("", null), col(10)], "#DIV/0!"],
    ["DSO", [col(1), col(0)], "#DIV/0!"],
    ["DPO", [col(1), col(10), -5], "#NUM!"],
    ["TURNS", [col(10), col(0, 0)], "#DIV/0!"],
    ["ABC", [col(1, -1)], "#NUM!"],
    ["ABC", [col(1, 2), 0.9, 0.8], "#NUM!"],
    ["ABC", [col(1, 2), -0.1, 0.8], "#NUM!"],
    ["ABC", [col(1, 2), 0.8, 1.1], "#NUM!"],
    ["XYZ", [[[1, 2]], 1, 0.5], "#NUM!"],
    ["XYZ", [[[1, 2]], -1, 0.5], "#NUM!"],
    ["ABCXYZ", [col(1, 2), [[1, 2]]], "#VALUE!"],
    ["WAPE", [col(0, 0), col(1, 1)], "#DIV/0!"],
    ["MAPE", [col(0, 0), col(1, 1)], "#DIV/0!"],
    ["BIAS", [col(1, -1), col(1, 1)], "#DIV/0!"],
    ["WAPE", [col(1, 2), col(1, 2, 3)], "#VALUE!"],
    ["BIAS", [col(1, ""), col(1, 2)], "#VALUE!"],
  ])("%s(%j) → throws %s", (id, args, code) => {
    expect(grid(call(id, ...args))).toBe(`throws ${code}`);
  });

  test("limits that are not errors: σ_LT = 0 → 0 for both methods; FILLRATE with σ = 0 is its limit", () => {
    expect(cell(call("SAFETYSTOCK", 0.99, 0, 4))).toBe(0);
    expect(cell(call("SAFETYSTOCK", 0.99, 0, 4, null, null, null, "fill", 10))).toBe(0);
    expect(cell(call("FILLRATE", 100, -20, 0))).toBe(0.8);
  });

  test("a result that would overflow a double is #NUM!, never Infinity", () => {
    expect(cell(call("DAYSOFSUPPLY", 1e308, 1e-10))).toBe("#NUM!");
    expect(cell(call("SIGMALT", 1e300, 1e300))).toBe("#NUM!");
  });
});

describe("result size", () => {
  test("over 400,000 cells is #VALUE! with a message to split the range, quickly", () => {
    const big = Array.from({ length: 400_001 }, () => [1]);
    const result = call("NORMLOSS", big);
    expect(grid(result)).toBe("throws #VALUE!");
    expect(messageOf(result)).toMatch(/Split the range/);
  });

  test("400,000 cells is allowed", () => {
    const big = Array.from({ length: 400_000 }, () => [0]);
    expect((call("NORMLOSS", big) as unknown[][]).length).toBe(400_000);
  });
});

describe("DEMANDCLASS and SIMFILLRATE", () => {
  test("DEMANDCLASS works row by row: a text cell errors its row; no demand is #DIV/0!", () => {
    expect(
      grid(
        call("DEMANDCLASS", [
          [10, 12, 9, 11],
          [1, "x", 2, 3],
          [0, 0, 0, ""],
          [err("#N/A"), 1, 1, 1],
        ]),
      ),
    ).toEqual([["smooth"], ["#VALUE!"], ["#DIV/0!"], ["#N/A"]]);
  });

  test("SIMFILLRATE is element-wise and seeded: same seed, same result", () => {
    const a = cell(call("SIMFILLRATE", 100, 20, 4, 30, 200, 2000, 3));
    expect(cell(call("SIMFILLRATE", 100, 20, 4, 30, 200, 2000, 3))).toBe(a);
    expect(cell(call("SIMFILLRATE", 100, 20, 4, 30, 200, 2000, 4))).not.toBe(a);
  });

  test.each([
    [[-1, 20, 4, 30, 200], "#NUM!"],
    [[100, -1, 4, 30, 200], "#NUM!"],
    [[100, 20, 1.5, 30, 200], "#NUM!"],
    [[100, 20, 0, 30, 200], "#NUM!"],
    [[100, 20, 4, 30, 0], "#NUM!"],
    [[100, 20, 4, 30, 200, 10_000_001], "#NUM!"],
    [[100, 20, 4, 30, 200, 0.5], "#NUM!"],
    [[100, 20, 4, 30, 200, 100, -1], "#NUM!"],
    [[0, 0, 4, 30, 200], "#DIV/0!"],
  ])("SIMFILLRATE(%j) → %s", (args, code) => {
    expect(cell(call("SIMFILLRATE", ...args))).toBe(code);
  });

  test("one call simulates at most 20,000,000 periods in all: more is #VALUE! saying so, at once", () => {
    const result = call("SIMFILLRATE", col(100, 100, 100), 20, 4, 30, 200, 10_000_000);
    expect(grid(result)).toBe("throws #VALUE!");
    expect(messageOf(result)).toMatch(/fewer rows or fewer periods/);
  });
});

describe("FORECAST", () => {
  test("spills n × horizon; a bad cell errors its own row across the horizon", () => {
    expect(
      grid(
        call(
          "FORECAST",
          [
            [10, 12, 14],
            [1, "x", 3],
            ["", "", ""],
          ],
          2,
          "naive",
        ),
      ),
    ).toEqual([
      [14, 14],
      ["#VALUE!", "#VALUE!"],
      ["#DIV/0!", "#DIV/0!"],
    ]);
  });

  test("method is case-insensitive with spaces ignored; blank or omitted is auto", () => {
    const history = [[10, 20, 30, 20, 11, 21, 31, 21, 12, 22, 32, 22]];
    const auto = grid(call("FORECAST", history, 4, null, 4));
    expect(grid(call("FORECAST", history, 4, " AUTO ", 4))).toEqual(auto);
    expect(grid(call("FORECAST", history, 4, "", 4))).toEqual(auto);
  });

  test.each([
    [[[[1, 2, 3]], 0], "throws #NUM!"],
    [[[[1, 2, 3]], 1.5], "throws #NUM!"],
    [[[[1, 2, 3]], 2, "auto", 0], "throws #NUM!"],
    [[[[1, 2, 3]], 2, "arima"], "throws #VALUE!"],
    [[[[1, 2, 3]], "two"], "throws #VALUE!"],
    [[[[1, 2, 3]], null], "throws #N/A"],
  ])("FORECAST(%j) → %s", (args, expected) => {
    expect(grid(call("FORECAST", ...args))).toBe(expected);
  });

  test("a result over 400,000 cells is #VALUE! before any work", () => {
    const history = Array.from({ length: 10_000 }, () => [1, 2, 3]);
    expect(grid(call("FORECAST", history, 41))).toBe("throws #VALUE!");
  });
});
