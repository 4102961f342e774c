/** readSelectedTable: the used part only, the current region for a single cell, Excel's read limit. */
import { readSelectedTable } from "../../src/excel/readSelection";
import { FakeExcel, FakeValue, fakeWorkbook } from "../support/fakeExcel";

const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((r) => r()));

function workbook(sheets: Record<string, FakeValue[][]>, selection: string, excelApi?: string): FakeExcel {
  const fx = fakeWorkbook(sheets, { selection, excelApi });
  restore.push(fx.installOffice());
  return fx;
}

/** Addresses of every values load, as Excel resolved them. */
function valueLoads(fx: FakeExcel): string[] {
  return fx.requests
    .filter((r) => r.kind === "load" && r.member === "values")
    .map((r) => `${r.sheet}!${r.address}`);
}

const TABLE: FakeValue[][] = [
  ["SKU", " Unit cost ", "On hand", 45658, 45689, true, ""],
  ["A-1", 2.5, 10, 4, "", "x", 1],
  ["A-2", 3, 0, 1, 0, "#N/A", 2],
];

describe("readSelectedTable", () => {
  test("reads the selection: text headers, values, blanks as null, worksheet rows, in two syncs", async () => {
    const fx = workbook({ Sheet1: TABLE }, "Sheet1!A1:G3");
    const { table, address } = await readSelectedTable(fx.context);

    expect(address).toBe("Sheet1!A1:G3");
    // Text trimmed; the serial dates of period headers kept as their numbers, locale-free.
    expect(table.headers).toEqual(["SKU", "Unit cost", "On hand", "45658", "45689", "TRUE", ""]);
    expect(table.rows).toEqual([
      ["A-1", 2.5, 10, 4, null, "x", 1],
      ["A-2", 3, 0, 1, 0, "#N/A", 2],
    ]);
    expect(table.sourceRows).toEqual([2, 3]);
    expect(table.source).toBe("Sheet1!A1:G3");
    expect(fx.syncCount).toBe(2);
    expect(valueLoads(fx)).toEqual(["Sheet1!A1:G3"]);
  });

  test("whole columns read only the used rows", async () => {
    const fx = workbook({ Sheet1: TABLE }, "Sheet1!A:Z");
    const { table, address } = await readSelectedTable(fx.context);
    expect(address).toBe("Sheet1!A1:G3");
    expect(table.rows).toHaveLength(2);
    expect(valueLoads(fx)).toEqual(["Sheet1!A1:G3"]);
  });

  test("a selection that runs past the data is cut to the used range", async () => {
    const fx = workbook({ Sheet1: TABLE }, "Sheet1!A1:K50000");
    expect((await readSelectedTable(fx.context)).address).toBe("Sheet1!A1:G3");
  });

  test("a single selected cell proposes its current region", async () => {
    const fx = fakeWorkbook({ Sheet1: [] }, {});
    restore.push(fx.installOffice());
    fx.addSheet("Data", TABLE, "C4"); // C4:I6, surrounded by empty cells
    fx.sheetNamed("Data")!.rows[0] = ["unrelated note"]; // A1, not adjacent
    fx.select("Data!E5");
    const { table, address } = await readSelectedTable(fx.context);

    expect(address).toBe("Data!C4:I6");
    expect(table.headers[0]).toBe("SKU");
    expect(table.sourceRows).toEqual([5, 6]);
  });

  test("refuses more than 5,000,000 cells before loading any value", async () => {
    const fx = workbook({ Sheet1: [["SKU", "Cost"]] }, "Sheet1!A:Z");
    fx.sheetNamed("Sheet1")!.rows[299_999] = [];
    fx.sheetNamed("Sheet1")!.rows[299_999][25] = 1; // used range A1:Z300000 = 7.8 million cells
    await expect(readSelectedTable(fx.context)).rejects.toThrow(
      "The table has 7,800,000 cells (300,000 rows × 26 columns); Excel reads at most 5,000,000 at a time.",
    );
    expect(valueLoads(fx)).toEqual([]);
    expect(fx.syncCount).toBe(1);
  });

  test("a large table is read in blocks, each response under 5 MB", async () => {
    const rows: FakeValue[][] = [Array.from({ length: 104 }, (_, j) => `W${j + 1}`)];
    for (let i = 0; i < 3_000; i++) rows.push(Array.from({ length: 104 }, (_, j) => (i * 31 + j * 17) % 97));
    const fx = workbook({ Sheet1: rows }, "Sheet1!A1");
    const { table } = await readSelectedTable(fx.context);

    expect(table.rows).toHaveLength(3_000);
    expect(table.rows[2_999][103]).toBe((2_999 * 31 + 103 * 17) % 97);
    expect(valueLoads(fx)).toEqual(["Sheet1!A1:CZ1923", "Sheet1!A1924:CZ3001"]); // 200,000 cells a block at most
    expect(fx.syncCount).toBe(3);
    expect(Math.max(...fx.syncs.map((s) => s.responseBytes))).toBeLessThan(5_000_000);
  });

  test("later blocks are sized from the bytes seen: 60,000 × 44 small numbers in 5 syncs, not 15", async () => {
    const rows: FakeValue[][] = [Array.from({ length: 44 }, (_, j) => `C${j}`)];
    for (let i = 0; i < 60_000; i++) rows.push(Array.from({ length: 44 }, (_, j) => (i + j) % 50));
    const fx = workbook({ Sheet1: rows }, "Sheet1!A1");
    const { table } = await readSelectedTable(fx.context);

    expect(table.rows).toHaveLength(60_000);
    expect(table.sourceRows?.at(-1)).toBe(60_001);
    expect(fx.syncCount).toBe(5);
    expect(Math.max(...fx.syncs.map((s) => s.responseBytes))).toBeLessThan(5_000_000);
  });

  test("clear messages for an empty sheet, an empty selection, or a header without rows", async () => {
    const empty = workbook({ Sheet1: [] }, "Sheet1!B2");
    await expect(readSelectedTable(empty.context)).rejects.toThrow("The selected sheet is empty");

    const outside = workbook({ Sheet1: TABLE }, "Sheet1!M10:N20");
    await expect(readSelectedTable(outside.context)).rejects.toThrow("The selection holds no data");

    const headerOnly = workbook({ Sheet1: [["SKU", "Cost"]] }, "Sheet1!A1:B1");
    await expect(readSelectedTable(headerOnly.context)).rejects.toThrow(
      "a header row and at least one data row",
    );
  });

  test("several selected areas get a clear message", async () => {
    const fx = workbook({ Sheet1: TABLE }, "Sheet1!A1:B3,D1:D3");
    await expect(readSelectedTable(fx.context)).rejects.toThrow("Select one block of cells");
  });

  test("without getSurroundingRegion (ExcelApi 1.6) a single cell asks for the whole table", async () => {
    const fx = workbook({ Sheet1: TABLE }, "Sheet1!B2", "1.6");
    await expect(readSelectedTable(fx.context)).rejects.toThrow("Select the whole table");
  });
});
