/**
 * The run setup saved in the workbook (DESIGN §4 step 3, §7): settings, the column mapping and
 * where the input was, so next month's refresh is one click — in the task pane or on the command
 * line, which read and write the same part.
 *
 * Stored as versioned JSON in a custom XML part (namespace SETTINGS_NAMESPACE), not in
 * `workbook.settings`: a part is stored in the .xlsx itself (`customXml/item*.xml`), so the
 * command-line file reader sees the same setup; it does not depend on the add-in's id (a
 * development and a production manifest share it); and it is the same mechanism as the
 * owned-sheet registry. Never in browser storage.
 *
 * The mapping is saved by header name, not column index: next month's table with a column moved
 * or inserted still maps. A saved header that is no longer there is reported as missing, for the
 * pane to ask about; history periods that rolled forward are detected again (by the pane, or by
 * mapColumns on a run without anyone to confirm the mapping).
 */
import {
  ColumnMapping,
  FIELDS,
  FIELD_LABELS,
  Field,
  PeriodUnit,
  REQUIRED_FIELDS,
  TimeUnit,
} from "../segmentation/input";
import { autoMap } from "../segmentation/mapping";
import { DEFAULT_SETTINGS, SegmentationSettings } from "../segmentation/settings";
import { elementText, escapeXmlText } from "./customXml";

/** Namespace of the custom XML part holding the saved setup. */
export const SETTINGS_NAMESPACE = "urn:elastic-fulfilment:settings";

/** Version written; older and newer versions are read field by field. */
export const SETUP_VERSION = 1;

/** A column mapping by header name. */
export interface SavedMapping {
  columns: Partial<Record<Field, string>>;
  /** Header names of the demand-history columns, oldest first. */
  history: string[];
  periodUnit: PeriodUnit;
  leadTimeUnit: TimeUnit;
}

/** What is saved. */
export interface WorkbookSetup {
  /** Settings that differ from (or restate) the defaults; nested objects may be partial too. */
  settings: Partial<SegmentationSettings>;
  mapping: SavedMapping;
  /** Where the input table was. */
  input?: { sheet: string; address: string };
}

/** A mapping by index for the current headers, and the saved names not found among them. */
export interface ResolvedMapping {
  mapping: ColumnMapping;
  /** Saved header names that the current table lacks (as "field: header" or "history: header"). */
  missing: string[];
}

const PERIOD_UNITS: readonly PeriodUnit[] = ["day", "week", "month"];
const TIME_UNITS: readonly TimeUnit[] = ["day", "week", "month", "period"];

/** The mapping with column indexes replaced by the header names of `headers`. */
export function toSavedMapping(mapping: ColumnMapping, headers: readonly string[]): SavedMapping {
  const columns: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const index = mapping.columns[field];
    if (index !== undefined && headers[index] !== undefined) columns[field] = headers[index];
  }
  return {
    columns,
    history: mapping.history.filter((i) => headers[i] !== undefined).map((i) => headers[i]),
    periodUnit: mapping.periodUnit,
    leadTimeUnit: mapping.leadTimeUnit,
  };
}

/**
 * The saved mapping applied to the current headers: exact names first, then names equal up to
 * case and spacing ("Unit cost " = "unit  COST"). Each column is used at most once.
 */
export function resolveMapping(saved: SavedMapping, headers: readonly string[]): ResolvedMapping {
  const used = new Set<number>();
  const find = (name: string): number | undefined => {
    const exact = headers.findIndex((h, i) => !used.has(i) && h === name);
    const index =
      exact >= 0 ? exact : headers.findIndex((h, i) => !used.has(i) && normalise(h) === normalise(name));
    if (index < 0) return undefined;
    used.add(index);
    return index;
  };
  const columns: Partial<Record<Field, number>> = {};
  const missing: string[] = [];
  for (const field of FIELDS) {
    const name = saved.columns[field];
    if (name === undefined) continue;
    const index = find(name);
    if (index === undefined) missing.push(`${field}: ${name}`);
    else columns[field] = index;
  }
  const history: number[] = [];
  for (const name of saved.history) {
    const index = find(name);
    if (index === undefined) missing.push(`history: ${name}`);
    else history.push(index);
  }
  return {
    mapping: { columns, history, periodUnit: saved.periodUnit, leadTimeUnit: saved.leadTimeUnit },
    missing,
  };
}

function normalise(header: string): string {
  return header.trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

/** The part's XML: the setup as JSON in one element. */
export function serializeSetup(setup: WorkbookSetup): string {
  const json = JSON.stringify({ version: SETUP_VERSION, ...setup });
  return `<setup xmlns="${SETTINGS_NAMESPACE}" version="${SETUP_VERSION}"><json>${escapeXmlText(json)}</json></setup>`;
}

/**
 * The setup in a part's XML, read field by field: unknown fields are dropped, a field of the wrong
 * type is dropped (its default applies), a missing mapping unit defaults to weeks / the period
 * unit. Null when the XML holds no readable setup.
 */
export function parseSetup(xml: string): WorkbookSetup | null {
  const text = elementText(xml, "json");
  if (text === undefined) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  const setup: WorkbookSetup = {
    settings: readSettings(data.settings).settings,
    mapping: readMapping(data.mapping),
  };
  const input = data.input;
  if (isRecord(input) && typeof input.sheet === "string" && typeof input.address === "string") {
    setup.input = { sheet: input.sheet, address: input.address };
  }
  return setup;
}

/** A JSON object (not an array, not null). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function readMapping(x: unknown): SavedMapping {
  const m = isRecord(x) ? x : {};
  const columns: Partial<Record<Field, string>> = {};
  if (isRecord(m.columns)) {
    for (const field of FIELDS) {
      const name = m.columns[field];
      if (typeof name === "string") columns[field] = name;
    }
  }
  const history = Array.isArray(m.history) ? m.history.filter((h): h is string => typeof h === "string") : [];
  const periodUnit = PERIOD_UNITS.find((u) => u === m.periodUnit) ?? "week";
  const leadTimeUnit = TIME_UNITS.find((u) => u === m.leadTimeUnit) ?? "period";
  return { columns, history, periodUnit, leadTimeUnit };
}

/**
 * Settings from JSON, checked against the shape of DEFAULT_SETTINGS: numbers finite, `targetDio`
 * and `asOfDate` a number or null, `serviceMethod` "cycle" or "fill", switches (`forecastBuffers`)
 * true or false, nested number tables
 * partial, archetype rules lists of text. Every field that does not fit is left out (its default
 * applies) and described in `problems`; unknown fields are described too. A saved setup ignores
 * the problems (tolerant); a settings file reports them (strict). `path` prefixes the names in
 * the problems.
 */
export function readSettings(
  x: unknown,
  path: readonly string[] = [],
): { settings: Partial<SegmentationSettings>; problems: string[] } {
  const problems: string[] = [];
  const where = (key: string) => [...path, key].join(".");
  if (!isRecord(x)) {
    if (x !== undefined) problems.push(`${path.join(".") || "settings"} must be an object`);
    return { settings: {}, problems };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(x)) {
    // Own keys only: "constructor" or "toString" in the JSON is an unknown setting, not a match.
    if (!hasOwn(DEFAULT_SETTINGS, key)) {
      problems.push(`unknown setting "${where(key)}"`);
      continue;
    }
    const fallback = DEFAULT_SETTINGS[key as keyof SegmentationSettings];
    if (key === "serviceMethod") {
      if (value === "cycle" || value === "fill") out[key] = value;
      else problems.push(`${where(key)} must be "cycle" or "fill"`);
    } else if (typeof fallback === "boolean") {
      if (typeof value === "boolean") out[key] = value;
      else problems.push(`${where(key)} must be true or false`);
    } else if (fallback === null) {
      if (value === null || isFiniteNumber(value)) out[key] = value;
      else problems.push(`${where(key)} must be a number or null`);
    } else if (typeof fallback === "number") {
      if (isFiniteNumber(value)) out[key] = value;
      else problems.push(`${where(key)} must be a number`);
    } else if (isRecord(fallback)) {
      if (!isRecord(value)) {
        problems.push(`${where(key)} must be an object`);
        continue;
      }
      const nested: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const expected = hasOwn(fallback, k) ? (fallback as Record<string, unknown>)[k] : undefined;
        if (expected === undefined) problems.push(`unknown setting "${where(key)}.${k}"`);
        else if (Array.isArray(expected)) {
          if (Array.isArray(v) && v.every((s) => typeof s === "string")) nested[k] = v;
          else problems.push(`${where(key)}.${k} must be a list of text`);
        } else if (isFiniteNumber(v)) nested[k] = v;
        else problems.push(`${where(key)}.${k} must be a number`);
      }
      out[key] = nested;
    }
  }
  // Nested objects may be partial: withDefaults() fills each one from the defaults.
  return { settings: out as Partial<SegmentationSettings>, problems };
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

const NESTED: readonly (keyof SegmentationSettings)[] = [
  "serviceMatrix",
  "archetypeServiceAdjustment",
  "topQuartile",
  "median",
  "archetypeRules",
];

/** `over` on top of `base`, nested tables merged key by key. */
export function mergeSettings(
  base: Partial<SegmentationSettings>,
  over: Partial<SegmentationSettings>,
): Partial<SegmentationSettings> {
  const merged: Record<string, unknown> = { ...base, ...over };
  for (const key of NESTED) {
    const a = base[key];
    const b = over[key];
    if (isRecord(a) && isRecord(b)) merged[key] = { ...a, ...b };
  }
  return merged as Partial<SegmentationSettings>;
}

/** Which column holds what, for a run without anyone to confirm it (see mapColumns). */
export interface TableMapping {
  mapping: ColumnMapping;
  /** What the user should check, in words. */
  warnings: string[];
  /** Where the mapping came from. */
  source: "automatic" | "saved" | "saved and automatic";
}

/** Required fields (and demand) the mapping lacks, in words; empty when the table can be segmented. */
export function missingEssentials(mapping: ColumnMapping): string[] {
  const missing = REQUIRED_FIELDS.filter((f) => mapping.columns[f] === undefined).map((f) => FIELD_LABELS[f]);
  if (mapping.history.length === 0 && mapping.columns.annualDemand === undefined)
    missing.push("demand history or annual demand");
  return missing;
}

/** How well a header row maps: essentials first, then any other mapped field. */
export function mappingScore(mapping: ColumnMapping): number {
  const essentials = REQUIRED_FIELDS.length + 1 - missingEssentials(mapping).length;
  return essentials * 100 + Object.keys(mapping.columns).length + (mapping.history.length > 0 ? 1 : 0);
}

/**
 * Which column holds what, for a run without anyone to confirm the mapping: the saved mapping (by
 * header name) where the table still has those headers, the automatic mapping for the rest.
 * Demand-history periods roll forward every month, so a saved history that no longer matches is
 * detected again rather than trusted.
 */
export function mapColumns(headers: readonly string[], saved?: SavedMapping): TableMapping {
  const auto = autoMap(headers);
  if (saved === undefined) return { mapping: auto.mapping, warnings: auto.warnings, source: "automatic" };

  const resolved = resolveMapping(saved, headers);
  const savedDemand = saved.history.length > 0 || resolved.mapping.columns.annualDemand !== undefined;
  if (resolved.missing.length === 0 && savedDemand) {
    return { mapping: resolved.mapping, warnings: [], source: "saved" };
  }

  const warnings: string[] = [];
  const columns: Partial<Record<Field, number>> = { ...resolved.mapping.columns };
  let history = resolved.mapping.history;
  let periodUnit = saved.periodUnit;
  const historyMissing = resolved.missing.filter((m) => m.startsWith("history: ")).length;
  if (historyMissing > 0 || !savedDemand) {
    history = auto.mapping.history;
    periodUnit = auto.mapping.periodUnit;
    if (saved.history.length > 0) {
      warnings.push(
        `The saved demand-history columns are not all in this table (${historyMissing} of ${saved.history.length} missing); ` +
          `the history is detected again (${history.length} period column${history.length === 1 ? "" : "s"}).`,
      );
    }
  }
  const used = new Set<number>([...Object.values(columns), ...history]);
  const filled: string[] = [];
  for (const field of FIELDS) {
    const column = auto.mapping.columns[field];
    if (columns[field] !== undefined || column === undefined || used.has(column)) continue;
    columns[field] = column;
    used.add(column);
    filled.push(FIELD_LABELS[field]);
  }
  const missingFields = resolved.missing.filter((m) => !m.startsWith("history: "));
  if (missingFields.length > 0) {
    warnings.push(
      `The saved mapping names column${missingFields.length === 1 ? "" : "s"} this table lacks (${missingFields.join(", ")}); ` +
        "automatic mapping is used for those fields.",
    );
  }
  if (filled.length > 0 && resolved.missing.length === 0 && historyMissing === 0) {
    warnings.push(`Automatic mapping added: ${filled.join(", ")}.`);
  }
  const leadTimeUnit =
    resolved.mapping.columns.leadTime !== undefined ? saved.leadTimeUnit : auto.mapping.leadTimeUnit;
  return {
    mapping: { columns, history, periodUnit, leadTimeUnit },
    warnings,
    source: "saved and automatic",
  };
}
