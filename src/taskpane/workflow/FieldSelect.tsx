import { Field as FluentField, Select, makeStyles } from "@fluentui/react-components";
import { Field, FIELD_LABELS } from "../../engine/segmentation/input";
import { MatchConfidence } from "../../engine/segmentation/mapping";
import { REQUIRED_FIELDS, fieldLabel } from "./mappingModel";
import { FieldOrigin } from "./state";

export interface ColumnOption {
  column: number;
  label: string;
}

export interface FieldSelectProps {
  field: Field;
  column: number | undefined;
  options: readonly ColumnOption[];
  confidence?: MatchConfidence;
  origin?: FieldOrigin;
  onChange: (field: Field, column: number | null) => void;
}

const useStyles = makeStyles({
  select: {
    minWidth: 0,
  },
});

/** Why this column is proposed, in a few words. */
function hintOf(
  column: number | undefined,
  confidence?: MatchConfidence,
  origin?: FieldOrigin,
): string | undefined {
  if (column === undefined) return undefined;
  if (origin === "user") return "Your choice";
  if (origin === "saved") return "From the saved setup";
  if (confidence === "exact") return "Header matches exactly";
  if (confidence === "synonym") return "Matched by a synonym: check it";
  return undefined;
}

/** One field's column, as a labelled dropdown with how it was matched. */
export function FieldSelect({ field, column, options, confidence, origin, onChange }: FieldSelectProps) {
  const styles = useStyles();
  const required = REQUIRED_FIELDS.includes(field);
  const missing = required && column === undefined;
  return (
    <FluentField
      label={fieldLabel(field)}
      orientation="horizontal"
      required={required}
      hint={hintOf(column, confidence, origin)}
      validationState={missing ? "error" : "none"}
      validationMessage={missing ? `Choose the ${FIELD_LABELS[field]} column.` : undefined}
    >
      <Select
        className={styles.select}
        value={column === undefined ? "" : String(column)}
        onChange={(_, data) => onChange(field, data.value === "" ? null : Number(data.value))}
      >
        <option value="">(not mapped)</option>
        {options.map((o) => (
          <option key={o.column} value={String(o.column)}>
            {o.label}
          </option>
        ))}
      </Select>
    </FluentField>
  );
}
