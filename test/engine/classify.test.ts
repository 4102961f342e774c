/**
 * ABC and XYZ classification, hand-derived. ABC follows the convention of DESIGN §3: an item is A
 * when the cumulative value share of the items ranked before it is below a_cut.
 */
import { abcClasses, demandCvInto, rowMoments, xyzClasses } from "../../src/engine/classify";
import { ErrorKind } from "../../src/engine/errors";

const f = (...xs: number[]) => Float64Array.from(xs);

describe("abcClasses", () => {
  test("a share exactly on a cut is classified exactly: [80, 15, 5] → A, B, C", () => {
    expect(abcClasses(f(80, 15, 5))).toEqual(["A", "B", "C"]);
  });

  test("both cuts hit exactly: [70, 10, 15, 5] → A, B, A, C", () => {
    // Ranked 70, 15, 10, 5; shares before them 0, 0.7, 0.85, 0.95: the last is not < 0.95 → C.
    expect(abcClasses(f(70, 10, 15, 5))).toEqual(["A", "B", "A", "C"]);
  });

  test("ranked by value, largest first; ties keep input order", () => {
    // total 100: ranks 50 (A), 20 (A, share before 0.5), 20 (A, 0.7), 10 (C, 0.9 ≥ 0.8 and < 0.95 → B)
    expect(abcClasses(f(20, 50, 10, 20))).toEqual(["A", "A", "B", "A"]);
  });

  test("all C when the total is 0; zeros after positives are C", () => {
    expect(abcClasses(f(0, 0, 0))).toEqual(["C", "C", "C"]);
    expect(abcClasses(f(10, 0))).toEqual(["A", "C"]);
  });

  test("custom cuts: a_cut = b_cut = 0.5 leaves no B", () => {
    expect(abcClasses(f(60, 30, 10), 0.5, 0.5)).toEqual(["A", "C", "C"]);
  });
});

describe("demand CV and XYZ", () => {
  test("rowMoments: sample SD (n − 1) of [1, 2, 3] is 1, blanks skipped", () => {
    const m = rowMoments(f(1, NaN, 2, 3), 4, 0);
    expect(m).toEqual({ count: 3, mean: 2, sd: 1, cv: 0.5 });
  });

  test("demandCvInto: CV = SD ÷ mean per row; < 2 values or mean 0 → #DIV/0!", () => {
    const history = f(1, 2, 3, 5, 5, 5, 7, NaN, NaN, -1, 0, 1);
    const out = new Float64Array(4);
    const status = new Uint8Array(4);
    demandCvInto(out, status, history, 3);
    expect(out[0]).toBe(0.5);
    expect(out[1]).toBe(0);
    expect(status[2]).toBe(ErrorKind.DivZero);
    expect(status[3]).toBe(ErrorKind.DivZero);
  });

  test("negative mean gives a negative CV (negative history allowed)", () => {
    const out = new Float64Array(1);
    const status = new Uint8Array(1);
    demandCvInto(out, status, f(-1, -2, -3), 3);
    expect(out[0]).toBe(-0.5);
  });

  test("XYZ: X if CV ≤ 0.5 (exactly on the cut), Y if ≤ 1, else Z; Z for mean ≤ 0 or < 2 values", () => {
    const history = f(
      ...[1, 2, 3], // CV 0.5 → X (on the cut)
      ...[0, 0, 3], // mean 1, SD √3 → 1.73 → Z
      ...[1, 3, 5], // mean 3, SD 2 → 0.667 → Y
      ...[-1, -2, -3], // mean < 0 → Z
      ...[4, NaN, NaN], // one value → Z
    );
    expect(xyzClasses(history, 3, 5)).toEqual(["X", "Z", "Y", "Z", "Z"]);
  });

  test("rows of extreme magnitude keep their CV (no overflow or underflow in the squares)", () => {
    for (const scale of [1e-300, 1e300, 5e-324 * 2 ** 10, 1.7e308 / 3]) {
      expect(rowMoments(f(scale, 2 * scale, 3 * scale), 3, 0).cv).toBeCloseTo(0.5, 12);
    }
  });

  test("the SD of a constant row is exactly 0 however large the level", () => {
    expect(rowMoments(f(1e15 + 3, 1e15 + 3, 1e15 + 3), 3, 0).sd).toBe(0);
  });
});
