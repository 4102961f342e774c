/**
 * Runs `segment` off the UI thread through the pane's job runner (../jobRunner.ts): a Web Worker
 * where there is one, else here after a painted frame. The engine's policy maths is loaded for that
 * fallback only, so the pane's own bundle does not carry it (the worker bundle does).
 */
import { JobKind, JobProgress, JobRunner, JobWorker, createJobRunner } from "../jobRunner";
import type { SegmentJob, SegmentOutcome } from "./segmentJob";

/** The part of a Web Worker the runner uses (a fake in tests). */
export type WorkerLike = JobWorker<SegmentJob, SegmentOutcome>;

/** Reports SKUs done of total while the forecasts run (the slow part of a segmentation). */
export type ComputeProgress = JobProgress;

/**
 * Segments a job, calling `onProgress` as the engine reports; rejects with ComputeCancelledError
 * when `signal` aborts first.
 */
export type SegmentRunner = JobRunner<SegmentJob, SegmentOutcome>;

/** The computation was cancelled before it finished; nothing was written. */
export class ComputeCancelledError extends Error {
  constructor() {
    super("The segmentation was cancelled; nothing was written.");
    this.name = "AbortError";
  }
}

const SEGMENT_JOB: JobKind<SegmentJob, SegmentOutcome> = {
  async runHere(job, onProgress) {
    const { runSegmentJob } = await import(/* webpackChunkName: "segment-fallback" */ "./segmentJob");
    return runSegmentJob(job, onProgress);
  },
  cancelled: () => new ComputeCancelledError(),
};

/**
 * A runner that uses the workers `createWorker` makes (null or a failure: no worker, compute
 * in-thread).
 */
export function createSegmentRunner(createWorker: () => Promise<WorkerLike | null>): SegmentRunner {
  return createJobRunner(SEGMENT_JOB, createWorker);
}

/** The browser's Web Worker when there is one. */
async function browserWorker(): Promise<WorkerLike | null> {
  if (typeof Worker === "undefined") return null;
  const { createSegmentWorker } = await import(/* webpackMode: "eager" */ "./workerFactory");
  return createSegmentWorker();
}

export const runSegmentation: SegmentRunner = createSegmentRunner(browserWorker);
