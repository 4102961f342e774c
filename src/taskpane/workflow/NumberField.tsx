import { Field, Input, makeStyles } from "@fluentui/react-components";
import { SegmentationSettings } from "../../engine/segmentation/settings";
import { NumberSettingKey, displayScale, fieldProblems, getNumber, setNumber } from "./settingsModel";
import { useNumberDraft } from "./useNumberDraft";

export interface NumberFieldProps {
  label: string;
  settingKey: NumberSettingKey;
  settings: SegmentationSettings;
  onSettings: (settings: SegmentationSettings) => void;
  /** Shown after the number: "%", "days". */
  unit?: string;
  hint?: string;
  /** Empty is allowed (the target DIO): shown as this placeholder. */
  placeholder?: string;
}

const useStyles = makeStyles({
  input: {
    minWidth: 0,
    maxWidth: "12em",
  },
});

export interface NumberInputProps {
  label: string;
  /** The stored number; null shows an empty box. */
  value: number | null;
  /** Shown = stored × scale (100 for a fraction shown in percent). Default 1. */
  scale?: number;
  /** The number typed (stored units), null when the box is empty; text that is not a number is NaN. */
  onChange: (value: number | null) => void;
  problems?: readonly string[];
  /** Shown after the number: "%", "days". */
  unit?: string;
  hint?: string;
  placeholder?: string;
  disabled?: boolean;
  /** The input's class; a box of at most 12em by default. */
  className?: string;
}

/** A number the user types, with its problems under it; the text typed is kept while typing. */
export function NumberInput({
  label,
  value,
  scale = 1,
  onChange,
  problems = [],
  unit,
  hint,
  placeholder,
  disabled,
  className,
}: NumberInputProps) {
  const styles = useStyles();
  const { text, change } = useNumberDraft(value, scale, onChange);
  return (
    <Field
      label={label}
      hint={hint}
      validationState={problems.length > 0 ? "error" : "none"}
      validationMessage={problems.length > 0 ? problems.join(" ") : undefined}
    >
      <Input
        className={className ?? styles.input}
        type="number"
        step="any"
        inputMode="decimal"
        disabled={disabled}
        value={text}
        placeholder={placeholder}
        contentAfter={unit}
        onChange={(_, data) => change(data.value)}
      />
    </Field>
  );
}

/** One numeric setting, in the unit users think in (percent for fractions), with its own problems. */
export function NumberField({
  label,
  settingKey,
  settings,
  onSettings,
  unit,
  hint,
  placeholder,
}: NumberFieldProps) {
  return (
    <NumberInput
      label={label}
      value={getNumber(settings, settingKey)}
      scale={displayScale(settingKey)}
      onChange={(value) => onSettings(setNumber(settings, settingKey, value))}
      problems={fieldProblems(settings, settingKey)}
      unit={unit}
      hint={hint}
      placeholder={placeholder}
    />
  );
}
