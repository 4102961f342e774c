/**
 * The "WC Stress test" sheet: settings and headline figures, the scenario table (per scenario ×
 * segment), the service-vs-cash frontier (table and XY scatter chart) with the current and the
 * recommended policy, and a per-SKU table (README "Stress test" → "What it writes").
 */
import {
  CellValue,
  ChartSpec,
  Kpi,
  ReportSheet,
  ReportTable,
  SheetBlock,
  XYSeriesSpec,
  reportColumn as col,
  numberCell as num,
} from "../../report";
import { ALL_SKUS } from "./stressTest";
import { StressResult } from "./types";

export const STRESS_SHEET_NAME = "WC Stress test";
/** Most SKU rows on the sheet: the SKUs of highest annual value (mean demand × unit cost) first. */
export const STRESS_SKU_ROW_LIMIT = 10000;

export const STRESS_TABLE_NAMES = {
  scenarios: "WC_StressScenarios",
  frontier: "WC_StressFrontier",
  policies: "WC_StressPolicies",
  skus: "WC_StressSkus",
} as const;

/** Excel's default row height in points (the chart's height in rows, for placing it). */
const ROW_HEIGHT_POINTS = 15;

/** Segments drawn as frontier curves (the frontier table has every segment). */
const CHART_SEGMENTS = [ALL_SKUS, "Strategic", "Commodity", "Tail"];

/** Rows a table block takes on the sheet: caption, header, body (an empty table keeps one blank row). */
function blockHeight(table: ReportTable): number {
  return 2 + Math.max(1, table.rows.length);
}

function scenarioTable(result: StressResult): ReportTable {
  const rows: CellValue[][] = [];
  for (const s of result.scenarios) {
    const baseline = result.scenarios[0].segments;
    s.segments.forEach((m, k) => {
      rows.push([
        s.scenario.name,
        m.dimension,
        m.segment,
        m.skus,
        num(m.fillRate),
        num(m.cycleService),
        num(m.stockoutPeriodsPerYear),
        m.averageValue,
        m.averageValue - baseline[k].averageValue,
        m.todayValue - m.averageValue,
      ]);
    });
  }
  return {
    name: STRESS_TABLE_NAMES.scenarios,
    columns: [
      col("scenario", "Scenario", "text"),
      col("dimension", "Dimension", "text"),
      col("segment", "Segment", "text"),
      col("skus", "SKUs", "integer"),
      col("fillRate", "Fill rate", "percent"),
      col("cycleService", "Cycle service", "percent"),
      col("stockoutPeriodsPerYear", "Stockout periods per SKU-year", "ratio"),
      col("averageValue", "Average inventory value", "currency"),
      col("cashVsBaseline", "Cash vs baseline", "currency"),
      col("releaseVsToday", "Cash release vs today", "currency"),
    ],
    rows,
  };
}

function frontierTable(result: StressResult): ReportTable {
  const columns = [col("serviceTarget", "Service target", "percent")];
  result.frontier.forEach((f, k) => {
    columns.push(col(`value${k}`, `${f.segment} inventory value`, "currency"));
    columns.push(col(`fill${k}`, `${f.segment} fill rate`, "percent"));
  });
  const rows = result.settings.serviceGrid.map((target, g) => {
    const row: CellValue[] = [target];
    for (const f of result.frontier) row.push(f.points[g].averageValue, num(f.points[g].fillRate));
    return row;
  });
  return { name: STRESS_TABLE_NAMES.frontier, columns, rows };
}

function policiesTable(result: StressResult): ReportTable {
  return {
    name: STRESS_TABLE_NAMES.policies,
    columns: [
      col("segment", "Segment", "text"),
      col("currentValue", "Current policy: inventory value", "currency"),
      col("currentFill", "Current policy: fill rate", "percent"),
      col("recommendedValue", "Recommended policy: inventory value", "currency"),
      col("recommendedFill", "Recommended policy: fill rate", "percent"),
    ],
    rows: result.frontier
      .filter((f) => CHART_SEGMENTS.includes(f.segment))
      .map((f) => [
        f.segment,
        f.current.averageValue,
        num(f.current.fillRate),
        f.recommended.averageValue,
        num(f.recommended.fillRate),
      ]),
  };
}

/** SKU positions in sheet order: highest annual value first (ties keep input order), capped. */
function skuOrder(result: StressResult): number[] {
  const { skus } = result;
  const order = Array.from({ length: skus.count }, (_, j) => j);
  const value = (j: number) => skus.demandMean[j] * skus.unitCost[j];
  order.sort((a, b) => value(b) - value(a) || a - b);
  return order.slice(0, STRESS_SKU_ROW_LIMIT);
}

function skuTable(result: StressResult): ReportTable {
  const { skus } = result;
  const columns = [
    col("sku", "SKU", "text"),
    col("plant", "Plant", "text"),
    col("supplier", "Supplier", "text"),
    col("cell", "ABC-XYZ", "text"),
    col("archetype", "Archetype", "text"),
    col("demandModel", "Demand model", "text"),
    col("safetyStock", "Safety stock", "quantity"),
    col("reorderLevel", "Reorder level s", "quantity"),
    col("lotSize", "Lot size Q", "quantity"),
    col("todayValue", "Value today", "currency"),
  ];
  result.scenarios.forEach((s, k) => {
    const name = s.scenario.name;
    columns.push(col(`fill${k}`, `${name}: fill rate`, "percent"));
    columns.push(col(`stockouts${k}`, `${name}: stockout periods per year`, "ratio"));
    columns.push(col(`value${k}`, `${name}: average inventory value`, "currency"));
  });
  const rows = skuOrder(result).map((j) => {
    const row: CellValue[] = [
      skus.sku[j],
      skus.plant[j],
      skus.supplier[j],
      skus.cell[j],
      skus.archetype[j],
      skus.demandModel[j],
      skus.safetyStock[j],
      skus.reorderLevel[j],
      skus.lotSize[j],
      skus.todayValue[j],
    ];
    for (const s of result.scenarios) {
      row.push(num(s.perSku.fillRate[j]), s.perSku.stockoutPeriodsPerYear[j], s.perSku.averageValue[j]);
    }
    return row;
  });
  return { name: STRESS_TABLE_NAMES.skus, columns, rows };
}

function kpis(result: StressResult): Kpi[] {
  const { settings, skus, skipped } = result;
  const all = result.scenarios[0].segments[0];
  const warmups = [...new Set(skus.warmup)];
  return [
    {
      label: "SKUs simulated",
      value: skus.count,
      format: "integer",
      note: "segmented SKUs with demand and a lot size",
    },
    {
      label: "SKUs not simulated",
      value: skipped.length,
      format: "integer",
      note: skipped.length > 0 ? "no demand or no lot size (see the Segmentation)" : "",
    },
    { label: "Replications", value: settings.replications, format: "integer", note: "per SKU and policy" },
    { label: "Periods measured", value: settings.periods, format: "integer", note: "per replication" },
    {
      label: "Warm-up periods",
      value: settings.warmup ?? (warmups.length === 1 ? warmups[0] : "per SKU"),
      format: "integer",
      note: settings.warmup === undefined ? "one lead time plus one order cycle per SKU" : "",
    },
    { label: "Seed", value: settings.seed, format: "integer", note: "same seed, same results" },
    {
      label: "Baseline fill rate",
      value: num(all.fillRate),
      format: "percent",
      note: "demand-weighted, all SKUs",
    },
    {
      label: "Baseline average inventory value",
      value: all.averageValue,
      format: "currency",
      note: "recommended policy, simulated",
    },
    {
      label: "Inventory value today",
      value: all.todayValue,
      format: "currency",
      note: "on hand × unit cost",
    },
  ];
}

/** The "WC Stress test" sheet of a stress-test result. */
export function stressSheet(result: StressResult): ReportSheet {
  const { settings, skus } = result;
  const blocks: SheetBlock[] = [];
  const charts: ChartSpec[] = [];
  blocks.push({
    kind: "title",
    at: { row: 0, column: 0 },
    text:
      `Stress test: ${skus.count.toLocaleString("en-US")} SKUs × ${settings.replications.toLocaleString("en-US")} ` +
      `replications × ${settings.periods.toLocaleString("en-US")} periods (seed ${settings.seed})`,
  });
  const kpiList = kpis(result);
  blocks.push({ kind: "kpis", at: { row: 2, column: 0 }, kpis: kpiList });
  let row = 2 + kpiList.length + 1;

  const scenarios = scenarioTable(result);
  blocks.push({
    kind: "table",
    at: { row, column: 0 },
    table: scenarios,
    caption:
      "Scenarios by segment (cash vs baseline: + is more cash tied up; release vs today: + is cash freed)",
  });
  const chartAt = { row, column: 0 };
  row += blockHeight(scenarios) + 1;

  if (result.frontier.length > 0) {
    const frontier = frontierTable(result);
    blocks.push({
      kind: "table",
      at: { row, column: 0 },
      table: frontier,
      caption: "Service-vs-cash frontier: every SKU's safety stock at the target, baseline scenario",
    });
    row += blockHeight(frontier) + 1;
    const policies = policiesTable(result);
    blocks.push({
      kind: "table",
      at: { row, column: 0 },
      table: policies,
      caption: "Current policy (buffer implied by today's stock) and recommended policy (the Segmentation's)",
    });
    row += blockHeight(policies) + 1;

    const series: XYSeriesSpec[] = [];
    result.frontier.forEach((f, k) => {
      // A segment without simulated SKUs (no Commodity items, say) has no curve: no legend entry.
      if (CHART_SEGMENTS.includes(f.segment) && f.points.some((p) => Number.isFinite(p.fillRate)))
        series.push({ name: f.segment, table: frontier.name, x: `value${k}`, y: `fill${k}`, line: true });
    });
    series.push({
      name: "Current policy",
      table: policies.name,
      x: "currentValue",
      y: "currentFill",
      line: false,
    });
    series.push({
      name: "Recommended policy",
      table: policies.name,
      x: "recommendedValue",
      y: "recommendedFill",
      line: false,
    });
    charts.push({
      kind: "scatter",
      title: "Service vs cash by segment",
      at: chartAt,
      width: 560,
      height: 340,
      series,
      xTitle: "Average inventory value",
      yTitle: "Achieved fill rate",
    });
  }

  const skuRows = skuTable(result);
  const capped = skus.count > STRESS_SKU_ROW_LIMIT;
  blocks.push({
    kind: "table",
    at: { row, column: 0 },
    table: skuRows,
    caption: capped
      ? `Per SKU: the ${STRESS_SKU_ROW_LIMIT.toLocaleString("en-US")} SKUs of highest annual value of ${skus.count.toLocaleString("en-US")}`
      : "Per SKU, highest annual value first",
  });

  // The chart goes right of every table it would otherwise cover (rows under its height).
  for (const chart of charts) {
    const lastRow = chart.at.row + Math.ceil(chart.height / ROW_HEIGHT_POINTS);
    for (const block of blocks) {
      if (block.kind === "table" && block.at.row <= lastRow)
        chart.at.column = Math.max(chart.at.column, block.at.column + block.table.columns.length + 1);
    }
  }
  return { name: STRESS_SHEET_NAME, blocks, charts, colorScales: [], freezeHeader: false };
}
