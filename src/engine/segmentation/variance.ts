/**
 * Plan vs actual (blueprint step 6.3): the WC Segmentation table of an earlier run (the plan) set
 * against this run's, as inventory value, target, cash release and DIO now vs plan per plant,
 * region, category and SKU, largest inventory variance first. Both writers write the same
 * `WC Variance` sheet from it.
 */
import { EngineError, ErrorKind } from "../errors";
import { CellValue, ReportColumn, ReportSheet, ReportTable, reportColumn as col } from "../report";
import { RunningSum } from "../sum";

export const VARIANCE_SHEET_NAME = "WC Variance";
export const VARIANCE_TABLE_NAME = "WC_Variance";

/** One SKU (at one plant) of a WC Segmentation table: the figures the variance needs. */
export interface PlanRow {
  sku: string;
  plant: string;
  region: string;
  category: string;
  currentValue: number;
  targetValue: number;
  release: number;
  /** Annual demand × unit cost: the annual COGS the DIO uses. */
  annualValue: number;
}

/** A WC Segmentation table reduced to plain rows (a run's "plan" for the next one). */
export interface PlanSnapshot {
  rows: PlanRow[];
}

export interface VarianceOptions {
  /** At most this many SKU rows (the largest variances); the dimension totals always cover all SKUs. */
  maxSkuRows?: number;
}

/**
 * The WC Segmentation columns read, by key and by header (segment.ts names them so): the key when
 * the table comes from a Report, the header when it was read back from a sheet.
 */
export const PLAN_COLUMNS = {
  sku: "SKU",
  plant: "Plant",
  region: "Region",
  category: "Category",
  currentValue: "Current value",
  targetValue: "Target value",
  release: "Cash release",
  annualValue: "Annual value",
} as const;

type PlanKey = keyof typeof PLAN_COLUMNS;
const REQUIRED: readonly PlanKey[] = ["sku", "currentValue"];

function normalise(header: string): string {
  return header.trim().toLowerCase();
}

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/** A numeric cell; blank, text and non-finite read as 0 (an empty figure adds nothing). */
function amount(value: CellValue | undefined): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : 0;
  if (typeof value === "string" && value.trim() !== "") {
    const x = Number(value);
    return Number.isFinite(x) ? x : 0;
  }
  return 0;
}

/**
 * Reads a WC Segmentation table (this run's from the Report, or an earlier one read back from a
 * workbook) into a snapshot. Columns are found by key, else by header (case and outer spaces
 * ignored); SKU and Current value are needed, the others count as blank / 0 when absent. Rows
 * without a SKU (an empty table's blank row) are skipped.
 */
export function planFromSegmentationTable(table: ReportTable): PlanSnapshot {
  const index = {} as Record<PlanKey, number>;
  for (const key of Object.keys(PLAN_COLUMNS) as PlanKey[]) {
    let at = table.columns.findIndex((c) => c.key === key);
    if (at < 0) at = table.columns.findIndex((c) => normalise(c.header) === normalise(PLAN_COLUMNS[key]));
    index[key] = at;
  }
  const missing = REQUIRED.filter((k) => index[k] < 0).map((k) => `"${PLAN_COLUMNS[k]}"`);
  if (missing.length > 0) {
    throw new EngineError(
      ErrorKind.Value,
      `the WC Segmentation table has no ${missing.join(" or ")} column, so it cannot serve as the plan`,
    );
  }
  const cell = (row: CellValue[], key: PlanKey) => (index[key] < 0 ? null : row[index[key]]);
  const rows: PlanRow[] = [];
  for (const row of table.rows) {
    const sku = text(cell(row, "sku"));
    if (sku === "") continue;
    rows.push({
      sku,
      plant: text(cell(row, "plant")),
      region: text(cell(row, "region")),
      category: text(cell(row, "category")),
      currentValue: amount(cell(row, "currentValue")),
      targetValue: amount(cell(row, "targetValue")),
      release: amount(cell(row, "release")),
      annualValue: amount(cell(row, "annualValue")),
    });
  }
  return { rows };
}

/** Sums per segment: inventory value, target, release, annual value. */
const MEASURES = 4;

class Totals {
  readonly sums = new Map<string, RunningSum[]>();

  add(segment: string, row: PlanRow): void {
    let sums = this.sums.get(segment);
    if (!sums) {
      sums = Array.from({ length: MEASURES }, () => new RunningSum());
      this.sums.set(segment, sums);
    }
    [row.currentValue, row.targetValue, row.release, row.annualValue].forEach((v, k) => sums![k].add(v));
  }

  values(segment: string): number[] {
    const sums = this.sums.get(segment);
    return sums ? sums.map((s) => s.value) : new Array<number>(MEASURES).fill(0);
  }
}

type Dimension = "Total" | "Plant" | "Region" | "Category" | "SKU";
const DIMENSIONS: readonly Dimension[] = ["Total", "Plant", "Region", "Category", "SKU"];

/** The segment of a row in a dimension; a SKU is keyed with its plant, as segment() keys duplicates. */
function segmentOf(dimension: Dimension, row: PlanRow): string {
  const orBlank = (s: string) => s || "(blank)";
  switch (dimension) {
    case "Total":
      return "All SKUs";
    case "Plant":
      return orBlank(row.plant);
    case "Region":
      return orBlank(row.region);
    case "Category":
      return orBlank(row.category);
    case "SKU":
      return row.plant ? `${row.sku} @ ${row.plant}` : row.sku;
  }
}

/** Days of inventory: value ÷ annual COGS × 365; empty when there is no annual value. */
function dio(value: number, annualValue: number): number | null {
  return annualValue > 0 ? (value / annualValue) * 365 : null;
}

export const VARIANCE_COLUMNS: ReportColumn[] = [
  col("dimension", "Dimension", "text"),
  col("segment", "Segment", "text"),
  col("status", "Status", "text"),
  col("valueNow", "Inventory value now", "currency"),
  col("valuePlan", "Inventory value plan", "currency"),
  col("valueVariance", "Inventory value variance", "currency"),
  col("targetNow", "Target now", "currency"),
  col("targetPlan", "Target plan", "currency"),
  col("targetVariance", "Target variance", "currency"),
  col("releaseNow", "Release now", "currency"),
  col("releasePlan", "Release plan", "currency"),
  col("releaseVariance", "Release variance", "currency"),
  col("dioNow", "DIO now", "days"),
  col("dioPlan", "DIO plan", "days"),
  col("dioVariance", "DIO variance", "days"),
];

/**
 * WC_Variance: this run's WC Segmentation table against a plan, one row per segment of each
 * dimension (a Total row first, then Plant, Region, Category, SKU), each dimension sorted by
 * |inventory value variance|, largest first. Variance = now − plan. A segment only in this run
 * is "(new)" and only in the plan "(gone)", with the missing side as 0.
 */
export function varianceTable(
  current: ReportTable,
  plan: PlanSnapshot,
  options: VarianceOptions = {},
): ReportTable {
  const now = planFromSegmentationTable(current).rows;
  const rows: CellValue[][] = [];
  for (const dimension of DIMENSIONS) {
    const nowTotals = new Totals();
    const planTotals = new Totals();
    for (const row of now) nowTotals.add(segmentOf(dimension, row), row);
    for (const row of plan.rows) planTotals.add(segmentOf(dimension, row), row);
    const segments = new Set([...nowTotals.sums.keys(), ...planTotals.sums.keys()]);
    if (dimension === "Total") segments.add("All SKUs");
    const block = [...segments].map((segment) => {
      const [valueNow, targetNow, releaseNow, annualNow] = nowTotals.values(segment);
      const [valuePlan, targetPlan, releasePlan, annualPlan] = planTotals.values(segment);
      const status =
        dimension === "Total"
          ? ""
          : !planTotals.sums.has(segment)
            ? "(new)"
            : !nowTotals.sums.has(segment)
              ? "(gone)"
              : "";
      const dioNow = dio(valueNow, annualNow);
      const dioPlan = dio(valuePlan, annualPlan);
      const valueVariance = valueNow - valuePlan;
      const cells: CellValue[] = [
        dimension,
        segment,
        status,
        valueNow,
        valuePlan,
        valueVariance,
        targetNow,
        targetPlan,
        targetNow - targetPlan,
        releaseNow,
        releasePlan,
        releaseNow - releasePlan,
        dioNow,
        dioPlan,
        dioNow === null || dioPlan === null ? null : dioNow - dioPlan,
      ];
      return { segment, size: Math.abs(valueVariance), cells };
    });
    block.sort((a, b) => b.size - a.size || a.segment.localeCompare(b.segment));
    const limit = dimension === "SKU" ? (options.maxSkuRows ?? Infinity) : Infinity;
    for (const entry of block.slice(0, limit)) rows.push(entry.cells);
  }
  return { name: VARIANCE_TABLE_NAME, columns: VARIANCE_COLUMNS, rows };
}

/** The WC Variance sheet: the table at A1 with a frozen header. */
export function varianceSheet(table: ReportTable): ReportSheet {
  return {
    name: VARIANCE_SHEET_NAME,
    blocks: [{ kind: "table", at: { row: 0, column: 0 }, table }],
    charts: [],
    colorScales: [],
    freezeHeader: true,
  };
}
