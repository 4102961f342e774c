import { Field, Input, makeStyles } from "@fluentui/react-components";
import { excelSerialToIso, isoToExcelSerial } from "../../engine/segmentation/periods";
import { todaySerial } from "../../engine/segmentation/policy";
import { SegmentationSettings } from "../../engine/segmentation/settings";

export interface AsOfDateFieldProps {
  settings: SegmentationSettings;
  onSettings: (settings: SegmentationSettings) => void;
}

const useStyles = makeStyles({
  input: {
    minWidth: 0,
    maxWidth: "12em",
  },
});

/**
 * The date SLOB ages are counted to. Shown as today's date when unset; today's date (or no date)
 * is stored as "today" (null), so a saved setup keeps measuring to the day of each refresh.
 */
export function AsOfDateField({ settings, onSettings }: AsOfDateFieldProps) {
  const today = todaySerial();
  const value = excelSerialToIso(settings.asOfDate ?? today) ?? "";
  const styles = useStyles();
  const onChange = (text: string) => {
    const serial = text === "" ? null : isoToExcelSerial(text);
    onSettings({ ...settings, asOfDate: serial === null || serial === today ? null : serial });
  };
  return (
    <Field
      label="As-of date"
      hint={
        settings.asOfDate === null
          ? "Today: each run measures ages to the day it runs."
          : "A fixed date: every run measures ages to it."
      }
    >
      <Input
        className={styles.input}
        type="date"
        value={value}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}
