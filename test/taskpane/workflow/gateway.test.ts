/** One report write at a time: the Segment and Stress test tabs never interleave their writes. */
import { Report } from "../../../src/engine/report";
import { WriteResult } from "../../../src/excel/writeReport";
import { WorkbookGateway, oneWriteAtATime } from "../../../src/taskpane/workflow/gateway";

const REPORT: Report = { sheets: [] };
const RESULT = { sheets: [] } as unknown as WriteResult;

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

test("a second write starts only when the first has ended, even when the first failed", async () => {
  const log: string[] = [];
  const gates = [deferred(), deferred(), deferred()];
  let call = 0;
  const inner = {
    writeReport: async () => {
      const k = call++;
      log.push(`start ${k}`);
      await gates[k].promise;
      log.push(`end ${k}`);
      return RESULT;
    },
  } as unknown as WorkbookGateway;
  const gateway = oneWriteAtATime(inner);

  const first = gateway.writeReport(REPORT, {});
  const second = gateway.writeReport(REPORT, {});
  await tick();
  expect(log).toEqual(["start 0"]);
  gates[0].reject(new Error("RichApi.Error"));
  await expect(first).rejects.toThrow("RichApi.Error");
  await tick();
  expect(log).toEqual(["start 0", "start 1"]);
  const third = gateway.writeReport(REPORT, {});
  gates[1].resolve();
  await expect(second).resolves.toBe(RESULT);
  await tick();
  expect(log).toEqual(["start 0", "start 1", "end 1", "start 2"]);
  gates[2].resolve();
  await expect(third).resolves.toBe(RESULT);
});

test("everything but writeReport is the gateway's own", () => {
  const readSelection = jest.fn();
  const inner = { readSelection, writeReport: jest.fn() } as unknown as WorkbookGateway;
  expect(oneWriteAtATime(inner).readSelection).toBe(readSelection);
});
