import { Spinner, Subtitle2, Text } from "@fluentui/react-components";
import { useId } from "react";
import { ColumnMapping, InputTable } from "../../engine/segmentation/input";
import { formatCount } from "./format";
import { exceptionLine } from "./mappingModel";
import { useStepStyles } from "./styles";
import { useExclusionPreview } from "./useExclusionPreview";

export interface ExclusionSummaryProps {
  table: InputTable;
  mapping: ColumnMapping;
  defaultOrderCost: number;
}

function headline(excluded: number, total: number): string {
  if (excluded === 0) return `All ${formatCount(total)} rows can be segmented.`;
  if (excluded === total) return `All ${formatCount(total)} rows will go to Exceptions.`;
  return `${formatCount(excluded)} of ${formatCount(total)} rows will go to Exceptions.`;
}

/** "N rows will go to Exceptions", with the first reasons. */
export function ExclusionSummary({ table, mapping, defaultOrderCost }: ExclusionSummaryProps) {
  const preview = useExclusionPreview(table, mapping, defaultOrderCost);
  const headingId = useId();
  const step = useStepStyles();
  return (
    <div className={step.tight}>
      <Subtitle2 as="h3" id={headingId} className={step.subheading}>
        Rows that will be excluded
      </Subtitle2>
      {!preview.ready ? (
        <Spinner size="tiny" label="Checking the rows…" />
      ) : (
        <div className={step.tight} role="status" aria-labelledby={headingId} aria-busy={preview.checking}>
          <Text weight="semibold">{headline(preview.excluded, preview.total)}</Text>
          {preview.examples.length > 0 && (
            <ul className={step.list}>
              {preview.examples.map((e) => (
                <li key={e.index} className={step.wrapAnywhere}>
                  <Text size={200}>{exceptionLine(e)}</Text>
                </li>
              ))}
            </ul>
          )}
          {preview.excluded > preview.examples.length && (
            <Text size={200} className={step.muted}>
              Every excluded row is listed with its reasons on the WC Exceptions sheet.
            </Text>
          )}
        </div>
      )}
    </div>
  );
}
