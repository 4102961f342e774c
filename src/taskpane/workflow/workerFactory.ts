/**
 * Creates the segmentation worker. Kept in a module of its own, loaded only where `Worker`
 * exists: `import.meta` is valid only in an ES module, and the CommonJS test build never loads
 * this file (jsdom has no Worker, so the runner computes in-thread there).
 */
import type { WorkerLike } from "./runner";

export function createSegmentWorker(): WorkerLike {
  return new Worker(new URL("../segment.worker.ts", import.meta.url), { name: "segment" });
}
