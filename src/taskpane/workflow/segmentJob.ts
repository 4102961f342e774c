/**
 * One segmentation run as plain, structured-cloneable data: what goes to the Web Worker and what
 * comes back. The worker and the in-thread fallback run the same function.
 */
import { Report } from "../../engine/report";
import { ColumnMapping, InputTable } from "../../engine/segmentation/input";
import { SegmentationSummary, segment } from "../../engine/segmentation/segment";
import { SegmentationSettings } from "../../engine/segmentation/settings";

export interface SegmentJob {
  input: InputTable;
  mapping: ColumnMapping;
  settings: SegmentationSettings;
}

/** What the pane needs from `segment`: the Report to write and the headline figures. */
export interface SegmentOutcome {
  report: Report;
  summary: SegmentationSummary;
}

/** The worker's answer: the outcome, or the engine's error message. */
export type WorkerReply = { ok: true; outcome: SegmentOutcome } | { ok: false; message: string };

export function runSegmentJob(job: SegmentJob): SegmentOutcome {
  const { report, summary } = segment(job.input, job.mapping, job.settings);
  return { report, summary };
}

/** Runs a job and never throws: the form a worker posts back. */
export function replyTo(job: SegmentJob): WorkerReply {
  try {
    return { ok: true, outcome: runSegmentJob(job) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
