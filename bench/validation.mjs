// Validation study (README "Stress test" → "Validation"): the simulated fill rate of the analytic
// fill-rate safety stock (review_period = 1) against its target, for normal demand (WCAP.SIMFILLRATE's
// model) and for the cases where the formula's assumptions fail (the stress engine's intermittent
// demand model, lumpy lead times, independent lead-time variance). Prints the gap table in Markdown;
// `--detail` adds one row per policy. The same cases are asserted in
// test/engine/simulation/validation.test.ts.
//
//   npx tsc -p bench/tsconfig.json && node bench/validation.mjs [--detail]   (compiles itself when needed)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const engine = path.join(root, "dist/bench/src/engine");

function compileIfNeeded() {
  if (existsSync(path.join(engine, "simulation/validation.js"))) return;
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "bench/tsconfig.json"],
    { cwd: root, stdio: "inherit" },
  );
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const points = (x) => `${x >= 0 ? "+" : "−"}${Math.abs(100 * x).toFixed(2)}`;

export async function benchValidation({ detail = false } = {}) {
  compileIfNeeded();
  const { normalDemandStudy, unsafeStudy, summarizeGaps, DEFAULT_VALIDATION_OPTIONS } = require(
    path.join(engine, "simulation/validation.js"),
  );
  const start = process.hrtime.bigint();
  const normal = normalDemandStudy();
  const unsafe = unsafeStudy();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cases = [...normal, ...unsafe];
  const { streams, periods } = DEFAULT_VALIDATION_OPTIONS;

  console.log(
    `\nValidation: fill-rate safety stock (review_period = 1) vs simulation, ${cases.length} policies, ` +
      `${streams} streams × ${periods.toLocaleString("en-US")} periods each (${(ms / 1000).toFixed(1)} s)\n`,
  );
  console.log(
    "| Demand / lead time | Target | Policies | Simulated fill rate (mean) | Gap, points (mean; min … max) | Missed (> 4 SE below) |",
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const s of summarizeGaps(cases)) {
    const group = cases.filter((c) => c.family === s.family && c.target === s.target);
    const meanSim = group.reduce((a, c) => a + c.simulated, 0) / group.length;
    console.log(
      `| ${s.family} | ${pct(s.target)} | ${s.cases} | ${pct(meanSim)} | ${points(s.meanGap)}; ${points(s.minGap)} … ${points(s.maxGap)} | ${s.missed} |`,
    );
  }
  const worstExact = Math.max(...normal.map((c) => Math.abs(c.simulated - c.exact) / c.standardError));
  const maxSe = Math.max(...cases.map((c) => c.standardError));
  console.log(
    `\nNormal demand: simulation vs the exact steady-state (s, nQ) fill rate, worst |difference| = ` +
      `${worstExact.toFixed(1)} SE; largest Monte Carlo SE of any case ${points(maxSe).slice(1)} points.`,
  );
  if (detail) {
    console.log(
      "\n| Family | Setting | Target | Safety stock | Simulated | SE | Gap, points | Exact (normal) |",
    );
    console.log("|---|---|---:|---:|---:|---:|---:|---:|");
    for (const c of cases)
      console.log(
        `| ${c.family} | ${c.setting} | ${pct(c.target)} | ${c.safetyStock.toFixed(1)} | ${(100 * c.simulated).toFixed(2)} % | ` +
          `${(100 * c.standardError).toFixed(3)} | ${points(c.gap)} | ${Number.isNaN(c.exact) ? "" : `${(100 * c.exact).toFixed(2)} %`} |`,
      );
  }
  return { cases, ms };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchValidation({ detail: process.argv.includes("--detail") });
}
