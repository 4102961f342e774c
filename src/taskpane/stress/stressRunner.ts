/**
 * Runs a stress test off the UI thread through the pane's job runner (../jobRunner.ts), as
 * workflow/runner.ts does for `segment`: one Web Worker per run, progress forwarded as it comes,
 * terminated when done or cancelled; without workers, here after a painted frame. The engine is
 * loaded for that fallback only, so the pane's own bundle does not carry the simulation.
 */
import { JobKind, JobRunner, JobWorker, createJobRunner } from "../jobRunner";
import type { StressJob, StressOutcome } from "./stressJob";

/** The part of a Web Worker the runner uses (a fake in tests). */
export type StressWorkerLike = JobWorker<StressJob, StressOutcome>;

/** Runs a job, calling `onProgress(done, total)` with SKUs simulated; rejects with StressCancelledError on abort. */
export type StressRunner = JobRunner<StressJob, StressOutcome>;

/** The simulation was cancelled before it finished; nothing was written. */
export class StressCancelledError extends Error {
  constructor() {
    super("The stress test was cancelled; nothing was written.");
    this.name = "AbortError";
  }
}

const STRESS_JOB: JobKind<StressJob, StressOutcome> = {
  async runHere(job, onProgress) {
    const { runStressJob } = await import(/* webpackChunkName: "stress-fallback" */ "./stressJob");
    return runStressJob(job, (p) => onProgress?.(p.done, p.total));
  },
  cancelled: () => new StressCancelledError(),
};

/** A runner over the workers `createWorker` makes (null or a failure: compute in-thread). */
export function createStressRunner(createWorker: () => Promise<StressWorkerLike | null>): StressRunner {
  return createJobRunner(STRESS_JOB, createWorker);
}

async function browserWorker(): Promise<StressWorkerLike | null> {
  if (typeof Worker === "undefined") return null;
  const { createStressWorker } = await import(/* webpackMode: "eager" */ "./stressWorkerFactory");
  return createStressWorker();
}

export const runStressTest: StressRunner = createStressRunner(browserWorker);
