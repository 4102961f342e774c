// Forecasting benchmark: the engine's forecastInto (what WCAP.FORECAST and the Segmentation call)
// with method "auto" on 10,000 SKUs × 104 weekly periods of the sample data, horizon 13, no drivers:
// trimming and interpolation, season detection, rolling-origin selection among the candidates and
// the final fit, for every row. Baselines in the same run, over the same Float64Array:
//   - "naive" through forecastInto (the same per-row pipeline with the cheapest model), and
//   - a plain loop of simple exponential smoothing with a fixed α = 0.2 (one pass per row, the floor
//     of any method that reads every period).
// Prints medians of REPEATS runs and the ratios. Needs the engine compiled for Node:
//
//   npx tsc -p bench/tsconfig.json && node bench/forecast.mjs
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const SKUS = 10_000;
const PERIODS = 104;
const HORIZON = 13;
const REPEATS = 5;

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(run) {
  run(); // warm-up
  const samples = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** The sample's history block, row-major, NaN for blanks. */
function historyBlock(generateSample, fixedColumns) {
  const { table } = generateSample({ skus: SKUS, weeks: PERIODS });
  const values = new Float64Array(SKUS * PERIODS);
  table.rows.forEach((cells, r) => {
    for (let t = 0; t < PERIODS; t++) {
      const x = cells[fixedColumns + t];
      values[r * PERIODS + t] = typeof x === "number" ? x : NaN;
    }
  });
  return values;
}

/** SES with α = 0.2 started at the first number; blanks skipped. */
function sesLoop(history, out) {
  for (let r = 0; r < SKUS; r++) {
    let level = NaN;
    for (let t = 0; t < PERIODS; t++) {
      const y = history[r * PERIODS + t];
      if (y !== y) continue;
      level = level !== level ? y : level + 0.2 * (y - level);
    }
    out.fill(level, r * HORIZON, (r + 1) * HORIZON);
  }
}

export async function benchForecast() {
  const engine = (file) => require(path.join(root, "dist/bench/src/engine", file));
  const { generateSample, SAMPLE_FIXED_HEADERS } = engine("sampleData.js");
  const { forecastInto } = engine("forecast/index.js");
  const history = historyBlock(generateSample, SAMPLE_FIXED_HEADERS.length);
  const out = new Float64Array(SKUS * HORIZON);
  const status = new Uint8Array(SKUS);
  const engineRun = (method) => () => {
    status.fill(0);
    forecastInto(out, status, history, PERIODS, { horizon: HORIZON, method });
  };
  const autoMs = time(engineRun("auto"));
  const naiveMs = time(engineRun("naive"));
  const sesMs = time(() => sesLoop(history, out));

  const label = `${SKUS.toLocaleString("en-US")} SKUs × ${PERIODS} periods, horizon ${HORIZON}`;
  console.log(`\nforecastInto, ${label}, median of ${REPEATS} runs`);
  const line = (name, ms, ratio) =>
    console.log(`  ${name.padEnd(64)} ${ms.toFixed(0).padStart(8)} ms${ratio ? `   ${ratio}` : ""}`);
  line('method "auto" (selection per SKU)', autoMs);
  line('baseline: method "naive", same pipeline', naiveMs, `auto = ${(autoMs / naiveMs).toFixed(1)}× this`);
  line("baseline: plain loop, SES with fixed α = 0.2", sesMs, `auto = ${(autoMs / sesMs).toFixed(0)}× this`);
  return { skus: SKUS, periods: PERIODS, horizon: HORIZON, autoMs, naiveMs, sesMs };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchForecast();
}
