import {
  Body1,
  Button,
  Link,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { WorkbookSetup } from "../../engine/workbookParts/setup";
import { tableSize } from "./format";
import { useStepStyles } from "./styles";
import { SetupStatus, TableSource, Task } from "./state";

export interface SelectStepProps {
  setup: SetupStatus;
  source?: TableSource;
  busy: Task | null;
  onUseSelection: () => void;
  onRefresh: () => void;
  onNext: () => void;
  onReloadSetup: () => void;
}

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  cardTitle: {
    margin: 0,
  },
});

/** What the saved setup says in one line: where the table was and how many columns were mapped. */
function savedLine(saved: WorkbookSetup): string {
  const columns = Object.keys(saved.mapping.columns).length;
  const where = saved.input ? `Last run on ${saved.input.address}` : "Saved by the last run";
  const periods = saved.mapping.history.length;
  return `${where}: ${columns} columns mapped${periods > 0 ? `, ${periods} demand periods` : ""}.`;
}

interface RefreshCardProps {
  saved: WorkbookSetup;
  busy: Task | null;
  onRefresh: () => void;
}

/** Next month's refresh: one prominent button. */
function RefreshCard({ saved, busy, onRefresh }: RefreshCardProps) {
  const styles = useStyles();
  const step = useStepStyles();
  const titleId = useId();
  return (
    <div className={styles.card} aria-labelledby={titleId} role="group">
      <Subtitle2 as="h3" id={titleId} className={styles.cardTitle}>
        Saved settings found
      </Subtitle2>
      <Body1 className={step.wrapAnywhere}>{savedLine(saved)}</Body1>
      <Text size={200} className={step.muted}>
        Re-reads the table (select a cell in it if it is not selected), finds the columns by their headers and
        writes a fresh report.
      </Text>
      <div>
        <Button appearance="primary" size="large" onClick={onRefresh} disabled={busy !== null}>
          Refresh with saved settings
        </Button>
      </div>
      {busy === "refresh" && <Spinner size="tiny" label="Reading the table…" />}
    </div>
  );
}

/** Step 1: read the selected table, or refresh with the saved setup. */
export function SelectStep(props: SelectStepProps) {
  const { setup, source, busy, onUseSelection, onRefresh, onNext, onReloadSetup } = props;
  const step = useStepStyles();
  const hasSaved = setup.status === "found";
  return (
    <div className={step.stack}>
      {setup.status === "found" && <RefreshCard saved={setup.saved} busy={busy} onRefresh={onRefresh} />}
      <Body1>
        Select your SKU table with its header row, or a single cell inside it (the pane then reads the whole
        block around it).
      </Body1>
      <div className={step.actions}>
        <Button
          appearance={hasSaved ? "secondary" : "primary"}
          onClick={onUseSelection}
          disabled={busy !== null}
        >
          Use selection
        </Button>
        {source && (
          <Button onClick={onNext} disabled={busy !== null}>
            Next: columns
          </Button>
        )}
      </div>
      {busy === "read" && <Spinner size="tiny" label="Reading the selection…" />}
      {source && (
        <div className={step.tight} role="status">
          <Text weight="semibold" className={step.wrapAnywhere}>
            {source.address}
          </Text>
          <Text size={200} className={step.muted}>
            {tableSize(source.table.rows.length, source.table.headers.length)} (plus the header row)
          </Text>
        </div>
      )}
      {setup.status === "loading" && <Spinner size="tiny" label="Looking for saved settings…" />}
      {setup.status === "unavailable" && (
        <Text size={200} className={step.muted}>
          Saved settings could not be read: {setup.message}{" "}
          <Link as="button" onClick={onReloadSetup}>
            Try again
          </Link>
        </Text>
      )}
    </div>
  );
}
