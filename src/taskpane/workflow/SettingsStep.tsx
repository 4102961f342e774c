import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Radio,
  RadioGroup,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Dispatch, ReactNode, useCallback, useMemo } from "react";
import { ARCHETYPES, SegmentationSettings } from "../../engine/segmentation/settings";
import { ArchetypeRules } from "./ArchetypeRules";
import { AsOfDateField } from "./AsOfDateField";
import { formatDays } from "./format";
import { NumberField } from "./NumberField";
import { ServiceMatrix } from "./ServiceMatrix";
import { NumberSettingKey, fieldProblems, matrixProblems, settingsProblems } from "./settingsModel";
import { WorkflowAction } from "./state";
import { MessageList } from "./MessageList";
import { useStepStyles } from "./styles";

export interface SettingsStepProps {
  settings: SegmentationSettings;
  dispatch: Dispatch<WorkflowAction>;
  onRun: () => void;
  busy: boolean;
}

/**
 * The engine's MIN_FORECAST_PERIODS, repeated so the pane's main bundle does not pull in the
 * forecasting code (segmentation runs in a worker); a test keeps the two equal.
 */
export const FORECAST_MIN_PERIODS = 12;

type SectionId = "service" | "classes" | "costs" | "slob" | "risk" | "archetypes";

/** The number fields in each section, to count a section's problems on its (maybe closed) header. */
const SECTION_KEYS: Record<SectionId, readonly NumberSettingKey[]> = {
  service: [...ARCHETYPES.map((a) => `adjust.${a}` as const), "reviewPeriods"],
  classes: ["aCut", "bCut", "xCut", "yCut"],
  costs: ["holdingRate", "defaultOrderCost", "targetDio"],
  slob: ["slobNoMovementDays", "slobCoverageDays"],
  risk: ["longLeadTimeDays", "volatileLeadTimeRatio", "volatileDemandCv"],
  archetypes: [],
};

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    minWidth: 0,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(8em, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalM,
  },
});

function useSettingsStep({ settings, dispatch }: SettingsStepProps) {
  const onSettings = useCallback(
    (next: SegmentationSettings) => dispatch({ type: "settingsChanged", settings: next }),
    [dispatch],
  );
  const problems = useMemo(() => settingsProblems(settings), [settings]);
  const sectionProblems = useMemo(() => {
    const count = (id: SectionId) =>
      SECTION_KEYS[id].reduce((n, key) => n + fieldProblems(settings, key).length, 0) +
      (id === "service" ? matrixProblems(settings).length : 0);
    return Object.fromEntries(
      (Object.keys(SECTION_KEYS) as SectionId[]).map((id) => [id, count(id)]),
    ) as Record<SectionId, number>;
  }, [settings]);
  return { onSettings, problems, sectionProblems };
}

interface SectionProps {
  id: SectionId;
  title: string;
  problems: number;
  children: ReactNode;
}

function Section({ id, title, problems, children }: SectionProps) {
  const styles = useStyles();
  return (
    <AccordionItem value={id}>
      <AccordionHeader as="h3" size="medium">
        <span className={styles.header}>
          {title}
          {problems > 0 && (
            <Badge color="danger" size="small" appearance="filled">
              {problems === 1 ? "1 to fix" : `${problems} to fix`}
            </Badge>
          )}
        </span>
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>{children}</AccordionPanel>
    </AccordionItem>
  );
}

/** Step 3: every segmentation setting, checked by the engine's rules as the user types. */
export function SettingsStep(props: SettingsStepProps) {
  const { settings, dispatch, onRun, busy } = props;
  const { onSettings, problems, sectionProblems } = useSettingsStep(props);
  const styles = useStyles();
  const step = useStepStyles();
  const field = { settings, onSettings };
  return (
    <div className={step.stack}>
      <Accordion multiple collapsible defaultOpenItems={["service"]}>
        <Section id="service" title="Service targets" problems={sectionProblems.service}>
          <ServiceMatrix {...field} />
          <div className={styles.pair}>
            {ARCHETYPES.map((a) => (
              <NumberField
                key={a}
                {...field}
                settingKey={`adjust.${a}`}
                label={`${a} adjustment`}
                unit="pp"
              />
            ))}
          </div>
          <Field label="Safety stock method">
            <RadioGroup
              value={settings.serviceMethod}
              onChange={(_, data) =>
                onSettings({ ...settings, serviceMethod: data.value === "fill" ? "fill" : "cycle" })
              }
            >
              <Radio value="cycle" label="Cycle service level (chance of no stockout per cycle)" />
              <Radio value="fill" label="Fill rate (share of demand served from stock)" />
            </RadioGroup>
          </Field>
          <Field
            hint={`Safety stock and reorder point from each SKU's forecast where it earns it (${FORECAST_MIN_PERIODS}+ periods of history, beats the naive forecast); otherwise, or when off, from the demand SD.`}
          >
            <Switch
              label="Buffers from forecasts"
              checked={settings.forecastBuffers}
              onChange={(_, data) => onSettings({ ...settings, forecastBuffers: data.checked })}
            />
          </Field>
          <NumberField
            {...field}
            settingKey="reviewPeriods"
            label="Review period"
            unit="periods"
            hint="0 for continuous review."
          />
        </Section>
        <Section id="classes" title="ABC and XYZ classes" problems={sectionProblems.classes}>
          <div className={styles.pair}>
            <NumberField {...field} settingKey="aCut" label="A: value share up to" unit="%" />
            <NumberField {...field} settingKey="bCut" label="B: value share up to" unit="%" />
          </div>
          <div className={styles.pair}>
            <NumberField {...field} settingKey="xCut" label="X: demand CV up to" />
            <NumberField {...field} settingKey="yCut" label="Y: demand CV up to" />
          </div>
        </Section>
        <Section id="costs" title="Costs and DIO target" problems={sectionProblems.costs}>
          <div className={styles.pair}>
            <NumberField {...field} settingKey="holdingRate" label="Holding rate per year" unit="%" />
            <NumberField
              {...field}
              settingKey="defaultOrderCost"
              label="Default order cost"
              hint="Where no order-cost column is mapped."
            />
          </div>
          <NumberField
            {...field}
            settingKey="targetDio"
            label="Target DIO"
            unit="days"
            placeholder="Policy target"
            hint={`Empty: the target the policies imply. Top quartile ${formatDays(settings.topQuartile.dio)}, median ${formatDays(settings.median.dio)}.`}
          />
        </Section>
        <Section id="slob" title="Slow-moving and obsolete (SLOB)" problems={sectionProblems.slob}>
          <div className={styles.pair}>
            <NumberField
              {...field}
              settingKey="slobNoMovementDays"
              label="No movement for over"
              unit="days"
            />
            <NumberField {...field} settingKey="slobCoverageDays" label="Coverage over" unit="days" />
          </div>
          <AsOfDateField {...field} />
        </Section>
        <Section id="risk" title="Risk thresholds" problems={sectionProblems.risk}>
          <NumberField {...field} settingKey="longLeadTimeDays" label="Long lead time over" unit="days" />
          <div className={styles.pair}>
            <NumberField
              {...field}
              settingKey="volatileLeadTimeRatio"
              label="Volatile lead time: σL ÷ L over"
            />
            <NumberField {...field} settingKey="volatileDemandCv" label="Volatile demand: CV over" />
          </div>
        </Section>
        <Section id="archetypes" title="Archetype rules" problems={0}>
          <ArchetypeRules {...field} />
        </Section>
      </Accordion>
      <MessageList intent="error" title="Fix before running" messages={problems} />
      <div className={step.actions}>
        <Button onClick={() => dispatch({ type: "goTo", step: "map" })} disabled={busy}>
          Back
        </Button>
        <Button onClick={() => dispatch({ type: "settingsReset" })} disabled={busy}>
          Reset to defaults
        </Button>
        <Button appearance="primary" onClick={onRun} disabled={busy || problems.length > 0}>
          Run
        </Button>
      </div>
    </div>
  );
}
