/**
 * The task pane's one state model (Script Lab style): which step is shown, the table read from
 * the workbook, the column mapping, the settings, the progress of a run and its result. A pure
 * reducer; the long work (reading, segmenting, writing) runs in useWorkflow, outside render, and
 * reports back through these actions.
 */
import type { SegmentationSummary } from "../../engine/segmentation/segment";
import { ColumnMapping, Field, InputTable, PeriodUnit, TimeUnit } from "../../engine/segmentation/input";
import { AutoMapping } from "../../engine/segmentation/mapping";
import { DEFAULT_SETTINGS, SegmentationSettings, withDefaults } from "../../engine/segmentation/settings";
import { WorkbookSetup } from "../../engine/workbookParts/setup";
import { WriteResult } from "../../excel/writeReport";

export type StepId = "select" | "map" | "settings" | "run" | "result";

/** The steps in order, with the short names the step indicator shows. */
export const STEPS: readonly { id: StepId; label: string }[] = [
  { id: "select", label: "Data" },
  { id: "map", label: "Columns" },
  { id: "settings", label: "Settings" },
  { id: "run", label: "Run" },
  { id: "result", label: "Result" },
];

/** The table read from the workbook and where it is ("Sheet1!A1:H2001"). */
export interface TableSource {
  table: InputTable;
  address: string;
}

/** Work the pane does outside render; a failure names the one that failed, so it can be retried. */
export type Task = "read" | "refresh" | "run";

export interface Failure {
  task: Task;
  title: string;
  message: string;
}

export interface Notice {
  intent: "info" | "warning" | "success";
  title: string;
  lines: string[];
}

/** Why a field has its column, when not because the header matched: the user, or the saved setup. */
export type FieldOrigin = "user" | "saved";

export interface Progress {
  phase: "computing" | "writing";
  /** Input rows being segmented. */
  rows: number;
  /** SKUs forecast so far while computing, table rows written while writing; of `total` (0: not known yet). */
  done: number;
  total: number;
  cancelling: boolean;
}

export interface RunResult {
  summary: SegmentationSummary;
  write: WriteResult;
  /** Why the setup could not be saved in the workbook; absent when it was saved. */
  setupError?: string;
  /** The previous run's WC Segmentation that WC Variance compares with; absent on a first run. */
  plan?: { sheet: string; skus: number };
  /** Why the previous WC Segmentation could not serve as the plan (no WC Variance then). */
  planError?: string;
}

export type SetupStatus =
  | { status: "unknown" | "loading" | "none" }
  | { status: "found"; saved: WorkbookSetup }
  | { status: "unavailable"; message: string };

export interface WorkflowState {
  step: StepId;
  setup: SetupStatus;
  /** The task in flight, if any (buttons that would start another are disabled). */
  busy: Task | null;
  source?: TableSource;
  /** What autoMap proposed for the current table's headers (its confidence and warnings). */
  detection?: AutoMapping;
  mapping?: ColumnMapping;
  origins: Partial<Record<Field, FieldOrigin>>;
  settings: SegmentationSettings;
  progress?: Progress;
  result?: RunResult;
  failure?: Failure;
  notice?: Notice;
}

export type WorkflowAction =
  | { type: "setupLoading" }
  | { type: "setupLoaded"; setup: WorkbookSetup | null }
  | { type: "setupUnavailable"; message: string }
  | { type: "taskStarted"; task: "read" | "refresh" }
  | {
      type: "tableRead";
      source: TableSource;
      detection: AutoMapping;
      /** A mapping other than the detected one (the saved setup's, on a refresh). */
      mapping?: ColumnMapping;
      settings?: SegmentationSettings;
      /** Saved columns the table lacks, in words: shown on the mapping step. */
      missing?: string[];
    }
  | { type: "taskFailed"; failure: Failure }
  | { type: "noticed"; notice: Notice }
  | { type: "dismissFailure" }
  | { type: "dismissNotice" }
  | { type: "mapField"; field: Field; column: number | null }
  | { type: "setPeriodUnit"; unit: PeriodUnit }
  | { type: "setLeadTimeUnit"; unit: TimeUnit }
  | { type: "goTo"; step: Exclude<StepId, "run"> }
  | { type: "settingsChanged"; settings: SegmentationSettings }
  | { type: "settingsReset" }
  | { type: "runStarted"; rows: number }
  | { type: "computeProgress"; done: number; total: number }
  | { type: "runProgress"; done: number; total: number }
  | { type: "cancelRequested" }
  | { type: "runSucceeded"; result: RunResult; saved?: WorkbookSetup }
  | { type: "runCancelled"; lines: string[] };

export function initialWorkflowState(): WorkflowState {
  return {
    step: "select",
    setup: { status: "unknown" },
    busy: null,
    origins: {},
    settings: DEFAULT_SETTINGS,
  };
}

/** True when `step` can be shown for this state (its inputs exist). */
export function canShow(state: WorkflowState, step: StepId): boolean {
  switch (step) {
    case "select":
      return true;
    case "map":
    case "settings":
      return state.source !== undefined && state.mapping !== undefined;
    case "run":
      return state.progress !== undefined || state.failure?.task === "run";
    case "result":
      return state.result !== undefined;
  }
}

/** The mapping with `column` given to `field` alone: taken from any other field and from the history. */
export function assignColumn(mapping: ColumnMapping, field: Field, column: number | null): ColumnMapping {
  const columns: Partial<Record<Field, number>> = {};
  for (const [f, c] of Object.entries(mapping.columns) as [Field, number][]) {
    if (f !== field && c !== column) columns[f] = c;
  }
  if (column !== null) columns[field] = column;
  return { ...mapping, columns, history: mapping.history.filter((c) => c !== column) };
}

/** Fields whose column differs from the detected one: they came from the saved setup. */
function savedOrigins(mapping: ColumnMapping, detection: AutoMapping): Partial<Record<Field, FieldOrigin>> {
  const origins: Partial<Record<Field, FieldOrigin>> = {};
  for (const [field, column] of Object.entries(mapping.columns) as [Field, number][]) {
    if (detection.mapping.columns[field] !== column) origins[field] = "saved";
  }
  return origins;
}

export function workflowReducer(state: WorkflowState, action: WorkflowAction): WorkflowState {
  switch (action.type) {
    case "setupLoading":
      return { ...state, setup: { status: "loading" } };
    case "setupLoaded":
      if (action.setup === null) return { ...state, setup: { status: "none" } };
      return {
        ...state,
        setup: { status: "found", saved: action.setup },
        // The saved settings are this workbook's settings, whichever way the user starts.
        settings: state.source === undefined ? withDefaults(action.setup.settings) : state.settings,
      };
    case "setupUnavailable":
      return { ...state, setup: { status: "unavailable", message: action.message } };
    case "taskStarted":
      return { ...state, busy: action.task, failure: undefined, notice: undefined };
    case "tableRead": {
      const mapping = action.mapping ?? action.detection.mapping;
      const missing = action.missing ?? [];
      return {
        ...state,
        step: "map",
        busy: null,
        source: action.source,
        detection: action.detection,
        mapping,
        origins: action.mapping ? savedOrigins(mapping, action.detection) : {},
        settings: action.settings ?? state.settings,
        result: undefined,
        failure: undefined,
        notice:
          missing.length > 0
            ? {
                intent: "warning",
                title: "Some saved columns are missing from this table",
                lines: [...missing.map((m) => `${m}.`), "Choose their columns below, then run again."],
              }
            : undefined,
      };
    }
    case "taskFailed":
      return { ...state, busy: null, progress: undefined, failure: action.failure };
    case "noticed":
      return { ...state, busy: null, notice: action.notice };
    case "dismissFailure":
      return { ...state, failure: undefined };
    case "dismissNotice":
      return { ...state, notice: undefined };
    case "mapField":
      if (!state.mapping) return state;
      return {
        ...state,
        mapping: assignColumn(state.mapping, action.field, action.column),
        origins: { ...state.origins, [action.field]: "user" },
      };
    case "setPeriodUnit":
      return state.mapping ? { ...state, mapping: { ...state.mapping, periodUnit: action.unit } } : state;
    case "setLeadTimeUnit":
      return state.mapping ? { ...state, mapping: { ...state.mapping, leadTimeUnit: action.unit } } : state;
    case "goTo":
      if (state.busy !== null || !canShow(state, action.step)) return state;
      return { ...state, step: action.step, failure: undefined, notice: undefined };
    case "settingsChanged":
      return { ...state, settings: action.settings };
    case "settingsReset":
      return { ...state, settings: DEFAULT_SETTINGS };
    case "runStarted":
      return {
        ...state,
        step: "run",
        busy: "run",
        failure: undefined,
        notice: undefined,
        progress: { phase: "computing", rows: action.rows, done: 0, total: 0, cancelling: false },
      };
    case "computeProgress":
      if (state.progress?.phase !== "computing") return state;
      return { ...state, progress: { ...state.progress, done: action.done, total: action.total } };
    case "runProgress":
      if (!state.progress) return state;
      return {
        ...state,
        progress: { ...state.progress, phase: "writing", done: action.done, total: action.total },
      };
    case "cancelRequested":
      if (!state.progress) return state;
      return { ...state, progress: { ...state.progress, cancelling: true } };
    case "runSucceeded":
      return {
        ...state,
        step: "result",
        busy: null,
        progress: undefined,
        result: action.result,
        setup: action.saved ? { status: "found", saved: action.saved } : state.setup,
      };
    case "runCancelled":
      return {
        ...state,
        step: state.source ? "settings" : "select",
        busy: null,
        progress: undefined,
        notice: { intent: "info", title: "Cancelled", lines: action.lines },
      };
  }
}
