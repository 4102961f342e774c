/**
 * What a stress test returns: per-SKU and per-segment results of every scenario, and the
 * service-vs-cash frontier. Per-SKU figures are typed arrays in the order of `StressResult.skus`.
 */
import { AbcXyzCell, Archetype } from "../../segmentation/settings";
import { Scenario, StressSettings } from "./scenarios";

/**
 * How a SKU's demand is drawn (README "Stress test" → "Model"):
 * - "bootstrap": circular block bootstrap of its own history (smooth or erratic demand);
 * - "compound": Bernoulli occurrence × lognormal size fitted to the history (intermittent, lumpy);
 * - "normal": N(mean, SD) truncated at 0 (no or too short history, e.g. annual demand only);
 * - "forecast": N(F, RMSE) truncated at 0, the forecast's level and one-step error, for a smooth or
 *   erratic SKU whose buffer comes from its forecast (an intermittent one keeps "compound", scaled
 *   to mean F).
 */
export type DemandModel = "bootstrap" | "compound" | "normal" | "forecast";

/** Progress of a run: SKUs done out of the SKUs to simulate. */
export interface StressProgress {
  done: number;
  total: number;
}

/**
 * One policy run's figures per SKU, summed over replications and measured periods (the totals) and
 * as rates. Arrays are in the order of StressResult.skus.
 */
export interface SkuMetrics {
  /** Total demand (units), all replications. */
  demand: Float64Array;
  /** Demand served from stock in its own period (units). */
  served: Float64Array;
  /** served ÷ demand; NaN when there was no demand. */
  fillRate: Float64Array;
  /** Replenishment cycles (receipt to receipt) that ended in the measured periods, all replications. */
  cycles: Float64Array;
  /** Of those, cycles without a stockout period. */
  cyclesWithoutStockout: Float64Array;
  /** cyclesWithoutStockout ÷ cycles; NaN when no cycle ended. */
  cycleService: Float64Array;
  /** Periods with unserved demand, all replications. */
  stockoutPeriods: Float64Array;
  /** Stockout periods per year of one replication. */
  stockoutPeriodsPerYear: Float64Array;
  /** Average end-of-period on-hand stock (units). */
  averageOnHand: Float64Array;
  /** averageOnHand × unit cost. */
  averageValue: Float64Array;
}

/** The segments results are aggregated over. */
export type SegmentDimension = "All" | "ABC-XYZ" | "Archetype";

/**
 * A policy run's figures for one segment: totals summed over its SKUs, rates demand-weighted
 * (fill rate = Σ served ÷ Σ demand) or cycle-weighted (cycle service), stockout periods per year
 * averaged over its SKUs, values summed.
 */
export interface SegmentMetrics {
  dimension: SegmentDimension;
  /** "All SKUs", an ABC-XYZ cell or an archetype. */
  segment: string;
  skus: number;
  demand: number;
  served: number;
  /** NaN when the segment had no demand. */
  fillRate: number;
  cycles: number;
  cyclesWithoutStockout: number;
  /** NaN when no cycle ended. */
  cycleService: number;
  /** Mean over the segment's SKUs; NaN for an empty segment. */
  stockoutPeriodsPerYear: number;
  /** Σ average inventory value. */
  averageValue: number;
  /** Σ today's inventory value (on hand × unit cost). */
  todayValue: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  perSku: SkuMetrics;
  /** averageValue − the baseline's averageValue per SKU (positive: more cash tied up). */
  cashVsBaseline: Float64Array;
  /** Today's value − averageValue per SKU (positive: cash released against today). */
  releaseVsToday: Float64Array;
  /** "All SKUs", the nine ABC-XYZ cells, the three archetypes, in that order. */
  segments: SegmentMetrics[];
}

/** One point of a segment's frontier. */
export interface FrontierPoint {
  /** The uniform service target every SKU's safety stock was computed for (NaN for current/recommended). */
  serviceTarget: number;
  /** Σ average inventory value of the segment. */
  averageValue: number;
  /** Demand-weighted achieved fill rate. */
  fillRate: number;
}

/** A segment's service-vs-cash frontier (baseline scenario). */
export interface SegmentFrontier {
  dimension: SegmentDimension;
  segment: string;
  /** One point per service-grid target, in grid order. */
  points: FrontierPoint[];
  /** The current policy: the buffer implied by today's on-hand stock (README). */
  current: FrontierPoint;
  /** The recommended policy: the Segmentation's safety stocks (the Baseline scenario). */
  recommended: FrontierPoint;
}

/** The simulated SKUs and the policy each runs under the baseline. */
export interface StressSkus {
  count: number;
  /** Index into the Segmentation's Items. */
  item: Uint32Array;
  sku: string[];
  plant: string[];
  supplier: string[];
  cell: AbcXyzCell[];
  archetype: Archetype[];
  demandModel: DemandModel[];
  unitCost: Float64Array;
  /** Today's value: on hand × unit cost. */
  todayValue: Float64Array;
  /** Mean demand per period and mean lead time (periods), as the Segmentation has them. */
  demandMean: Float64Array;
  leadTime: Float64Array;
  leadTimeSd: Float64Array;
  /** The Segmentation's safety stock and s = mean·(L + 1) + safety stock. */
  safetyStock: Float64Array;
  reorderLevel: Float64Array;
  /** The Segmentation's lot size Q. */
  lotSize: Float64Array;
  /** Warm-up periods used for the SKU. */
  warmup: Uint32Array;
}

/** A SKU of the Segmentation that was not simulated, and why. */
export interface SkippedSku {
  sku: string;
  reason: string;
}

export interface StressResult {
  /** The settings run, scenarios with the Baseline first. */
  settings: StressSettings;
  periodsPerYear: number;
  skus: StressSkus;
  skipped: SkippedSku[];
  /** One per scenario, Baseline first. */
  scenarios: ScenarioResult[];
  /** Per segment ("All SKUs", ABC-XYZ cells, archetypes); empty when the service grid is empty. */
  frontier: SegmentFrontier[];
  /** Per-SKU figures of the current policy; null when the service grid is empty. */
  current: SkuMetrics | null;
}
