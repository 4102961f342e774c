/**
 * Plan vs actual on two hand-made WC Segmentation tables. Every expected value is worked out by
 * hand in the comments (variance = now − plan; DIO = value ÷ annual value × 365).
 */
import { EngineError } from "../../../src/engine/errors";
import { CellValue, ReportTable, columnIndex } from "../../../src/engine/report";
import {
  planFromSegmentationTable,
  varianceSheet,
  varianceTable,
} from "../../../src/engine/segmentation/variance";

const KEYS = ["sku", "plant", "region", "category", "currentValue", "targetValue", "release", "annualValue"];
const HEADERS = [
  "SKU",
  "Plant",
  "Region",
  "Category",
  "Current value",
  "Target value",
  "Cash release",
  "Annual value",
];

/** A table as segment() builds it (columns by key), with an unrelated column in front. */
function reportTable(rows: CellValue[][]): ReportTable {
  return {
    name: "WC_Segmentation",
    columns: [
      { key: "row", header: "Row", format: "integer" },
      ...KEYS.map((key, i) => ({
        key,
        header: HEADERS[i],
        format: i < 4 ? ("text" as const) : ("currency" as const),
      })),
    ],
    rows: rows.map((r, i) => [i + 2, ...r]),
  };
}

/** A table as read back from a sheet: only headers are known (keys are the headers). */
function sheetTable(rows: CellValue[][]): ReportTable {
  return {
    name: "WC_Segmentation",
    columns: HEADERS.map((h) => ({ key: h, header: h, format: "text" as const })),
    rows,
  };
}

// Plan: A@P1 (EU, X) 100/60/40, annual 365; B@P1 (EU, Y) 50/50/0, annual 0; C@P2 (US, X) 200/100/100, annual 730.
const PLAN = sheetTable([
  ["A", "P1", "EU", "X", 100, 60, 40, 365],
  ["B", "P1", "EU", "Y", 50, 50, 0, 0],
  ["C", "P2", "US", "X", 200, 100, 100, 730],
]);
// Now: A 150/70/80 (annual 365), C 120/100/20 (annual 730), D@P2 (US, Y) new 30/10/20 (annual 0); B gone.
const NOW = reportTable([
  ["A", "P1", "EU", "X", 150, 70, 80, 365],
  ["C", "P2", "US", "X", 120, 100, 20, 730],
  ["D", "P2", "US", "Y", 30, 10, 20, 0],
]);

function rowsOf(table: ReportTable, dimension: string): Record<string, CellValue>[] {
  return table.rows
    .filter((r) => r[0] === dimension)
    .map((r) => Object.fromEntries(table.columns.map((c, i) => [c.key, r[i]])));
}

describe("planFromSegmentationTable", () => {
  it("reads columns by key or by header, skipping rows without a SKU", () => {
    const plan = planFromSegmentationTable(
      sheetTable([...PLAN.rows, [null, null, null, null, null, null, null, null]]),
    );
    expect(plan.rows).toHaveLength(3);
    expect(plan.rows[1]).toEqual({
      sku: "B",
      plant: "P1",
      region: "EU",
      category: "Y",
      currentValue: 50,
      targetValue: 50,
      release: 0,
      annualValue: 0,
    });
    expect(planFromSegmentationTable(NOW).rows.map((r) => r.sku)).toEqual(["A", "C", "D"]);
  });

  it("treats blank and text figures as 0 and optional columns as blank", () => {
    const table: ReportTable = {
      name: "WC_Segmentation",
      columns: [
        { key: "SKU", header: " sku ", format: "text" },
        { key: "Current value", header: "Current value", format: "text" },
      ],
      rows: [
        ["A", null],
        ["B", "n/a"],
        ["C", "12.5"],
      ],
    };
    expect(planFromSegmentationTable(table).rows.map((r) => [r.sku, r.plant, r.currentValue])).toEqual([
      ["A", "", 0],
      ["B", "", 0],
      ["C", "", 12.5],
    ]);
  });

  it("rejects a table without SKU or Current value", () => {
    const table: ReportTable = {
      name: "X",
      columns: [{ key: "sku", header: "SKU", format: "text" }],
      rows: [],
    };
    expect(() => planFromSegmentationTable(table)).toThrow(EngineError);
    expect(() => planFromSegmentationTable(table)).toThrow(/"Current value"/);
  });
});

describe("varianceTable", () => {
  const table = varianceTable(NOW, planFromSegmentationTable(PLAN));

  it("has the WC_Variance columns", () => {
    expect(table.name).toBe("WC_Variance");
    expect(table.columns.map((c) => c.header)).toEqual([
      "Dimension",
      "Segment",
      "Status",
      "Inventory value now",
      "Inventory value plan",
      "Inventory value variance",
      "Target now",
      "Target plan",
      "Target variance",
      "Release now",
      "Release plan",
      "Release variance",
      "DIO now",
      "DIO plan",
      "DIO variance",
    ]);
    expect(table.rows.map((r) => r[0])).toEqual([
      "Total",
      ...["Plant", "Plant", "Region", "Region", "Category", "Category"],
      ...["SKU", "SKU", "SKU", "SKU"],
    ]);
  });

  it("totals: 300 now vs 350 plan; DIO 300/1095×365 = 100 vs 350/1095×365 = 116.67", () => {
    const [total] = rowsOf(table, "Total");
    expect(total).toMatchObject({
      segment: "All SKUs",
      status: "",
      valueNow: 300,
      valuePlan: 350,
      valueVariance: -50,
      targetNow: 180,
      targetPlan: 210,
      targetVariance: -30,
      releaseNow: 120,
      releasePlan: 140,
      releaseVariance: -20,
      dioNow: 100,
    });
    expect(total.dioPlan).toBeCloseTo(116.6667, 3);
    expect(total.dioVariance).toBeCloseTo(-16.6667, 3);
  });

  it("plants, regions and categories: largest |variance| first, summing to the total", () => {
    // P2: now C 120 + D 30 = 150, plan C 200 → −50; P1: now A 150, plan A 100 + B 50 → 0.
    expect(rowsOf(table, "Plant").map((r) => [r.segment, r.valueVariance])).toEqual([
      ["P2", -50],
      ["P1", 0],
    ]);
    expect(rowsOf(table, "Region").map((r) => [r.segment, r.valueVariance])).toEqual([
      ["US", -50],
      ["EU", 0],
    ]);
    // X: now 150 + 120 = 270, plan 100 + 200 = 300 → −30; Y: now D 30, plan B 50 → −20.
    expect(rowsOf(table, "Category").map((r) => [r.segment, r.valueVariance])).toEqual([
      ["X", -30],
      ["Y", -20],
    ]);
    for (const dimension of ["Plant", "Region", "Category", "SKU"]) {
      expect(rowsOf(table, dimension).reduce((s, r) => s + (r.valueVariance as number), 0)).toBe(-50);
    }
  });

  it("SKUs keyed with their plant; new and gone SKUs with the missing side as 0", () => {
    // C −80, then A +50 and B −50 (tie: by name), then D +30.
    expect(
      rowsOf(table, "SKU").map((r) => [r.segment, r.status, r.valueNow, r.valuePlan, r.valueVariance]),
    ).toEqual([
      ["C @ P2", "", 120, 200, -80],
      ["A @ P1", "", 150, 100, 50],
      ["B @ P1", "(gone)", 0, 50, -50],
      ["D @ P2", "(new)", 30, 0, 30],
    ]);
  });

  it("DIO per segment; empty when the annual value is 0", () => {
    const sku = Object.fromEntries(rowsOf(table, "SKU").map((r) => [r.segment, r]));
    // A: 150/365×365 = 150 now, 100 plan; C: 120/730×365 = 60 now, 200/730×365 = 100 plan.
    expect([sku["A @ P1"].dioNow, sku["A @ P1"].dioPlan, sku["A @ P1"].dioVariance]).toEqual([150, 100, 50]);
    expect([sku["C @ P2"].dioNow, sku["C @ P2"].dioPlan, sku["C @ P2"].dioVariance]).toEqual([60, 100, -40]);
    expect([sku["B @ P1"].dioNow, sku["B @ P1"].dioPlan, sku["B @ P1"].dioVariance]).toEqual([
      null,
      null,
      null,
    ]);
    expect([sku["D @ P2"].dioNow, sku["D @ P2"].dioPlan, sku["D @ P2"].dioVariance]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("an empty plan: everything is new and the variance is the current figure", () => {
    const empty = varianceTable(NOW, { rows: [] });
    const skus = rowsOf(empty, "SKU");
    expect(skus.map((r) => [r.segment, r.status, r.valueVariance])).toEqual([
      ["A @ P1", "(new)", 150],
      ["C @ P2", "(new)", 120],
      ["D @ P2", "(new)", 30],
    ]);
    expect(rowsOf(empty, "Total")[0]).toMatchObject({
      valueNow: 300,
      valuePlan: 0,
      valueVariance: 300,
      dioPlan: null,
    });
  });

  it("a SKU without a plant is keyed by its SKU alone; maxSkuRows keeps the largest", () => {
    const noPlant = sheetTable([["A", null, null, null, 10, 0, 0, 0]]);
    const t = varianceTable(noPlant, { rows: [] }, { maxSkuRows: 1 });
    expect(rowsOf(t, "SKU").map((r) => r.segment)).toEqual(["A"]);
    expect(rowsOf(t, "Plant").map((r) => r.segment)).toEqual(["(blank)"]);
    const limited = varianceTable(NOW, planFromSegmentationTable(PLAN), { maxSkuRows: 2 });
    expect(rowsOf(limited, "SKU").map((r) => r.segment)).toEqual(["C @ P2", "A @ P1"]);
    expect(columnIndex(limited, "valueVariance")).toBe(5);
  });
});

describe("varianceSheet", () => {
  it("is the WC Variance sheet with its table at A1 and a frozen header", () => {
    const table = varianceTable(NOW, { rows: [] });
    expect(varianceSheet(table)).toEqual({
      name: "WC Variance",
      blocks: [{ kind: "table", at: { row: 0, column: 0 }, table }],
      charts: [],
      colorScales: [],
      freezeHeader: true,
    });
  });
});
