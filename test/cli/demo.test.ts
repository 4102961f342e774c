/**
 * The sample workbook with promotion and price columns (README "Driver columns"), as `wcap demo
 * --promotions` writes it: the driver blocks are found next to the history and read back exactly
 * as generated (SampleDrivers), the rest of each row is the generated table.
 */
import { join } from "node:path";
import { SAMPLE_DRIVER_HORIZON, SAMPLE_FIXED_HEADERS } from "../../src/engine/sampleData";
import { autoMap, describeMapping } from "../../src/engine/segmentation/mapping";
import { detectDrivers } from "../../src/engine/segmentation/periods";
import { prepareItems } from "../../src/engine/segmentation/prepare";
import { findSkuTable, openWorkbook } from "../../src/workbook/readWorkbook";
import { SAMPLE_SHEET, writeSampleWorkbook } from "../../src/workbook/sampleWorkbook";
import { tempFolder } from "../workbook/helpers";
import { filesIn, wcap } from "./cliHelpers";

jest.setTimeout(120_000);

const folder = tempFolder("wcap-demo-");
afterAll(() => folder.remove());
const at = (name: string) => join(folder.dir, name);

describe("the sample workbook with promotions", () => {
  const WEEKS = 26;
  const fixed = SAMPLE_FIXED_HEADERS.length;

  test("has a Promo and a Price block over the history and 13 weeks ahead, found by the mapping", async () => {
    const path = at("promotions.xlsx");
    const sample = await writeSampleWorkbook(path, { skus: 200, weeks: WEEKS, promotions: true });
    const drivers = sample.drivers!;
    const found = await findSkuTable(await openWorkbook(path), { sheet: SAMPLE_SHEET });
    const { headers, rows } = found.table;
    const width = WEEKS + SAMPLE_DRIVER_HORIZON;
    expect(headers).toHaveLength(fixed + WEEKS + 2 * width);
    expect(headers[fixed + WEEKS]).toBe("Promo 2024-01-01");
    expect(headers[fixed + WEEKS + width - 1]).toBe("Promo 2024-09-23");
    expect(headers[fixed + WEEKS + width]).toBe("Price 2024-01-01");

    const { mapping, unmapped } = autoMap(headers);
    expect(mapping.history).toEqual(Array.from({ length: WEEKS }, (_, t) => fixed + t));
    expect(unmapped).toEqual([]);
    const detection = detectDrivers(headers, mapping.history);
    const block = (start: number) => ({
      history: Array.from({ length: WEEKS }, (_, t) => start + t),
      future: Array.from({ length: SAMPLE_DRIVER_HORIZON }, (_, k) => start + WEEKS + k),
    });
    expect(detection).toEqual({
      promo: block(fixed + WEEKS),
      price: block(fixed + WEEKS + width),
      warnings: [],
    });
    expect(describeMapping(mapping, headers)).toContain(
      "Promotions: 26 of 26 history periods + 13 ahead (Promo 2024-01-01 … Promo 2024-09-23)",
    );

    // Rows unchanged otherwise: the generated table's cells (dates read back as serials), then the drivers.
    rows.forEach((row, i) => {
      expect(row.slice(0, fixed + WEEKS)).toEqual(sample.table.rows[i]);
      expect(row.slice(fixed + WEEKS, fixed + WEEKS + width)).toEqual(drivers.promo[i]);
      expect(row.slice(fixed + WEEKS + width)).toEqual(drivers.price[i]);
    });
    expect(rows.map((r) => r[0])).toEqual(sample.table.rows.map((r) => r[0]));

    const { items } = prepareItems(found.table, mapping, 100);
    expect(items.drivers?.horizon).toBe(SAMPLE_DRIVER_HORIZON);
    const first = items.index[0];
    expect(Array.from(items.drivers!.promo!.slice(0, width))).toEqual(drivers.promo[first]);
    expect(Array.from(items.drivers!.price!.slice(0, width))).toEqual(drivers.price[first]);
  });

  test("wcap demo --promotions writes sample-promotions.xlsx and its refresh", async () => {
    const dir = at("demo");
    const run = await wcap("demo", "--promotions", "--out-dir", dir, "--quiet");
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(filesIn(dir)).toEqual(["sample-promotions-refreshed.xlsx", "sample-promotions.xlsx"]);
  });

  test.each([
    [["refresh", "a.xlsx", "--out", "b.xlsx", "--promotions"], "refresh does not take --promotions"],
    [["stress", "a.xlsx", "--out", "b.xlsx", "--promotions"], "stress does not take --promotions"],
  ])("wcap %j is a usage error", async (args, message) => {
    expect(await wcap(...args)).toEqual({
      code: 2,
      stdout: "",
      stderr: `wcap: error: ${message} (see wcap --help).\n`,
    });
  });

  test("--help documents --promotions", async () => {
    expect((await wcap("--help")).stdout).toContain("--promotions");
  });
});
