/**
 * The workflow's commands over the state model: reading the selection, the one-click refresh, the
 * run (segment off the UI thread, then write with progress and cancel, then save the setup) and
 * retrying what failed. Long work runs here, outside render; components only dispatch and read.
 */
import { Dispatch, useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { ColumnMapping } from "../../engine/segmentation/input";
import { autoMap } from "../../engine/segmentation/mapping";
import { SegmentationSettings } from "../../engine/segmentation/settings";
import { sheetOfAddress } from "../../engine/workbookParts/address";
import { WorkbookSetup, toSavedMapping } from "../../engine/workbookParts/setup";
import type { PlanRead } from "../../excel/readPlan";
import { WriteCancelledError, WriteResult } from "../../excel/writeReport";
import { describeError } from "./format";
import { WorkbookGateway } from "./gateway";
import { planRefresh } from "./refresh";
import { ComputeCancelledError, SegmentRunner } from "./runner";
import type { SegmentOutcome } from "./segmentJob";
import { TableSource, WorkflowAction, WorkflowState, initialWorkflowState, workflowReducer } from "./state";

export interface WorkflowOptions {
  gateway: WorkbookGateway;
  runner: SegmentRunner;
}

export interface WorkflowCommands {
  readSelection(): Promise<void>;
  refresh(): Promise<void>;
  run(): Promise<void>;
  cancel(): void;
  retry(): void;
  reloadSetup(): Promise<void>;
  activateSheet?: (name: string) => Promise<void>;
}

export interface Workflow {
  state: WorkflowState;
  dispatch: Dispatch<WorkflowAction>;
  commands: WorkflowCommands;
}

/** The setup saved after a run: the settings, the mapping by header name and where the table is. */
export function setupOf(
  source: TableSource,
  mapping: ColumnMapping,
  settings: SegmentationSettings,
): WorkbookSetup {
  const sheet = sheetOfAddress(source.address);
  return {
    settings,
    mapping: toSavedMapping(mapping, source.table.headers),
    ...(sheet !== undefined ? { input: { sheet, address: source.address } } : {}),
  };
}

/** Lines for a cancelled run. */
function cancelledLines(error: WriteCancelledError | ComputeCancelledError): string[] {
  if (error instanceof ComputeCancelledError) return ["Cancelled before writing; nothing was written."];
  const finished =
    error.sheets.length > 0 ? [`Written before you cancelled: ${error.sheets.join(", ")}.`] : [];
  if (error.sheets.length === 0)
    return ["Cancelled before any sheet was written; the workbook is as it was."];
  return ["Cancelled; no sheet was left half-written.", ...finished];
}

export function useWorkflow({ gateway, runner }: WorkflowOptions): Workflow {
  const [state, dispatch] = useReducer(workflowReducer, undefined, initialWorkflowState);
  // Commands run across awaits: they read the latest state through this ref, not a stale closure.
  const latest = useRef(state);
  latest.current = state;
  const running = useRef<AbortController | null>(null);

  const reloadSetup = useCallback(async () => {
    dispatch({ type: "setupLoading" });
    try {
      dispatch({ type: "setupLoaded", setup: await gateway.loadSetup() });
    } catch (error) {
      dispatch({ type: "setupUnavailable", message: describeError(error) });
    }
  }, [gateway]);

  useEffect(() => {
    void reloadSetup();
  }, [reloadSetup]);

  // Leaving the pane stops a run; the writer removes a half-written sheet on cancel.
  useEffect(() => () => running.current?.abort(), []);

  const execute = useCallback(
    async (source: TableSource, mapping: ColumnMapping, settings: SegmentationSettings) => {
      const controller = new AbortController();
      running.current = controller;
      const { signal } = controller;
      dispatch({ type: "runStarted", rows: source.table.rows.length });
      let stage: "compute" | "write" = "compute";
      try {
        // The plan of WC Variance is the WC Segmentation the last run left: read before it is replaced.
        let plan: PlanRead | undefined;
        let planError: string | undefined;
        try {
          plan = await gateway.readPlan?.();
        } catch (error) {
          planError = describeError(error);
        }
        if (signal.aborted) throw new ComputeCancelledError();
        const outcome: SegmentOutcome = await runner(
          { input: source.table, mapping, settings, ...(plan ? { plan: plan.snapshot } : {}) },
          signal,
          (done, total) => dispatch({ type: "computeProgress", done, total }),
        );
        if (signal.aborted) throw new ComputeCancelledError();
        stage = "write";
        // Show the writing phase at once: the first round trip can take a while on a big report.
        dispatch({ type: "runProgress", done: 0, total: 0 });
        const write: WriteResult = await gateway.writeReport(outcome.report, {
          signal,
          inputAddress: source.address,
          onProgress: (done, total) => dispatch({ type: "runProgress", done, total }),
        });
        const setup = setupOf(source, mapping, settings);
        let setupError: string | undefined;
        try {
          await gateway.saveSetup(setup);
        } catch (error) {
          setupError = describeError(error);
        }
        dispatch({
          type: "runSucceeded",
          result: {
            summary: outcome.summary,
            write,
            setupError,
            ...(plan ? { plan: { sheet: plan.sheet, skus: plan.snapshot.rows.length } } : {}),
            ...(planError !== undefined ? { planError } : {}),
          },
          saved: setupError === undefined ? setup : undefined,
        });
      } catch (error) {
        if (error instanceof WriteCancelledError || error instanceof ComputeCancelledError) {
          dispatch({ type: "runCancelled", lines: cancelledLines(error) });
        } else {
          dispatch({
            type: "taskFailed",
            failure: {
              task: "run",
              title:
                stage === "compute" ? "The table could not be segmented" : "The report could not be written",
              message: describeError(error),
            },
          });
        }
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [gateway, runner],
  );

  const readSelection = useCallback(async () => {
    dispatch({ type: "taskStarted", task: "read" });
    try {
      const selected = await gateway.readSelection();
      dispatch({ type: "tableRead", source: selected, detection: autoMap(selected.table.headers) });
    } catch (error) {
      dispatch({
        type: "taskFailed",
        failure: { task: "read", title: "The selection could not be read", message: describeError(error) },
      });
    }
  }, [gateway]);

  const refresh = useCallback(async () => {
    const { setup } = latest.current;
    if (setup.status !== "found") return;
    dispatch({ type: "taskStarted", task: "refresh" });
    let plan: ReturnType<typeof planRefresh>;
    let selected: TableSource;
    try {
      selected = await gateway.readSelection();
      plan = planRefresh(setup.saved, selected);
    } catch (error) {
      dispatch({
        type: "taskFailed",
        failure: { task: "refresh", title: "The table could not be read", message: describeError(error) },
      });
      return;
    }
    if (plan.kind === "wrongSheet") {
      dispatch({
        type: "noticed",
        notice: {
          intent: "warning",
          title: "Select the saved table first",
          lines: [
            `The saved table is on the sheet “${plan.savedSheet}” (${plan.savedAddress}).`,
            "Select a cell inside it, then press Refresh with saved settings again.",
          ],
        },
      });
      return;
    }
    dispatch({
      type: "tableRead",
      source: selected,
      detection: plan.detection,
      mapping: plan.mapping,
      settings: plan.settings,
      missing: plan.missing,
    });
    if (plan.kind === "ready") await execute(selected, plan.mapping, plan.settings);
  }, [gateway, execute]);

  const run = useCallback(async () => {
    const { source, mapping, settings, busy } = latest.current;
    if (!source || !mapping || busy !== null) return;
    await execute(source, mapping, settings);
  }, [execute]);

  const cancel = useCallback(() => {
    if (!running.current) return;
    dispatch({ type: "cancelRequested" });
    running.current.abort();
  }, []);

  const retry = useCallback(() => {
    const task = latest.current.failure?.task;
    if (task === "read") void readSelection();
    else if (task === "refresh") void refresh();
    else if (task === "run") void run();
  }, [readSelection, refresh, run]);

  const commands = useMemo<WorkflowCommands>(
    () => ({
      readSelection,
      refresh,
      run,
      cancel,
      retry,
      reloadSetup,
      activateSheet: gateway.activateSheet,
    }),
    [readSelection, refresh, run, cancel, retry, reloadSetup, gateway],
  );

  return { state, dispatch, commands };
}
