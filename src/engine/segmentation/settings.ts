/**
 * Segmentation settings with their documented defaults (README "Segmentation rules"). Settings are
 * plain JSON so the pane can persist them in the workbook and the CLI can read them from a file.
 */
import { DEFAULT_A_CUT, DEFAULT_B_CUT, DEFAULT_X_CUT, DEFAULT_Y_CUT } from "../classify";

export type AbcXyzCell = "AX" | "AY" | "AZ" | "BX" | "BY" | "BZ" | "CX" | "CY" | "CZ";
export const ABC_XYZ_CELLS: readonly AbcXyzCell[] = ["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"];

export type Archetype = "Strategic" | "Commodity" | "Tail";
export const ARCHETYPES: readonly Archetype[] = ["Strategic", "Commodity", "Tail"];

/** Working-capital reference days (DIO, DSO, DPO, CCC) for one quartile. */
export interface QuartileDays {
  dio: number;
  dso: number;
  dpo: number;
  ccc: number;
}

export interface SegmentationSettings {
  /** ABC cut-offs on cumulative annual consumption value. */
  aCut: number;
  bCut: number;
  /** XYZ cut-offs on the coefficient of variation of per-period demand. */
  xCut: number;
  yCut: number;
  /** Service target per ABC-XYZ cell (probability). */
  serviceMatrix: Record<AbcXyzCell, number>;
  /** Added to the cell's service target per archetype (e.g. +0.01 for Strategic). */
  archetypeServiceAdjustment: Record<Archetype, number>;
  /** Service targets are clamped into this range after adjustment. */
  minService: number;
  maxService: number;
  /** Safety stock method: cycle service level or fill rate (the lot size is the order quantity). */
  serviceMethod: "cycle" | "fill";
  /** Review period in history periods (0 = continuous review). */
  reviewPeriods: number;
  /** Annual holding cost as a fraction of unit cost. */
  holdingRate: number;
  /** Cost per order when no order-cost column is mapped. */
  defaultOrderCost: number;
  /** The company's target DIO in days (null = use the policy-derived target). */
  targetDio: number | null;
  /** Benchmark quartiles (README cites the source). */
  topQuartile: QuartileDays;
  median: QuartileDays;
  /** SLOB: no movement for more than this many days … */
  slobNoMovementDays: number;
  /** … or more than this many days of supply. */
  slobCoverageDays: number;
  /** Risk flags. */
  longLeadTimeDays: number;
  volatileLeadTimeRatio: number;
  volatileDemandCv: number;
  /** Margin–service matrix: margin % at or above this is "high". */
  highMarginPct: number;
  /** Margin–service matrix: service target at or above this is "critical". */
  criticalService: number;
  /** Archetype rules (README "Archetypes"). */
  archetypeRules: ArchetypeRules;
  /** The date SLOB ages are measured from, as an Excel serial date (null = today). */
  asOfDate: number | null;
  /**
   * Safety stock and reorder point from a per-SKU forecast where there is a demand history
   * (README "Forecast-driven buffers"); false = from the demand mean and SD only.
   */
  forecastBuffers: boolean;
}

/**
 * Archetype rules, applied in order: Strategic if any Strategic condition holds; else Tail if any
 * Tail condition holds; else Commodity.
 */
export interface ArchetypeRules {
  /** ABC classes that are always Strategic. */
  strategicAbc: string[];
  /** A single-source item with a long lead time is Strategic unless its ABC class is in this list. */
  strategicSupplyRiskExceptAbc: string[];
  /** ABC-XYZ cells that are Tail. */
  tailCells: string[];
  /** SLOB items of these ABC classes are Tail. */
  tailSlobAbc: string[];
}

export const DEFAULT_SETTINGS: SegmentationSettings = {
  aCut: DEFAULT_A_CUT,
  bCut: DEFAULT_B_CUT,
  xCut: DEFAULT_X_CUT,
  yCut: DEFAULT_Y_CUT,
  serviceMatrix: { AX: 0.98, AY: 0.96, AZ: 0.95, BX: 0.94, BY: 0.93, BZ: 0.9, CX: 0.9, CY: 0.87, CZ: 0.85 },
  archetypeServiceAdjustment: { Strategic: 0.01, Commodity: 0, Tail: -0.02 },
  minService: 0.5,
  maxService: 0.995,
  serviceMethod: "cycle",
  reviewPeriods: 0,
  holdingRate: 0.25,
  defaultOrderCost: 100,
  targetDio: null,
  // The public top-quartile/median reference set of the product brief (issue #4); editable in the
  // pane because every industry has its own.
  topQuartile: { dio: 29.4, dso: 29.0, dpo: 76.7, ccc: 15.7 },
  median: { dio: 62.5, dso: 48.8, dpo: 49.3, ccc: 46.4 },
  slobNoMovementDays: 180,
  slobCoverageDays: 365,
  longLeadTimeDays: 56,
  volatileLeadTimeRatio: 0.3,
  volatileDemandCv: 1.0,
  highMarginPct: 0.3,
  criticalService: 0.95,
  archetypeRules: {
    strategicAbc: ["A"],
    strategicSupplyRiskExceptAbc: ["C"],
    tailCells: ["CZ"],
    tailSlobAbc: ["B", "C"],
  },
  asOfDate: null,
  forecastBuffers: true,
};

/** Problems with a settings object, in words; empty when it is usable. */
export function validateSettings(s: SegmentationSettings): string[] {
  const problems: string[] = [];
  const probability = (x: number) => x > 0 && x < 1;
  if (!(s.aCut >= 0 && s.aCut <= s.bCut && s.bCut <= 1))
    problems.push("ABC cut-offs need 0 ≤ A cut ≤ B cut ≤ 1.");
  if (!(s.xCut >= 0 && s.xCut <= s.yCut)) problems.push("XYZ cut-offs need 0 ≤ X cut ≤ Y cut.");
  for (const cell of ABC_XYZ_CELLS) {
    if (!probability(s.serviceMatrix[cell]))
      problems.push(`Service target for ${cell} must be between 0% and 100%.`);
  }
  if (!(probability(s.minService) && probability(s.maxService) && s.minService <= s.maxService)) {
    problems.push("Service limits need 0% < minimum ≤ maximum < 100%.");
  }
  if (!(s.reviewPeriods >= 0)) problems.push("Review period must not be negative.");
  if (!(s.holdingRate > 0)) problems.push("Holding rate must be above 0.");
  if (!(s.defaultOrderCost >= 0)) problems.push("Default order cost must not be negative.");
  if (s.targetDio !== null && !(s.targetDio >= 0)) problems.push("Target DIO must not be negative.");
  if (!(s.slobNoMovementDays > 0 && s.slobCoverageDays > 0))
    problems.push("SLOB day limits must be above 0.");
  if (!(s.longLeadTimeDays > 0 && s.volatileLeadTimeRatio > 0 && s.volatileDemandCv > 0)) {
    problems.push("Risk thresholds must be above 0.");
  }
  if (typeof s.forecastBuffers !== "boolean")
    problems.push("Forecast buffers must be on or off (true/false).");
  return problems;
}

/**
 * Settings from partial JSON (a saved workbook setting or a --settings file) over the defaults; a
 * setting saved before it existed (e.g. `forecastBuffers` in an older workbook) takes its default.
 */
export function withDefaults(partial: Partial<SegmentationSettings> | undefined): SegmentationSettings {
  const p = partial ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...p,
    serviceMatrix: { ...DEFAULT_SETTINGS.serviceMatrix, ...p.serviceMatrix },
    archetypeServiceAdjustment: {
      ...DEFAULT_SETTINGS.archetypeServiceAdjustment,
      ...p.archetypeServiceAdjustment,
    },
    topQuartile: { ...DEFAULT_SETTINGS.topQuartile, ...p.topQuartile },
    median: { ...DEFAULT_SETTINGS.median, ...p.median },
    archetypeRules: { ...DEFAULT_SETTINGS.archetypeRules, ...p.archetypeRules },
  };
}
