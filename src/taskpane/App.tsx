import {
  Body1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FunctionCatalogue } from "./FunctionCatalogue";
import { PRODUCT_NAME, PRODUCT_TAGLINE, README_URL } from "./product";

export interface AppProps {
  /** False when the page was opened outside Excel (in a browser, or Office.js did not load). */
  insideExcel: boolean;
}

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
        Open this add-in from Excel to use the functions below in your workbook.
      </MessageBarBody>
    </MessageBar>
  );
}

/** The task pane: what the product is, the functions it adds to Excel, and where to read more. */
export function App({ insideExcel }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {PRODUCT_NAME}
        </Title3>
        <Body1 className={styles.tagline}>{PRODUCT_TAGLINE}</Body1>
      </header>
      {!insideExcel && <OutsideExcelNotice />}
      <FunctionCatalogue />
      <footer className={styles.footer}>
        <Link href={README_URL} target="_blank" rel="noopener noreferrer">
          Read the guide: worked examples for every function
        </Link>
      </footer>
    </main>
  );
}
