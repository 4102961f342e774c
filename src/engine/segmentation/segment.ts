/**
 * segment(input, mapping, settings) → Report: the task pane's and the command line's main job.
 * Sheets: WC Segmentation (one row per segmented input row), WC Release targets, WC Suppliers,
 * WC Summary (KPIs, Pareto, ABC-XYZ heat map, release by segment, DIO benchmark) and
 * WC Exceptions (one row per input row that could not be segmented, with every reason).
 */
import {
  CellValue,
  ChartSpec,
  Kpi,
  Report,
  ReportColumn,
  ReportSheet,
  ReportTable,
  reportColumn as col,
  numberCell as num,
} from "../report";
import { RunningSum, neumaierSum } from "../sum";
import { DAYS_PER_YEAR, cashReleaseValue } from "../workingCapital";
import { ColumnMapping, InputTable } from "./input";
import { BUFFER_BASIS_TEXT, ItemForecasts, forecastItems } from "./forecastBuffers";
import { Policies, computePolicies } from "./policy";
import { Items, Prepared, prepareItems } from "./prepare";
import { ABC_XYZ_CELLS, ARCHETYPES, SegmentationSettings } from "./settings";

export const SHEET_NAMES = {
  segmentation: "WC Segmentation",
  release: "WC Release targets",
  suppliers: "WC Suppliers",
  summary: "WC Summary",
  exceptions: "WC Exceptions",
} as const;

/** Headline figures (also shown as KPIs on the Summary sheet). */
export interface SegmentationSummary {
  inputRows: number;
  segmented: number;
  exceptions: number;
  inventoryValue: number;
  targetValue: number;
  release: number;
  slobValue: number;
  /** Σ annual demand × unit cost: the annual COGS the DIO figures use. */
  annualCogs: number;
  dioNow: number;
  dioTarget: number;
  dioTopQuartile: number;
  releaseAtTopQuartile: number;
  weightedServiceTarget: number;
  /** SKUs whose buffer and reorder point come from their forecast. */
  forecastSkus: number;
  /** Σ (recommended − demand-SD safety stock) in units, and its value at unit cost. */
  bufferChangeUnits: number;
  bufferCashEffect: number;
}

export interface SegmentationResult {
  report: Report;
  summary: SegmentationSummary;
  prepared: Prepared;
  forecasts: ItemForecasts;
  policies: Policies;
}

function yesNo(flag: boolean): string {
  return flag ? "Yes" : "No";
}

const SEGMENTATION_COLUMNS: ReportColumn[] = [
  col("row", "Row", "integer"),
  col("sku", "SKU", "text"),
  col("description", "Description", "text"),
  col("category", "Category", "text"),
  col("plant", "Plant", "text"),
  col("region", "Region", "text"),
  col("supplier", "Supplier", "text"),
  col("abc", "ABC", "text"),
  col("xyz", "XYZ", "text"),
  col("cell", "ABC-XYZ", "text"),
  col("archetype", "Archetype", "text"),
  col("marginService", "Margin-service", "text"),
  col("singleSource", "Single source", "text"),
  col("longLeadTime", "Long lead time", "text"),
  col("volatileLeadTime", "Volatile lead time", "text"),
  col("volatileDemand", "Volatile demand", "text"),
  col("serviceTarget", "Service target", "percent"),
  col("demandMean", "Demand per period", "quantity"),
  col("demandSd", "Demand SD", "quantity"),
  col("demandCv", "Demand CV", "ratio"),
  col("demandClass", "Demand class", "text"),
  col("annualDemand", "Annual demand", "quantity"),
  col("annualValue", "Annual value", "currency"),
  col("leadTime", "Lead time (periods)", "quantity"),
  col("sigmaLt", "σLT", "quantity"),
  col("forecastMethod", "Forecast method", "text"),
  col("holdoutWape", "Holdout WAPE", "percent"),
  col("holdoutBias", "Holdout bias", "percent"),
  col("forecastSigma", "Forecast σ (per period)", "quantity"),
  col("forecastSigmaLt", "Forecast σLT", "quantity"),
  col("bufferDemandSd", "Buffer (demand SD)", "quantity"),
  col("bufferForecast", "Buffer (forecast)", "quantity"),
  col("bufferBasis", "Buffer basis", "text"),
  col("bufferChange", "Buffer change", "quantity"),
  col("bufferCashEffect", "Cash effect of forecast", "currency"),
  col("safetyStock", "Safety stock", "quantity"),
  col("reorderPoint", "Reorder point", "quantity"),
  col("lotSize", "Lot size", "quantity"),
  col("targetUnits", "Target avg inventory", "quantity"),
  col("targetValue", "Target value", "currency"),
  col("onHand", "On hand", "quantity"),
  col("currentValue", "Current value", "currency"),
  col("release", "Cash release", "currency"),
  col("slob", "SLOB", "text"),
  col("slobExcess", "SLOB excess", "currency"),
  col("daysOfSupply", "Days of supply", "days"),
  col("daysSinceMovement", "Days since movement", "days"),
  col("grossMarginPct", "Gross margin %", "percent"),
  col("gmroii", "GMROII", "ratio"),
  col("policy", "Recommended policy", "text"),
  col("warnings", "Warnings", "text"),
];

function segmentationTable(items: Items, p: Policies, f: ItemForecasts): ReportTable {
  const rows: CellValue[][] = new Array(items.count);
  for (let i = 0; i < items.count; i++) {
    rows[i] = [
      items.sourceRow[i],
      items.sku[i],
      items.description[i],
      items.category[i],
      items.plant[i],
      items.region[i],
      items.supplier[i],
      p.abc[i],
      p.xyz[i],
      p.cell[i],
      p.archetype[i],
      p.marginService[i],
      yesNo(p.singleSource[i]),
      yesNo(p.longLeadTime[i]),
      yesNo(p.volatileLeadTime[i]),
      yesNo(p.volatileDemand[i]),
      p.serviceTarget[i],
      num(items.demandMean[i]),
      num(items.demandSd[i]),
      num(items.demandCv[i]),
      f.demandClass[i],
      num(items.annualDemand[i]),
      p.annualValue[i],
      items.leadTimePeriods[i],
      p.sigmaLt[i],
      f.method[i] === "" ? "none" : f.method[i],
      num(f.wape[i]),
      num(f.bias[i]),
      num(f.rmse[i]),
      num(p.forecastSigmaLt[i]),
      p.bufferDemandSd[i],
      num(p.bufferForecast[i]),
      BUFFER_BASIS_TEXT[f.basis[i]],
      p.bufferChange[i],
      p.bufferCashEffect[i],
      p.safetyStock[i],
      p.reorderPoint[i],
      p.lotSize[i],
      p.targetUnits[i],
      p.targetValue[i],
      items.onHand[i],
      p.currentValue[i],
      p.release[i],
      yesNo(p.slob[i]),
      p.slobExcess[i],
      num(p.daysOfSupply[i]),
      num(p.daysSinceMovement[i]),
      num(p.grossMarginPct[i]),
      num(p.gmroii[i]),
      p.policy[i],
      p.warnings[i].join("; "),
    ];
  }
  return { name: "WC_Segmentation", columns: SEGMENTATION_COLUMNS, rows };
}

function exceptionsTable(input: InputTable, prepared: Prepared, mapping: ColumnMapping): ReportTable {
  const descriptionColumn = mapping.columns.description;
  const plantColumn = mapping.columns.plant;
  const cellText = (row: CellValue[], column: number | undefined) =>
    column === undefined || row[column] === null || row[column] === undefined ? "" : String(row[column]);
  return {
    name: "WC_Exceptions",
    columns: [
      col("row", "Row", "integer"),
      col("sku", "SKU", "text"),
      col("description", "Description", "text"),
      col("plant", "Plant", "text"),
      col("reasons", "Reasons", "text"),
    ],
    rows: prepared.exceptions.map((e) => [
      e.sourceRow,
      e.sku,
      cellText(input.rows[e.index], descriptionColumn),
      cellText(input.rows[e.index], plantColumn),
      e.reasons.join("; "),
    ]),
  };
}

/** Sums of values per segment, with compensated totals. */
class SegmentTotals {
  readonly skus = new Map<string, number>();
  readonly sums = new Map<string, RunningSum[]>();

  constructor(private readonly measures: number) {}

  add(segment: string, values: number[]): void {
    this.skus.set(segment, (this.skus.get(segment) ?? 0) + 1);
    let sums = this.sums.get(segment);
    if (!sums) {
      sums = Array.from({ length: this.measures }, () => new RunningSum());
      this.sums.set(segment, sums);
    }
    values.forEach((v, k) => sums![k].add(v));
  }

  value(segment: string, measure: number): number {
    return this.sums.get(segment)?.[measure].value ?? 0;
  }
}

const RELEASE_DIMENSIONS = ["ABC-XYZ", "Archetype", "Category", "Plant", "Region"] as const;

function releaseTable(items: Items, p: Policies, totalCurrent: number): ReportTable {
  const rows: CellValue[][] = [];
  for (const dimension of RELEASE_DIMENSIONS) {
    const totals = new SegmentTotals(4);
    const segmentOf = (i: number): string => {
      switch (dimension) {
        case "ABC-XYZ":
          return p.cell[i];
        case "Archetype":
          return p.archetype[i];
        case "Category":
          return items.category[i] || "(blank)";
        case "Plant":
          return items.plant[i] || "(blank)";
        case "Region":
          return items.region[i] || "(blank)";
      }
    };
    for (let i = 0; i < items.count; i++) {
      totals.add(segmentOf(i), [p.currentValue[i], p.targetValue[i], p.release[i], p.slobExcess[i]]);
    }
    const fixed: readonly string[] =
      dimension === "ABC-XYZ" ? ABC_XYZ_CELLS : dimension === "Archetype" ? ARCHETYPES : [];
    const segments =
      fixed.length > 0 ? [...fixed] : [...totals.skus.keys()].sort((a, b) => a.localeCompare(b));
    for (const segment of segments) {
      const current = totals.value(segment, 0);
      rows.push([
        dimension,
        segment,
        totals.skus.get(segment) ?? 0,
        current,
        totals.value(segment, 1),
        totals.value(segment, 2),
        totals.value(segment, 3),
        totalCurrent > 0 ? current / totalCurrent : 0,
      ]);
    }
  }
  return {
    name: "WC_ReleaseTargets",
    columns: [
      col("dimension", "Dimension", "text"),
      col("segment", "Segment", "text"),
      col("skus", "SKUs", "integer"),
      col("currentValue", "Cash tied now", "currency"),
      col("targetValue", "Target", "currency"),
      col("release", "Release", "currency"),
      col("slobExcess", "SLOB excess", "currency"),
      col("valueShare", "Share of inventory value", "percent"),
    ],
    rows,
  };
}

export type KraljicQuadrant = "Strategic" | "Leverage" | "Bottleneck" | "Non-critical";

/**
 * Kraljic (1983) per supplier: spend is the annual value bought from it; supply risk is the
 * value-weighted share of its SKUs that are single-source, long or volatile lead time. High spend
 * = the suppliers that make up the first 80% of total spend (ABC on suppliers); high risk = a
 * risk share of 50% or more.
 */
function suppliersTable(items: Items, p: Policies): ReportTable {
  const totals = new SegmentTotals(5);
  for (let i = 0; i < items.count; i++) {
    const risky = p.singleSource[i] || p.longLeadTime[i] || p.volatileLeadTime[i];
    totals.add(items.supplier[i] || "(blank)", [
      p.annualValue[i],
      risky ? p.annualValue[i] : 0,
      p.singleSource[i] ? 1 : 0,
      p.currentValue[i],
      p.release[i],
    ]);
  }
  const suppliers = [...totals.skus.keys()].sort(
    (a, b) => totals.value(b, 0) - totals.value(a, 0) || a.localeCompare(b),
  );
  const totalSpend = suppliers.reduce((s, x) => s + totals.value(x, 0), 0);
  const rows: CellValue[][] = [];
  const spentBefore = new RunningSum();
  for (const supplier of suppliers) {
    const spend = totals.value(supplier, 0);
    const highSpend = totalSpend > 0 && spentBefore.value / totalSpend < 0.8 && spend > 0;
    spentBefore.add(spend);
    const riskShare = spend > 0 ? totals.value(supplier, 1) / spend : 0;
    const highRisk = riskShare >= 0.5;
    const quadrant: KraljicQuadrant = highSpend
      ? highRisk
        ? "Strategic"
        : "Leverage"
      : highRisk
        ? "Bottleneck"
        : "Non-critical";
    rows.push([
      supplier,
      totals.skus.get(supplier) ?? 0,
      spend,
      totalSpend > 0 ? spend / totalSpend : 0,
      riskShare,
      totals.value(supplier, 2),
      quadrant,
      totals.value(supplier, 3),
      totals.value(supplier, 4),
    ]);
  }
  return {
    name: "WC_Suppliers",
    columns: [
      col("supplier", "Supplier", "text"),
      col("skus", "SKUs", "integer"),
      col("spend", "Annual spend", "currency"),
      col("spendShare", "Share of spend", "percent"),
      col("supplyRisk", "Supply risk (value share at risk)", "percent"),
      col("singleSourceSkus", "Single-source SKUs", "integer"),
      col("quadrant", "Kraljic quadrant", "text"),
      col("currentValue", "Inventory value", "currency"),
      col("release", "Cash release", "currency"),
    ],
    rows,
  };
}

function summarise(
  input: InputTable,
  prepared: Prepared,
  p: Policies,
  s: SegmentationSettings,
): SegmentationSummary {
  const inventoryValue = neumaierSum(p.currentValue);
  const targetValue = neumaierSum(p.targetValue);
  const annualCogs = neumaierSum(p.annualValue);
  const dio = (value: number) => (annualCogs > 0 ? (value / annualCogs) * DAYS_PER_YEAR : NaN);
  const dioNow = dio(inventoryValue);
  const weighted = new RunningSum();
  for (let i = 0; i < p.serviceTarget.length; i++) weighted.add(p.serviceTarget[i] * p.annualValue[i]);
  let forecastSkus = 0;
  for (const used of p.forecastUsed) if (used) forecastSkus++;
  return {
    inputRows: input.rows.length,
    segmented: prepared.items.count,
    exceptions: prepared.exceptions.length,
    inventoryValue,
    targetValue,
    release: neumaierSum(p.release),
    slobValue: neumaierSum(p.slobExcess),
    annualCogs,
    dioNow,
    dioTarget: s.targetDio ?? dio(targetValue),
    dioTopQuartile: s.topQuartile.dio,
    releaseAtTopQuartile: annualCogs > 0 ? cashReleaseValue(dioNow, s.topQuartile.dio, annualCogs) : 0,
    weightedServiceTarget: annualCogs > 0 ? weighted.value / annualCogs : NaN,
    forecastSkus,
    bufferChangeUnits: neumaierSum(p.bufferChange),
    bufferCashEffect: neumaierSum(p.bufferCashEffect),
  };
}

/** Pareto curve in 20 steps of 5% of SKUs: cumulative share of annual value. */
function paretoTable(p: Policies): ReportTable {
  const values = Array.from(p.annualValue).sort((a, b) => b - a);
  const total = values.reduce((a, b) => a + b, 0);
  const rows: CellValue[][] = [];
  const running = new RunningSum();
  let taken = 0;
  for (let step = 1; step <= 20; step++) {
    const upTo = Math.round((values.length * step) / 20);
    let stepValue = 0;
    for (; taken < upTo; taken++) {
      stepValue += values[taken];
      running.add(values[taken]);
    }
    rows.push([`${step * 5}%`, stepValue, total > 0 ? running.value / total : 0]);
  }
  return {
    name: "WC_Pareto",
    columns: [
      col("skuShare", "Share of SKUs", "text"),
      col("value", "Annual value", "currency"),
      col("cumulativeShare", "Cumulative share of value", "percent"),
    ],
    rows,
  };
}

function heatMapTable(p: Policies): ReportTable {
  const count = new Map<string, number>();
  const value = new Map<string, number>();
  for (let i = 0; i < p.cell.length; i++) {
    count.set(p.cell[i], (count.get(p.cell[i]) ?? 0) + 1);
    value.set(p.cell[i], (value.get(p.cell[i]) ?? 0) + p.currentValue[i]);
  }
  const rows = ["A", "B", "C"].map((abc) => [
    abc,
    ...["X", "Y", "Z"].map((xyz) => count.get(abc + xyz) ?? 0),
    ...["X", "Y", "Z"].map((xyz) => value.get(abc + xyz) ?? 0),
  ]);
  return {
    name: "WC_HeatMap",
    columns: [
      col("abc", "ABC", "text"),
      col("countX", "SKUs X", "integer"),
      col("countY", "SKUs Y", "integer"),
      col("countZ", "SKUs Z", "integer"),
      col("valueX", "Value X", "currency"),
      col("valueY", "Value Y", "currency"),
      col("valueZ", "Value Z", "currency"),
    ],
    rows,
  };
}

function releaseByArchetypeTable(p: Policies): ReportTable {
  // Compensated, like the release table's Archetype rows, so the chart and that table agree exactly.
  const totals = new SegmentTotals(2);
  for (let i = 0; i < p.archetype.length; i++) totals.add(p.archetype[i], [p.release[i], p.slobExcess[i]]);
  return {
    name: "WC_ReleaseBySegment",
    columns: [
      col("segment", "Archetype", "text"),
      col("release", "Cash release", "currency"),
      col("slobExcess", "of which SLOB", "currency"),
    ],
    rows: ARCHETYPES.map((a) => [a, totals.value(a, 0), totals.value(a, 1)]),
  };
}

function dioTable(summary: SegmentationSummary, s: SegmentationSettings): ReportTable {
  return {
    name: "WC_DioBenchmark",
    columns: [col("measure", "DIO", "text"), col("days", "Days", "days")],
    rows: [
      ["Now", num(summary.dioNow)],
      [s.targetDio === null ? "Policy target" : "Your target", num(summary.dioTarget)],
      ["Top quartile", s.topQuartile.dio],
      ["Median", s.median.dio],
    ],
  };
}

function summarySheet(
  summary: SegmentationSummary,
  p: Policies,
  s: SegmentationSettings,
  source: string,
): ReportSheet {
  const kpis: Kpi[] = [
    { label: "Inventory value now", value: summary.inventoryValue, format: "currency" },
    {
      label: "Target inventory value",
      value: summary.targetValue,
      format: "currency",
      note: "safety stock + half a lot, per SKU",
    },
    { label: "Cash release", value: summary.release, format: "currency", note: "Σ max(0, current − target)" },
    { label: "of which SLOB", value: summary.slobValue, format: "currency" },
    { label: "DIO now", value: num(summary.dioNow), format: "days", note: "inventory ÷ annual COGS × 365" },
    { label: "DIO target", value: num(summary.dioTarget), format: "days" },
    { label: "DIO top quartile", value: summary.dioTopQuartile, format: "days" },
    { label: "Release at top-quartile DIO", value: summary.releaseAtTopQuartile, format: "currency" },
    {
      label: "Weighted service target",
      value: num(summary.weightedServiceTarget),
      format: "percent",
      note: "by annual value",
    },
    {
      label: "Buffer change from forecasts",
      value: summary.bufferChangeUnits,
      format: "quantity",
      note: `units of safety stock, ${summary.forecastSkus} SKUs on forecast buffers`,
    },
    {
      label: "Cash effect of forecasts",
      value: summary.bufferCashEffect,
      format: "currency",
      note: "Σ buffer change × unit cost (negative frees cash)",
    },
    { label: "SKUs segmented", value: summary.segmented, format: "integer" },
    { label: "Rows in Exceptions", value: summary.exceptions, format: "integer" },
  ];
  const pareto = paretoTable(p);
  const heat = heatMapTable(p);
  const bySegment = releaseByArchetypeTable(p);
  const dio = dioTable(summary, s);
  const kpiRows = kpis.length;
  const tablesAt = kpiRows + 4;
  const charts: ChartSpec[] = [
    {
      kind: "pareto",
      title: "Pareto: cumulative share of annual value",
      table: pareto.name,
      categories: "skuShare",
      series: ["value"],
      cumulative: "cumulativeShare",
      at: { row: 1, column: 8 },
      width: 480,
      height: 260,
    },
    {
      kind: "bar",
      title: "Cash release by archetype",
      table: bySegment.name,
      categories: "segment",
      series: ["release", "slobExcess"],
      at: { row: 20, column: 8 },
      width: 480,
      height: 220,
    },
    {
      kind: "column",
      title: "DIO: now vs target vs benchmark",
      table: dio.name,
      categories: "measure",
      series: ["days"],
      at: { row: 36, column: 8 },
      width: 480,
      height: 220,
    },
  ];
  return {
    name: SHEET_NAMES.summary,
    blocks: [
      { kind: "title", at: { row: 0, column: 0 }, text: `Working-capital summary — ${source}` },
      { kind: "kpis", at: { row: 1, column: 0 }, kpis },
      {
        kind: "table",
        at: { row: tablesAt, column: 0 },
        table: heat,
        caption: "ABC-XYZ heat map (SKUs and inventory value)",
      },
      {
        kind: "table",
        at: { row: tablesAt + 6, column: 0 },
        table: bySegment,
        caption: "Cash release by archetype",
      },
      { kind: "table", at: { row: tablesAt + 12, column: 0 }, table: dio, caption: "DIO benchmark" },
      { kind: "table", at: { row: tablesAt + 19, column: 0 }, table: pareto, caption: "Pareto curve" },
    ],
    charts,
    colorScales: [
      { table: heat.name, columns: ["countX", "countY", "countZ", "valueX", "valueY", "valueZ"] },
    ],
    freezeHeader: false,
  };
}

function tableSheet(name: string, table: ReportTable): ReportSheet {
  return {
    name,
    blocks: [{ kind: "table", at: { row: 0, column: 0 }, table }],
    charts: [],
    colorScales: [],
    freezeHeader: true,
  };
}

/**
 * Segments a SKU table: the Report both writers write, plus the headline summary. `onProgress`
 * is called with (items done, items) every PROGRESS_CHUNK items while the forecasts run (the slow
 * part), and once with (items, items) when they are done.
 */
export function segment(
  input: InputTable,
  mapping: ColumnMapping,
  settings: SegmentationSettings,
  onProgress?: (done: number, total: number) => void,
): SegmentationResult {
  const prepared = prepareItems(input, mapping, settings.defaultOrderCost);
  const forecasts = forecastItems(prepared.items, settings, onProgress);
  if (prepared.items.count === 0 || prepared.items.periods === 0)
    onProgress?.(prepared.items.count, prepared.items.count);
  const policies = computePolicies(
    prepared.items,
    settings,
    prepared.periodsPerYear,
    mapping.periodUnit,
    forecasts,
  );
  const summary = summarise(input, prepared, policies, settings);
  const report: Report = {
    sheets: [
      summarySheet(summary, policies, settings, input.source ?? "selected table"),
      tableSheet(SHEET_NAMES.segmentation, segmentationTable(prepared.items, policies, forecasts)),
      tableSheet(SHEET_NAMES.release, releaseTable(prepared.items, policies, summary.inventoryValue)),
      tableSheet(SHEET_NAMES.suppliers, suppliersTable(prepared.items, policies)),
      tableSheet(SHEET_NAMES.exceptions, exceptionsTable(input, prepared, mapping)),
    ],
  };
  return { report, summary, prepared, forecasts, policies };
}
