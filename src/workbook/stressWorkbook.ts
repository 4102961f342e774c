/**
 * A headless stress test (`wcap stress`): read the SKU table of an .xlsx exactly as the headless
 * refresh does (same table search, saved mapping and settings, settings file on top), segment it,
 * simulate every SKU's policy under the scenarios (src/engine/simulation/stress), and write the
 * "WC Stress test" sheet into a copy of the workbook. The input file is only read.
 *
 * Only "WC Stress test" is written, as the task pane's Stress test step writes only it: the
 * Segmentation sheets are `wcap refresh`'s, and every other sheet (owned ones included) is carried
 * over as it is. The workbook's saved setup is carried over unchanged (stress settings are not
 * part of it).
 */
import { Report } from "../engine/report";
import { segment } from "../engine/segmentation/segment";
import { SegmentationSettings } from "../engine/segmentation/settings";
import {
  DEFAULT_STRESS_SETTINGS,
  StressProgress,
  StressResult,
  StressSettings,
  parseScenarios,
  stressSettingsFromJson,
  stressSheet,
  stressTest,
  validateStressSettings,
} from "../engine/simulation/stress";
import { WorkbookError } from "./errors";
import { readJsonFile } from "./jsonFile";
import { FoundTable } from "./readWorkbook";
import { findInputTable, openInput, runSettings } from "./refresh";
import { writeFileAtomically } from "./saveWorkbook";
import { FileWriteResult, writeReportToPackage } from "./writeWorkbook";
import { oneLine } from "./xlsxPackage";

export interface StressWorkbookOptions {
  input: string;
  output: string;
  /** Sheet holding the SKU table; found automatically when absent. */
  sheet?: string;
  /** Cells of the SKU table, e.g. "A1:Z999". */
  range?: string;
  /** Segmentation settings that override the workbook's saved ones (readSettingsFile). */
  settings?: Partial<SegmentationSettings>;
  /** Excel serial date SLOB ages are measured from (this run only). */
  asOfDate?: number;
  /** How to simulate; DEFAULT_STRESS_SETTINGS when absent. */
  stress?: StressSettings;
  /** Progress in words, as the run goes. */
  onProgress?: (message: string) => void;
  /** SKUs simulated so far (every 200 SKUs and at the end). */
  onSimulated?: (progress: StressProgress) => void;
}

export interface StressWorkbookResult {
  table: FoundTable;
  settings: SegmentationSettings;
  /** Where the segmentation settings came from, in words. */
  settingsSource: string;
  stress: StressResult;
  report: Report;
  write: FileWriteResult;
  /** Warnings for the user: mapping, formulas without results, skipped charts. */
  warnings: string[];
  outputBytes: number;
  /** Milliseconds per step. */
  timings: { read: number; segment: number; simulate: number; write: number };
}

/**
 * A scenarios file: a JSON list of scenarios (`[{"name": "Demand +20%", "demandShockPct": 20}]`),
 * or an object with a "scenarios" list and optionally any of replications, periods, warmup, seed
 * and serviceGrid (stressSettingsFromJson). What the file leaves out comes from
 * DEFAULT_STRESS_SETTINGS (an object without "scenarios" runs the default scenarios); a file's list
 * replaces the default scenarios. A plain
 * Baseline is put first when the list does not start with one. Every problem is a WorkbookError of
 * one line.
 */
export async function readScenariosFile(path: string): Promise<StressSettings> {
  const data = await readJsonFile(path, "Scenarios file");
  let settings: StressSettings;
  let problems: string[];
  if (Array.isArray(data)) {
    const parsed = parseScenarios(data);
    settings = {
      ...DEFAULT_STRESS_SETTINGS,
      serviceGrid: [...DEFAULT_STRESS_SETTINGS.serviceGrid],
      scenarios: parsed.scenarios,
    };
    problems = parsed.problems;
  } else {
    ({ settings, problems } = stressSettingsFromJson(data));
  }
  if (problems.length > 0) throw new WorkbookError(`Scenarios file ${path}: ${oneLine(problems.join(" "))}`);
  return settings;
}

/** Runs the stress test (see the module comment); throws WorkbookError for anything a user can fix. */
export async function stressWorkbook(options: StressWorkbookOptions): Promise<StressWorkbookResult> {
  const progress = options.onProgress ?? (() => undefined);
  const stress = options.stress ?? DEFAULT_STRESS_SETTINGS;
  const stressProblems = validateStressSettings(stress);
  if (stressProblems.length > 0)
    throw new WorkbookError(`The stress settings cannot be used: ${oneLine(stressProblems.join(" "))}`);
  let started = Date.now();
  const opened = await openInput(options, progress);
  const table = await findInputTable(opened, options, progress);
  const warnings = [...table.warnings, ...table.columns.warnings];
  const read = Date.now() - started;

  // The same settings a refresh of this workbook would use.
  const { settings, settingsSource } = runSettings(opened, options);

  started = Date.now();
  progress(`Segmenting ${table.table.rows.length.toLocaleString("en-US")} rows …`);
  const mapping = table.columns.mapping;
  const segmentation = segment(table.table, mapping, settings);
  const segmentMs = Date.now() - started;

  started = Date.now();
  const result = stressTest(segmentation, table.table, mapping, settings, stress, options.onSimulated);
  const simulateMs = Date.now() - started;

  started = Date.now();
  progress(`Writing ${options.output} …`);
  const report: Report = { sheets: [stressSheet(result)] };
  const { result: write, bytes } = await writeFileAtomically(options.output, (out) =>
    writeReportToPackage(opened, report, out, { inputSheet: table.sheet }),
  );
  warnings.push(...write.warnings);
  const writeMs = Date.now() - started;

  return {
    table,
    settings,
    settingsSource,
    stress: result,
    report,
    write,
    warnings,
    outputBytes: bytes,
    timings: { read, segment: segmentMs, simulate: simulateMs, write: writeMs },
  };
}
