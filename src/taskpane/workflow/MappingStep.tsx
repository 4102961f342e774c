import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { Dispatch, useCallback, useMemo } from "react";
import { ColumnMapping, Field } from "../../engine/segmentation/input";
import { AutoMapping } from "../../engine/segmentation/mapping";
import { ExclusionSummary } from "./ExclusionSummary";
import { ColumnOption, FieldSelect } from "./FieldSelect";
import { tableSize } from "./format";
import { HistoryPanel } from "./HistoryPanel";
import {
  FIELD_ORDER,
  REQUIRED_FIELDS,
  currentWarnings,
  driverLines,
  historySummary,
  mappingProblems,
  sheetColumnLetters,
  shownHeader,
} from "./mappingModel";
import { MappingPreview } from "./MappingPreview";
import { FieldOrigin, TableSource, WorkflowAction } from "./state";
import { MessageList } from "./MessageList";
import { useStepStyles } from "./styles";

export interface MappingStepProps {
  source: TableSource;
  detection: AutoMapping;
  mapping: ColumnMapping;
  origins: Partial<Record<Field, FieldOrigin>>;
  defaultOrderCost: number;
  dispatch: Dispatch<WorkflowAction>;
}

function useMappingStep({ source, detection, mapping, dispatch }: MappingStepProps) {
  const { headers } = source.table;
  const options = useMemo<ColumnOption[]>(() => {
    const letters = sheetColumnLetters(source.address, headers.length);
    return headers.map((h, column) => ({ column, label: `${shownHeader(h)} (${letters[column]})` }));
  }, [headers, source.address]);
  const warnings = useMemo(() => currentWarnings(detection, mapping), [detection, mapping]);
  const problems = useMemo(() => mappingProblems(mapping), [mapping]);
  const history = useMemo(() => historySummary(mapping, headers), [mapping, headers]);
  const drivers = useMemo(() => driverLines(mapping, headers), [mapping, headers]);
  const onField = useCallback(
    (field: Field, column: number | null) => dispatch({ type: "mapField", field, column }),
    [dispatch],
  );
  return { options, warnings, problems, history, drivers, onField };
}

/** Step 2: one dropdown per field, the history block, a preview and what will be excluded. */
export function MappingStep(props: MappingStepProps) {
  const { source, detection, mapping, origins, defaultOrderCost, dispatch } = props;
  const { options, warnings, problems, history, drivers, onField } = useMappingStep(props);
  const step = useStepStyles();
  return (
    <div className={step.stack}>
      <Text size={200} className={step.wrapAnywhere}>
        {source.address} · {tableSize(source.table.rows.length, source.table.headers.length)}
      </Text>
      <MessageList intent="warning" title="Check before running" messages={warnings} />
      <div className={step.stack}>
        <div className={step.tight}>
          <Subtitle2 as="h3" className={step.subheading}>
            Columns
          </Subtitle2>
          <Text size={200} className={step.muted}>
            The first {REQUIRED_FIELDS.length} are needed for every row; the others refine the result.
          </Text>
        </div>
        {FIELD_ORDER.map((field) => (
          <FieldSelect
            key={field}
            field={field}
            column={mapping.columns[field]}
            options={options}
            confidence={detection.confidence[field]}
            origin={origins[field]}
            onChange={onField}
          />
        ))}
      </div>
      <HistoryPanel
        history={history}
        drivers={drivers}
        mapping={mapping}
        hasAnnualDemand={mapping.columns.annualDemand !== undefined}
        onPeriodUnit={(unit) => dispatch({ type: "setPeriodUnit", unit })}
        onLeadTimeUnit={(unit) => dispatch({ type: "setLeadTimeUnit", unit })}
      />
      <MappingPreview table={source.table} mapping={mapping} />
      <ExclusionSummary table={source.table} mapping={mapping} defaultOrderCost={defaultOrderCost} />
      <MessageList intent="error" title="Before the settings" messages={problems} />
      <div className={step.actions}>
        <Button onClick={() => dispatch({ type: "goTo", step: "select" })}>Back</Button>
        <Button
          appearance="primary"
          disabled={problems.length > 0}
          onClick={() => dispatch({ type: "goTo", step: "settings" })}
        >
          Next: settings
        </Button>
      </div>
    </div>
  );
}
