/** The pure helpers behind the steps: refresh planning, mapping checks, settings fields, wording. */
import { ColumnMapping, InputTable } from "../../../src/engine/segmentation/input";
import { autoMap } from "../../../src/engine/segmentation/mapping";
import { DEFAULT_SETTINGS } from "../../../src/engine/segmentation/settings";
import { WorkbookSetup, toSavedMapping } from "../../../src/engine/workbookParts/setup";
import {
  describeError,
  formatCompactAmount,
  formatDays,
  redirectNote,
  tableSize,
} from "../../../src/taskpane/workflow/format";
import {
  currentWarnings,
  exceptionLine,
  mappingProblems,
  previewRows,
  sheetColumnLetters,
  shownHeader,
} from "../../../src/taskpane/workflow/mappingModel";
import { planRefresh } from "../../../src/taskpane/workflow/refresh";
import {
  fieldProblems,
  formatSetting,
  getNumber,
  parseSetting,
  setNumber,
  settingsProblems,
} from "../../../src/taskpane/workflow/settingsModel";
import { setupOf } from "../../../src/taskpane/workflow/useWorkflow";

const HEADERS = [
  "SKU",
  "Unit Cost",
  "On Hand",
  "LT (days)",
  "Last Movement",
  "2025-01",
  "2025-02",
  "2025-03",
];
const TABLE: InputTable = {
  headers: HEADERS,
  rows: [
    ["A", 1.23456789, 10, 5, 45657, 1, 2, 3],
    ["B", 2, 20, 7, null, 4, 5, 6],
  ],
};
const MAPPING: ColumnMapping = {
  columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3, lastMovement: 4 },
  history: [5, 6, 7],
  periodUnit: "month",
  leadTimeUnit: "day",
};
const SETUP: WorkbookSetup = {
  settings: { holdingRate: 0.2 },
  mapping: toSavedMapping(MAPPING, HEADERS),
  input: { sheet: "Stock", address: "Stock!A1:H3" },
};

describe("planRefresh", () => {
  const selected = (headers: string[], address = "Stock!A1:H3") => ({
    table: { ...TABLE, headers },
    address,
  });

  test("the same headers: ready to run with the saved mapping, units and settings", () => {
    const plan = planRefresh(SETUP, selected(HEADERS));
    expect(plan.kind).toBe("ready");
    if (plan.kind === "wrongSheet") throw new Error("unexpected");
    expect(plan.mapping).toEqual(MAPPING);
    expect(plan.settings.holdingRate).toBe(0.2);
    expect(plan.missing).toEqual([]);
  });

  test("columns moved and history rolled forward a month: still ready", () => {
    const headers = [
      "On Hand",
      "SKU",
      "LT (days)",
      "Unit Cost",
      "Last Movement",
      "2025-02",
      "2025-03",
      "2025-04",
    ];
    const plan = planRefresh(SETUP, selected(headers));
    expect(plan.kind).toBe("ready");
    if (plan.kind === "wrongSheet") throw new Error("unexpected");
    expect(plan.mapping.columns).toEqual({ sku: 1, unitCost: 3, onHand: 0, leadTime: 2, lastMovement: 4 });
    expect(plan.mapping.history).toEqual([5, 6, 7]);
    expect(plan.mapping.leadTimeUnit).toBe("day");
  });

  test("a renamed column is reported; the column the headers suggest is proposed", () => {
    const headers = [
      "SKU",
      "Std Cost",
      "On Hand",
      "LT (days)",
      "Last Movement",
      "2025-01",
      "2025-02",
      "2025-03",
    ];
    const plan = planRefresh(SETUP, selected(headers));
    expect(plan.kind).toBe("needsMapping");
    if (plan.kind === "wrongSheet") throw new Error("unexpected");
    expect(plan.missing).toEqual(["The unit cost column “Unit Cost” is not in the table"]);
    expect(plan.mapping.columns.unitCost).toBe(1);
  });

  test("no history any more is reported too", () => {
    const plan = planRefresh(SETUP, selected(HEADERS.slice(0, 5)));
    expect(plan.kind).toBe("needsMapping");
    if (plan.kind === "wrongSheet") throw new Error("unexpected");
    expect(plan.missing).toEqual(["The demand history (“2025-01” … “2025-03”) is not in the table"]);
  });

  test("a selection on another sheet is not the saved table", () => {
    expect(planRefresh(SETUP, selected(HEADERS, "'Other sheet'!A1:H3"))).toEqual({
      kind: "wrongSheet",
      savedAddress: "Stock!A1:H3",
      savedSheet: "Stock",
    });
    expect(planRefresh(SETUP, selected(HEADERS, "STOCK!A1:H3")).kind).toBe("ready");
    expect(planRefresh({ ...SETUP, input: undefined }, selected(HEADERS, "Other!A1:H3")).kind).toBe("ready");
  });

  test("the setup saved after a run round-trips through the plan", () => {
    const setup = setupOf({ table: TABLE, address: "Stock!A1:H3" }, MAPPING, DEFAULT_SETTINGS);
    expect(setup.input).toEqual({ sheet: "Stock", address: "Stock!A1:H3" });
    const plan = planRefresh(setup, selected(HEADERS));
    expect(plan.kind === "ready" && plan.mapping).toEqual(MAPPING);
  });
});

describe("the mapping model", () => {
  test("required fields and a demand source are checked", () => {
    expect(mappingProblems(MAPPING)).toEqual([]);
    expect(mappingProblems({ ...MAPPING, columns: {}, history: [] })).toEqual([
      "Choose the SKU column.",
      "Choose the unit cost column.",
      "Choose the on-hand quantity column.",
      "Choose the lead time column.",
      "Choose an annual-demand column (no demand-history columns were found).",
    ]);
  });

  test("detection warnings about a missing column go once it is chosen", () => {
    const detection = autoMap(["Item", "Qty", "W01", "W02"]);
    expect(detection.warnings).toContain("No unit cost column was found; choose it in the mapping step.");
    const chosen = {
      ...detection.mapping,
      columns: { ...detection.mapping.columns, unitCost: 1, unitPrice: 1 },
    };
    const now = currentWarnings(detection, chosen);
    expect(now).not.toContain("No unit cost column was found; choose it in the mapping step.");
    expect(now.some((w) => w.startsWith("No unit price or margin column"))).toBe(false);
    expect(now).toContain("No on-hand quantity column was found; choose it in the mapping step.");
  });

  test("the preview shows dates as dates, long decimals shortened, and the latest period", () => {
    const preview = previewRows(TABLE, MAPPING);
    expect(preview.columns.map((c) => c.label)).toEqual([
      "SKU",
      "Unit cost",
      "On-hand quantity",
      "Lead time",
      "Last movement date",
      "Demand 2025-03",
    ]);
    expect(preview.rows).toEqual([
      ["A", "1.23457", "10", "5", "2024-12-31", "3"],
      ["B", "2", "20", "7", "", "6"],
    ]);
  });

  test("sheet columns, date headers and exception lines read as in Excel", () => {
    expect(sheetColumnLetters("'My data'!Y3:AB9", 4)).toEqual(["Y", "Z", "AA", "AB"]);
    expect(shownHeader("45658")).toBe("2025-01-01");
    expect(shownHeader("12")).toBe("12");
    expect(shownHeader("")).toBe("(no header)");
    expect(
      exceptionLine({
        sourceRow: 7,
        sku: "X",
        reasons: ["missing unit cost", "negative on-hand quantity (-5)"],
      }),
    ).toBe("Row 7 (X): missing unit cost; negative on-hand quantity (-5)");
    expect(exceptionLine({ sourceRow: 9, sku: "", reasons: ["missing SKU"] })).toBe("Row 9: missing SKU");
  });
});

describe("the settings model", () => {
  test("fractions are shown as the percent the user typed", () => {
    expect(formatSetting(0.87, 100)).toBe("87");
    expect(formatSetting(0.995, 100)).toBe("99.5");
    expect(formatSetting(null, 1)).toBe("");
    expect(formatSetting(NaN, 1)).toBe("");
    expect(parseSetting(" 87 ", 100)).toBeCloseTo(0.87, 15);
    expect(parseSetting("", 100)).toBeNull();
    expect(parseSetting("abc", 1)).toBeNaN();
  });

  test("keys read and write nested settings without touching the rest", () => {
    const s = setNumber(DEFAULT_SETTINGS, "service.BY", 0.91);
    expect(getNumber(s, "service.BY")).toBe(0.91);
    expect(s.serviceMatrix.AX).toBe(DEFAULT_SETTINGS.serviceMatrix.AX);
    expect(DEFAULT_SETTINGS.serviceMatrix.BY).toBe(0.93);
    expect(getNumber(setNumber(DEFAULT_SETTINGS, "adjust.Tail", -0.05), "adjust.Tail")).toBe(-0.05);
    expect(setNumber(DEFAULT_SETTINGS, "targetDio", null).targetDio).toBeNull();
    expect(setNumber(DEFAULT_SETTINGS, "holdingRate", null).holdingRate).toBeNaN();
  });

  test("a problem belongs to the field whose value causes it", () => {
    const s = setNumber(DEFAULT_SETTINGS, "bCut", 0.5); // below the default A cut of 80%
    expect(fieldProblems(s, "bCut")).toEqual(["ABC cut-offs need 0 ≤ A cut ≤ B cut ≤ 1."]);
    expect(fieldProblems(s, "aCut")).toEqual([]);
    expect(settingsProblems(s)).toEqual(["ABC cut-offs need 0 ≤ A cut ≤ B cut ≤ 1."]);
    const adjust = setNumber(DEFAULT_SETTINGS, "adjust.Strategic", NaN);
    expect(fieldProblems(adjust, "adjust.Strategic")).toEqual([
      "The Strategic adjustment must be a number (0 for none).",
    ]);
    expect(settingsProblems({ ...DEFAULT_SETTINGS, asOfDate: NaN })).toEqual([
      "The as-of date is not a date.",
    ]);
  });
});

describe("wording", () => {
  test("notes say where a report sheet went instead and why", () => {
    expect(
      redirectNote({
        requested: "WC Exceptions",
        written: "WC Exceptions (2)",
        skipped: [{ name: "WC Exceptions", reason: "holds-input" }],
      }),
    ).toBe(
      "“WC Exceptions” holds your input table and was left alone; the exceptions went to “WC Exceptions (2)”.",
    );
    expect(redirectNote({ requested: "Other", written: "Other (2)", skipped: [] })).toBe(
      "“Other” went to “Other (2)”.",
    );
  });

  test("errors become their message, never a raw object", () => {
    expect(describeError(new Error("ItemNotFound"))).toBe("ItemNotFound");
    expect(describeError({ code: "X", message: "The request failed." })).toBe("The request failed.");
    expect(describeError("plain")).toBe("plain");
    expect(describeError({})).toMatch(/Something went wrong in Excel/);
  });

  test("sizes and days", () => {
    expect(tableSize(1, 12)).toBe("1 row × 12 columns");
    expect(formatDays(NaN)).toBe("—");
  });

  test("short amounts keep three significant digits, so a column reads evenly", () => {
    // In en-US, as the test machines run (the pane formats in the user's locale).
    expect([10_731_257, 10_012_011, 9_496_647, -719_246, -56_429, 120].map(formatCompactAmount)).toEqual([
      "10.7M",
      "10.0M",
      "9.50M",
      "-719K",
      "-56.4K",
      "120",
    ]);
    expect(formatCompactAmount(NaN)).toBe("—");
  });
});
