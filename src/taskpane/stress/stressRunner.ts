/**
 * Runs a stress test off the UI thread, like workflow/runner.ts does for `segment`: one Web Worker
 * per run, progress forwarded as it comes, terminated when done or cancelled (a simulation cannot
 * be interrupted from outside any other way). Without workers (jsdom, an old host) or when the
 * worker cannot start, it runs here after a painted frame; the engine is loaded for that fallback
 * only, so the pane's own bundle does not carry the simulation.
 */
import { afterPaint } from "../workflow/runner";
import type { StressJob, StressMessage, StressOutcome } from "./stressJob";

/** The part of a Web Worker the runner uses (a fake in tests). */
export interface StressWorkerLike {
  onmessage: ((event: MessageEvent<StressMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(job: StressJob): void;
  terminate(): void;
}

/** Runs a job, calling `onProgress(done, total)` with SKUs simulated; rejects with StressCancelledError on abort. */
export type StressRunner = (
  job: StressJob,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
) => Promise<StressOutcome>;

/** The simulation was cancelled before it finished; nothing was written. */
export class StressCancelledError extends Error {
  constructor() {
    super("The stress test was cancelled; nothing was written.");
    this.name = "AbortError";
  }
}

async function runInThread(
  job: StressJob,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<StressOutcome> {
  const [{ runStressJob }] = await Promise.all([
    import(/* webpackChunkName: "stress-fallback" */ "./stressJob"),
    afterPaint(),
  ]);
  if (signal.aborted) throw new StressCancelledError();
  const outcome = runStressJob(job, (p) => onProgress(p.done, p.total));
  if (signal.aborted) throw new StressCancelledError();
  return outcome;
}

function runInWorker(
  worker: StressWorkerLike,
  job: StressJob,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<StressOutcome> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      then();
    };
    const onAbort = () => settle(() => reject(new StressCancelledError()));
    signal.addEventListener("abort", onAbort);
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.kind === "progress") onProgress(message.done, message.total);
      else if (message.kind === "done") settle(() => resolve(message.outcome));
      else settle(() => reject(new Error(message.message)));
    };
    // Engine errors arrive as "failed" messages: an error event means the worker could not run.
    worker.onerror = (event) => {
      event.preventDefault();
      settle(() => runInThread(job, signal, onProgress).then(resolve, reject));
    };
    try {
      worker.postMessage(job);
    } catch {
      settle(() => runInThread(job, signal, onProgress).then(resolve, reject));
    }
  });
}

/** A runner over the workers `createWorker` makes (null or a failure: compute in-thread). */
export function createStressRunner(createWorker: () => Promise<StressWorkerLike | null>): StressRunner {
  return async (job, signal, onProgress) => {
    if (signal.aborted) throw new StressCancelledError();
    let worker: StressWorkerLike | null = null;
    try {
      worker = await createWorker();
    } catch {
      worker = null;
    }
    return worker ? runInWorker(worker, job, signal, onProgress) : runInThread(job, signal, onProgress);
  };
}

async function browserWorker(): Promise<StressWorkerLike | null> {
  if (typeof Worker === "undefined") return null;
  const { createStressWorker } = await import(/* webpackMode: "eager" */ "./stressWorkerFactory");
  return createStressWorker();
}

export const runStressTest: StressRunner = createStressRunner(browserWorker);
