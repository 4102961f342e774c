/** Small hand-made SKU tables for the stress-test tests. */
import { CellValue } from "../../../src/engine/report";
import { ColumnMapping, InputTable } from "../../../src/engine/segmentation/input";
import { segment } from "../../../src/engine/segmentation/segment";
import { SegmentationSettings, withDefaults } from "../../../src/engine/segmentation/settings";
import { StressSettings } from "../../../src/engine/simulation/stress";
import { DEFAULT_STRESS_SETTINGS } from "../../../src/engine/simulation/stress";

export interface SkuRow {
  sku: string;
  unitCost: number;
  onHand: number;
  leadTime: number;
  leadTimeSd?: number;
  moq?: number;
  supplier?: string;
  /** Weekly history (blank cells as null). */
  history: (number | null)[];
}

export const FIXED_HEADERS = ["SKU", "Unit Cost", "On Hand", "Lead Time", "Lead Time SD", "MOQ", "Supplier"];

export function skuTable(rows: SkuRow[]): { input: InputTable; mapping: ColumnMapping } {
  const periods = Math.max(...rows.map((r) => r.history.length));
  const headers = [...FIXED_HEADERS, ...Array.from({ length: periods }, (_, t) => `W${t + 1}`)];
  const cells: CellValue[][] = rows.map((r) => [
    r.sku,
    r.unitCost,
    r.onHand,
    r.leadTime,
    r.leadTimeSd ?? 0,
    r.moq ?? 0,
    r.supplier ?? "",
    ...Array.from({ length: periods }, (_, t) => r.history[t] ?? null),
  ]);
  const mapping: ColumnMapping = {
    columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3, leadTimeSd: 4, moq: 5, supplier: 6 },
    history: Array.from({ length: periods }, (_, t) => FIXED_HEADERS.length + t),
    periodUnit: "week",
    leadTimeUnit: "period",
  };
  return { input: { headers, rows: cells }, mapping };
}

export const SETTINGS: SegmentationSettings = withDefaults({ asOfDate: 46000 });

/** Segments a table and returns everything stressTest needs. */
export function prepared(rows: SkuRow[], settings: SegmentationSettings = SETTINGS) {
  const { input, mapping } = skuTable(rows);
  return { input, mapping, settings, segmentation: segment(input, mapping, settings) };
}

/** Stress settings for hand-derived runs: one replication, no warm-up, no frontier. */
export function exact(overrides: Partial<StressSettings> = {}): StressSettings {
  return {
    ...DEFAULT_STRESS_SETTINGS,
    replications: 1,
    periods: 52,
    warmup: 0,
    serviceGrid: [],
    scenarios: [],
    ...overrides,
  };
}

/** 104 weeks of the same demand. */
export function flat(demand: number, weeks = 104): number[] {
  return Array.from({ length: weeks }, () => demand);
}
