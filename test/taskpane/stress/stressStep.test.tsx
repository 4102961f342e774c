/** @jest-environment jsdom */
/**
 * The Stress test tab: the scenario editor and its validation, a run in a (fake) Web Worker with
 * progress and Cancel, and "WC Stress test" written with the engine's values on an owned sheet.
 */
import "../setup";
import { deserialize, serialize } from "v8";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CellValue, ReportTable } from "../../../src/engine/report";
import { autoMap } from "../../../src/engine/segmentation/mapping";
import { DEFAULT_SETTINGS } from "../../../src/engine/segmentation/settings";
import { DEFAULT_STRESS_SETTINGS, withBaseline } from "../../../src/engine/simulation/stress";
import { readSelectedTable } from "../../../src/excel/readSelection";
import {
  StressJob,
  StressMessage,
  answerStressJob,
  runStressJob,
} from "../../../src/taskpane/stress/stressJob";
import {
  StressRunner,
  StressWorkerLike,
  createStressRunner,
} from "../../../src/taskpane/stress/stressRunner";
import { formatAmount, formatCompactAmount } from "../../../src/taskpane/workflow/format";
import { officeGateway } from "../../../src/taskpane/workflow/gateway";
import { FakeExcel } from "../../support/fakeExcel";
import { serializeSetup, toSavedMapping } from "../../../src/engine/workbookParts/setup";
import { HEADERS, button, findHeading, renderPane, restoreOffice, workbook } from "../workflow/fixtures";

afterEach(restoreOffice);

/** The structured clone a worker message goes through (jsdom has no structuredClone; Node's v8 has the algorithm). */
function structuredCopy<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

/** A worker that answers like stress.worker.ts a moment later (structured clone included), or hangs after one progress message. */
class FakeStressWorker implements StressWorkerLike {
  onmessage: StressWorkerLike["onmessage"] = null;
  onerror: StressWorkerLike["onerror"] = null;
  terminated = false;
  progress: [number, number][] = [];

  constructor(private readonly behaviour: "answer" | "hang" = "answer") {}

  postMessage(job: StressJob): void {
    const cloned = structuredCopy(job);
    setTimeout(() => {
      if (this.terminated) return;
      const post = (message: StressMessage) => {
        if (this.terminated) return;
        if (message.kind === "progress") this.progress.push([message.done, message.total]);
        this.onmessage?.({ data: structuredCopy(message) } as MessageEvent<StressMessage>);
      };
      if (this.behaviour === "hang") post({ kind: "progress", done: 3, total: 6 });
      else answerStressJob(cloned, post, () => 0);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

function stressTab(): HTMLElement {
  return screen.getByRole("tab", { name: "Stress test" });
}

async function openStressTab(): Promise<void> {
  fireEvent.click(stressTab());
  await screen.findByRole("heading", { level: 2, name: "Stress test" });
}

/** Segment the fixture table on the Segment tab (select → columns → settings → Run). */
async function segmentFirst(): Promise<void> {
  fireEvent.click(button("Use selection"));
  await findHeading("Confirm the columns");
  fireEvent.click(button("Next: settings"));
  await findHeading("Settings");
  fireEvent.click(button("Run"));
  await findHeading("Report written");
}

function setNumber(label: string | RegExp, value: string, within_: HTMLElement = document.body): void {
  fireEvent.change(within(within_).getByRole("spinbutton", { name: label }), { target: { value } });
}

/** The body cells of the Excel table `name` on `sheet`, as written. */
function writtenTable(fx: FakeExcel, sheet: string, name: string): CellValue[][] {
  const table = fx
    .sheet(sheet)
    .tables()
    .find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name} on ${sheet}`);
  return fx
    .sheet(sheet)
    .values(table.address)
    .slice(1)
    .map((r) => r.map((v) => (v === "" ? null : v)));
}

function expectSameCells(got: CellValue[][], want: ReportTable): void {
  expect(got).toHaveLength(Math.max(1, want.rows.length));
  want.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const value = got[r][c];
      if (typeof cell === "number" && Number.isFinite(cell)) expect(value).toBeCloseTo(cell, 9);
      else expect([r, c, value]).toEqual([r, c, cell === "" ? null : cell]);
    }),
  );
}

describe("the Stress test tab", () => {
  test("before a run: says what it needs; the editor adds, edits and removes scenarios with messages at the fields", async () => {
    workbook();
    await renderPane();
    await openStressTab();
    expect(screen.getByText("No policies to stress yet.")).toBeTruthy();
    expect(screen.getByText(/Run a segmentation on the Segment tab first/)).toBeTruthy();
    expect((button("Run stress test") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("Needs a segmentation run (see above).")).toBeTruthy();

    // The default scenarios (the Baseline is implicit and runs first).
    const defaults = DEFAULT_STRESS_SETTINGS.scenarios.slice(1);
    expect(
      screen.getAllByRole("group", { name: /^Scenario \d: / }).map((g) => g.getAttribute("aria-label")),
    ).toEqual(defaults.map((s, i) => `Scenario ${i + 2}: ${s.name}`));

    fireEvent.click(button("Add scenario"));
    const added = screen.getByRole("group", { name: "Scenario 5: Scenario 5" });
    // A new scenario starts as a demand shock of +20% from period 1 for 13 periods.
    const shock = within(added).getByRole("group", { name: "Demand shock of scenario 5" });
    expect(
      (within(shock).getByRole("spinbutton", { name: "Demand change, %" }) as HTMLInputElement).value,
    ).toBe("20");
    setNumber("From period", "0", shock);
    expect(within(shock).getByText("Must be a whole number ≥ 1.")).toBeTruthy();
    expect((button("Run stress test") as HTMLButtonElement).disabled).toBe(true);
    setNumber("Demand change, %", "-150", shock);
    expect(within(shock).getByText("Must be a number above −100 (percent).")).toBeTruthy();

    // Switch on a supplier outage: its supplier picker offers every supplier (none mapped yet: all).
    fireEvent.click(within(added).getByRole("switch", { name: "Supplier outage" }));
    const outage = within(added).getByRole("group", { name: "Supplier outage of scenario 5" });
    expect(within(outage).getByRole("combobox", { name: "Supplier" }).textContent).toBe("All suppliers");

    // Two scenarios with one name: said once, at the name.
    fireEvent.change(within(added).getByRole("textbox", { name: "Scenario 5 name" }), {
      target: { value: defaults[0].name },
    });
    expect(within(added).getByText(/has the same name as scenario 2/)).toBeTruthy();

    fireEvent.click(button(`Remove scenario 5 (${defaults[0].name})`));
    expect(screen.queryByRole("group", { name: /^Scenario 5/ })).toBeNull();

    setNumber("Replications", "");
    expect(screen.getByText("Replications must be a whole number from 1 to 100,000.")).toBeTruthy();
    setNumber("Replications", "0.5");
    expect(screen.getByText("Replications must be a whole number from 1 to 100,000.")).toBeTruthy();
    setNumber("Replications", "20");
    expect(screen.queryByText(/Replications must be/)).toBeNull();
  });

  test("after a run: simulates in the worker with progress, writes WC Stress test with the engine's values next to a user's sheet of that name", async () => {
    const fx = workbook({ selection: "Data!C4" }, { "WC Stress test": [["my notes"]] });
    const workers: FakeStressWorker[] = [];
    const stressRunner = createStressRunner(async () => {
      const w = new FakeStressWorker();
      workers.push(w);
      return w;
    });
    await renderPane(undefined, { stressRunner });
    await segmentFirst();
    await openStressTab();
    expect(screen.getByText(/Policies of the last run: Data!A1:L8 · 7 rows × 12 columns/)).toBeTruthy();

    // Outage of one supplier of the table (the picker lists the table's suppliers).
    const card = screen.getByRole("group", { name: /^Scenario 4: / });
    const outage = within(card).getByRole("group", { name: "Supplier outage of scenario 4" });
    const picker = within(outage).getByRole("combobox", { name: "Supplier" }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual(["", "Acme", "Borg", "Cogs"]);
    fireEvent.change(picker, { target: { value: "Borg" } });
    setNumber("Replications", "20");
    setNumber("Periods", "26");
    fireEvent.click(button("Run stress test"));
    await screen.findByRole("heading", { level: 3, name: "Stress test written" }, { timeout: 20_000 });

    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
    expect(workers[0].progress.length).toBeGreaterThan(0);
    expect(fx.sheet("WC Stress test").values()).toEqual([["my notes"]]);
    expect(fx.sheetNames()).toContain("WC Stress test (2)");
    expect(screen.getByText(/Your sheet “WC Stress test” was left alone/)).toBeTruthy();

    // The engine's values for the same table, mapping, settings and stress settings.
    const { table } = await readSelectedTable(fx.context);
    const scenarios = DEFAULT_STRESS_SETTINGS.scenarios.map((s) =>
      s.outagePeriods !== undefined ? { ...s, outageSupplier: "Borg" } : s,
    );
    const expected = runStressJob({
      input: table,
      mapping: autoMap(table.headers).mapping,
      settings: DEFAULT_SETTINGS,
      stress: {
        ...DEFAULT_STRESS_SETTINGS,
        replications: 20,
        periods: 26,
        scenarios: withBaseline(scenarios),
      },
    });
    const sheet = expected.report.sheets[0];
    const tables = sheet.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
    expect(tables.length).toBeGreaterThan(1);
    for (const t of tables) expectSameCells(writtenTable(fx, "WC Stress test (2)", t.name), t);
    expect(
      fx
        .sheet("WC Stress test (2)")
        .charts()
        .map((c) => c.type),
    ).toEqual(sheet.charts.map((c) => (c.kind === "scatter" ? "XYScatterLines" : c.kind)));

    // The pane's table: one row per scenario with its fill rate.
    const rows = within(screen.getByRole("table", { name: "Stress test written" })).getAllByRole("row");
    expect(rows.slice(1).map((r) => within(r).getAllByRole("cell")[0].textContent)).toEqual(
      expected.scenarios.map((s) => s.name),
    );
    // Amounts are short for the narrow pane; the exact figure is the cell's tooltip.
    const baseline = within(rows[1]).getAllByRole("cell");
    expect(baseline[2].getAttribute("title")).toBe(formatAmount(expected.scenarios[0].averageValue));
    expect(baseline[2].textContent).toBe(formatCompactAmount(expected.scenarios[0].averageValue));
    expect(baseline[3].textContent).toBe("—");
    // The result takes the focus, so it scrolls into view below the long editor.
    expect(document.activeElement).toBe(
      screen.getByRole("heading", { level: 3, name: "Stress test written" }),
    );
    fireEvent.click(button("Open WC Stress test (2)"));
    await waitFor(() => expect(fx.selection.sheet?.name).toBe("WC Stress test (2)"));

    // A new segmentation run: the result of the policies before it is no longer shown.
    fireEvent.click(screen.getByRole("tab", { name: "Segment" }));
    fireEvent.click(button("Change settings"));
    await findHeading("Settings");
    fireEvent.click(button("Run"));
    await findHeading("Report written");
    await openStressTab();
    expect(screen.queryByRole("heading", { level: 3, name: "Stress test written" })).toBeNull();
    expect(screen.getByText(/Policies of the last run: Data!A1:L8/)).toBeTruthy();
  }, 30_000);

  test("Cancel stops the worker at once and writes nothing", async () => {
    const fx = workbook();
    const worker = new FakeStressWorker("hang");
    await renderPane(undefined, { stressRunner: createStressRunner(async () => worker) });
    await segmentFirst();
    const before = fx.sheetNames();
    await openStressTab();
    fireEvent.click(button("Run stress test"));
    await screen.findByText("Simulating 3 of 6 SKUs…");
    expect(screen.getByRole("progressbar")).toBeTruthy();
    await act(async () => {
      fireEvent.click(button("Cancel"));
    });
    expect(await screen.findByText("Nothing was written; the workbook is as it was.")).toBeTruthy();
    expect(worker.terminated).toBe(true);
    expect(fx.sheetNames()).toEqual(before);
    expect((button("Run stress test") as HTMLButtonElement).disabled).toBe(false);
  });

  test("without a run, the saved setup is applied to the selected table; without one, it says so", async () => {
    const fx = workbook({ selection: "Data!B3" });
    await renderPane();
    await openStressTab();
    fireEvent.click(button("Use the saved setup"));
    expect(await screen.findByText("No saved setup in this workbook")).toBeTruthy();

    const mapping = autoMap(HEADERS.map(String)).mapping;
    fx.addXmlPart(
      serializeSetup({
        settings: {},
        mapping: toSavedMapping(mapping, HEADERS.map(String)),
        input: { sheet: "Data", address: "Data!A1:L8" },
      }),
    );
    fireEvent.click(button("Use the saved setup"));
    expect(
      await screen.findByText(/Policies of the saved setup: Data!A1:L8 · 7 rows × 12 columns/),
    ).toBeTruthy();
    expect((button("Run stress test") as HTMLButtonElement).disabled).toBe(false);
  });

  test("errors are shown, never thrown: the engine's, Excel's while writing, and opening the sheet", async () => {
    const fx = workbook();
    let fail: "engine" | "write" | null = "engine";
    const runner = createStressRunner(async () => new FakeStressWorker());
    const stressRunner: StressRunner = async (job, signal, onProgress) => {
      if (fail === "engine") throw new RangeError("Invalid array length");
      return runner(job, signal, onProgress);
    };
    const office = officeGateway();
    await renderPane(
      {
        ...office,
        writeReport: (report, options) =>
          fail === "write"
            ? Promise.reject(new Error("RichApi.Error: The request payload size has exceeded the limit."))
            : office.writeReport(report, options),
        activateSheet: () => Promise.reject(new Error("ItemNotFound: the sheet was deleted")),
      },
      { stressRunner },
    );
    await segmentFirst();
    await openStressTab();
    setNumber("Replications", "5");
    setNumber("Periods", "13");

    fireEvent.click(button("Run stress test"));
    expect(await screen.findByText("The stress test could not run")).toBeTruthy();
    expect(screen.getByText(/Invalid array length/)).toBeTruthy();
    expect((button("Run stress test") as HTMLButtonElement).disabled).toBe(false);

    fail = "write";
    const before = fx.sheetNames();
    fireEvent.click(button("Run stress test"));
    expect(
      await screen.findByText("The stress test could not be written", undefined, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(screen.getByText(/payload size has exceeded the limit/)).toBeTruthy();
    expect(screen.queryByText("The stress test could not run")).toBeNull();
    expect(fx.sheetNames()).toEqual(before);

    fail = null;
    fireEvent.click(button("Run stress test"));
    await screen.findByRole("heading", { level: 3, name: "Stress test written" }, { timeout: 20_000 });
    expect(screen.queryByText("The stress test could not be written")).toBeNull();
    fireEvent.click(button("Open WC Stress test"));
    expect(await screen.findByRole("alert")).toHaveProperty(
      "textContent",
      "“WC Stress test” could not be shown: ItemNotFound: the sheet was deleted",
    );
  }, 30_000);
});
