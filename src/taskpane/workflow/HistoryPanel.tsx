import { Field, Select, Subtitle2, Text, makeStyles } from "@fluentui/react-components";
import { ColumnMapping, PeriodUnit, TimeUnit } from "../../engine/segmentation/input";
import { HistorySummary } from "./mappingModel";
import { useStepStyles } from "./styles";

export interface HistoryPanelProps {
  history: HistorySummary | null;
  /** The driver blocks in words (driverLines), shown under the history; nothing to edit. */
  drivers: readonly string[];
  mapping: ColumnMapping;
  hasAnnualDemand: boolean;
  onPeriodUnit: (unit: PeriodUnit) => void;
  onLeadTimeUnit: (unit: TimeUnit) => void;
}

const ADJECTIVE: Record<PeriodUnit, string> = { day: "daily", week: "weekly", month: "monthly" };
const PLURAL: Record<PeriodUnit, string> = { day: "days", week: "weeks", month: "months" };
const PERIOD_UNITS: readonly PeriodUnit[] = ["day", "week", "month"];
const TIME_UNITS: readonly TimeUnit[] = ["period", "day", "week", "month"];

const useStyles = makeStyles({
  // A long option ("Same as history (months)") must not widen the pane.
  select: {
    minWidth: 0,
  },
});

function isPeriodUnit(x: string): x is PeriodUnit {
  return (PERIOD_UNITS as readonly string[]).includes(x);
}

function isTimeUnit(x: string): x is TimeUnit {
  return (TIME_UNITS as readonly string[]).includes(x);
}

function historyLine(history: HistorySummary | null, unit: PeriodUnit, hasAnnualDemand: boolean): string {
  if (history === null) {
    return hasAnnualDemand
      ? "No period columns found: demand comes from the annual-demand column."
      : "No period columns found.";
  }
  const periods = `${history.count} ${ADJECTIVE[unit]} period${history.count === 1 ? "" : "s"}`;
  return `${periods}, “${history.first}” to “${history.last}”.`;
}

/** The detected demand-history block, its period unit, and the unit of the lead-time column. */
export function HistoryPanel({
  history,
  drivers,
  mapping,
  hasAnnualDemand,
  onPeriodUnit,
  onLeadTimeUnit,
}: HistoryPanelProps) {
  const step = useStepStyles();
  const styles = useStyles();
  return (
    <div className={step.stack}>
      <div className={step.tight}>
        <Subtitle2 as="h3" className={step.subheading}>
          Demand history
        </Subtitle2>
        <Text className={step.wrapAnywhere}>{historyLine(history, mapping.periodUnit, hasAnnualDemand)}</Text>
        {drivers.map((line) => (
          <Text key={line} className={step.wrapAnywhere}>
            {line}
          </Text>
        ))}
      </div>
      <Field label="Period unit" orientation="horizontal" hint="What one history column covers.">
        <Select
          className={styles.select}
          value={mapping.periodUnit}
          onChange={(_, data) => isPeriodUnit(data.value) && onPeriodUnit(data.value)}
        >
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </Select>
      </Field>
      <Field
        label="Lead-time unit"
        orientation="horizontal"
        hint="The unit of the lead-time column (and its SD)."
      >
        <Select
          className={styles.select}
          value={mapping.leadTimeUnit}
          onChange={(_, data) => isTimeUnit(data.value) && onLeadTimeUnit(data.value)}
        >
          <option value="period">Same as history ({PLURAL[mapping.periodUnit]})</option>
          <option value="day">Days</option>
          <option value="week">Weeks</option>
          <option value="month">Months</option>
        </Select>
      </Field>
    </div>
  );
}
