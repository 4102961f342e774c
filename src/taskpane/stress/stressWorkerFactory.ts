/**
 * Creates the stress-test worker. Kept in a module of its own, loaded only where `Worker` exists:
 * `import.meta` is valid only in an ES module, and the CommonJS test build never loads this file.
 */
import type { StressWorkerLike } from "./stressRunner";

export function createStressWorker(): StressWorkerLike {
  return new Worker(new URL("../stress.worker.ts", import.meta.url), { name: "stress" });
}
