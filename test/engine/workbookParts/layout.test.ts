/** What both writers lay out the same way: colour-scale runs, unique table names, the shape check. */
import { Report, ReportTable } from "../../../src/engine/report";
import {
  checkTableShape,
  colorScaleRuns,
  runsOf,
  uniqueTableNames,
} from "../../../src/engine/workbookParts/layout";

function table(
  name: string,
  formats: ReportTable["columns"][number]["format"][],
  rows: ReportTable["rows"] = [],
) {
  return {
    name,
    columns: formats.map((format, j) => ({ key: `c${j}`, header: `C${j}`, format })),
    rows,
  } as ReportTable;
}

function reportOf(...names: string[]): Report {
  return {
    sheets: [
      {
        name: "WC Summary",
        blocks: names.map((n, i) => ({
          kind: "table",
          at: { row: i * 10, column: 0 },
          table: table(n, ["text"]),
        })),
        charts: [],
        colorScales: [],
        freezeHeader: false,
      },
    ],
  } as unknown as Report;
}

describe("runsOf", () => {
  test("consecutive indexes form one run; a key splits runs where it changes", () => {
    expect(runsOf([0, 1, 2, 5, 6, 9])).toEqual([
      [0, 3],
      [5, 2],
      [9, 1],
    ]);
    expect(runsOf([1, 2, 3, 4], (j) => j < 3)).toEqual([
      [1, 2],
      [3, 2],
    ]);
    expect(runsOf([])).toEqual([]);
  });

  test("a colour scale covers adjacent columns of one format (in column order, whatever the key order)", () => {
    const heatMap = table("WC_HeatMap", ["text", "integer", "integer", "currency", "currency"]);
    expect(colorScaleRuns(heatMap, ["c4", "c1", "c2", "c3"])).toEqual([
      [1, 2],
      [3, 2],
    ]);
  });
});

describe("uniqueTableNames", () => {
  test("a name already taken (any case) or used earlier in the report gets _2, _3, …", () => {
    const names = uniqueTableNames(reportOf("WC_Pareto", "WC_HeatMap", "WC_Release"), [
      "wc_pareto",
      "WC_PARETO_2",
      "Other",
    ]);
    expect([...names]).toEqual([
      ["WC_Pareto", "WC_Pareto_3"],
      ["WC_HeatMap", "WC_HeatMap"],
      ["WC_Release", "WC_Release"],
    ]);
  });
});

describe("checkTableShape", () => {
  test("a table without columns, or a row of the wrong length, fails before anything is written", () => {
    expect(() => checkTableShape(table("T", []))).toThrow("Table T has no columns.");
    expect(() => checkTableShape(table("T", ["text", "integer"], [["a", 1], ["b"]]))).toThrow(
      "Row 2 of table T has 1 values for 2 columns.",
    );
    expect(() => checkTableShape(table("T", ["text"], [["a"]]))).not.toThrow();
  });
});
