/**
 * What the mapping step shows, computed from the table and the mapping: which fields still need a
 * column, the detection warnings that still apply, the preview rows, and the history block in words.
 * Pure functions; the step component only renders them.
 */
import { CellValue } from "../../engine/report";
import {
  ColumnMapping,
  FIELDS,
  FIELD_LABELS,
  Field,
  InputTable,
  REQUIRED_FIELDS,
} from "../../engine/segmentation/input";
import { AutoMapping, describeDrivers } from "../../engine/segmentation/mapping";
import {
  PLAUSIBLE_SERIAL_MAX,
  PLAUSIBLE_SERIAL_MIN,
  excelSerialToIso,
} from "../../engine/segmentation/periods";
import { columnLetters } from "../../engine/workbookParts/address";

/** The fields every row needs (the engine sends a row without them to Exceptions). */
export { REQUIRED_FIELDS };

/** Required fields first, then the others in the engine's order. */
export const FIELD_ORDER: readonly Field[] = [
  ...REQUIRED_FIELDS,
  ...FIELDS.filter((f) => !REQUIRED_FIELDS.includes(f)),
];

/** A field's label as a heading-style name: "Unit cost". */
export function fieldLabel(field: Field): string {
  const label = FIELD_LABELS[field];
  return label === label.toUpperCase() ? label : label[0].toUpperCase() + label.slice(1);
}

/** What must be chosen before the table can be segmented, in words; empty when nothing. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems = REQUIRED_FIELDS.filter((f) => mapping.columns[f] === undefined).map(
    (f) => `Choose the ${FIELD_LABELS[f]} column.`,
  );
  if (mapping.history.length === 0 && mapping.columns.annualDemand === undefined) {
    problems.push("Choose an annual-demand column (no demand-history columns were found).");
  }
  return problems;
}

/**
 * The detection's warnings that still apply to the mapping as it is now: autoMap's "no … column
 * was found" warnings go once the user has chosen that column.
 */
export function currentWarnings(detection: AutoMapping, mapping: ColumnMapping): string[] {
  const mapped = (f: Field) => mapping.columns[f] !== undefined;
  return detection.warnings.filter((warning) => {
    for (const f of REQUIRED_FIELDS) {
      if (warning === `No ${FIELD_LABELS[f]} column was found; choose it in the mapping step.`)
        return !mapped(f);
    }
    if (warning.startsWith("No demand history (period columns) or annual-demand column was found")) {
      return mapping.history.length === 0 && !mapped("annualDemand");
    }
    if (warning.startsWith("No unit price or margin column"))
      return !mapped("unitPrice") && !mapped("marginPct");
    return true;
  });
}

/** Zero-based sheet column of the first cell of an address such as "Sheet1!C3:H9". */
function firstColumnOf(address: string): number {
  const reference = address.slice(address.lastIndexOf("!") + 1);
  const letters = /^\$?([A-Za-z]{1,3})/.exec(reference)?.[1] ?? "A";
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** The sheet column letter of each table column ("C" for the first column of C3:H9). */
export function sheetColumnLetters(address: string, count: number): string[] {
  const first = firstColumnOf(address);
  return Array.from({ length: count }, (_, i) => columnLetters(first + i));
}

/** A header as the user sees it in Excel: a date header (a serial number) as its date. */
export function shownHeader(header: string): string {
  const serial = Number(header);
  if (/^\d{5}$/.test(header) && serial >= PLAUSIBLE_SERIAL_MIN && serial <= PLAUSIBLE_SERIAL_MAX) {
    return excelSerialToIso(serial) ?? header;
  }
  return header === "" ? "(no header)" : header;
}

export interface HistorySummary {
  count: number;
  first: string;
  last: string;
}

export function historySummary(mapping: ColumnMapping, headers: readonly string[]): HistorySummary | null {
  const { history } = mapping;
  if (history.length === 0) return null;
  return {
    count: history.length,
    first: shownHeader(headers[history[0]] ?? ""),
    last: shownHeader(headers[history[history.length - 1]] ?? ""),
  };
}

/**
 * The promotion and price blocks found next to the history, one line each (`Promotions: 104 of 104
 * history periods + 13 ahead (Promo 2024-01-01 … Promo 2026-03-30)`); empty without driver columns.
 * They follow the history as mapped now; there is nothing to choose for them.
 */
export function driverLines(mapping: ColumnMapping, headers: readonly string[]): string[] {
  return mapping.history.length === 0 ? [] : describeDrivers(mapping, headers);
}

export interface PreviewColumn {
  label: string;
  column: number;
  field?: Field;
}

export interface Preview {
  columns: PreviewColumn[];
  rows: string[][];
}

function cellText(value: CellValue | undefined, field: Field | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (field === "lastMovement") return excelSerialToIso(value) ?? String(value);
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  }
  return String(value);
}

/** The first `count` data rows of the mapped columns, and of the latest history period. */
export function previewRows(table: InputTable, mapping: ColumnMapping, count = 5): Preview {
  const columns: PreviewColumn[] = FIELD_ORDER.filter((f) => mapping.columns[f] !== undefined).map((f) => ({
    label: fieldLabel(f),
    column: mapping.columns[f] as number,
    field: f,
  }));
  const latest = mapping.history[mapping.history.length - 1];
  if (latest !== undefined) {
    columns.push({ label: `Demand ${shownHeader(table.headers[latest] ?? "")}`, column: latest });
  }
  const rows = table.rows.slice(0, count).map((row) => columns.map((c) => cellText(row[c.column], c.field)));
  return { columns, rows };
}

/** "Row 7 (SKU A-12): missing unit cost; negative on-hand quantity (-5)" */
export function exceptionLine(exception: { sourceRow: number; sku: string; reasons: string[] }): string {
  const sku = exception.sku === "" ? "" : ` (${exception.sku})`;
  return `Row ${exception.sourceRow}${sku}: ${exception.reasons.join("; ")}`;
}
