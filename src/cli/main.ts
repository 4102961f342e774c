/**
 * The `wcap` command line: argument parsing, messages and exit codes around refreshWorkbook and
 * stressWorkbook.
 * Results go to stdout; progress, warnings and errors to stderr, each error one line, never a
 * stack trace (set WCAP_DEBUG=1 to see one for an unexpected error).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { describeMapping } from "../engine/segmentation/mapping";
import { excelSerialToIso, isoToExcelSerial } from "../engine/segmentation/periods";
import {
  DEFAULT_STRESS_SETTINGS,
  MAX_REPLICATIONS,
  MAX_STRESS_PERIODS,
  StressSettings,
} from "../engine/simulation/stress";
import { WorkbookError } from "../workbook/errors";
import { RefreshResult, readSettingsFile, refreshWorkbook } from "../workbook/refresh";
import { writeSampleWorkbook } from "../workbook/sampleWorkbook";
import { StressWorkbookResult, readScenariosFile, stressWorkbook } from "../workbook/stressWorkbook";
import { helpText } from "./help";

/** Where the command writes; process.stdout and process.stderr by default. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Environment variables (WCAP_DEBUG); process.env by default. */
  env?: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Inputs from this size on get progress lines without --verbose. */
const PROGRESS_FROM_BYTES = 1_000_000;

class UsageError extends Error {}

interface RefreshArgs {
  input: string;
  out: string;
  sheet?: string;
  range?: string;
  settings?: string;
  /** An earlier refresh's output whose WC Segmentation is the plan for WC Variance. */
  plan?: string;
  asOf?: number;
  quiet: boolean;
  verbose: boolean;
}

interface StressArgs {
  input: string;
  out: string;
  sheet?: string;
  range?: string;
  settings?: string;
  /** Scenarios (and optionally replications, periods, warm-up, seed, service grid) as JSON. */
  scenarios?: string;
  asOf?: number;
  /** Command-line overrides of the scenarios file / defaults. */
  replications?: number;
  periods?: number;
  seed?: number;
  quiet: boolean;
  verbose: boolean;
}

type Command =
  | { kind: "help" }
  | { kind: "version" }
  | ({ kind: "refresh" } & RefreshArgs)
  | ({ kind: "stress" } & StressArgs)
  | { kind: "demo"; outDir: string; promotions: boolean; quiet: boolean; verbose: boolean };

/** Where `wcap demo` writes by default (what `npm run demo` shows a new user). */
export const DEMO_DIR = join("examples", "out");

const OPTIONS = {
  out: { type: "string", short: "o" },
  sheet: { type: "string", short: "s" },
  range: { type: "string", short: "r" },
  settings: { type: "string" },
  "as-of": { type: "string" },
  plan: { type: "string" },
  scenarios: { type: "string" },
  replications: { type: "string" },
  periods: { type: "string" },
  seed: { type: "string" },
  "out-dir": { type: "string" },
  promotions: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  verbose: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
} as const;

/** Options only `wcap stress` takes. */
const STRESS_ONLY = ["scenarios", "replications", "periods", "seed"] as const;

/** A whole-number option value in [min, max]; UsageError otherwise. */
function wholeOption(name: string, text: string, min: number, max: number): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max))
    throw new UsageError(
      `--${name} must be a whole number from ${min} to ${max.toLocaleString("en-US")}, not "${text}"`,
    );
  return value;
}

/** The command an argument list asks for; UsageError when it is not a valid one. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]}`);
    const missing = /Option '([^']+)' argument missing/.exec(message);
    if (missing)
      throw new UsageError(`${missing[1].replace(/^-\w, /, "").replace(/ <value>$/, "")} needs a value`);
    throw new UsageError(message.split("\n")[0]);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === "help") return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError("no command given");
  if (values.quiet && values.verbose) throw new UsageError("--quiet and --verbose exclude each other");
  if (command === "demo") {
    if (rest.length > 0) throw new UsageError(`demo takes no file names (${rest.join(", ")}); use --out-dir`);
    const other = (["out", "sheet", "range", "settings", "as-of", "plan", ...STRESS_ONLY] as const).find(
      (o) => values[o] !== undefined,
    );
    if (other) throw new UsageError(`demo does not take --${other}`);
    return {
      kind: "demo",
      outDir: values["out-dir"] ?? DEMO_DIR,
      promotions: values.promotions ?? false,
      quiet: values.quiet ?? false,
      verbose: values.verbose ?? false,
    };
  }
  if (command !== "refresh" && command !== "stress") throw new UsageError(`unknown command "${command}"`);
  if (values["out-dir"] !== undefined)
    throw new UsageError(`${command} does not take --out-dir (use --out FILE)`);
  if (values.promotions !== undefined) throw new UsageError(`${command} does not take --promotions`);
  if (rest.length === 0)
    throw new UsageError(`${command} needs the input workbook: wcap ${command} INPUT.xlsx --out OUTPUT.xlsx`);
  if (rest.length > 1)
    throw new UsageError(`${command} takes one input workbook, not ${rest.length} (${rest.join(", ")})`);
  if (values.out === undefined)
    throw new UsageError(`${command} needs --out OUTPUT.xlsx (the input is never modified)`);
  if (!/\.xlsx$/i.test(values.out))
    throw new UsageError(`--out must name an .xlsx file, not "${values.out}"`);
  let asOf: number | undefined;
  if (values["as-of"] !== undefined) {
    const serial = isoToExcelSerial(values["as-of"].trim());
    if (serial === null) throw new UsageError(`--as-of "${values["as-of"]}" is not a date like 2025-06-30`);
    asOf = serial;
  }
  if (command === "stress") {
    if (values.plan !== undefined) throw new UsageError("stress does not take --plan");
    return {
      kind: "stress",
      input: rest[0],
      out: values.out,
      sheet: values.sheet,
      range: values.range,
      settings: values.settings,
      scenarios: values.scenarios,
      asOf,
      replications:
        values.replications === undefined
          ? undefined
          : wholeOption("replications", values.replications, 1, MAX_REPLICATIONS),
      periods:
        values.periods === undefined
          ? undefined
          : wholeOption("periods", values.periods, 1, MAX_STRESS_PERIODS),
      seed:
        values.seed === undefined ? undefined : wholeOption("seed", values.seed, 0, Number.MAX_SAFE_INTEGER),
      quiet: values.quiet ?? false,
      verbose: values.verbose ?? false,
    };
  }
  const stressOnly = STRESS_ONLY.find((o) => values[o] !== undefined);
  if (stressOnly) throw new UsageError(`refresh does not take --${stressOnly} (that is wcap stress)`);
  return {
    kind: "refresh",
    input: rest[0],
    out: values.out,
    sheet: values.sheet,
    range: values.range,
    settings: values.settings,
    plan: values.plan,
    asOf,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
  };
}

/** The package version, from the package.json above this file (source or compiled). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (pkg.name === "elastic-fulfilment" && pkg.version) return pkg.version;
      } catch {
        // not ours; keep looking
      }
    }
    if (dirname(dir) === dir) return "unknown";
  }
}

const count = (n: number) => n.toLocaleString("en-US");

function money(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1e9) return `${(x / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(0);
}

const days = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");

/** What a finished refresh prints on stdout. */
export function resultLines(args: RefreshArgs, result: RefreshResult): string[] {
  const { table, summary, write } = result;
  const lines = [
    `Read ${table.address} (${count(table.table.rows.length)} rows; ${table.reason}).`,
    `Mapping: ${table.columns.source}; settings: ${result.settingsSource}; as of ${
      result.settings.asOfDate === null ? "today" : excelSerialToIso(result.settings.asOfDate)
    }.`,
  ];
  if (args.verbose)
    lines.push(...describeMapping(table.columns.mapping, table.table.headers).map((l) => `  ${l}`));
  const rows = new Map<string, number>();
  result.report.sheets.forEach((sheet, i) => {
    const tableBlock = sheet.blocks.find((b) => b.kind === "table");
    if (sheet.freezeHeader && tableBlock?.kind === "table")
      rows.set(write.sheets[i], tableBlock.table.rows.length);
  });
  const sheets = write.sheets.map((name) =>
    rows.has(name) ? `${name} (${count(rows.get(name)!)} rows)` : name,
  );
  lines.push(
    `Wrote ${args.out}: ${sheets.join(", ")}; ${write.charts} chart${write.charts === 1 ? "" : "s"} as pictures.`,
  );
  for (const r of write.redirected) {
    const why = r.skipped
      .map((s) => `"${s.name}" ${s.reason === "holds-input" ? "holds the input" : "is not the add-in's"}`)
      .join(", ");
    lines.push(`  ${r.requested} was written as "${r.written}": ${why}.`);
  }
  lines.push(
    `Segmented ${count(summary.segmented)} of ${count(summary.inputRows)} rows (${count(summary.exceptions)} on Exceptions). ` +
      `Inventory ${money(summary.inventoryValue)}, target ${money(summary.targetValue)}, cash release ${money(summary.release)}; ` +
      `DIO ${days(summary.dioNow)} → ${days(summary.dioTarget)} days.`,
  );
  return lines;
}

const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : "n/a");

function signedMoney(x: number): string {
  return `${x >= 0 ? "+" : "−"}${money(Math.abs(x))}`;
}

/** The mapping/settings line refresh and stress both print. */
function tableLines(
  table: RefreshResult["table"],
  settingsSource: string,
  asOfDate: number | null,
  verbose: boolean,
): string[] {
  const lines = [
    `Read ${table.address} (${count(table.table.rows.length)} rows; ${table.reason}).`,
    `Mapping: ${table.columns.source}; settings: ${settingsSource}; as of ${
      asOfDate === null ? "today" : excelSerialToIso(asOfDate)
    }.`,
  ];
  if (verbose)
    lines.push(...describeMapping(table.columns.mapping, table.table.headers).map((l) => `  ${l}`));
  return lines;
}

/** What a finished stress test prints on stdout. */
export function stressResultLines(args: StressArgs, run: StressWorkbookResult, seconds: number): string[] {
  const { stress, write } = run;
  const { settings, skus, skipped } = stress;
  const lines = tableLines(run.table, run.settingsSource, run.settings.asOfDate, args.verbose);
  const models = new Map<string, number>();
  for (const m of skus.demandModel) models.set(m, (models.get(m) ?? 0) + 1);
  const modelText = [...models].map(([m, c]) => `${count(c)} ${m}`).join(", ");
  const grid = settings.serviceGrid.length;
  lines.push(
    `Simulated ${count(skus.count)} SKUs${modelText ? ` (demand: ${modelText})` : ""} × ${count(settings.replications)} ` +
      `replications × ${count(settings.periods)} periods, seed ${settings.seed}: ${stress.scenarios.length} ` +
      `scenario${stress.scenarios.length === 1 ? "" : "s"}${grid > 0 ? ` and a frontier of ${grid} service targets` : ""} ` +
      `in ${seconds.toFixed(1)} s; ${count(skipped.length)} SKU${skipped.length === 1 ? "" : "s"} not simulated.`,
  );
  const rows = run.report.sheets[0].blocks.reduce(
    (last, b) => (b.kind === "table" ? b.table.rows.length : last),
    0,
  );
  lines.push(
    `Wrote ${args.out}: ${write.sheets[0]} (${count(rows)} SKU rows); ${write.charts} chart${
      write.charts === 1 ? " as a picture" : "s as pictures"
    }.`,
  );
  for (const r of write.redirected) {
    const why = r.skipped
      .map((s) => `"${s.name}" ${s.reason === "holds-input" ? "holds the input" : "is not the add-in's"}`)
      .join(", ");
    lines.push(`  ${r.requested} was written as "${r.written}": ${why}.`);
  }
  const baseline = stress.scenarios[0].segments[0];
  for (const s of stress.scenarios) {
    const all = s.segments[0];
    lines.push(
      `  ${s.scenario.name}: fill rate ${percent(all.fillRate)}, cycle service ${percent(all.cycleService)}, ` +
        `${Number.isFinite(all.stockoutPeriodsPerYear) ? all.stockoutPeriodsPerYear.toFixed(1) : "n/a"} stockout periods per SKU-year, ` +
        `average inventory ${money(all.averageValue)}` +
        (s === stress.scenarios[0]
          ? ` (today ${money(all.todayValue)})`
          : ` (${signedMoney(all.averageValue - baseline.averageValue)} vs baseline)`) +
        ".",
    );
  }
  const frontier = stress.frontier[0];
  if (frontier !== undefined)
    lines.push(
      `  Frontier, all SKUs: recommended policy ${percent(frontier.recommended.fillRate)} at ${money(frontier.recommended.averageValue)}; ` +
        `current policy ${percent(frontier.current.fillRate)} at ${money(frontier.current.averageValue)}.`,
    );
  return lines;
}

/** `wcap stress`: the stress test of a workbook's SKU table (src/workbook/stressWorkbook). */
async function stress(
  command: Extract<Command, { kind: "stress" }>,
  io: CliIo,
  error: (message: string) => void,
  env: Record<string, string | undefined>,
): Promise<number> {
  const started = Date.now();
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
  // A stress test takes seconds to minutes: progress is shown unless --quiet.
  const progress = (message: string) => {
    if (!command.quiet) io.stderr.write(`wcap: ${elapsed()} s: ${message}\n`);
  };
  let nextTenth = 1;
  const simulated = ({ done, total }: { done: number; total: number }) => {
    if (command.quiet || total === 0) return;
    const tenth = Math.floor((10 * done) / total);
    if (tenth < nextTenth && done < total) return;
    nextTenth = tenth + 1;
    progress(`simulated ${count(done)} of ${count(total)} SKUs …`);
  };
  try {
    let stressSettings: StressSettings =
      command.scenarios === undefined
        ? { ...DEFAULT_STRESS_SETTINGS, serviceGrid: [...DEFAULT_STRESS_SETTINGS.serviceGrid] }
        : await readScenariosFile(command.scenarios);
    stressSettings = {
      ...stressSettings,
      replications: command.replications ?? stressSettings.replications,
      periods: command.periods ?? stressSettings.periods,
      seed: command.seed ?? stressSettings.seed,
    };
    const settings = command.settings === undefined ? undefined : await readSettingsFile(command.settings);
    const run = await stressWorkbook({
      input: command.input,
      output: command.out,
      sheet: command.sheet,
      range: command.range,
      settings,
      asOfDate: command.asOf,
      stress: stressSettings,
      onProgress: progress,
      onSimulated: simulated,
    });
    if (!command.quiet) {
      for (const warning of run.warnings) io.stderr.write(`wcap: warning: ${warning}\n`);
      io.stdout.write(stressResultLines(command, run, run.timings.simulate / 1000).join("\n") + "\n");
    }
    progress(`done (${(run.outputBytes / 1e6).toFixed(1)} MB written).`);
    return EXIT_OK;
  } catch (e) {
    return failed(e, io, env);
  }
}

/**
 * A run that failed: a WorkbookError is the one-line message for the user; anything else is
 * unexpected and gets its first line (the stack with WCAP_DEBUG=1). Returns the exit code.
 */
function failed(e: unknown, io: CliIo, env: Record<string, string | undefined>): number {
  const error = (message: string) => io.stderr.write(`wcap: error: ${message}\n`);
  if (e instanceof WorkbookError) error(e.message);
  else {
    const message = e instanceof Error ? e.message.split(/\r?\n/)[0] : String(e);
    error(`${message} (unexpected; run again with WCAP_DEBUG=1 for details).`);
    if (env.WCAP_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  }
  return EXIT_FAILED;
}

/**
 * `wcap demo`: writes the seeded sample workbook (2,000 SKUs × 104 weeks, a notes sheet) and its
 * refresh into a folder, so a new user sees the result of one command. With --promotions the
 * sample has promotion and price columns (README "Driver columns") and goes to
 * sample-promotions.xlsx instead.
 */
async function demo(
  command: Extract<Command, { kind: "demo" }>,
  io: CliIo,
  error: (message: string) => void,
): Promise<number> {
  const name = command.promotions ? "sample-promotions" : "sample";
  const input = join(command.outDir, `${name}.xlsx`);
  const output = join(command.outDir, `${name}-refreshed.xlsx`);
  try {
    mkdirSync(command.outDir, { recursive: true });
    const sample = await writeSampleWorkbook(input, { promotions: command.promotions });
    const args: RefreshArgs = {
      input,
      out: output,
      asOf: sample.asOfDate,
      quiet: command.quiet,
      verbose: command.verbose,
    };
    const result = await refreshWorkbook({ input, output, asOfDate: sample.asOfDate });
    if (!command.quiet) {
      for (const warning of result.warnings) io.stderr.write(`wcap: warning: ${warning}\n`);
      io.stdout.write(
        [
          `Wrote the sample workbook ${input} (2,000 SKUs × 104 weeks${
            command.promotions ? ", promotion and price columns for 13 weeks more" : ""
          }, with bad rows on purpose).`,
          ...resultLines(args, result),
        ].join("\n") + `\nOpen ${output} and start with the "WC Summary" sheet.\n`,
      );
    }
    return EXIT_OK;
  } catch (e) {
    error(e instanceof WorkbookError ? e.message : `${(e as Error).message} (unexpected).`);
    return EXIT_FAILED;
  }
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = process): Promise<number> {
  const env = io.env ?? process.env;
  const error = (message: string) => io.stderr.write(`wcap: error: ${message}\n`);
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (e) {
    error(`${(e as Error).message} (see wcap --help).`);
    return EXIT_USAGE;
  }
  if (command.kind === "help") {
    io.stdout.write(helpText(packageVersion()));
    return EXIT_OK;
  }
  if (command.kind === "version") {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }

  if (command.kind === "demo") return demo(command, io, error);
  if (command.kind === "stress") return stress(command, io, error, env);

  const started = Date.now();
  let showProgress = command.verbose;
  if (!command.quiet && !showProgress) {
    try {
      showProgress = statSync(command.input).size >= PROGRESS_FROM_BYTES;
    } catch {
      // a missing input is reported by the refresh itself
    }
  }
  const progress = (message: string) => {
    if (showProgress) io.stderr.write(`wcap: ${((Date.now() - started) / 1000).toFixed(1)} s: ${message}\n`);
  };
  try {
    const settings = command.settings === undefined ? undefined : await readSettingsFile(command.settings);
    const result = await refreshWorkbook({
      input: command.input,
      output: command.out,
      sheet: command.sheet,
      range: command.range,
      settings,
      asOfDate: command.asOf,
      plan: command.plan,
      onProgress: progress,
    });
    if (!command.quiet) {
      if (result.plan?.automatic)
        io.stderr.write(
          `wcap: plan: using the WC Segmentation the last run stored in the workbook (${result.plan.source}) as the plan for WC Variance; pass --plan FILE to compare with another run.\n`,
        );
      for (const warning of result.warnings) io.stderr.write(`wcap: warning: ${warning}\n`);
      io.stdout.write(resultLines(command, result).join("\n") + "\n");
    }
    progress(`done (${(result.outputBytes / 1e6).toFixed(1)} MB written).`);
    return EXIT_OK;
  } catch (e) {
    return failed(e, io, env);
  }
}
