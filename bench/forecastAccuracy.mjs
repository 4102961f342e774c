// Forecast accuracy on the sample data (README "Accuracy on the sample data"): reproducible with
//
//   npx tsc -p bench/tsconfig.json && node bench/forecastAccuracy.mjs
//
// Protocol: the default sample (seed 42, 2,000 SKUs × 104 weeks), once plain and once generated with
// `promotions: true`. Fixed origin: every forecast sees the first 91 weeks and forecasts the last
// 13 (horizon 13, weeks 92–104); the drivers it gets are those of weeks 1–104 (the promotion
// calendar and price list are known in advance; the demand of weeks 92–104 is not). Rows with text
// in the history, without a number in the first 91 weeks or in the last 13 are left out (the same
// rows for every method).
//
//   WAPE = Σ|A − F| ÷ Σ|A| over every row and week of the holdout (pooled: volume-weighted).
//   MASE = mean over rows of (mean |A − F| ÷ the in-sample MAE of the one-step naive forecast over
//          the 91 training weeks); rows whose scale is 0 are left out of the MASE mean.
//
// Methods: seasonal naive ŷ_{T+h} = y_{T+h−52} (the same week last year; the last value where that
// week is blank), WCAP.FORECAST "auto" without drivers, with one driver, with both (promo and
// price), and with both and sensing.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const engine = (file) => require(path.join(root, "dist/bench/src/engine", file));
const { generateSample, SAMPLE_FIXED_HEADERS, SAMPLE_PROMOTION_LIFT, SAMPLE_PRICE_ELASTICITY } =
  engine("sampleData.js");
const { forecastInto } = engine("forecast/index.js");

const HOLDOUT = 13;
const SEASON = 52;

/** The sample's usable rows as a row-major block: history, actuals and drivers. */
function split(sample) {
  const fixed = SAMPLE_FIXED_HEADERS.length;
  const weeks = sample.table.headers.length - fixed;
  const train = weeks - HOLDOUT;
  const kept = [];
  sample.table.rows.forEach((cells, i) => {
    const values = cells.slice(fixed);
    if (values.some((v) => v !== null && typeof v !== "number")) return;
    const numbers = (from, to) => values.slice(from, to).some((v) => typeof v === "number");
    if (numbers(0, train) && numbers(train, weeks)) kept.push(i);
  });
  const rows = kept.length;
  const history = new Float64Array(rows * train);
  const actual = new Float64Array(rows * HOLDOUT);
  const width = train + HOLDOUT;
  const promo = sample.drivers ? new Float64Array(rows * width) : null;
  const price = sample.drivers ? new Float64Array(rows * width) : null;
  kept.forEach((i, r) => {
    const values = sample.table.rows[i].slice(fixed).map((v) => (typeof v === "number" ? v : NaN));
    history.set(values.slice(0, train), r * train);
    actual.set(values.slice(train), r * HOLDOUT);
    if (sample.drivers) {
      promo.set(sample.drivers.promo[i].slice(0, width), r * width);
      price.set(sample.drivers.price[i].slice(0, width), r * width);
    }
  });
  return { rows, train, history, actual, promo, price };
}

function seasonalNaive(data) {
  const { rows, train, history } = data;
  const out = new Float64Array(rows * HOLDOUT);
  for (let r = 0; r < rows; r++) {
    let last = NaN;
    for (let t = train - 1; t >= 0 && last !== last; t--) last = history[r * train + t];
    for (let h = 0; h < HOLDOUT; h++) {
      const lag = train + h - SEASON;
      const x = lag >= 0 && lag < train ? history[r * train + lag] : NaN;
      out[r * HOLDOUT + h] = x === x ? x : last;
    }
  }
  return out;
}

function engineForecast(data, options, columns) {
  const out = new Float64Array(data.rows * HOLDOUT);
  const status = new Uint8Array(data.rows);
  forecastInto(
    out,
    status,
    data.history,
    data.train,
    { horizon: HOLDOUT, method: "auto", ...options },
    columns,
  );
  const failed = status.reduce((n, s) => n + (s !== 0 ? 1 : 0), 0);
  if (failed > 0) throw new Error(`${failed} rows failed to forecast`);
  return out;
}

function median(values) {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The drivers as estimated per row on the promotions sample (training weeks only): median lift over
 * the rows with a promotion in the training weeks, median elasticity over the rows whose training
 * price moved by more than 1% (β = 0 included: a positive estimate is clipped to 0), against the
 * generator's SAMPLE_PROMOTION_LIFT and SAMPLE_PRICE_ELASTICITY.
 */
export function measureDriverRecovery() {
  const data = split(generateSample({ promotions: true }));
  const { rows, train } = data;
  const columns = {
    method: new Uint8Array(rows),
    seasonLength: new Float64Array(rows),
    wape: new Float64Array(rows),
    mase: new Float64Array(rows),
    bias: new Float64Array(rows),
    residualRmse: new Float64Array(rows),
    lift: new Float64Array(rows),
    elasticity: new Float64Array(rows),
  };
  engineForecast(data, { drivers: { promo: data.promo, price: data.price } }, columns);
  const width = train + HOLDOUT;
  const lifts = [];
  const elasticities = [];
  for (let r = 0; r < rows; r++) {
    let promoted = false;
    let low = Infinity;
    let high = 0;
    for (let t = 0; t < train; t++) {
      if (data.promo[r * width + t] > 0) promoted = true;
      const price = data.price[r * width + t];
      if (price === price) {
        low = Math.min(low, price);
        high = Math.max(high, price);
      }
    }
    if (promoted) lifts.push(columns.lift[r]);
    if (high > 1.01 * low) elasticities.push(columns.elasticity[r]);
  }
  return {
    rows,
    promotedRows: lifts.length,
    medianLift: median(lifts),
    trueLift: SAMPLE_PROMOTION_LIFT,
    elasticityRows: elasticities.length,
    medianElasticity: median(elasticities),
    trueElasticity: SAMPLE_PRICE_ELASTICITY,
  };
}

function accuracy(data, forecast) {
  const { rows, train, history, actual } = data;
  let absoluteError = 0;
  let absoluteActual = 0;
  let maseSum = 0;
  let maseRows = 0;
  for (let r = 0; r < rows; r++) {
    let rowError = 0;
    let points = 0;
    for (let h = 0; h < HOLDOUT; h++) {
      const a = actual[r * HOLDOUT + h];
      if (a !== a) continue;
      const e = Math.abs(a - forecast[r * HOLDOUT + h]);
      absoluteError += e;
      absoluteActual += Math.abs(a);
      rowError += e;
      points++;
    }
    let scale = 0;
    let diffs = 0;
    for (let t = 1; t < train; t++) {
      const d = history[r * train + t] - history[r * train + t - 1];
      if (d === d) {
        scale += Math.abs(d);
        diffs++;
      }
    }
    if (points > 0 && diffs > 0 && scale > 0) {
      maseSum += rowError / points / (scale / diffs);
      maseRows++;
    }
  }
  return { wape: absoluteError / absoluteActual, mase: maseSum / maseRows };
}

/** The accuracy table of both samples: [{ sample, method, wape, mase, rows }]. */
export function measureForecastAccuracy() {
  const results = [];
  const plain = split(generateSample());
  const promoted = split(generateSample({ promotions: true }));
  const drivers = { promo: promoted.promo, price: promoted.price };
  const runs = [
    ["plain", plain, "seasonal naive (same week last year)", () => seasonalNaive(plain)],
    ["plain", plain, "auto", () => engineForecast(plain, {})],
    ["plain", plain, "auto + sensing", () => engineForecast(plain, { sensing: true })],
    ["promotions", promoted, "seasonal naive (same week last year)", () => seasonalNaive(promoted)],
    ["promotions", promoted, "auto, no drivers", () => engineForecast(promoted, {})],
    ["promotions", promoted, "auto + sensing, no drivers", () => engineForecast(promoted, { sensing: true })],
    [
      "promotions",
      promoted,
      "auto, promo only",
      () => engineForecast(promoted, { drivers: { promo: promoted.promo } }),
    ],
    [
      "promotions",
      promoted,
      "auto, price only",
      () => engineForecast(promoted, { drivers: { price: promoted.price } }),
    ],
    ["promotions", promoted, "auto with drivers", () => engineForecast(promoted, { drivers })],
    [
      "promotions",
      promoted,
      "auto with drivers + sensing",
      () => engineForecast(promoted, { drivers, sensing: true }),
    ],
  ];
  for (const [sample, data, method, run] of runs) {
    results.push({ sample, method, rows: data.rows, ...accuracy(data, run()) });
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = measureForecastAccuracy();
  console.log(`Holdout: last ${HOLDOUT} of 104 weeks, fixed origin, horizon ${HOLDOUT}\n`);
  console.log("| Sample | Method | WAPE | MASE | WAPE vs seasonal naive |");
  console.log("|---|---|---|---|---|");
  const reference = new Map(results.filter((r) => r.method.startsWith("seasonal")).map((r) => [r.sample, r]));
  for (const r of results) {
    const change = r.wape / reference.get(r.sample).wape - 1;
    const vs = r.method.startsWith("seasonal") ? "—" : `${(100 * change).toFixed(1)}%`;
    console.log(
      `| ${r.sample} (${r.rows} SKUs) | ${r.method} | ${r.wape.toFixed(3)} | ${r.mase.toFixed(3)} | ${vs} |`,
    );
  }
  const d = measureDriverRecovery();
  console.log(
    `\nDrivers estimated on the promotions sample (training weeks): median lift ${d.medianLift.toFixed(3)} ` +
      `over ${d.promotedRows} SKUs with a promotion (generated: ${d.trueLift}, before shrinkage); ` +
      `median elasticity ${d.medianElasticity.toFixed(2)} over ${d.elasticityRows} SKUs whose price moved ` +
      `(generated: ${d.trueElasticity}).`,
  );
}
