/**
 * The run setup saved in the workbook (DESIGN §4 step 3, §7): settings, the column mapping and
 * where the input was, so next month's refresh is one click.
 *
 * Stored as versioned JSON in a custom XML part (namespace SETTINGS_NAMESPACE), not in
 * `workbook.settings`: a part is stored in the .xlsx itself (`customXml/item*.xml`), so the
 * command-line file reader sees the same setup; it does not depend on the add-in's id (a
 * development and a production manifest share it); and it is the same mechanism as the
 * owned-sheet marker. Never in browser storage.
 *
 * The mapping is saved by header name, not column index: next month's table with a column moved
 * or inserted still maps. A saved header that is no longer there is reported as missing, for the
 * pane to ask about (history periods that rolled forward are re-detected by the pane).
 */
import { ColumnMapping, FIELDS, Field, PeriodUnit, TimeUnit } from "../engine/segmentation/input";
import {
  ABC_XYZ_CELLS,
  ARCHETYPES,
  DEFAULT_SETTINGS,
  SegmentationSettings,
} from "../engine/segmentation/settings";
import { elementText, escapeXmlText, queueWritePart, readNamespaceParts } from "./customXml";
import { EXCEL_API, isExcelApiSupported } from "./requirements";

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
    settings: readSettings(data.settings),
    mapping: readMapping(data.mapping),
  };
  const input = data.input;
  if (isRecord(input) && typeof input.sheet === "string" && typeof input.address === "string") {
    setup.input = { sheet: input.sheet, address: input.address };
  }
  return setup;
}

/** Saves the setup in the workbook (replacing the previous one). One sync, two when a part exists. */
export async function saveWorkbookSetup(context: Excel.RequestContext, setup: WorkbookSetup): Promise<void> {
  requireCustomXml();
  const existing = await readNamespaceParts(context, SETTINGS_NAMESPACE);
  queueWritePart(
    context,
    existing.map((p) => p.part),
    serializeSetup(setup),
  );
  await context.sync();
}

/** The saved setup, or null when the workbook has none (or none this version can read). */
export async function loadWorkbookSetup(context: Excel.RequestContext): Promise<WorkbookSetup | null> {
  requireCustomXml();
  for (const { xml } of await readNamespaceParts(context, SETTINGS_NAMESPACE)) {
    const setup = parseSetup(xml);
    if (setup) return setup;
  }
  return null;
}

function requireCustomXml(): void {
  if (!isExcelApiSupported(EXCEL_API.customXml)) {
    throw new Error("This version of Excel cannot keep settings in the workbook (ExcelApi 1.5 is needed).");
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
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

/** Numbers keyed by `keys`, from a saved object; wrong types dropped. */
function numbersOf<K extends string>(x: unknown, keys: readonly K[]): Partial<Record<K, number>> | undefined {
  if (!isRecord(x)) return undefined;
  const out: Partial<Record<K, number>> = {};
  for (const k of keys) if (typeof x[k] === "number" && Number.isFinite(x[k])) out[k] = x[k] as number;
  return out;
}

function readSettings(x: unknown): Partial<SegmentationSettings> {
  if (!isRecord(x)) return {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SegmentationSettings)[]) {
    const value = x[key];
    const fallback = DEFAULT_SETTINGS[key];
    if (value === undefined) continue;
    switch (key) {
      case "serviceMatrix":
        out[key] = numbersOf(value, ABC_XYZ_CELLS);
        break;
      case "archetypeServiceAdjustment":
        out[key] = numbersOf(value, ARCHETYPES);
        break;
      case "topQuartile":
      case "median":
        out[key] = numbersOf(value, ["dio", "dso", "dpo", "ccc"] as const);
        break;
      case "archetypeRules": {
        if (!isRecord(value)) break;
        const rules: Record<string, string[]> = {};
        for (const rule of Object.keys(DEFAULT_SETTINGS.archetypeRules)) {
          const list = value[rule];
          if (Array.isArray(list) && list.every((s) => typeof s === "string")) rules[rule] = list;
        }
        out[key] = rules;
        break;
      }
      case "serviceMethod":
        if (value === "cycle" || value === "fill") out[key] = value;
        break;
      case "targetDio":
      case "asOfDate":
        if (value === null || (typeof value === "number" && Number.isFinite(value))) out[key] = value;
        break;
      default:
        if (typeof value === typeof fallback && (typeof value !== "number" || Number.isFinite(value)))
          out[key] = value;
    }
    if (out[key] === undefined) delete out[key];
  }
  // Nested objects may be partial: withDefaults() fills each one from the defaults.
  return out as Partial<SegmentationSettings>;
}
