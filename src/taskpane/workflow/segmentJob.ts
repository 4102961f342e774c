/**
 * One segmentation run as plain, structured-cloneable data: what goes to the Web Worker and what
 * comes back. The worker and the in-thread fallback run the same function.
 */
import { Report } from "../../engine/report";
import { ColumnMapping, InputTable } from "../../engine/segmentation/input";
import { SHEET_NAMES, SegmentationSummary, segment } from "../../engine/segmentation/segment";
import { SegmentationSettings } from "../../engine/segmentation/settings";
import { PlanSnapshot, varianceSheet, varianceTable } from "../../engine/segmentation/variance";
import { JobMessage, answerJob } from "../jobRunner";

export interface SegmentJob {
  input: InputTable;
  mapping: ColumnMapping;
  settings: SegmentationSettings;
  /** The previous run's WC Segmentation: when given, the report gets WC Variance against it. */
  plan?: PlanSnapshot;
}

/** What the pane needs from `segment`: the Report to write and the headline figures. */
export interface SegmentOutcome {
  report: Report;
  summary: SegmentationSummary;
}

/**
 * The worker's messages: progress while the forecasts run (SKUs done of total, as `segment`
 * reports them), then the outcome or the engine's error message.
 */
export type WorkerReply = JobMessage<SegmentOutcome>;

export function runSegmentJob(
  job: SegmentJob,
  onProgress?: (done: number, total: number) => void,
): SegmentOutcome {
  const { report, summary } = segment(job.input, job.mapping, job.settings, onProgress);
  if (job.plan !== undefined) {
    // As `wcap refresh`: this run's WC Segmentation table against the plan, as the last sheet.
    const current = report.sheets
      .find((s) => s.name === SHEET_NAMES.segmentation)
      ?.blocks.find((b) => b.kind === "table");
    if (current?.kind === "table") report.sheets.push(varianceSheet(varianceTable(current.table, job.plan)));
  }
  return { report, summary };
}

/**
 * Runs a job, posting its progress and then the outcome; never throws (the worker's form).
 * `segment` reports every PROGRESS_CHUNK SKUs: few enough messages to post each one.
 */
export function answerSegmentJob(job: SegmentJob, post: (reply: WorkerReply) => void): void {
  answerJob((onProgress) => runSegmentJob(job, onProgress), post);
}
