/** The run setup saved in the workbook: round trip, mapping by header name, tolerance of old or odd data. */
import { ColumnMapping } from "../../src/engine/segmentation/input";
import { DEFAULT_SETTINGS, validateSettings, withDefaults } from "../../src/engine/segmentation/settings";
import {
  SETTINGS_NAMESPACE,
  WorkbookSetup,
  loadWorkbookSetup,
  parseSetup,
  resolveMapping,
  saveWorkbookSetup,
  serializeSetup,
  toSavedMapping,
} from "../../src/excel/workbookSettings";
import { fakeWorkbook } from "../support/fakeExcel";

const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((r) => r()));

function workbook() {
  const fx = fakeWorkbook({ Sheet1: [["SKU"]] });
  restore.push(fx.installOffice());
  return fx;
}

const HEADERS = ["Item No.", "Std Cost", "On Hand", "LT (days)", "2025-01", "2025-02", "2025-03"];
const MAPPING: ColumnMapping = {
  columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3 },
  history: [4, 5, 6],
  periodUnit: "month",
  leadTimeUnit: "day",
};

const SETUP: WorkbookSetup = {
  settings: {
    aCut: 0.75,
    holdingRate: 0.2,
    targetDio: null,
    serviceMethod: "fill",
    // nested objects may be partial; withDefaults fills the rest
    serviceMatrix: { AX: 0.99 } as typeof DEFAULT_SETTINGS.serviceMatrix,
  },
  mapping: toSavedMapping(MAPPING, HEADERS),
  input: { sheet: "Stock & demand", address: "'Stock & demand'!A1:G2001" },
};

describe("saving and loading the setup", () => {
  test("round-trips through a custom XML part in the workbook", async () => {
    const fx = workbook();
    await saveWorkbookSetup(fx.context, SETUP);
    const parts = fx.liveXmlParts();
    expect(parts.map((p) => p.namespaceUri)).toEqual([SETTINGS_NAMESPACE]);
    expect(await loadWorkbookSetup(fx.context)).toEqual(SETUP);
  });

  test("saving again replaces the setup (one part, the latest values)", async () => {
    const fx = workbook();
    await saveWorkbookSetup(fx.context, SETUP);
    await saveWorkbookSetup(fx.context, { ...SETUP, settings: { holdingRate: 0.3 } });
    expect(fx.liveXmlParts()).toHaveLength(1);
    expect((await loadWorkbookSetup(fx.context))?.settings).toEqual({ holdingRate: 0.3 });
  });

  test("a workbook without a saved setup gives null", async () => {
    const fx = workbook();
    expect(await loadWorkbookSetup(fx.context)).toBeNull();
    expect(fx.syncCount).toBe(1);
  });

  test("the loaded settings over the defaults are valid settings", async () => {
    const fx = workbook();
    await saveWorkbookSetup(fx.context, SETUP);
    const settings = withDefaults((await loadWorkbookSetup(fx.context))!.settings);
    expect(validateSettings(settings)).toEqual([]);
    expect(settings.serviceMatrix).toEqual({ ...DEFAULT_SETTINGS.serviceMatrix, AX: 0.99 });
    expect(settings.aCut).toBe(0.75);
  });
});

describe("the mapping is kept by header name", () => {
  test("saved as names", () => {
    expect(SETUP.mapping).toEqual({
      columns: { sku: "Item No.", unitCost: "Std Cost", onHand: "On Hand", leadTime: "LT (days)" },
      history: ["2025-01", "2025-02", "2025-03"],
      periodUnit: "month",
      leadTimeUnit: "day",
    });
  });

  test("next month's table with moved columns and other spacing/case still maps", () => {
    const next = [
      "2025-01",
      "on hand",
      "Item No.",
      "New column",
      "2025-02",
      " STD  cost ",
      "LT (days)",
      "2025-03",
    ];
    const { mapping, missing } = resolveMapping(SETUP.mapping, next);
    expect(mapping).toEqual({
      columns: { sku: 2, unitCost: 5, onHand: 1, leadTime: 6 },
      history: [0, 4, 7],
      periodUnit: "month",
      leadTimeUnit: "day",
    });
    expect(missing).toEqual([]);
  });

  test("headers that are gone are reported, the rest still maps", () => {
    const { mapping, missing } = resolveMapping(SETUP.mapping, [
      "Item No.",
      "Std Cost",
      "2025-02",
      "2025-03",
      "2025-04",
    ]);
    expect(mapping.columns).toEqual({ sku: 0, unitCost: 1 });
    expect(mapping.history).toEqual([2, 3]);
    expect(missing).toEqual(["onHand: On Hand", "leadTime: LT (days)", "history: 2025-01"]);
  });

  test("exact names win over near ones, and a column is used once", () => {
    const saved = {
      columns: { sku: "sku", description: "SKU" },
      history: [],
      periodUnit: "week" as const,
      leadTimeUnit: "period" as const,
    };
    expect(resolveMapping(saved, ["SKU", "sku"]).mapping.columns).toEqual({ sku: 1, description: 0 });
  });
});

describe("reading saved setups tolerantly", () => {
  const wrap = (json: string) =>
    `<setup xmlns="${SETTINGS_NAMESPACE}" version="1"><json>${json}</json></setup>`;

  test("the serialised form is versioned JSON inside XML, with XML escaping", () => {
    const xml = serializeSetup(SETUP);
    expect(xml).toContain('"version":1');
    expect(xml).toContain("Stock &amp; demand");
    expect(parseSetup(xml)).toEqual(SETUP);
  });

  test("missing fields take defaults; wrong types and unknown fields are dropped", () => {
    const setup = parseSetup(
      wrap(
        JSON.stringify({
          version: 7,
          settings: {
            aCut: "0.8",
            bCut: 0.9,
            serviceMethod: "lottery",
            targetDio: 40,
            unknown: 1,
            serviceMatrix: { AX: 0.97, QQ: 1, BY: "x" },
          },
          mapping: { columns: { sku: "SKU", onHand: 3, bogus: "x" }, history: ["W1", 2] },
          input: { sheet: "Sheet1" },
          future: { anything: true },
        }),
      ),
    );
    expect(setup).toEqual({
      settings: { bCut: 0.9, targetDio: 40, serviceMatrix: { AX: 0.97 } },
      mapping: { columns: { sku: "SKU" }, history: ["W1"], periodUnit: "week", leadTimeUnit: "period" },
    });
  });

  test("an old setup without a version or mapping still loads", () => {
    expect(parseSetup(wrap(JSON.stringify({ settings: { holdingRate: 0.22 } })))).toEqual({
      settings: { holdingRate: 0.22 },
      mapping: { columns: {}, history: [], periodUnit: "week", leadTimeUnit: "period" },
    });
  });

  test("unreadable parts give null", () => {
    expect(parseSetup("<setup/>")).toBeNull();
    expect(parseSetup(wrap("{not json"))).toBeNull();
    expect(parseSetup(wrap("[1,2]"))).toBeNull();
  });
});
