/**
 * The SKU table as read from a selected range or an .xlsx sheet (InputTable), and which of its
 * columns mean what (ColumnMapping). Both readers (src/excel, src/workbook) produce an InputTable
 * of raw cell values; the engine validates every cell, so both paths report the same exceptions.
 */
import { CellValue } from "../report";

/** A rectangular block: one header row and the data rows below it, as raw cell values. */
export interface InputTable {
  /** Header texts; a real date in a header cell arrives as its serial number's digits ("45658"). */
  headers: string[];
  /**
   * Data rows, each `headers.length` long; blank cells are null. Dates arrive as Excel serial
   * numbers (or ISO text).
   */
  rows: CellValue[][];
  /** Worksheet row number (1-based) of each data row, for the Exceptions sheet; defaults to 2, 3, … */
  sourceRows?: number[];
  /** Where the table came from, e.g. "Sheet1!A1:AZ2001", shown on the Summary sheet. */
  source?: string;
}

/** The fields a column can be mapped to. */
export const FIELDS = [
  "sku",
  "description",
  "category",
  "plant",
  "region",
  "supplier",
  "supplierCount",
  "singleSource",
  "unitCost",
  "unitPrice",
  "marginPct",
  "onHand",
  "leadTime",
  "leadTimeSd",
  "moq",
  "orderCost",
  "lastMovement",
  "annualDemand",
  "demandCv",
] as const;

export type Field = (typeof FIELDS)[number];

/** Fields every row needs (plus a demand source: history columns or annual demand). */
export const REQUIRED_FIELDS: readonly Field[] = ["sku", "unitCost", "onHand", "leadTime"];

/** Human names of the fields, for reasons and headers. */
export const FIELD_LABELS: Record<Field, string> = {
  sku: "SKU",
  description: "description",
  category: "category",
  plant: "plant",
  region: "region",
  supplier: "supplier",
  supplierCount: "supplier count",
  singleSource: "single-source flag",
  unitCost: "unit cost",
  unitPrice: "unit price",
  marginPct: "margin %",
  onHand: "on-hand quantity",
  leadTime: "lead time",
  leadTimeSd: "lead-time SD",
  moq: "MOQ",
  orderCost: "order cost",
  lastMovement: "last movement date",
  annualDemand: "annual demand",
  demandCv: "demand CV",
};

/** The unit of the demand-history periods (and of lead times given without a unit). */
export type PeriodUnit = "day" | "week" | "month";

export const PERIODS_PER_YEAR: Record<PeriodUnit, number> = { day: 365, week: 52, month: 12 };
export const DAYS_PER_PERIOD: Record<PeriodUnit, number> = { day: 1, week: 7, month: 365 / 12 };

/** Unit of a lead-time column: from its header ("LT (days)"), else the history's period unit. */
export type TimeUnit = PeriodUnit | "period";

/**
 * Which column holds what. Column indexes are 0-based into InputTable.headers; a field that is
 * not mapped is absent. History columns are in time order (oldest first).
 */
export interface ColumnMapping {
  columns: Partial<Record<Field, number>>;
  /** Demand-history period columns, oldest first (may be empty when annualDemand is mapped). */
  history: number[];
  /** Unit of the history periods. */
  periodUnit: PeriodUnit;
  /** Unit of the lead-time (and lead-time SD) column. */
  leadTimeUnit: TimeUnit;
}
