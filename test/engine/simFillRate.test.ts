/**
 * WCAP.SIMFILLRATE and its seeded generator.
 *
 * - Generator: xoshiro128** seeded by SplitMix64, checked against the outputs of the reference C
 *   code (https://prng.di.unimi.it/xoshiro128starstar.c and splitmix64.c, compiled with gcc; the
 *   state words are the low then high halves of the first two SplitMix64 outputs).
 * - Deterministic traces (demand_sd = 0) derived by hand in the comments.
 * - Statistical checks against two references, with demand_mean ≫ demand_sd so max(0, X) differs
 *   from X with negligible probability (≤ Φ(−3.3)):
 *   1. The exact stationary fill rate of the model. After ordering, the inventory position y is
 *      uniform on (s, s + Q] in steady state (Hadley & Whitin, "Analysis of Inventory Systems",
 *      1963, for (nQ, r) policies with continuous demand). The net stock before the demand of
 *      period t + L + 1 is y − D_L and after it y − D_{L+1} (D_m: demand of m periods), and the
 *      shortage in a period is the growth of backorders, so the expected shortage per period is
 *      E[(D_{L+1} − y)⁺] − E[(D_L − y)⁺] averaged over y:
 *        S = (σ₁²·(G₂(a₁) − G₂(b₁)) − σ₀²·(G₂(a₀) − G₂(b₀))) ÷ Q,   fill = 1 − S ÷ μ,
 *      with σ₁ = σ√(L+1), a₁ = ss/σ₁, b₁ = (ss + Q)/σ₁, σ₀ = σ√L, a₀ = (ss + μ)/σ₀,
 *      b₀ = (ss + μ + Q)/σ₀ and G₂(x) = ∫ₓ^∞ G = ½((x² + 1)(1 − Φ(x)) − x·φ(x)), the second-order
 *      normal loss function (Zipkin, "Foundations of Inventory Management", 2000, App. C).
 *   2. The analytic WCAP.FILLRATE, 1 − σ₁·G(ss/σ₁)/Q (Silver, Pyke & Thomas, 4th ed., eq. 7.15
 *      with R = 1), which places y at s instead of spreading it over (s, s + Q]: conservative,
 *      by little only when Q ≫ σ₁ ≫ μ (many periods of demand in the protection interval).
 *   The Monte Carlo standard error comes from 20 independent replications (seeds 1 … 20): the
 *   sample SD of the 20 fill rates is the SE of one 100,000-period run, ÷ √20 that of their mean.
 */
import { ErrorKind } from "../../src/engine/errors";
import { normCdf, normLoss, normPdf, normSInv } from "../../src/engine/normal";
import { ServiceMethod, safetyStock } from "../../src/engine/safetyStock";
import { SeededRandom, fdlibmLog, normalQuantile, seedDomain } from "../../src/engine/simulation/random";
import {
  MAX_SIM_PERIODS,
  orderMultiple,
  simFillRateDomain,
  simFillRateInto,
  simulateFillRate,
} from "../../src/engine/simulation/simFillRate";

const num = expect.objectContaining({ kind: ErrorKind.Num });
const divZero = expect.objectContaining({ kind: ErrorKind.DivZero });

describe("SeededRandom (xoshiro128** seeded by SplitMix64)", () => {
  // Reference C outputs, first six 32-bit words per seed.
  const reference: [number, number[]][] = [
    [0, [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774]],
    [1, [1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319]],
    [42, [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222]],
    [9007199254740991, [1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921]],
  ];

  test.each(reference)("seed %d matches the reference C code", (seed, words) => {
    const rng = new SeededRandom(seed);
    expect(words.map(() => rng.nextUint32())).toEqual(words);
  });

  test("reseed restarts the stream; seeds are taken modulo 2^64", () => {
    const rng = new SeededRandom(42);
    const first = [rng.nextUint32(), rng.nextUint32()];
    rng.reseed(42);
    expect([rng.nextUint32(), rng.nextUint32()]).toEqual(first);
    const same = (a: number, b: number) => {
      const x = new SeededRandom(a);
      const y = new SeededRandom(b);
      return [x.nextUint32(), x.nextUint32()].join() === [y.nextUint32(), y.nextUint32()].join();
    };
    expect(same(2 ** 64, 0)).toBe(true);
    expect(same(2 ** 64 + 4096, 4096)).toBe(true);
    expect(same(2 ** 32, 0)).toBe(false);
  });

  test("seedDomain: a whole number ≥ 0", () => {
    for (const ok of [0, 1, 2 ** 53, 1e300]) expect(seedDomain(ok)).toBe(ErrorKind.None);
    for (const bad of [-1, 0.5, NaN, Infinity, -Infinity]) expect(seedDomain(bad)).toBe(ErrorKind.Num);
  });

  test("nextFloat is k·2^-53 in [0, 1); nextOpenFloat is (k + ½)·2^-52 in (0, 1)", () => {
    const rng = new SeededRandom(3);
    let offGrid = 0;
    for (let i = 0; i < 100000; i++) {
      const u = rng.nextFloat();
      if (!(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 53))) offGrid++;
      const v = rng.nextOpenFloat();
      if (!(v > 0 && v < 1 && Number.isInteger(v * 2 ** 52 - 0.5))) offGrid++;
    }
    expect(offGrid).toBe(0);
  });

  test("fdlibmLog is bit for bit V8's Math.log (an fdlibm port), including specials and subnormals", () => {
    const rng = new SeededRandom(11);
    const specials = [0, -0, -1, 1, 2, 0.5, Infinity, -Infinity, NaN, 5e-324, 2.2250738585072014e-308];
    for (const x of specials) expect(Object.is(fdlibmLog(x), Math.log(x))).toBe(true);
    let mismatches = 0;
    for (let i = 0; i < 100000; i++) {
      // random mantissa × 2^e with e over the whole range, plus values within 2^-20 of 1
      const x = rng.nextFloat() * 2 ** (Math.floor(rng.nextFloat() * 2100) - 1075);
      const nearOne = 1 + (rng.nextFloat() - 0.5) * 2 ** -19;
      if (!Object.is(fdlibmLog(x), Math.log(x))) mismatches++;
      if (!Object.is(fdlibmLog(nearOne), Math.log(nearOne))) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  test("normalQuantile is bit for bit normSInv (AS 241) here, tails included", () => {
    const rng = new SeededRandom(12);
    let mismatches = 0;
    for (let i = 0; i < 100000; i++) {
      const u = rng.nextOpenFloat();
      const tail = u * 1e-10;
      if (!Object.is(normalQuantile(u), normSInv(u))) mismatches++;
      if (!Object.is(normalQuantile(tail), normSInv(tail))) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(normalQuantile(0)).toBeNaN();
    expect(normalQuantile(1)).toBeNaN();
  });

  test("nextNormal: mean 0 and variance 1 within 4 standard errors over 200,000 draws", () => {
    const rng = new SeededRandom(5);
    const n = 200000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.nextNormal();
      sum += z;
      squares += z * z;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(squares / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});

describe("orderMultiple: the smallest n with IP + n·Q > s, in O(1)", () => {
  test("IP exactly at s orders one Q; a gap of exactly m·Q orders m + 1", () => {
    expect(orderMultiple(20, 20, 10)).toBe(1);
    expect(orderMultiple(0, 20, 10)).toBe(3);
    expect(orderMultiple(19.5, 20, 10)).toBe(1);
    expect(orderMultiple(-35, 20, 10)).toBe(6); // −35 + 60 = 25 > 20, −35 + 50 = 15
  });

  test("decimal quantities: the comparison holds as computed in doubles", () => {
    // 0.3/0.1 = 2.9999999999999996, n = 3, and 0 + 3·0.1 = 0.30000000000000004 > 0.3
    expect(orderMultiple(0, 0.3, 0.1)).toBe(3);
    const rng = new SeededRandom(9);
    const failures: number[][] = [];
    for (let i = 0; i < 100000; i++) {
      const q = (Math.floor(rng.nextFloat() * 1000) + 1) / 100;
      const s = Math.floor(rng.nextFloat() * 10000) / 100;
      const ip = s - Math.floor(rng.nextFloat() * 10000) / 100;
      const n = orderMultiple(ip, s, q);
      if (!(n >= 1 && ip + n * q > s && (n === 1 || ip + (n - 1) * q <= s))) failures.push([ip, s, q, n]);
    }
    expect(failures).toEqual([]);
  });
});

describe("simulateFillRate: deterministic traces (demand_sd = 0)", () => {
  test("mean 10, L 1, ss 0, Q 10: s = 10·2 = 20; the position hits s exactly each period and orders → fill 1", () => {
    // Start: net 30. t=1: serve 10 → 20; nothing due; IP = 20 = s → order 1·10 (due end of t=2).
    // t=2: serve 10 → 10; +10 arrives → 20; IP = 20 = s → order 10. Every later period repeats.
    // Had IP = s not ordered, t=3 would start with 10 on hand and the 4th period would run short.
    expect(simulateFillRate(10, 0, 1, 0, 10, 4)).toBe(1);
    expect(simulateFillRate(10, 0, 1, 0, 10, 1000)).toBe(1);
  });

  test("mean 10, L 1, ss −15, Q 10, 4 periods: served 10, 5, 5, 5 of 40 → 0.625", () => {
    // s = 20 − 15 = 5, start net 15. t=1: serve 10 → 5; IP = 5 ≤ 5 → order 10.
    // t=2: serve 5 (5 backordered) → −5; +10 → 5; IP = 5 → order 10. t=3, t=4: as t=2.
    expect(simulateFillRate(10, 0, 1, -15, 10, 4)).toBe(25 / 40);
  });

  test("mean 10, L 2, ss −12, Q 4, 6 periods: n = 2 and 3 alternate; served 10, 10, 2, 0, 2, 0 → 0.4", () => {
    // s = 30 − 12 = 18, start net 22.
    // t=1: serve 10 → 12; IP 12, n = ⌊6/4⌋ + 1 = 2 → on order 8 (due end t=3).
    // t=2: serve 10 → 2; IP 2 + 8 = 10, n = ⌊8/4⌋ + 1 = 3 → on order 8 + 12.
    // t=3: serve 2 → −8; +8 → 0; IP 0 + 12 = 12, n = 2. t=4: serve 0 → −10; +12 → 2; IP 2 + 8 = 10,
    // n = 3. From here t=5 repeats t=3 and t=6 repeats t=4: served 2, 0.
    expect(simulateFillRate(10, 0, 2, -12, 4, 6)).toBe(24 / 60);
  });

  test("mean 10, L 3, ss −30, Q 10: the stock runs out before the first arrival and never recovers", () => {
    // s = 40 − 30 = 10, start net 20. t=1: serve 10 → 10, IP 10 → order. t=2: serve 10 → 0,
    // IP 0 + 10 → order. t=3: serve 0 → −10, IP −10 + 20 → order. t=4: −20, +10 (t=1's order) →
    // −10, IP −10 + 20 → order; every later period the same. Served 20 of 10·P.
    expect(simulateFillRate(10, 0, 3, -30, 10, 8)).toBe(20 / 80);
    // A lead time beyond the horizon: nothing arrives. Above, the opening 20 serves 2 periods;
    // with L = 50, ss = −490: s = 510 − 490 = 20, the opening 30 serves 3 of 5 periods.
    expect(simulateFillRate(10, 0, 3, -30, 10, 2)).toBe(1);
    expect(simulateFillRate(10, 0, 50, -490, 10, 5)).toBe(30 / 50);
  });

  test("with zero SD the seed does not matter", () => {
    expect(simulateFillRate(10, 0, 2, -12, 4, 6, 12345)).toBe(0.4);
  });
});

/** Second-order normal loss G₂(x) = ½((x² + 1)(1 − Φ(x)) − x·φ(x)). */
function loss2(x: number): number {
  return 0.5 * ((x * x + 1) * normCdf(-x) - x * normPdf(x));
}

/** Exact stationary fill rate of the model without truncation (see the file comment). */
function stationaryFillRate(mean: number, sd: number, lead: number, ss: number, q: number): number {
  const s1 = sd * Math.sqrt(lead + 1);
  const s0 = sd * Math.sqrt(lead);
  const after = s1 * s1 * (loss2(ss / s1) - loss2((ss + q) / s1));
  const before = s0 * s0 * (loss2((ss + mean) / s0) - loss2((ss + mean + q) / s0));
  return 1 - (after - before) / q / mean;
}

/** WCAP.FILLRATE with σ = sd·√(L + 1). */
function analyticFillRate(sd: number, lead: number, ss: number, q: number): number {
  const sigma = sd * Math.sqrt(lead + 1);
  return 1 - (sigma * normLoss(ss / sigma)) / q;
}

/** Fill rates of 20 replications of 100,000 periods (seeds 1 … 20), their mean and SDs. */
function replicate(mean: number, sd: number, lead: number, ss: number, q: number) {
  const runs = Array.from({ length: 20 }, (_, i) => simulateFillRate(mean, sd, lead, ss, q, 100000, i + 1));
  const average = runs.reduce((a, b) => a + b) / runs.length;
  const sdOfOneRun = Math.sqrt(runs.reduce((a, b) => a + (b - average) ** 2, 0) / (runs.length - 1));
  return { first: runs[0], average, sdOfOneRun, seOfAverage: sdOfOneRun / Math.sqrt(runs.length) };
}

describe("simulateFillRate: statistical checks", () => {
  // [mean, sd, lead time, safety stock, Q]; the last two have Q ≫ σ₁ ≫ μ (fine time granularity).
  const cases: [number, number, number, number, number][] = [
    [100, 20, 4, 30, 200],
    [100, 25, 3, 0, 100],
    [100, 20, 1, -20, 200],
    [50, 10, 2, 10, 50],
    [10, 3, 99, 30, 300],
    [20, 5, 47, 35, 400],
  ];

  test.each(cases)(
    "mean %d, sd %d, L %d, ss %d, Q %d: within 4 SE of the exact stationary fill rate",
    (mean, sd, lead, ss, q) => {
      const { average, seOfAverage } = replicate(mean, sd, lead, ss, q);
      expect(Math.abs(average - stationaryFillRate(mean, sd, lead, ss, q))).toBeLessThan(4 * seOfAverage);
    },
  );

  test.each(cases)(
    "mean %d, sd %d, L %d, ss %d, Q %d: one default run ≥ WCAP.FILLRATE − 4 SE (the formula is conservative)",
    (mean, sd, lead, ss, q) => {
      const { first, sdOfOneRun } = replicate(mean, sd, lead, ss, q);
      expect(simulateFillRate(mean, sd, lead, ss, q)).toBe(first); // defaults: 100,000 periods, seed 1
      expect(first).toBeGreaterThanOrEqual(analyticFillRate(sd, lead, ss, q) - 4 * sdOfOneRun);
    },
  );

  test("where Q ≫ σ₁ ≫ μ the formula is close: 0 < simulated − analytic < 0.005", () => {
    for (const [mean, sd, lead, ss, q] of cases.slice(4)) {
      const gap = replicate(mean, sd, lead, ss, q).average - analyticFillRate(sd, lead, ss, q);
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThan(0.005);
    }
  });

  test("the fill-method safety stock with review_period = 1 achieves its 95% target in simulation", () => {
    const ss = safetyStock(0.95, 20, 4, { review: 1, method: ServiceMethod.Fill, orderQty: 200 });
    const { average, seOfAverage } = replicate(100, 20, 4, ss, 200);
    expect(average).toBeGreaterThan(0.95 - 4 * seOfAverage);
  });

  test("negative draws count as zero demand: mean 0, sd 1 still gives a fill rate in (0, 1)", () => {
    const rate = simulateFillRate(0, 1, 1, 0, 1, 10000);
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(1);
  });
});

describe("simulateFillRate: determinism", () => {
  test("same seed, same bits; a different seed, a different estimate", () => {
    const a = simulateFillRate(100, 20, 4, 30, 200, 20000, 7);
    expect(simulateFillRate(100, 20, 4, 30, 200, 20000, 7)).toBe(a);
    expect(simulateFillRate(100, 20, 4, 30, 200, 20000, 8)).not.toBe(a);
  });

  test("pinned value (any change to the generator or the event order changes it)", () => {
    expect(simulateFillRate(100, 20, 4, 30, 200)).toBe(0.9923488186703409);
  });

  test("common random numbers: with one seed the fill rate never falls as safety stock grows", () => {
    let previous = -Infinity;
    for (const ss of [-100, -50, -20, 0, 10, 25, 50, 80]) {
      const rate = simulateFillRate(100, 20, 4, ss, 200, 20000, 3);
      expect(rate).toBeGreaterThanOrEqual(previous);
      previous = rate;
    }
  });
});

describe("simulateFillRate: errors", () => {
  test("#NUM! for each bad argument", () => {
    for (const m of [-1, NaN, Infinity]) expect(() => simulateFillRate(m, 1, 1, 0, 10, 10)).toThrow(num);
    for (const sd of [-1, NaN, Infinity]) expect(() => simulateFillRate(10, sd, 1, 0, 10, 10)).toThrow(num);
    for (const l of [0, 1.5, -1, NaN, Infinity])
      expect(() => simulateFillRate(10, 1, l, 0, 10, 10)).toThrow(num);
    for (const ss of [NaN, Infinity, -Infinity])
      expect(() => simulateFillRate(10, 1, 1, ss, 10, 10)).toThrow(num);
    for (const q of [0, -1, NaN, Infinity]) expect(() => simulateFillRate(10, 1, 1, 0, q, 10)).toThrow(num);
    for (const p of [0, 2.5, -1, NaN, MAX_SIM_PERIODS + 1]) {
      expect(() => simulateFillRate(10, 1, 1, 0, 10, p)).toThrow(num);
    }
    for (const seed of [-1, 0.5, NaN, Infinity])
      expect(() => simulateFillRate(10, 1, 1, 0, 10, 10, seed)).toThrow(num);
  });

  test("allowed: negative safety stock, seed 0, 10,000,000 periods, lead time above the horizon", () => {
    expect(simFillRateDomain(10, 1, 1, -5, 10, MAX_SIM_PERIODS, 0)).toBe(ErrorKind.None);
    expect(simulateFillRate(10, 1, 1, -5, 10, 100, 0)).toBeGreaterThanOrEqual(0);
    expect(simulateFillRate(10, 1, 1000, 0, 10, 100)).toBe(1);
  });

  test("#DIV/0! when total demand is 0, after the domain checks", () => {
    expect(() => simulateFillRate(0, 0, 1, 0, 10)).toThrow(divZero);
    expect(() => simulateFillRate(0, 0, 1, 0, 0)).toThrow(num);
    expect(() => simulateFillRate(0, 0, 1, 0, 10, 10, -1)).toThrow(num);
  });

  test("#NUM! when the run overflows a double", () => {
    expect(() => simulateFillRate(1e306, 0, 1, 0, 1e306, 1000)).toThrow(num); // Σ demand = 1e309
    expect(() => simulateFillRate(1e307, 0, 1e300, 0, 1, 10)).toThrow(num);
    expect(() => simulateFillRate(1e6, 0, 1, 0, 1e-300, 10)).toThrow(num); // n·Q beyond 2^53 multiples
  });
});

describe("simFillRateInto", () => {
  test("row by row equals the scalar function; errors stay in their rows; pre-set rows are skipped", () => {
    const col = (...xs: number[]) => Float64Array.from(xs);
    const out = new Float64Array(5);
    const status = new Uint8Array(5);
    status[4] = ErrorKind.NotAvailable;
    simFillRateInto(
      out,
      status,
      col(100, 100, 100, 0, 100),
      col(20, 20, 20, 0, 20),
      col(5, 2, 8, 1, 1),
      col(30, 30, 30, 0, 30),
      col(200, 200, 0, 10, 200),
      col(5000, 5000, 5000, 5000, 5000),
      col(1, 2, 1, 1, 1),
    );
    expect(Array.from(status)).toEqual([0, 0, ErrorKind.Num, ErrorKind.DivZero, ErrorKind.NotAvailable]);
    expect(out[0]).toBe(simulateFillRate(100, 20, 5, 30, 200, 5000, 1));
    expect(out[1]).toBe(simulateFillRate(100, 20, 2, 30, 200, 5000, 2)); // after a longer pipeline
  });
});
