/**
 * The settings form's model: each number the form edits, by key, with how it is shown (percent
 * or as is), and the problems that belong to it. The engine's validateSettings is the one source
 * of the rules; a field's own problems are those validateSettings finds when only that field
 * differs from the defaults, so each message appears next to the input that causes it.
 */
import {
  ABC_XYZ_CELLS,
  AbcXyzCell,
  ARCHETYPES,
  Archetype,
  DEFAULT_SETTINGS,
  SegmentationSettings,
  validateSettings,
} from "../../engine/segmentation/settings";

type PlainKey =
  | "aCut"
  | "bCut"
  | "xCut"
  | "yCut"
  | "reviewPeriods"
  | "holdingRate"
  | "defaultOrderCost"
  | "targetDio"
  | "slobNoMovementDays"
  | "slobCoverageDays"
  | "longLeadTimeDays"
  | "volatileLeadTimeRatio"
  | "volatileDemandCv";

export type NumberSettingKey = PlainKey | `service.${AbcXyzCell}` | `adjust.${Archetype}`;

/** Keys shown as percentages (the settings hold fractions). */
const PERCENT_KEYS = new Set<NumberSettingKey>(["aCut", "bCut", "holdingRate"]);

/** How many display units one stored unit is: 100 for percentages, else 1. */
export function displayScale(key: NumberSettingKey): number {
  return PERCENT_KEYS.has(key) || key.startsWith("service.") || key.startsWith("adjust.") ? 100 : 1;
}

function isCell(x: string): x is AbcXyzCell {
  return (ABC_XYZ_CELLS as readonly string[]).includes(x);
}

function isArchetype(x: string): x is Archetype {
  return (ARCHETYPES as readonly string[]).includes(x);
}

/** The stored value of a key (null only for an empty target DIO). */
export function getNumber(s: SegmentationSettings, key: NumberSettingKey): number | null {
  const [group, name] = key.split(".");
  if (group === "service" && isCell(name)) return s.serviceMatrix[name];
  if (group === "adjust" && isArchetype(name)) return s.archetypeServiceAdjustment[name];
  return s[key as PlainKey];
}

/** The settings with `key` set to `value` (null: empty, which only the target DIO allows). */
export function setNumber(
  s: SegmentationSettings,
  key: NumberSettingKey,
  value: number | null,
): SegmentationSettings {
  const [group, name] = key.split(".");
  const number = value ?? NaN;
  if (group === "service" && isCell(name))
    return { ...s, serviceMatrix: { ...s.serviceMatrix, [name]: number } };
  if (group === "adjust" && isArchetype(name)) {
    return { ...s, archetypeServiceAdjustment: { ...s.archetypeServiceAdjustment, [name]: number } };
  }
  if (key === "targetDio") return { ...s, targetDio: value };
  return { ...s, [key]: number };
}

/** Checks the engine does not make because its settings never come from a form. */
function formProblems(s: SegmentationSettings): string[] {
  const problems: string[] = [];
  for (const archetype of ARCHETYPES) {
    if (!Number.isFinite(s.archetypeServiceAdjustment[archetype])) {
      problems.push(`The ${archetype} adjustment must be a number (0 for none).`);
    }
  }
  if (s.asOfDate !== null && !Number.isFinite(s.asOfDate)) problems.push("The as-of date is not a date.");
  return problems;
}

/** Every problem with the settings, in words; empty when they can be run. */
export function settingsProblems(s: SegmentationSettings): string[] {
  return [...new Set([...validateSettings(s), ...formProblems(s)])];
}

/** The problems caused by one field's value. */
export function fieldProblems(s: SegmentationSettings, key: NumberSettingKey): string[] {
  return settingsProblems(setNumber(DEFAULT_SETTINGS, key, getNumber(s, key)));
}

/** The problems of the service matrix cells. */
export function matrixProblems(s: SegmentationSettings): string[] {
  return ABC_XYZ_CELLS.flatMap((cell) => fieldProblems(s, `service.${cell}`));
}

/** A stored value as the form shows it ("" for empty or not a number). */
export function formatSetting(value: number | null, scale: number): string {
  if (value === null || !Number.isFinite(value)) return "";
  // 0.87 × 100 is 87.00000000000001 in binary; show what the user typed.
  return String(Number((value * scale).toPrecision(12)));
}

/** What the user typed as a stored value: empty → null, not a number → NaN. */
export function parseSetting(text: string, scale: number): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed.replace(",", "."));
  return Number.isFinite(n) ? n / scale : NaN;
}
