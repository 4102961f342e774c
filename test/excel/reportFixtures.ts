/**
 * Hand-built Reports for the Excel-layer tests (the engine's own Reports are tested in
 * test/engine). Shapes follow src/engine/segmentation/segment.ts: a Summary with KPIs, captioned
 * tables, a pareto, a bar and a column chart and a heat-map colour scale; table sheets at A1 with
 * a frozen header.
 */
import { CellValue, Report, ReportColumn, ReportSheet, ReportTable } from "../../src/engine/report";
import { FakeExcel, FakeWorkbookOptions, FakeValue, fakeWorkbook } from "../support/fakeExcel";

const col = (key: string, header: string, format: ReportColumn["format"]): ReportColumn => ({
  key,
  header,
  format,
});

/** Text that Excel would turn into something else if typed. */
export const TRICKY_TEXT = [
  "=SUM(A1:A2)",
  "+44 20 7946 0000",
  "-discontinued",
  "@supplier",
  "00123",
  "5%",
  "2025-01",
  "'quoted",
];

export function heatMapTable(): ReportTable {
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
    rows: [
      ["A", 10, 4, 1, 500_000, 120_000, 9_000],
      ["B", 20, 9, 5, 90_000, 40_000, 11_000],
      ["C", 60, 40, 30, 20_000, 15_000, 7_500],
    ],
  };
}

export function paretoTable(): ReportTable {
  return {
    name: "WC_Pareto",
    columns: [
      col("skuShare", "Share of SKUs", "text"),
      col("value", "Annual value", "currency"),
      col("cumulativeShare", "Cumulative share of value", "percent"),
    ],
    rows: [
      ["25%", 700_000, 0.7],
      ["50%", 200_000, 0.9],
      ["75%", 70_000, 0.97],
      ["100%", 30_000, 1],
    ],
  };
}

export function releaseTable(): ReportTable {
  return {
    name: "WC_ReleaseBySegment",
    columns: [
      col("segment", "Archetype", "text"),
      col("release", "Cash release", "currency"),
      col("slobExcess", "of which SLOB", "currency"),
    ],
    rows: [
      ["Strategic", 120_000, 10_000],
      ["Commodity", 80_000, 5_000],
      ["Tail", 40_000, 30_000],
    ],
  };
}

export function summarySheet(name = "WC Summary"): ReportSheet {
  return {
    name,
    blocks: [
      { kind: "title", at: { row: 0, column: 0 }, text: "Working-capital summary — Sheet1!A1:F6" },
      {
        kind: "kpis",
        at: { row: 1, column: 0 },
        kpis: [
          { label: "Inventory value now", value: 1_000_000, format: "currency" },
          { label: "Cash release", value: 240_000, format: "currency", note: "Σ max(0, current − target)" },
          { label: "Weighted service target", value: 0.953, format: "percent", note: "by annual value" },
          { label: "SKUs segmented", value: 179, format: "integer" },
          { label: "Largest supplier", value: "=Acme", format: "text" },
        ],
      },
      { kind: "table", at: { row: 8, column: 0 }, table: heatMapTable(), caption: "ABC-XYZ heat map" },
      {
        kind: "table",
        at: { row: 14, column: 0 },
        table: releaseTable(),
        caption: "Cash release by archetype",
      },
      { kind: "table", at: { row: 20, column: 0 }, table: paretoTable(), caption: "Pareto curve" },
    ],
    charts: [
      {
        kind: "pareto",
        title: "Pareto: cumulative share of annual value",
        table: "WC_Pareto",
        categories: "skuShare",
        series: ["value"],
        cumulative: "cumulativeShare",
        at: { row: 1, column: 9 },
        width: 480,
        height: 260,
      },
      {
        kind: "bar",
        title: "Cash release by archetype",
        table: "WC_ReleaseBySegment",
        categories: "segment",
        series: ["release", "slobExcess"],
        at: { row: 16, column: 9 },
        width: 480,
        height: 220,
      },
    ],
    colorScales: [
      { table: "WC_HeatMap", columns: ["countX", "countY", "countZ", "valueX", "valueY", "valueZ"] },
    ],
    freezeHeader: false,
  };
}

export const SEGMENTATION_COLUMNS: ReportColumn[] = [
  col("sku", "SKU", "text"),
  col("description", "Description", "text"),
  col("abc", "ABC", "text"),
  col("serviceTarget", "Service target", "percent"),
  col("safetyStock", "Safety stock", "quantity"),
  col("reorderPoint", "Reorder point", "quantity"),
  col("lotSize", "Lot size", "integer"),
  col("currentValue", "Current value", "currency"),
  col("targetValue", "Target value", "currency"),
  col("release", "Cash release", "currency"),
  col("daysOfSupply", "Days of supply", "days"),
  col("slob", "SLOB", "text"),
  col("gmroii", "GMROII", "ratio"),
  col("lastMovement", "Last movement", "date"),
  col("policy", "Policy", "text"),
];

/** One deterministic Segmentation row (numbers with full double precision, like the engine's). */
export function segmentationRow(i: number): CellValue[] {
  const cost = 1 + ((i * 7919) % 1000) / 7;
  return [
    `SKU-${String(i).padStart(6, "0")}`,
    `Part ${i} — ${i % 3 === 0 ? "bracket" : "bearing"}`,
    ["A", "B", "C"][i % 3],
    0.85 + ((i % 14) * 0.01) / 1.3,
    (i % 97) * 1.61803398875,
    (i % 89) * 2.7182818284,
    10 * (1 + (i % 12)),
    cost * (i % 50),
    cost * (i % 40),
    Math.max(0, cost * ((i % 50) - (i % 40))),
    (i % 365) / 3,
    i % 17 === 0 ? "SLOB" : "",
    i % 11 === 0 ? null : 0.5 + (i % 23) / 9,
    45_000 + (i % 400),
    i % 3 === 0 ? "Strategic: higher service, prioritised replenishment" : "Commodity: lean buffers",
  ];
}

export function segmentationTable(rows: number, extraRows: CellValue[][] = []): ReportTable {
  return {
    name: "WC_Segmentation",
    columns: SEGMENTATION_COLUMNS,
    rows: [...extraRows, ...Array.from({ length: rows }, (_, i) => segmentationRow(i + 1))],
  };
}

export function tableSheet(name: string, table: ReportTable): ReportSheet {
  return {
    name,
    blocks: [{ kind: "table", at: { row: 0, column: 0 }, table }],
    charts: [],
    colorScales: [],
    freezeHeader: true,
  };
}

export function exceptionsTable(rows: CellValue[][] = []): ReportTable {
  return {
    name: "WC_Exceptions",
    columns: [col("row", "Row", "integer"), col("sku", "SKU", "text"), col("reason", "Reason", "text")],
    rows,
  };
}

/** A Report like the engine's: Summary, Segmentation (`rows` rows), Exceptions. */
export function smallReport(rows = 6, extraRows: CellValue[][] = []): Report {
  return {
    sheets: [
      summarySheet(),
      tableSheet("WC Segmentation", segmentationTable(rows, extraRows)),
      tableSheet("WC Exceptions", exceptionsTable([[9, "X-9", "-missing cost; text in a numeric cell"]])),
    ],
  };
}

/** The input sheet most tests start from. */
export const INPUT: FakeValue[][] = [
  ["SKU", "Unit cost", "On hand", "2025-01", "2025-02"],
  ["A-1", 2.5, 10, 4, 5],
  ["A-2", 3, 0, 1, 0],
];

/** A fake workbook with `Sheet1` holding INPUT, and the Office global installed for the test. */
export function workbookWithInput(
  extra: Record<string, FakeValue[][]> = {},
  options: FakeWorkbookOptions = {},
): FakeExcel {
  const fx = fakeWorkbook({ Sheet1: INPUT, ...extra }, { selection: "Sheet1!A1:E3", ...options });
  afterEachRestore.push(fx.installOffice());
  return fx;
}

const afterEachRestore: (() => void)[] = [];
afterEach(() => {
  while (afterEachRestore.length > 0) afterEachRestore.pop()!();
});
