import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { Scenario, StressSettings } from "../../engine/simulation/stress";
import {
  describeError,
  formatAmount,
  formatCompactAmount,
  formatCount,
  formatPercent,
  redirectNote,
  tableSize,
} from "../workflow/format";
import { MessageList } from "../workflow/MessageList";
import { useStepStyles } from "../workflow/styles";
import { NumberInput } from "../workflow/NumberField";
import {
  DISRUPTIONS,
  DISRUPTION_ORDER,
  FIELD_LABELS,
  ScenarioNumberField,
  ScenarioTextField,
  editableScenarios,
  fieldProblems,
  hasDisruption,
  newScenario,
  otherProblems,
  scenarioNumber,
  suppliersOf,
  withDisruption,
  withField,
} from "./scenarioModel";
import { StressModel, StressProgressState, StressRunResult } from "./useStress";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
    // A fieldset's own margin and minimum width would push the card off the pane's grid.
    margin: 0,
    minInlineSize: 0,
  },
  cardHeader: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(6.5em, 1fr))",
    // Inputs line up even where one label wraps to two lines.
    alignItems: "end",
    gap: tokens.spacingHorizontalS,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
  input: {
    minWidth: 0,
    width: "100%",
  },
  centred: {
    alignItems: "center",
  },
  resultHeading: {
    ...typographyStyles.subtitle2,
    margin: 0,
    // Focused only to bring the result into view and start a screen reader there.
    ":focus": { outlineStyle: "none" },
    ":focus-visible": { outlineStyle: "auto" },
  },
  table: {
    tableLayout: "auto",
  },
  number: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
});

const NO_SUPPLIER = "";

interface ScenarioCardProps {
  scenario: Scenario;
  index: number;
  problems: readonly string[];
  suppliers: readonly string[];
  disabled: boolean;
  onChange: (scenario: Scenario) => void;
  onRemove: () => void;
}

function ScenarioCard({
  scenario,
  index,
  problems,
  suppliers,
  disabled,
  onChange,
  onRemove,
}: ScenarioCardProps) {
  const styles = useStyles();
  const number = scenarioNumber(index);
  const nameProblems = problems.filter(
    (p) => p.startsWith(`Scenario ${number} `) && /needs a name|longer than|same name|Baseline/.test(p),
  );
  const numberField = (field: ScenarioNumberField) => (
    <NumberInput
      key={field}
      label={FIELD_LABELS[field]}
      value={scenario[field] ?? null}
      problems={fieldProblems(problems, index, field)}
      disabled={disabled}
      className={styles.input}
      onChange={(v) => onChange(withField(scenario, field, v ?? undefined))}
    />
  );
  const supplierField = (field: ScenarioTextField) => (
    <Field key={field} label={FIELD_LABELS[field]}>
      <Select
        className={styles.input}
        disabled={disabled}
        value={scenario[field] ?? NO_SUPPLIER}
        onChange={(_, data) => onChange(withField(scenario, field, data.value))}
      >
        <option value={NO_SUPPLIER}>All suppliers</option>
        {[...new Set([...suppliers, ...(scenario[field] ? [scenario[field]] : [])])].map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <fieldset className={styles.card} aria-label={`Scenario ${number}: ${scenario.name}`} disabled={disabled}>
      <div className={styles.cardHeader}>
        <Text weight="semibold">Scenario {number}</Text>
        <Button
          size="small"
          appearance="subtle"
          disabled={disabled}
          onClick={onRemove}
          aria-label={`Remove scenario ${number} (${scenario.name})`}
        >
          Remove
        </Button>
      </div>
      <Field
        label={`Scenario ${number} name`}
        validationState={nameProblems.length > 0 ? "error" : "none"}
        validationMessage={nameProblems.length > 0 ? nameProblems.join(" ") : undefined}
      >
        <Input
          className={styles.input}
          disabled={disabled}
          value={scenario.name}
          onChange={(_, data) => onChange({ ...scenario, name: data.value })}
        />
      </Field>
      {DISRUPTION_ORDER.map((kind) => {
        const on = hasDisruption(scenario, kind);
        const info = DISRUPTIONS[kind];
        return (
          <div key={kind}>
            <Switch
              label={info.label}
              checked={on}
              onChange={(_, data) => onChange(withDisruption(scenario, kind, data.checked))}
            />
            {on && (
              <div className={styles.row} role="group" aria-label={`${info.label} of scenario ${number}`}>
                {info.fields.map((field) =>
                  field === "outageSupplier" || field === "moqSupplier"
                    ? supplierField(field)
                    : numberField(field),
                )}
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

function progressLabel(progress: StressProgressState): string {
  if (progress.cancelling) return "Cancelling…";
  if (progress.phase === "writing") return "Writing WC Stress test…";
  return progress.total > 0
    ? `Simulating ${formatCount(progress.done)} of ${formatCount(progress.total)} SKUs…`
    : "Segmenting and preparing the simulation…";
}

function StressResultView({ result, model }: { result: StressRunResult; model: StressModel }) {
  const styles = useStyles();
  const step = useStepStyles();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [openError, setOpenError] = useState<string>();
  // A new result: take the user to it (the editor above can be long), as the workflow's steps do.
  useEffect(() => heading.current?.focus(), [result]);
  const sheet = result.write.sheets[0];
  const open = (name: string, activate: (name: string) => Promise<void>) => {
    setOpenError(undefined);
    activate(name).catch((e: unknown) => setOpenError(`“${name}” could not be shown: ${describeError(e)}`));
  };
  return (
    <div className={step.stack}>
      <h3 id={headingId} className={styles.resultHeading} ref={heading} tabIndex={-1}>
        Stress test written
      </h3>
      <Text size={200} className={step.muted}>
        {formatCount(result.skus)} SKUs × {formatCount(result.replications)} replications ×{" "}
        {formatCount(result.periods)} periods per scenario
        {result.skipped > 0 ? `; ${formatCount(result.skipped)} SKUs without demand or policy left out` : ""}.
      </Text>
      <Table size="small" className={styles.table} aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Scenario</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Fill rate</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Avg stock</TableHeaderCell>
            <TableHeaderCell className={styles.number}>vs Base</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.scenarios.map((s) => (
            <TableRow key={s.name}>
              <TableCell>{s.name}</TableCell>
              <TableCell className={styles.number}>{formatPercent(s.fillRate ?? NaN)}</TableCell>
              <TableCell className={styles.number} title={formatAmount(s.averageValue)}>
                {formatCompactAmount(s.averageValue)}
              </TableCell>
              <TableCell className={styles.number} title={formatAmount(s.cashVsBaseline)}>
                {s.cashVsBaseline === 0
                  ? "—"
                  : `${s.cashVsBaseline > 0 ? "+" : ""}${formatCompactAmount(s.cashVsBaseline)}`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text size={200} className={step.muted}>
        All SKUs. Fill rate: demand served from stock. Avg stock: average inventory value; vs Base: its change
        from the Baseline (+ is more cash tied up). Every segment, the frontier and each SKU are on the sheet.
      </Text>
      {result.write.redirected.map((r) => (
        <Text key={r.requested} size={200}>
          {redirectNote(r)}
        </Text>
      ))}
      {sheet !== undefined && model.activateSheet && (
        <div className={step.actions}>
          <Button onClick={() => model.activateSheet && open(sheet, model.activateSheet)}>
            Open {sheet}
          </Button>
        </div>
      )}
      {openError && (
        <Text size={200} role="alert">
          {openError}
        </Text>
      )}
    </div>
  );
}

export interface StressStepProps {
  model: StressModel;
}

/** The Stress test tab: what is simulated, the scenario editor, the simulation settings, Run. */
export function StressStep({ model }: StressStepProps) {
  const styles = useStyles();
  const step = useStepStyles();
  const headingId = useId();
  const { stress, problems, input, progress, result, message } = model;
  const busy = progress !== undefined;
  const scenarios = editableScenarios(stress);
  const setScenarios = (list: Scenario[]) => model.setStress({ ...stress, scenarios: list });
  const setNumber = (key: "replications" | "periods" | "seed", v: number | null) =>
    model.setStress({ ...stress, [key]: v ?? NaN } as StressSettings);
  const settingProblems = (word: string) => problems.filter((p) => p.startsWith(word));
  const suppliers = suppliersOf(input?.source, input?.mapping);
  const fieldNames = Object.keys(FIELD_LABELS);
  const listed = otherProblems(problems, fieldNames).filter(
    (p) =>
      !/^(Replications|Periods|Seed) /.test(p) &&
      !/^Scenario \d+ .*(needs a name|longer than|same name|Baseline)/.test(p),
  );
  return (
    <section className={step.stack} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={step.subheading}>
        Stress test
      </Subtitle2>
      <Text size={200}>
        Simulates every segmented SKU&apos;s reorder policy period by period under each scenario (demand drawn
        from its own history, random lead times) and writes the achieved fill rate, stockouts and average
        inventory, with the service-vs-cash frontier, to WC Stress test.
      </Text>
      {input ? (
        <Text size={200} className={step.muted}>
          Policies of {input.origin}: {input.source.address} ·{" "}
          {tableSize(input.source.table.rows.length, input.source.table.headers.length)}.
        </Text>
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No policies to stress yet.</MessageBarTitle> Run a segmentation on the Segment
            tab first, or use the setup saved in this workbook on the selected table.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void model.readSavedTable()} disabled={model.reading || busy}>
              {model.reading ? "Reading…" : "Use the saved setup"}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle>
            {message.lines.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={step.tight}>
        <Subtitle2 as="h3" className={step.subheading}>
          Scenarios
        </Subtitle2>
        <Text size={200} className={step.muted}>
          Scenario 1, Baseline (no disruption), always runs first. Periods are the history&apos;s periods,
          counted from the first simulated one.
        </Text>
      </div>
      {scenarios.map((scenario, i) => (
        <ScenarioCard
          key={i}
          scenario={scenario}
          index={i}
          problems={problems}
          suppliers={suppliers}
          disabled={busy}
          onChange={(next) => setScenarios(scenarios.map((s, k) => (k === i ? next : s)))}
          onRemove={() => setScenarios(scenarios.filter((_, k) => k !== i))}
        />
      ))}
      <div className={step.actions}>
        <Button onClick={() => setScenarios([...scenarios, newScenario(scenarios)])} disabled={busy}>
          Add scenario
        </Button>
      </div>

      <div className={styles.card}>
        <Subtitle2 as="h3" className={step.subheading}>
          Simulation
        </Subtitle2>
        <div className={styles.row}>
          <NumberInput
            label="Replications"
            value={Number.isNaN(stress.replications) ? null : stress.replications}
            problems={settingProblems("Replications")}
            disabled={busy}
            className={styles.input}
            onChange={(v) => setNumber("replications", v)}
          />
          <NumberInput
            label="Periods"
            value={Number.isNaN(stress.periods) ? null : stress.periods}
            problems={settingProblems("Periods")}
            disabled={busy}
            className={styles.input}
            onChange={(v) => setNumber("periods", v)}
          />
          <NumberInput
            label="Seed"
            value={Number.isNaN(stress.seed) ? null : stress.seed}
            problems={settingProblems("Seed")}
            disabled={busy}
            className={styles.input}
            onChange={(v) => setNumber("seed", v)}
          />
        </div>
      </div>

      <MessageList intent="error" title="Fix before running" messages={listed} />
      {progress ? (
        <div className={step.stack}>
          <Field label={progressLabel(progress)}>
            <ProgressBar
              value={
                progress.total > 0 && progress.done < progress.total
                  ? progress.done / progress.total
                  : undefined
              }
              thickness="large"
            />
          </Field>
          <div className={step.actions}>
            <Button onClick={model.cancel} disabled={progress.cancelling}>
              {progress.cancelling ? "Cancelling…" : "Cancel"}
            </Button>
          </div>
        </div>
      ) : (
        <div className={mergeClasses(step.actions, styles.centred)}>
          <Button
            appearance="primary"
            onClick={() => void model.run()}
            disabled={!input || problems.length > 0}
          >
            Run stress test
          </Button>
          {!input && (
            <Text size={200} className={step.muted}>
              Needs a segmentation run (see above).
            </Text>
          )}
        </div>
      )}
      {result && !progress && <StressResultView result={result} model={model} />}
    </section>
  );
}
