import { Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { ColumnMapping, InputTable } from "../../engine/segmentation/input";
import { previewRows } from "./mappingModel";
import { useStepStyles } from "./styles";

export interface MappingPreviewProps {
  table: InputTable;
  mapping: ColumnMapping;
}

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  table: {
    borderCollapse: "collapse",
    minWidth: "100%",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  cell: {
    whiteSpace: "nowrap",
    textAlign: "start",
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** The first rows of the mapped columns, as the engine will read them. */
export function MappingPreview({ table, mapping }: MappingPreviewProps) {
  const preview = useMemo(() => previewRows(table, mapping), [table, mapping]);
  const styles = useStyles();
  const step = useStepStyles();
  const headerCell = `${styles.cell} ${styles.header}`;
  return (
    <div className={step.tight}>
      <Subtitle2 as="h3" className={step.subheading}>
        First rows
      </Subtitle2>
      {preview.columns.length === 0 ? (
        <Text size={200} className={step.muted}>
          No column is mapped yet.
        </Text>
      ) : (
        // A keyboard-focusable scroll region: the table is wider than the pane.
        <div className={styles.scroller} role="region" aria-label="First rows, scrollable" tabIndex={0}>
          <table className={styles.table}>
            <thead>
              <tr>
                {preview.columns.map((c) => (
                  <th key={c.column} scope="col" className={headerCell}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((text, c) => (
                    <td key={preview.columns[c].column} className={styles.cell}>
                      {text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
