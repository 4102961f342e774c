/** The stress test off the UI thread: the worker protocol (progress, outcome, engine error), cancel, the fallback. */
import { CellValue } from "../../../src/engine/report";
import { ColumnMapping } from "../../../src/engine/segmentation/input";
import { DEFAULT_SETTINGS } from "../../../src/engine/segmentation/settings";
import { DEFAULT_STRESS_SETTINGS } from "../../../src/engine/simulation/stress";
import {
  StressJob,
  StressMessage,
  answerStressJob,
  runStressJob,
} from "../../../src/taskpane/stress/stressJob";
import {
  StressCancelledError,
  StressWorkerLike,
  createStressRunner,
} from "../../../src/taskpane/stress/stressRunner";

const rows: CellValue[][] = [
  ["A", 10, 50, 2, 5, 7, 6, 5, 8, 6],
  ["B", 3, 500, 1, 1, 0, 2, 3, 0, 1],
  ["C", null, 5, 1, 1, 1, 1, 1, 1, 1],
];
const mapping: ColumnMapping = {
  columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3 },
  history: [4, 5, 6, 7, 8, 9],
  periodUnit: "week",
  leadTimeUnit: "period",
};
const JOB: StressJob = {
  input: { headers: ["SKU", "Cost", "On hand", "LT", "W1", "W2", "W3", "W4", "W5", "W6"], rows },
  mapping,
  settings: { ...DEFAULT_SETTINGS, asOfDate: 45657 },
  stress: { ...DEFAULT_STRESS_SETTINGS, replications: 10, periods: 20 },
};

/** A worker that answers like stress.worker.ts a moment later. */
class FakeWorker implements StressWorkerLike {
  onmessage: StressWorkerLike["onmessage"] = null;
  onerror: StressWorkerLike["onerror"] = null;
  terminated = false;

  constructor(private readonly behaviour: "answer" | "silent" | "fail-to-load" | "engine-error" = "answer") {}

  postMessage(job: StressJob): void {
    const copy = structuredClone(job);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === "fail-to-load") {
        this.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
        return;
      }
      if (this.behaviour === "silent") return;
      const post = (m: StressMessage) =>
        this.onmessage?.({ data: structuredClone(m) } as MessageEvent<StressMessage>);
      if (this.behaviour === "engine-error") post({ kind: "failed", message: "engine says no" });
      else answerStressJob(copy, post);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe("createStressRunner", () => {
  test("runs in the worker, forwards progress, returns the outcome and terminates the worker", async () => {
    const worker = new FakeWorker();
    const progress: [number, number][] = [];
    const outcome = await createStressRunner(async () => worker)(JOB, new AbortController().signal, (d, t) =>
      progress.push([d, t]),
    );
    expect(worker.terminated).toBe(true);
    // Two SKUs simulated (C has no unit cost: an exception); the last message says all are done.
    expect(progress[progress.length - 1]).toEqual([2, 2]);
    expect(outcome.skus).toBe(2);
    expect(outcome.scenarios.map((s) => s.name)).toEqual(
      DEFAULT_STRESS_SETTINGS.scenarios.map((s) => s.name),
    );
    expect(outcome.scenarios[0].cashVsBaseline).toBe(0);
    expect(outcome.report.sheets.map((s) => s.name)).toEqual(["WC Stress test"]);
    // The same seed gives the same result in the worker and in this thread.
    expect(outcome).toEqual(runStressJob(JOB));
  });

  test("an engine error in the worker rejects with its message; a bad job is refused in words", async () => {
    await expect(
      createStressRunner(async () => new FakeWorker("engine-error"))(
        JOB,
        new AbortController().signal,
        () => {},
      ),
    ).rejects.toThrow("engine says no");
    const posted: StressMessage[] = [];
    answerStressJob({ ...JOB, stress: { ...JOB.stress, replications: 0 } }, (m) => posted.push(m));
    expect(posted).toEqual([
      {
        kind: "failed",
        message: expect.stringMatching(/Replications must be a whole number from 1 to 100,000/),
      },
    ]);
  });

  test("Cancel terminates the worker at once", async () => {
    const worker = new FakeWorker("silent");
    const controller = new AbortController();
    const result = createStressRunner(async () => worker)(JOB, controller.signal, () => {});
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(StressCancelledError);
    expect(worker.terminated).toBe(true);
  });

  test("a worker that cannot load, or no worker, runs in this thread with the same result", async () => {
    const viaFallback = await createStressRunner(async () => new FakeWorker("fail-to-load"))(
      JOB,
      new AbortController().signal,
      () => {},
    );
    const inThread = await createStressRunner(async () => null)(JOB, new AbortController().signal, () => {});
    expect(viaFallback).toEqual(inThread);
  });

  test("progress messages are throttled to one per 100 ms, the last one always sent", () => {
    let clock = 0;
    const posted: StressMessage[] = [];
    const many = {
      ...JOB,
      input: { ...JOB.input, rows: Array.from({ length: 600 }, (_, i) => [`S${i}`, ...rows[0].slice(1)]) },
    };
    answerStressJob(
      many,
      (m) => posted.push(m),
      () => (clock += 1),
    );
    const progress = posted.filter((m) => m.kind === "progress");
    // The engine reports more often than that; within 100 ms only the first and the last get through.
    let reports = 0;
    runStressJob(many, () => reports++);
    expect(reports).toBeGreaterThan(2);
    expect(progress).toEqual([
      { kind: "progress", done: 200, total: 600 },
      { kind: "progress", done: 600, total: 600 },
    ]);
    expect(posted[posted.length - 1].kind).toBe("done");
  });
});

describe("stress.worker.ts", () => {
  type Scope = { onmessage?: (e: { data: StressJob }) => void; postMessage?: (m: StressMessage) => void };
  const scope = globalThis as unknown as Scope;

  afterEach(() => {
    delete scope.onmessage;
    delete scope.postMessage;
  });

  test("answers a job with progress and the outcome", async () => {
    const posted: StressMessage[] = [];
    scope.postMessage = (m) => posted.push(m);
    await import("../../../src/taskpane/stress.worker");
    scope.onmessage?.({ data: JOB });
    expect(posted.map((m) => m.kind)).toEqual(["progress", "done"]);
  });
});
