/**
 * The standard normal functions against published values and 60-digit references.
 * References: Excel's NORM.S.INV / NORM.S.DIST documentation examples; the G(k) table in
 * Silver, Pyke & Thomas (4th ed., App. II); every other expected value computed with
 * mpmath 1.3 at 60 digits (z = √2·erfinv(2p − 1), G(k) = φ(k) − k·erfc(k/√2)/2).
 */
import { erfc, logNormLoss, normCdf, normLoss, normPdf, normSInv } from "../../src/engine/normal";

function expectRelative(actual: number, expected: number, tolerance: number): void {
  if (expected === 0) {
    expect(Math.abs(actual)).toBeLessThanOrEqual(tolerance);
    return;
  }
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(tolerance);
}

describe("normSInv (AS 241)", () => {
  test("Excel documentation: NORM.S.INV(0.908789) = 1.3333", () => {
    expect(normSInv(0.908789)).toBeCloseTo(1.3333, 4);
  });

  test.each([
    [1e-12, -7.0344838253011319326],
    [1e-10, -6.3613409024040561991],
    [1e-6, -4.7534243088228989573],
    [0.001, -3.0902323061678135354],
    [0.01, -2.3263478740408410931],
    [0.025, -1.9599639845400542118],
    [0.05, -1.644853626951472688],
    [0.1, -1.2815515655446004353],
    [0.3, -0.52440051270804081597],
    [0.7, 0.52440051270804065631],
    [0.9, 1.2815515655446005935],
    [0.95, 1.6448536269514722843],
    [0.975, 1.9599639845400538556],
    [0.98, 2.0537489106318226861],
    [0.99, 2.3263478740408407676],
    [0.999, 3.0902323061678132778],
    [0.999999, 4.7534243088170877657],
    [1 - 1e-10, 6.3613408896974218642],
    [1 - 1e-12, 7.0344869100478352057],
  ])("z(%p) to 1e-12 relative (mpmath)", (p, z) => {
    expectRelative(normSInv(p), z, 1e-12);
  });

  test("z(0.5) is exactly 0 and the quantile is antisymmetric", () => {
    expect(normSInv(0.5)).toBe(0);
    // p = 2^-j so that 1 − p is exact and the two calls see mirror-image inputs.
    for (const p of [2 ** -40, 2 ** -20, 2 ** -7, 0.25, 0.375])
      expectRelative(normSInv(1 - p), -normSInv(p), 1e-14);
  });

  test("outside (0, 1) is NaN (the caller reports #NUM!)", () => {
    for (const p of [0, 1, -0.1, 1.1, NaN]) expect(normSInv(p)).toBeNaN();
  });

  test("inverts normCdf (up to x = 5, beyond which Φ(x) rounds too close to 1 to invert)", () => {
    for (let x = -8; x <= 5; x += 0.25) expectRelative(normSInv(normCdf(x)), x, x === 0 ? 1e-15 : 1e-9);
  });
});

describe("normCdf and normPdf", () => {
  test("Excel documentation: NORM.S.DIST(1.333333, TRUE) = 0.908788726", () => {
    expect(normCdf(1.333333)).toBeCloseTo(0.908788726, 9);
  });

  test.each([
    [-30, 4.9067139271481870595e-198],
    [-10, 7.619853024160526066e-24],
    [-3, 0.0013498980316300945267],
    [-1, 0.15865525393145705141],
    [0, 0.5],
    [1, 0.84134474606854294859],
    [3, 0.99865010196836990547],
  ])("Φ(%p) to 1e-13 relative, including the far lower tail", (x, p) => {
    expectRelative(normCdf(x), p, 1e-13);
  });

  test("φ(0) = 1/√(2π) and erfc(0) = 1", () => {
    expectRelative(normPdf(0), 0.398942280401432677939946, 1e-15);
    expect(erfc(0)).toBe(1);
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
  });
});

describe("normLoss G(k)", () => {
  test("Silver, Pyke & Thomas App. II table: G(0) = 0.3989, G(1) = 0.0833, G(2) = 0.0085", () => {
    expect(normLoss(0)).toBeCloseTo(0.3989, 4);
    expect(normLoss(1)).toBeCloseTo(0.0833, 4);
    expect(normLoss(2)).toBeCloseTo(0.0085, 4);
  });

  test.each([
    [-40, 40],
    [-5, 5.0000000534616553383],
    [-1, 1.0833154705876862984],
    [0, 0.39894228040143267794],
    [0.5, 0.19779655740130602959],
    [1, 0.083315470587686298383],
    [1.5, 0.029306793762604628607],
    [2, 0.00849070261682963755],
    [3, 0.00038215431704772359565],
    [5, 5.3461655338328149539e-8],
    [10, 7.4745602545893280366e-25],
    [20, 1.3700124947295799431e-90],
    [30, 1.6319567340914011894e-199],
  ])("G(%p) to 1e-12 relative: no cancellation in the tail (mpmath)", (k, g) => {
    expectRelative(normLoss(k), g, 1e-12);
  });

  test("G(k) − G(−k) = −k and G is positive and decreasing", () => {
    let previous = Infinity;
    for (let k = -20; k <= 37; k += 0.125) {
      const g = normLoss(k);
      expect(g).toBeGreaterThan(0);
      expect(g).toBeLessThan(previous);
      previous = g;
      expectRelative(normLoss(k) - normLoss(-k), -k, k === 0 ? 0 : 1e-12);
    }
  });

  test("very negative k does not overflow; huge k underflows to 0", () => {
    expect(normLoss(-1e300)).toBe(1e300);
    expect(normLoss(1e300)).toBe(0);
  });

  test("ln G stays finite where G underflows", () => {
    expectRelative(logNormLoss(10), Math.log(7.4745602545893280366e-25), 1e-14);
    expect(Number.isFinite(logNormLoss(100))).toBe(true);
    expect(logNormLoss(100)).toBeLessThan(-5000);
  });
});
