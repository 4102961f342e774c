#!/usr/bin/env node
// Writes the seeded sample SKU table (src/engine/sampleData.ts) as examples/sample-skus.csv (to open
// in Excel) and examples/sample-skus.json (an InputTable, for the CLI and tests).
//
//   node examples/generate.mjs [--skus 2000] [--weeks 104] [--seed 42] [--start 2024-01-01] [--out examples]
//
// The engine is TypeScript, so this compiles sampleData.ts and what it imports into a temporary
// folder with the project's own TypeScript (no build step, no extra dependency) and loads it.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const options = { out: join(root, "examples") };
  const names = {
    "--skus": "skus",
    "--weeks": "weeks",
    "--seed": "seed",
    "--start": "startDate",
    "--out": "out",
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]];
    if (name === undefined || argv[i + 1] === undefined) {
      console.error(
        `Usage: node examples/generate.mjs [--skus N] [--weeks N] [--seed N] [--start yyyy-mm-dd] [--out dir]`,
      );
      process.exit(2);
    }
    options[name] = ["skus", "weeks", "seed"].includes(name) ? Number(argv[i + 1]) : argv[i + 1];
  }
  return options;
}

/** Compiles the engine's sample-data module to CommonJS in a temporary folder and loads it. */
function loadEngine(tmp) {
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  const source = join(root, "src", "engine", "sampleData.ts");
  execFileSync(
    process.execPath,
    [
      tsc,
      "--outDir",
      tmp,
      "--rootDir",
      join(root, "src"),
      "--module",
      "commonjs",
      "--moduleResolution",
      "node",
    ].concat(["--target", "es2020", "--strict", "--skipLibCheck", "--types", "node", source]),
    { stdio: "inherit" },
  );
  return {
    sampleData: require(join(tmp, "engine", "sampleData.js")),
    periods: require(join(tmp, "engine", "segmentation", "periods.js")),
  };
}

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled).
 * Text that Excel would read as a formula (starting with = + - @) is written as the formula
 * ="…", which Excel shows as exactly that text; the JSON file carries the raw text.
 */
function csvField(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `="${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(table, dateColumns, excelSerialToIso) {
  const lines = [table.headers.map(csvField).join(",")];
  for (const row of table.rows) {
    // Dates as ISO text: Excel turns them into real dates on opening, and any reader can parse them.
    const cells = row.map((v, c) => (dateColumns.has(c) && typeof v === "number" ? excelSerialToIso(v) : v));
    lines.push(cells.map(csvField).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** The table as JSON with one row per line, so it diffs and greps well. */
function toJson(table) {
  const rows = table.rows.map((row) => "    " + JSON.stringify(row));
  return (
    "{\n" +
    `  "source": ${JSON.stringify(table.source)},\n` +
    `  "headers": ${JSON.stringify(table.headers)},\n` +
    `  "rows": [\n${rows.join(",\n")}\n  ]\n` +
    "}\n"
  );
}

const options = parseArgs(process.argv.slice(2));
const tmp = mkdtempSync(join(tmpdir(), "wcap-sample-"));
try {
  const { sampleData, periods } = loadEngine(tmp);
  const { table, badRows, asOfDate } = sampleData.generateSample(options);
  mkdirSync(options.out, { recursive: true });
  const csvPath = join(options.out, "sample-skus.csv");
  const jsonPath = join(options.out, "sample-skus.json");
  const dateColumns = new Set([table.headers.indexOf("Last Movement")]);
  writeFileSync(csvPath, toCsv(table, dateColumns, periods.excelSerialToIso));
  writeFileSync(jsonPath, toJson(table));
  for (const path of [csvPath, jsonPath]) {
    console.log(`${relative(process.cwd(), path)}: ${(statSync(path).size / 1e6).toFixed(2)} MB`);
  }
  console.log(
    `${table.rows.length} SKUs × ${table.headers.length - 15} weeks; as-of date ${periods.excelSerialToIso(asOfDate)}`,
  );
  console.log(
    `Bad rows (worksheet rows): ${JSON.stringify(badRows, (k, v) => (typeof v === "number" ? v + 2 : v))}`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
