import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Failure, Notice } from "./state";

const useStyles = makeStyles({
  lines: {
    margin: 0,
    paddingInlineStart: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  message: {
    overflowWrap: "anywhere",
  },
});

export interface FailureBarProps {
  failure: Failure;
  onRetry: () => void;
  onDismiss: () => void;
}

/** An error from Excel or the engine, in words, with a way to try again. */
export function FailureBar({ failure, onRetry, onDismiss }: FailureBarProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" politeness="assertive">
      <MessageBarBody className={styles.message}>
        <MessageBarTitle>{failure.title}.</MessageBarTitle> {failure.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={onRetry}>
          Try again
        </Button>
        <Button size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export interface NoticeBarProps {
  notice: Notice;
  onDismiss: () => void;
}

/** Something the user should know that is not an error: a cancel, missing saved columns. */
export function NoticeBar({ notice, onDismiss }: NoticeBarProps) {
  const styles = useStyles();
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody className={styles.message}>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        <ul className={styles.lines}>
          {notice.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
