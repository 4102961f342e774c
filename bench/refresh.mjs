// Refresh benchmark (issue 5; README "Command line: `wcap refresh`"): time and peak memory of a
// headless refresh of a generated sample workbook (src/workbook/sampleWorkbook.ts: an ERP-like
// "SKUs" sheet of SKUS rows × PERIODS weekly history columns, and a "Notes" sheet), against a
// baseline in the same run that only reads the input file, inflates every worksheet and the
// shared strings, and tokenises their XML once (the floor of any reader of that file).
//
// Each step runs in its own child Node process, so its peak resident memory
// (process.resourceUsage().maxRSS) is that step's alone: the sample is written in one, the
// baseline read in another, the refresh (refreshWorkbook, exactly what `wcap refresh` runs) in a
// third. Uses the compiled command line in dist/cli: built here when missing; after source changes
// run `npm run build:cli` first.
//
//   node bench/refresh.mjs [SKUS] [PERIODS]        e.g. node bench/refresh.mjs 100000 104
//   import { benchRefresh } from "./refresh.mjs"; await benchRefresh({ skus, periods });
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const thisFile = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(thisFile), "..");
const cli = path.join(root, "dist/cli");

function compileIfNeeded() {
  if (existsSync(path.join(cli, "workbook/refresh.js"))) return;
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    { cwd: root, stdio: "inherit" },
  );
}

/** Peak resident memory of this process so far, in bytes. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

// ---------------------------------------------------------------------------------------------
// The child processes: `node bench/refresh.mjs --child STEP ARGS…` prints one JSON line.

const children = {
  /** Writes the sample workbook. */
  async sample(file, skus, periods) {
    const { writeSampleWorkbook } = require(path.join(cli, "workbook/sampleWorkbook.js"));
    const sample = await writeSampleWorkbook(file, { skus: Number(skus), weeks: Number(periods) });
    return { asOfDate: sample.asOfDate, rows: sample.table.rows.length };
  },

  /** The baseline: read the file, inflate every worksheet and the shared strings, tokenise their XML. */
  async baseline(file) {
    const { zipEntries, entryStream } = require(path.join(cli, "workbook/zip.js"));
    const { XmlScanner } = require(path.join(cli, "workbook/xmlScanner.js"));
    const bytes = await readFile(file);
    let tags = 0;
    let xmlBytes = 0;
    const scanner = new XmlScanner({
      open: () => tags++,
      close: () => undefined,
      text: () => undefined,
    });
    for (const entry of zipEntries(bytes).values()) {
      if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(entry.name)) continue;
      const decoder = new StringDecoder("utf8");
      for await (const chunk of entryStream(bytes, entry)) {
        xmlBytes += chunk.length;
        scanner.write(decoder.write(chunk));
      }
      scanner.write(decoder.end());
      scanner.end();
    }
    return { tags, xmlBytes };
  },

  /** The refresh, as `wcap refresh INPUT --out OUTPUT` runs it. */
  async refresh(input, output, asOfDate) {
    const { refreshWorkbook } = require(path.join(cli, "workbook/refresh.js"));
    const result = await refreshWorkbook({ input, output, asOfDate: Number(asOfDate) });
    return {
      rows: result.table.table.rows.length,
      segmented: result.summary.segmented,
      exceptions: result.summary.exceptions,
      charts: result.write.charts,
      warnings: result.warnings.length,
      outputBytes: result.outputBytes,
      timings: result.timings,
    };
  },
};

async function runAsChild([step, ...args]) {
  const started = process.hrtime.bigint();
  const result = await children[step](...args);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ ...result, ms, peakRss: peakRss() })}\n`);
}

/** Runs one step in a child process; resolves to its JSON line plus the wall time of the process. */
function child(step, ...args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const proc = spawn(process.execPath, [thisFile, "--child", step, ...args.map(String)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    proc.stdout.on("data", (chunk) => (out += chunk));
    proc.on("error", reject);
    proc.on("close", (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = out.trim().split("\n").pop();
      if (code !== 0 || !line) {
        reject(new Error(`bench step "${step}" failed (${signal ?? `exit code ${code}`})`));
        return;
      }
      resolve({ ...JSON.parse(line), wallMs });
    });
  });
}

// ---------------------------------------------------------------------------------------------

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Writes a sample workbook of `skus` rows × `periods` weekly columns into a temporary folder,
 * refreshes it and reads it for the baseline, each in a child process; prints the figures and
 * resolves to them (times in ms, sizes and memory in bytes). The folder is removed afterwards.
 */
export async function benchRefresh({ skus = 100_000, periods = 104, log = console.log } = {}) {
  compileIfNeeded();
  const dir = mkdtempSync(path.join(tmpdir(), "wcap-bench-refresh-"));
  const input = path.join(dir, "sample.xlsx");
  const output = path.join(dir, "sample-refreshed.xlsx");
  try {
    const sample = await child("sample", input, skus, periods);
    const inputBytes = statSync(input).size;
    const baseline = await child("baseline", input);
    const refresh = await child("refresh", input, output, sample.asOfDate);
    const figures = {
      skus,
      periods,
      inputBytes,
      outputBytes: refresh.outputBytes,
      sampleMs: sample.ms,
      refresh: {
        wallMs: refresh.wallMs,
        ms: refresh.ms,
        timings: refresh.timings,
        peakRss: refresh.peakRss,
        rows: refresh.rows,
        segmented: refresh.segmented,
        exceptions: refresh.exceptions,
        charts: refresh.charts,
        warnings: refresh.warnings,
      },
      baseline: {
        wallMs: baseline.wallMs,
        ms: baseline.ms,
        peakRss: baseline.peakRss,
        xmlBytes: baseline.xmlBytes,
      },
      timeRatio: refresh.ms / baseline.ms,
      memoryRatio: refresh.peakRss / baseline.peakRss,
    };
    const t = refresh.timings;
    log(
      `\nwcap refresh, ${skus.toLocaleString("en-US")} SKUs × ${periods} periods ` +
        `(input ${mb(inputBytes)}, ${mb(baseline.xmlBytes)} of sheet XML; output ${mb(refresh.outputBytes)}; ` +
        `sample written in ${s(sample.ms)}), one child process each`,
    );
    log(
      `  ${"refresh (read, segment, write)".padEnd(48)} ${s(refresh.ms).padStart(8)}   peak RSS ${mb(refresh.peakRss).padStart(8)}` +
        `   (read ${s(t.read)}, segment ${s(t.segment)}, write ${s(t.write)}; process ${s(refresh.wallMs)})`,
    );
    log(
      `  ${"baseline: read file, inflate + scan sheet XML".padEnd(48)} ${s(baseline.ms).padStart(8)}   peak RSS ${mb(baseline.peakRss).padStart(8)}`,
    );
    log(
      `  refresh ÷ baseline: ${figures.timeRatio.toFixed(1)}× time, ${figures.memoryRatio.toFixed(1)}× peak memory; ` +
        `rows in ${refresh.rows.toLocaleString("en-US")} = ${refresh.segmented.toLocaleString("en-US")} segmented + ` +
        `${refresh.exceptions.toLocaleString("en-US")} exceptions; ${refresh.charts} charts, ${refresh.warnings} warnings`,
    );
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === thisFile) {
  if (process.argv[2] === "--child") {
    await runAsChild(process.argv.slice(3));
  } else {
    const [skus = "100000", periods = "104"] = process.argv.slice(2);
    const n = Number(skus);
    const p = Number(periods);
    if (!Number.isInteger(n) || !Number.isInteger(p) || n < 100 || p < 2) {
      console.error("usage: node bench/refresh.mjs [SKUS ≥ 100] [PERIODS ≥ 2]");
      process.exit(2);
    }
    await benchRefresh({ skus: n, periods: p });
  }
}
