import { Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { AbcXyzCell, SegmentationSettings } from "../../engine/segmentation/settings";
import { displayScale, getNumber, matrixProblems, setNumber } from "./settingsModel";
import { useStepStyles } from "./styles";
import { useNumberDraft } from "./useNumberDraft";

export interface ServiceMatrixProps {
  settings: SegmentationSettings;
  onSettings: (settings: SegmentationSettings) => void;
}

const ROWS = ["A", "B", "C"] as const;
const COLUMNS = ["X", "Y", "Z"] as const;

const useStyles = makeStyles({
  table: {
    borderCollapse: "separate",
    borderSpacing: `${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}`,
    width: "100%",
    tableLayout: "fixed",
  },
  caption: {
    textAlign: "start",
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  corner: {
    width: tokens.spacingHorizontalXXL,
  },
  header: {
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "center",
  },
  input: {
    width: "100%",
    minWidth: 0,
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
  },
});

interface CellInputProps extends ServiceMatrixProps {
  cell: AbcXyzCell;
  invalid: boolean;
  describedBy?: string;
}

function CellInput({ cell, settings, onSettings, invalid, describedBy }: CellInputProps) {
  const key = `service.${cell}` as const;
  const { text, change } = useNumberDraft(getNumber(settings, key), displayScale(key), (value) =>
    onSettings(setNumber(settings, key, value)),
  );
  const styles = useStyles();
  return (
    <Input
      className={styles.input}
      type="number"
      step="any"
      inputMode="decimal"
      size="small"
      value={text}
      aria-label={`${cell} service target, %`}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? describedBy : undefined}
      onChange={(_, data) => change(data.value)}
    />
  );
}

/** The 3×3 service targets by ABC-XYZ cell, in percent. */
export function ServiceMatrix({ settings, onSettings }: ServiceMatrixProps) {
  const problems = matrixProblems(settings);
  const errorId = useId();
  const styles = useStyles();
  const step = useStepStyles();
  return (
    <div className={step.tight}>
      <table className={styles.table}>
        <caption className={styles.caption}>Service target by ABC-XYZ cell (%)</caption>
        <thead>
          <tr>
            <td className={styles.corner} />
            {COLUMNS.map((x) => (
              <th key={x} scope="col" className={styles.header}>
                {x}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((abc) => (
            <tr key={abc}>
              <th scope="row" className={styles.header}>
                {abc}
              </th>
              {COLUMNS.map((xyz) => {
                const cell = `${abc}${xyz}` as AbcXyzCell;
                const invalid = problems.some((p) => p.includes(` ${cell} `));
                return (
                  <td key={xyz}>
                    <CellInput
                      cell={cell}
                      settings={settings}
                      onSettings={onSettings}
                      invalid={invalid}
                      describedBy={errorId}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <Text id={errorId} size={200} className={styles.error} role="alert">
          {problems.join(" ")}
        </Text>
      )}
    </div>
  );
}
