/**
 * The shipped command: bin/wcap.js running the compiled CLI (dist/cli) in its own Node process,
 * as `npx wcap` runs it. The CLI is compiled first when dist/cli is missing or older than its
 * sources (CI builds it in `npm run build`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeSampleWorkbook } from "../../src/workbook/sampleWorkbook";
import { tempFolder } from "../workbook/helpers";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "wcap.js");
const COMPILED = join(ROOT, "dist", "cli", "cli", "main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const folder = tempFolder("wcap-bin-");
afterAll(() => folder.remove());

beforeAll(() => {
  const sources = Math.max(...["engine", "workbook", "cli"].map((d) => newestSource(join(ROOT, "src", d))));
  if (!existsSync(COMPILED) || statSync(COMPILED).mtimeMs < sources) {
    // The project's tsconfig.cli.json once it exists; until then the one next to the CLI.
    const config = [join(ROOT, "tsconfig.cli.json"), join(ROOT, "src", "cli", "tsconfig.build.json")].find(
      existsSync,
    )!;
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", config], {
      cwd: ROOT,
      stdio: "pipe",
    });
  }
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: folder.dir,
    encoding: "utf8",
    env: { ...process.env, WCAP_DEBUG: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("wcap --help and --version", () => {
  const help = run("--help");
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^wcap \d+\.\d+\.\d+ — Elastic Fulfilment from the command line\n/);
  expect(run("--version").stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
});

test("wcap --help documents wcap stress: usage, its options and the scenarios file", () => {
  const help = run("--help").stdout;
  expect(help).toContain(
    "  wcap stress INPUT.xlsx --out OUTPUT.xlsx [--scenarios scenarios.json] [--sheet NAME]",
  );
  expect(help).toContain("[--replications N] [--periods N] [--seed N]");
  for (const option of ["--scenarios FILE", "--replications N", "--periods N", "--seed N"])
    expect(help).toMatch(new RegExp(`\\n {6}${option} +stress only: `));
  expect(help).toContain("Scenarios (wcap stress --scenarios FILE):");
  for (const field of ["demandShockPct", "leadTimeDelay", "outagePeriods", "outageSupplier", "moq"])
    expect(help).toContain(field);
  expect(help).toContain("wcap stress pack-2025-06.xlsx --scenarios scenarios.json");
  // One screen wide: no line longer than 100 characters outside the settings defaults.
  const wide = help.split("\n").filter((l) => l.length > 100 && !/^ {4}\w+ {2,}[[{"\d]/.test(l));
  expect(wide).toEqual([]);
});

test("wcap refresh writes the output; a failure is one line and exit code 1", async () => {
  await writeSampleWorkbook(join(folder.dir, "small.xlsx"), { skus: 200, weeks: 26 });
  const ok = run("refresh", "small.xlsx", "--out", "small-out.xlsx", "--as-of", "2024-06-30");
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain("Read SKUs!A1:AO201 (200 rows;");
  expect(existsSync(join(folder.dir, "small-out.xlsx"))).toBe(true);

  const failed = run("refresh", "nothing.xlsx", "--out", "x.xlsx");
  expect(failed).toEqual({ code: 1, stdout: "", stderr: "wcap: error: nothing.xlsx: no such file.\n" });
  const usage = run("refresh");
  expect(usage.code).toBe(2);
});
