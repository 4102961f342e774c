/**
 * The run setup as stored in the workbook (the task pane and the command line read and write the
 * same part): versioned JSON in XML, the mapping by header name, tolerant reading of saved setups,
 * strict reading of settings files, and mapping a table without anyone to confirm it.
 */
import { DEFAULT_SETTINGS, withDefaults } from "../../../src/engine/segmentation/settings";
import {
  SETTINGS_NAMESPACE,
  SavedMapping,
  mapColumns,
  mappingScore,
  mergeSettings,
  missingEssentials,
  parseSetup,
  readSettings,
  resolveMapping,
  serializeSetup,
} from "../../../src/engine/workbookParts/setup";
import { SETUP } from "../../support/workbookSetup";

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
    expect(xml).toContain("Stock &amp; &lt;demand&gt;");
    expect(
      xml.startsWith(`<setup xmlns="${SETTINGS_NAMESPACE}" version="1"><json>{"version":1,"settings":`),
    ).toBe(true);
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

  test("CDATA, wrong types, unknown fields and odd mapping units, as another writer may store them", () => {
    const xml =
      `<setup xmlns="${SETTINGS_NAMESPACE}"><json><![CDATA[{"settings":{"holdingRate":"high","aCut":0.7,"bogus":1,` +
      `"serviceMatrix":{"AX":"x","BY":0.9},"targetDio":45,"asOfDate":null,"serviceMethod":"both",` +
      `"archetypeRules":{"tailCells":["CZ",3],"strategicAbc":["A","B"],"constructor":["x"]}},` +
      `"mapping":{"columns":{"sku":"SKU","unitCost":3},"history":["W01",2],"periodUnit":"fortnight"},"input":{"sheet":1}}]]></json></setup>`;
    expect(parseSetup(xml)).toEqual({
      settings: {
        aCut: 0.7,
        serviceMatrix: { BY: 0.9 },
        targetDio: 45,
        asOfDate: null,
        archetypeRules: { strategicAbc: ["A", "B"] },
      },
      mapping: { columns: { sku: "SKU" }, history: ["W01"], periodUnit: "week", leadTimeUnit: "period" },
    });
  });

  test("names inherited by every object are not settings", () => {
    const setup = parseSetup(
      wrap('{"settings":{"constructor":1,"toString":2,"serviceMatrix":{"constructor":0.5,"AX":0.9}}}'),
    );
    expect(setup?.settings).toEqual({ serviceMatrix: { AX: 0.9 } });
  });

  test("unreadable parts give null", () => {
    expect(parseSetup("<setup/>")).toBeNull();
    expect(parseSetup(wrap("{not json"))).toBeNull();
    expect(parseSetup(wrap("[1,2]"))).toBeNull();
    expect(parseSetup(`<setup xmlns="${SETTINGS_NAMESPACE}"/>`)).toBeNull();
  });
});

describe("reading settings strictly (a settings file)", () => {
  test("every problem is named; what fits is kept", () => {
    const { settings, problems } = readSettings(
      {
        holdingRate: 0.3,
        holdingrate: 0.3,
        targetDio: "45",
        serviceMethod: "fill",
        serviceMatrix: { AX: 0.99, QQ: 1 },
        archetypeRules: { tailCells: ["CZ", 3] },
        topQuartile: 5,
        toString: 1,
      },
      [],
    );
    expect(settings).toEqual({
      holdingRate: 0.3,
      serviceMethod: "fill",
      serviceMatrix: { AX: 0.99 },
      archetypeRules: {},
    });
    expect(problems).toEqual([
      'unknown setting "holdingrate"',
      "targetDio must be a number or null",
      'unknown setting "serviceMatrix.QQ"',
      "archetypeRules.tailCells must be a list of text",
      "topQuartile must be an object",
      'unknown setting "toString"',
    ]);
    expect(readSettings([1], []).problems).toEqual(["settings must be an object"]);
    expect(readSettings("x", ["file"]).problems).toEqual(["file must be an object"]);
    expect(readSettings(undefined)).toEqual({ settings: {}, problems: [] });
  });
});

describe("the forecastBuffers switch", () => {
  const wrap = (json: string) =>
    `<setup xmlns="${SETTINGS_NAMESPACE}" version="1"><json>${json}</json></setup>`;

  test("round-trips through the saved setup, as true or false", () => {
    for (const forecastBuffers of [true, false]) {
      const setup = { ...SETUP, settings: { ...SETUP.settings, forecastBuffers } };
      expect(parseSetup(serializeSetup(setup))?.settings.forecastBuffers).toBe(forecastBuffers);
    }
  });

  test("anything but true or false is dropped (saved setup) or named (settings file)", () => {
    expect(parseSetup(wrap('{"settings":{"forecastBuffers":"yes","aCut":0.7}}'))?.settings).toEqual({
      aCut: 0.7,
    });
    expect(readSettings({ forecastBuffers: 1 }).problems).toEqual(["forecastBuffers must be true or false"]);
    expect(readSettings({ forecastBuffers: false })).toEqual({
      settings: { forecastBuffers: false },
      problems: [],
    });
  });

  test("a setup saved before the switch existed runs with it on (the default)", () => {
    const setup = parseSetup(wrap(JSON.stringify({ settings: { holdingRate: 0.22 } })));
    expect(setup?.settings.forecastBuffers).toBeUndefined();
    expect(withDefaults(setup?.settings).forecastBuffers).toBe(true);
  });
});

describe("mergeSettings", () => {
  test("the later settings win; nested tables merge key by key", () => {
    const base = {
      aCut: 0.7,
      holdingRate: 0.2,
      serviceMatrix: { AX: 0.99, BY: 0.9 } as typeof DEFAULT_SETTINGS.serviceMatrix,
    };
    const over = {
      holdingRate: 0.3,
      serviceMatrix: { BY: 0.92 } as typeof DEFAULT_SETTINGS.serviceMatrix,
      archetypeRules: { tailCells: ["CZ"] } as typeof DEFAULT_SETTINGS.archetypeRules,
    };
    expect(mergeSettings(base, over)).toEqual({
      aCut: 0.7,
      holdingRate: 0.3,
      serviceMatrix: { AX: 0.99, BY: 0.92 },
      archetypeRules: { tailCells: ["CZ"] },
    });
    expect(mergeSettings({}, {})).toEqual({});
  });
});

describe("mapColumns: the saved mapping where it still fits, automatic for the rest", () => {
  const headers = ["Part", "Qty", "Cost", "Days", "2025-01", "2025-02", "2025-03"];

  /** The pane's user mapped headers the synonyms do not know ("Qty" as on hand, "Days" as lead time). */
  const saved: SavedMapping = {
    columns: { sku: "Part", onHand: "Qty", unitCost: "Cost", leadTime: "Days" },
    history: ["2025-01", "2025-02", "2025-03"],
    periodUnit: "month",
    leadTimeUnit: "day",
  };

  test("without a saved mapping: the automatic one, with its warnings", () => {
    const result = mapColumns(headers);
    expect(result.source).toBe("automatic");
    expect(missingEssentials(result.mapping)).toEqual(["on-hand quantity", "lead time"]);
  });

  test("a saved mapping that fits is used as saved, without warnings", () => {
    const result = mapColumns(headers, saved);
    expect(result).toEqual({
      source: "saved",
      warnings: [],
      mapping: {
        columns: { sku: 0, unitCost: 2, onHand: 1, leadTime: 3 },
        history: [4, 5, 6],
        periodUnit: "month",
        leadTimeUnit: "day",
      },
    });
    expect(mappingScore(result.mapping)).toBeGreaterThan(mappingScore(mapColumns(headers).mapping));
  });

  test("next month: the history rolled forward and is detected again; a column went missing", () => {
    const next = ["Part", "Quantity", "Cost", "Days", "Supplier", "2025-02", "2025-03", "2025-04"];
    const result = mapColumns(next, saved);
    expect(result.source).toBe("saved and automatic");
    // "Quantity" is no synonym of on hand: the table now lacks it, and a refresh says so.
    expect(result.mapping.columns).toEqual({ sku: 0, unitCost: 2, leadTime: 3, supplier: 4 });
    expect(missingEssentials(result.mapping)).toEqual(["on-hand quantity"]);
    expect(result.mapping.history).toEqual([5, 6, 7]);
    expect(result.mapping.periodUnit).toBe("month");
    expect(result.warnings).toEqual([
      "The saved demand-history columns are not all in this table (1 of 3 missing); the history is detected again (3 period columns).",
      "The saved mapping names column this table lacks (onHand: Qty); automatic mapping is used for those fields.",
    ]);
  });

  test("a saved annual-demand mapping is kept even when period columns appear", () => {
    const annual: SavedMapping = {
      columns: {
        sku: "SKU",
        unitCost: "Cost",
        onHand: "Stock",
        leadTime: "LT",
        annualDemand: "Usage",
        demandCv: "CV",
      },
      history: [],
      periodUnit: "week",
      leadTimeUnit: "week",
    };
    const result = mapColumns(["SKU", "Cost", "Stock", "LT", "Usage", "CV", "W01", "W02"], annual);
    expect(result.source).toBe("saved");
    expect(result.mapping.history).toEqual([]);
    expect(result.mapping.columns.annualDemand).toBe(4);
  });

  test("no demand at all is an essential that is missing", () => {
    const mapping = {
      columns: { sku: 0 },
      history: [],
      periodUnit: "week" as const,
      leadTimeUnit: "period" as const,
    };
    expect(missingEssentials(mapping)).toEqual([
      "unit cost",
      "on-hand quantity",
      "lead time",
      "demand history or annual demand",
    ]);
  });
});
