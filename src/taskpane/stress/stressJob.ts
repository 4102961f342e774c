/**
 * One stress-test run as plain, structured-cloneable data: what goes to the stress Web Worker and
 * what comes back. The segmentation is run again inside the job (its per-SKU policies are what the
 * simulation replays), so the job needs only the table, the mapping and the settings of a run.
 * The worker and the in-thread fallback run the same function.
 */
import { Report } from "../../engine/report";
import { ColumnMapping, InputTable } from "../../engine/segmentation/input";
import { segment } from "../../engine/segmentation/segment";
import { SegmentationSettings } from "../../engine/segmentation/settings";
import { StressProgress, StressSettings, stressSheet, stressTest } from "../../engine/simulation/stress";
import { JobMessage, answerJob } from "../jobRunner";

export interface StressJob {
  input: InputTable;
  mapping: ColumnMapping;
  settings: SegmentationSettings;
  stress: StressSettings;
}

/** One scenario's "All SKUs" figures, for the pane's result table (null where undefined). */
export interface ScenarioLine {
  name: string;
  /** Demand-weighted achieved fill rate. */
  fillRate: number | null;
  cycleService: number | null;
  /** Mean stockout periods per year per SKU. */
  stockoutPeriodsPerYear: number | null;
  /** Σ average inventory value. */
  averageValue: number;
  /** averageValue − the Baseline's (positive: more cash tied up). */
  cashVsBaseline: number;
}

/** What the pane needs from a stress test: the sheet to write and the headline figures. */
export interface StressOutcome {
  report: Report;
  scenarios: ScenarioLine[];
  /** SKUs simulated, and Segmentation SKUs left out (with no demand or no policy). */
  skus: number;
  skipped: number;
  replications: number;
  periods: number;
}

/** The worker's messages: progress while it runs, then the outcome or the engine's error. */
export type StressMessage = JobMessage<StressOutcome>;

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function runStressJob(job: StressJob, onProgress?: (progress: StressProgress) => void): StressOutcome {
  const segmentation = segment(job.input, job.mapping, job.settings);
  const result = stressTest(segmentation, job.input, job.mapping, job.settings, job.stress, (p) =>
    onProgress?.(p),
  );
  const baseline = result.scenarios[0]?.segments[0]?.averageValue ?? 0;
  const scenarios = result.scenarios.map((s): ScenarioLine => {
    const all = s.segments[0];
    return {
      name: s.scenario.name,
      fillRate: finite(all.fillRate),
      cycleService: finite(all.cycleService),
      stockoutPeriodsPerYear: finite(all.stockoutPeriodsPerYear),
      averageValue: all.averageValue,
      cashVsBaseline: all.averageValue - baseline,
    };
  });
  return {
    report: { sheets: [stressSheet(result)] },
    scenarios,
    skus: result.skus.count,
    skipped: result.skipped.length,
    replications: result.settings.replications,
    periods: result.settings.periods,
  };
}

/** Progress messages at most this often (a run reports after every SKU). */
const PROGRESS_INTERVAL_MS = 100;

/** Runs a job, posting throttled progress and then the outcome; never throws (the worker's form). */
export function answerStressJob(
  job: StressJob,
  post: (message: StressMessage) => void,
  now = Date.now,
): void {
  let last = -Infinity;
  answerJob(
    (onProgress) => runStressJob(job, ({ done, total }) => onProgress(done, total)),
    post,
    (done, total) => {
      const t = now();
      if (t - last < PROGRESS_INTERVAL_MS && done < total) return;
      last = t;
      post({ kind: "progress", done, total });
    },
  );
}
