/**
 * Working-capital metrics, hand-derived. A distributor with quarterly inventory of 100, 120, 110,
 * 130 (average 115) and annual COGS of 730: DIO = 115 ÷ 730 × 365 = 57.5 days. With DSO 45 and
 * DPO 30, CCC = 57.5 + 45 − 30 = 72.5 days. Turns = 730 ÷ 115 = 6.3478…
 */
import { ErrorKind } from "../../src/engine/errors";
import {
  cashConversionCycleDays,
  cashConversionCycleInto,
  cashReleaseInto,
  daysOfSupplyInto,
  daysOutstanding,
  gmroiiInto,
  inventoryTurns,
} from "../../src/engine/workingCapital";

const f = (...xs: number[]) => Float64Array.from(xs);

function row(
  kernel: (out: Float64Array, status: Uint8Array, ...cols: Float64Array[]) => void,
  ...xs: number[]
) {
  const out = new Float64Array(1);
  const status = new Uint8Array(1);
  kernel(out, status, ...xs.map((x) => f(x)));
  return { value: out[0], status: status[0] as ErrorKind };
}

describe("daysOutstanding (DIO, DSO, DPO)", () => {
  test("hand-derived DIO = 115 ÷ 730 × 365 = 57.5", () => {
    expect(daysOutstanding({ balances: f(100, 120, 110, 130), flows: f(730) })).toBe(57.5);
  });

  test("flows are summed: monthly COGS of 60.8333 for 12 months ≈ annual 730", () => {
    expect(daysOutstanding({ balances: f(115), flows: new Float64Array(12).fill(730 / 12) })).toBeCloseTo(
      57.5,
      12,
    );
  });

  test("a 90-day quarter: 50 ÷ 300 × 90 = 15", () => {
    expect(daysOutstanding({ balances: f(50), flows: f(300) }, 90)).toBe(15);
  });

  test("the result does not depend on the order of the rows (compensated sums)", () => {
    const flows = f(1e16, 1, -0, 1, 1, 1);
    const reversed = flows.slice().reverse();
    expect(daysOutstanding({ balances: f(1), flows }, 1)).toBe(
      daysOutstanding({ balances: f(1), flows: reversed }, 1),
    );
  });

  test("errors: negative balances or flows or days ≤ 0 → #NUM!; no balances or Σ flow = 0 → #DIV/0!", () => {
    const kind = (fn: () => unknown) => {
      try {
        fn();
        return ErrorKind.None;
      } catch (e) {
        return (e as { kind: ErrorKind }).kind;
      }
    };
    expect(kind(() => daysOutstanding({ balances: f(-1), flows: f(10) }))).toBe(ErrorKind.Num);
    expect(kind(() => daysOutstanding({ balances: f(1), flows: f(-10) }))).toBe(ErrorKind.Num);
    expect(kind(() => daysOutstanding({ balances: f(1), flows: f(10) }, 0))).toBe(ErrorKind.Num);
    expect(kind(() => daysOutstanding({ balances: f(), flows: f(10) }))).toBe(ErrorKind.DivZero);
    expect(kind(() => daysOutstanding({ balances: f(1), flows: f(0, 0) }))).toBe(ErrorKind.DivZero);
    expect(kind(() => daysOutstanding({ balances: f(-1), flows: f(0) }))).toBe(ErrorKind.Num);
  });
});

describe("inventoryTurns", () => {
  test("hand-derived 730 ÷ 115", () => {
    expect(inventoryTurns(f(730), f(100, 120, 110, 130))).toBeCloseTo(6.3478260869565215, 14);
  });

  test("average inventory 0 or no inventory numbers → #DIV/0!", () => {
    expect(() => inventoryTurns(f(1), f(0, 0))).toThrow(expect.objectContaining({ kind: ErrorKind.DivZero }));
    expect(() => inventoryTurns(f(1), f())).toThrow(expect.objectContaining({ kind: ErrorKind.DivZero }));
    expect(() => inventoryTurns(f(-1), f(1))).toThrow(expect.objectContaining({ kind: ErrorKind.Num }));
  });
});

describe("cash conversion cycle", () => {
  test("hand-derived 57.5 + 45 − 30 = 72.5; negative terms allowed", () => {
    expect(cashConversionCycleDays(57.5, 45, 30)).toBe(72.5);
    expect(row(cashConversionCycleInto, 10, 5, 40).value).toBe(-25);
  });

  test("compensated: 1e16 + 1 − 1e16 = 1, not 0", () => {
    expect(cashConversionCycleDays(1e16, 1, 1e16)).toBe(1);
  });
});

describe("cash release", () => {
  test("hand-derived: (57.5 − 40) × 730 ÷ 365 = 35", () => {
    expect(row(cashReleaseInto, 57.5, 40, 730, 365).value).toBe(35);
  });

  test("already at or below target releases nothing", () => {
    expect(row(cashReleaseInto, 30, 40, 730, 365).value).toBe(0);
  });

  test("days < 0 or negative COGS → #NUM!; days = 0 → #DIV/0!", () => {
    expect(row(cashReleaseInto, 50, 40, 730, -1).status).toBe(ErrorKind.Num);
    expect(row(cashReleaseInto, 50, 40, -730, 365).status).toBe(ErrorKind.Num);
    expect(row(cashReleaseInto, 50, 40, 730, 0).status).toBe(ErrorKind.DivZero);
  });
});

describe("GMROII and days of supply", () => {
  test("GMROII: margin 300 on average inventory cost 120 = 2.5; negative margin allowed", () => {
    expect(row(gmroiiInto, 300, 120).value).toBe(2.5);
    expect(row(gmroiiInto, -60, 120).value).toBe(-0.5);
    expect(row(gmroiiInto, 60, 0).status).toBe(ErrorKind.DivZero);
    expect(row(gmroiiInto, 60, -1).status).toBe(ErrorKind.Num);
  });

  test("days of supply: 500 on hand at 20 a day = 25 days", () => {
    expect(row(daysOfSupplyInto, 500, 20).value).toBe(25);
    expect(row(daysOfSupplyInto, -40, 20).value).toBe(-2);
    expect(row(daysOfSupplyInto, 500, 0).status).toBe(ErrorKind.DivZero);
    expect(row(daysOfSupplyInto, 500, -1).status).toBe(ErrorKind.Num);
  });
});
