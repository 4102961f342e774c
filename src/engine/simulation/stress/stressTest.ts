/**
 * stressTest: every segmented SKU's (s, nQ) policy simulated under each scenario and along the
 * service grid (README "Stress test"). Per SKU: fit its demand model (./demand), then for chunks
 * of replications draw the demand once and run every policy (scenarios, grid targets, the current
 * policy) over the same draws — common random numbers, so differences between scenarios are the
 * scenarios', not noise.
 */
import { eoqUnchecked } from "../../lotSize";
import { normSInv } from "../../normal";
import { fillRateSafetyStockUnchecked } from "../../safetyStock";
import { ColumnMapping, InputTable } from "../../segmentation/input";
import { lotSizeUnits } from "../../segmentation/policy";
import { SegmentationResult } from "../../segmentation/segment";
import {
  ABC_XYZ_CELLS,
  ARCHETYPES,
  AbcXyzCell,
  Archetype,
  SegmentationSettings,
} from "../../segmentation/settings";
import { RunningSum } from "../../sum";
import { SeededRandom, StreamSeeder } from "../random";
import { DemandFit, drawDemand, fitDemand, forecastFit, normalFit, readHistoryRow } from "./demand";
import {
  ACCUMULATORS,
  ACC_CYCLES,
  ACC_CYCLES_OK,
  ACC_DEMAND,
  ACC_ON_HAND,
  ACC_SERVED,
  ACC_STOCKOUTS,
  RunParams,
  leadTimeMoments,
  ringSlots,
  runReplications,
} from "./kernel";
import { Scenario, StressSettings, validateStressSettings, withBaseline } from "./scenarios";
import {
  FrontierPoint,
  ScenarioResult,
  SegmentDimension,
  SegmentFrontier,
  SegmentMetrics,
  SkippedSku,
  SkuMetrics,
  StressProgress,
  StressResult,
  StressSkus,
} from "./types";

/** Demand draws held at once per SKU (replications are run in chunks of this many SKU-periods). */
const CHUNK_DRAWS = 1 << 18;
/** onProgress is called after every this many SKUs (and at the end). */
const PROGRESS_EVERY = 200;

export const ALL_SKUS = "All SKUs";

/** The segments in report order: all SKUs, the nine ABC-XYZ cells, the three archetypes. */
export const SEGMENTS: readonly { dimension: SegmentDimension; segment: string }[] = [
  { dimension: "All", segment: ALL_SKUS },
  ...ABC_XYZ_CELLS.map((c) => ({ dimension: "ABC-XYZ" as const, segment: c })),
  ...ARCHETYPES.map((a) => ({ dimension: "Archetype" as const, segment: a })),
];
const CELL_SEGMENT = new Map<string, number>(ABC_XYZ_CELLS.map((c, k) => [c, 1 + k]));
const ARCHETYPE_SEGMENT = new Map<string, number>(
  ARCHETYPES.map((a, k) => [a, 1 + ABC_XYZ_CELLS.length + k]),
);

function sameSupplier(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function emptyMetrics(n: number): SkuMetrics {
  const f = () => new Float64Array(n);
  return {
    demand: f(),
    served: f(),
    fillRate: f(),
    cycles: f(),
    cyclesWithoutStockout: f(),
    cycleService: f(),
    stockoutPeriods: f(),
    stockoutPeriodsPerYear: f(),
    averageOnHand: f(),
    averageValue: f(),
  };
}

/** Writes SKU j's figures from one run's accumulators. */
function storeMetrics(
  m: SkuMetrics,
  j: number,
  acc: Float64Array,
  offset: number,
  measuredPeriods: number,
  periodsPerYear: number,
  unitCost: number,
): void {
  const demand = acc[offset + ACC_DEMAND];
  const served = acc[offset + ACC_SERVED];
  const cycles = acc[offset + ACC_CYCLES];
  const ok = acc[offset + ACC_CYCLES_OK];
  const stockouts = acc[offset + ACC_STOCKOUTS];
  m.demand[j] = demand;
  m.served[j] = served;
  m.fillRate[j] = demand > 0 ? served / demand : NaN;
  m.cycles[j] = cycles;
  m.cyclesWithoutStockout[j] = ok;
  m.cycleService[j] = cycles > 0 ? ok / cycles : NaN;
  m.stockoutPeriods[j] = stockouts;
  m.stockoutPeriodsPerYear[j] = (stockouts / measuredPeriods) * periodsPerYear;
  const onHand = acc[offset + ACC_ON_HAND] / measuredPeriods;
  m.averageOnHand[j] = onHand;
  m.averageValue[j] = onHand * unitCost;
}

/** The segments (indexes into SEGMENTS) SKU j belongs to: all, its cell, its archetype. */
function segmentsOf(cell: AbcXyzCell, archetype: Archetype): [number, number, number] {
  return [0, CELL_SEGMENT.get(cell) ?? 0, ARCHETYPE_SEGMENT.get(archetype) ?? 0];
}

/** Per-segment figures of one run (see SegmentMetrics for how each is aggregated). */
export function aggregateSegments(m: SkuMetrics, skus: StressSkus): SegmentMetrics[] {
  const sums = SEGMENTS.map(() => Array.from({ length: 8 }, () => new RunningSum()));
  const counts = new Float64Array(SEGMENTS.length);
  for (let j = 0; j < skus.count; j++) {
    for (const k of segmentsOf(skus.cell[j], skus.archetype[j])) {
      const s = sums[k];
      counts[k]++;
      s[0].add(m.demand[j]);
      s[1].add(m.served[j]);
      s[2].add(m.cycles[j]);
      s[3].add(m.cyclesWithoutStockout[j]);
      s[4].add(m.stockoutPeriodsPerYear[j]);
      s[5].add(m.averageValue[j]);
      s[6].add(skus.todayValue[j]);
    }
  }
  return SEGMENTS.map(({ dimension, segment }, k) => {
    const s = sums[k].map((x) => x.value);
    return {
      dimension,
      segment,
      skus: counts[k],
      demand: s[0],
      served: s[1],
      fillRate: s[0] > 0 ? s[1] / s[0] : NaN,
      cycles: s[2],
      cyclesWithoutStockout: s[3],
      cycleService: s[2] > 0 ? s[3] / s[2] : NaN,
      stockoutPeriodsPerYear: counts[k] > 0 ? s[4] / counts[k] : NaN,
      averageValue: s[5],
      todayValue: s[6],
    };
  });
}

function blankRun(): RunParams {
  return {
    reorderLevel: 0,
    lotSize: 0,
    leadTime: 1,
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
}

/** The SKU-independent windows of a scenario, in measured periods. */
function scenarioWindows(scenario: Scenario, periods: number, run: RunParams): void {
  if (scenario.demandShockPct !== undefined) {
    run.shockFrom = scenario.shockStart ?? 1;
    run.shockTo = scenario.shockPeriods !== undefined ? run.shockFrom + scenario.shockPeriods - 1 : periods;
    run.shockFactor = 1 + scenario.demandShockPct / 100;
  }
  if (scenario.leadTimeDelay !== undefined) {
    run.delayFrom = scenario.delayStart ?? 1;
    run.delayTo = scenario.delayPeriods !== undefined ? run.delayFrom + scenario.delayPeriods - 1 : periods;
    run.delay = scenario.leadTimeDelay;
  }
}

/**
 * Runs the stress test (README "Stress test"). `segmentation` must come from segment(input,
 * mapping, settings) with these same arguments. Synchronous and deterministic: the same inputs
 * and seed give the same result. Throws a RangeError listing the problems when `stress` does not
 * pass validateStressSettings.
 */
export function stressTest(
  segmentation: SegmentationResult,
  input: InputTable,
  mapping: ColumnMapping,
  settings: SegmentationSettings,
  stress: StressSettings,
  onProgress?: (p: StressProgress) => void,
): StressResult {
  const problems = validateStressSettings(stress);
  if (problems.length > 0) throw new RangeError(`Stress settings: ${problems.join(" ")}`);
  const scenarios = withBaseline(stress.scenarios).map((s) => ({ ...s, name: s.name.trim() }));
  const runSettings: StressSettings = { ...stress, serviceGrid: [...stress.serviceGrid], scenarios };
  const { items, periodsPerYear } = segmentation.prepared;
  const policies = segmentation.policies;
  const { replications, periods } = stress;
  const grid = stress.serviceGrid;

  // Which SKUs run, and why the others do not.
  const chosen: number[] = [];
  const skipped: SkippedSku[] = [];
  for (let i = 0; i < items.count; i++) {
    const mean = items.demandMean[i];
    let reason = "";
    if (!(items.annualDemand[i] > 0) || !(mean > 0)) reason = "no demand";
    else if (!(items.demandSd[i] >= 0)) reason = "demand variability unknown";
    else if (!(policies.lotSize[i] > 0)) reason = "lot size 0 (order cost 0): no replenishment policy";
    if (reason === "") chosen.push(i);
    else skipped.push({ sku: items.sku[i], reason });
  }
  const n = chosen.length;
  const { forecasts } = segmentation;
  // The demand rate the policy is built on: the forecast level where the Segmentation's buffer
  // comes from the forecast (its reorder point is F·L + SS), else the mean of the history.
  const demandRate = (i: number): number =>
    policies.forecastUsed[i] ? forecasts.level[i] : items.demandMean[i];
  // The mean of the lead times the kernel draws, once per SKU (an integration when σ_L > 0).
  const simulatedLeadTime = Float64Array.from(
    chosen,
    (i) => leadTimeMoments(items.leadTimePeriods[i], items.leadTimeSdPeriods[i]).mean,
  );
  const rate = Float64Array.from(chosen, (i) => demandRate(i));
  /** s of SKU j (position in `chosen`) for a safety stock. */
  const reorderLevel = (j: number, safety: number): number => rate[j] * (simulatedLeadTime[j] + 1) + safety;
  const skus: StressSkus = {
    count: n,
    item: Uint32Array.from(chosen),
    sku: chosen.map((i) => items.sku[i]),
    plant: chosen.map((i) => items.plant[i]),
    supplier: chosen.map((i) => items.supplier[i]),
    cell: chosen.map((i) => policies.cell[i]),
    archetype: chosen.map((i) => policies.archetype[i]),
    demandModel: new Array(n),
    unitCost: Float64Array.from(chosen, (i) => items.unitCost[i]),
    todayValue: Float64Array.from(chosen, (i) => items.onHand[i] * items.unitCost[i]),
    demandMean: rate,
    leadTime: Float64Array.from(chosen, (i) => items.leadTimePeriods[i]),
    leadTimeSd: Float64Array.from(chosen, (i) => items.leadTimeSdPeriods[i]),
    safetyStock: Float64Array.from(chosen, (i) => policies.safetyStock[i]),
    // The simulation reviews every period: protection interval L + 1, s = rate·(L + 1) + SS
    // (written as WCAP.SIMFILLRATE computes it, so both see the same s to the last bit), with L the
    // mean of the lead times the kernel draws (leadTimeMoments: L itself unless the floor at one
    // period binds).
    reorderLevel: Float64Array.from(chosen, (i, j) => reorderLevel(j, policies.safetyStock[i])),
    lotSize: Float64Array.from(chosen, (i) => policies.lotSize[i]),
    warmup: new Uint32Array(n),
  };

  // Runs: the scenarios, then (with a grid) one per grid target and the current policy.
  const frontierOn = grid.length > 0;
  const runCount = scenarios.length + (frontierOn ? grid.length + 1 : 0);
  const currentRun = scenarios.length + grid.length;
  const runs = Array.from({ length: runCount }, blankRun);
  scenarios.forEach((scenario, k) => scenarioWindows(scenario, periods, runs[k]));
  const gridZ = grid.map((g) => normSInv(g));
  const scenarioMetrics = scenarios.map(() => emptyMetrics(n));
  const current = frontierOn ? emptyMetrics(n) : null;
  // Grid runs keep only segment totals: demand, served, average value.
  const gridSums = grid.map(() => SEGMENTS.map(() => [new RunningSum(), new RunningSum(), new RunningSum()]));

  const acc = new Float64Array(runCount * ACCUMULATORS);
  const demandRng = new SeededRandom();
  const leadBase = new SeededRandom();
  const leadRngs = runs.map(() => new SeededRandom());
  const seeder = new StreamSeeder(stress.seed);
  const history = new Float64Array(mapping.history.length);
  let ring = new Float64Array(16);
  let demandBuffer = new Float64Array(0);
  const measuredPeriods = replications * periods;
  let chosenAt = 0;

  for (let i = 0; i < items.count; i++) {
    // Two streams per item of the Segmentation, simulated or not, so a SKU's draws depend only on
    // the seed and its position.
    seeder.next(demandRng);
    seeder.next(leadBase);
    if (chosenAt >= n || chosen[chosenAt] !== i) continue;
    const j = chosenAt++;

    const mean = skus.demandMean[j];
    let fit: DemandFit;
    if (mapping.history.length > 0) {
      readHistoryRow(input.rows[items.index[i]], mapping.history, history);
      fit = fitDemand(history, history.length, items.demandMean[i], items.demandSd[i]);
    } else fit = normalFit(mean, items.demandSd[i]);
    if (policies.forecastUsed[i]) fit = forecastFit(fit, forecasts.level[i], forecasts.rmse[i]);
    skus.demandModel[j] = fit.model;

    const lot = skus.lotSize[j];
    const leadTime = items.leadTimePeriods[i];
    const leadTimeSd = items.leadTimeSdPeriods[i];
    const warmup = stress.warmup ?? Math.min(periods, Math.ceil(leadTime) + 1 + Math.ceil(lot / mean));
    skus.warmup[j] = warmup;
    const total = warmup + periods;

    // This SKU's policy in every run.
    const eoq = eoqUnchecked(
      items.annualDemand[i],
      items.orderCost[i],
      items.unitCost[i],
      settings.holdingRate,
    );
    let slotsNeeded = 0;
    for (let k = 0; k < runCount; k++) {
      const run = runs[k];
      run.leadTime = leadTime;
      run.leadTimeSd = leadTimeSd;
      run.lotSize = lot;
      run.reorderLevel = skus.reorderLevel[j];
      if (k < scenarios.length) {
        const scenario = scenarios[k];
        if (scenario.outagePeriods !== undefined) {
          const applies =
            scenario.outageSupplier === undefined || sameSupplier(scenario.outageSupplier, items.supplier[i]);
          run.outageFrom = scenario.outageStart ?? 1;
          run.outageTo = applies ? run.outageFrom + scenario.outagePeriods - 1 : 0;
        }
        if (scenario.moq !== undefined) {
          const applies =
            scenario.moqSupplier === undefined || sameSupplier(scenario.moqSupplier, items.supplier[i]);
          if (applies) run.lotSize = lotSizeUnits(eoq, scenario.moq);
        }
      } else if (k < currentRun) {
        const g = k - scenarios.length;
        const safety =
          settings.serviceMethod === "fill"
            ? fillRateSafetyStockUnchecked(grid[g], policies.sigmaLt[i], lot)
            : gridZ[g] > 0
              ? gridZ[g] * policies.sigmaLt[i]
              : 0;
        run.reorderLevel = reorderLevel(j, safety);
      } else {
        // Current policy: the buffer that today's stock implies. With a review every period and
        // stock counted at the end of a period, a policy's average stock is SS + Q/2 + one
        // period's demand (the inventory position averages s + Q/2 and the next L periods'
        // demand is yet to come off it), so the policy whose average is today's on hand has
        // SS = on hand − Q/2 − rate.
        run.reorderLevel = reorderLevel(j, items.onHand[i] - lot / 2 - mean);
      }
      slotsNeeded = Math.max(slotsNeeded, ringSlots(leadTime, leadTimeSd, run.delay));
      leadRngs[k].copyFrom(leadBase);
    }
    if (ring.length < slotsNeeded) ring = new Float64Array(slotsNeeded);

    acc.fill(0);
    const chunk = Math.max(1, Math.min(replications, Math.floor(CHUNK_DRAWS / total)));
    if (demandBuffer.length < chunk * total) demandBuffer = new Float64Array(chunk * total);
    for (let from = 0; from < replications; from += chunk) {
      const count = Math.min(chunk, replications - from);
      for (let r = 0; r < count; r++) drawDemand(fit, demandRng, demandBuffer, r * total, total);
      for (let k = 0; k < runCount; k++) {
        runReplications(
          acc,
          k * ACCUMULATORS,
          demandBuffer,
          0,
          count,
          warmup,
          periods,
          runs[k],
          leadRngs[k],
          ring,
        );
      }
    }

    const cost = items.unitCost[i];
    for (let k = 0; k < scenarios.length; k++)
      storeMetrics(scenarioMetrics[k], j, acc, k * ACCUMULATORS, measuredPeriods, periodsPerYear, cost);
    if (current !== null)
      storeMetrics(current, j, acc, currentRun * ACCUMULATORS, measuredPeriods, periodsPerYear, cost);
    const segs = segmentsOf(skus.cell[j], skus.archetype[j]);
    for (let g = 0; g < grid.length; g++) {
      const offset = (scenarios.length + g) * ACCUMULATORS;
      const value = (acc[offset + ACC_ON_HAND] / measuredPeriods) * cost;
      for (const s of segs) {
        const sums = gridSums[g][s];
        sums[0].add(acc[offset + ACC_DEMAND]);
        sums[1].add(acc[offset + ACC_SERVED]);
        sums[2].add(value);
      }
    }
    if (onProgress !== undefined && (j + 1) % PROGRESS_EVERY === 0) onProgress({ done: j + 1, total: n });
  }
  if (onProgress !== undefined && n % PROGRESS_EVERY !== 0) onProgress({ done: n, total: n });

  const baseline = scenarioMetrics[0];
  const scenarioResults: ScenarioResult[] = scenarios.map((scenario, k) => {
    const m = scenarioMetrics[k];
    return {
      scenario,
      perSku: m,
      cashVsBaseline: Float64Array.from(m.averageValue, (v, j) => v - baseline.averageValue[j]),
      releaseVsToday: Float64Array.from(m.averageValue, (v, j) => skus.todayValue[j] - v),
      segments: aggregateSegments(m, skus),
    };
  });

  const frontier: SegmentFrontier[] = [];
  if (current !== null) {
    const currentSegments = aggregateSegments(current, skus);
    const recommended = scenarioResults[0].segments;
    const point = (m: SegmentMetrics): FrontierPoint => ({
      serviceTarget: NaN,
      averageValue: m.averageValue,
      fillRate: m.fillRate,
    });
    SEGMENTS.forEach(({ dimension, segment }, s) => {
      frontier.push({
        dimension,
        segment,
        points: grid.map((target, g) => {
          const [demand, served, value] = gridSums[g][s].map((x) => x.value);
          return { serviceTarget: target, averageValue: value, fillRate: demand > 0 ? served / demand : NaN };
        }),
        current: point(currentSegments[s]),
        recommended: point(recommended[s]),
      });
    });
  }

  return {
    settings: runSettings,
    periodsPerYear,
    skus,
    skipped,
    scenarios: scenarioResults,
    frontier,
    current,
  };
}
