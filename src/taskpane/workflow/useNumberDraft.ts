import { useEffect, useRef, useState } from "react";
import { formatSetting, parseSetting } from "./settingsModel";

/**
 * The text of a number input. The text is what the user typed ("0." stays "0." while typing);
 * it follows the stored value only when that changes from outside (Reset to defaults).
 */
export function useNumberDraft(
  value: number | null,
  scale: number,
  onChange: (value: number | null) => void,
) {
  const [text, setText] = useState(() => formatSetting(value, scale));
  const sent = useRef<number | null>(value);
  useEffect(() => {
    if (!Object.is(value, sent.current)) {
      sent.current = value;
      setText(formatSetting(value, scale));
    }
  }, [value, scale]);
  const change = (next: string) => {
    setText(next);
    const parsed = parseSetting(next, scale);
    sent.current = parsed;
    onChange(parsed);
  };
  return { text, change };
}
