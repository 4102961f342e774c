/**
 * `wcap refresh --plan`: plan vs actual on the small seeded sample (300 SKUs × 26 weeks). A first
 * refresh is the plan; the input with some on-hand quantities doubled is refreshed against it, and
 * WC Variance must add up to the difference of the two WC Segmentation sheets, largest first.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { SAMPLE_SHEET, writeSampleWorkbook } from "../../src/workbook/sampleWorkbook";
import { Shown, loadWorkbook, tempFolder, valuesOf } from "../workbook/helpers";
import { wcap } from "./cliHelpers";

jest.setTimeout(60_000);

const folder = tempFolder("wcap-variance-");
afterAll(() => folder.remove());
const at = (name: string) => join(folder.dir, name);

const INPUT = at("small.xlsx");
const CHANGED = at("small-changed.xlsx");
const PLAN = at("plan.xlsx");
const AS_OF = "2024-06-30";

/** The rows of a sheet's table at A1 as records by header. */
function records(ws: ExcelJS.Worksheet): Record<string, Shown>[] {
  const [headers, ...rows] = valuesOf(ws);
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [String(h), r[i]])));
}

function sumOf(rows: Record<string, Shown>[], header: string): number {
  return rows.reduce((s, r) => s + (typeof r[header] === "number" ? r[header] : 0), 0);
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  return loadWorkbook(readFileSync(path));
}

beforeAll(async () => {
  await writeSampleWorkbook(INPUT, { skus: 300, weeks: 26 });
  // The same table with the on-hand quantity of every fifth SKU doubled.
  const book = await workbook(INPUT);
  const sheet = book.getWorksheet(SAMPLE_SHEET)!;
  const [headers, ...rows] = valuesOf(sheet);
  const onHand = headers.findIndex((h) => /^on.?hand/i.test(String(h)));
  expect(onHand).toBeGreaterThanOrEqual(0);
  rows.forEach((row, i) => {
    const quantity = row[onHand];
    if (i % 5 === 0 && typeof quantity === "number")
      sheet.getCell(i + 2, onHand + 1).value = quantity * 2 + 10;
  });
  await book.xlsx.writeFile(CHANGED);
  const first = await wcap("refresh", INPUT, "--out", PLAN, "--as-of", AS_OF);
  expect(first.code).toBe(0);
});

test("a first refresh has no plan and writes no WC Variance", async () => {
  expect((await workbook(PLAN)).getWorksheet("WC Variance")).toBeUndefined();
});

describe("--plan an earlier refresh", () => {
  const OUT = at("vs-plan.xlsx");
  let run: Awaited<ReturnType<typeof wcap>>;
  let variance: Record<string, Shown>[];

  beforeAll(async () => {
    run = await wcap("refresh", CHANGED, "--plan", PLAN, "--out", OUT, "--as-of", AS_OF);
    variance = records((await workbook(OUT)).getWorksheet("WC Variance")!);
  });

  it("succeeds, lists WC Variance, and does not call the plan automatic", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/WC Variance \(\d+ rows\)/);
    expect(run.stderr).not.toContain("wcap: plan:");
  });

  it("totals by plant, region, category and SKU add up to the difference of the two WC Segmentation sheets", async () => {
    const now = records((await workbook(OUT)).getWorksheet("WC Segmentation")!);
    const plan = records((await workbook(PLAN)).getWorksheet("WC Segmentation")!);
    const difference = sumOf(now, "Current value") - sumOf(plan, "Current value");
    expect(difference).toBeGreaterThan(0);
    const [total] = variance.filter((r) => r.Dimension === "Total");
    expect(total["Inventory value variance"]).toBeCloseTo(difference, 4);
    for (const dimension of ["Plant", "Region", "Category", "SKU"]) {
      const rows = variance.filter((r) => r.Dimension === dimension);
      expect(rows.length).toBeGreaterThan(0);
      expect(sumOf(rows, "Inventory value variance")).toBeCloseTo(difference, 4);
    }
  });

  it("puts the largest |inventory variance| first within each dimension", () => {
    for (const dimension of ["Plant", "Region", "Category", "SKU"]) {
      const sizes = variance
        .filter((r) => r.Dimension === dimension)
        .map((r) => Math.abs(r["Inventory value variance"] as number));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    }
    const skus = variance.filter((r) => r.Dimension === "SKU");
    expect(skus[0]["Inventory value variance"]).not.toBe(0);
    expect(skus.at(-1)!["Inventory value variance"]).toBe(0);
  });
});

test("without --plan, the WC Segmentation the last run left in the input is the plan (and it says so)", async () => {
  const out = at("again.xlsx");
  const run = await wcap("refresh", PLAN, "--out", out, "--as-of", AS_OF);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(
    `wcap: plan: using the WC Segmentation the last run stored in the workbook (${PLAN}, sheet "WC Segmentation")`,
  );
  const rows = records((await workbook(out)).getWorksheet("WC Variance")!);
  // The same input and as-of date: nothing moved.
  expect(rows.every((r) => r["Inventory value variance"] === 0 && r.Status === "")).toBe(true);
});

test.each([
  ["an input that was never refreshed", () => INPUT, /has no "WC Segmentation" sheet written by the add-in/],
  ["a missing file", () => at("nope.xlsx"), /nope\.xlsx: no such file\./],
])("--plan with %s is a one-line error (exit 1) and writes nothing", async (_what, plan, message) => {
  const out = at("never.xlsx");
  const run = await wcap("refresh", CHANGED, "--plan", plan(), "--out", out, "--as-of", AS_OF);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(existsSync(out)).toBe(false);
});

test("--help documents --plan and WC Variance", async () => {
  const help = await wcap("--help");
  expect(help.stdout).toContain("--plan PREVIOUS.xlsx");
  expect(help.stdout).toContain("--plan FILE");
  expect(help.stdout).toContain("WC Variance");
});
