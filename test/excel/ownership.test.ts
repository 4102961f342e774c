/**
 * Owned sheets through Office.js: marked by id in a custom XML part; user sheets and the input
 * sheet are never written. (The registry format and sheet planning: test/engine/workbookParts.)
 */
import { parseOwnership, serializeOwnership } from "../../src/engine/workbookParts/ownership";
import { prepareOwnedSheet } from "../../src/excel/ownership";
import { writeReport } from "../../src/excel/writeReport";
import { FakeExcel } from "../support/fakeExcel";
import {
  exceptionsTable,
  segmentationTable,
  smallReport,
  tableSheet,
  workbookWithInput,
} from "./reportFixtures";

const INPUT_ADDRESS = "Sheet1!A1:E3";

/** Every operation that changed (or tried to change) something on `sheet`. */
function changesOn(fx: FakeExcel, sheet: string) {
  return fx.requests.filter((r) => r.sheet === sheet && r.kind !== "load");
}

describe("writeReport and ownership", () => {
  test("a user sheet called 'WC Summary' is never written: the report goes to 'WC Summary (2)'", async () => {
    const mine = [["my notes", 42]];
    const fx = workbookWithInput({ "WC Summary": mine });
    const result = await writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS });

    expect(result.sheets).toEqual(["WC Summary (2)", "WC Segmentation", "WC Exceptions"]);
    expect(result.redirected).toEqual([
      {
        requested: "WC Summary",
        written: "WC Summary (2)",
        skipped: [{ name: "WC Summary", reason: "not-owned" }],
      },
    ]);
    expect(fx.sheet("WC Summary").values()).toEqual(mine);
    expect(fx.sheet("WC Summary").tables()).toEqual([]);
    expect(fx.sheet("WC Summary").charts()).toEqual([]);
    expect(changesOn(fx, "WC Summary")).toEqual([]);
    expect(fx.sheet("WC Summary (2)").charts()).toHaveLength(2);
  });

  test("re-running replaces only the owned sheets, in place", async () => {
    const fx = workbookWithInput({ "WC Summary": [["my notes"]] });
    await writeReport(fx.context, smallReport(10), { inputAddress: INPUT_ADDRESS });
    const ids = ["WC Summary (2)", "WC Segmentation", "WC Exceptions"].map((n) => fx.sheet(n).id);
    fx.addSheet("Pack", [["=WC link"]]);

    const result = await writeReport(fx.context, smallReport(3), { inputAddress: INPUT_ADDRESS });

    expect(result.sheets).toEqual(["WC Summary (2)", "WC Segmentation", "WC Exceptions"]);
    expect(fx.sheetNames()).toEqual([
      "Sheet1",
      "WC Summary",
      "WC Summary (2)",
      "WC Segmentation",
      "WC Exceptions",
      "Pack",
    ]);
    expect(["WC Summary (2)", "WC Segmentation", "WC Exceptions"].map((n) => fx.sheet(n).id)).toEqual(ids);
    const seg = fx.sheet("WC Segmentation");
    expect(seg.usedAddress()).toBe("A1:O4"); // no rows left over from the longer first run
    expect(seg.tables()).toEqual([{ name: "WC_Segmentation", address: "A1:O4", style: "TableStyleMedium2" }]);
    expect(fx.sheet("WC Summary (2)").charts()).toHaveLength(2);
    expect(fx.sheet("WC Summary (2)").conditionalFormats()).toHaveLength(2);
    expect(fx.sheet("WC Summary").values()).toEqual([["my notes"]]);
    expect(fx.liveXmlParts()).toHaveLength(1);
    // A re-run adds no sheet, so it needs no extra round trip to mark one: read (2) + write (1).
    expect(result.syncs).toBe(3);
  });

  test("a sheet named like an owned one but created by the user after deleting it is not owned", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, { sheets: [tableSheet("WC Exceptions", exceptionsTable())] });
    fx.sheetNamed("WC Exceptions")!.deleted = true; // the user deletes it …
    fx.addSheet("WC Exceptions", [["mine"]]); // … and makes their own
    const result = await writeReport(fx.context, {
      sheets: [tableSheet("WC Exceptions", exceptionsTable())],
    });
    expect(result.sheets).toEqual(["WC Exceptions (2)"]);
    expect(fx.sheet("WC Exceptions").values()).toEqual([["mine"]]);
    // the stale entry of the deleted sheet is dropped from the marker
    expect(parseOwnership(fx.liveXmlParts().map((p) => p.xml))).toEqual([
      { id: fx.sheet("WC Exceptions (2)").id, name: "WC Exceptions (2)" },
    ]);
  });

  test("the input range is never written, even when it sits on an owned sheet", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, { sheets: [tableSheet("WC Segmentation", segmentationTable(5))] });
    const before = fx.sheet("WC Segmentation").values();
    const requestsBefore = fx.requests.length;

    const result = await writeReport(
      fx.context,
      { sheets: [tableSheet("WC Segmentation", segmentationTable(2))] },
      { inputAddress: "'WC Segmentation'!A1:O6" },
    );

    expect(result.sheets).toEqual(["WC Segmentation (2)"]);
    expect(result.redirected[0].skipped).toEqual([{ name: "WC Segmentation", reason: "holds-input" }]);
    expect(fx.sheet("WC Segmentation").values()).toEqual(before);
    expect(changesOn(fx, "WC Segmentation").filter((r) => fx.requests.indexOf(r) >= requestsBefore)).toEqual(
      [],
    );
  });

  test("duplicate marker parts are merged into one", async () => {
    const fx = workbookWithInput();
    fx.addXmlPart(serializeOwnership([]));
    fx.addXmlPart(serializeOwnership([]));
    await writeReport(fx.context, { sheets: [tableSheet("WC Exceptions", exceptionsTable())] });
    expect(fx.liveXmlParts()).toHaveLength(1);
    expect(parseOwnership([fx.liveXmlParts()[0].xml]).map((s) => s.name)).toEqual(["WC Exceptions"]);
  });
});

describe("prepareOwnedSheet", () => {
  test("adds and marks a new sheet, then reuses (clears) it", async () => {
    const fx = workbookWithInput();
    const first = await prepareOwnedSheet(fx.context, "WC Stress test");
    expect(first).toMatchObject({ name: "WC Stress test", reused: false, skipped: [] });
    expect(fx.syncCount).toBe(3);
    const id = fx.sheet("WC Stress test").id;
    expect(parseOwnership(fx.liveXmlParts().map((p) => p.xml))).toEqual([{ id, name: "WC Stress test" }]);

    fx.sheetNamed("WC Stress test")!.rows[0] = ["old"];
    const again = await prepareOwnedSheet(fx.context, "WC Stress test");
    expect(again).toMatchObject({ name: "WC Stress test", reused: true });
    expect(fx.sheet("WC Stress test").id).toBe(id);
    expect(fx.sheet("WC Stress test").values()).toEqual([]);
  });

  test("never touches a user's sheet of that name, nor the input's sheet", async () => {
    const fx = workbookWithInput({ "WC Stress test": [["user"]] });
    const prepared = await prepareOwnedSheet(fx.context, "WC Stress test", { inputAddress: INPUT_ADDRESS });
    expect(prepared.name).toBe("WC Stress test (2)");
    expect(prepared.skipped).toEqual([{ name: "WC Stress test", reason: "not-owned" }]);
    expect(fx.sheet("WC Stress test").values()).toEqual([["user"]]);
  });
});
