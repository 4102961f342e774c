/**
 * The per-SKU stress test ("digital twin", DESIGN §5; README "Stress test"): seeded Monte Carlo
 * simulation of every segmented SKU's (s, nQ) policy under disruption scenarios, with the
 * service-vs-cash frontier per segment, and the "WC Stress test" report sheet.
 *
 * Use:
 * ```ts
 * const segmentation = segment(input, mapping, settings);
 * const result = stressTest(segmentation, input, mapping, settings, stress, (p) => report(p.done / p.total));
 * const sheet = stressSheet(result);
 * ```
 * stressTest is synchronous and pure: the pane runs it in a Web Worker (cancel = terminate the
 * worker), the CLI calls it directly. Validate first with validateStressSettings (stressTest throws
 * a RangeError listing the same problems otherwise).
 */
export {
  BASELINE_NAME,
  DEFAULT_SERVICE_GRID,
  DEFAULT_STRESS_SETTINGS,
  MAX_GRID_POINTS,
  MAX_REPLICATIONS,
  MAX_SCENARIOS,
  MAX_STRESS_PERIODS,
  isPlainScenario,
  parseScenarios,
  stressSettingsFromJson,
  validateScenarios,
  validateStressSettings,
  withBaseline,
} from "./scenarios";
export type { Scenario, StressSettings } from "./scenarios";
export type {
  DemandModel,
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
export { stressTest } from "./stressTest";
export { STRESS_SHEET_NAME, STRESS_SKU_ROW_LIMIT, stressSheet } from "./sheet";
