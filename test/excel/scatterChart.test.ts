/**
 * XY scatter charts through Office.js: a native XYScatterLines / XYScatter chart whose series take
 * their x and y values from the tables' body ranges, with axis titles and number formats.
 */
import { NUMBER_FORMATS, Report, ReportTable, ScatterChartSpec } from "../../src/engine/report";
import { writeReport } from "../../src/excel/writeReport";
import { workbookWithInput } from "./reportFixtures";

const INPUT_ADDRESS = "Sheet1!A1:E3";

/** The frontier (a curve) at A1, and two policies (points) at E1, as a stress-test sheet lays them out. */
const frontier: ReportTable = {
  name: "WC_Frontier",
  columns: [
    { key: "target", header: "Service target", format: "percent" },
    { key: "value", header: "Inventory value", format: "currency" },
    { key: "fill", header: "Fill rate", format: "percent" },
  ],
  rows: [
    [0.9, 100_000, 0.91],
    [0.95, 150_000, 0.955],
    [0.99, 300_000, 0.992],
  ],
};
const policies: ReportTable = {
  name: "WC_Policies",
  columns: [
    { key: "policy", header: "Policy", format: "text" },
    { key: "value", header: "Inventory value", format: "currency" },
    { key: "fill", header: "Fill rate", format: "percent" },
  ],
  rows: [
    ["Current", 260_000, 0.93],
    ["Recommended", 160_000, 0.96],
  ],
};
const scatter: ScatterChartSpec = {
  kind: "scatter",
  title: "Service vs cash",
  at: { row: 6, column: 0 },
  width: 480,
  height: 300,
  xTitle: "Average inventory value",
  yTitle: "Achieved fill rate",
  series: [
    { name: "Frontier", table: "WC_Frontier", x: "value", y: "fill", line: true },
    { name: "Policies", table: "WC_Policies", x: "value", y: "fill", line: false },
  ],
};

function report(chart: ScatterChartSpec = scatter): Report {
  return {
    sheets: [
      {
        name: "WC Stress test",
        blocks: [
          { kind: "table", at: { row: 0, column: 0 }, table: frontier },
          { kind: "table", at: { row: 0, column: 4 }, table: policies },
        ],
        charts: [chart],
        colorScales: [],
        freezeHeader: false,
      },
    ],
  };
}

describe("XY scatter charts", () => {
  test("one native scatter: a line series and a markers-only series over the tables' body ranges", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, report(), { inputAddress: INPUT_ADDRESS });
    expect(fx.sheet("WC Stress test").charts()).toEqual([
      {
        type: "XYScatterLines",
        title: "Service vs cash",
        position: "A7",
        width: 480,
        height: 300,
        series: [
          // Frontier: B (value) and C (fill) of rows 2–4.
          { name: "Frontier", values: "C2:C4", xValues: "B2:B4", chartType: undefined, axisGroup: "Primary" },
          // Policies: F (value) and G (fill) of rows 2–3, markers only.
          {
            name: "Policies",
            values: "G2:G3",
            xValues: "F2:F3",
            chartType: "XYScatter",
            axisGroup: "Primary",
          },
        ],
        axes: {
          category: { title: "Average inventory value", numberFormat: NUMBER_FORMATS.currency },
          value: { title: "Achieved fill rate", numberFormat: NUMBER_FORMATS.percent },
        },
      },
    ]);
  });

  test("a markers-only first series makes an XYScatter chart", async () => {
    const fx = workbookWithInput();
    const points = { ...scatter, series: [scatter.series[1]] };
    await writeReport(fx.context, report(points), { inputAddress: INPUT_ADDRESS });
    const [chart] = fx.sheet("WC Stress test").charts();
    expect(chart.type).toBe("XYScatter");
    expect(chart.series.map((s) => [s.values, s.xValues])).toEqual([["G2:G3", "F2:F3"]]);
  });

  test("ExcelApi 1.7 has series but no axis number formats; 1.6 has no series editing: no scatter, the rest written", async () => {
    const at17 = workbookWithInput({}, { excelApi: "1.7" });
    await writeReport(at17.context, report(), { inputAddress: INPUT_ADDRESS });
    const [chart] = at17.sheet("WC Stress test").charts();
    expect(chart.axes).toEqual({
      category: { title: "Average inventory value" },
      value: { title: "Achieved fill rate" },
    });
    expect(at17.requests.filter((r) => r.member === "axis.numberFormat")).toEqual([]);

    const at16 = workbookWithInput({}, { excelApi: "1.6" });
    await writeReport(at16.context, report(), { inputAddress: INPUT_ADDRESS });
    expect(at16.sheet("WC Stress test").charts()).toEqual([]);
    expect(
      at16
        .sheet("WC Stress test")
        .tables()
        .map((t) => t.address),
    ).toEqual(["A1:C4", "E1:G3"]);
  });

  test("a scatter over a column its table lacks is refused before anything is written", async () => {
    const fx = workbookWithInput();
    const bad = { ...scatter, series: [{ ...scatter.series[0], y: "nope" }] };
    await expect(writeReport(fx.context, report(bad), { inputAddress: INPUT_ADDRESS })).rejects.toThrow(
      'Chart "Service vs cash" on WC Stress test refers to column nope, not in WC_Frontier.',
    );
    expect(fx.sheetNames()).toEqual(["Sheet1"]);
  });
});
