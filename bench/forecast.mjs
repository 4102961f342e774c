// Forecasting benchmark: the engine's forecastInto (what WCAP.FORECAST and the Segmentation call)
// with method "auto" on 10,000 SKUs × 104 weekly periods of the sample data, horizon 13, no drivers:
// trimming and interpolation, season detection, rolling-origin selection among the candidates and
// the final fit, for every row. Also "auto" with promotion and price drivers and sensing on the
// sample generated with `promotions: true` (same size). Baselines in the same run, over the same
// Float64Array:
//   - "naive" through forecastInto (the same per-row pipeline with the cheapest model), and
//   - a plain loop of simple exponential smoothing with a fixed α = 0.2 (one pass per row, the floor
//     of any method that reads every period).
// Prints medians of `repeats` runs and the ratios, and returns the timings. Needs the engine compiled
// for Node (dist/bench):
//
//   npx tsc -p bench/tsconfig.json && node bench/forecast.mjs [skus] [periods]
//
// From another script: `await benchForecast()` (10,000 × 104) or
// `await benchForecast({ skus, periods, horizon, repeats })`; every field is optional.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const DEFAULTS = { skus: 10_000, periods: 104, horizon: 13, repeats: 5 };

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(run, repeats) {
  run(); // warm-up
  const samples = [];
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** The sample's history block, row-major, NaN for blanks. */
function historyBlock(table, fixedColumns, skus, periods) {
  const values = new Float64Array(skus * periods);
  table.rows.forEach((cells, r) => {
    for (let t = 0; t < periods; t++) {
      const x = cells[fixedColumns + t];
      values[r * periods + t] = typeof x === "number" ? x : NaN;
    }
  });
  return values;
}

/** A driver (rows × (periods + horizon)) as a row-major block; past its last column, its last value. */
function driverBlock(rows, width) {
  const values = new Float64Array(rows.length * width);
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) values[r * width + c] = row[Math.min(c, row.length - 1)];
  });
  return values;
}

/** SES with α = 0.2 started at the first number; blanks skipped. */
function sesLoop(history, out, skus, periods, horizon) {
  for (let r = 0; r < skus; r++) {
    let level = NaN;
    for (let t = 0; t < periods; t++) {
      const y = history[r * periods + t];
      if (y !== y) continue;
      level = level !== level ? y : level + 0.2 * (y - level);
    }
    out.fill(level, r * horizon, (r + 1) * horizon);
  }
}

/**
 * Times forecastInto "auto" against the two baselines, prints a table and returns
 * { skus, periods, horizon, repeats, autoMs, driversMs, naiveMs, sesMs, failedRows, driversFailedRows }.
 * @param {{ skus?: number, periods?: number, horizon?: number, repeats?: number }} [options]
 */
export async function benchForecast(options = {}) {
  const { skus, periods, horizon, repeats } = { ...DEFAULTS, ...options };
  const engine = (file) => require(path.join(root, "dist/bench/src/engine", file));
  const { generateSample, SAMPLE_FIXED_HEADERS } = engine("sampleData.js");
  const { forecastInto } = engine("forecast/index.js");
  const fixed = SAMPLE_FIXED_HEADERS.length;
  const history = historyBlock(generateSample({ skus, weeks: periods }).table, fixed, skus, periods);
  const out = new Float64Array(skus * horizon);
  const status = new Uint8Array(skus);
  const engineRun = (method) => () => {
    status.fill(0);
    forecastInto(out, status, history, periods, { horizon, method });
  };
  const autoMs = time(engineRun("auto"), repeats);
  const failedRows = status.reduce((n, s) => n + (s !== 0 ? 1 : 0), 0);

  const promoted = generateSample({ skus, weeks: periods, promotions: true });
  const promotedHistory = historyBlock(promoted.table, fixed, skus, periods);
  const drivers = {
    promo: driverBlock(promoted.drivers.promo, periods + horizon),
    price: driverBlock(promoted.drivers.price, periods + horizon),
  };
  const driversMs = time(() => {
    status.fill(0);
    forecastInto(out, status, promotedHistory, periods, { horizon, method: "auto", drivers, sensing: true });
  }, repeats);
  const driversFailedRows = status.reduce((n, s) => n + (s !== 0 ? 1 : 0), 0);

  const naiveMs = time(engineRun("naive"), repeats);
  const sesMs = time(() => sesLoop(history, out, skus, periods, horizon), repeats);

  const label = `${skus.toLocaleString("en-US")} SKUs × ${periods} periods, horizon ${horizon}`;
  console.log(`\nforecastInto, ${label}, median of ${repeats} runs`);
  const line = (name, ms, ratio) =>
    console.log(
      `  ${name.padEnd(70)} ${ms.toFixed(ms < 10 ? 1 : 0).padStart(8)} ms${ratio ? `   ${ratio}` : ""}`,
    );
  line('method "auto" (selection per SKU)', autoMs, `${((autoMs / skus) * 1000).toFixed(0)} µs per SKU`);
  line(
    'method "auto" + promo and price drivers + sensing (promotions sample)',
    driversMs,
    `${(driversMs / autoMs).toFixed(2)}× auto`,
  );
  line('baseline: method "naive", same pipeline', naiveMs, `auto = ${(autoMs / naiveMs).toFixed(1)}× this`);
  line("baseline: plain loop, SES with fixed α = 0.2", sesMs, `auto = ${(autoMs / sesMs).toFixed(0)}× this`);
  console.log(
    `  rows in error (the sample's deliberately bad rows, e.g. no numbers): ${failedRows} plain, ` +
      `${driversFailedRows} with drivers`,
  );
  return {
    skus,
    periods,
    horizon,
    repeats,
    autoMs,
    driversMs,
    naiveMs,
    sesMs,
    failedRows,
    driversFailedRows,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [skus, periods] = process.argv.slice(2).map(Number);
  await benchForecast({ ...(skus ? { skus } : {}), ...(periods ? { periods } : {}) });
}
