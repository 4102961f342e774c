/**
 * Stress-test mechanics against hand-derived traces.
 *
 * The "flat" SKU: 104 weeks of demand 10, lead time 2 weeks (σ_L = 0), unit cost 200, MOQ 50, the
 * default order cost 100 and holding rate 25 %. Segmentation: mean 10, SD 0 → safety stock 0,
 * reorder point 20; EOQ = √(2·520·100 ÷ (0.25·200)) = √2080 = 45.6 → lot 50 (raised to the MOQ).
 * Simulated: s = 10·(2 + 1) + 0 = 30, Q = 50; the bootstrap of a constant history gives demand 10
 * in every period. Trace from the start net stock s + Q = 80 (end-of-period net stock; orders
 * placed at the end of period t arrive at the end of t + 2):
 *   P1–P6: 70 60 50 40 30 20 (order at P5, due P7), then cycles of five periods
 *   P7–P11: 60 50 40 30 20 (order at P10, due P12), … , P52: 60.
 *   Σ on hand over 52 periods = 270 + 9·200 + 60 = 2130; receipts at P7, 12, …, 52 = 10 cycles;
 *   no stockout: fill rate 1, cycle service 1.
 */
import { DEFAULT_SIM_SEED, simulateFillRate } from "../../../src/engine/simulation/simFillRate";
import { SeededRandom, StreamSeeder } from "../../../src/engine/simulation/random";
import { drawDemand, fitDemand, readHistoryRow } from "../../../src/engine/simulation/stress/demand";
import {
  ACCUMULATORS,
  ACC_CYCLES,
  ACC_CYCLES_OK,
  ACC_DEMAND,
  ACC_ON_HAND,
  ACC_SERVED,
  ACC_STOCKOUTS,
  RunParams,
  drawLeadTime,
  leadTimeMoments,
  ringSlots,
  runReplications,
} from "../../../src/engine/simulation/stress/kernel";
import { Scenario, stressTest } from "../../../src/engine/simulation/stress";
import { withDefaults } from "../../../src/engine/segmentation/settings";
import { segment } from "../../../src/engine/segmentation/segment";
import { SkuRow, exact, flat, prepared } from "./stressFixtures";

const FLAT: SkuRow = { sku: "FLAT", unitCost: 200, onHand: 100, leadTime: 2, moq: 50, history: flat(10) };

function runFlat(scenarios: Scenario[], rows: SkuRow[] = [FLAT]) {
  const p = prepared(rows);
  return stressTest(p.segmentation, p.input, p.mapping, p.settings, exact({ scenarios }));
}

describe("the flat SKU (hand-derived trace in the file comment)", () => {
  test("the Segmentation's policy is s = 30, Q = 50", () => {
    const result = runFlat([]);
    expect(result.skus.count).toBe(1);
    expect(result.skus.demandModel[0]).toBe("bootstrap");
    expect(result.skus.safetyStock[0]).toBe(0);
    expect(result.skus.reorderLevel[0]).toBe(30);
    expect(result.skus.lotSize[0]).toBe(50);
  });

  test("baseline: fill rate 1, no stockout, average on hand 2130 ÷ 52", () => {
    const m = runFlat([]).scenarios[0].perSku;
    expect(m.demand[0]).toBe(520);
    expect(m.served[0]).toBe(520);
    expect(m.fillRate[0]).toBe(1);
    expect(m.stockoutPeriods[0]).toBe(0);
    expect(m.cycles[0]).toBe(10);
    expect(m.cycleService[0]).toBe(1);
    expect(m.averageOnHand[0]).toBeCloseTo(2130 / 52, 12);
    expect(m.averageValue[0]).toBeCloseTo((2130 / 52) * 200, 9);
  });

  test("an outage of 4 periods (P11–P14) gives exactly 2 extra stockout periods", () => {
    // The P10 order, due at the end of P12, is held until the end of P15 (the first period after
    // the outage). Net stock P12–P16: 10, 0, −10 (stockout), −20 + 50 = 30 (stockout; s reached:
    // order due P17), 20; from P17 (60) the trace is the baseline's again. Short 20 units; the
    // cycle ending with the P15 receipt had stockouts; on hand P12–P16 sums to 60 instead of 200.
    const result = runFlat([{ name: "Outage", outageStart: 11, outagePeriods: 4 }]);
    const m = result.scenarios[1].perSku;
    expect(m.stockoutPeriods[0]).toBe(2);
    expect(m.served[0]).toBe(500);
    expect(m.fillRate[0]).toBeCloseTo(500 / 520, 14);
    expect(m.cycles[0]).toBe(10);
    expect(m.cyclesWithoutStockout[0]).toBe(9);
    expect(m.averageOnHand[0]).toBeCloseTo((2130 - 140) / 52, 12);
    expect(result.scenarios[1].cashVsBaseline[0]).toBeCloseTo((-140 / 52) * 200, 9);
  });

  test("an outage of another supplier changes nothing; of this supplier (any case) it does", () => {
    const rows = [{ ...FLAT, supplier: "Acme GmbH" }];
    const other = runFlat(
      [{ name: "Other", outageSupplier: "Bolt Ltd", outageStart: 11, outagePeriods: 4 }],
      rows,
    );
    expect(other.scenarios[1].perSku.stockoutPeriods[0]).toBe(0);
    const same = runFlat(
      [{ name: "Acme", outageSupplier: " acme gmbh ", outageStart: 11, outagePeriods: 4 }],
      rows,
    );
    expect(same.scenarios[1].perSku.stockoutPeriods[0]).toBe(2);
  });

  test("a lead-time delay of +2 for the orders of P10 gives exactly 1 stockout period", () => {
    // The P10 order arrives at the end of P14 instead of P12: net stock P12–P16 is 10, 0,
    // −10 + 50 = 40 (stockout before the receipt), 30 (order, due P17), 20; then the baseline's.
    const result = runFlat([{ name: "Delay", leadTimeDelay: 2, delayStart: 10, delayPeriods: 1 }]);
    const m = result.scenarios[1].perSku;
    expect(m.stockoutPeriods[0]).toBe(1);
    expect(m.served[0]).toBe(510);
    expect(m.cyclesWithoutStockout[0]).toBe(9);
    expect(m.averageOnHand[0]).toBeCloseTo((2130 - 100) / 52, 12);
  });

  test("a delay window after the orders changes nothing", () => {
    const result = runFlat([{ name: "Late delay", leadTimeDelay: 5, delayStart: 51, delayPeriods: 1 }]);
    expect(result.scenarios[1].perSku.averageOnHand[0]).toBe(result.scenarios[0].perSku.averageOnHand[0]);
  });

  test("an MOQ of 120 re-rounds the lot to 120 (EOQ 45.6) and keeps s = 30", () => {
    // Start 150: P1–P13 140 … 20 (order at P12, due P14); then cycles of 12 periods
    // 130, 120, …, 30, 20 (Σ 900) at P14, P26, P38; P50–P52: 130, 120, 110.
    // Σ = 1040 + 3·900 + 360 = 4100; receipts P14, P26, P38, P50.
    const result = runFlat([{ name: "MOQ 120", moq: 120 }]);
    const m = result.scenarios[1].perSku;
    expect(m.averageOnHand[0]).toBeCloseTo(4100 / 52, 12);
    expect(m.cycles[0]).toBe(4);
    expect(m.fillRate[0]).toBe(1);
    expect(result.scenarios[1].cashVsBaseline[0]).toBeCloseTo(((4100 - 2130) / 52) * 200, 9);
  });

  test("an MOQ change limited to another supplier changes nothing", () => {
    const result = runFlat(
      [{ name: "MOQ other", moq: 120, moqSupplier: "Bolt" }],
      [{ ...FLAT, supplier: "Acme" }],
    );
    expect(result.scenarios[1].perSku.averageOnHand[0]).toBe(result.scenarios[0].perSku.averageOnHand[0]);
  });

  test("a +50 % demand shock in P5–P8 adds exactly 4 × 5 units of demand", () => {
    const result = runFlat([{ name: "Shock", demandShockPct: 50, shockStart: 5, shockPeriods: 4 }]);
    expect(result.scenarios[1].perSku.demand[0]).toBe(540);
    const open = runFlat([{ name: "Shock to the end", demandShockPct: -20, shockStart: 3 }]);
    expect(open.scenarios[1].perSku.demand[0]).toBeCloseTo(520 - 50 * 2, 10);
  });

  test("warm-up periods are simulated but not measured", () => {
    const p = prepared([FLAT]);
    const result = stressTest(
      p.segmentation,
      p.input,
      p.mapping,
      p.settings,
      exact({ warmup: 6, periods: 46 }),
    );
    // P7–P52 of the trace: 9 cycles (Σ 1800) + 60.
    expect(result.scenarios[0].perSku.averageOnHand[0]).toBeCloseTo(1860 / 46, 12);
    expect(result.scenarios[0].perSku.demand[0]).toBe(460);
  });

  test("the default warm-up is ⌈L⌉ + 1 + ⌈Q ÷ mean⌉ = 2 + 1 + 5", () => {
    const p = prepared([FLAT]);
    const settings = { ...exact(), warmup: undefined };
    expect(stressTest(p.segmentation, p.input, p.mapping, p.settings, settings).skus.warmup[0]).toBe(8);
  });
});

describe("the policy simulated is the Segmentation's", () => {
  test("current policy: SS = on hand − Q/2 − one period's demand, so its simulated average stock is today's", () => {
    // FLAT: on hand 100, Q 50, demand 10 → SS 65, s = 10·(2 + 1) + 65 = 95. End-of-period stock
    // then averages s + Q/2 − L·10 = 100 (the old on hand − Q/2 made it 115: 23,000 vs 20,000).
    const p = prepared([FLAT]);
    const result = stressTest(
      p.segmentation,
      p.input,
      p.mapping,
      p.settings,
      exact({ periods: 520, warmup: undefined, serviceGrid: [0.95] }),
    );
    expect(Math.abs(result.current!.averageOnHand[0] - 100)).toBeLessThanOrEqual(5);
  });

  test("a lead time under one period is simulated as one period, and s is built on that period", () => {
    const short = prepared([{ ...FLAT, leadTime: 0.43 }]);
    const result = stressTest(short.segmentation, short.input, short.mapping, short.settings, exact());
    expect(result.skus.reorderLevel[0]).toBeCloseTo(10 * (1 + 1) + result.skus.safetyStock[0], 12);
    expect(result.scenarios[0].perSku.fillRate[0]).toBe(1);
  });

  test("a SKU on a forecast buffer: s from the forecast level, demand from the forecast's error model", () => {
    // A level shift: 52 weeks around 50, then 52 around 150 (a fixed ±10 pattern): the forecast
    // follows the new level, the two-year mean (100) does not.
    const wiggle = [0, 8, -6, 10, -9, 3, -4, 7, -10, 5];
    const history = Array.from({ length: 104 }, (_, t) => (t < 52 ? 50 : 150) + wiggle[t % 10]);
    const p = prepared([{ sku: "SHIFT", unitCost: 10, onHand: 600, leadTime: 4, history }]);
    const { policies, forecasts } = p.segmentation;
    expect(policies.forecastUsed[0]).toBe(true);
    const level = forecasts.level[0];
    expect(level).toBeGreaterThan(140);
    const result = stressTest(p.segmentation, p.input, p.mapping, p.settings, exact({ replications: 200 }));
    expect(result.skus.demandModel[0]).toBe("forecast");
    expect(result.skus.demandMean[0]).toBe(level);
    expect(result.skus.reorderLevel[0]).toBeCloseTo(level * 5 + policies.safetyStock[0], 9);
    // The simulated demand runs at the forecast level (±3%), not at the history's mean of 100.
    const perPeriod = result.scenarios[0].perSku.demand[0] / (200 * 52);
    expect(Math.abs(perPeriod / level - 1)).toBeLessThan(0.03);
  });
});

describe("runReplications (the kernel) with a negative safety stock", () => {
  test("demand 10, L = 2, s = 15, Q = 50 over 52 periods: fill 470 ÷ 520, 10 stockouts", () => {
    // Start 65: P1–P6 55 45 35 25 15 5 (order at P5, due P7); P7: 5 on hand, 10 demanded → short 5,
    // −5 + 50 = 45; then cycles 35 25 15 5 45 (a shortage of 5 in each last period). Σ on hand =
    // 225 + 9·125 = 1350; every one of the 10 cycles has a stockout.
    const run: RunParams = {
      reorderLevel: 15,
      lotSize: 50,
      leadTime: 2,
      leadTimeSd: 0,
      shockFrom: 1,
      shockTo: 0,
      shockFactor: 1,
      delayFrom: 1,
      delayTo: 0,
      delay: 0,
      outageFrom: 1,
      outageTo: 0,
    };
    const acc = new Float64Array(ACCUMULATORS);
    const demand = new Float64Array(52).fill(10);
    runReplications(
      acc,
      0,
      demand,
      0,
      1,
      0,
      52,
      run,
      new SeededRandom(1),
      new Float64Array(ringSlots(2, 0, 0)),
    );
    expect(acc[ACC_DEMAND]).toBe(520);
    expect(acc[ACC_SERVED]).toBe(470);
    expect(acc[ACC_STOCKOUTS]).toBe(10);
    expect(acc[ACC_CYCLES]).toBe(10);
    expect(acc[ACC_CYCLES_OK]).toBe(0);
    expect(acc[ACC_ON_HAND]).toBe(1350);
  });
});

describe("same model as WCAP.SIMFILLRATE", () => {
  test("normal demand, whole lead time, σ_L = 0: the same fill rate from the same seed", () => {
    // Annual demand only → the normal model. The first SKU's demand stream is stream 0 of the seed,
    // i.e. SIMFILLRATE's generator for that seed, and s = mean·(L + 1) + SS in both: same draws,
    // same orders. Only the summation differs (SIMFILLRATE compensates), hence 1e-12.
    const headers = ["SKU", "Unit Cost", "On Hand", "Lead Time", "Annual Demand", "Demand CV"];
    const input = { headers, rows: [["N1", 50, 300, 4, 5200, 0.2]] };
    const mapping = {
      columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3, annualDemand: 4, demandCv: 5 },
      history: [],
      periodUnit: "week" as const,
      leadTimeUnit: "period" as const,
    };
    const settings = withDefaults({ asOfDate: 46000 });
    const segmentation = segment(input, mapping, settings);
    const result = stressTest(segmentation, input, mapping, settings, exact({ periods: 5000, seed: 7 }));
    expect(result.skus.demandModel[0]).toBe("normal");
    const ss = result.skus.safetyStock[0];
    const q = result.skus.lotSize[0];
    expect(ss).toBeGreaterThan(0);
    const expected = simulateFillRate(100, 20, 4, ss, q, 5000, 7);
    expect(result.scenarios[0].perSku.fillRate[0]).toBeCloseTo(expected, 12);
    expect(expected).toBeLessThan(1); // the check means something: there were shortages
    expect(DEFAULT_SIM_SEED).toBe(1);
  });
});

describe("demand models", () => {
  test("readHistoryRow keeps finite numbers and blanks text, errors and nulls", () => {
    const out = new Float64Array(5);
    expect(readHistoryRow([3, null, "x", 4, Infinity, 7], [0, 1, 2, 3, 5], out)).toBe(3);
    expect(Array.from(out)).toEqual([3, NaN, NaN, 4, 7]);
  });

  test("fewer than 12 numeric periods: normal; blanks do not count", () => {
    const history = Float64Array.from([5, NaN, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6]);
    expect(fitDemand(history, 12, 6, 1).model).toBe("normal");
    history[1] = 8;
    expect(fitDemand(history, 12, 6, 1).model).toBe("bootstrap");
  });

  test("the block bootstrap draws only history values, in runs of consecutive periods", () => {
    // 27 distinct values → block length round(27^⅓) = 3; negatives are zero demand.
    const values = Array.from({ length: 27 }, (_, t) => (t === 5 ? -4 : 100 + t));
    const fit = fitDemand(Float64Array.from(values), 27, 0, 0);
    expect(fit.model).toBe("bootstrap");
    expect(fit.block).toBe(3);
    const allowed = new Set(values.map((v) => Math.max(0, v)));
    const rng = new SeededRandom(3);
    const out = new Float64Array(30);
    const position = (x: number) => (x === 0 ? 5 : x - 100);
    const starts = new Set<number>();
    let notInHistory = 0;
    let notConsecutive = 0;
    for (let r = 0; r < 200; r++) {
      drawDemand(fit, rng, out, 0, 30);
      for (let t = 0; t < 30; t++) {
        if (!allowed.has(out[t])) notInHistory++;
        if (t % 3 !== 0) {
          if (position(out[t]) !== (position(out[t - 1]) + 1) % 27) notConsecutive++;
        } else starts.add(position(out[t]));
      }
    }
    expect(notInHistory).toBe(0);
    expect(notConsecutive).toBe(0);
    expect(starts.size).toBe(27); // every start position occurs (2,000 draws of 27)
  });

  test("intermittent history: compound model, occurrence rate N ÷ T and mean size within Monte Carlo error", () => {
    // 96 weeks, demand in 24 (every 4th week): ADI = 4 ≥ 1.32; sizes 20, 40, 60, 80 six times
    // (mean 50, sample variance 6·2000 ÷ 23 = 521.74, CV² = 0.2087 < 0.49: intermittent).
    const history = Float64Array.from({ length: 96 }, (_, t) => (t % 4 === 0 ? 20 * (1 + ((t / 4) % 4)) : 0));
    const fit = fitDemand(history, 96, 12.5, 25);
    expect(fit.model).toBe("compound");
    expect(fit.occurrence).toBe(0.25);
    expect(fit.sizeMean).toBe(50);
    const n = 200000;
    const out = new Float64Array(n);
    drawDemand(fit, new SeededRandom(11), out, 0, n);
    let hits = 0;
    let total = 0;
    let sizeSq = 0;
    for (let t = 0; t < n; t++) {
      if (out[t] > 0) {
        hits++;
        total += out[t];
        sizeSq += out[t] * out[t];
      }
    }
    // Binomial SE √(p(1 − p)/n) = 0.00097; 4 SE.
    expect(Math.abs(hits / n - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / n));
    // Lognormal sizes: mean 50, CV² 0.2087 (SD 22.8); SE of the mean of ~50,000 sizes ≈ 0.1.
    expect(fit.sizeSigma).toBeCloseTo(Math.sqrt(Math.log(1 + 12000 / 23 / 2500)), 12);
    const mean = total / hits;
    expect(Math.abs(mean - 50)).toBeLessThan((4 * (50 * Math.sqrt(0.2087))) / Math.sqrt(hits));
    const cv2 = (sizeSq / hits - mean * mean) / (mean * mean);
    expect(cv2).toBeGreaterThan(0.18);
    expect(cv2).toBeLessThan(0.24);
  });

  test("a compound item with one size keeps it constant", () => {
    const history = Float64Array.from({ length: 52 }, (_, t) => (t % 13 === 0 ? 40 : 0));
    const fit = fitDemand(history, 52, 40 / 13, 10);
    expect(fit.model).toBe("compound");
    const out = new Float64Array(1000);
    drawDemand(fit, new SeededRandom(2), out, 0, 1000);
    expect(new Set(out)).toEqual(new Set([0, 40]));
  });
});

describe("lead times", () => {
  function moments(leadTime: number, sd: number, n = 200000) {
    const rng = new SeededRandom(5);
    let sum = 0;
    let sumSq = 0;
    let min = Infinity;
    let whole = true;
    for (let k = 0; k < n; k++) {
      const x = drawLeadTime(rng, leadTime, sd, Math.floor(leadTime), leadTime - Math.floor(leadTime));
      if (!Number.isInteger(x)) whole = false;
      sum += x;
      sumSq += x * x;
      min = Math.min(min, x);
    }
    expect(whole).toBe(true);
    const mean = sum / n;
    return { mean, sd: Math.sqrt(sumSq / n - mean * mean), min };
  }

  test("leadTimeMoments: the exact mean and SD of the drawn lead times, floor at one period included", () => {
    // Hand-derived without σ_L: 0.43 → always 1 period; 2.25 → 2 or 3, SD √(0.25 · 0.75).
    expect(leadTimeMoments(0.43, 0)).toEqual({ mean: 1, sd: 0 });
    expect(leadTimeMoments(2.25, 0).mean).toBeCloseTo(2.25, 12);
    expect(leadTimeMoments(2.25, 0).sd).toBeCloseTo(Math.sqrt(0.1875), 12);
    // With σ_L, against 200,000 draws (Monte Carlo SE of the mean ≤ σ/√n ≈ 0.01 for 4 ± 4).
    for (const [leadTime, sd] of [
      [4, 2],
      [4, 4],
      [8, 8],
      [0.5, 0.3],
    ]) {
      const exactMoments = leadTimeMoments(leadTime, sd);
      const drawn = moments(leadTime, sd);
      expect(Math.abs(exactMoments.mean - drawn.mean)).toBeLessThan(
        (4 * drawn.sd) / Math.sqrt(200000) + 1e-9,
      );
      expect(Math.abs(exactMoments.sd - drawn.sd)).toBeLessThan(0.02);
    }
    // The floor raises the mean of a wide spread well above L (4 ± 4 → about 4.52).
    expect(leadTimeMoments(4, 4).mean).toBeGreaterThan(4.45);
  });

  test("σ_L = 0, whole L: exactly L, no draws", () => {
    const rng = new SeededRandom(1);
    const before = new SeededRandom(1);
    expect(drawLeadTime(rng, 3, 0, 3, 0)).toBe(3);
    expect(rng.nextUint32()).toBe(before.nextUint32());
  });

  test("fractional L = 2.25, σ_L = 0: mean 2.25, SD √(0.25·0.75) (two points)", () => {
    const m = moments(2.25, 0);
    expect(Math.abs(m.mean - 2.25)).toBeLessThan(4 * Math.sqrt(0.1875 / 200000));
    expect(m.sd).toBeCloseTo(Math.sqrt(0.1875), 2);
  });

  test("L = 6, σ_L = 2: mean 6 and SD √(4 + E[f(1 − f)]) ≈ √(4 + 1/6), at least 1", () => {
    // With x ~ N(6, 2) the fractional part is nearly uniform, E[f(1 − f)] = 1/6; P(x < 1) = Φ(−2.5)
    // = 0.6 % raises the mean by E[(1 − x)⁺] = 2·G(2.5) = 0.004.
    const m = moments(6, 2);
    expect(Math.abs(m.mean - 6.004)).toBeLessThan(4 * (2.04 / Math.sqrt(200000)));
    expect(m.sd).toBeGreaterThan(2.0);
    expect(m.sd).toBeLessThan(2.08);
    expect(m.min).toBe(1);
  });
});

describe("seeds and streams", () => {
  const rows: SkuRow[] = [
    {
      sku: "A",
      unitCost: 10,
      onHand: 50,
      leadTime: 3,
      leadTimeSd: 1,
      history: flat(0).map((_, t) => 20 + ((t * 7) % 11)),
    },
    {
      sku: "B",
      unitCost: 10,
      onHand: 50,
      leadTime: 3,
      leadTimeSd: 1,
      history: flat(0).map((_, t) => 20 + ((t * 7) % 11)),
    },
  ];

  test("same seed, same result; another seed, another result", () => {
    const p = prepared(rows);
    const settings = { ...exact({ replications: 20, serviceGrid: [0.9, 0.95] }), warmup: undefined };
    const a = stressTest(p.segmentation, p.input, p.mapping, p.settings, settings);
    const b = stressTest(p.segmentation, p.input, p.mapping, p.settings, settings);
    expect(b).toEqual(a);
    const c = stressTest(p.segmentation, p.input, p.mapping, p.settings, { ...settings, seed: 2 });
    expect(c.scenarios[0].perSku.demand[0]).not.toBe(a.scenarios[0].perSku.demand[0]);
  });

  test("two identical SKUs get independent streams (different draws, same distribution)", () => {
    const p = prepared(rows);
    const r = stressTest(p.segmentation, p.input, p.mapping, p.settings, exact({ replications: 50 }));
    const m = r.scenarios[0].perSku;
    expect(m.demand[0]).not.toBe(m.demand[1]);
    // Mean demand 25 per period over 2,600 periods each: SE of the difference of totals ≈ 0.12·2600.
    expect(Math.abs(m.demand[0] - m.demand[1]) / 2600).toBeLessThan(1);
  });

  test("StreamSeeder's stream 0 is SeededRandom(seed); stream 1 differs", () => {
    const seeder = new StreamSeeder(123);
    const a = new SeededRandom();
    const b = new SeededRandom();
    seeder.next(a);
    seeder.next(b);
    const reference = new SeededRandom(123);
    for (let k = 0; k < 10; k++) expect(a.nextUint32()).toBe(reference.nextUint32());
    expect(b.nextUint32()).not.toBe(new SeededRandom(123).nextUint32());
  });
});
