/** The fake behaves like Office.js where it matters for catching bugs in src/excel. */
import { fakeWorkbook } from "../support/fakeExcel";

/**
 * Reads a property by name. These tests read unloaded properties on purpose, to check that the
 * fake refuses as Office.js does; going through Reflect keeps the Office lint rules (which would
 * rightly flag such reads in src/) out of the way.
 */
function property(object: object, name: string): unknown {
  return Reflect.get(object, name);
}

function setup() {
  const fx = fakeWorkbook(
    {
      Sheet1: [
        ["SKU", "Cost"],
        ["A", 1],
      ],
    },
    { selection: "Sheet1!A1:B2" },
  );
  return { fx, context: fx.context };
}

describe("the fake Excel context", () => {
  test("reading a property needs load() and a sync(), as in Office.js", async () => {
    const { context } = setup();
    const range = context.workbook.getSelectedRange();
    expect(() => property(range, "address")).toThrow("PropertyNotLoaded");
    range.load("address");
    expect(() => property(range, "address")).toThrow("PropertyNotLoaded");
    await context.sync();
    expect(range.address).toBe("Sheet1!A1:B2");
    expect(() => property(range, "values")).toThrow("The property 'values' is not available");
  });

  test("isNullObject also needs a load", async () => {
    const { context } = setup();
    const used = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true);
    expect(() => property(used, "isNullObject")).toThrow("PropertyNotLoaded");
    used.load("address");
    await context.sync();
    expect(used.isNullObject).toBe(false);
  });

  test("sets are queued and applied on sync, in order; each sync is counted and logged", async () => {
    const { fx, context } = setup();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("C1").values = [["first"]];
    sheet.getRange("C1").values = [["second"]];
    expect(fx.sheet("Sheet1").cell("C1")).toBe("");
    await context.sync();
    expect(fx.sheet("Sheet1").cell("C1")).toBe("second");
    expect(fx.syncCount).toBe(1);
    expect(fx.requests.map((r) => [r.member, r.address, r.sync])).toEqual([
      ["values", "C1", 1],
      ["values", "C1", 1],
    ]);
  });

  test("typed text is parsed as Excel parses it, unless formatted '@' or quote-prefixed", async () => {
    const { fx, context } = setup();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A5:E5").values = [["=SUM(A1)", "00123", "5%", "2025-01", "'=kept"]];
    sheet.getRange("A6:E6").numberFormat = [["@"]];
    sheet.getRange("A6:E6").values = [["=SUM(A1)", "00123", "5%", "2025-01", "-x"]];
    await context.sync();
    const view = fx.sheet("Sheet1");
    expect(view.isFormula("A5")).toBe(true);
    expect(view.values("B5:E5")).toEqual([[123, 0.05, 45658, "=kept"]]);
    expect(view.values("A6:E6")).toEqual([["=SUM(A1)", "00123", "5%", "2025-01", "-x"]]);
    expect(view.formulaCells()).toEqual(["A5"]);
  });

  test("Office.js limits: array shapes, 5 MB requests, 5 million cells per read, names", async () => {
    const { context } = setup();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B2").values = [[1]];
    await expect(context.sync()).rejects.toThrow("a 1×1 array for a 2×2 range");

    sheet.getRange("A1:A3000").values = Array.from({ length: 3000 }, () => ["x".repeat(2000)]);
    await expect(context.sync()).rejects.toThrow("RequestPayloadSizeLimitExceeded");

    sheet.getRange("A:F").load("values");
    await expect(context.sync()).rejects.toThrow("more than 5,000,000");

    context.workbook.worksheets.add("sheet1");
    await expect(context.sync()).rejects.toThrow("ItemAlreadyExists");
    context.workbook.worksheets.add("a/b");
    await expect(context.sync()).rejects.toThrow("not a valid sheet name");
  });

  test("an injected failure drops the batch from the failing operation on", async () => {
    const { fx, context } = setup();
    fx.failSync(1, new Error("lost"), 1);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("D1").values = [["applied"]];
    sheet.getRange("D2").values = [["dropped"]];
    await expect(context.sync()).rejects.toThrow("lost");
    expect(fx.sheet("Sheet1").values("D1:D2")).toEqual([["applied"], [""]]);
    await context.sync(); // the context stays usable
  });

  test("requirement sets follow the configured ExcelApi version", () => {
    const fx = fakeWorkbook({ Sheet1: [] }, { excelApi: "1.8" });
    const office = fx.officeGlobal() as {
      context: { requirements: { isSetSupported(n: string, v: string): boolean } };
    };
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(office.context.requirements.isSetSupported("WordApi", "1.1")).toBe(false);
  });
});
