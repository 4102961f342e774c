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
  const scale = displayScale(settingKey);
  const { text, change } = useNumberDraft(getNumber(settings, settingKey), scale, (value) =>
    onSettings(setNumber(settings, settingKey, value)),
  );
  const problems = fieldProblems(settings, settingKey);
  const styles = useStyles();
  return (
    <Field
      label={label}
      hint={hint}
      validationState={problems.length > 0 ? "error" : "none"}
      validationMessage={problems.length > 0 ? problems.join(" ") : undefined}
    >
      <Input
        className={styles.input}
        type="number"
        step="any"
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        contentAfter={unit}
        onChange={(_, data) => change(data.value)}
      />
    </Field>
  );
}
