/**
 * Next month's one-click refresh: the saved setup applied to the table read now. Columns are
 * found by their saved header names (src/excel resolveMapping); the demand history is detected
 * afresh, because its period headers roll forward every month; the saved units and settings are
 * kept. Pure: the hook reads the table and runs the plan.
 */
import { ColumnMapping, FIELD_LABELS, FIELDS, Field } from "../../engine/segmentation/input";
import { AutoMapping, autoMap } from "../../engine/segmentation/mapping";
import { SegmentationSettings, withDefaults } from "../../engine/segmentation/settings";
import { sameSheetName, sheetOfAddress } from "../../engine/workbookParts/address";
import { WorkbookSetup, resolveMapping } from "../../engine/workbookParts/setup";
import { SelectedTable } from "../../excel/readSelection";
import { mappingProblems } from "./mappingModel";

export type RefreshPlan =
  | {
      kind: "ready" | "needsMapping";
      detection: AutoMapping;
      mapping: ColumnMapping;
      settings: SegmentationSettings;
      /** Saved columns the table lacks and fields still to choose, in words. */
      missing: string[];
    }
  /** The selection is not on the sheet the saved table was on. */
  | { kind: "wrongSheet"; savedAddress: string; savedSheet: string };

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

/** "unitCost: Std Cost" (resolveMapping's form) → `The unit cost column “Std Cost” is not in the table`. */
function missingText(entry: string): string {
  const colon = entry.indexOf(": ");
  const key = entry.slice(0, colon);
  const header = entry.slice(colon + 2);
  return isField(key) ? `The ${FIELD_LABELS[key]} column “${header}” is not in the table` : entry;
}

export function planRefresh(saved: WorkbookSetup, selected: SelectedTable): RefreshPlan {
  const sheet = sheetOfAddress(selected.address);
  if (saved.input && sheet !== undefined && !sameSheetName(sheet, saved.input.sheet)) {
    return { kind: "wrongSheet", savedAddress: saved.input.address, savedSheet: saved.input.sheet };
  }
  const headers = selected.table.headers;
  const detection = autoMap(headers);
  const resolved = resolveMapping(saved.mapping, headers);
  const missing = resolved.missing.filter((m) => !m.startsWith("history: ")).map(missingText);

  // A saved column that is gone is proposed from the headers (for the user to confirm).
  const columns = { ...resolved.mapping.columns };
  const used = new Set(Object.values(columns));
  for (const entry of resolved.missing) {
    const field = entry.slice(0, entry.indexOf(": "));
    const detected = isField(field) ? detection.mapping.columns[field] : undefined;
    if (isField(field) && detected !== undefined && !used.has(detected)) {
      columns[field] = detected;
      used.add(detected);
    }
  }

  const mapped = new Set(Object.values(columns));
  const savedHistoryComplete = !resolved.missing.some((m) => m.startsWith("history: "));
  let history = detection.mapping.history.filter((c) => !mapped.has(c));
  if (history.length === 0 && savedHistoryComplete) history = resolved.mapping.history;
  if (history.length === 0 && saved.mapping.history.length > 0) {
    missing.push(
      `The demand history (“${saved.mapping.history[0]}” … “${saved.mapping.history[saved.mapping.history.length - 1]}”) is not in the table`,
    );
  }

  const mapping: ColumnMapping = { ...resolved.mapping, columns, history };
  const ready = missing.length === 0 && mappingProblems(mapping).length === 0;
  return {
    kind: ready ? "ready" : "needsMapping",
    detection,
    mapping,
    settings: withDefaults(saved.settings),
    missing,
  };
}
