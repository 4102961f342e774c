/**
 * Runs a pane job (a segmentation, a stress test) off the UI thread. Where `Worker` exists the job
 * goes to a Web Worker (one per run, terminated when done or cancelled: a computation cannot be
 * interrupted from outside any other way); elsewhere (jsdom tests, a host without workers) and if
 * the worker cannot start, it runs here after a painted frame, so the progress bar shows before
 * the work begins. The worker posts its progress and then the outcome as JobMessage values.
 */

/** What a job's worker posts: progress as it goes, then the outcome or the engine's error. */
export type JobMessage<Outcome> =
  | { kind: "progress"; done: number; total: number }
  | { kind: "done"; outcome: Outcome }
  | { kind: "failed"; message: string };

/** The part of a Web Worker a runner uses (a fake in tests). */
export interface JobWorker<Job, Outcome> {
  onmessage: ((event: MessageEvent<JobMessage<Outcome>>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(job: Job): void;
  terminate(): void;
}

/** Reports work done of total as the job goes. */
export type JobProgress = (done: number, total: number) => void;

/** Runs a job, calling `onProgress` as it reports; rejects with the kind's cancel error on abort. */
export type JobRunner<Job, Outcome> = (
  job: Job,
  signal: AbortSignal,
  onProgress?: JobProgress,
) => Promise<Outcome>;

/** One kind of job: how to run it in this thread, and the error a cancelled run rejects with. */
export interface JobKind<Job, Outcome> {
  /**
   * Runs the job here. Loads the engine lazily, so the pane's own bundle does not carry what only
   * the worker bundle needs.
   */
  runHere(job: Job, onProgress?: JobProgress): Promise<Outcome>;
  cancelled(): Error;
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

async function runInThread<Job, Outcome>(
  kind: JobKind<Job, Outcome>,
  job: Job,
  signal: AbortSignal,
  onProgress?: JobProgress,
): Promise<Outcome> {
  await afterPaint();
  if (signal.aborted) throw kind.cancelled();
  const outcome = await kind.runHere(job, onProgress);
  if (signal.aborted) throw kind.cancelled();
  return outcome;
}

function runInWorker<Job, Outcome>(
  kind: JobKind<Job, Outcome>,
  worker: JobWorker<Job, Outcome>,
  job: Job,
  signal: AbortSignal,
  onProgress?: JobProgress,
): Promise<Outcome> {
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
    const onAbort = () => settle(() => reject(kind.cancelled()));
    signal.addEventListener("abort", onAbort);
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.kind === "progress") onProgress?.(message.done, message.total);
      else if (message.kind === "done") settle(() => resolve(message.outcome));
      else settle(() => reject(new Error(message.message)));
    };
    // Engine errors arrive as "failed" messages, so an error event means the worker itself could
    // not run (its script failed to load): compute here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      settle(() => runInThread(kind, job, signal, onProgress).then(resolve, reject));
    };
    try {
      worker.postMessage(job);
    } catch {
      settle(() => runInThread(kind, job, signal, onProgress).then(resolve, reject));
    }
  });
}

/** A runner over the workers `createWorker` makes (null or a failure: compute in this thread). */
export function createJobRunner<Job, Outcome>(
  kind: JobKind<Job, Outcome>,
  createWorker: () => Promise<JobWorker<Job, Outcome> | null>,
): JobRunner<Job, Outcome> {
  return async (job, signal, onProgress) => {
    if (signal.aborted) throw kind.cancelled();
    let worker: JobWorker<Job, Outcome> | null = null;
    try {
      worker = await createWorker();
    } catch {
      worker = null;
    }
    return worker
      ? runInWorker(kind, worker, job, signal, onProgress)
      : runInThread(kind, job, signal, onProgress);
  };
}

/** Answers a job inside a worker: posts progress, then the outcome or the engine's error message. */
export function answerJob<Outcome>(
  run: (onProgress: JobProgress) => Outcome,
  post: (message: JobMessage<Outcome>) => void,
  onProgress: JobProgress = (done, total) => post({ kind: "progress", done, total }),
): void {
  try {
    post({ kind: "done", outcome: run(onProgress) });
  } catch (error) {
    post({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
  }
}
