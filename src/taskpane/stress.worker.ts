/**
 * Web Worker entry of the stress test: receives a StressJob, posts progress and then the outcome
 * (StressMessage). Bundled by webpack 5 from `new Worker(new URL("./stress.worker.ts",
 * import.meta.url))` in stress/stressWorkerFactory.ts. Cancel = the pane terminates the worker.
 */
import { StressJob, StressMessage, answerStressJob } from "./stress/stressJob";

/** The part of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<StressJob>) => void) | null;
  postMessage(message: StressMessage): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => answerStressJob(event.data, (message) => scope.postMessage(message));
