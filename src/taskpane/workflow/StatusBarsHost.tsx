import { FailureBar, NoticeBar } from "./StatusBars";
import { Workflow } from "./useWorkflow";

export interface StatusBarsHostProps {
  workflow: Workflow;
}

/** The current failure (with Try again) and notice, above the step. */
export function StatusBarsHost({ workflow }: StatusBarsHostProps) {
  const { state, dispatch, commands } = workflow;
  return (
    <>
      {state.failure && (
        <FailureBar
          failure={state.failure}
          onRetry={commands.retry}
          onDismiss={() => dispatch({ type: "dismissFailure" })}
        />
      )}
      {state.notice && (
        <NoticeBar notice={state.notice} onDismiss={() => dispatch({ type: "dismissNotice" })} />
      )}
    </>
  );
}
