import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useStepStyles } from "./styles";

export interface MessageListProps {
  intent: "warning" | "error";
  title: string;
  messages: readonly string[];
}

/** A titled message bar listing problems or warnings; renders nothing when there are none. */
export function MessageList({ intent, title, messages }: MessageListProps) {
  const step = useStepStyles();
  if (messages.length === 0) return null;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={step.list}>
          {messages.map((m) => (
            <li key={m} className={step.wrapAnywhere}>
              {m}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
