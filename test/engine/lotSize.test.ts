/** EOQ against Chopra & Meindl (6th ed.) Example 11-1 and hand-derived values. */
import { ErrorKind } from "../../src/engine/errors";
import { eoqInto } from "../../src/engine/lotSize";

function eoq(d: number, s: number, c: number, h: number) {
  const out = new Float64Array(1);
  const status = new Uint8Array(1);
  eoqInto(out, status, Float64Array.of(d), Float64Array.of(s), Float64Array.of(c), Float64Array.of(h));
  return { value: out[0], status: status[0] as ErrorKind };
}

describe("eoq", () => {
  test("Chopra & Meindl Example 11-1 (Best Buy): D = 12,000, S = $4,000, C = $500, h = 0.2 → Q* = 980", () => {
    const { value } = eoq(12000, 4000, 500, 0.2);
    expect(Math.round(value)).toBe(980);
    expect(value).toBeCloseTo(Math.sqrt(960000), 9); // √(2·12000·4000 ÷ 100), hand-derived
  });

  test("hand-derived: √(2·1000·10 ÷ (0.2·5)) = √20000", () => {
    expect(eoq(1000, 10, 5, 0.2).value).toBeCloseTo(141.42135623730951, 12);
  });

  test("2·D·S beyond the largest double still gives the representable answer", () => {
    const { value, status } = eoq(1e300, 1e300, 1, 2); // √(1e600) = 1e300
    expect(status).toBe(ErrorKind.None);
    expect(Math.abs(value - 1e300) / 1e300).toBeLessThan(1e-15);
  });

  test("a result beyond the largest double is #NUM!", () => {
    expect(eoq(1e300, 1e300, 1e-300, 1e-300).status).toBe(ErrorKind.Num);
  });

  test("negative inputs are #NUM! in argument order, then zero unit cost or rate is #DIV/0!", () => {
    expect(eoq(-1, 10, 5, 0.2).status).toBe(ErrorKind.Num);
    expect(eoq(1, -10, 5, 0.2).status).toBe(ErrorKind.Num);
    expect(eoq(1, 10, -5, 0.2).status).toBe(ErrorKind.Num);
    expect(eoq(1, 10, 5, -0.2).status).toBe(ErrorKind.Num);
    expect(eoq(1, 10, 0, 0.2).status).toBe(ErrorKind.DivZero);
    expect(eoq(1, 10, 5, 0).status).toBe(ErrorKind.DivZero);
    expect(eoq(1, 10, 0, -0.2).status).toBe(ErrorKind.Num);
  });

  test("zero demand or order cost orders nothing", () => {
    expect(eoq(0, 10, 5, 0.2).value).toBe(0);
    expect(eoq(100, 0, 5, 0.2).value).toBe(0);
  });
});
