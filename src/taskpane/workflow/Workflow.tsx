import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId } from "react";
import type { StressInput } from "../stress/useStress";
import { WorkbookGateway } from "./gateway";
import { MappingStep } from "./MappingStep";
import { ResultStep } from "./ResultStep";
import { RunStep } from "./RunStep";
import { SegmentRunner } from "./runner";
import { SelectStep } from "./SelectStep";
import { SettingsStep } from "./SettingsStep";
import { StatusBarsHost } from "./StatusBarsHost";
import { StepHeading } from "./StepHeading";
import { StepIndicator } from "./StepIndicator";
import { StepId, WorkflowState } from "./state";
import { Workflow as WorkflowModel, useWorkflow } from "./useWorkflow";

export interface WorkflowProps {
  gateway: WorkbookGateway;
  runner: SegmentRunner;
  /** Told the table, mapping and settings of every run that wrote its report (for the Stress test tab). */
  onRunComplete?: (run: StressInput) => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
});

function stepTitle(state: WorkflowState): string {
  const titles: Record<StepId, string> = {
    select: "Select your SKU table",
    map: "Confirm the columns",
    settings: "Settings",
    run: state.progress ? "Running" : "Run stopped",
    result: "Report written",
  };
  return titles[state.step];
}

/** The body of the current step. */
function CurrentStep({ state, dispatch, commands }: WorkflowModel) {
  switch (state.step) {
    case "select":
      return (
        <SelectStep
          setup={state.setup}
          source={state.source}
          busy={state.busy}
          onUseSelection={() => void commands.readSelection()}
          onRefresh={() => void commands.refresh()}
          onNext={() => dispatch({ type: "goTo", step: "map" })}
          onReloadSetup={() => void commands.reloadSetup()}
        />
      );
    case "map":
      if (!state.source || !state.mapping || !state.detection) return null;
      return (
        <MappingStep
          source={state.source}
          detection={state.detection}
          mapping={state.mapping}
          origins={state.origins}
          defaultOrderCost={state.settings.defaultOrderCost}
          dispatch={dispatch}
        />
      );
    case "settings":
      return (
        <SettingsStep
          settings={state.settings}
          dispatch={dispatch}
          busy={state.busy !== null}
          onRun={() => void commands.run()}
        />
      );
    case "run":
      return (
        <RunStep
          progress={state.progress}
          onCancel={commands.cancel}
          onRetry={commands.retry}
          onBack={() => dispatch({ type: "goTo", step: "settings" })}
        />
      );
    case "result":
      if (!state.result) return null;
      return (
        <ResultStep
          result={state.result}
          activateSheet={commands.activateSheet}
          onSettings={() => dispatch({ type: "goTo", step: "settings" })}
          onStartOver={() => dispatch({ type: "goTo", step: "select" })}
        />
      );
  }
}

/** Select → columns → settings → run → result, over one state model (useWorkflow). */
export function Workflow({ gateway, runner, onRunComplete }: WorkflowProps) {
  const workflow = useWorkflow({ gateway, runner });
  const { state } = workflow;
  // The result object is new for every finished run: tell the pane once per run.
  const { result, source, mapping, settings } = state;
  useEffect(() => {
    if (result && source && mapping) onRunComplete?.({ source, mapping, settings, origin: "the last run" });
    // Only a new result is a new run; later edits of the settings are not.
  }, [result]);
  const headingId = useId();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <StepIndicator current={state.step} />
      <StatusBarsHost workflow={workflow} />
      <section className={styles.section} aria-labelledby={headingId}>
        <StepHeading id={headingId} stepKey={state.step}>
          {stepTitle(state)}
        </StepHeading>
        <CurrentStep {...workflow} />
      </section>
    </div>
  );
}
