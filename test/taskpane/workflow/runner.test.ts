/** Segmenting off the UI thread: the worker protocol, cancel, and the in-thread fallback. */
import { CellValue } from "../../../src/engine/report";
import { ColumnMapping } from "../../../src/engine/segmentation/input";
import { DEFAULT_SETTINGS } from "../../../src/engine/segmentation/settings";
import {
  ComputeCancelledError,
  WorkerLike,
  createSegmentRunner,
} from "../../../src/taskpane/workflow/runner";
import { SegmentJob, WorkerReply, answerSegmentJob } from "../../../src/taskpane/workflow/segmentJob";

const rows: CellValue[][] = [
  ["A", 10, 50, 2, 5, 7, 6],
  ["B", 3, 500, 1, 1, 0, 2],
  ["C", null, 5, 1, 1, 1, 1],
];
const mapping: ColumnMapping = {
  columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3 },
  history: [4, 5, 6],
  periodUnit: "week",
  leadTimeUnit: "period",
};
const JOB: SegmentJob = {
  input: { headers: ["SKU", "Cost", "On hand", "LT", "W1", "W2", "W3"], rows },
  mapping,
  settings: { ...DEFAULT_SETTINGS, asOfDate: 45657 },
};

/** A worker that answers like segment.worker.ts, a moment later (structured clone included). */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  terminated = false;
  posted: SegmentJob[] = [];

  constructor(private readonly behaviour: "answer" | "silent" | "fail-to-load" | "engine-error" = "answer") {}

  postMessage(job: SegmentJob): void {
    this.posted.push(structuredClone(job));
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === "fail-to-load") {
        this.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
        return;
      }
      if (this.behaviour === "silent") return;
      const replies: WorkerReply[] = [];
      if (this.behaviour === "engine-error") replies.push({ kind: "failed", message: "engine says no" });
      else answerSegmentJob(job, (reply) => replies.push(structuredClone(reply)));
      for (const reply of replies) {
        if (this.terminated) return;
        this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
      }
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe("createSegmentRunner", () => {
  test("segments in the worker and terminates it afterwards", async () => {
    const worker = new FakeWorker();
    const run = createSegmentRunner(async () => worker);
    const outcome = await run(JOB, new AbortController().signal);
    expect(worker.posted).toHaveLength(1);
    expect(worker.terminated).toBe(true);
    expect(outcome.summary).toMatchObject({ inputRows: 3, segmented: 2, exceptions: 1 });
    expect(outcome.report.sheets.map((s) => s.name)).toContain("WC Segmentation");
  });

  test("forwards the engine's progress from the worker, and from the in-thread fallback", async () => {
    const viaWorker: [number, number][] = [];
    await createSegmentRunner(async () => new FakeWorker())(JOB, new AbortController().signal, (d, t) =>
      viaWorker.push([d, t]),
    );
    const inThread: [number, number][] = [];
    await createSegmentRunner(async () => null)(JOB, new AbortController().signal, (d, t) =>
      inThread.push([d, t]),
    );
    expect(viaWorker).toEqual([[2, 2]]);
    expect(inThread).toEqual(viaWorker);
  });

  test("a big table reports every 4,096 SKUs, then all of them", () => {
    const big: SegmentJob = {
      ...JOB,
      input: {
        headers: JOB.input.headers,
        rows: Array.from({ length: 5000 }, (_, i) => [`S${i}`, 10, 50, 2, 5 + (i % 3), 7, 6]),
      },
    };
    const posted: WorkerReply[] = [];
    answerSegmentJob(big, (reply) => posted.push(reply));
    expect(posted.filter((r) => r.kind === "progress")).toEqual([
      { kind: "progress", done: 4096, total: 5000 },
      { kind: "progress", done: 5000, total: 5000 },
    ]);
    expect(posted[posted.length - 1]).toMatchObject({
      kind: "done",
      outcome: { summary: { segmented: 5000 } },
    });
  });

  test("an engine error in the worker rejects with its message", async () => {
    const run = createSegmentRunner(async () => new FakeWorker("engine-error"));
    await expect(run(JOB, new AbortController().signal)).rejects.toThrow("engine says no");
  });

  test("Cancel terminates the worker at once", async () => {
    const worker = new FakeWorker("silent");
    const run = createSegmentRunner(async () => worker);
    const controller = new AbortController();
    const result = run(JOB, controller.signal);
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(ComputeCancelledError);
    expect(worker.terminated).toBe(true);
  });

  test("a worker that cannot load, or no worker at all, computes in this thread instead", async () => {
    const broken = new FakeWorker("fail-to-load");
    const viaFallback = await createSegmentRunner(async () => broken)(JOB, new AbortController().signal);
    expect(broken.terminated).toBe(true);
    const inThread = await createSegmentRunner(async () => null)(JOB, new AbortController().signal);
    const failingFactory = createSegmentRunner(async () => {
      throw new Error("Worker is blocked by the content security policy");
    });
    const afterFactoryError = await failingFactory(JOB, new AbortController().signal);
    expect(viaFallback.summary).toEqual(inThread.summary);
    expect(afterFactoryError.summary).toEqual(inThread.summary);
  });

  test("in this thread, a cancel before the work starts wins", async () => {
    const run = createSegmentRunner(async () => null);
    const controller = new AbortController();
    const result = run(JOB, controller.signal);
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(ComputeCancelledError);
    await expect(run(JOB, controller.signal)).rejects.toBeInstanceOf(ComputeCancelledError);
  });
});

describe("segment.worker.ts", () => {
  type Scope = { onmessage?: (e: { data: SegmentJob }) => void; postMessage?: (reply: WorkerReply) => void };
  const scope = globalThis as unknown as Scope;

  afterEach(() => {
    delete scope.onmessage;
    delete scope.postMessage;
  });

  test("answers a job with the outcome, and an engine error with its message", async () => {
    const posted: WorkerReply[] = [];
    scope.postMessage = (reply) => posted.push(reply);
    await import("../../../src/taskpane/segment.worker");
    scope.onmessage?.({ data: JOB });
    expect(posted.map((r) => r.kind)).toEqual(["progress", "done"]);
    expect(posted[1]).toMatchObject({ kind: "done", outcome: { summary: { segmented: 2 } } });
    scope.onmessage?.({ data: { ...JOB, input: null as unknown as SegmentJob["input"] } });
    expect(posted[2].kind).toBe("failed");
  });
});
