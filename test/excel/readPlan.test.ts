/**
 * readPlan: the plan of WC Variance is the owned WC Segmentation the last run left, read back
 * through Office.js in blocks of rows; a sheet of the user's with that name is never a plan.
 */
import { planFromSegmentationTable } from "../../src/engine/segmentation/variance";
import { ownedSegmentationSheet, readPlan } from "../../src/excel/readPlan";
import { writeReport } from "../../src/excel/writeReport";
import { FakeExcel } from "../support/fakeExcel";
import { segmentationTable, smallReport, workbookWithInput } from "./reportFixtures";

const INPUT_ADDRESS = "Sheet1!A1:E3";

/** Addresses of every values load, as Excel resolved them. */
function valueLoads(fx: FakeExcel): string[] {
  return fx.requests
    .filter((r) => r.kind === "load" && r.member === "values")
    .map((r) => `${r.sheet}!${r.address}`);
}

describe("readPlan", () => {
  test("a workbook the add-in has not written has no plan, in one round trip", async () => {
    const fx = workbookWithInput();
    expect(await readPlan(fx.context)).toBeUndefined();
    expect(fx.syncCount).toBe(1);
    expect(valueLoads(fx)).toEqual([]);
  });

  test("reads back the owned WC Segmentation as the snapshot the engine makes of the written table", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, smallReport(25), { inputAddress: INPUT_ADDRESS });
    const before = fx.syncCount;

    const plan = await readPlan(fx.context);

    expect(plan?.sheet).toBe("WC Segmentation");
    // The same rows as the engine's snapshot of the table that was written (values round-trip).
    expect(plan?.snapshot).toEqual(planFromSegmentationTable(segmentationTable(25)));
    expect(plan?.snapshot.rows).toHaveLength(25);
    expect(plan?.snapshot.rows[0]).toMatchObject({ sku: "SKU-000001", plant: "", region: "" });
    // Ownership (2 syncs: the registry's XML is read in the second), the used range, one block.
    expect(fx.syncCount - before).toBe(4);
    expect(valueLoads(fx).slice(-1)).toEqual(["WC Segmentation!A1:O26"]);
  });

  test("a large plan is read in blocks of rows, each under Excel's read limit", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, smallReport(1000), { inputAddress: INPUT_ADDRESS });
    fx.requests.length = 0;

    // 15 columns: a first block of 150 rows at 2,250 cells; later ones sized from the bytes seen.
    const plan = await readPlan(fx.context, { maxCellsPerRead: 2250 });

    expect(plan?.snapshot).toEqual(planFromSegmentationTable(segmentationTable(1000)));
    const loads = valueLoads(fx);
    expect(loads[0]).toBe("WC Segmentation!A1:O150");
    expect(loads.length).toBeGreaterThan(1);
    // The blocks follow one another and cover the used range exactly.
    const rows = loads.map((a) =>
      a
        .match(/!A(\d+):O(\d+)$/)!
        .slice(1)
        .map(Number),
    );
    rows.forEach(([first], i) => expect(first).toBe(i === 0 ? 1 : rows[i - 1][1] + 1));
    expect(rows[rows.length - 1][1]).toBe(1001);
  });

  test("a sheet of the user's called WC Segmentation is never used as the plan", async () => {
    const mine = [
      ["SKU", "Current value"],
      ["MINE-1", 123],
    ];
    const fx = workbookWithInput({ "WC Segmentation": mine });
    expect(await readPlan(fx.context)).toBeUndefined();
    expect(valueLoads(fx)).toEqual([]);

    // After a run, the owned "WC Segmentation (2)" is the plan; the user's sheet is still not read.
    await writeReport(fx.context, smallReport(3), { inputAddress: INPUT_ADDRESS });
    fx.requests.length = 0;
    const plan = await readPlan(fx.context);
    expect(plan?.sheet).toBe("WC Segmentation (2)");
    expect(plan?.snapshot.rows.map((r) => r.sku)).toEqual(["SKU-000001", "SKU-000002", "SKU-000003"]);
    expect(valueLoads(fx)).toEqual(["WC Segmentation (2)!A1:O4"]);
  });

  test("an owned WC Segmentation without the SKU column cannot be a plan: a clear error", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, smallReport(3), { inputAddress: INPUT_ADDRESS });
    const sheet = fx.context.workbook.worksheets.getItem("WC Segmentation");
    sheet.getRange("A1").values = [["Item"]];
    await fx.context.sync();
    await expect(readPlan(fx.context)).rejects.toThrow(/no "SKU" column/);
  });

  test("without custom XML parts (ExcelApi 1.5) nothing marks owned sheets: no plan", async () => {
    const fx = workbookWithInput({}, { excelApi: "1.4" });
    expect(await readPlan(fx.context)).toBeUndefined();
    expect(fx.syncCount).toBe(0);
  });
});

describe("ownedSegmentationSheet", () => {
  test("prefers the plain name, else a redirected one; never a look-alike", () => {
    expect(ownedSegmentationSheet(["WC Summary", "WC Segmentation"])).toBe("WC Segmentation");
    expect(ownedSegmentationSheet(["WC Segmentation (3)", "WC Segmentation"])).toBe("WC Segmentation");
    expect(ownedSegmentationSheet(["WC Segmentation (2)"])).toBe("WC Segmentation (2)");
    expect(ownedSegmentationSheet(["WC Segmentation old", "WC Segmentation (x)"])).toBeUndefined();
    expect(ownedSegmentationSheet([])).toBeUndefined();
  });
});
