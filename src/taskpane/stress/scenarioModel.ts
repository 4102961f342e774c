/**
 * The scenario editor's model, pure: which disruptions a scenario has, switching one on (with
 * sensible defaults) or off, setting a field, new scenario names, the suppliers of the table, and
 * the engine's validation problems placed at their fields. The engine (validateStressSettings)
 * decides what is valid; this only shapes it for the form.
 */
import { ColumnMapping } from "../../engine/segmentation/input";
import { Scenario, StressSettings, isPlainScenario } from "../../engine/simulation/stress";
import type { TableSource } from "../workflow/state";

export type Disruption = "shock" | "delay" | "outage" | "moq";

export type ScenarioNumberField =
  | "demandShockPct"
  | "shockStart"
  | "shockPeriods"
  | "leadTimeDelay"
  | "delayStart"
  | "delayPeriods"
  | "outageStart"
  | "outagePeriods"
  | "moq";

export type ScenarioTextField = "outageSupplier" | "moqSupplier";

export interface DisruptionInfo {
  label: string;
  /** The field whose presence means the scenario has this disruption. */
  main: ScenarioNumberField;
  fields: readonly (ScenarioNumberField | ScenarioTextField)[];
  /** What switching it on sets. */
  defaults: Partial<Scenario>;
}

export const DISRUPTIONS: Record<Disruption, DisruptionInfo> = {
  shock: {
    label: "Demand shock",
    main: "demandShockPct",
    fields: ["demandShockPct", "shockStart", "shockPeriods"],
    defaults: { demandShockPct: 20, shockStart: 1, shockPeriods: 13 },
  },
  delay: {
    label: "Lead-time delay",
    main: "leadTimeDelay",
    fields: ["leadTimeDelay", "delayStart", "delayPeriods"],
    defaults: { leadTimeDelay: 2, delayStart: 1, delayPeriods: 13 },
  },
  outage: {
    label: "Supplier outage",
    main: "outagePeriods",
    fields: ["outageSupplier", "outageStart", "outagePeriods"],
    defaults: { outageStart: 1, outagePeriods: 4 },
  },
  moq: {
    label: "MOQ change",
    main: "moq",
    fields: ["moq", "moqSupplier"],
    defaults: { moq: 100 },
  },
};

export const DISRUPTION_ORDER: readonly Disruption[] = ["shock", "delay", "outage", "moq"];

/** Field labels as the form shows them (units in the label, since periods are the history's). */
export const FIELD_LABELS: Record<ScenarioNumberField | ScenarioTextField, string> = {
  demandShockPct: "Demand change, %",
  shockStart: "From period",
  shockPeriods: "For periods",
  leadTimeDelay: "Extra lead time, periods",
  delayStart: "From period",
  delayPeriods: "For periods",
  outageSupplier: "Supplier",
  outageStart: "From period",
  outagePeriods: "For periods",
  moq: "New MOQ, units",
  moqSupplier: "Supplier",
};

export function hasDisruption(scenario: Scenario, kind: Disruption): boolean {
  return scenario[DISRUPTIONS[kind].main] !== undefined;
}

/** The scenario with `kind` switched on (its defaults) or off (its fields removed). */
export function withDisruption(scenario: Scenario, kind: Disruption, on: boolean): Scenario {
  const next: Scenario = { ...scenario };
  for (const field of DISRUPTIONS[kind].fields) delete next[field];
  return on ? { ...next, ...DISRUPTIONS[kind].defaults } : next;
}

/** The scenario with one field set (undefined removes it). */
export function withField(
  scenario: Scenario,
  field: ScenarioNumberField | ScenarioTextField,
  value: number | string | undefined,
): Scenario {
  const next: Scenario = { ...scenario };
  if (value === undefined || value === "") delete next[field];
  else (next as unknown as Record<string, number | string>)[field] = value;
  return next;
}

/** A new scenario: "Scenario n" with the first free n, a demand shock to start from. */
export function newScenario(existing: readonly Scenario[]): Scenario {
  const names = new Set(existing.map((s) => s.name.trim().toLowerCase()));
  let n = existing.length + 2;
  while (names.has(`scenario ${n}`)) n++;
  return { name: `Scenario ${n}`, ...DISRUPTIONS.shock.defaults };
}

/** The scenarios the editor shows: the list without a leading plain Baseline (always run first). */
export function editableScenarios(settings: StressSettings): Scenario[] {
  const [first, ...rest] = settings.scenarios;
  return first !== undefined && first.name.trim().toLowerCase() === "baseline" && isPlainScenario(first)
    ? rest
    : [...settings.scenarios];
}

/**
 * The engine's label of the editor's scenario `index` (0-based): the Baseline is scenario 1, so
 * the editor's first scenario is "Scenario 2".
 */
export function scenarioNumber(index: number): number {
  return index + 2;
}

/** Problems about one field of the editor's scenario `index`, without the engine's prefix ("must be …"). */
export function fieldProblems(problems: readonly string[], index: number, field: string): string[] {
  const prefix = `Scenario ${scenarioNumber(index)}`;
  return problems
    .filter((p) => (p.startsWith(`${prefix} `) || p.startsWith(`${prefix}:`)) && p.includes(`: ${field} `))
    .map((p) => {
      const rest = p.slice(p.indexOf(`: ${field} `) + field.length + 3);
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    });
}

/** Problems not shown at a field (names, counts, settings), as the engine words them. */
export function otherProblems(problems: readonly string[], fields: readonly string[]): string[] {
  return problems.filter((p) => !fields.some((f) => /^Scenario \d+/.test(p) && p.includes(`: ${f} `)));
}

/** The distinct suppliers of the table's supplier column (trimmed, sorted), for the supplier picker. */
export function suppliersOf(source: TableSource | undefined, mapping: ColumnMapping | undefined): string[] {
  const column = mapping?.columns.supplier;
  if (!source || column === undefined) return [];
  const seen = new Map<string, string>();
  for (const row of source.table.rows) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    const text = String(value).trim();
    if (text !== "" && !seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
