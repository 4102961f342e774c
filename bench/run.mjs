// npm run bench: speed of the shipped functions, measured as medians and as ratios against
// baselines in the same run (timings on shared machines are noisy; ratios are what to compare).
//
//   1. WCAP.SAFETYSTOCK (cycle, with lead-time variance) over 100,000 rows through dist/functions.js,
//      exactly as Excel calls it: arrays of rows in, arrays of rows out.
//   2. The engine kernel alone (Float64Array columns in and out).
//   3. Baseline: a naive per-row loop with jstat.normal.inv, building the same output.
//   4. Reference, when python3 with numpy/scipy is on the machine: the same vectorised computation
//      with scipy.special.ndtri (the ~5 ms the goal is stated against).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const require = createRequire(import.meta.url);
const jStat = require("jstat");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const ROWS = 100_000;
const REPEATS = 40;
const WARMUP = 10; // let V8 optimise the generic adapter before timing it

function loadFunctions() {
  const registry = new Map();
  class ExcelError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  const CustomFunctions = {
    associate: (id, fn) => registry.set(id, fn),
    Error: ExcelError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    },
  };
  vm.runInThisContext(
    `(function (CustomFunctions) {${readFileSync(path.join(root, "dist/functions.js"), "utf8")}\n})`,
  )(CustomFunctions);
  return registry;
}

/** Deterministic inputs (a small LCG, so every run measures the same data). */
function inputs() {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sd = new Float64Array(ROWS);
  const leadTime = new Float64Array(ROWS);
  const mean = new Float64Array(ROWS);
  const leadTimeSd = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    mean[i] = 10 + 990 * next();
    sd[i] = mean[i] * (0.1 + next());
    leadTime[i] = 1 + Math.floor(12 * next());
    leadTimeSd[i] = leadTime[i] * 0.3 * next();
  }
  return { sd, leadTime, mean, leadTimeSd };
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
  for (let w = 0; w < WARMUP; w++) fn();
  const samples = [];
  for (let r = 0; r < REPEATS; r++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

function scipyMillis() {
  const script = `
import time, numpy as np
from scipy.special import ndtri
rng = np.random.default_rng(1)
n = ${ROWS}
mean = 10 + 990 * rng.random(n); sd = mean * (0.1 + rng.random(n))
lt = 1 + np.floor(12 * rng.random(n)); ltsd = lt * 0.3 * rng.random(n)
def run():
    z = ndtri(np.full(n, 0.95))
    return np.maximum(0.0, z * np.hypot(np.sqrt(lt) * sd, np.abs(mean) * ltsd))
run()
samples = []
for _ in range(${REPEATS}):
    t = time.perf_counter(); run(); samples.append((time.perf_counter() - t) * 1000)
samples.sort(); print(samples[len(samples) // 2])
`;
  try {
    return Number(
      execFileSync("python3", ["-c", script], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
    );
  } catch {
    return null;
  }
}

const fns = loadFunctions();
const safetyStock = fns.get("SAFETYSTOCK");
const data = inputs();
const asRows = (column) => Array.from(column, (x) => [x]);
const excelArgs = [
  [[0.95]],
  asRows(data.sd),
  asRows(data.leadTime),
  asRows(data.mean),
  asRows(data.leadTimeSd),
];

// The engine kernel alone, compiled from src/engine by `npm run bench` (bench/tsconfig.json).
const { safetyStockInto } = require(path.join(root, "dist/bench/src/engine/safetyStock.js"));

const results = [];
const functionMs = time(() => safetyStock(...excelArgs));
results.push(["WCAP.SAFETYSTOCK via dist/functions.js (rows in, rows out)", functionMs]);

{
  const out = new Float64Array(ROWS);
  const status = new Uint8Array(ROWS);
  const level = new Float64Array(ROWS).fill(0.95);
  const zeros = new Float64Array(ROWS);
  const cycle = new Float64Array(ROWS);
  const noQty = new Float64Array(ROWS).fill(NaN);
  const kernelMs = time(() => {
    status.fill(0);
    safetyStockInto(
      out,
      status,
      level,
      data.sd,
      data.leadTime,
      data.mean,
      data.leadTimeSd,
      zeros,
      cycle,
      noQty,
    );
  });
  results.push(["engine kernel safetyStockInto (Float64Array columns)", kernelMs]);
}

// The floor of Excel's data format: copy the row arrays into columns, run the kernel, build the
// row arrays of the result — no argument rules at all. The adapter's overhead is the gap to this.
{
  const columns = Array.from({ length: 8 }, () => new Float64Array(ROWS));
  const out = new Float64Array(ROWS);
  const status = new Uint8Array(ROWS);
  const floorMs = time(() => {
    columns[0].fill(0.95);
    for (let j = 1; j < 5; j++) {
      const source = excelArgs[j];
      const target = columns[j];
      for (let r = 0; r < ROWS; r++) target[r] = source[r][0];
    }
    columns[7].fill(NaN);
    status.fill(0);
    safetyStockInto(out, status, ...columns);
    const rows = new Array(ROWS);
    for (let r = 0; r < ROWS; r++) rows[r] = [out[r]];
    return rows;
  });
  results.push(["format floor: rows → columns → kernel → rows, no checks", floorMs]);
}

const naiveMs = time(() => {
  const out = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const sigma = Math.sqrt(data.leadTime[i] * data.sd[i] ** 2 + data.mean[i] ** 2 * data.leadTimeSd[i] ** 2);
    out[i] = [Math.max(0, jStat.normal.inv(excelArgs[0][0][0], 0, 1) * sigma)];
  }
  return out;
});
results.push(["baseline: naive loop with jstat.normal.inv per row", naiveMs]);

const scipy = scipyMillis();
if (scipy !== null) results.push(["reference: numpy/scipy vectorised (python3, same machine)", scipy]);

console.log(`SAFETYSTOCK, ${ROWS.toLocaleString("en-US")} rows, median of ${REPEATS} runs`);
for (const [label, ms] of results) {
  console.log(
    `  ${label.padEnd(64)} ${ms.toFixed(2).padStart(8)} ms   ${(ms / naiveMs).toFixed(3)}× baseline`,
  );
}
if (scipy !== null) {
  console.log(`  WCAP.SAFETYSTOCK ÷ numpy/scipy: ${(functionMs / scipy).toFixed(2)}× (goal ≤ 2×)`);
}

// ---------------------------------------------------------------------------------------------
// Segmentation: engine segment() on 100,000 SKUs × 104 weekly periods (goal: well under 1 s for the
// segmentation itself), with forecast-driven buffers off and on (README "Forecast-driven buffers":
// one SES or SBA fit plus the naive baseline per SKU, reported through onProgress every 4,096 SKUs).
{
  const { segment } = require(path.join(root, "dist/bench/src/engine/segmentation/segment.js"));
  const { withDefaults } = require(path.join(root, "dist/bench/src/engine/segmentation/settings.js"));
  const SKUS = 100_000;
  const PERIODS = 104;
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const headers = ["SKU", "Plant", "Unit Cost", "On Hand", "LT", "LT SD", "MOQ", "Supplier"];
  for (let t = 0; t < PERIODS; t++) headers.push(`W${t + 1}`);
  const rows = new Array(SKUS);
  for (let i = 0; i < SKUS; i++) {
    const level = Math.exp(6 * next());
    const row = [
      `S${i}`,
      `P${i % 3}`,
      Math.exp(5 * next()),
      Math.round(level * 20 * next()),
      1 + Math.floor(8 * next()),
      next(),
      next() < 0.5 ? 0 : 50,
      `V${i % 40}`,
    ];
    for (let t = 0; t < PERIODS; t++) row.push(next() < 0.2 ? 0 : Math.round(level * (0.5 + next())));
    rows[i] = row;
  }
  const input = { headers, rows };
  const mapping = {
    columns: { sku: 0, plant: 1, unitCost: 2, onHand: 3, leadTime: 4, leadTimeSd: 5, moq: 6, supplier: 7 },
    history: Array.from({ length: PERIODS }, (_, t) => 8 + t),
    periodUnit: "week",
    leadTimeUnit: "period",
  };
  const runs = (settings, count) => {
    let progressCalls = 0;
    let result = segment(input, mapping, settings, () => progressCalls++); // warm-up
    const samples = [];
    for (let r = 0; r < count; r++) {
      const start = process.hrtime.bigint();
      result = segment(input, mapping, settings);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return { ms: median(samples), result, progressCalls };
  };
  const off = runs(withDefaults({ asOfDate: 45657, forecastBuffers: false }), 5);
  const on = runs(withDefaults({ asOfDate: 45657, forecastBuffers: true }), 3);
  // Baseline in the same run: one pass that only reads every history cell into a Float64Array.
  const readMs = time(() => {
    const buffer = new Float64Array(PERIODS);
    let total = 0;
    for (const row of rows) {
      for (let t = 0; t < PERIODS; t++) buffer[t] = row[8 + t];
      total += buffer[0];
    }
    return total;
  });
  console.log(
    `\nsegment(), ${SKUS.toLocaleString("en-US")} SKUs × ${PERIODS} periods, median of 5 (off) / 3 (on) runs`,
  );
  console.log(
    `  ${"engine segment() → Report, forecast buffers off".padEnd(64)} ${off.ms.toFixed(0).padStart(8)} ms   (goal < 1000 ms)`,
  );
  console.log(
    `  ${"engine segment() → Report, forecast buffers on".padEnd(64)} ${on.ms.toFixed(0).padStart(8)} ms   ${(on.ms / off.ms).toFixed(1)}× off, ${(((on.ms - off.ms) / SKUS) * 1000).toFixed(1)} µs per SKU forecast`,
  );
  console.log(
    `  ${"baseline: read every history cell once".padEnd(64)} ${readMs.toFixed(0).padStart(8)} ms   ${(off.ms / readMs).toFixed(1)}× baseline (off)`,
  );
  const s = on.result.summary;
  console.log(
    `  forecast buffers used for ${s.forecastSkus.toLocaleString("en-US")} SKUs; buffer change ${Math.round(s.bufferChangeUnits).toLocaleString("en-US")} units, cash effect ${Math.round(s.bufferCashEffect).toLocaleString("en-US")}; ${on.progressCalls} progress calls`,
  );
}

// ---------------------------------------------------------------------------------------------
// Write-back: the Office.js writer against the recording fake Excel (test/support/fakeExcel.ts):
// a 100,000-row Segmentation table. Round trips must grow only with chunks; every request must stay
// under Excel on the web's 5 MB payload limit.
{
  const { fakeWorkbook } = require(path.join(root, "dist/bench/test/support/fakeExcel.js"));
  const { writeReport } = require(path.join(root, "dist/bench/src/excel/writeReport.js"));
  const { segment } = require(path.join(root, "dist/bench/src/engine/segmentation/segment.js"));
  const { generateSampleTable } = require(path.join(root, "dist/bench/src/engine/sampleData.js"));
  const { autoMap } = require(path.join(root, "dist/bench/src/engine/segmentation/mapping.js"));
  const { withDefaults } = require(path.join(root, "dist/bench/src/engine/segmentation/settings.js"));
  const table = generateSampleTable({ skus: 100_000, weeks: 104 });
  const { report } = segment(table, autoMap(table.headers).mapping, withDefaults({ asOfDate: 46019 }));
  const rows = report.sheets.find((s) => s.name === "WC Segmentation").blocks[0].table.rows.length;
  const fx = fakeWorkbook({ Data: [["SKU"]] }, { selection: "Data!A1" });
  const restore = fx.installOffice();
  const start = process.hrtime.bigint();
  const result = await fx.run((context) => writeReport(context, report, { inputAddress: "Data!A1" }));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  restore();
  const largest = Math.max(...fx.syncs.map((s) => s.requestBytes));
  console.log(
    `\nwriteReport() of a ${rows.toLocaleString("en-US")}-row Segmentation (+ 4 sheets) to the fake Excel`,
  );
  console.log(`  context.sync() round trips: ${result.syncs}`);
  console.log(`  largest request: ${(largest / 1e6).toFixed(2)} MB (limit 5 MB)`);
  console.log(`  time in the writer and the fake: ${ms.toFixed(0)} ms`);
}

// ---------------------------------------------------------------------------------------------
// Forecasting (README "Forecasting"), the stress test and its validation study (README "Stress
// test"), and the headless refresh (README "Command line"): each bench file also runs on its own.
{
  const { benchForecast } = await import("./forecast.mjs");
  await benchForecast();
  const { benchStress } = await import("./stress.mjs");
  await benchStress();
  const { benchValidation } = await import("./validation.mjs");
  await benchValidation();
}
{
  const { benchRefresh } = await import("./refresh.mjs");
  await benchRefresh({ skus: 20_000, periods: 104 });
  await benchRefresh({ skus: 100_000, periods: 104 });
}
