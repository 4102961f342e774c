/**
 * The owned-sheet registry and where report sheets go: one rule for the task pane (Office.js
 * worksheet ids) and the file writer (`xr:uid`), so both land on the same sheets run after run.
 */
import {
  OWNED_SHEETS_NAMESPACE,
  alternativeName,
  inputSheetOf,
  parseOwnership,
  planSheetTargets,
  redirectsOf,
  serializeOwnership,
} from "../../../src/engine/workbookParts/ownership";

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

  test("reads prefixed elements, single-quoted attributes and entities, as another writer may store them", () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-16"?><o:ownedSheets xmlns:o="${OWNED_SHEETS_NAMESPACE}">` +
      `<o:sheet name='x &amp; y' id='{3}'/><o:sheet id="{4}" name="&#x57;C &#66;"/></o:ownedSheets>`;
    expect(parseOwnership([xml])).toEqual([
      { id: "{3}", name: "x & y" },
      { id: "{4}", name: "WC B" },
    ]);
  });

  test("the XML is exactly the task pane's format", () => {
    expect(serializeOwnership([{ id: "{2}", name: `Tom & "Jerry's" <sheet>` }])).toBe(
      `<ownedSheets xmlns="urn:elastic-fulfilment:owned-sheets" version="1">` +
        `<sheet id="{2}" name="Tom &amp; &quot;Jerry&apos;s&quot; &lt;sheet&gt;"/></ownedSheets>`,
    );
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

describe("sheets of a file", () => {
  test("a sheet without an id (no xr:uid in the file) is never owned", () => {
    const [target] = planSheetTargets(["WC Summary"], [{ id: undefined, name: "WC Summary" }], new Set([""]));
    expect(target).toEqual({
      requested: "WC Summary",
      name: "WC Summary (2)",
      skipped: [{ name: "WC Summary", reason: "not-owned" }],
    });
  });

  test("a name requested twice, and a chain of user sheets, each get the next free name", () => {
    const existing = [
      { id: "u1", name: "WC Summary" },
      { id: "o1", name: "WC Summary (2)" },
      { id: "u2", name: "WC Exceptions" },
      { id: "u3", name: "WC Exceptions (2)" },
    ];
    const names = ["WC Summary", "WC Segmentation", "WC Exceptions", "WC Segmentation"];
    const targets = planSheetTargets(names, existing, new Set(["o1"]));
    expect(targets.map((t) => [t.name, t.reuseId])).toEqual([
      ["WC Summary (2)", "o1"],
      ["WC Segmentation", undefined],
      ["WC Exceptions (3)", undefined],
      ["WC Segmentation (2)", undefined],
    ]);
    expect(redirectsOf(targets)).toEqual([
      {
        requested: "WC Summary",
        written: "WC Summary (2)",
        skipped: [{ name: "WC Summary", reason: "not-owned" }],
      },
      {
        requested: "WC Exceptions",
        written: "WC Exceptions (3)",
        skipped: [
          { name: "WC Exceptions", reason: "not-owned" },
          { name: "WC Exceptions (2)", reason: "not-owned" },
        ],
      },
      { requested: "WC Segmentation", written: "WC Segmentation (2)", skipped: [] },
    ]);
  });
});

describe("inputSheetOf", () => {
  test("the sheet of the input address, if it names one", () => {
    expect(inputSheetOf("'Stock & demand'!A1:G2001")).toBe("Stock & demand");
    expect(inputSheetOf("A1:G2001")).toBeUndefined();
    expect(inputSheetOf(undefined)).toBeUndefined();
  });
});
