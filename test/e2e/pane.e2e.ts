/**
 * End-to-end (`npm run e2e`, after `npm run build`): the built task pane in headless Chromium, in a
 * 350×900 pane, against the in-memory fake Excel seeded with the sample SKU table (2,000 SKUs ×
 * 104 weeks on Sheet1, A1 selected). A user's path: select → confirm columns → settings → Run →
 * result; then next month's one-click refresh (with WC Variance), a cancelled run, a stress test
 * of the last run's policies, and the function list. The written workbook is checked against the
 * engine's own Report (and stress-test sheet) for the same table and settings.
 * Screenshots of every step go to test-output/e2e/ — look at them.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Locator } from "playwright-core";
import { Field, FIELD_LABELS, FIELDS } from "../../src/engine/segmentation/input";
import { autoMap } from "../../src/engine/segmentation/mapping";
import { excelSerialToIso } from "../../src/engine/segmentation/periods";
import { SHEET_NAMES } from "../../src/engine/segmentation/segment";
import { withDefaults } from "../../src/engine/segmentation/settings";
import {
  DEFAULT_STRESS_SETTINGS,
  STRESS_SHEET_NAME,
  Scenario,
  withBaseline,
} from "../../src/engine/simulation/stress";
import { STRESS_TABLE_NAMES } from "../../src/engine/simulation/stress/sheet";
import { runStressJob } from "../../src/taskpane/stress/stressJob";
import {
  VARIANCE_SHEET_NAME,
  planFromSegmentationTable,
  varianceTable,
} from "../../src/engine/segmentation/variance";
import { DIST, openPane, PaneSession } from "./browser";
import { E2EHandle, HANDLE_GLOBAL, WorkbookSnapshot } from "./fixture";
import {
  checkOtherSheets,
  checkRowTables,
  checkSummary,
  compareNamedTable,
  compareTableValues,
  NumberMatch,
  expectedResult,
  reportTable,
} from "./reportChecks";
import { INPUT_SHEET, sampleWorkbook } from "./sampleWorkbook";
import { stepRunner } from "./steps";

const SETTINGS_NAMESPACE = "urn:elastic-fulfilment:settings";
/** The report sheets that hold one table at A1. */
const TABLE_SHEETS = [
  SHEET_NAMES.segmentation,
  SHEET_NAMES.exceptions,
  SHEET_NAMES.release,
  SHEET_NAMES.suppliers,
];
/** The stress test's run size: small, so the simulation takes a moment, not minutes. */
const STRESS_REPLICATIONS = 4;
const STRESS_PERIODS = 26;
/** A run over 2,000 rows takes a second or two; allow for a slow CI machine. */
const RUN_TIMEOUT_MS = 90_000;

const workbook = sampleWorkbook();
const { sample } = workbook;
const expected = expectedResult(sample);
const inputAddress = `${INPUT_SHEET}!A1:${columnName(workbook.grid[0].length)}${workbook.grid.length}`;
const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
  functions: { id: string; name: string }[];
};

let session: PaneSession | undefined;
const { step } = stepRunner(() => session);

function pane(): PaneSession {
  if (!session) throw new Error("The pane is not open.");
  return session;
}

/**
 * Runs a method of the fake's handle in the page. The result crosses as one JSON string: a
 * workbook snapshot holds ~300,000 cells, which Playwright's own serialiser moves far more slowly.
 */
async function onHandle<T>(fn: keyof E2EHandle, ...args: unknown[]): Promise<T> {
  const json = await pane().page.evaluate(
    ([global, name, rest]) => {
      const handle = (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[
        global
      ];
      return JSON.stringify(handle[name](...rest) ?? null);
    },
    [HANDLE_GLOBAL, fn, args] as [string, string, unknown[]],
  );
  return JSON.parse(json) as T;
}

const snapshot = (sheetNames?: string[]) => onHandle<WorkbookSnapshot>("snapshot", sheetNames);

const button = (name: string | RegExp) =>
  pane().page.getByRole("button", { name, exact: typeof name === "string" });

/** The workflow's step title (a level-2 heading). */
const stepHeading = (name: string) => pane().page.getByRole("heading", { level: 2, name, exact: true });

/**
 * Waits for the run to end on the result step. A run that fails or stops offers "Try again" (the
 * failure bar, or the stopped run step): then the step fails with what the pane says.
 */
async function waitForResult(): Promise<void> {
  const { page } = pane();
  const done = stepHeading("Report written");
  const stopped = button("Try again").first();
  await done.or(stopped).waitFor({ timeout: RUN_TIMEOUT_MS });
  if (!(await done.isVisible())) {
    const said = (await page.locator("main").innerText()).replace(/\s+/g, " ").trim();
    throw new Error(`The run did not finish; the pane says: ${said}`);
  }
}

/** Lets held round trips go one by one until `locator` shows (the pane stays mid-run). */
async function releaseSyncsUntil(locator: Locator): Promise<void> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  while (!(await locator.isVisible())) {
    if (Date.now() > deadline) throw new Error(`${locator} did not show while round trips were released`);
    if ((await onHandle<number>("heldSyncs")) > 0) await onHandle("releaseSync");
    else await pane().page.waitForTimeout(20);
  }
}

async function expectFocused(locator: Locator): Promise<void> {
  expect(await locator.evaluate((el) => el === document.activeElement)).toBe(true);
}

afterAll(async () => {
  await session?.close();
});

// ---------------------------------------------------------------- opening

step("opens the built pane inside the fake Excel on the Segment tab", { shot: "select-step" }, async () => {
  session = await openPane(workbook.fixture);
  const { page } = pane();
  await page.getByRole("heading", { level: 1, name: "Elastic Fulfilment" }).waitFor();
  expect(pane().officeJsServed).toBe(1);
  // Office.onReady said "Excel", so the pane must not claim to run outside Excel.
  expect(await page.getByText("Not running inside Excel.").count()).toBe(0);
  await stepHeading("Select your SKU table").waitFor();
  await page.getByText("Looking for saved settings…").waitFor({ state: "detached" });
  // A fresh workbook has no saved setup.
  expect(await button("Refresh with saved settings").count()).toBe(0);
  const seeded = await snapshot([INPUT_SHEET]);
  expect(`${INPUT_SHEET}!${seeded.sheets[0].usedAddress}`).toBe(inputAddress);
});

step("the Stress test tab waits for a segmentation, and says so", {}, async () => {
  const { page } = pane();
  await page.getByRole("tab", { name: "Stress test" }).click();
  await page.getByRole("heading", { level: 2, name: "Stress test", exact: true }).waitFor();
  await page.getByText("No policies to stress yet.").waitFor();
  await page.getByText(/Run a segmentation on the Segment tab first/).waitFor();
  expect(await button("Run stress test").isDisabled()).toBe(true);
  await page.getByText("Needs a segmentation run (see above).").waitFor();
  expect(await button("Use the saved setup").isEnabled()).toBe(true);
  await pane().screenshot("stress-before-run");
  await page.getByRole("tab", { name: "Segment" }).click();
  await stepHeading("Select your SKU table").waitFor();
});

// ---------------------------------------------------------------- select → columns → settings → run

step(
  "reads the whole table around the selected cell and proposes the engine's columns",
  { shot: "columns", fullPage: true },
  async () => {
    const { page } = pane();
    await button("Use selection").click();
    const heading = stepHeading("Confirm the columns");
    await heading.waitFor();
    await expectFocused(heading);
    await page.getByText(`${inputAddress} · 2,000 rows × 119 columns`).waitFor();
    const { mapping } = autoMap(sample.table.headers);
    for (const field of FIELDS) {
      const label = new RegExp(`^${escapeRegExp(fieldLabel(field))}\\s*\\*?$`);
      const column = mapping.columns[field];
      const chosen = await page.getByRole("combobox", { name: label }).inputValue();
      expect([field, chosen]).toEqual([field, column === undefined ? "" : String(column)]);
    }
    const rows = formatCount(sample.table.rows.length);
    await page.getByText(`${expected.summary.exceptions} of ${rows} rows will go to Exceptions.`).waitFor();
    expect(await page.getByText("Before the settings").count()).toBe(0);
  },
);

step("sets the as-of date in the settings", { shot: "settings", fullPage: true }, async () => {
  const { page } = pane();
  await button("Next: settings").click();
  await stepHeading("Settings").waitFor();
  await button(/Slow-moving and obsolete/).click();
  const asOf = page.getByLabel("As-of date");
  // The history's last day, so SLOB ages match the engine's reference run (not today's date).
  await asOf.fill(excelSerialToIso(sample.asOfDate) ?? "");
  await page.getByText("A fixed date: every run measures ages to it.").waitFor();
  expect(await page.getByText("Fix before running").count()).toBe(0);
});

step("runs with a progress bar and a Cancel button", { shot: "running" }, async () => {
  const { page } = pane();
  // Round trips go one at a time, so the screenshot shows the writing phase, not the result.
  await onHandle("holdSyncs", true);
  await button("Run").click();
  await stepHeading("Running").waitFor();
  await page.getByRole("progressbar").waitFor();
  await button("Cancel").waitFor();
  await releaseSyncsUntil(page.getByText("Writing the report sheets…"));
  // segment() ran in a Web Worker, off the UI thread (DESIGN §4.6), served from 127.0.0.1.
  expect(pane().workers.filter((url) => url.startsWith(pane().server.origin))).not.toEqual([]);
});

step("shows the headline figures and the written sheets", { shot: "result", fullPage: true }, async () => {
  const { page } = pane();
  await onHandle("holdSyncs", false);
  await waitForResult();
  const kpis = page.locator("dl > div");
  const shown = new Map<string, string>();
  for (const item of await kpis.all()) {
    shown.set((await item.locator("dt").innerText()).trim(), (await item.locator("dd").innerText()).trim());
  }
  expect(shown.get("SKUs segmented")).toBe(formatCount(expected.summary.segmented));
  expect(shown.get("Rows in Exceptions")).toBe(formatCount(expected.summary.exceptions));
  expect(shown.get("Cash release")).toBe(formatCount(expected.summary.release));
  for (const name of Object.values(SHEET_NAMES)) {
    await page.getByText(name, { exact: true }).first().waitFor();
  }
});

step("wrote the engine's report: row tables, Summary KPIs and charts, owned sheets", {}, async () => {
  const state = await snapshot();
  expect(checkRowTables(state, expected, sample)).toEqual([]);
  expect(checkSummary(state, expected)).toEqual([]);
  expect(checkOtherSheets(state, expected)).toEqual([]);
  for (const name of TABLE_SHEETS) {
    expect(compareTableValues(state, name, reportTable(expected, name))).toEqual([]);
  }
  expect(state.xmlParts.some((p) => p.namespaceUri === SETTINGS_NAMESPACE)).toBe(true);
  expect(state.calculationMode).toBe("Automatic");
  expect(state.largestRequestBytes).toBeLessThan(5_000_000);
});

step("left the input sheet untouched and wrote only owned sheets", {}, async () => {
  await expectInputUntouched();
});

// ---------------------------------------------------------------- next month: one click

step(
  "next month: reopened on the saved workbook, the pane refreshes in one click",
  { shot: "refreshed", fullPage: true },
  async () => {
    // Only the workbook survives: close the pane, open a new one on the workbook as saved.
    const saved = await snapshot();
    await expectNothingEscaped();
    await pane().close();
    session = undefined;
    session = await openPane({
      sheets: Object.fromEntries(saved.sheets.map((s) => [s.name, s.values])),
      sheetIds: Object.fromEntries(saved.sheets.map((s) => [s.name, s.id])),
      xmlParts: saved.xmlParts.map((p) => p.xml),
      selection: `${INPUT_SHEET}!C7`,
    });
    const { page } = pane();
    await page.getByText("Saved settings found").waitFor();
    await page.getByText(`Last run on ${inputAddress}`, { exact: false }).waitFor();
    await pane().screenshot("saved-setup-found");
    await button("Refresh with saved settings").click();
    await waitForResult();
    await page.getByText(/compared with the previous run \(“WC Segmentation”, [\d,]+ SKUs\)/).waitFor();
    const after = await snapshot();
    // Its own sheets rewritten in place (no "WC Summary (2)"), and the plan-vs-actual sheet added.
    expect(after.sheets.map((s) => s.name)).toEqual([
      ...saved.sheets.map((s) => s.name),
      VARIANCE_SHEET_NAME,
    ]);
    expect(checkRowTables(after, expected, sample)).toEqual([]);
    expect(checkSummary(after, expected)).toEqual([]);
    expect(checkOtherSheets(after, expected)).toEqual([]);
    for (const name of TABLE_SHEETS) {
      expect(compareTableValues(after, name, reportTable(expected, name))).toEqual([]);
    }
    // WC Variance: this run against the WC Segmentation the first run left (read back from the
    // sheet before it was replaced), exactly as the engine's varianceSheet computes it.
    const segmentation = reportTable(expected, SHEET_NAMES.segmentation);
    const variance = varianceTable(segmentation, planFromSegmentationTable(segmentation));
    expect(variance.rows.length).toBeGreaterThan(expected.summary.segmented);
    expect(compareTableValues(after, VARIANCE_SHEET_NAME, variance)).toEqual([]);
    const varianceSheetState = after.sheets.find((s) => s.name === VARIANCE_SHEET_NAME);
    expect(varianceSheetState?.frozenRows).toBe(1);
    await expectInputUntouched();
  },
);

step(
  "cancels a run that has started writing, and keeps the last complete report",
  { shot: "cancelled" },
  async () => {
    const { page } = pane();
    const before = await snapshot();
    await button("Another table").click();
    await button("Use selection").click();
    await stepHeading("Confirm the columns").waitFor();
    await button("Next: settings").click();
    // Let the plan be read and the table segmented, hold the write's first round trip (reading
    // which sheets the add-in owns), then cancel.
    await onHandle("holdSyncs", true);
    await button("Run").click();
    await releaseSyncsUntil(page.getByText("Writing the report sheets…"));
    await page.waitForFunction((global) => {
      const handle = (window as unknown as Record<string, { heldSyncs(): number }>)[global];
      return handle.heldSyncs() > 0;
    }, HANDLE_GLOBAL);
    await button("Cancel").click();
    await button("Cancelling…").waitFor();
    await pane().screenshot("cancelling");
    await onHandle("holdSyncs", false);
    await page
      .getByText("Cancelled before any sheet was written; the workbook is as it was.")
      .waitFor({ timeout: RUN_TIMEOUT_MS });
    await stepHeading("Settings").waitFor();
    const after = await snapshot();
    // Nothing was written: the report of the run before is still there, whole.
    expect(after.writes.slice(before.writes.length)).toEqual([]);
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(checkRowTables(after, expected, sample)).toEqual([]);
    await expectInputUntouched();
  },
);

// ---------------------------------------------------------------- the stress test

/** The scenarios the stress steps set up: the defaults, the outage limited to one supplier, one added. */
const stressScenarios: Scenario[] = [];

step(
  "the Stress test tab stresses the last run's policies; the editor edits and adds scenarios",
  { shot: "stress-editor", fullPage: true },
  async () => {
    const { page } = pane();
    await page.getByRole("tab", { name: "Stress test" }).click();
    await page.getByText(`Policies of the last run: ${inputAddress} · 2,000 rows × 119 columns.`).waitFor();
    const defaults = DEFAULT_STRESS_SETTINGS.scenarios.slice(1);
    const cards = page.getByRole("group", { name: /^Scenario \d+: / });
    expect(await cards.count()).toBe(defaults.length);

    // The outage hits one supplier of the table, picked from the table's own suppliers.
    const outage = page.getByRole("group", { name: "Supplier outage of scenario 4" });
    const picker = outage.getByRole("combobox", { name: "Supplier" });
    const suppliers = (await picker.locator("option").allTextContents()).slice(1);
    expect(suppliers.length).toBeGreaterThan(1);
    await picker.selectOption(suppliers[0]);

    // A new scenario: a deeper demand shock, checked as typed.
    await button("Add scenario").click();
    const added = page.getByRole("group", { name: "Scenario 5: Scenario 5" });
    await added.getByRole("textbox", { name: "Scenario 5 name" }).fill("Demand +50% for 8 periods");
    const shock = page.getByRole("group", { name: "Demand shock of scenario 5" });
    await shock.getByRole("spinbutton", { name: "For periods" }).fill("0");
    await shock.getByText("Must be a whole number ≥ 1.").waitFor();
    expect(await button("Run stress test").isDisabled()).toBe(true);
    await shock.getByRole("spinbutton", { name: "For periods" }).fill("8");
    await shock.getByRole("spinbutton", { name: "Demand change, %" }).fill("50");

    await page
      .getByRole("spinbutton", { name: "Replications", exact: true })
      .fill(String(STRESS_REPLICATIONS));
    await page.getByRole("spinbutton", { name: "Periods", exact: true }).fill(String(STRESS_PERIODS));
    expect(await page.getByText("Fix before running").count()).toBe(0);
    expect(await button("Run stress test").isEnabled()).toBe(true);
    stressScenarios.push(
      ...defaults.map((s) => (s.outagePeriods !== undefined ? { ...s, outageSupplier: suppliers[0] } : s)),
      { name: "Demand +50% for 8 periods", demandShockPct: 50, shockStart: 1, shockPeriods: 8 },
    );
  },
);

step(
  "runs the stress test in its Web Worker with a progress bar and Cancel",
  { shot: "stress-running" },
  async () => {
    const { page } = pane();
    const workersBefore = pane().workers.length;
    // Hold the write, so the progress (simulating, then writing) stays on screen.
    await onHandle("holdSyncs", true);
    await button("Run stress test").click();
    await page.getByRole("progressbar").waitFor();
    await button("Cancel").waitFor();
    await page
      .getByText(/^(Segmenting and preparing the simulation…|Simulating [\d,]+ of [\d,]+ SKUs…)$/)
      .first()
      .waitFor();
    await releaseSyncsUntil(page.getByText("Writing WC Stress test…"));
    // The simulation ran in the stress bundle's worker, served from 127.0.0.1.
    const started = pane().workers.slice(workersBefore);
    expect(
      started.filter((url) => url.startsWith(pane().server.origin) && /\/stress\.js$/.test(url)),
    ).toHaveLength(1);
  },
);

step(
  "writes WC Stress test as the engine computes it, and shows the scenarios",
  { shot: "stress-result", fullPage: true },
  async () => {
    const { page } = pane();
    await onHandle("holdSyncs", false);
    const written = page.getByRole("heading", { level: 3, name: "Stress test written" });
    await written.waitFor({ timeout: RUN_TIMEOUT_MS });

    const { mapping } = autoMap(sample.table.headers);
    const expectedStress = runStressJob({
      input: sample.table,
      mapping,
      settings: withDefaults({ asOfDate: sample.asOfDate }),
      stress: {
        ...DEFAULT_STRESS_SETTINGS,
        replications: STRESS_REPLICATIONS,
        periods: STRESS_PERIODS,
        scenarios: withBaseline(stressScenarios),
      },
    });
    // The pane's summary: one row per scenario, Baseline first.
    const rows = page.getByRole("table", { name: "Stress test written" }).getByRole("row");
    const names = (await rows.allInnerTexts()).slice(1).map((r) => r.split(/\t|\n/)[0].trim());
    expect(names).toEqual(expectedStress.scenarios.map((s) => s.name));
    await page
      .getByText(
        `${formatCount(expectedStress.skus)} SKUs × ${STRESS_REPLICATIONS} replications × ${STRESS_PERIODS} periods per scenario`,
        { exact: false },
      )
      .waitFor();

    // The sheet: every table cell as the engine's stressSheet, and its service-vs-cash scatter chart.
    const state = await snapshot();
    const want = expectedStress.report.sheets[0];
    expect(want.name).toBe(STRESS_SHEET_NAME);
    const sheet = state.sheets.find((s) => s.name === STRESS_SHEET_NAME);
    expect(sheet).toBeDefined();
    const tables = want.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
    expect(sheet?.tables.map((t) => t.name).sort()).toEqual(tables.map((t) => t.name).sort());
    // Labels, SKUs, blanks and counts exactly. Numbers: Chromium's V8 rounds Math.exp/log/pow in
    // the last bit differently from Node's (measured: ~5% of results), so a reorder point a hair
    // apart can flip one simulated order: the headline table within Monte Carlo noise, the rest
    // numbers where the engine has numbers. test/taskpane/stress/ checks every cell exactly.
    for (const table of tables) {
      const numbers: NumberMatch =
        table.name === STRESS_TABLE_NAMES.scenarios ? { relative: 0.02, absolute: 0.01 } : "present";
      expect(compareNamedTable(state, STRESS_SHEET_NAME, table, numbers)).toEqual([]);
    }
    expect(sheet?.charts).toEqual(
      want.charts.map((c) => ({
        type: expect.stringMatching(/^XYScatter/),
        title: c.title,
        seriesCount: c.kind === "scatter" ? c.series.length : expect.any(Number),
      })),
    );
    expect(sheet?.charts.length).toBeGreaterThan(0);
    expect(checkOtherSheets(state, expected)).toEqual([]);
    await expectInputUntouched();
    // The result took the focus (so it scrolled into view below the long editor).
    await expectFocused(written);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await pane().screenshot("stress-result-view");
  },
);

// ---------------------------------------------------------------- the functions

step(
  "lists every WCAP function of functions.json on the Functions tab",
  { shot: "functions", fullPage: true, always: true },
  async () => {
    const { page } = pane();
    await page.getByRole("tab", { name: "Functions" }).click();
    const total = metadata.functions.length;
    await page
      .getByRole("status")
      .filter({ hasText: `${total} functions` })
      .waitFor();
    const headings = await page
      .getByRole("heading", { level: 3 })
      .filter({ hasText: /^=WCAP\./ })
      .allTextContents();
    expect(headings).toHaveLength(total);
    for (const fn of metadata.functions) {
      expect(headings.some((h) => h.startsWith(`=WCAP.${fn.name}(`))).toBe(true);
    }
  },
);

step("registers the functions bundle through CustomFunctions.associate", { always: true }, async () => {
  const ids = await onHandle<string[]>("associatedFunctions");
  expect([...ids].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  // Shared runtime: the shipped functions compute in the page. z(0.95) × 10 × √4 (DESIGN §3).
  const safetyStock = await onHandle<unknown>("callFunction", "SAFETYSTOCK", 0.95, 10, 4);
  expect(Number([safetyStock].flat(2)[0])).toBeCloseTo(32.897072539029, 9);
});

step(
  "shows one tab at a time: the workflow is hidden on the Functions tab and the list on the Segment tab",
  { shot: "segment-tab-again", fullPage: true, always: true },
  async () => {
    const { page } = pane();
    const functionsTab = page.getByRole("tab", { name: "Functions" });
    const segmentTab = page.getByRole("tab", { name: "Segment" });
    const workflowSteps = page.getByRole("list", { name: "Steps" });
    const functionSearch = page.getByRole("searchbox", { name: "Search functions" });
    await functionsTab.click();
    await functionSearch.waitFor();
    expect(["Segment panel visible on the Functions tab", await workflowSteps.isVisible()]).toEqual([
      "Segment panel visible on the Functions tab",
      false,
    ]);
    await segmentTab.click();
    await workflowSteps.waitFor();
    expect(["function list visible on the Segment tab", await functionSearch.isVisible()]).toEqual([
      "function list visible on the Segment tab",
      false,
    ]);
  },
);

step("sent nothing outside localhost and hit no page errors", { always: true }, async () => {
  await expectNothingEscaped();
});

// ---------------------------------------------------------------- helpers

/**
 * For the open session: no request left 127.0.0.1 but the intercepted Office.js, every file was
 * found, no uncaught exception, no console error or warning, no Office API used that the fake
 * lacks, and no Excel.run failed (a cancelled write ends in an AbortError, by design).
 */
async function expectNothingEscaped(): Promise<void> {
  const s = pane();
  expect(s.escapes).toEqual([]);
  expect(s.officeJsServed).toBe(1);
  expect(s.server.served.filter((r) => r.status !== 200 && r.path !== "/favicon.ico")).toEqual([]);
  expect(s.pageErrors).toEqual([]);
  expect(s.consoleProblems).toEqual([]);
  expect(await onHandle<string[]>("missingMembers")).toEqual([]);
  const { errors } = await onHandle<{ errors: string[] }>("runs");
  expect(errors.filter((e) => !e.startsWith("AbortError: Writing was cancelled"))).toEqual([]);
}

/** Sheet1 as seeded (values, no tables, charts or formats), no sheets but "WC " ones added, no writes elsewhere. */
async function expectInputUntouched(): Promise<void> {
  const after = await snapshot();
  const input = after.sheets.find((s) => s.name === INPUT_SHEET);
  expect(input).toBeDefined();
  expect(firstDifference(input?.values ?? [], workbook.grid)).toBeUndefined();
  expect(input?.tables).toEqual([]);
  expect(input?.charts).toEqual([]);
  expect(input?.conditionalFormats).toEqual([]);
  expect(input?.numberFormats).toEqual([]);
  expect(input?.frozenRows).toBe(0);
  const foreign = after.sheets.filter((s) => s.name !== INPUT_SHEET && !s.name.startsWith("WC "));
  expect(foreign.map((s) => s.name)).toEqual([]);
  expect(writesOutsideOwnedSheets(after)).toEqual([]);
}

function columnName(count: number): string {
  let n = count;
  let name = "";
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** The mapping step's label of a field: the engine's name with a capital ("Unit cost", "SKU"). */
function fieldLabel(field: Field): string {
  const label = FIELD_LABELS[field];
  return label[0].toUpperCase() + label.slice(1);
}

function formatCount(n: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(n);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The first cell where `actual` differs from `expected`, as "A1: got … expected …". */
function firstDifference(actual: unknown[][], expected: unknown[][]): string | undefined {
  const rows = Math.max(actual.length, expected.length);
  for (let r = 0; r < rows; r++) {
    const columns = Math.max(actual[r]?.length ?? 0, expected[r]?.length ?? 0);
    for (let c = 0; c < columns; c++) {
      const got = actual[r]?.[c] ?? "";
      const want = expected[r]?.[c] ?? "";
      if (got !== want) {
        return `${columnName(c + 1)}${r + 1}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
      }
    }
  }
  return undefined;
}

/**
 * Operations that changed a sheet other than the add-in's "WC " sheets: a range target the fake
 * resolved, or a sheet named in the request path (`worksheets.getItem("Sheet1")…`).
 */
function writesOutsideOwnedSheets(state: WorkbookSnapshot): string[] {
  const named =
    /worksheets\.(?:getItem|getItemOrNullObject|add)\("((?:[^"\\]|\\.)*)"\)|worksheets\[("(?:[^"\\]|\\.)*")\]/;
  return state.writes
    .map((w) => {
      const m = named.exec(w.path);
      const inPath: string | undefined = m
        ? m[1] !== undefined
          ? JSON.parse(`"${m[1]}"`)
          : JSON.parse(m[2])
        : undefined;
      const sheet = w.sheet ?? inPath;
      return { ...w, sheet: sheet !== undefined ? (state.sheetIds[sheet] ?? sheet) : undefined };
    })
    .filter((w) => w.sheet !== undefined && !w.sheet.startsWith("WC "))
    .map((w) => `${w.sheet}: ${w.path}.${w.member}${w.address ? ` @${w.address}` : ""}`);
}
