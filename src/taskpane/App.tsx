import {
  Body1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SelectTabData,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { FunctionCatalogue } from "./FunctionCatalogue";
import { PRODUCT_NAME, PRODUCT_TAGLINE, README_URL } from "./product";
import { StressStep } from "./stress/StressStep";
import { StressRunner, runStressTest } from "./stress/stressRunner";
import { StressInput, useStress } from "./stress/useStress";
import { WorkbookGateway, officeGateway, oneWriteAtATime } from "./workflow/gateway";
import { SegmentRunner, runSegmentation } from "./workflow/runner";
import { Workflow } from "./workflow/Workflow";

export interface AppProps {
  /** False when the page was opened outside Excel (in a browser, or Office.js did not load). */
  insideExcel: boolean;
  /** The workbook the pane works on; Office.js by default (tests pass a fake). */
  gateway?: WorkbookGateway;
  /** Where `segment` runs; a Web Worker when there is one, by default. */
  runner?: SegmentRunner;
  /** Where the stress test runs; a Web Worker when there is one, by default. */
  stressRunner?: StressRunner;
}

type TabId = "segment" | "stress" | "functions";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    boxSizing: "border-box",
    minWidth: 0,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  title: {
    margin: 0,
    color: tokens.colorBrandForeground1,
  },
  tagline: {
    color: tokens.colorNeutralForeground2,
  },
  tabs: {
    marginInline: `calc(${tokens.spacingHorizontalS} * -1)`,
  },
  panel: {
    // The hidden attribute must win over display: flex, or an inactive tab stays visible.
    "&[hidden]": { display: "none" },
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  footer: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
});

function OutsideExcelNotice() {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Not running inside Excel.</MessageBarTitle>
        Open this add-in from Excel to segment a table and to use the functions below in your workbook.
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Which tab is shown, and which have been opened: an opened tab stays mounted (hidden), so the
 * workflow keeps its state and the function list is fetched once.
 */
function useTabs(insideExcel: boolean) {
  const [tab, setTab] = useState<TabId>(insideExcel ? "segment" : "functions");
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  const select = (_: unknown, data: SelectTabData) => {
    const next = data.value as TabId;
    setTab(next);
    setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
  };
  return { tab, opened, select };
}

interface StressPanelProps {
  gateway: WorkbookGateway;
  runner: StressRunner;
  lastRun?: StressInput;
}

/** The Stress test tab over its own state (useStress), fed by the Segment tab's last run. */
function StressPanel({ gateway, runner, lastRun }: StressPanelProps) {
  const model = useStress({ gateway, runner, lastRun });
  return <StressStep model={model} />;
}

/** The task pane: segment a SKU table and stress-test its policies (inside Excel), the functions, the guide. */
export function App({
  insideExcel,
  gateway,
  runner = runSegmentation,
  stressRunner = runStressTest,
}: AppProps) {
  const styles = useStyles();
  const { tab, opened, select } = useTabs(insideExcel);
  // Both tabs write reports; one write at a time keeps the owned-sheet marker whole.
  const workbook = useMemo(() => oneWriteAtATime(gateway ?? officeGateway()), [gateway]);
  const [lastRun, setLastRun] = useState<StressInput>();
  const ids = { segment: useId(), stress: useId(), functions: useId() };
  const panel = (id: TabId) => ({
    id: `${ids[id]}-panel`,
    role: "tabpanel",
    "aria-labelledby": `${ids[id]}-tab`,
    hidden: tab !== id,
    className: styles.panel,
  });
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {PRODUCT_NAME}
        </Title3>
        <Body1 className={styles.tagline}>{PRODUCT_TAGLINE}</Body1>
      </header>
      {!insideExcel && <OutsideExcelNotice />}
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={select} aria-label="Pane sections">
        <Tab value="segment" id={`${ids.segment}-tab`} aria-controls={`${ids.segment}-panel`}>
          Segment
        </Tab>
        <Tab value="stress" id={`${ids.stress}-tab`} aria-controls={`${ids.stress}-panel`}>
          Stress test
        </Tab>
        <Tab value="functions" id={`${ids.functions}-tab`} aria-controls={`${ids.functions}-panel`}>
          Functions
        </Tab>
      </TabList>
      {opened.has("segment") && (
        <div {...panel("segment")}>
          {insideExcel ? (
            <Workflow gateway={workbook} runner={runner} onRunComplete={setLastRun} />
          ) : (
            <Body1>Segmentation reads and writes your workbook, so it works only inside Excel.</Body1>
          )}
        </div>
      )}
      {opened.has("stress") && (
        <div {...panel("stress")}>
          {insideExcel ? (
            <StressPanel gateway={workbook} runner={stressRunner} lastRun={lastRun} />
          ) : (
            <Body1>
              The stress test simulates the policies of a segmented table, so it works only inside Excel.
            </Body1>
          )}
        </div>
      )}
      {opened.has("functions") && (
        <div {...panel("functions")}>
          <FunctionCatalogue />
        </div>
      )}
      <footer className={styles.footer}>
        <Link href={README_URL} target="_blank" rel="noopener noreferrer">
          Read the guide: the workflow and worked examples for every function
        </Link>
      </footer>
    </main>
  );
}
