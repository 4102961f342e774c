import {
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { SegmentationSummary } from "../../engine/segmentation/segment";
import { describeError, formatAmount, formatCount, formatDays, formatPercent, redirectNote } from "./format";
import { RunResult } from "./state";
import { useStepStyles } from "./styles";

export interface ResultStepProps {
  result: RunResult;
  activateSheet?: (name: string) => Promise<void>;
  onSettings: () => void;
  onStartOver: () => void;
}

interface KpiItem {
  label: string;
  value: string;
}

/** The headline figures of the Summary sheet, in the order a controller reads them. */
export function kpiItems(s: SegmentationSummary): KpiItem[] {
  return [
    { label: "Inventory now", value: formatAmount(s.inventoryValue) },
    { label: "Target inventory", value: formatAmount(s.targetValue) },
    { label: "Cash release", value: formatAmount(s.release) },
    { label: "of which SLOB", value: formatAmount(s.slobValue) },
    { label: "DIO now", value: formatDays(s.dioNow) },
    { label: "DIO target", value: formatDays(s.dioTarget) },
    { label: "DIO top quartile", value: formatDays(s.dioTopQuartile) },
    { label: "Release at top quartile", value: formatAmount(s.releaseAtTopQuartile) },
    { label: "Weighted service target", value: formatPercent(s.weightedServiceTarget) },
    { label: "SKUs segmented", value: formatCount(s.segmented) },
    { label: "Rows in Exceptions", value: formatCount(s.exceptions) },
  ];
}

const useStyles = makeStyles({
  kpis: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(9em, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  kpi: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  label: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  sheets: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
});

interface SheetLinksProps {
  sheets: string[];
  activateSheet?: (name: string) => Promise<void>;
  /** Id of the heading that names the list. */
  labelledBy: string;
}

/** The written sheets: buttons that show each one, or their names when the pane cannot navigate. */
function SheetLinks({ sheets, activateSheet, labelledBy }: SheetLinksProps) {
  const styles = useStyles();
  const step = useStepStyles();
  const [error, setError] = useState<string>();
  if (!activateSheet) {
    return (
      <ul className={step.list} aria-labelledby={labelledBy}>
        {sheets.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    );
  }
  const show = (name: string) => {
    setError(undefined);
    activateSheet(name).catch((e: unknown) => setError(`“${name}” could not be shown: ${describeError(e)}`));
  };
  return (
    <>
      <div className={styles.sheets} role="group" aria-labelledby={labelledBy}>
        {sheets.map((name) => (
          <Button key={name} size="small" onClick={() => show(name)}>
            {name}
          </Button>
        ))}
      </div>
      {error && (
        <Text size={200} role="alert">
          {error}
        </Text>
      )}
    </>
  );
}

/** Step 5: the headline KPIs, the written sheets and where anything went instead. */
export function ResultStep({ result, activateSheet, onSettings, onStartOver }: ResultStepProps) {
  const { summary, write, setupError, plan, planError } = result;
  const kpiHeadingId = useId();
  const sheetsHeadingId = useId();
  const styles = useStyles();
  const step = useStepStyles();
  return (
    <div className={step.stack}>
      <div className={step.tight}>
        <Subtitle2 as="h3" id={kpiHeadingId} className={step.subheading}>
          Headline figures
        </Subtitle2>
        <dl className={styles.kpis} aria-labelledby={kpiHeadingId}>
          {kpiItems(summary).map((k) => (
            <div key={k.label} className={styles.kpi}>
              <dt className={styles.label}>{k.label}</dt>
              <dd className={styles.value}>{k.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className={step.tight}>
        <Subtitle2 as="h3" id={sheetsHeadingId} className={step.subheading}>
          Written sheets
        </Subtitle2>
        <SheetLinks sheets={write.sheets} activateSheet={activateSheet} labelledBy={sheetsHeadingId} />
      </div>
      {plan && (
        <Text size={200} className={step.muted}>
          WC Variance: inventory, target, release and DIO compared with the previous run (“{plan.sheet}”,{" "}
          {formatCount(plan.skus)} SKUs), by plant, region, category and SKU.
        </Text>
      )}
      {planError !== undefined && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            No WC Variance: the previous WC Segmentation could not be used as the plan: {planError}
          </MessageBarBody>
        </MessageBar>
      )}
      {write.redirected.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <ul className={step.list}>
              {write.redirected.map((r) => (
                <li key={r.requested}>{redirectNote(r)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {setupError === undefined ? (
        <Text size={200} className={step.muted}>
          The settings and columns are saved in this workbook: next month, press Refresh with saved settings.
        </Text>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>The settings could not be saved in this workbook: {setupError}</MessageBarBody>
        </MessageBar>
      )}
      <div className={step.actions}>
        <Button onClick={onSettings}>Change settings</Button>
        <Button onClick={onStartOver}>Another table</Button>
      </div>
    </div>
  );
}
