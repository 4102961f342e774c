/**
 * Validation study of the analytic fill-rate safety stock against simulation (README "Stress test"
 * → "Validation"; test/engine/simulation/validation.test.ts asserts it, bench/validation.mjs
 * prints the table).
 *
 * Every case: the fill-rate safety stock SS = WCAP.SAFETYSTOCK(target, sd, L, mean, σ_L,
 * review_period = 1, "fill", Q), the reorder level s = mean·(L + 1) + SS, and the fill rate the
 * policy achieves in simulation, estimated from K independent streams so the Monte Carlo standard
 * error is measured, not assumed: SE = sample SD of the K fill rates ÷ √K.
 *
 * - "normal": demand max(0, N(mean, sd)), fixed lead time — exactly WCAP.SIMFILLRATE's model
 *   (./simFillRate), one run of `periods` periods per stream, seeds 1 … K. The formula's
 *   assumptions hold, so the gap is the formula's own conservatism: alongside, the exact
 *   steady-state fill rate of the same (s, nQ) policy (Hadley & Whitin's uniform inventory position,
 *   see exactFillRate) shows where the simulation should land.
 * - the cases where the formula's assumptions fail, simulated with the stress engine's kernel and
 *   demand models (./stress): "intermittent" (Croston-type compound demand: Bernoulli occurrence ×
 *   lognormal size), "lumpy lead time" (a supplier late by d periods on every order placed in a run
 *   of w periods of each year: the lead-time-delay disruption, recurring), and "lead-time variance"
 *   (each order's lead time drawn from N(L, σ_L), the engine's random lead times). The formula is
 *   given the true mean and SD of demand per period and of the per-order lead time, so what it
 *   misses is the shape of the distributions, not their moments.
 */
import { normCdf, normLoss, normPdf } from "../normal";
import { ServiceMethod, safetyStock } from "../safetyStock";
import { SeededRandom, StreamSeeder } from "./random";
import { simulateFillRate } from "./simFillRate";
import { DemandFit, drawDemand, normalFit } from "./stress/demand";
import {
  ACCUMULATORS,
  ACC_DEMAND,
  ACC_SERVED,
  RunParams,
  leadTimeMoments,
  ringSlots,
  runReplications,
} from "./stress/kernel";

export type ValidationFamily = "normal" | "intermittent" | "lumpy lead time" | "lead-time variance";

/** One policy of the study and what simulation says of it. */
export interface ValidationCase {
  family: ValidationFamily;
  /** The demand and lead-time setting in words, e.g. "mean 100, SD 20, L 4, Q 400". */
  setting: string;
  /** Fill-rate target β. */
  target: number;
  /** What the formula is given: demand per period and per-order lead time (periods). */
  demandMean: number;
  demandSd: number;
  leadTime: number;
  leadTimeSd: number;
  orderQty: number;
  /** The fill-rate safety stock for the target (review_period = 1). */
  safetyStock: number;
  /** Mean simulated fill rate over the streams, and its Monte Carlo standard error. */
  simulated: number;
  standardError: number;
  /** simulated − target: positive = the formula over-delivers. */
  gap: number;
  /** Normal family only: the exact steady-state fill rate of the policy (exactFillRate); NaN otherwise. */
  exact: number;
}

export interface ValidationOptions {
  /** Independent streams per case (K ≥ 2). */
  streams: number;
  /** Simulated periods per stream (after the warm-up, for the kernel-based families). */
  periods: number;
}

export const DEFAULT_VALIDATION_OPTIONS: ValidationOptions = { streams: 8, periods: 25000 };

export const VALIDATION_TARGETS: readonly number[] = [0.9, 0.95, 0.98, 0.99];

/** ∫ₖ^∞ G(u) du = ½[(k² + 1)(1 − Φ(k)) − k·φ(k)], the second-order normal loss function. */
export function normLoss2(k: number): number {
  return 0.5 * ((k * k + 1) * (1 - normCdf(k)) - k * normPdf(k));
}

/**
 * The exact steady-state fill rate of SIMFILLRATE's (s, nQ) policy for normal demand, without the
 * formula's approximation. After each review the inventory position IP is uniform on (s, s + Q]
 * (Hadley & Whitin, "Analysis of Inventory Systems", 1963, §4-7; the position moves as a random walk
 * modulo Q). The IP after the review of period t is all that has arrived by the start of period
 * t + L + 1, so the units short in that period are the growth of backorders in it:
 * E(D_{L+1} − IP)⁺ − E(D_L − IP)⁺, D_n the demand of n periods. Averaged over IP with D_n normal,
 * E(D_n − x)⁺ over x uniform on (s, s + Q] is σ_n²/Q · [G₂((s − nμ)/σ_n) − G₂((s + Q − nμ)/σ_n)].
 * μ and σ are those of one period's demand max(0, X), X ~ N(mean, sd), and D_n is taken as normal
 * (exact for sd ≪ mean; an approximation when the truncation at 0 matters). Fill rate = 1 − units
 * short per period ÷ μ. The analytic formula instead charges σ_{L+1}·G(k) per cycle of Q: it counts
 * backorders already open when a cycle starts again and ignores the G₂ term at s + Q, hence its
 * conservatism.
 */
export function exactFillRate(
  demandMean: number,
  demandSd: number,
  leadTime: number,
  reorderLevel: number,
  orderQty: number,
): number {
  // Mean and variance of max(0, X): E = m + sd·G(m/sd); E[max(0, X)²] = (m² + sd²)Φ(z) + m·sd·φ(z).
  const z = demandMean / demandSd;
  const mu = demandMean + demandSd * normLoss(z);
  const second =
    (demandMean * demandMean + demandSd * demandSd) * normCdf(z) + demandMean * demandSd * normPdf(z);
  const variance = second - mu * mu;
  const shortageOver = (n: number): number => {
    const sigma = Math.sqrt(n * variance);
    return (
      ((sigma * sigma) / orderQty) *
      (normLoss2((reorderLevel - n * mu) / sigma) - normLoss2((reorderLevel + orderQty - n * mu) / sigma))
    );
  };
  return 1 - (shortageOver(leadTime + 1) - shortageOver(leadTime)) / mu;
}

function fillRateSafetyStock(
  target: number,
  demandMean: number,
  demandSd: number,
  leadTime: number,
  leadTimeSd: number,
  orderQty: number,
): number {
  return safetyStock(target, demandSd, leadTime, {
    mean: demandMean,
    leadTimeSd,
    review: 1,
    method: ServiceMethod.Fill,
    orderQty,
  });
}

function meanAndError(samples: readonly number[]): { mean: number; standardError: number } {
  const k = samples.length;
  const mean = samples.reduce((a, b) => a + b, 0) / k;
  const variance = samples.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (k - 1);
  return { mean, standardError: Math.sqrt(variance / k) };
}

/**
 * The normal-demand grid: mean 100 per period, SD 20 or 50 (CV 0.2, 0.5), lead time 1, 4 or 12
 * periods, Q of 1, 4 or 10 periods of demand, each fill-rate target — 72 policies, simulated with
 * WCAP.SIMFILLRATE's engine function (seeds 1 … K).
 */
export function normalDemandStudy(options: ValidationOptions = DEFAULT_VALIDATION_OPTIONS): ValidationCase[] {
  const cases: ValidationCase[] = [];
  const mean = 100;
  for (const sd of [20, 50])
    for (const leadTime of [1, 4, 12])
      for (const orderQty of [100, 400, 1000])
        for (const target of VALIDATION_TARGETS) {
          const ss = fillRateSafetyStock(target, mean, sd, leadTime, 0, orderQty);
          const runs: number[] = [];
          for (let seed = 1; seed <= options.streams; seed++)
            runs.push(simulateFillRate(mean, sd, leadTime, ss, orderQty, options.periods, seed));
          const { mean: simulated, standardError } = meanAndError(runs);
          cases.push({
            family: "normal",
            setting: `mean ${mean}, SD ${sd}, L ${leadTime}, Q ${orderQty}`,
            target,
            demandMean: mean,
            demandSd: sd,
            leadTime,
            leadTimeSd: 0,
            orderQty,
            safetyStock: ss,
            simulated,
            standardError,
            gap: simulated - target,
            exact: exactFillRate(mean, sd, leadTime, mean * (leadTime + 1) + ss, orderQty),
          });
        }
  return cases;
}

/** A policy simulated with the stress kernel: demand model, true lead-time process and disruption. */
interface KernelSetup {
  family: ValidationFamily;
  setting: string;
  fit: DemandFit;
  /** True demand moments per period and per-order lead-time moments, given to the formula. */
  demandMean: number;
  demandSd: number;
  leadTime: number;
  leadTimeSd: number;
  orderQty: number;
  /** The kernel's lead-time process: N(kernelLeadTime, kernelLeadTimeSd), rounded, ≥ 1. */
  kernelLeadTime: number;
  kernelLeadTimeSd: number;
  /** Replications of `year` measured periods; orders placed in periods delayFrom … delayTo of each are `delay` late. */
  year: number;
  delayFrom: number;
  delayTo: number;
  delay: number;
}

/** Warm-up before each replication is measured: longer than any lead time plus an order cycle here. */
const KERNEL_WARMUP = 60;

function simulateWithKernel(setup: KernelSetup, target: number, options: ValidationOptions): ValidationCase {
  const ss = fillRateSafetyStock(
    target,
    setup.demandMean,
    setup.demandSd,
    setup.leadTime,
    setup.leadTimeSd,
    setup.orderQty,
  );
  const run: RunParams = {
    reorderLevel: setup.demandMean * (setup.leadTime + 1) + ss,
    lotSize: setup.orderQty,
    leadTime: setup.kernelLeadTime,
    leadTimeSd: setup.kernelLeadTimeSd,
    shockFrom: 1,
    shockTo: 0,
    shockFactor: 1,
    delayFrom: setup.delayFrom,
    delayTo: setup.delayTo,
    delay: setup.delay,
    outageFrom: 1,
    outageTo: 0,
  };
  const replications = Math.max(1, Math.round(options.periods / setup.year));
  const total = KERNEL_WARMUP + setup.year;
  const demand = new Float64Array(replications * total);
  const ring = new Float64Array(ringSlots(setup.kernelLeadTime, setup.kernelLeadTimeSd, setup.delay));
  const acc = new Float64Array(ACCUMULATORS);
  const seeder = new StreamSeeder(1);
  const demandRng = new SeededRandom();
  const leadRng = new SeededRandom();
  const runs: number[] = [];
  for (let k = 0; k < options.streams; k++) {
    seeder.next(demandRng);
    seeder.next(leadRng);
    for (let r = 0; r < replications; r++) drawDemand(setup.fit, demandRng, demand, r * total, total);
    acc.fill(0);
    runReplications(acc, 0, demand, 0, replications, KERNEL_WARMUP, setup.year, run, leadRng, ring);
    runs.push(acc[ACC_SERVED] / acc[ACC_DEMAND]);
  }
  const { mean: simulated, standardError } = meanAndError(runs);
  return {
    family: setup.family,
    setting: setup.setting,
    target,
    demandMean: setup.demandMean,
    demandSd: setup.demandSd,
    leadTime: setup.leadTime,
    leadTimeSd: setup.leadTimeSd,
    orderQty: setup.orderQty,
    safetyStock: ss,
    simulated,
    standardError,
    gap: simulated - target,
    exact: NaN,
  };
}

/** The stress engine's compound model with occurrence p and lognormal sizes of mean m and CV c (./stress/demand). */
export function compoundFit(occurrence: number, sizeMean: number, sizeCv: number): DemandFit {
  const fit = normalFit(0, 0);
  fit.model = "compound";
  fit.occurrence = occurrence;
  fit.sizeMean = sizeMean;
  fit.sizeSigma = Math.sqrt(Math.log(1 + sizeCv * sizeCv));
  fit.sizeMu = Math.log(sizeMean) - (fit.sizeSigma * fit.sizeSigma) / 2;
  return fit;
}

function baseSetup(family: ValidationFamily, setting: string): KernelSetup {
  return {
    family,
    setting,
    fit: normalFit(100, 20),
    demandMean: 100,
    demandSd: 20,
    leadTime: 1,
    leadTimeSd: 0,
    orderQty: 100,
    kernelLeadTime: 1,
    kernelLeadTimeSd: 0,
    year: 1000,
    delayFrom: 1,
    delayTo: 0,
    delay: 0,
  };
}

/** The kernel-based setups of the study (see the module comment), in table order. */
export function unsafeSetups(): KernelSetup[] {
  const setups: KernelSetup[] = [];
  // Intermittent and lumpy demand: mean 10 per period in every setting; Q = 2 and 6 periods of demand.
  for (const [p, size, cv] of [
    [0.25, 40, 0.5],
    [0.1, 100, 1],
    [0.05, 200, 1.5],
  ])
    for (const leadTime of [2, 8])
      for (const cycle of [2, 6]) {
        const mean = p * size;
        const sd = Math.sqrt(p * size * size * (1 + cv * cv) - mean * mean);
        const setup = baseSetup(
          "intermittent",
          `P(demand) ${p}, size ${size} (CV ${cv}), L ${leadTime}, Q ${mean * cycle}`,
        );
        Object.assign(setup, {
          fit: compoundFit(p, size, cv),
          demandMean: mean,
          demandSd: sd,
          leadTime,
          kernelLeadTime: leadTime,
          orderQty: mean * cycle,
        });
        setups.push(setup);
      }
  // Lumpy lead times: normal demand 100 ± 20, lead time 2, but orders placed in w consecutive
  // periods of each 52 arrive 4 periods late. Per order: late with probability f = w/52, so mean
  // 2 + 4f and SD 4·√(f(1 − f)) — what the formula gets.
  for (const weeks of [4, 8])
    for (const orderQty of [100, 400]) {
      const f = weeks / 52;
      const setup = baseSetup(
        "lumpy lead time",
        `L 2, 4 late on orders of ${weeks} of 52 periods, Q ${orderQty}`,
      );
      Object.assign(setup, {
        leadTime: 2 + 4 * f,
        leadTimeSd: 4 * Math.sqrt(f * (1 - f)),
        orderQty,
        kernelLeadTime: 2,
        year: 52,
        delayFrom: 10,
        delayTo: 10 + weeks - 1,
        delay: 4,
      });
      setups.push(setup);
    }
  // Lead-time variance: each order's lead time drawn independently from N(L, σ_L) (σ_L = L/2 and L).
  for (const [leadTime, leadTimeSd] of [
    [4, 2],
    [4, 4],
    [8, 8],
  ])
    for (const orderQty of [100, 1000]) {
      const setup = baseSetup("lead-time variance", `L ${leadTime} ± ${leadTimeSd}, Q ${orderQty}`);
      // The formula gets the true per-order mean and SD of the lead times the kernel draws (the
      // floor at one period raises them: 4 ± 4 → 4.52 ± 3.27), not the nominal L ± σ_L.
      const drawn = leadTimeMoments(leadTime, leadTimeSd);
      Object.assign(setup, {
        leadTime: drawn.mean,
        leadTimeSd: drawn.sd,
        orderQty,
        kernelLeadTime: leadTime,
        kernelLeadTimeSd: leadTimeSd,
      });
      setups.push(setup);
    }
  return setups;
}

/** Every kernel-based case (intermittent demand, lumpy lead times, lead-time variance) at every target. */
export function unsafeStudy(options: ValidationOptions = DEFAULT_VALIDATION_OPTIONS): ValidationCase[] {
  const cases: ValidationCase[] = [];
  for (const setup of unsafeSetups())
    for (const target of VALIDATION_TARGETS) cases.push(simulateWithKernel(setup, target, options));
  return cases;
}

/** The per-family, per-target summary the README shows: mean, smallest and largest gap. */
export interface GapSummary {
  family: ValidationFamily;
  target: number;
  cases: number;
  meanGap: number;
  minGap: number;
  maxGap: number;
  /** Cases whose simulated fill rate is below target by more than 4 standard errors. */
  missed: number;
}

export function summarizeGaps(cases: readonly ValidationCase[]): GapSummary[] {
  const out: GapSummary[] = [];
  const families = [...new Set(cases.map((c) => c.family))];
  for (const family of families)
    for (const target of VALIDATION_TARGETS) {
      const group = cases.filter((c) => c.family === family && c.target === target);
      if (group.length === 0) continue;
      const gaps = group.map((c) => c.gap);
      out.push({
        family,
        target,
        cases: group.length,
        meanGap: gaps.reduce((a, b) => a + b, 0) / gaps.length,
        minGap: Math.min(...gaps),
        maxGap: Math.max(...gaps),
        missed: group.filter((c) => c.gap < -4 * c.standardError).length,
      });
    }
  return out;
}
