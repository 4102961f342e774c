/**
 * The Stress test step's state and commands: the stress settings being edited, the table and
 * policies to stress (the last segmentation run, or the saved setup applied to the table read
 * now), and the run — simulate in a Web Worker with progress and Cancel, then write "WC Stress
 * test" through writeReport (owned sheets only; a user's sheet of that name is left alone).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { ColumnMapping } from "../../engine/segmentation/input";
import { SegmentationSettings } from "../../engine/segmentation/settings";
import {
  DEFAULT_STRESS_SETTINGS,
  StressSettings,
  validateStressSettings,
  withBaseline,
} from "../../engine/simulation/stress";
import { WriteCancelledError, WriteResult } from "../../excel/writeReport";
import { describeError } from "../workflow/format";
import { WorkbookGateway } from "../workflow/gateway";
import { planRefresh } from "../workflow/refresh";
import type { TableSource } from "../workflow/state";
import type { ScenarioLine } from "./stressJob";
import { StressCancelledError, StressRunner } from "./stressRunner";

/** What a stress test simulates: a table, its mapping and the segmentation settings. */
export interface StressInput {
  source: TableSource;
  mapping: ColumnMapping;
  settings: SegmentationSettings;
  /** Where it came from, in words ("the last run", "the saved setup"). */
  origin: string;
}

export interface StressProgressState {
  phase: "simulating" | "writing";
  /** SKUs simulated (simulating) or rows written (writing), of `total` (0 = not known yet). */
  done: number;
  total: number;
  cancelling: boolean;
}

export interface StressRunResult {
  scenarios: ScenarioLine[];
  skus: number;
  skipped: number;
  replications: number;
  periods: number;
  write: WriteResult;
}

export interface StressMessageState {
  intent: "error" | "warning" | "info";
  title: string;
  lines: string[];
}

export interface StressModel {
  stress: StressSettings;
  problems: string[];
  input?: StressInput;
  progress?: StressProgressState;
  result?: StressRunResult;
  message?: StressMessageState;
  reading: boolean;
  setStress(settings: StressSettings): void;
  readSavedTable(): Promise<void>;
  run(): Promise<void>;
  cancel(): void;
  dismissMessage(): void;
  activateSheet?: (name: string) => Promise<void>;
}

export interface StressOptions {
  gateway: WorkbookGateway;
  runner: StressRunner;
  /** The last segmentation run of the Segment tab, if any. */
  lastRun?: StressInput;
}

export function useStress({ gateway, runner, lastRun }: StressOptions): StressModel {
  const [stress, setStress] = useState<StressSettings>(DEFAULT_STRESS_SETTINGS);
  const [input, setInput] = useState<StressInput | undefined>(lastRun);
  const [progress, setProgress] = useState<StressProgressState>();
  const [result, setResult] = useState<StressRunResult>();
  const [message, setMessage] = useState<StressMessageState>();
  const [reading, setReading] = useState(false);
  const running = useRef<AbortController | null>(null);

  // A new segmentation run replaces what the stress test simulates; a result shown for the
  // policies before it no longer describes them.
  useEffect(() => {
    if (!lastRun) return;
    setInput(lastRun);
    setResult(undefined);
  }, [lastRun]);
  // Leaving the pane stops a run (the worker is terminated).
  useEffect(() => () => running.current?.abort(), []);

  const problems = validateStressSettings({ ...stress, scenarios: withBaseline(stress.scenarios) });

  const readSavedTable = useCallback(async () => {
    setReading(true);
    setMessage(undefined);
    try {
      const saved = await gateway.loadSetup();
      if (!saved) {
        setMessage({
          intent: "warning",
          title: "No saved setup in this workbook",
          lines: ["Run a segmentation on the Segment tab first; its table and settings are then used here."],
        });
        return;
      }
      const selected = await gateway.readSelection();
      const plan = planRefresh(saved, selected);
      if (plan.kind === "wrongSheet") {
        setMessage({
          intent: "warning",
          title: "Select the saved table first",
          lines: [
            `The saved table is on the sheet “${plan.savedSheet}” (${plan.savedAddress}); select a cell in it.`,
          ],
        });
      } else if (plan.kind === "needsMapping") {
        setMessage({
          intent: "warning",
          title: "The saved columns do not match this table",
          lines: [
            ...plan.missing.map((m) => `${m}.`),
            "Confirm the columns on the Segment tab and run it once.",
          ],
        });
      } else {
        setInput({
          source: selected,
          mapping: plan.mapping,
          settings: plan.settings,
          origin: "the saved setup",
        });
      }
    } catch (error) {
      setMessage({ intent: "error", title: "The table could not be read", lines: [describeError(error)] });
    } finally {
      setReading(false);
    }
  }, [gateway]);

  const run = useCallback(async () => {
    if (!input || running.current || problems.length > 0) return;
    const controller = new AbortController();
    running.current = controller;
    const { signal } = controller;
    setMessage(undefined);
    setResult(undefined);
    setProgress({ phase: "simulating", done: 0, total: 0, cancelling: false });
    let stage: "simulate" | "write" = "simulate";
    try {
      const outcome = await runner(
        {
          input: input.source.table,
          mapping: input.mapping,
          settings: input.settings,
          stress: { ...stress, scenarios: withBaseline(stress.scenarios) },
        },
        signal,
        (done, total) => setProgress((p) => (p && p.phase === "simulating" ? { ...p, done, total } : p)),
      );
      if (signal.aborted) throw new StressCancelledError();
      stage = "write";
      setProgress((p) => ({ phase: "writing", done: 0, total: 0, cancelling: p?.cancelling ?? false }));
      const write = await gateway.writeReport(outcome.report, {
        signal,
        inputAddress: input.source.address,
        onProgress: (done, total) => setProgress((p) => (p ? { ...p, done, total } : p)),
      });
      setResult({
        scenarios: outcome.scenarios,
        skus: outcome.skus,
        skipped: outcome.skipped,
        replications: outcome.replications,
        periods: outcome.periods,
        write,
      });
    } catch (error) {
      if (error instanceof StressCancelledError || error instanceof WriteCancelledError) {
        setMessage({
          intent: "info",
          title: "Cancelled",
          lines: [
            error instanceof WriteCancelledError && error.sheets.length > 0
              ? `Written before you cancelled: ${error.sheets.join(", ")}.`
              : "Nothing was written; the workbook is as it was.",
          ],
        });
      } else {
        setMessage({
          intent: "error",
          title:
            stage === "simulate" ? "The stress test could not run" : "The stress test could not be written",
          lines: [describeError(error)],
        });
      }
    } finally {
      setProgress(undefined);
      if (running.current === controller) running.current = null;
    }
  }, [gateway, runner, input, stress, problems.length]);

  const cancel = useCallback(() => {
    if (!running.current) return;
    setProgress((p) => (p ? { ...p, cancelling: true } : p));
    running.current.abort();
  }, []);

  return {
    stress,
    problems,
    input,
    progress,
    result,
    message,
    reading,
    setStress,
    readSavedTable,
    run,
    cancel,
    dismissMessage: () => setMessage(undefined),
    activateSheet: gateway.activateSheet,
  };
}
