/** Owned sheets: marked by id in a custom XML part; user sheets and the input sheet are never written. */
import {
  OWNED_SHEETS_NAMESPACE,
  alternativeName,
  parseOwnership,
  planSheetTargets,
  prepareOwnedSheet,
  serializeOwnership,
} from "../../src/excel/ownership";
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

describe("the owned-sheet marker", () => {
  test("round-trips ids and names, escaping what XML needs", () => {
    const sheets = [
      { id: "{A1}", name: "WC Summary" },
      { id: '{B"2}', name: "WC R&D <draft>" },
    ];
    const xml = serializeOwnership(sheets);
    expect(xml).toContain(`xmlns="${OWNED_SHEETS_NAMESPACE}"`);
    expect(parseOwnership([xml])).toEqual(sheets);
  });

  test("merges duplicate parts by id", () => {
    const a = serializeOwnership([{ id: "1", name: "WC A" }]);
    const b = serializeOwnership([
      { id: "1", name: "WC A" },
      { id: "2", name: "WC B" },
    ]);
    expect(parseOwnership([a, b]).map((s) => s.id)).toEqual(["1", "2"]);
    expect(parseOwnership(["<ownedSheets/>", "not xml"])).toEqual([]);
  });
});

describe("planSheetTargets", () => {
  const existing = [
    { id: "u", name: "WC Summary" },
    { id: "o", name: "wc segmentation" },
    { id: "in", name: "WC Input" },
  ];

  test("reuses owned sheets (names compare case-insensitively), adds missing ones", () => {
    const [seg, exc] = planSheetTargets(["WC Segmentation", "WC Exceptions"], existing, new Set(["o"]));
    expect(seg).toEqual({ requested: "WC Segmentation", name: "wc segmentation", reuseId: "o", skipped: [] });
    expect(exc).toEqual({ requested: "WC Exceptions", name: "WC Exceptions", skipped: [] });
  });

  test("a user's sheet with the report's name is passed over for '(2)'", () => {
    const [summary] = planSheetTargets(["WC Summary"], existing, new Set(["o"]));
    expect(summary).toEqual({
      requested: "WC Summary",
      name: "WC Summary (2)",
      skipped: [{ name: "WC Summary", reason: "not-owned" }],
    });
  });

  test("an owned '(2)' is reused on the next run", () => {
    const withSecond = [...existing, { id: "o2", name: "WC Summary (2)" }];
    const [summary] = planSheetTargets(["WC Summary"], withSecond, new Set(["o", "o2"]));
    expect(summary).toMatchObject({ name: "WC Summary (2)", reuseId: "o2" });
  });

  test("the sheet holding the input is never a target, even when owned", () => {
    const [input] = planSheetTargets(["WC Input"], existing, new Set(["in"]), "wc input");
    expect(input).toEqual({
      requested: "WC Input",
      name: "WC Input (2)",
      skipped: [{ name: "WC Input", reason: "holds-input" }],
    });
  });

  test("alternative names stay within Excel's 31 characters", () => {
    const long = "WC Release targets by supplier"; // 30 characters
    expect(alternativeName(long, 2)).toBe("WC Release targets by suppl (2)");
    expect(alternativeName(long, 2)).toHaveLength(31);
    expect(alternativeName(long, 10)).toBe("WC Release targets by supp (10)");
    const [t] = planSheetTargets([long], [{ id: "u", name: long }], new Set());
    expect(t.name).toBe("WC Release targets by suppl (2)");
  });

  test("refuses names the add-in may not own", () => {
    expect(() => planSheetTargets(["Summary"], [], new Set())).toThrow(
      '"Summary" is not a sheet name the add-in can own',
    );
    expect(() => planSheetTargets(["WC a/b"], [], new Set())).toThrow("is not a sheet name");
  });
});

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
