import { makeStyles, typographyStyles } from "@fluentui/react-components";
import { ReactNode, useEffect, useRef } from "react";

export interface StepHeadingProps {
  id: string;
  /** Changes when the step changes; the heading then takes the focus. */
  stepKey: string;
  children: ReactNode;
}

const useStyles = makeStyles({
  heading: {
    ...typographyStyles.subtitle1,
    margin: 0,
    // The heading takes focus only so screen readers start reading the new step there.
    ":focus": { outlineStyle: "none" },
    ":focus-visible": { outlineStyle: "auto" },
  },
});

/**
 * Moves the focus to the heading whenever the step changes (not on the first render: opening the
 * pane should not steal focus from Excel).
 */
function useFocusOnStepChange(stepKey: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [stepKey]);
  return ref;
}

/** The current step's title: a level-2 heading that receives focus when the step changes. */
export function StepHeading({ id, stepKey, children }: StepHeadingProps) {
  const ref = useFocusOnStepChange(stepKey);
  const styles = useStyles();
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={styles.heading}>
      {children}
    </h2>
  );
}
