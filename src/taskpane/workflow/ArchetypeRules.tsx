import { Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import {
  ABC_XYZ_CELLS,
  ArchetypeRules as Rules,
  SegmentationSettings,
} from "../../engine/segmentation/settings";
import { useStepStyles } from "./styles";

export interface ArchetypeRulesProps {
  settings: SegmentationSettings;
  onSettings: (settings: SegmentationSettings) => void;
}

const ABC = ["A", "B", "C"] as const;

const useStyles = makeStyles({
  fieldset: {
    margin: 0,
    padding: 0,
    border: "none",
    minWidth: 0,
  },
  legend: {
    padding: 0,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  options: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
  },
  cells: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
  },
});

interface ChoiceProps {
  legend: string;
  options: readonly string[];
  chosen: readonly string[];
  grid?: boolean;
  onChange: (chosen: string[]) => void;
}

/** A group of checkboxes choosing some of `options`, kept in the options' order. */
function Choice({ legend, options, chosen, grid, onChange }: ChoiceProps) {
  const styles = useStyles();
  const toggle = (option: string, on: boolean) =>
    onChange(options.filter((o) => (o === option ? on : chosen.includes(o))));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={grid ? styles.cells : styles.options}>
        {options.map((option) => (
          <Checkbox
            key={option}
            label={option}
            checked={chosen.includes(option)}
            onChange={(_, data) => toggle(option, data.checked === true)}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Which items are Strategic or Tail (the rest are Commodity), as documented in the README. */
export function ArchetypeRules({ settings, onSettings }: ArchetypeRulesProps) {
  const rules = settings.archetypeRules;
  const set = (patch: Partial<Rules>) => onSettings({ ...settings, archetypeRules: { ...rules, ...patch } });
  const step = useStepStyles();
  return (
    <div className={step.stack}>
      <Choice
        legend="Always Strategic: ABC classes"
        options={ABC}
        chosen={rules.strategicAbc}
        onChange={(strategicAbc) => set({ strategicAbc })}
      />
      <Choice
        legend="Single source with a long lead time is Strategic, except in classes"
        options={ABC}
        chosen={rules.strategicSupplyRiskExceptAbc}
        onChange={(strategicSupplyRiskExceptAbc) => set({ strategicSupplyRiskExceptAbc })}
      />
      <Choice
        legend="Tail: ABC-XYZ cells"
        options={ABC_XYZ_CELLS}
        chosen={rules.tailCells}
        grid
        onChange={(tailCells) => set({ tailCells })}
      />
      <Choice
        legend="Slow-moving or obsolete (SLOB) items are Tail in classes"
        options={ABC}
        chosen={rules.tailSlobAbc}
        onChange={(tailSlobAbc) => set({ tailSlobAbc })}
      />
    </div>
  );
}
