/**
 * Stress-test settings, scenario parsing and validation, the per-segment aggregates and the
 * "WC Stress test" sheet, on the sample data (src/engine/sampleData.ts, 300 SKUs).
 */
import { ReportTable, chartTables, columnIndex, isValidOwnedSheetName } from "../../../src/engine/report";
import { generateSample } from "../../../src/engine/sampleData";
import { autoMap } from "../../../src/engine/segmentation/mapping";
import { segment } from "../../../src/engine/segmentation/segment";
import { withDefaults } from "../../../src/engine/segmentation/settings";
import {
  DEFAULT_STRESS_SETTINGS,
  STRESS_SHEET_NAME,
  StressProgress,
  StressResult,
  StressSettings,
  parseScenarios,
  stressSettingsFromJson,
  stressSheet,
  stressTest,
  validateStressSettings,
  withBaseline,
} from "../../../src/engine/simulation/stress";
import { ABC_XYZ_CELLS, ARCHETYPES } from "../../../src/engine/segmentation/settings";

describe("validateStressSettings", () => {
  test("the defaults are valid and start with the Baseline", () => {
    expect(validateStressSettings(DEFAULT_STRESS_SETTINGS)).toEqual([]);
    expect(DEFAULT_STRESS_SETTINGS.scenarios[0]).toEqual({ name: "Baseline" });
  });

  test.each<[Partial<StressSettings>, RegExp]>([
    [{ replications: 0 }, /Replications must be a whole number from 1/],
    [{ replications: 2.5 }, /Replications/],
    [{ periods: 10001 }, /Periods must be a whole number from 1 to 10,000/],
    [{ warmup: -1 }, /Warm-up/],
    [{ seed: -3 }, /Seed must be a whole number ≥ 0/],
    [{ serviceGrid: [0.9, 1] }, /between 0% and 100%/],
    [{ serviceGrid: [0.95, 0.9] }, /ascending/],
    [{ scenarios: [{ name: "Shock", demandShockPct: -100 }] }, /demandShockPct must be a number above −100/],
    [
      { scenarios: [{ name: "Late", outagePeriods: 2, outageStart: 200 }] },
      /outageStart 200 is after the last/,
    ],
    [{ scenarios: [{ name: "A", shockStart: 3 }] }, /shockStart needs demandShockPct/],
    [{ scenarios: [{ name: "A", outageSupplier: "X" }] }, /outageSupplier needs outagePeriods/],
    [
      {
        scenarios: [
          { name: "A", moq: 5 },
          { name: " a ", moq: 6 },
        ],
      },
      /same name as scenario 2/,
    ],
    [{ scenarios: [{ name: "" }] }, /needs a name/],
    [
      { scenarios: [{ name: "Baseline", moq: 10 }] },
      /only the first scenario, without disruptions, may be called Baseline/,
    ],
    [
      { scenarios: Array.from({ length: 12 }, (_, k) => ({ name: `S${k}`, moq: k })) },
      /At most 12 scenarios/,
    ],
  ])("%j is a problem", (override, message) => {
    const problems = validateStressSettings({ ...DEFAULT_STRESS_SETTINGS, ...override });
    expect(problems.join(" ")).toMatch(message);
  });

  test("withBaseline keeps a leading plain Baseline and adds one otherwise", () => {
    expect(withBaseline([{ name: "baseline" }, { name: "X", moq: 1 }]).map((s) => s.name)).toEqual([
      "baseline",
      "X",
    ]);
    expect(withBaseline([{ name: "X", moq: 1 }]).map((s) => s.name)).toEqual(["Baseline", "X"]);
  });
});

describe("parseScenarios (the scenarios.json format)", () => {
  test("the README example parses without problems, Baseline first", () => {
    const json = JSON.parse(`{
      "scenarios": [
        { "name": "Demand +25% in Q4", "demandShockPct": 25, "shockStart": 40, "shockPeriods": 13 },
        { "name": "Port strike", "leadTimeDelay": 3, "delayStart": 10, "delayPeriods": 6 },
        { "name": "Acme out 4 weeks", "outageSupplier": "Acme Components", "outageStart": 20, "outagePeriods": 4 },
        { "name": "MOQ 500 at Acme", "moq": 500, "moqSupplier": "Acme Components" }
      ]
    }`);
    const { scenarios, problems } = parseScenarios(json);
    expect(problems).toEqual([]);
    expect(scenarios.map((s) => s.name)).toEqual([
      "Baseline",
      "Demand +25% in Q4",
      "Port strike",
      "Acme out 4 weeks",
      "MOQ 500 at Acme",
    ]);
    expect(scenarios[3]).toEqual({
      name: "Acme out 4 weeks",
      outageSupplier: "Acme Components",
      outageStart: 20,
      outagePeriods: 4,
    });
    expect(parseScenarios(json.scenarios).scenarios).toEqual(scenarios);
  });

  test.each<[unknown, RegExp]>([
    [42, /JSON list of scenarios or an object with a "scenarios" list/],
    [{ scenario: [] }, /"scenarios" list/],
    [[{ name: "A", demandShockPct: "20" }], /demandShockPct must be a number \(got "20"\)/],
    [[{ name: "A", demandShock: 20 }], /unknown field "demandShock"/],
    [[{ demandShockPct: 20 }], /needs a "name" text/],
    [["A"], /must be an object/],
    [[{ name: "A", outageSupplier: 7, outagePeriods: 2 }], /outageSupplier must be text/],
    [[{ name: "A", leadTimeDelay: 1.5 }], /leadTimeDelay must be a whole number/],
  ])("%j gives a problem in words", (json, message) => {
    expect(parseScenarios(json).problems.join(" ")).toMatch(message);
  });

  test("stressSettingsFromJson reads the run settings over the defaults", () => {
    const { settings, problems } = stressSettingsFromJson({
      replications: 50,
      seed: 9,
      serviceGrid: [0.9, 0.99],
      scenarios: [{ name: "Shock", demandShockPct: 10 }],
    });
    expect(problems).toEqual([]);
    expect(settings.replications).toBe(50);
    expect(settings.periods).toBe(DEFAULT_STRESS_SETTINGS.periods);
    expect(settings.scenarios.map((s) => s.name)).toEqual(["Baseline", "Shock"]);
    expect(stressSettingsFromJson({ replications: "many" }).problems.join(" ")).toMatch(
      /replications must be a number/,
    );
    expect(stressSettingsFromJson({ reps: 5 }).problems.join(" ")).toMatch(/Unknown stress setting "reps"/);
  });

  test("stressTest refuses invalid settings with the problems in words", () => {
    const sample = generateSample({ skus: 100, weeks: 30 });
    const mapping = autoMap(sample.table.headers).mapping;
    const settings = withDefaults({ asOfDate: sample.asOfDate });
    const segmentation = segment(sample.table, mapping, settings);
    expect(() =>
      stressTest(segmentation, sample.table, mapping, settings, {
        ...DEFAULT_STRESS_SETTINGS,
        replications: 0,
      }),
    ).toThrow(/Replications must be a whole number/);
  });
});

describe("a run on the sample data", () => {
  const sample = generateSample({ skus: 300, weeks: 104 });
  const mapping = autoMap(sample.table.headers).mapping;
  const settings = withDefaults({ asOfDate: sample.asOfDate });
  const segmentation = segment(sample.table, mapping, settings);
  const progress: StressProgress[] = [];
  const stress: StressSettings = {
    ...DEFAULT_STRESS_SETTINGS,
    replications: 10,
    serviceGrid: [0.85, 0.95, 0.99],
  };
  const result: StressResult = stressTest(segmentation, sample.table, mapping, settings, stress, (p) =>
    progress.push(p),
  );

  test("every segmented SKU is simulated or skipped with a reason; history-based models (bootstrap, compound, forecast) on the sample", () => {
    expect(result.skus.count + result.skipped.length).toBe(segmentation.prepared.items.count);
    expect(result.skipped.every((s) => s.reason.length > 0)).toBe(true);
    expect(new Set(result.skus.demandModel)).toEqual(new Set(["bootstrap", "compound", "forecast"]));
    // "forecast" exactly for the smooth and erratic SKUs whose buffer comes from their forecast.
    result.skus.demandModel.forEach((model, j) => {
      const i = result.skus.item[j];
      if (model === "forecast") expect(segmentation.policies.forecastUsed[i]).toBe(true);
      if (model === "bootstrap") expect(segmentation.policies.forecastUsed[i]).toBe(false);
    });
    expect(progress.at(-1)).toEqual({ done: result.skus.count, total: result.skus.count });
    expect(progress.length).toBe(Math.ceil(result.skus.count / 200));
  });

  test("per-segment aggregates equal the per-SKU sums", () => {
    for (const s of result.scenarios) {
      const m = s.perSku;
      const all = s.segments[0];
      const sum = (a: ArrayLike<number>, keep: (j: number) => boolean = () => true) => {
        let total = 0;
        for (let j = 0; j < result.skus.count; j++) if (keep(j)) total += a[j];
        return total;
      };
      expect(all.skus).toBe(result.skus.count);
      expect(all.demand).toBeCloseTo(sum(m.demand), 6);
      expect(all.fillRate).toBeCloseTo(sum(m.served) / sum(m.demand), 12);
      expect(all.averageValue).toBeCloseTo(sum(m.averageValue), 6);
      expect(all.cycleService).toBeCloseTo(sum(m.cyclesWithoutStockout) / sum(m.cycles), 12);
      expect(all.stockoutPeriodsPerYear).toBeCloseTo(sum(m.stockoutPeriodsPerYear) / result.skus.count, 12);
      for (const seg of s.segments.slice(1)) {
        const keep = (j: number) =>
          seg.dimension === "ABC-XYZ"
            ? result.skus.cell[j] === seg.segment
            : result.skus.archetype[j] === seg.segment;
        expect(seg.skus).toBe(sum(new Float64Array(result.skus.count).fill(1), keep));
        expect(seg.served).toBeCloseTo(sum(m.served, keep), 6);
        expect(seg.averageValue).toBeCloseTo(sum(m.averageValue, keep), 6);
        expect(seg.todayValue).toBeCloseTo(sum(result.skus.todayValue, keep), 6);
      }
      // The cells and the archetypes each partition all SKUs.
      const cells = s.segments.filter((x) => x.dimension === "ABC-XYZ");
      expect(cells.map((x) => x.segment)).toEqual([...ABC_XYZ_CELLS]);
      expect(cells.reduce((t, x) => t + x.skus, 0)).toBe(result.skus.count);
      const archetypes = s.segments.filter((x) => x.dimension === "Archetype");
      expect(archetypes.map((x) => x.segment)).toEqual([...ARCHETYPES]);
      expect(archetypes.reduce((t, x) => t + x.averageValue, 0)).toBeCloseTo(all.averageValue, 4);
    }
  });

  test("cash vs baseline and release vs today per SKU", () => {
    const base = result.scenarios[0].perSku.averageValue;
    const shock = result.scenarios[1];
    for (let j = 0; j < result.skus.count; j += 37) {
      expect(shock.cashVsBaseline[j]).toBe(shock.perSku.averageValue[j] - base[j]);
      expect(shock.releaseVsToday[j]).toBe(result.skus.todayValue[j] - shock.perSku.averageValue[j]);
    }
    expect(result.scenarios[0].cashVsBaseline.every((x) => x === 0)).toBe(true);
  });

  test("the frontier: more service costs more inventory; recommended = the Baseline scenario", () => {
    expect(result.frontier.length).toBe(13);
    for (const f of result.frontier) {
      if (
        f.segment !== "All SKUs" &&
        result.scenarios[0].segments.find((s) => s.segment === f.segment)!.skus < 5
      )
        continue;
      const values = f.points.map((p) => p.averageValue);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(f.points[2].fillRate).toBeGreaterThan(f.points[0].fillRate);
    }
    const all = result.frontier[0];
    expect(all.recommended.averageValue).toBe(result.scenarios[0].segments[0].averageValue);
    expect(all.recommended.fillRate).toBe(result.scenarios[0].segments[0].fillRate);
    expect(all.current.averageValue).toBeCloseTo(
      Array.from(result.current!.averageValue).reduce((t, x) => t + x, 0),
      4,
    );
  });

  test("stressSheet: tables, row counts and a chart whose series read real columns", () => {
    const sheet = stressSheet(result);
    expect(sheet.name).toBe(STRESS_SHEET_NAME);
    expect(isValidOwnedSheetName(sheet.name)).toBe(true);
    const tables = new Map<string, ReportTable>();
    for (const b of sheet.blocks) if (b.kind === "table") tables.set(b.table.name, b.table);
    expect([...tables.keys()]).toEqual([
      "WC_StressScenarios",
      "WC_StressFrontier",
      "WC_StressPolicies",
      "WC_StressSkus",
    ]);
    for (const t of tables.values()) {
      expect(t.name).toMatch(/^WC_Stress[A-Za-z]+$/);
      expect(new Set(t.columns.map((c) => c.header)).size).toBe(t.columns.length);
      expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
      for (const row of t.rows) expect(row.length).toBe(t.columns.length);
      for (const row of t.rows)
        for (const v of row) expect(typeof v === "number" ? Number.isFinite(v) : true).toBe(true);
    }
    expect(tables.get("WC_StressScenarios")!.rows.length).toBe(result.scenarios.length * 13);
    expect(tables.get("WC_StressFrontier")!.rows.length).toBe(3);
    expect(tables.get("WC_StressFrontier")!.columns.length).toBe(1 + 2 * 13);
    expect(tables.get("WC_StressPolicies")!.rows.map((r) => r[0])).toEqual([
      "All SKUs",
      "Strategic",
      "Commodity",
      "Tail",
    ]);
    expect(tables.get("WC_StressSkus")!.rows.length).toBe(result.skus.count);
    expect(tables.get("WC_StressSkus")!.columns.length).toBe(10 + 3 * result.scenarios.length);

    expect(sheet.charts.length).toBe(1);
    const chart = sheet.charts[0];
    expect(chart.kind).toBe("scatter");
    if (chart.kind !== "scatter") return;
    expect(chart.series.map((s) => s.name)).toEqual([
      "All SKUs",
      "Strategic",
      "Commodity",
      "Tail",
      "Current policy",
      "Recommended policy",
    ]);
    expect(chart.series.map((s) => s.line)).toEqual([true, true, true, true, false, false]);
    for (const s of chart.series) {
      const table = tables.get(s.table)!;
      expect(columnIndex(table, s.x)).toBeGreaterThanOrEqual(0);
      expect(columnIndex(table, s.y)).toBeGreaterThanOrEqual(0);
      expect(table.columns[columnIndex(table, s.x)].format).toBe("currency");
      expect(table.columns[columnIndex(table, s.y)].format).toBe("percent");
    }
    expect(chartTables(chart).every((name) => tables.has(name))).toBe(true);
    // The All SKUs curve is the frontier's "All SKUs" points.
    const frontier = tables.get("WC_StressFrontier")!;
    const x = columnIndex(frontier, chart.series[0].x);
    expect(frontier.rows.map((r) => r[x])).toEqual(result.frontier[0].points.map((p) => p.averageValue));

    // Blocks do not overlap, and the chart sits right of every table beside it.
    let lastRow = -1;
    for (const b of sheet.blocks) {
      expect(b.at.row).toBeGreaterThan(lastRow);
      lastRow =
        b.kind === "table"
          ? b.at.row + 1 + Math.max(1, b.table.rows.length)
          : b.kind === "kpis"
            ? b.at.row + b.kpis.length - 1
            : b.at.row;
    }
    for (const b of sheet.blocks) {
      if (b.kind === "table" && b.at.row <= chart.at.row + Math.ceil(chart.height / 15))
        expect(chart.at.column).toBeGreaterThan(b.at.column + b.table.columns.length - 1);
    }
  });

  test("without a service grid: no frontier, no chart, no current-policy run", () => {
    const small = stressTest(segmentation, sample.table, mapping, settings, {
      ...stress,
      replications: 2,
      serviceGrid: [],
      scenarios: [],
    });
    expect(small.frontier).toEqual([]);
    expect(small.current).toBeNull();
    const sheet = stressSheet(small);
    expect(sheet.charts).toEqual([]);
    expect(
      sheet.blocks.filter((b) => b.kind === "table").map((b) => b.kind === "table" && b.table.name),
    ).toEqual(["WC_StressScenarios", "WC_StressSkus"]);
  });
});
