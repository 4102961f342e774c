/** Segmenting off the UI thread: the worker protocol, cancel, and the in-thread fallback. */
import { CellValue } from "../../../src/engine/report";
import { ColumnMapping } from "../../../src/engine/segmentation/input";
import { DEFAULT_SETTINGS } from "../../../src/engine/segmentation/settings";
import {
  ComputeCancelledError,
  WorkerLike,
  createSegmentRunner,
} from "../../../src/taskpane/workflow/runner";
import { SegmentJob, WorkerReply, replyTo } from "../../../src/taskpane/workflow/segmentJob";

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
      const reply: WorkerReply =
        this.behaviour === "engine-error"
          ? { ok: false, message: "engine says no" }
          : structuredClone(replyTo(job));
      this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
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
    expect(posted[0]).toMatchObject({ ok: true, outcome: { summary: { segmented: 2 } } });
    scope.onmessage?.({ data: { ...JOB, input: null as unknown as SegmentJob["input"] } });
    expect(posted[1].ok).toBe(false);
  });
});
