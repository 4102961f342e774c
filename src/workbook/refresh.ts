/**
 * A headless refresh: read the SKU table of an .xlsx, segment it with the settings saved in the
 * workbook (overridden by a settings file), and write the same owned sheets the task pane writes
 * into a copy of the workbook. The input file is only read.
 */
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { EngineError } from "../engine/errors";
import { Report, ReportTable } from "../engine/report";
import { SHEET_NAMES, SegmentationSummary, segment } from "../engine/segmentation/segment";
import { SegmentationSettings, validateSettings, withDefaults } from "../engine/segmentation/settings";
import {
  PlanSnapshot,
  planFromSegmentationTable,
  varianceSheet,
  varianceTable,
} from "../engine/segmentation/variance";
import {
  WorkbookSetup,
  isRecord,
  mergeSettings,
  readSettings,
  toSavedMapping,
} from "../engine/workbookParts/setup";
import { WorkbookError } from "./errors";
import { readJsonFile } from "./jsonFile";
import { FoundTable, OpenedWorkbook, findSkuTable, openWorkbook, readSheet, readTable } from "./readWorkbook";
import { writeFileAtomically } from "./saveWorkbook";
import { FileWriteResult, writeReportToPackage } from "./writeWorkbook";
import { readText } from "./xlsxPackage";

export interface RefreshOptions {
  input: string;
  output: string;
  /** Sheet holding the SKU table; found automatically when absent. */
  sheet?: string;
  /** Cells of the SKU table, e.g. "A1:Z999". */
  range?: string;
  /** Settings that override the workbook's saved ones (see readSettingsFile). */
  settings?: Partial<SegmentationSettings>;
  /** Excel serial date SLOB ages are measured from (this run only; not saved). */
  asOfDate?: number;
  /**
   * A workbook written by an earlier run whose WC Segmentation is the plan for WC Variance. Without
   * it, the WC Segmentation the last run stored in the input (if any) is the plan.
   */
  plan?: string;
  /** Progress in words, as the run goes. */
  onProgress?: (message: string) => void;
}

/** Where the plan of WC Variance came from. */
export interface PlanSource {
  /** The workbook and sheet read, e.g. `prev.xlsx, sheet "WC Segmentation"`. */
  source: string;
  /** True when it is the input's own WC Segmentation from the last run (no --plan given). */
  automatic: boolean;
  /** SKU rows in the plan. */
  skus: number;
}

export interface RefreshResult {
  table: FoundTable;
  report: Report;
  summary: SegmentationSummary;
  settings: SegmentationSettings;
  /** Where the settings came from, in words. */
  settingsSource: string;
  write: FileWriteResult;
  /** The plan WC Variance compares with; absent when there was none (no WC Variance then). */
  plan?: PlanSource;
  /** Warnings for the user: mapping, formulas without results, skipped charts. */
  warnings: string[];
  outputBytes: number;
  /** Milliseconds per step (write: laying out, drawing the charts, writing and saving the file). */
  timings: { read: number; segment: number; write: number };
}

/**
 * A settings file: JSON with any of the settings (partial; nested tables partial too), or a saved
 * setup `{ "settings": { … } }`. Unknown names and wrong types are errors, so a typo never goes
 * unnoticed.
 */
export async function readSettingsFile(path: string): Promise<Partial<SegmentationSettings>> {
  const data = await readJsonFile(path, "Settings file");
  const body =
    isRecord(data) &&
    isRecord(data.settings) &&
    Object.keys(data).every((k) => ["settings", "mapping", "input", "version"].includes(k))
      ? data.settings
      : data;
  const { settings, problems } = readSettings(body, []);
  if (problems.length > 0) throw new WorkbookError(`Settings file ${path}: ${problems.join("; ")}.`);
  return settings;
}

/** True when both paths name one file (the same path, or links to one file). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * The WC Segmentation sheet the add-in owns in a workbook (as the registry records it; a redirected
 * "WC Segmentation (2)" when the plain name belongs to the user), or undefined.
 */
function ownedSegmentationSheet(opened: OpenedWorkbook): string | undefined {
  const owned = opened.pkg.sheets
    .filter((s) => s.uid !== undefined && opened.ownedIds.has(s.uid))
    .map((s) => s.name);
  const base = SHEET_NAMES.segmentation;
  return (
    owned.find((n) => n === base) ??
    owned.find((n) => n.startsWith(`${base} (`) && /^ \(\d+\)$/.test(n.slice(base.length)))
  );
}

/** The plan snapshot held by a workbook's owned WC Segmentation sheet, or undefined when it has none. */
export async function readPlan(
  opened: OpenedWorkbook,
): Promise<{ snapshot: PlanSnapshot; sheet: string } | undefined> {
  const sheet = ownedSegmentationSheet(opened);
  if (sheet === undefined) return undefined;
  const grid = await readSheet(opened, sheet);
  if (grid.box === undefined) return { snapshot: { rows: [] }, sheet };
  const { table } = readTable(grid, grid.box);
  const reportTable: ReportTable = {
    name: "WC_Segmentation",
    columns: table.headers.map((header) => ({ key: header, header, format: "text" })),
    rows: table.rows,
  };
  try {
    return { snapshot: planFromSegmentationTable(reportTable), sheet };
  } catch (error) {
    if (error instanceof EngineError)
      throw new WorkbookError(`${opened.path}, sheet "${sheet}": ${error.message}.`);
    throw error;
  }
}

/** What `wcap refresh` and `wcap stress` share: the files, the table and the settings to use. */
export interface RunInput {
  input: string;
  output: string;
  sheet?: string;
  range?: string;
  settings?: Partial<SegmentationSettings>;
  asOfDate?: number;
}

/**
 * Opens the input of a run that writes `output`: refused when `output` is the input itself, or
 * when the workbook cannot be written as an .xlsx (checkWritableAsXlsx).
 */
export async function openInput(run: RunInput, progress: (message: string) => void): Promise<OpenedWorkbook> {
  if (await sameFile(run.input, run.output)) {
    throw new WorkbookError(
      "--out names the input file: the input workbook is never modified; choose another output file.",
    );
  }
  progress(`Reading ${run.input} …`);
  const opened = await openWorkbook(run.input);
  checkWritableAsXlsx(opened);
  return opened;
}

/** The SKU table of a run: --sheet and --range, else where the saved mapping and setup point. */
export function findInputTable(
  opened: OpenedWorkbook,
  run: RunInput,
  progress: (message: string) => void,
): Promise<FoundTable> {
  const saved = opened.setup;
  return findSkuTable(opened, {
    sheet: run.sheet,
    range: run.range,
    savedMapping: saved?.mapping,
    preferredSheet: saved?.input?.sheet,
    onProgress: progress,
  });
}

/**
 * The settings of a run: those saved in the workbook, then the settings file's (`partial`, what a
 * run saves back), then the defaults for the rest, with this run's as-of date; a WorkbookError when
 * they cannot be used. The source says where they came from, in words.
 */
export function runSettings(
  opened: OpenedWorkbook,
  run: RunInput,
): { partial: Partial<SegmentationSettings>; settings: SegmentationSettings; settingsSource: string } {
  const saved = opened.setup;
  const partial = mergeSettings(saved?.settings ?? {}, run.settings ?? {});
  const settings = withDefaults(partial);
  if (run.asOfDate !== undefined) settings.asOfDate = run.asOfDate;
  const problems = validateSettings(settings);
  if (problems.length > 0) throw new WorkbookError(`The settings cannot be used: ${problems.join(" ")}`);
  const settingsSource =
    [saved ? "saved in the workbook" : undefined, run.settings ? "from the settings file" : undefined]
      .filter((x) => x !== undefined)
      .join(", then ") || "defaults";
  return { partial, settings, settingsSource };
}

/**
 * The output is an .xlsx (`--out` must say so): a macro-enabled workbook or a template would come
 * out with a main part Excel refuses in an .xlsx, so it is refused here, before anything is written.
 */
function checkWritableAsXlsx(opened: OpenedWorkbook): void {
  const types = readText(opened, "[Content_Types].xml") ?? "";
  const main = /<(?:\w+:)?Override\s[^>]*?PartName="\/xl\/workbook\.xml"[^>]*>/i.exec(types)?.[0] ?? "";
  const type = /\sContentType="([^"]*)"/.exec(main)?.[1] ?? "";
  const name = basename(opened.path);
  if (/macroEnabled/i.test(type)) {
    throw new WorkbookError(
      `${name} is a macro-enabled workbook (.xlsm): the output is an .xlsx, which cannot hold its macros; save a copy as an Excel Workbook (.xlsx) and run again.`,
    );
  }
  if (/\.template/i.test(type)) {
    throw new WorkbookError(
      `${name} is an Excel template (.xltx): save a copy as an Excel Workbook (.xlsx) and run again.`,
    );
  }
}

/** Runs the refresh (see the module comment); throws WorkbookError for anything a user can fix. */
export async function refreshWorkbook(options: RefreshOptions): Promise<RefreshResult> {
  const progress = options.onProgress ?? (() => undefined);
  let started = Date.now();
  const opened = await openInput(options, progress);
  const warnings: string[] = [];
  // Read before the owned sheets are rewritten: the input's WC Segmentation is the last run's.
  let plan: { snapshot: PlanSnapshot; source: PlanSource } | undefined;
  if (options.plan !== undefined) {
    progress(`Reading the plan ${options.plan} …`);
    const planBook = await openWorkbook(options.plan);
    const found = await readPlan(planBook);
    if (found === undefined)
      throw new WorkbookError(
        `--plan ${options.plan} has no "${SHEET_NAMES.segmentation}" sheet written by the add-in (use the output of an earlier refresh).`,
      );
    plan = {
      snapshot: found.snapshot,
      source: {
        source: `${options.plan}, sheet "${found.sheet}"`,
        automatic: false,
        skus: found.snapshot.rows.length,
      },
    };
  } else {
    const found = await readPlan(opened);
    if (found !== undefined)
      plan = {
        snapshot: found.snapshot,
        source: {
          source: `${options.input}, sheet "${found.sheet}"`,
          automatic: true,
          skus: found.snapshot.rows.length,
        },
      };
  }
  const table = await findInputTable(opened, options, progress);
  warnings.push(...table.warnings, ...table.columns.warnings);
  const read = Date.now() - started;

  const { partial, settings, settingsSource } = runSettings(opened, options);

  started = Date.now();
  progress(`Segmenting ${table.table.rows.length.toLocaleString("en-US")} rows …`);
  const { report, summary } = segment(table.table, table.columns.mapping, settings);
  if (plan !== undefined) {
    const current = report.sheets
      .find((s) => s.name === SHEET_NAMES.segmentation)
      ?.blocks.find((b) => b.kind === "table");
    if (current?.kind === "table")
      report.sheets.push(varianceSheet(varianceTable(current.table, plan.snapshot)));
  }
  const segmentMs = Date.now() - started;

  started = Date.now();
  progress(`Writing ${options.output} …`);
  const setup: WorkbookSetup = {
    settings: partial,
    mapping: toSavedMapping(table.columns.mapping, table.table.headers),
    input: { sheet: table.sheet, address: table.address },
  };
  const { result: write, bytes } = await writeFileAtomically(options.output, (out) =>
    writeReportToPackage(opened, report, out, { inputSheet: table.sheet, setup, onProgress: progress }),
  );
  warnings.push(...write.warnings);
  const writeMs = Date.now() - started;

  return {
    table,
    report,
    summary,
    settings,
    settingsSource,
    write,
    plan: plan?.source,
    warnings,
    outputBytes: bytes,
    timings: { read, segment: segmentMs, write: writeMs },
  };
}
