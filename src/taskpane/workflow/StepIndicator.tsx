import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { STEPS, StepId } from "./state";

export interface StepIndicatorProps {
  current: StepId;
}

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXXS,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  item: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXXS,
    paddingBlock: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalSNudge,
    borderRadius: tokens.borderRadiusCircular,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  done: {
    color: tokens.colorNeutralForeground2,
  },
  current: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Where the user is: the five steps, the current one marked (aria-current="step"). */
export function StepIndicator({ current }: StepIndicatorProps) {
  const styles = useStyles();
  const currentIndex = STEPS.findIndex((s) => s.id === current);
  return (
    <ol className={styles.list} aria-label="Steps">
      {STEPS.map((step, i) => (
        <li
          key={step.id}
          aria-current={i === currentIndex ? "step" : undefined}
          className={mergeClasses(
            styles.item,
            i < currentIndex && styles.done,
            i === currentIndex && styles.current,
          )}
        >
          <span aria-hidden="true">{i + 1}</span>
          {step.label}
        </li>
      ))}
    </ol>
  );
}
