/**
 * The plan for WC Variance, read through Office.js: the WC Segmentation sheet the last run left
 * in the workbook, read before this run overwrites it (the same rule as `wcap refresh` without
 * `--plan`). Only a sheet the add-in owns is used — a sheet of the user's that happens to be
 * called "WC Segmentation" is never read as a plan. The sheet's used range (values only) is read
 * in blocks of rows (readValues.ts), so a plan of any size stays within Excel's read limits.
 */
import { CellValue, ReportTable } from "../engine/report";
import { SHEET_NAMES } from "../engine/segmentation/segment";
import { PlanSnapshot, planFromSegmentationTable } from "../engine/segmentation/variance";
import { readOwnershipState } from "./ownership";
import { DEFAULT_CELLS_PER_READ, queueFirstBlock, readRemainingBlocks } from "./readValues";
import { EXCEL_API, isExcelApiSupported } from "./requirements";

/** A plan read from the workbook and the sheet it came from. */
export interface PlanRead {
  snapshot: PlanSnapshot;
  /** The owned sheet read, e.g. "WC Segmentation" (or "WC Segmentation (2)" when redirected). */
  sheet: string;
}

export interface PlanReadOptions {
  /** Cells of the first values load (later loads follow the bytes per cell seen); default 200,000. */
  maxCellsPerRead?: number;
}

/**
 * The owned WC Segmentation sheet's name: the plain name, else a redirected "WC Segmentation (n)"
 * (the run wrote there because the user has a sheet of that name), else undefined.
 */
export function ownedSegmentationSheet(ownedNames: readonly string[]): string | undefined {
  const base = SHEET_NAMES.segmentation;
  return (
    ownedNames.find((n) => n === base) ??
    ownedNames.find((n) => n.startsWith(`${base} (`) && /^ \(\d+\)$/.test(n.slice(base.length)))
  );
}

/**
 * Reads the plan snapshot from the owned WC Segmentation sheet, or undefined when the add-in owns
 * none (a first run) or the host cannot mark owned sheets. Throws (an EngineError) when the sheet
 * lacks the SKU or Current value column, so the caller can say why there is no variance.
 * Round trips: 1–2 to read ownership, 1 to size the used range, then 1 per block of rows.
 */
export async function readPlan(
  context: Excel.RequestContext,
  options: PlanReadOptions = {},
): Promise<PlanRead | undefined> {
  if (!isExcelApiSupported(EXCEL_API.customXml)) return undefined;
  const state = await readOwnershipState(context);
  const ownedIds = new Set(state.owned.map((o) => o.id));
  const ownedSheets = state.sheets.filter((s) => s.id !== undefined && ownedIds.has(s.id));
  const name = ownedSegmentationSheet(ownedSheets.map((s) => s.name));
  const id = name === undefined ? undefined : ownedSheets.find((s) => s.name === name)?.id;
  const worksheet = id === undefined ? undefined : state.worksheets.get(id);
  if (name === undefined || worksheet === undefined) return undefined;

  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load("rowCount, columnCount");
  await context.sync();
  if (used.isNullObject) return { snapshot: { rows: [] }, sheet: name };
  const { rowCount, columnCount } = used;
  const first = queueFirstBlock(
    used,
    rowCount,
    columnCount,
    options.maxCellsPerRead ?? DEFAULT_CELLS_PER_READ,
  );
  await context.sync();
  const values = await readRemainingBlocks(context, used, first, rowCount, columnCount);
  const headers = (values[0] ?? []).map((h) => (typeof h === "string" ? h : String(h ?? "")));
  const table: ReportTable = {
    name: "WC_Segmentation",
    columns: headers.map((header) => ({ key: header, header, format: "text" })),
    rows: values.slice(1).map((row) => row.map(cellValue)),
  };
  return { snapshot: planFromSegmentationTable(table), sheet: name };
}

function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}
