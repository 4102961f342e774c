// Stress-test benchmark (README "Stress test" → "Speed"): stressTest() on the sample data, 2,000 SKUs
// × 500 replications × 104 measured periods (warm-up 0, Baseline only, no frontier: exactly
// 104 million SKU-periods), against a plain-loop baseline in the same run: the simplest
// normal-demand (s, Q) loop over the same SKU-periods with the same generator (one normal draw per
// period, fixed lead time, nothing else). Goal: under 10 s on one core. Also times one full
// default run (4 scenarios + 8 frontier targets + the current policy = 13 policies per SKU).
//
//   npx tsc -p bench/tsconfig.json && node bench/stress.mjs      (compiles itself when needed)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const engine = path.join(root, "dist/bench/src/engine");

const SKUS = 2000;
const REPLICATIONS = 500;
const PERIODS = 104;
const RUNS = 3;

function compileIfNeeded() {
  if (existsSync(path.join(engine, "simulation/stress/index.js"))) return;
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "bench/tsconfig.json"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeMs(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/**
 * The plain loop: per SKU and replication, normal demand max(0, μ + σz), serve from stock, fixed
 * lead time ⌈L⌉, order one Q when the position is at or below s. Returns the overall fill rate so
 * the work cannot be optimised away.
 */
function plainLoop(SeededRandom, skus, replications, periods) {
  const rng = new SeededRandom(1);
  const ring = new Float64Array(512);
  let demandTotal = 0;
  let servedTotal = 0;
  for (let j = 0; j < skus.count; j++) {
    const mean = skus.demandMean[j];
    const sd = skus.sd[j];
    const s = skus.reorderLevel[j];
    const q = skus.lotSize[j];
    const lead = Math.max(1, Math.ceil(skus.leadTime[j]));
    const slots = lead + 1;
    for (let r = 0; r < replications; r++) {
      ring.fill(0, 0, slots);
      let net = s + q;
      let onOrder = 0;
      let slot = 0;
      for (let t = 1; t <= periods; t++) {
        if (++slot === slots) slot = 0;
        let d = mean + sd * rng.nextNormal();
        if (d < 0) d = 0;
        const onHand = net > 0 ? net : 0;
        servedTotal += d < onHand ? d : onHand;
        demandTotal += d;
        net -= d;
        const arriving = ring[slot];
        ring[slot] = 0;
        net += arriving;
        onOrder -= arriving;
        if (net + onOrder <= s) {
          onOrder += q;
          let due = slot + lead;
          if (due >= slots) due -= slots;
          ring[due] += q;
        }
      }
    }
  }
  return servedTotal / demandTotal;
}

export async function benchStress() {
  compileIfNeeded();
  const { generateSample } = require(path.join(engine, "sampleData.js"));
  const { segment } = require(path.join(engine, "segmentation/segment.js"));
  const { autoMap } = require(path.join(engine, "segmentation/mapping.js"));
  const { withDefaults } = require(path.join(engine, "segmentation/settings.js"));
  const { SeededRandom } = require(path.join(engine, "simulation/random.js"));
  const { stressTest, DEFAULT_STRESS_SETTINGS } = require(path.join(engine, "simulation/stress/index.js"));

  const sample = generateSample({ skus: SKUS, weeks: PERIODS });
  const mapping = autoMap(sample.table.headers).mapping;
  const settings = withDefaults({ asOfDate: sample.asOfDate });
  const segmentation = segment(sample.table, mapping, settings);
  const workload = {
    ...DEFAULT_STRESS_SETTINGS,
    replications: REPLICATIONS,
    periods: PERIODS,
    warmup: 0,
    scenarios: [],
    serviceGrid: [],
  };

  // Warm-up of the JIT on a small run, then the timed runs.
  stressTest(segmentation, sample.table, mapping, settings, { ...workload, replications: 5 });
  const stressSamples = [];
  let result;
  for (let k = 0; k < RUNS; k++) {
    const run = timeMs(() => stressTest(segmentation, sample.table, mapping, settings, workload));
    stressSamples.push(run.ms);
    result = run.value;
  }
  const { items } = segmentation.prepared;
  const skus = {
    ...result.skus,
    sd: Float64Array.from(result.skus.item, (i) => items.demandSd[i]),
  };
  plainLoop(SeededRandom, skus, 5, PERIODS);
  const plainSamples = [];
  for (let k = 0; k < RUNS; k++)
    plainSamples.push(timeMs(() => plainLoop(SeededRandom, skus, REPLICATIONS, PERIODS)).ms);
  const full = timeMs(() =>
    stressTest(segmentation, sample.table, mapping, settings, {
      ...DEFAULT_STRESS_SETTINGS,
      replications: REPLICATIONS,
      periods: PERIODS,
    }),
  );

  const stressMs = median(stressSamples);
  const plainMs = median(plainSamples);
  const skuPeriods = result.skus.count * REPLICATIONS * PERIODS;
  const models = {};
  for (const m of result.skus.demandModel) models[m] = (models[m] ?? 0) + 1;
  console.log(
    `\nstressTest(), sample data: ${result.skus.count.toLocaleString("en-US")} SKUs simulated ` +
      `(${Object.entries(models)
        .map(([m, c]) => `${c} ${m}`)
        .join(", ")}) × ${REPLICATIONS} replications × ${PERIODS} periods = ` +
      `${(skuPeriods / 1e6).toFixed(1)} M SKU-periods, median of ${RUNS} runs`,
  );
  console.log(
    `  ${"stressTest(), Baseline only (goal < 10 s)".padEnd(64)} ${stressMs.toFixed(0).padStart(8)} ms   ` +
      `${((stressMs * 1e6) / skuPeriods).toFixed(1)} ns per SKU-period`,
  );
  console.log(
    `  ${"baseline: plain normal-demand (s, Q) loop, same SKU-periods".padEnd(64)} ${plainMs.toFixed(0).padStart(8)} ms   ` +
      `stressTest = ${(stressMs / plainMs).toFixed(2)}× baseline`,
  );
  console.log(
    `  ${"full default run: 4 scenarios + 8 targets + current = 13 policies".padEnd(64)} ${full.ms.toFixed(0).padStart(8)} ms   (one run)`,
  );
  return { stressMs, plainMs, ratio: stressMs / plainMs, fullMs: full.ms, skuPeriods };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchStress();
}
