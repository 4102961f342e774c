/**
 * Syntetos–Boylan–Croston demand classes (J. Oper. Res. Soc. 56 (2005) 495–503), hand-derived.
 * ADI = non-blank periods ÷ periods with non-zero demand; CV² = sample variance (n − 1) ÷ mean² of
 * the non-zero sizes; cut-offs ADI 1.32, CV² 0.49, a value on a cut going to the upper class.
 */
import {
  ADI_CUT,
  CV2_CUT,
  DemandClass,
  classifyDemand,
  demandClass,
  demandClassInto,
  demandPatternOfRow,
} from "../../src/engine/demandClass";
import { ErrorKind } from "../../src/engine/errors";

const f = (...xs: number[]) => Float64Array.from(xs);
const pattern = (...xs: number[]) => demandPatternOfRow(f(...xs), xs.length, 0);
const repeat = (x: number, n: number) => new Array<number>(n).fill(x);

test("the published cut-offs", () => {
  expect(ADI_CUT).toBe(1.32);
  expect(CV2_CUT).toBe(0.49);
});

describe("one hand-computed row per class", () => {
  test("smooth: [10, 12, 8, 10] → ADI 4/4 = 1; mean 10, Σd² = 0+4+4+0 = 8, s² = 8/3, CV² = (8/3)/100", () => {
    const p = pattern(10, 12, 8, 10);
    expect(p).toMatchObject({ kind: ErrorKind.None, periods: 4, demands: 4, adi: 1 });
    expect(p.cv2).toBeCloseTo(8 / 300, 15);
    expect(demandClass([10, 12, 8, 10])).toBe("smooth");
  });

  test("erratic: [1, 10, 1, 10] → ADI 1; mean 5.5, d = ±4.5, s² = 81/3 = 27, CV² = 27/30.25 = 0.8926", () => {
    const p = pattern(1, 10, 1, 10);
    expect(p.adi).toBe(1);
    expect(p.cv2).toBeCloseTo(27 / 30.25, 15);
    expect(demandClass([1, 10, 1, 10])).toBe("erratic");
  });

  test("intermittent: [0, 10, 0, 12, 0, 8] → ADI 6/3 = 2; sizes 10, 12, 8: s² = 8/2 = 4, CV² = 4/100", () => {
    const p = pattern(0, 10, 0, 12, 0, 8);
    expect(p).toMatchObject({ periods: 6, demands: 3, adi: 2 });
    expect(p.cv2).toBeCloseTo(0.04, 15);
    expect(demandClass([0, 10, 0, 12, 0, 8])).toBe("intermittent");
  });

  test("lumpy: [0, 1, 0, 0, 10, 0] → ADI 6/2 = 3; sizes 1, 10: s² = 2·4.5² = 40.5, CV² = 40.5/30.25", () => {
    const p = pattern(0, 1, 0, 0, 10, 0);
    expect(p).toMatchObject({ periods: 6, demands: 2, adi: 3 });
    expect(p.cv2).toBeCloseTo(40.5 / 30.25, 15);
    expect(demandClass([0, 1, 0, 0, 10, 0])).toBe("lumpy");
  });
});

describe("conventions", () => {
  test("blanks are skipped, zeros are periods: [·, 10, ·, 12, 8] has ADI 3/3; [0, 10, 0, 12, 8] has 5/3", () => {
    expect(pattern(NaN, 10, NaN, 12, 8)).toMatchObject({ periods: 3, demands: 3, adi: 1 });
    expect(demandClass([NaN, 10, NaN, 12, 8])).toBe("smooth");
    expect(pattern(0, 10, 0, 12, 8).adi).toBe(5 / 3);
    expect(demandClass([0, 10, 0, 12, 8])).toBe("intermittent");
  });

  test("leading and trailing zero periods count: [0, 5, 5, 0] → ADI 4/2 = 2", () => {
    expect(pattern(0, 5, 5, 0).adi).toBe(2);
  });

  test("a single non-zero demand has CV² = 0: [0, 0, 7, 0] → ADI 4, intermittent", () => {
    expect(pattern(0, 0, 7, 0)).toMatchObject({ demands: 1, adi: 4, cv2: 0 });
    expect(demandClass([0, 0, 7, 0])).toBe("intermittent");
    expect(demandClass([7])).toBe("smooth"); // ADI 1/1
  });

  test("−0 is a zero period", () => {
    expect(pattern(-0, 4, 4).adi).toBe(1.5);
  });
});

describe("values exactly on the cuts go to the upper class", () => {
  test("ADI = 33/25 = 1.32 exactly: 25 demands of 5 and 8 zeros → intermittent; 7 zeros (1.28) → smooth", () => {
    const onCut = [...repeat(5, 25), ...repeat(0, 8)];
    expect(pattern(...onCut)).toMatchObject({ periods: 33, demands: 25, adi: 1.32, cv2: 0 });
    expect(demandClass(onCut)).toBe("intermittent");
    const below = [...repeat(5, 25), ...repeat(0, 7)];
    expect(pattern(...below).adi).toBe(1.28);
    expect(demandClass(below)).toBe("smooth");
  });

  test("CV² = 0.49 exactly: [17, 3, 10] → mean 10, s² = (49 + 49 + 0)/2 = 49, CV² = 49/100 → erratic", () => {
    expect(pattern(17, 3, 10)).toMatchObject({ adi: 1, cv2: 0.49 });
    expect(demandClass([17, 3, 10])).toBe("erratic");
  });

  test("CV² = 0.48 just below: [14, 14, 2] → mean 10, s² = (16 + 16 + 64)/2 = 48 → smooth", () => {
    expect(pattern(14, 14, 2).cv2).toBe(0.48);
    expect(demandClass([14, 14, 2])).toBe("smooth");
  });

  test("both on the cut → lumpy: 12 × 17, 12 × 3, 1 × 10 and 8 zeros (ADI 33/25, s² = 24·49/24)", () => {
    const row = [...repeat(17, 12), ...repeat(0, 4), ...repeat(3, 12), 10, ...repeat(0, 4)];
    expect(pattern(...row)).toMatchObject({ periods: 33, demands: 25, adi: 1.32, cv2: 0.49 });
    expect(demandClass(row)).toBe("lumpy");
  });

  test("classifyDemand on and around the cuts", () => {
    const below = (x: number) => x - Number.EPSILON;
    expect(classifyDemand(below(ADI_CUT), below(CV2_CUT))).toBe("smooth");
    expect(classifyDemand(below(ADI_CUT), CV2_CUT)).toBe("erratic");
    expect(classifyDemand(ADI_CUT, below(CV2_CUT))).toBe("intermittent");
    expect(classifyDemand(ADI_CUT, CV2_CUT)).toBe("lumpy");
  });
});

describe("edge cases", () => {
  test("no non-zero demand is #DIV/0! (ADI = T ÷ 0): all zeros, all blank, empty", () => {
    const divZero = expect.objectContaining({ kind: ErrorKind.DivZero });
    expect(() => demandClass([0, 0, 0])).toThrow(divZero);
    expect(() => demandClass([NaN, NaN])).toThrow(divZero);
    expect(() => demandClass([])).toThrow(divZero);
    expect(pattern(0, NaN, 0)).toMatchObject({ kind: ErrorKind.DivZero, periods: 2, demands: 0 });
  });

  test("a negative or infinite demand is #NUM!, even in a row with no other demand", () => {
    const num = expect.objectContaining({ kind: ErrorKind.Num });
    expect(() => demandClass([5, -1, 5])).toThrow(num);
    expect(() => demandClass([0, -1, 0])).toThrow(num);
    expect(() => demandClass([5, Infinity])).toThrow(num);
    expect(() => demandClass([5, -Infinity])).toThrow(num);
  });

  test("rows of extreme magnitude: scaling by 2^±900 changes neither ADI nor CV²", () => {
    const base = pattern(0, 1, 0, 0, 10, 3);
    for (const scale of [2 ** 900, 2 ** -900]) {
      const scaled = pattern(0, scale, 0, 0, 10 * scale, 3 * scale);
      expect(scaled.adi).toBe(base.adi);
      expect(scaled.cv2).toBe(base.cv2);
    }
  });

  test("large common level: [1e8 + 1, 1e8 + 2, 1e8 + 3] → s² = 1, CV² = 1/(1e8 + 2)² (two-pass, no cancellation)", () => {
    const p = pattern(1e8 + 1, 1e8 + 2, 1e8 + 3);
    expect(Math.abs(p.cv2 * (1e8 + 2) ** 2 - 1)).toBeLessThan(1e-12);
  });

  test("order of the periods does not change CV²", () => {
    const a = pattern(0.1, 0.2, 0.3, 1e-3, 7, 0, 0.7);
    const b = pattern(0.7, 0, 7, 1e-3, 0.3, 0.2, 0.1);
    expect(b.cv2).toBe(a.cv2);
  });
});

describe("demandClassInto", () => {
  test("row by row: classes, statistics, errors in their own rows, pre-set rows skipped", () => {
    // 4 rows × 4 periods
    const history = f(10, 12, 8, 10, 0, 1, 10, 0, 0, 0, NaN, 0, 5, -2, 5, 5);
    const labels = new Array<DemandClass>(5).fill("smooth");
    const status = new Uint8Array(5);
    status[4] = ErrorKind.Value; // the caller already decided row 4 (no history for it)
    const adi = new Float64Array(5);
    const cv2 = new Float64Array(5);
    demandClassInto(labels, status, history, 4, adi, cv2);
    expect(Array.from(status)).toEqual([0, 0, ErrorKind.DivZero, ErrorKind.Num, ErrorKind.Value]);
    expect(labels[0]).toBe("smooth");
    expect(labels[1]).toBe("lumpy"); // ADI 4/2 = 2, CV² = 40.5/30.25
    expect(adi[1]).toBe(2);
    expect(cv2[1]).toBeCloseTo(40.5 / 30.25, 15);
    expect(adi[2]).toBe(0); // error rows left alone
  });

  test("without the optional statistic columns", () => {
    const labels = new Array<DemandClass>(2);
    const status = new Uint8Array(2);
    demandClassInto(labels, status, f(1, 10, 1, 10, 0, 3, 0, 3), 4);
    expect(labels).toEqual(["erratic", "intermittent"]);
  });
});
