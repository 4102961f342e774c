/**
 * Safety stock, σ_LT, service level, fill rate and reorder point against textbook instances
 * (Chopra & Meindl, "Supply Chain Management: Strategy, Planning, and Operation", 6th ed., ch. 12)
 * and 60-digit mpmath references (noted per case).
 */
import { ErrorKind } from "../../src/engine/errors";
import {
  ServiceMethod,
  expectedShortage,
  fillRateInto,
  fillRateSafetyStockUnchecked,
  reorderPointInto,
  safetyStock,
  safetyStockInto,
  serviceLevelInto,
  sigmaLt,
} from "../../src/engine/safetyStock";
import { normLoss } from "../../src/engine/normal";

function rel(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

/** Runs a kernel on one row and returns [value, status]. */
function one(
  kernel: (out: Float64Array, status: Uint8Array, ...cols: Float64Array[]) => void,
  ...xs: number[]
) {
  const out = new Float64Array(1);
  const status = new Uint8Array(1);
  kernel(out, status, ...xs.map((x) => Float64Array.of(x)));
  return { value: out[0], status: status[0] as ErrorKind };
}

describe("sigmaLt", () => {
  test("Chopra & Meindl Example 12-7 (lead-time uncertainty): D = 2,500/day, σD = 500, L = 7, sL = 7 → σL = 17,550", () => {
    expect(Math.round(sigmaLt(500, 7, 2500, 7))).toBe(17550);
    expect(rel(sigmaLt(500, 7, 2500, 7), 17549.928774784244121)).toBeLessThan(1e-15);
  });

  test("demand only: σD·√L; the review period extends the interval to L + R", () => {
    expect(sigmaLt(500, 2)).toBeCloseTo(707.10678118654752, 10);
    expect(sigmaLt(10, 3, 0, 0, 1)).toBe(20);
  });

  test("a negative mean uses |mean|", () => {
    expect(sigmaLt(10, 4, -50, 2)).toBe(sigmaLt(10, 4, 50, 2));
  });

  test("hypot form: huge inputs do not overflow in the squares", () => {
    expect(rel(sigmaLt(1e200, 4), 2e200)).toBeLessThan(1e-15);
    expect(rel(sigmaLt(3e-200, 1, 4e-200, 1), 5e-200)).toBeLessThan(1e-15);
  });

  test("negative SD, lead time, lead-time SD or review period is #NUM!", () => {
    expect(() => sigmaLt(-1, 1)).toThrow(expect.objectContaining({ kind: ErrorKind.Num }));
    expect(() => sigmaLt(1, -1)).toThrow(expect.objectContaining({ kind: ErrorKind.Num }));
    expect(() => sigmaLt(1, 1, 0, -1)).toThrow(expect.objectContaining({ kind: ErrorKind.Num }));
    expect(() => sigmaLt(1, 1, 0, 0, -1)).toThrow(expect.objectContaining({ kind: ErrorKind.Num }));
    expect(() => sigmaLt(1e300, 1e300)).toThrow(expect.objectContaining({ kind: ErrorKind.Num }));
  });
});

describe("safetyStock, cycle service", () => {
  test("Chopra & Meindl Example 12-7: CSL 0.90 with lead-time uncertainty → ss = 22,491", () => {
    const ss = safetyStock(0.9, 500, 7, { mean: 2500, leadTimeSd: 7 });
    expect(Math.round(ss)).toBe(22491);
    expect(rel(ss, 22491.138696520982217)).toBeLessThan(1e-12);
  });

  test("hand-derived: z(0.95)·10·√4 = 32.8970725390294 (mpmath)", () => {
    expect(rel(safetyStock(0.95, 10, 4), 32.897072539029445686)).toBeLessThan(1e-12);
  });

  test("service at or below 50% needs no buffer; σ_LT = 0 gives 0", () => {
    expect(safetyStock(0.5, 10, 4)).toBe(0);
    expect(safetyStock(0.3, 10, 4)).toBe(0);
    expect(safetyStock(0.99, 0, 4)).toBe(0);
    expect(safetyStock(0.99, 10, 0)).toBe(0);
  });

  test("service level outside (0, 1) is #NUM!", () => {
    for (const p of [0, 1, -0.5, 1.5]) {
      expect(() => safetyStock(p, 10, 4)).toThrow(expect.objectContaining({ kind: ErrorKind.Num }));
    }
  });

  test("the vectorised kernel skips rows already decided and caches z across equal service levels", () => {
    const n = 4;
    const out = new Float64Array(n);
    const status = Uint8Array.of(0, 255, 0, 0);
    const col = (...xs: number[]) => Float64Array.from(xs);
    const fill = (x: number) => new Float64Array(n).fill(x);
    safetyStockInto(
      out,
      status,
      col(0.95, 0.95, 0.95, 0.99),
      fill(10),
      fill(4),
      fill(0),
      fill(0),
      fill(0),
      fill(ServiceMethod.Cycle),
      fill(NaN),
    );
    expect(status).toEqual(Uint8Array.of(0, 255, 0, 0));
    expect(out[1]).toBe(0);
    expect(out[0]).toBe(out[2]);
    expect(rel(out[3], 2.3263478740408407676 * 20)).toBeLessThan(1e-12);
  });
});

describe("safetyStock, fill rate (Type II)", () => {
  test("Chopra & Meindl Example 12-6: Q = 10,000, σL = 707, fill rate 0.975 → ss = 67", () => {
    const ss = safetyStock(0.975, 500, 2, { method: ServiceMethod.Fill, orderQty: 10000 });
    expect(Math.round(ss)).toBe(67);
    expect(rel(ss, 66.697557946442412854)).toBeLessThan(1e-10);
  });

  test.each([
    [0.99, 10, 100, 9.0234634751003403718],
    [0.999999999, 10, 1, 60.704613735208572953],
    [0.5, 1, 1e-300, 36.96829521849492003],
    [1 - 1e-12, 1e300, 1e-300, 5.2921158041233489322e301],
  ])("β = %p, σ = %p, Q = %p → %p (mpmath root of σ·G(k) = (1 − β)·Q)", (beta, sigma, q, expected) => {
    expect(rel(fillRateSafetyStockUnchecked(beta, sigma, q), expected)).toBeLessThan(1e-10);
  });

  test("a huge order quantity needs no buffer; Q = 0 would need an infinite one", () => {
    expect(fillRateSafetyStockUnchecked(0.95, 1, 1e12)).toBe(0);
    expect(fillRateSafetyStockUnchecked(0.95, 1, 1e308)).toBe(0);
    expect(fillRateSafetyStockUnchecked(0.95, 1, 0)).toBeNaN();
    expect(() => safetyStock(0.95, 1, 1, { method: ServiceMethod.Fill, orderQty: 0 })).toThrow(
      expect.objectContaining({ kind: ErrorKind.Num }),
    );
  });

  test("the root satisfies σ·G(k) = (1 − β)·Q to full precision across a grid", () => {
    for (const beta of [0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999999]) {
      for (const q of [1, 10, 100, 1000]) {
        const sigma = 25;
        const ss = fillRateSafetyStockUnchecked(beta, sigma, q);
        if (ss > 0) expect(rel(sigma * normLoss(ss / sigma), (1 - beta) * q)).toBeLessThan(1e-12);
        else expect((1 - beta) * q).toBeGreaterThanOrEqual(sigma * normLoss(0) * (1 - 1e-15));
      }
    }
  });

  test("σ_LT = 0 gives 0; the order quantity is required (#VALUE!) and must not be negative (#NUM!)", () => {
    expect(safetyStock(0.99, 0, 4, { method: ServiceMethod.Fill, orderQty: 5 })).toBe(0);
    expect(() => safetyStock(0.99, 1, 4, { method: ServiceMethod.Fill })).toThrow(
      expect.objectContaining({ kind: ErrorKind.Value }),
    );
    expect(() => safetyStock(0.99, 1, 4, { method: ServiceMethod.Fill, orderQty: -1 })).toThrow(
      expect.objectContaining({ kind: ErrorKind.Num }),
    );
  });
});

describe("serviceLevel", () => {
  test("Chopra & Meindl Example 12-2: D = 2,500, σD = 500, L = 2, ROP = 6,000 → ss = 1,000, CSL = 0.92", () => {
    const { value, status } = one(serviceLevelInto, 1000, 500, 2, 0, 0, 0);
    expect(status).toBe(ErrorKind.None);
    expect(value).toBeCloseTo(0.92, 2);
    expect(rel(value, 0.92135039647485743467)).toBeLessThan(1e-13);
  });

  test("inverts safetyStock; σ_LT = 0 is #DIV/0!", () => {
    const ss = safetyStock(0.97, 12, 3, { mean: 40, leadTimeSd: 0.5, review: 1 });
    expect(rel(one(serviceLevelInto, ss, 12, 3, 40, 0.5, 1).value, 0.97)).toBeLessThan(1e-13);
    expect(one(serviceLevelInto, 5, 0, 3, 0, 0, 0).status).toBe(ErrorKind.DivZero);
  });
});

describe("fillRate", () => {
  test("Chopra & Meindl Example 12-3: ss = 1,000, σL = 707, Q = 10,000 → ESC = 25.13, fill rate 0.9975", () => {
    const sigma = 500 * Math.SQRT2;
    expect(expectedShortage(1000, sigma)).toBeCloseTo(25.13, 2);
    const { value } = one(fillRateInto, 10000, 1000, sigma);
    expect(value).toBeCloseTo(0.9975, 4);
    expect(rel(value, 0.99748727291699938895)).toBeLessThan(1e-13);
  });

  test("σ = 0 is the deterministic limit 1 − max(0, −ss)/Q; not clamped below 0", () => {
    expect(one(fillRateInto, 100, 20, 0).value).toBe(1);
    expect(one(fillRateInto, 100, -20, 0).value).toBe(0.8);
    expect(one(fillRateInto, 10, -50, 1).value).toBeLessThan(-3);
  });

  test("Q = 0 is #DIV/0!; negative Q or σ is #NUM!", () => {
    expect(one(fillRateInto, 0, 1, 1).status).toBe(ErrorKind.DivZero);
    expect(one(fillRateInto, -1, 1, 1).status).toBe(ErrorKind.Num);
    expect(one(fillRateInto, 1, 1, -1).status).toBe(ErrorKind.Num);
  });

  test("a huge shortfall neither cancels nor overflows", () => {
    expect(rel(expectedShortage(-1e300, 1e-10), 1e300)).toBeLessThan(1e-15);
  });
});

describe("reorderPoint", () => {
  test("Chopra & Meindl Example 12-2: 2,500 × 2 + 1,000 = 6,000", () => {
    expect(one(reorderPointInto, 2500, 2, 1000).value).toBe(6000);
  });

  test("negative lead time is #NUM!; negative mean is allowed", () => {
    expect(one(reorderPointInto, 10, -1, 0).status).toBe(ErrorKind.Num);
    expect(one(reorderPointInto, -10, 2, 5).value).toBe(-15);
  });
});
