/**
 * Forecast-driven buffers on the Segmentation (README "Forecast-driven buffers"): the demand class,
 * the model it picks, the basis rules (beat the naive baseline, error at most the demand SD), the
 * hand-derived σ, safety stock, dynamic reorder point and cash effect, the progress callback, and
 * that the method without forecasts (setting off, annual-demand input, short history) is unchanged.
 */
import fc from "fast-check";
import { normSInv } from "../../../src/engine/normal";
import { forecastSeries } from "../../../src/engine/forecast";
import { CellValue, columnIndex, ReportTable, tablesOf } from "../../../src/engine/report";
import { generateSampleTable } from "../../../src/engine/sampleData";
import {
  BUFFER_BASIS_TEXT,
  BufferBasis,
  ItemForecasts,
  MIN_FORECAST_PERIODS,
  PROGRESS_CHUNK,
  beatsBaseline,
  chunkDrivers,
  forecastItems,
  leadTimeRate,
} from "../../../src/engine/segmentation/forecastBuffers";
import { ColumnMapping, InputTable } from "../../../src/engine/segmentation/input";
import { autoMap } from "../../../src/engine/segmentation/mapping";
import { computePolicies } from "../../../src/engine/segmentation/policy";
import { prepareItems } from "../../../src/engine/segmentation/prepare";
import { segment } from "../../../src/engine/segmentation/segment";
import { validateSettings, withDefaults } from "../../../src/engine/segmentation/settings";

const AS_OF = 45657;

/** Series whose behaviour under SES / SBA / naive is checked below against forecastSeries. */
const SERIES: Record<string, number[]> = {
  // A level shift from 100 to 150 half-way, ±5 around it: SES adapts, naive carries the ±5 twice.
  shift: Array.from({ length: 24 }, (_, t) => (t < 12 ? 100 : 150) + (t % 2 ? 5 : -5)),
  // A straight line 1 … 24: naive is exact one step ahead, SES lags.
  trend: Array.from({ length: 24 }, (_, t) => t + 1),
  // Stationary noise (LCG seed 7, 80 + 40·u rounded): the mean is as good as any forecast.
  noise: [
    104, 92, 102, 119, 107, 101, 115, 117, 83, 120, 88, 88, 120, 82, 95, 81, 83, 107, 117, 112, 110, 83, 105,
    100, 88, 116, 83, 112, 86, 81, 109, 110, 115, 113, 113, 110, 81, 94, 86, 106, 95, 92, 112, 93, 115, 102,
    88, 98, 103, 97, 92, 114,
  ],
  // Few, variable demands: ADI 24/7 = 3.43, CV² of the sizes 0.69 → lumpy.
  lumpy: [0, 0, 50, 0, 0, 0, 5, 0, 0, 90, 0, 0, 0, 20, 0, 0, 0, 0, 60, 0, 0, 10, 0, 0],
  short: [10, 12, 9, 11, 10, 13, 8, 12],
  zero: Array.from({ length: 24 }, () => 0),
  negative: Array.from({ length: 24 }, (_, t) => (t === 5 ? -3 : 10 + (t % 3))),
};

function sampleSd(y: number[]): number {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  return Math.sqrt(y.reduce((s, x) => s + (x - mean) ** 2, 0) / (y.length - 1));
}

/** A table of one row per series: cost 10, on hand 100, lead time 4 ± 0.5 periods, weekly history. */
function tableOf(series: Record<string, number[]>): { input: InputTable; mapping: ColumnMapping } {
  const periods = Math.max(...Object.values(series).map((y) => y.length));
  const headers = ["SKU", "Unit Cost", "On Hand", "LT", "LT SD"];
  for (let t = 0; t < periods; t++) headers.push(`W${t + 1}`);
  const rows: CellValue[][] = Object.entries(series).map(([sku, y]) => {
    const row: CellValue[] = [sku, 10, 100, 4, 0.5];
    // Shorter series are right-aligned: leading blanks, as a SKU launched later.
    for (let t = 0; t < periods; t++) row.push(t < periods - y.length ? null : y[t - (periods - y.length)]);
    return row;
  });
  return {
    input: { headers, rows },
    mapping: {
      columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3, leadTimeSd: 4 },
      history: Array.from({ length: periods }, (_, t) => 5 + t),
      periodUnit: "week",
      leadTimeUnit: "period",
    },
  };
}

function table(result: ReturnType<typeof segment>, name: string): ReportTable {
  const t = tablesOf(result.report).get(name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

function rowOf(t: ReportTable, sku: string): Record<string, CellValue> {
  const k = columnIndex(t, "sku");
  const row = t.rows.find((r) => r[k] === sku);
  if (!row) throw new Error(`no row ${sku}`);
  return Object.fromEntries(t.columns.map((c, i) => [c.key, row[i]]));
}

describe("demand class, model and basis per SKU", () => {
  const { input, mapping } = tableOf(SERIES);
  const settings = withDefaults({ asOfDate: AS_OF });
  const { items } = prepareItems(input, mapping, settings.defaultOrderCost);
  const f = forecastItems(items, settings);
  const at = (sku: string) => items.sku.indexOf(sku);
  const fit = (sku: string, method: "ses" | "sba" | "naive") =>
    forecastSeries(Float64Array.from(SERIES[sku]), { horizon: 1, method, seasonLength: 1 });

  test("the level, RMSE and holdout figures are those of WCAP.FORECAST's engine for the chosen model", () => {
    for (const sku of ["shift", "trend", "noise"]) {
      const i = at(sku);
      const ses = fit(sku, "ses");
      expect(f.method[i]).toBe("ses");
      expect(f.level[i]).toBe(ses.forecast[0]);
      expect(f.rmse[i]).toBe(ses.residualRmse);
      expect(f.wape[i]).toBe(ses.holdout!.wape);
      expect(f.bias[i]).toBe(ses.holdout!.bias);
      expect(f.mase[i]).toBe(ses.holdout!.mase);
      expect(f.baselineMase[i]).toBe(fit(sku, "naive").holdout!.mase);
    }
  });

  test("a lumpy item is classed lumpy and forecast with SBA (Syntetos & Boylan 2005)", () => {
    const i = at("lumpy");
    expect(f.demandClass[i]).toBe("lumpy");
    expect(f.method[i]).toBe("sba");
    expect(f.level[i]).toBe(fit("lumpy", "sba").forecast[0]);
    expect(f.rmse[i]).toBe(fit("lumpy", "sba").residualRmse);
    expect(f.demandClass[at("shift")]).toBe("smooth");
  });

  test("level shift: the model beats naive and its error is below the demand SD → forecast buffer", () => {
    const i = at("shift");
    expect(f.mase[i]).toBeLessThan(0.99 * f.baselineMase[i]);
    expect(f.rmse[i]).toBeLessThan(sampleSd(SERIES.shift));
    expect(f.basis[i]).toBe(BufferBasis.Forecast);
    expect(f.basis[at("lumpy")]).toBe(BufferBasis.Forecast);
  });

  test("straight line: naive is exact, SES does not beat it by 1% → demand-SD buffer", () => {
    expect(fit("trend", "naive").holdout!.mase).toBe(1); // one-step naive error 1 ÷ naive MAE 1
    expect(f.mase[at("trend")]).toBeGreaterThan(0.99);
    expect(f.basis[at("trend")]).toBe(BufferBasis.BaselineNotBeaten);
  });

  test("stationary noise: SES beats naive but its error exceeds the SD around the mean → demand-SD buffer", () => {
    const i = at("noise");
    expect(f.mase[i]).toBeLessThan(0.99 * f.baselineMase[i]);
    expect(f.rmse[i]).toBeGreaterThan(sampleSd(SERIES.noise));
    expect(items.demandSd[i]).toBeCloseTo(sampleSd(SERIES.noise), 12);
    expect(f.basis[i]).toBe(BufferBasis.WorseThanSd);
  });

  test("short, all-zero and negative histories get no forecast, with the reason", () => {
    expect(SERIES.short.length).toBeLessThan(MIN_FORECAST_PERIODS);
    expect(f.basis[at("short")]).toBe(BufferBasis.ShortHistory);
    expect(f.demandClass[at("short")]).toBe("smooth");
    expect(f.basis[at("zero")]).toBe(BufferBasis.NoDemand);
    expect(f.basis[at("negative")]).toBe(BufferBasis.NegativeDemand);
    for (const sku of ["short", "zero", "negative"]) {
      expect(f.method[at(sku)]).toBe("");
      expect(f.level[at(sku)]).toBeNaN();
    }
    expect(f.demandClass[at("zero")]).toBe("");
  });

  test("beatsBaseline: MASE first, WAPE when MASE is undefined, never on no evidence", () => {
    expect(beatsBaseline(0.98, 1, NaN, NaN)).toBe(true);
    expect(beatsBaseline(0.995, 1, 0.1, 0.5)).toBe(false); // within the 1% margin
    expect(beatsBaseline(NaN, NaN, 0.4, 0.5)).toBe(true);
    expect(beatsBaseline(NaN, NaN, NaN, NaN)).toBe(false);
  });
});

describe("buffers from a forecast, by hand", () => {
  // One item, 12 weeks alternating 10 / 30: mean 20, SD √(12·100 ÷ 11) = 10.4447; L = 4 ± 0.5,
  // review period R = 1, service 95% everywhere (z = NORM.S.INV(0.95) = 1.6448536), cost 10.
  const history = Array.from({ length: 12 }, (_, t) => (t % 2 ? 30 : 10));
  const { input, mapping } = tableOf({ X1: history });
  const flat = { AX: 0.95, AY: 0.95, AZ: 0.95, BX: 0.95, BY: 0.95, BZ: 0.95, CX: 0.95, CY: 0.95, CZ: 0.95 };
  const settings = withDefaults({
    asOfDate: AS_OF,
    reviewPeriods: 1,
    serviceMatrix: flat,
    archetypeServiceAdjustment: { Strategic: 0, Commodity: 0, Tail: 0 },
  });
  const prepared = prepareItems(input, mapping, settings.defaultOrderCost);
  const z = normSInv(0.95);
  // A forecast F = 25 per week with one-step RMSE 6, as a model would report it.
  const forecasts = (basis: BufferBasis): ItemForecasts => ({
    demandClass: ["smooth"],
    method: ["ses"],
    level: Float64Array.of(25),
    rmse: Float64Array.of(6),
    wape: Float64Array.of(0.2),
    bias: Float64Array.of(-0.05),
    mase: Float64Array.of(0.7),
    baselineMase: Float64Array.of(1),
    basis: Uint8Array.of(basis),
  });
  const policiesWith = (basis: BufferBasis) =>
    computePolicies(prepared.items, settings, prepared.periodsPerYear, "week", forecasts(basis));

  test("σ over L + R = √((L+R)·RMSE² + F²·σL²) = √(5·36 + 625·0.25) = √336.25 = 18.337", () => {
    const p = policiesWith(BufferBasis.Forecast);
    expect(p.forecastSigmaLt[0]).toBeCloseTo(Math.sqrt(336.25), 12);
    expect(p.forecastSigmaLt[0]).toBeCloseTo(18.33712, 5);
    expect(p.sigmaLt[0]).toBe(p.forecastSigmaLt[0]);
  });

  test("safety stock z·σ = 30.16188, reorder point F·L + SS = 100 + 30.16188, buffer change and cash", () => {
    const p = policiesWith(BufferBasis.Forecast);
    const sdDemand = Math.sqrt(1200 / 11);
    const sigmaDemand = Math.sqrt(5 * sdDemand ** 2 + 400 * 0.25); // √645.45 = 25.406
    expect(p.bufferForecast[0]).toBeCloseTo(z * Math.sqrt(336.25), 10);
    expect(p.bufferForecast[0]).toBeCloseTo(30.16188, 5);
    expect(p.bufferDemandSd[0]).toBeCloseTo(z * sigmaDemand, 10);
    expect(p.bufferDemandSd[0]).toBeCloseTo(41.78882, 5);
    expect(p.safetyStock[0]).toBe(p.bufferForecast[0]);
    expect(p.reorderPoint[0]).toBeCloseTo(100 + z * Math.sqrt(336.25), 10);
    expect(p.bufferChange[0]).toBeCloseTo(z * (Math.sqrt(336.25) - sigmaDemand), 10);
    expect(p.bufferChange[0]).toBeCloseTo(-11.62694, 5); // 30.16188 − 41.78882
    expect(p.bufferCashEffect[0]).toBeCloseTo(-116.2694, 4); // −11.62694 units × cost 10
    expect(p.targetUnits[0]).toBeCloseTo(p.bufferForecast[0] + p.lotSize[0] / 2, 10);
    expect(p.forecastUsed[0]).toBe(true);
  });

  test("a forecast that is not used is still shown, and changes nothing", () => {
    const used = policiesWith(BufferBasis.Forecast);
    const p = policiesWith(BufferBasis.WorseThanSd);
    const none = computePolicies(prepared.items, settings, prepared.periodsPerYear, "week");
    expect(p.bufferForecast[0]).toBe(used.bufferForecast[0]);
    expect(p.safetyStock[0]).toBe(none.safetyStock[0]);
    expect(p.reorderPoint[0]).toBeCloseTo(20 * 4 + p.bufferDemandSd[0], 10);
    expect(p.reorderPoint[0]).toBe(none.reorderPoint[0]);
    expect(p.bufferChange[0]).toBe(0);
    expect(p.bufferCashEffect[0]).toBe(0);
    expect(p.forecastUsed[0]).toBe(false);
  });

  test("fill-rate method: both buffers by the same method over the same lot", () => {
    const fill = withDefaults({ ...settings, serviceMethod: "fill" });
    const p = computePolicies(prepared.items, fill, prepared.periodsPerYear, "week", forecasts(0));
    const cycle = policiesWith(BufferBasis.Forecast);
    expect(p.lotSize[0]).toBe(cycle.lotSize[0]);
    // A 95% fill rate over a lot of 289 (EOQ √83,200 = 288.4) needs σ·G(k) = 0.05·289: less than 95% cycle service.
    expect(p.bufferForecast[0]).toBeLessThan(cycle.bufferForecast[0]);
    expect(p.safetyStock[0]).toBe(p.bufferForecast[0]);
  });
});

describe("segment() with forecast buffers", () => {
  const { input, mapping } = tableOf(SERIES);
  const settings = withDefaults({ asOfDate: AS_OF });
  const on = segment(input, mapping, settings);
  const off = segment(input, mapping, withDefaults({ asOfDate: AS_OF, forecastBuffers: false }));
  const seg = table(on, "WC_Segmentation");

  test("the new columns, with formats, next to the buffer they explain", () => {
    const keys = seg.columns.map((c) => c.key);
    const formats = Object.fromEntries(seg.columns.map((c) => [c.key, c.format]));
    expect(keys.slice(keys.indexOf("demandCv"), keys.indexOf("demandCv") + 2)).toEqual([
      "demandCv",
      "demandClass",
    ]);
    expect(keys.slice(keys.indexOf("sigmaLt"), keys.indexOf("safetyStock") + 1)).toEqual([
      "sigmaLt",
      "forecastMethod",
      "holdoutWape",
      "holdoutBias",
      "forecastSigma",
      "forecastSigmaLt",
      "bufferDemandSd",
      "bufferForecast",
      "bufferBasis",
      "bufferChange",
      "bufferCashEffect",
      "safetyStock",
    ]);
    expect(formats).toMatchObject({
      demandClass: "text",
      forecastMethod: "text",
      holdoutWape: "percent",
      holdoutBias: "percent",
      forecastSigma: "quantity",
      bufferDemandSd: "quantity",
      bufferForecast: "quantity",
      bufferChange: "quantity",
      bufferCashEffect: "currency",
    });
  });

  test("a SKU on a forecast buffer: SS, reorder point, target and release from the forecast", () => {
    const r = rowOf(seg, "shift");
    const i = on.prepared.items.sku.indexOf("shift");
    const F = on.forecasts.level[i];
    const sigma = Math.sqrt(4 * on.forecasts.rmse[i] ** 2 + F * F * 0.25); // L = 4, σL = 0.5, R = 0
    expect(r.bufferBasis).toBe("forecast");
    expect(r.forecastMethod).toBe("ses");
    expect(r.forecastSigmaLt).toBeCloseTo(sigma, 9);
    expect(r.safetyStock).toBe(r.bufferForecast);
    expect(r.safetyStock).toBeCloseTo(normSInv(r.serviceTarget as number) * sigma, 9);
    expect(r.reorderPoint).toBeCloseTo(4 * F + (r.safetyStock as number), 9);
    expect(r.bufferChange).toBeCloseTo((r.bufferForecast as number) - (r.bufferDemandSd as number), 9);
    expect(r.bufferCashEffect).toBeCloseTo(10 * (r.bufferChange as number), 9);
    expect(r.targetValue).toBeCloseTo(10 * ((r.safetyStock as number) + (r.lotSize as number) / 2), 9);
    expect(r.holdoutWape).toBe(on.forecasts.wape[i]);
    expect(r.holdoutBias).toBe(on.forecasts.bias[i]);
  });

  test("SKUs on the demand-SD buffer say why, and keep the old numbers", () => {
    const offSeg = table(off, "WC_Segmentation");
    for (const sku of ["trend", "noise", "short", "zero", "negative"]) {
      const r = rowOf(seg, sku);
      expect(r.bufferBasis).toBe(BUFFER_BASIS_TEXT[on.forecasts.basis[on.prepared.items.sku.indexOf(sku)]]);
      expect(r.bufferBasis).toMatch(/^demand SD: /);
      expect(r.safetyStock).toBe(rowOf(offSeg, sku).safetyStock);
      expect(r.reorderPoint).toBe(rowOf(offSeg, sku).reorderPoint);
      expect(r.bufferChange).toBe(0);
      expect(r.bufferCashEffect).toBe(0);
    }
    expect(rowOf(seg, "noise").bufferForecast).toBeGreaterThan(rowOf(seg, "noise").bufferDemandSd as number);
    expect(rowOf(seg, "short").forecastMethod).toBe("none");
    expect(rowOf(seg, "short").bufferForecast).toBeNull();
  });

  test("Summary: total buffer change and its cash effect, as KPIs", () => {
    const changes = seg.rows.map((r) => r[columnIndex(seg, "bufferChange")] as number);
    const cash = seg.rows.map((r) => r[columnIndex(seg, "bufferCashEffect")] as number);
    expect(on.summary.bufferChangeUnits).toBeCloseTo(
      changes.reduce((a, b) => a + b, 0),
      9,
    );
    expect(on.summary.bufferCashEffect).toBeCloseTo(
      cash.reduce((a, b) => a + b, 0),
      9,
    );
    expect(on.summary.forecastSkus).toBe(2); // shift and lumpy
    const kpis = on.report.sheets[0].blocks.flatMap((b) => (b.kind === "kpis" ? b.kpis : []));
    expect(kpis.find((k) => k.label === "Buffer change from forecasts")).toMatchObject({
      value: on.summary.bufferChangeUnits,
      format: "quantity",
    });
    expect(kpis.find((k) => k.label === "Cash effect of forecasts")).toMatchObject({
      value: on.summary.bufferCashEffect,
      format: "currency",
    });
    expect(off.summary.bufferCashEffect).toBe(0);
  });
});

describe("without forecasts nothing changes", () => {
  const table104 = generateSampleTable({ skus: 300, weeks: 104 });
  const mapping = autoMap(table104.headers).mapping;
  const offSettings = withDefaults({ asOfDate: 46019, forecastBuffers: false });

  test("setting off: every policy number equals the demand-SD method's", () => {
    const off = segment(table104, mapping, offSettings);
    const prepared = prepareItems(table104, mapping, offSettings.defaultOrderCost);
    const plain = computePolicies(prepared.items, offSettings, prepared.periodsPerYear, mapping.periodUnit);
    for (const key of ["sigmaLt", "safetyStock", "reorderPoint", "targetValue", "release"] as const) {
      expect(off.policies[key]).toEqual(plain[key]);
    }
    expect(off.policies.safetyStock).toEqual(off.policies.bufferDemandSd);
    expect(new Set(off.forecasts.method)).toEqual(new Set([""]));
    expect(off.summary.forecastSkus).toBe(0);
    const seg = table(off, "WC_Segmentation");
    expect(new Set(seg.rows.map((r) => r[columnIndex(seg, "forecastMethod")]))).toEqual(new Set(["none"]));
  });

  test("on: 104 weeks of sample data, rows in = Segmentation + Exceptions, all numbers finite", () => {
    const on = segment(table104, mapping, withDefaults({ asOfDate: 46019 }));
    const seg = table(on, "WC_Segmentation");
    const exc = table(on, "WC_Exceptions");
    expect(seg.rows.length + exc.rows.length).toBe(table104.rows.length);
    expect(on.summary.forecastSkus).toBeGreaterThan(0);
    for (const r of seg.rows)
      for (const v of r) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    const classes = new Set(on.forecasts.demandClass);
    expect(classes.has("smooth") || classes.has("erratic")).toBe(true);
  });

  test("annual-demand input: no history, no forecast, numbers as before", () => {
    const input: InputTable = {
      headers: ["SKU", "Unit Cost", "On Hand", "LT", "Annual demand", "CV"],
      rows: [
        ["Q1", 10, 100, 2, 5200, 0.3],
        ["Q2", 4, 10, 1, 520, 1.2],
      ],
    };
    const m: ColumnMapping = {
      columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3, annualDemand: 4, demandCv: 5 },
      history: [],
      periodUnit: "week",
      leadTimeUnit: "period",
    };
    const s = withDefaults({ asOfDate: AS_OF });
    const result = segment(input, m, s);
    const seg = table(result, "WC_Segmentation");
    const q1 = rowOf(seg, "Q1");
    expect(q1.bufferBasis).toBe("demand SD: no demand history");
    expect(q1.demandClass).toBe("");
    expect(q1.forecastMethod).toBe("none");
    // σLT = √2 · 0.3 · 100 (mean 5200 ÷ 52); AX + Strategic = 99%.
    expect(q1.safetyStock).toBeCloseTo(normSInv(0.99) * Math.SQRT2 * 30, 9);
    expect(q1.reorderPoint).toBeCloseTo(200 + normSInv(0.99) * Math.SQRT2 * 30, 9);
    expect(result.prepared.items.periods).toBe(0);
    expect(result.prepared.items.history.length).toBe(0);
  });
});

describe("the history kept for the engine", () => {
  test("row-major, blanks NaN, exception rows left out", () => {
    const input: InputTable = {
      headers: ["SKU", "Unit Cost", "On Hand", "LT", "W1", "W2", "W3"],
      rows: [
        ["A", 1, 1, 1, 5, null, 7],
        ["B", 1, 1, 1, 1, "x", 3], // text in history: an exception
        ["C", 1, 1, 1, "", 2, 0],
      ],
    };
    const m: ColumnMapping = {
      columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3 },
      history: [4, 5, 6],
      periodUnit: "week",
      leadTimeUnit: "period",
    };
    const { items, exceptions } = prepareItems(input, m, 100);
    expect(items.periods).toBe(3);
    expect(Array.from(items.history)).toEqual([5, NaN, 7, NaN, 2, 0]);
    expect(exceptions.map((e) => e.sku)).toEqual(["B"]);
    expect(items.demandMean[1]).toBe(1); // (2 + 0) ÷ 2: blanks skipped as before
  });
});

describe("progress and settings", () => {
  test("onProgress: every PROGRESS_CHUNK items, increasing, ending at the item count", () => {
    const table = generateSampleTable({ skus: PROGRESS_CHUNK + 100, weeks: 20 });
    const calls: [number, number][] = [];
    const result = segment(table, autoMap(table.headers).mapping, withDefaults({ asOfDate: 46019 }), (d, t) =>
      calls.push([d, t]),
    );
    const n = result.prepared.items.count;
    expect(calls).toEqual([
      [PROGRESS_CHUNK, n],
      [n, n],
    ]);
  });

  test("onProgress is called once, at the end, for annual-demand input", () => {
    const calls: number[][] = [];
    segment(
      { headers: ["SKU", "Unit Cost", "On Hand", "LT", "Annual", "CV"], rows: [["A", 1, 1, 1, 52, 0.5]] },
      {
        columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3, annualDemand: 4, demandCv: 5 },
        history: [],
        periodUnit: "week",
        leadTimeUnit: "period",
      },
      withDefaults({}),
      (d, t) => calls.push([d, t]),
    );
    expect(calls).toEqual([[1, 1]]);
  });

  test("forecastBuffers: on by default, validated, and older saved settings without it take the default", () => {
    expect(withDefaults({}).forecastBuffers).toBe(true);
    expect(withDefaults({ holdingRate: 0.2 }).forecastBuffers).toBe(true);
    expect(validateSettings(withDefaults({ forecastBuffers: false }))).toEqual([]);
    const bad = { ...withDefaults({}), forecastBuffers: "yes" as unknown as boolean };
    expect(validateSettings(bad)).toEqual(["Forecast buffers must be on or off (true/false)."]);
  });
});

describe("properties with forecastable histories", () => {
  const PERIODS = MIN_FORECAST_PERIODS + 2;
  const headers = ["SKU", "Unit Cost", "On Hand", "LT", "LT SD"];
  for (let t = 0; t < PERIODS; t++) headers.push(`W${t + 1}`);
  const mapping: ColumnMapping = {
    columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3, leadTimeSd: 4 },
    history: Array.from({ length: PERIODS }, (_, t) => 5 + t),
    periodUnit: "week",
    leadTimeUnit: "period",
  };
  const demand = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 500 }) },
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.constantFrom(null, "", -4, "n/a", 1e6, 0.5) },
  );
  const row = fc.tuple(
    fc.string({ minLength: 1, maxLength: 3 }),
    fc.oneof(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constant(null)),
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 12 }),
    fc.double({ min: 0, max: 3, noNaN: true }),
    fc.array(demand, { minLength: PERIODS, maxLength: PERIODS }),
  );

  test("rows in = Segmentation + Exceptions; every number finite; buffer change = SS − demand-SD buffer", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.boolean(), (generated, forecastBuffers) => {
        const rows = generated.map(([sku, cost, onHand, lt, ltSd, history]) => [
          sku,
          cost,
          onHand,
          lt,
          ltSd,
          ...history,
        ]) as CellValue[][];
        const result = segment(
          { headers, rows },
          mapping,
          withDefaults({ asOfDate: AS_OF, forecastBuffers }),
        );
        const seg = table(result, "WC_Segmentation");
        expect(seg.rows.length + table(result, "WC_Exceptions").rows.length).toBe(rows.length);
        for (const r of seg.rows)
          for (const v of r) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        const p = result.policies;
        for (let i = 0; i < p.safetyStock.length; i++) {
          expect(p.bufferChange[i]).toBe(p.safetyStock[i] - p.bufferDemandSd[i]);
          if (!p.forecastUsed[i]) expect(p.safetyStock[i]).toBe(p.bufferDemandSd[i]);
          expect(p.safetyStock[i]).toBeGreaterThanOrEqual(0);
        }
        if (!forecastBuffers) expect(p.forecastUsed.some((x) => x)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe("driver columns (promotion flag, price)", () => {
  test("leadTimeRate: whole periods plus the fraction of the next, the last step repeated beyond the forecasts", () => {
    const f = Float64Array.from([99, 10, 20, 40]);
    // Lead time 2.5 from offset 1: (10 + 20 + 0.5 · 40) ÷ 2.5 = 20.
    expect(leadTimeRate(f, 1, 3, 2.5)).toBe(20);
    // Lead time 5 with 3 steps: (10 + 20 + 40 + 40 + 40) ÷ 5 = 30.
    expect(leadTimeRate(f, 1, 3, 5)).toBe(30);
    // No lead time: the first step.
    expect(leadTimeRate(f, 1, 3, 0)).toBe(10);
  });

  test("chunkDrivers: the table's values, then no promotion and the last known price where it has none", () => {
    // Two items, 3 history periods + 1 future column in the table; 3 steps asked for.
    const NaN_ = Number.NaN;
    const source = {
      horizon: 1,
      promo: Float64Array.from([0, 1, NaN_, 1, /* item 2 */ 0, 0, 0, NaN_]),
      price: Float64Array.from([5, 5, 4, NaN_, /* item 2 */ 2, NaN_, 3, 3.5]),
    };
    const d = chunkDrivers(source, 0, 2, 3, 3);
    expect(Array.from(d.promo!)).toEqual([0, 1, NaN_, 1, NaN_, NaN_, 0, 0, 0, NaN_, NaN_, NaN_]);
    // History blanks stay unknown; future blanks carry the last known price forward.
    expect(Array.from(d.price!)).toEqual([5, 5, 4, 4, 4, 4, 2, NaN_, 3, 3.5, 3.5, 3.5]);
    // The second item alone (start 1).
    expect(Array.from(chunkDrivers(source, 1, 1, 3, 1).price!)).toEqual([2, NaN_, 3, 3.5]);
  });

  test("a promotion planned inside the lead time raises the forecast over it, by the estimated lift", () => {
    // 52 weeks around 100 (±5) with a promotion every 8th week selling 150 (lift 1.5), lead time 4,
    // and a promotion planned in week 2 of the lead time: the forecast over the lead time is the
    // level × (3 + lift) ÷ 4 per period, where the plain model averages the promotions in.
    const periods = 52;
    const history = Array.from({ length: periods }, (_, t) => (t % 8 === 3 ? 150 : 100 + (t % 2 ? 5 : -5)));
    const promoHistory = Array.from({ length: periods }, (_, t) => (t % 8 === 3 ? 1 : 0));
    const { input, mapping } = tableOf({ promo: history });
    const settings = withDefaults({ asOfDate: AS_OF });
    const plain = prepareItems(input, mapping, settings.defaultOrderCost).items;
    const driven = prepareItems(input, mapping, settings.defaultOrderCost).items;
    driven.drivers = {
      horizon: 4,
      promo: Float64Array.from([...promoHistory, 0, 1, 0, 0]),
      price: null,
    };
    const without = forecastItems(plain, settings);
    const withDrivers = forecastItems(driven, settings);
    const direct = forecastSeries(Float64Array.from(history), {
      horizon: 4,
      method: "ses",
      seasonLength: 1,
      drivers: { promo: Float64Array.from([...promoHistory, 0, 1, 0, 0]) },
    });
    // Exactly the engine's driven forecast, averaged over the 4-period lead time.
    expect(withDrivers.level[0]).toBeCloseTo(direct.forecast.reduce((a, b) => a + b, 0) / 4, 12);
    expect(direct.lift!).toBeGreaterThan(1.3);
    // The promoted week is above the base weeks by the lift, and the base is below the plain level.
    expect(direct.forecast[1] / direct.forecast[0]).toBeCloseTo(direct.lift!, 10);
    expect(direct.forecast[0]).toBeLessThan(without.level[0]);
    // De-driven, the one-step error no longer carries the promotion spikes.
    expect(withDrivers.rmse[0]).toBeLessThan(without.rmse[0] / 2);
  });
});
