/**
 * Stress-test settings and disruption scenarios: their types, defaults, validation in words, and
 * the JSON format that `wcap stress --scenarios scenarios.json` reads and the pane's scenario
 * editor writes (README "Stress test" → "Scenarios").
 *
 * Periods are the history's periods (weeks for weekly history). Scenario windows count measured
 * periods from 1: period 1 is the first period after the warm-up.
 */

/**
 * One disruption scenario. Every field but `name` is optional; a scenario may combine several
 * disruptions. A scenario with no disruption field behaves like the baseline.
 */
export interface Scenario {
  /** Shown in the scenario table and the per-SKU columns; unique (case-insensitive), 1–40 characters. */
  name: string;
  /**
   * Demand shock in percent: every SKU's drawn demand is multiplied by (1 + demandShockPct ÷ 100)
   * in periods shockStart … shockStart + shockPeriods − 1. 20 means +20 %, −30 means −30 %; must be
   * > −100.
   */
  demandShockPct?: number;
  /** First shocked period (whole, ≥ 1; default 1). Needs demandShockPct. */
  shockStart?: number;
  /** Length of the shock in periods (whole, ≥ 1; default: to the end of the run). Needs demandShockPct. */
  shockPeriods?: number;
  /**
   * Lead-time delay: orders placed at the end of periods delayStart … delayStart + delayPeriods − 1
   * take leadTimeDelay more periods to arrive (whole, ≥ 0).
   */
  leadTimeDelay?: number;
  /** First period whose orders are delayed (whole, ≥ 1; default 1). Needs leadTimeDelay. */
  delayStart?: number;
  /** Number of periods whose orders are delayed (whole, ≥ 1; default: to the end). Needs leadTimeDelay. */
  delayPeriods?: number;
  /**
   * Supplier outage: no receipts from this supplier (trimmed, case-insensitive match of the mapped
   * supplier column) in periods outageStart … outageStart + outagePeriods − 1; blank or absent
   * means every supplier. Deliveries due during the outage arrive together at the end of the first
   * period after it. Needs outagePeriods.
   */
  outageSupplier?: string;
  /** First period without receipts (whole, ≥ 1; default 1). Needs outagePeriods. */
  outageStart?: number;
  /** Length of the outage in periods (whole, ≥ 1). Gives the scenario its outage. */
  outagePeriods?: number;
  /**
   * New minimum order quantity in units (≥ 0; 0 = no MOQ) for every SKU, or only for the SKUs of
   * `moqSupplier`: the lot size is re-rounded from the SKU's EOQ exactly as the Segmentation does
   * (EOQ raised to the MOQ, rounded up to a whole multiple of it). The reorder level stays.
   */
  moq?: number;
  /** Limits the MOQ change to one supplier (same matching as outageSupplier). Needs moq. */
  moqSupplier?: string;
}

/** How the stress test runs. */
export interface StressSettings {
  /** Independent replications per SKU and scenario (whole, 1 … 100,000). */
  replications: number;
  /** Measured periods per replication (whole, 1 … 10,000). */
  periods: number;
  /**
   * Periods simulated before measuring starts (whole, ≥ 0). Absent: per SKU, one lead time plus one
   * order cycle, ⌈L⌉ + 1 + ⌈Q ÷ mean⌉, at most `periods` — long enough to forget the start state.
   */
  warmup?: number;
  /** Whole number ≥ 0: the same seed gives the same result. */
  seed: number;
  /**
   * Service targets of the frontier, each in (0, 1), ascending, at most 20; empty = no frontier
   * (and no current-policy run).
   */
  serviceGrid: number[];
  /** Scenarios; a plain "Baseline" (no disruption) is always run first (see withBaseline). */
  scenarios: Scenario[];
}

export const BASELINE_NAME = "Baseline";
export const MAX_SCENARIOS = 12;
export const MAX_REPLICATIONS = 100000;
export const MAX_STRESS_PERIODS = 10000;
export const MAX_GRID_POINTS = 20;
const MAX_NAME_LENGTH = 40;

export const DEFAULT_SERVICE_GRID: readonly number[] = [0.8, 0.85, 0.9, 0.925, 0.95, 0.975, 0.99, 0.995];

export const DEFAULT_STRESS_SETTINGS: StressSettings = {
  replications: 200,
  periods: 104,
  seed: 1,
  serviceGrid: [...DEFAULT_SERVICE_GRID],
  scenarios: [
    { name: BASELINE_NAME },
    { name: "Demand +30% for 13 periods", demandShockPct: 30, shockStart: 1, shockPeriods: 13 },
    { name: "Lead time +2 for 13 periods", leadTimeDelay: 2, delayStart: 1, delayPeriods: 13 },
    { name: "All suppliers out 4 periods", outageStart: 1, outagePeriods: 4 },
  ],
};

/** The scenario fields in JSON order, with what each must be. */
const NUMBER_FIELDS = [
  "demandShockPct",
  "shockStart",
  "shockPeriods",
  "leadTimeDelay",
  "delayStart",
  "delayPeriods",
  "outageStart",
  "outagePeriods",
  "moq",
] as const;
const TEXT_FIELDS = ["outageSupplier", "moqSupplier"] as const;
const SCENARIO_FIELDS = new Set<string>(["name", ...NUMBER_FIELDS, ...TEXT_FIELDS]);

type NumberField = (typeof NUMBER_FIELDS)[number];

/** Which field each optional field needs, in words for problems. */
const NEEDS: Partial<Record<keyof Scenario, NumberField>> = {
  shockStart: "demandShockPct",
  shockPeriods: "demandShockPct",
  delayStart: "leadTimeDelay",
  delayPeriods: "leadTimeDelay",
  outageSupplier: "outagePeriods",
  outageStart: "outagePeriods",
  moqSupplier: "moq",
};

function isWhole(x: number, min: number): boolean {
  return Number.isFinite(x) && Math.floor(x) === x && x >= min;
}

/** True when the scenario has no disruption (it behaves like the baseline). */
export function isPlainScenario(s: Scenario): boolean {
  return (
    s.demandShockPct === undefined &&
    s.leadTimeDelay === undefined &&
    s.outagePeriods === undefined &&
    s.moq === undefined
  );
}

/**
 * The scenarios with a plain "Baseline" first: kept when the list already starts with one, added
 * otherwise.
 */
export function withBaseline(scenarios: readonly Scenario[]): Scenario[] {
  const first = scenarios[0];
  if (
    first !== undefined &&
    typeof first.name === "string" &&
    first.name.trim().toLowerCase() === "baseline" &&
    isPlainScenario(first)
  )
    return [...scenarios];
  return [{ name: BASELINE_NAME }, ...scenarios];
}

/** Problems with one scenario, in words (`label` names it in messages). */
function scenarioProblems(s: Scenario, label: string, periods: number | null): string[] {
  const problems: string[] = [];
  const name = typeof s.name === "string" ? s.name.trim() : "";
  if (name === "") problems.push(`${label} needs a name.`);
  else if (name.length > MAX_NAME_LENGTH)
    problems.push(`${label}: the name is longer than ${MAX_NAME_LENGTH} characters.`);
  const check = (field: NumberField, ok: (x: number) => boolean, rule: string) => {
    const v = s[field];
    if (v !== undefined && !(typeof v === "number" && ok(v)))
      problems.push(`${label}: ${field} must be ${rule}.`);
  };
  check("demandShockPct", (x) => Number.isFinite(x) && x > -100, "a number above −100 (percent)");
  check("shockStart", (x) => isWhole(x, 1), "a whole number ≥ 1");
  check("shockPeriods", (x) => isWhole(x, 1), "a whole number ≥ 1");
  check("leadTimeDelay", (x) => isWhole(x, 0) && x <= MAX_STRESS_PERIODS, "a whole number of periods ≥ 0");
  check("delayStart", (x) => isWhole(x, 1), "a whole number ≥ 1");
  check("delayPeriods", (x) => isWhole(x, 1), "a whole number ≥ 1");
  check("outageStart", (x) => isWhole(x, 1), "a whole number ≥ 1");
  check("outagePeriods", (x) => isWhole(x, 1), "a whole number ≥ 1");
  check("moq", (x) => Number.isFinite(x) && x >= 0, "a number ≥ 0");
  for (const field of TEXT_FIELDS) {
    const v = s[field];
    if (v !== undefined && typeof v !== "string") problems.push(`${label}: ${field} must be text.`);
  }
  for (const [field, needed] of Object.entries(NEEDS) as [keyof Scenario, NumberField][]) {
    if (s[field] !== undefined && s[needed] === undefined)
      problems.push(`${label}: ${field} needs ${needed}.`);
  }
  if (periods !== null) {
    for (const start of ["shockStart", "delayStart", "outageStart"] as const) {
      const v = s[start];
      if (typeof v === "number" && v > periods)
        problems.push(`${label}: ${start} ${v} is after the last simulated period (${periods}).`);
    }
  }
  return problems;
}

/**
 * Problems with a scenario list (after withBaseline), in words. With `periods`, windows that start
 * after the last simulated period are problems too.
 */
export function validateScenarios(list: readonly Scenario[], periods: number | null = null): string[] {
  const problems: string[] = [];
  const scenarios = withBaseline(list);
  if (scenarios.length > MAX_SCENARIOS)
    problems.push(`At most ${MAX_SCENARIOS} scenarios (the baseline included) can run at once.`);
  const seen = new Map<string, number>();
  scenarios.forEach((scenario, k) => {
    const named = typeof scenario.name === "string" && scenario.name.trim() !== "";
    const label = `Scenario ${k + 1}${named ? ` (“${scenario.name.trim()}”)` : ""}`;
    problems.push(...scenarioProblems(scenario, label, periods));
    if (!named) return;
    const key = scenario.name.trim().toLowerCase();
    if (key === "baseline" && k > 0)
      problems.push(`${label}: only the first scenario, without disruptions, may be called Baseline.`);
    else if (seen.has(key)) problems.push(`${label} has the same name as scenario ${seen.get(key)! + 1}.`);
    seen.set(key, k);
  });
  return problems;
}

/** Problems with stress settings, in words; empty when they can run. */
export function validateStressSettings(s: StressSettings): string[] {
  const problems: string[] = [];
  if (!isWhole(s.replications, 1) || s.replications > MAX_REPLICATIONS)
    problems.push(
      `Replications must be a whole number from 1 to ${MAX_REPLICATIONS.toLocaleString("en-US")}.`,
    );
  const periodsOk = isWhole(s.periods, 1) && s.periods <= MAX_STRESS_PERIODS;
  if (!periodsOk)
    problems.push(`Periods must be a whole number from 1 to ${MAX_STRESS_PERIODS.toLocaleString("en-US")}.`);
  if (s.warmup !== undefined && !(isWhole(s.warmup, 0) && s.warmup <= MAX_STRESS_PERIODS))
    problems.push(
      `Warm-up must be a whole number of periods from 0 to ${MAX_STRESS_PERIODS.toLocaleString("en-US")}.`,
    );
  if (!isWhole(s.seed, 0)) problems.push("Seed must be a whole number ≥ 0.");
  const grid = s.serviceGrid;
  if (!Array.isArray(grid)) problems.push("The service grid must be a list of targets.");
  else {
    if (grid.length > MAX_GRID_POINTS)
      problems.push(`The service grid has more than ${MAX_GRID_POINTS} targets.`);
    if (!grid.every((x) => typeof x === "number" && x > 0 && x < 1))
      problems.push("Every service target of the grid must be between 0% and 100%.");
    else if (!grid.every((x, k) => k === 0 || x > grid[k - 1]))
      problems.push("The service grid must be in ascending order without repeats.");
  }
  if (!Array.isArray(s.scenarios)) {
    problems.push("Scenarios must be a list.");
    return problems;
  }
  problems.push(...validateScenarios(s.scenarios, periodsOk ? s.periods : null));
  return problems;
}

/**
 * Scenarios from parsed JSON: either a list of scenario objects or an object with a "scenarios"
 * list. Unknown fields, wrong types and bad values are problems in words (the file is not used when
 * there are any); numbers must be JSON numbers, not text. A plain Baseline is put first when the
 * list does not start with one.
 */
export function parseScenarios(json: unknown): { scenarios: Scenario[]; problems: string[] } {
  const list = Array.isArray(json)
    ? json
    : json !== null && typeof json === "object" && Array.isArray((json as { scenarios?: unknown }).scenarios)
      ? (json as { scenarios: unknown[] }).scenarios
      : null;
  if (list === null)
    return {
      scenarios: [],
      problems: ['Scenarios must be a JSON list of scenarios or an object with a "scenarios" list.'],
    };
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  list.forEach((item, k) => {
    const label = `Scenario ${k + 1}`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problems.push(`${label} must be an object such as {"name": "Demand +20%", "demandShockPct": 20}.`);
      return;
    }
    const record = item as Record<string, unknown>;
    const unknown = Object.keys(record).filter((key) => !SCENARIO_FIELDS.has(key));
    if (unknown.length > 0)
      problems.push(
        `${label}: unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}.`,
      );
    if (typeof record.name !== "string") {
      problems.push(`${label} needs a "name" text.`);
      return;
    }
    const scenario: Scenario = { name: record.name.trim() };
    for (const field of NUMBER_FIELDS) {
      const v = record[field];
      if (v === undefined || v === null) continue;
      if (typeof v !== "number")
        problems.push(`${label}: ${field} must be a number (got ${JSON.stringify(v)}).`);
      else scenario[field] = v;
    }
    for (const field of TEXT_FIELDS) {
      const v = record[field];
      if (v === undefined || v === null) continue;
      if (typeof v !== "string") problems.push(`${label}: ${field} must be text (got ${JSON.stringify(v)}).`);
      else if (v.trim() !== "") scenario[field] = v.trim();
    }
    scenarios.push(scenario);
  });
  const withBase = withBaseline(scenarios);
  if (problems.length === 0) {
    problems.push(...validateScenarios(withBase));
  }
  return { scenarios: withBase, problems };
}

/**
 * Stress settings from parsed JSON (a saved pane setting or a CLI file): any of replications,
 * periods, warmup, seed, serviceGrid and scenarios over DEFAULT_STRESS_SETTINGS, with problems in
 * words.
 */
export function stressSettingsFromJson(json: unknown): { settings: StressSettings; problems: string[] } {
  if (json === null || typeof json !== "object" || Array.isArray(json))
    return { settings: { ...DEFAULT_STRESS_SETTINGS }, problems: ["Stress settings must be a JSON object."] };
  const record = json as Record<string, unknown>;
  const problems: string[] = [];
  const known = new Set(["replications", "periods", "warmup", "seed", "serviceGrid", "scenarios"]);
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0)
    problems.push(
      `Unknown stress setting${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}.`,
    );
  const settings: StressSettings = {
    ...DEFAULT_STRESS_SETTINGS,
    serviceGrid: [...DEFAULT_STRESS_SETTINGS.serviceGrid],
  };
  for (const key of ["replications", "periods", "warmup", "seed"] as const) {
    const v = record[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== "number") problems.push(`${key} must be a number (got ${JSON.stringify(v)}).`);
    else settings[key] = v;
  }
  if (record.serviceGrid !== undefined) {
    if (Array.isArray(record.serviceGrid) && record.serviceGrid.every((x) => typeof x === "number"))
      settings.serviceGrid = [...(record.serviceGrid as number[])];
    else problems.push("serviceGrid must be a list of numbers such as [0.9, 0.95, 0.99].");
  }
  if (record.scenarios !== undefined) {
    const parsed = parseScenarios(record.scenarios);
    settings.scenarios = parsed.scenarios;
    problems.push(...parsed.problems);
  }
  if (problems.length === 0) problems.push(...validateStressSettings(settings));
  return { settings, problems };
}
