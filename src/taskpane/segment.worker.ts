/**
 * Web Worker entry: segments a table off the UI thread. Receives a SegmentJob, posts its progress
 * and then the outcome as WorkerReply messages (the Report is plain data, so it is
 * structured-cloned as is). Bundled by webpack 5
 * from `new Worker(new URL("./segment.worker.ts", import.meta.url))` in workflow/workerFactory.ts.
 */
import { SegmentJob, WorkerReply, answerSegmentJob } from "./workflow/segmentJob";

/** The part of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SegmentJob>) => void) | null;
  postMessage(reply: WorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => answerSegmentJob(event.data, (reply) => scope.postMessage(reply));
