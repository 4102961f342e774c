/**
 * Runs `segment` off the UI thread. Where `Worker` exists the job goes to a Web Worker (one per
 * run, terminated when done or cancelled); elsewhere (jsdom tests, a host without workers) and if
 * the worker cannot start, it runs here after yielding a frame, so the progress bar is painted
 * before the work begins. The engine's policy maths is loaded for that fallback only, so the
 * pane's own bundle does not carry it (the worker bundle does).
 */
import type { SegmentJob, SegmentOutcome, WorkerReply } from "./segmentJob";

/** The part of a Web Worker the runner uses (a fake in tests). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(job: SegmentJob): void;
  terminate(): void;
}

/** Segments a job; rejects with ComputeCancelledError when `signal` aborts first. */
export type SegmentRunner = (job: SegmentJob, signal: AbortSignal) => Promise<SegmentOutcome>;

/** The computation was cancelled before it finished; nothing was written. */
export class ComputeCancelledError extends Error {
  constructor() {
    super("The segmentation was cancelled; nothing was written.");
    this.name = "AbortError";
  }
}

/** Resolves after the browser has had a chance to paint (a frame, then a task). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const task = () => setTimeout(resolve, 0);
    const visible = typeof document === "undefined" || document.visibilityState === "visible";
    // A hidden page gets no animation frames: a plain task is enough there.
    if (typeof requestAnimationFrame === "function" && visible) requestAnimationFrame(task);
    else task();
  });
}

async function runInThread(job: SegmentJob, signal: AbortSignal): Promise<SegmentOutcome> {
  const [{ runSegmentJob }] = await Promise.all([
    import(/* webpackChunkName: "segment-fallback" */ "./segmentJob"),
    afterPaint(),
  ]);
  if (signal.aborted) throw new ComputeCancelledError();
  const outcome = runSegmentJob(job);
  if (signal.aborted) throw new ComputeCancelledError();
  return outcome;
}

function runInWorker(worker: WorkerLike, job: SegmentJob, signal: AbortSignal): Promise<SegmentOutcome> {
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
    const onAbort = () => settle(() => reject(new ComputeCancelledError()));
    signal.addEventListener("abort", onAbort);
    worker.onmessage = (event) => {
      const reply = event.data;
      settle(() => (reply.ok ? resolve(reply.outcome) : reject(new Error(reply.message))));
    };
    // The worker posts engine errors as replies, so an error event means the worker itself could
    // not run (its script failed to load): compute here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      settle(() => runInThread(job, signal).then(resolve, reject));
    };
    try {
      worker.postMessage(job);
    } catch {
      settle(() => runInThread(job, signal).then(resolve, reject));
    }
  });
}

/**
 * A runner that uses the workers `createWorker` makes (null or a failure: no worker, compute
 * in-thread).
 */
export function createSegmentRunner(createWorker: () => Promise<WorkerLike | null>): SegmentRunner {
  return async (job, signal) => {
    if (signal.aborted) throw new ComputeCancelledError();
    let worker: WorkerLike | null = null;
    try {
      worker = await createWorker();
    } catch {
      worker = null;
    }
    return worker ? runInWorker(worker, job, signal) : runInThread(job, signal);
  };
}

/** The browser's Web Worker when there is one. */
async function browserWorker(): Promise<WorkerLike | null> {
  if (typeof Worker === "undefined") return null;
  const { createSegmentWorker } = await import(/* webpackMode: "eager" */ "./workerFactory");
  return createSegmentWorker();
}

export const runSegmentation: SegmentRunner = createSegmentRunner(browserWorker);
