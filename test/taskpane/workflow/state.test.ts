/** The pane's state model: every transition of the workflow reducer. */
import { InputTable } from "../../../src/engine/segmentation/input";
import { autoMap } from "../../../src/engine/segmentation/mapping";
import { SegmentationSummary } from "../../../src/engine/segmentation/segment";
import { DEFAULT_SETTINGS } from "../../../src/engine/segmentation/settings";
import { WorkbookSetup } from "../../../src/engine/workbookParts/setup";
import {
  RunResult,
  WorkflowAction,
  WorkflowState,
  assignColumn,
  canShow,
  initialWorkflowState,
  workflowReducer,
} from "../../../src/taskpane/workflow/state";

const HEADERS = ["SKU", "Unit Cost", "On Hand", "Lead Time", "Std Cost", "2025-01", "2025-02"];
const TABLE: InputTable = { headers: HEADERS, rows: [["A", 1, 2, 3, 1, 4, 5]] };
const SOURCE = { table: TABLE, address: "Sheet1!A1:G2" };
const DETECTION = autoMap(HEADERS);

function apply(...actions: WorkflowAction[]): WorkflowState {
  return actions.reduce(workflowReducer, initialWorkflowState());
}

const read: WorkflowAction = { type: "tableRead", source: SOURCE, detection: DETECTION };

const RESULT: RunResult = {
  summary: { segmented: 1 } as SegmentationSummary,
  write: { sheets: ["WC Summary"], redirected: [], syncs: 3, largestPayloadBytes: 100, renamedTables: {} },
};

const SETUP: WorkbookSetup = {
  settings: { holdingRate: 0.2 },
  mapping: { columns: { sku: "SKU" }, history: [], periodUnit: "week", leadTimeUnit: "period" },
};

describe("workflowReducer", () => {
  test("starts on the first step with the default settings and nothing read", () => {
    const s = initialWorkflowState();
    expect(s).toMatchObject({
      step: "select",
      busy: null,
      settings: DEFAULT_SETTINGS,
      setup: { status: "unknown" },
    });
    expect(s.source).toBeUndefined();
  });

  test("a saved setup found on opening brings its settings over the defaults", () => {
    const s = apply({ type: "setupLoading" }, { type: "setupLoaded", setup: SETUP });
    expect(s.setup).toEqual({ status: "found", saved: SETUP });
    expect(s.settings).toEqual({ ...DEFAULT_SETTINGS, holdingRate: 0.2 });
    expect(apply({ type: "setupLoaded", setup: null }).setup).toEqual({ status: "none" });
    expect(apply({ type: "setupUnavailable", message: "no 1.5" }).setup).toEqual({
      status: "unavailable",
      message: "no 1.5",
    });
  });

  test("reading a table goes to the mapping step with the detected mapping", () => {
    const s = apply({ type: "taskStarted", task: "read" }, read);
    expect(s.step).toBe("map");
    expect(s.busy).toBeNull();
    expect(s.mapping).toBe(DETECTION.mapping);
    expect(s.origins).toEqual({});
    expect(s.notice).toBeUndefined();
  });

  test("a refresh that lacks saved columns reads the table with the saved mapping and says what is missing", () => {
    const saved = { ...DETECTION.mapping, columns: { ...DETECTION.mapping.columns, unitCost: 4 } };
    const s = apply({ ...read, mapping: saved, missing: ["The on hand column “Stock” is not in the table"] });
    expect(s.step).toBe("map");
    expect(s.mapping?.columns.unitCost).toBe(4);
    expect(s.origins).toEqual({ unitCost: "saved" });
    expect(s.notice?.intent).toBe("warning");
    expect(s.notice?.lines[0]).toBe("The on hand column “Stock” is not in the table.");
  });

  test("mapping a field takes the column from any other field and from the history", () => {
    let s = apply(read, { type: "mapField", field: "unitCost", column: 4 });
    expect(s.mapping?.columns.unitCost).toBe(4);
    expect(s.origins.unitCost).toBe("user");
    s = workflowReducer(s, { type: "mapField", field: "onHand", column: 4 });
    expect(s.mapping?.columns.onHand).toBe(4);
    expect(s.mapping?.columns.unitCost).toBeUndefined();
    s = workflowReducer(s, { type: "mapField", field: "annualDemand", column: 5 });
    expect(s.mapping?.history).toEqual([6]);
    s = workflowReducer(s, { type: "mapField", field: "annualDemand", column: null });
    expect(s.mapping?.columns.annualDemand).toBeUndefined();
    expect(assignColumn(DETECTION.mapping, "sku", null).columns.sku).toBeUndefined();
  });

  test("units change only the mapping's units", () => {
    const s = apply(read, { type: "setPeriodUnit", unit: "week" }, { type: "setLeadTimeUnit", unit: "day" });
    expect(s.mapping).toMatchObject({ periodUnit: "week", leadTimeUnit: "day" });
    expect(apply({ type: "setPeriodUnit", unit: "day" }).mapping).toBeUndefined();
  });

  test("goTo moves only to a step whose inputs exist, and never while busy", () => {
    expect(apply({ type: "goTo", step: "map" }).step).toBe("select");
    expect(apply({ type: "goTo", step: "result" }).step).toBe("select");
    expect(apply(read, { type: "goTo", step: "settings" }).step).toBe("settings");
    expect(apply(read, { type: "taskStarted", task: "read" }, { type: "goTo", step: "settings" }).step).toBe(
      "map",
    );
    const withNotice = apply(read, { type: "noticed", notice: { intent: "info", title: "x", lines: [] } });
    expect(workflowReducer(withNotice, { type: "goTo", step: "settings" }).notice).toBeUndefined();
  });

  test("settings change as a whole and reset to the defaults", () => {
    const changed = apply({ type: "settingsChanged", settings: { ...DEFAULT_SETTINGS, aCut: 0.7 } });
    expect(changed.settings.aCut).toBe(0.7);
    expect(workflowReducer(changed, { type: "settingsReset" }).settings).toBe(DEFAULT_SETTINGS);
  });

  test("a run: computing, then writing with progress, then the result (and the setup is now saved)", () => {
    let s = apply(read, { type: "goTo", step: "settings" }, { type: "runStarted", rows: 1 });
    expect(s).toMatchObject({
      step: "run",
      busy: "run",
      progress: { phase: "computing", rows: 1, cancelling: false },
    });
    expect(canShow(s, "run")).toBe(true);
    s = workflowReducer(s, { type: "computeProgress", done: 4096, total: 5000 });
    expect(s.progress).toMatchObject({ phase: "computing", done: 4096, total: 5000 });
    s = workflowReducer(s, { type: "runProgress", done: 5, total: 20 });
    expect(s.progress).toMatchObject({ phase: "writing", done: 5, total: 20 });
    // A late forecast report never moves the bar back to computing.
    expect(workflowReducer(s, { type: "computeProgress", done: 1, total: 2 })).toBe(s);
    s = workflowReducer(s, { type: "runSucceeded", result: RESULT, saved: SETUP });
    expect(s).toMatchObject({
      step: "result",
      busy: null,
      result: RESULT,
      setup: { status: "found", saved: SETUP },
    });
    expect(s.progress).toBeUndefined();
    expect(workflowReducer(s, { type: "goTo", step: "settings" }).step).toBe("settings");
  });

  test("a cancelled run returns to the settings with a notice", () => {
    let s = apply(read, { type: "runStarted", rows: 1 }, { type: "cancelRequested" });
    expect(s.progress?.cancelling).toBe(true);
    s = workflowReducer(s, { type: "runCancelled", lines: ["Cancelled; no sheet was left half-written."] });
    expect(s).toMatchObject({ step: "settings", busy: null, notice: { intent: "info", title: "Cancelled" } });
    expect(s.progress).toBeUndefined();
  });

  test("a failed run stays on the run step with the failure, ready to retry", () => {
    const failure = { task: "run" as const, title: "The report could not be written", message: "boom" };
    const s = apply(read, { type: "runStarted", rows: 1 }, { type: "taskFailed", failure });
    expect(s).toMatchObject({ step: "run", busy: null, failure });
    expect(s.progress).toBeUndefined();
    expect(canShow(s, "run")).toBe(true);
    expect(workflowReducer(s, { type: "dismissFailure" }).failure).toBeUndefined();
    expect(workflowReducer(s, { type: "runStarted", rows: 1 }).failure).toBeUndefined();
  });

  test("progress without a run is ignored", () => {
    const s = apply(read);
    expect(workflowReducer(s, { type: "runProgress", done: 1, total: 2 })).toBe(s);
    expect(workflowReducer(s, { type: "computeProgress", done: 1, total: 2 })).toBe(s);
    expect(workflowReducer(s, { type: "cancelRequested" })).toBe(s);
  });
});
