import { Button, Field, ProgressBar, Text } from "@fluentui/react-components";
import { formatCount } from "./format";
import { Progress } from "./state";
import { useStepStyles } from "./styles";

export interface RunStepProps {
  progress?: Progress;
  onCancel: () => void;
  onRetry: () => void;
  onBack: () => void;
}

function phaseText(progress: Progress): string {
  if (progress.cancelling) return "Cancelling…";
  if (progress.phase === "computing") return `Segmenting ${formatCount(progress.rows)} rows…`;
  return "Writing the report sheets…";
}

/** True while the last round trips run after every table row is written (formats, tables, charts). */
function finishing(progress: Progress): boolean {
  return progress.phase === "writing" && progress.total > 0 && progress.done >= progress.total;
}

/** True while the engine reports forecasts done of a known total. */
function forecasting(progress: Progress): boolean {
  return progress.phase === "computing" && progress.total > 0 && progress.done < progress.total;
}

function detailText(progress: Progress): string {
  if (forecasting(progress))
    return `Forecasting: ${formatCount(progress.done)} of ${formatCount(progress.total)} SKUs.`;
  if (progress.phase === "computing") return "Working out classes, policies and cash release.";
  if (progress.total === 0) return "Preparing the sheets.";
  if (finishing(progress)) return "Adding tables, formats and charts.";
  return `${formatCount(progress.done)} of ${formatCount(progress.total)} table rows written.`;
}

/** Step 4: progress (by SKUs while forecasting, by rows while writing, else indeterminate) and Cancel. */
export function RunStep({ progress, onCancel, onRetry, onBack }: RunStepProps) {
  const step = useStepStyles();
  if (!progress) {
    return (
      <div className={step.stack}>
        <Text>The run stopped before the report was complete; the workbook holds no half-written sheet.</Text>
        <div className={step.actions}>
          <Button appearance="primary" onClick={onRetry}>
            Try again
          </Button>
          <Button onClick={onBack}>Back to settings</Button>
        </div>
      </div>
    );
  }
  // By SKUs while the forecasts run, by rows while rows are written; indeterminate in between.
  const value =
    forecasting(progress) || (progress.phase === "writing" && progress.total > 0 && !finishing(progress))
      ? progress.done / progress.total
      : undefined;
  return (
    <div className={step.stack}>
      <Field label={phaseText(progress)} hint={detailText(progress)}>
        <ProgressBar value={value} thickness="large" />
      </Field>
      <div className={step.actions}>
        <Button onClick={onCancel} disabled={progress.cancelling}>
          {progress.cancelling ? "Cancelling…" : "Cancel"}
        </Button>
      </div>
    </div>
  );
}
