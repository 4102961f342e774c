/**
 * Auto-mapping of a SKU table's header row to the fields the segmentation reads: header synonyms
 * (case, punctuation and spacing ignored), the lead-time unit named in the header, and the
 * demand-history block and the promotion and price driver blocks next to it (see periods.ts). The
 * pane shows the result for confirmation; nothing here is final until the user confirms it.
 */
import { ColumnMapping, FIELDS, FIELD_LABELS, Field, PeriodUnit, REQUIRED_FIELDS, TimeUnit } from "./input";
import { DriverBlock, detectDrivers, detectHistory, isDriverHeader, parsePeriodHeader } from "./periods";

/**
 * Header synonyms per field, as the pane shows them. Matching ignores case, punctuation and
 * spacing (`Item No.` = `item_no` = `ItemNo` = `Item #` = `Item Number`), and tolerates a
 * bracketed or trailing qualifier such as a currency (`Unit Cost (EUR)`, `Std Cost USD`) or a
 * count unit (`Stock Qty (pcs)`). The first synonym of a field is its exact name; when several
 * columns match one field, an exact name wins, then the earlier synonym in this list, then the
 * leftmost column. Lead-time headers may also name their unit (`LT (wks)`, `Lead Time Days`).
 */
export const HEADER_SYNONYMS: Record<Field, readonly string[]> = {
  sku: [
    "SKU",
    "SKU Code",
    "SKU ID",
    "Item",
    "Item No.",
    "Item Code",
    "Item ID",
    "Material",
    "Material No.",
    "Material Code",
    "Part",
    "Part No.",
    "Part Code",
    "P/N",
    "Article",
    "Article No.",
    "Product Code",
    "Product ID",
    "Product No.",
    "Product",
    "Stock Code",
  ],
  description: [
    "Description",
    "Item Description",
    "Material Description",
    "Product Description",
    "Part Description",
    "Article Description",
    "SKU Description",
    "Desc",
    "Short Text",
    "Name",
    "Item Name",
    "Product Name",
    "Material Name",
  ],
  category: [
    "Category",
    "Product Category",
    "Item Category",
    "Inventory Type",
    "Inventory Category",
    "Stock Type",
    "Material Type",
    "Material Category",
    "Item Type",
    "Product Type",
  ],
  plant: [
    "Plant",
    "Plant Code",
    "Site",
    "Site Code",
    "Warehouse",
    "Warehouse Code",
    "Whse",
    "DC",
    "Distribution Center",
    "Distribution Centre",
    "Location",
    "Facility",
    "Depot",
    "Branch",
    "Organization Code",
    "Inventory Org",
  ],
  region: ["Region", "Sales Region", "Market", "Area", "Territory", "Geography"],
  supplier: [
    "Supplier",
    "Supplier Name",
    "Supplier No.",
    "Supplier ID",
    "Supplier Code",
    "Vendor",
    "Vendor Name",
    "Vendor No.",
    "Vendor ID",
    "Vendor Code",
    "Primary Supplier",
    "Main Supplier",
    "Preferred Supplier",
    "Preferred Vendor",
    "Fixed Vendor",
  ],
  supplierCount: [
    "Supplier Count",
    "No. of Suppliers",
    "# Suppliers",
    "Suppliers",
    "Vendor Count",
    "No. of Vendors",
    "Vendors",
    "Sources",
    "No. of Sources",
    "Source Count",
  ],
  singleSource: [
    "Single Source",
    "Single Sourced",
    "Single Source Flag",
    "Single-source Item",
    "Sole Source",
    "Sole Sourced",
    "Sole Supplier",
    "Single Supplier",
  ],
  unitCost: [
    "Unit Cost",
    "Std Cost",
    "Standard Cost",
    "Std Unit Cost",
    "Cost",
    "Cost per Unit",
    "Unit Cost Price",
    "Unit Price (Cost)",
    "Item Cost",
    "Cost Price",
    "Standard Price",
    "Moving Average Price",
    "Moving Avg. Price",
    "Average Cost",
    "Purchase Price",
    "Valuation Price",
  ],
  unitPrice: [
    "Unit Price",
    "Price",
    "Selling Price",
    "Sales Price",
    "Sell Price",
    "List Price",
    "Net Price",
    "Price per Unit",
    "Average Selling Price",
    "ASP",
  ],
  marginPct: [
    "Margin %",
    "Margin",
    "Gross Margin %",
    "Gross Margin",
    "GM%",
    "GM",
    "Margin Rate",
    "Gross Margin Rate",
    "Profit Margin %",
  ],
  onHand: [
    "On Hand",
    "On-hand Qty",
    "Qty on Hand",
    "Quantity on Hand",
    "QOH",
    "Stock on Hand",
    "SOH",
    "Stock",
    "Stock Qty",
    "Current Stock",
    "Inventory Qty",
    "Inventory",
    "Onhand",
    "Onhand Qty",
    "Unrestricted",
    "Unrestricted Stock",
    "Unrestricted-use Stock",
    "Unrestr. Stock",
    "Total Stock",
    "Closing Stock",
    "Physical Stock",
  ],
  leadTime: [
    "Lead Time",
    "LT",
    "Replenishment Lead Time",
    "Supplier Lead Time",
    "Purchasing Lead Time",
    "Procurement Lead Time",
    "Total Lead Time",
    "Processing Lead Time",
    "Delivery Time",
    "Planned Delivery Time",
  ],
  leadTimeSd: [
    "Lead Time SD",
    "LT SD",
    "Lead Time Std Dev",
    "Lead Time Standard Deviation",
    "LT Std Dev",
    "LT StDev",
    "Lead Time Sigma",
    "LT Sigma",
    "σL",
    "σLT",
    "Sigma L",
    "Lead Time Deviation",
    "Lead Time Variability",
  ],
  moq: [
    "MOQ",
    "Min Order Qty",
    "Minimum Order Quantity",
    "Min Order",
    "Minimum Order",
    "Min Lot Size",
    "Minimum Lot Size",
    "Min Lot",
    "Order Minimum",
  ],
  orderCost: [
    "Order Cost",
    "Ordering Cost",
    "Cost per Order",
    "Setup Cost",
    "Set-up Cost",
    "Fixed Order Cost",
    "Order Placement Cost",
  ],
  lastMovement: [
    "Last Movement",
    "Last Movement Date",
    "Date of Last Movement",
    "Last Goods Movement",
    "Last Issue",
    "Last Issue Date",
    "Last Consumption",
    "Last Consumption Date",
    "Last Usage",
    "Last Usage Date",
    "Last Used",
    "Last Sale",
    "Last Sale Date",
    "Last Sold",
    "Last Transaction",
    "Last Transaction Date",
    "Last Activity",
    "Last Receipt",
    "Last Receipt Date",
  ],
  annualDemand: [
    "Annual Demand",
    "Annual Usage",
    "Annual Consumption",
    "Annual Volume",
    "Annual Qty",
    "Yearly Demand",
    "Yearly Usage",
    "12M Demand",
    "12M Usage",
    "12 Month Demand",
    "Last 12 Months Demand",
    "Demand per Year",
  ],
  demandCv: [
    "Demand CV",
    "CV",
    "Demand Coefficient of Variation",
    "Coefficient of Variation",
    "CoV",
    "CV of Demand",
  ],
};

/**
 * Synonyms whose own meaning fixes the lead-time unit: SAP's planned delivery time (MARC-PLIFZ) is
 * kept in calendar days.
 */
const SYNONYM_UNITS: Readonly<Record<string, PeriodUnit>> = { "Planned Delivery Time": "day" };

export type MatchConfidence = "exact" | "synonym";

export interface AutoMapping {
  mapping: ColumnMapping;
  /** How each mapped field was found (history columns are not fields). */
  confidence: Partial<Record<Field, MatchConfidence>>;
  /** Columns that are neither a mapped field, demand history nor a driver column, left to right. */
  unmapped: number[];
  /** What the user should check before running, in words. */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Header normalisation

/** Words that mean the same in a header: `No.`/`Number`/`Nr`/`#`, `Quantity`/`Qty`, … */
const CANONICAL_WORDS: Readonly<Record<string, string>> = {
  number: "no",
  num: "no",
  nr: "no",
  nbr: "no",
  quantity: "qty",
  standard: "std",
  deviation: "dev",
  stdev: "std dev",
  stddev: "std dev",
  minimum: "min",
  average: "avg",
  percent: "%",
  percentage: "%",
  pct: "%",
};

/** Trailing words that qualify a header without changing its meaning (currencies, count units). */
const QUALIFIER_WORDS = new Set([
  "eur",
  "usd",
  "gbp",
  "chf",
  "jpy",
  "cny",
  "rmb",
  "inr",
  "cad",
  "aud",
  "sek",
  "nok",
  "dkk",
  "pln",
  "czk",
  "lc",
  "pcs",
  "pc",
  "pieces",
  "units",
  "ea",
  "each",
]);

/** Words naming a lead-time unit, and filler words around them (`in days`, `calendar days`). */
const UNIT_WORDS: Readonly<Record<string, TimeUnit>> = {
  d: "day",
  day: "day",
  days: "day",
  dys: "day",
  cd: "day",
  w: "week",
  wk: "week",
  wks: "week",
  week: "week",
  weeks: "week",
  m: "month",
  mo: "month",
  mos: "month",
  mth: "month",
  mths: "month",
  month: "month",
  months: "month",
  period: "period",
  periods: "period",
};
const UNIT_FILLER_WORDS = new Set(["in", "calendar"]);
const WORKING_DAY_WORDS = new Set(["working", "work", "business"]);

/**
 * Comparable form of a header: camelCase split, lower case, punctuation to spaces, synonymous
 * words unified. With `dropQualifiers`, bracketed text and trailing qualifier words go too.
 */
export function normalizeHeader(header: string, dropQualifiers = false): string {
  let s = header.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  if (dropQualifiers) s = s.replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, " ");
  s = s
    .replace(/%/g, " % ")
    .replace(/#/g, " no ")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}%]+/gu, " ");
  let words = s
    .split(" ")
    .filter((w) => w !== "")
    .flatMap((w) => (CANONICAL_WORDS[w] ?? w).split(" "));
  if (dropQualifiers) {
    while (words.length > 1 && QUALIFIER_WORDS.has(words[words.length - 1])) words = words.slice(0, -1);
  }
  return words.join(" ");
}

interface Synonym {
  field: Field;
  /** Position in the field's synonym list: 0 is the exact name. */
  rank: number;
  unit?: PeriodUnit;
}

/** Normalised synonym → field, built once from HEADER_SYNONYMS. */
const SYNONYM_INDEX: ReadonlyMap<string, Synonym> = (() => {
  const index = new Map<string, Synonym>();
  for (const field of FIELDS) {
    HEADER_SYNONYMS[field].forEach((text, rank) => {
      const key = normalizeHeader(text);
      if (!index.has(key)) index.set(key, { field, rank, unit: SYNONYM_UNITS[text] });
    });
  }
  return index;
})();

interface HeaderMatch extends Synonym {
  column: number;
  /** Unit named in the header (lead-time fields only). */
  namedUnit?: TimeUnit;
  workingDays?: boolean;
}

const LEAD_TIME_FIELDS: readonly Field[] = ["leadTime", "leadTimeSd"];

/** A lead-time header with its unit words taken out: `LT (wks)` → `lt`, week. */
function leadTimeMatch(
  normalized: string,
): { synonym: Synonym; unit: TimeUnit; workingDays: boolean } | null {
  const words = normalized.split(" ");
  const units = new Set<TimeUnit>();
  let workingDays = false;
  const rest = words.filter((w) => {
    if (UNIT_WORDS[w] !== undefined) units.add(UNIT_WORDS[w]);
    else if (WORKING_DAY_WORDS.has(w)) workingDays = true;
    else return !UNIT_FILLER_WORDS.has(w);
    return false;
  });
  if (units.size !== 1 || rest.length === 0) return null;
  const synonym = SYNONYM_INDEX.get(rest.join(" "));
  if (synonym === undefined || !LEAD_TIME_FIELDS.includes(synonym.field)) return null;
  const [unit] = units;
  return { synonym, unit, workingDays: workingDays && unit === "day" };
}

/** The field a header names, if any. */
function matchHeader(header: unknown, column: number): HeaderMatch | null {
  if (typeof header !== "string" || header.trim() === "") return null;
  for (const dropQualifiers of [false, true]) {
    const normalized = normalizeHeader(header, dropQualifiers);
    const synonym = SYNONYM_INDEX.get(normalized);
    if (synonym !== undefined) return { ...synonym, column, namedUnit: synonym.unit };
    const lt = leadTimeMatch(normalized);
    if (lt !== null) return { ...lt.synonym, column, namedUnit: lt.unit, workingDays: lt.workingDays };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Auto-mapping

/** Header text for messages and the mapping step. */
function headerText(headers: readonly unknown[], column: number): string {
  const h = headers[column];
  return `“${String(h ?? "").trim()}” (column ${column + 1})`;
}

function fieldName(field: Field): string {
  const label = FIELD_LABELS[field];
  return label[0].toUpperCase() + label.slice(1);
}

const UNIT_PLURAL: Record<PeriodUnit, string> = { day: "days", week: "weeks", month: "months" };

/** Better candidate first: exact name, then earlier synonym, then leftmost column. */
function byPreference(a: HeaderMatch, b: HeaderMatch): number {
  return a.rank - b.rank || a.column - b.column;
}

/**
 * Proposes a mapping for a header row: each field gets at most one column and each column at most
 * one field (the demand-history columns none); see HEADER_SYNONYMS for the preference order. A
 * lead-time header that names no unit is in the history's period unit ("period"); a lead-time SD
 * header shares the lead time's unit.
 */
export function autoMap(headers: readonly unknown[]): AutoMapping {
  const history = detectHistory(headers);
  const warnings = [...history.warnings];
  const inHistory = new Set(history.columns);

  const candidates = new Map<Field, HeaderMatch[]>();
  headers.forEach((header, column) => {
    if (inHistory.has(column) || isDriverHeader(header)) return;
    const match = matchHeader(header, column);
    if (match === null) return;
    const list = candidates.get(match.field) ?? [];
    list.push(match);
    candidates.set(match.field, list);
  });

  const columns: Partial<Record<Field, number>> = {};
  const confidence: Partial<Record<Field, MatchConfidence>> = {};
  const chosen = new Map<Field, HeaderMatch>();
  for (const field of FIELDS) {
    const list = candidates.get(field);
    if (list === undefined) continue;
    list.sort(byPreference);
    const [best, ...others] = list;
    columns[field] = best.column;
    confidence[field] = best.rank === 0 ? "exact" : "synonym";
    chosen.set(field, best);
    if (others.length > 0) {
      warnings.push(
        `${others.map((o) => headerText(headers, o.column)).join(", ")} also ${others.length > 1 ? "look" : "looks"} like ` +
          `the ${FIELD_LABELS[field]}; ${headerText(headers, best.column)} is used.`,
      );
    }
  }

  const leadTimeUnit = resolveLeadTimeUnit(
    chosen,
    headers,
    history.periodUnit,
    history.columns.length > 0,
    warnings,
  );
  const mapping: ColumnMapping = {
    columns,
    history: history.columns,
    periodUnit: history.periodUnit,
    leadTimeUnit,
  };
  warnings.push(...missingFieldWarnings(mapping, headers));
  warnings.push(...detectDrivers(headers, history.columns).warnings);

  // Driver columns (used or, with a warning, not) are never offered as unmapped columns.
  const mappedColumns = new Set<number>([...Object.values(columns), ...history.columns]);
  const unmapped = headers
    .map((_, c) => c)
    .filter((c) => !mappedColumns.has(c) && !isDriverHeader(headers[c]));
  return { mapping, confidence, unmapped, warnings };
}

/** The unit of the lead-time columns, with what the user should check. */
function resolveLeadTimeUnit(
  chosen: ReadonlyMap<Field, HeaderMatch>,
  headers: readonly unknown[],
  periodUnit: PeriodUnit,
  hasHistory: boolean,
  warnings: string[],
): TimeUnit {
  const lt = chosen.get("leadTime");
  const sd = chosen.get("leadTimeSd");
  for (const m of [lt, sd]) {
    if (m?.workingDays) {
      warnings.push(`${headerText(headers, m.column)} is in working days; it is read as calendar days.`);
    }
  }
  const ltUnit = lt?.namedUnit;
  const sdUnit = sd?.namedUnit;
  if (
    lt !== undefined &&
    sd !== undefined &&
    ltUnit !== undefined &&
    sdUnit !== undefined &&
    ltUnit !== sdUnit
  ) {
    warnings.push(
      `${headerText(headers, lt.column)} and ${headerText(headers, sd.column)} name different units; both are read in ` +
        `${unitWords(ltUnit, periodUnit)} — convert one column.`,
    );
  }
  if (lt !== undefined && ltUnit === undefined && sdUnit !== undefined && sd !== undefined) {
    warnings.push(
      `${headerText(headers, lt.column)} names no unit; it is read in ${unitWords(sdUnit, periodUnit)} like ` +
        `${headerText(headers, sd.column)}.`,
    );
  }
  const named = ltUnit ?? sdUnit;
  const first = lt ?? sd;
  if (named === undefined && first !== undefined) {
    warnings.push(
      `${headerText(headers, first.column)} names no unit; it is read in the history's period unit ` +
        `(${UNIT_PLURAL[periodUnit]}${hasHistory ? "" : ", as there is no history"}). Change it if the lead times are in another unit.`,
    );
  }
  return named ?? "period";
}

function unitWords(unit: TimeUnit, periodUnit: PeriodUnit): string {
  return unit === "period" ? `the history's period unit (${UNIT_PLURAL[periodUnit]})` : UNIT_PLURAL[unit];
}

/** Warnings for fields the segmentation needs but the headers do not name. */
function missingFieldWarnings(mapping: ColumnMapping, headers: readonly unknown[]): string[] {
  const warnings: string[] = [];
  const { columns } = mapping;
  for (const field of REQUIRED_FIELDS) {
    if (columns[field] === undefined)
      warnings.push(`No ${FIELD_LABELS[field]} column was found; choose it in the mapping step.`);
  }
  const hasHistory = mapping.history.length > 0;
  if (!hasHistory && columns.annualDemand === undefined) {
    warnings.push(
      "No demand history (period columns) or annual-demand column was found; choose one in the mapping step.",
    );
  }
  if (!hasHistory && columns.annualDemand !== undefined && columns.demandCv === undefined) {
    warnings.push(
      "An annual-demand column without demand history needs a demand-CV column for safety stocks.",
    );
  }
  if (hasHistory && columns.annualDemand !== undefined) {
    warnings.push(`Demand comes from the history; ${headerText(headers, columns.annualDemand)} is not used.`);
  }
  if (columns.unitPrice === undefined && columns.marginPct === undefined) {
    warnings.push("No unit price or margin column: margin figures stay empty.");
  }
  return warnings;
}

/**
 * The mapping in words, one line per mapped field, then the history and the fields left unmapped:
 * what the pane's mapping step shows.
 */
export function describeMapping(mapping: ColumnMapping, headers: readonly unknown[]): string[] {
  const lines: string[] = [];
  const unmappedFields: string[] = [];
  for (const field of FIELDS) {
    const column = mapping.columns[field];
    if (column === undefined) {
      if (field !== "annualDemand" && field !== "demandCv") unmappedFields.push(FIELD_LABELS[field]);
      continue;
    }
    const unit = LEAD_TIME_FIELDS.includes(field)
      ? `, in ${unitWords(mapping.leadTimeUnit, mapping.periodUnit)}`
      : "";
    lines.push(`${fieldName(field)}: ${headerText(headers, column)}${unit}`);
  }
  const periods = mapping.history.length;
  if (periods > 0) {
    const first = historyHeader(headers, mapping.history[0]);
    const last = historyHeader(headers, mapping.history[periods - 1]);
    const adjective = { day: "daily", week: "weekly", month: "monthly" }[mapping.periodUnit];
    lines.push(
      `Demand history: ${periods} ${adjective} period${periods === 1 ? "" : "s"}, ${first} to ${last}`,
    );
  } else if (mapping.columns.annualDemand === undefined) lines.push("Demand history: none");
  lines.push(...describeDrivers(mapping, headers));
  if (unmappedFields.length > 0) lines.push(`Not mapped: ${unmappedFields.join(", ")}`);
  return lines;
}

/** A history header for the mapping step: a serial date header is shown as its date. */
function historyHeader(headers: readonly unknown[], column: number): string {
  const h = headers[column];
  const period = typeof h === "number" ? parsePeriodHeader(h) : null;
  return `“${period?.kind === "day" ? period.label : String(h ?? "").trim()}”`;
}

const DRIVER_NAMES = { promo: "Promotions", price: "Prices" } as const;

/**
 * One line per driver block that lines up with the history (README "Driver columns"), e.g.
 * `Promotions: 104 of 104 history periods + 13 ahead (Promo 2024-01-01 … Promo 2026-03-30)`;
 * empty without driver columns. The mapping step and `wcap --verbose` show them.
 */
export function describeDrivers(mapping: ColumnMapping, headers: readonly unknown[]): string[] {
  const detection = detectDrivers(headers, mapping.history);
  const lines: string[] = [];
  for (const kind of ["promo", "price"] as const) {
    const block: DriverBlock | undefined = detection[kind];
    if (block === undefined) continue;
    const columns = [...block.history.filter((c) => c >= 0), ...block.future];
    const covered = columns.length - block.future.length;
    const ahead = block.future.length > 0 ? ` + ${block.future.length} ahead` : "";
    const first = String(headers[columns[0]] ?? "").trim();
    const last = String(headers[columns[columns.length - 1]] ?? "").trim();
    const span = columns.length > 1 ? `${first} … ${last}` : first;
    lines.push(
      `${DRIVER_NAMES[kind]}: ${covered} of ${mapping.history.length} history period${mapping.history.length === 1 ? "" : "s"}${ahead} (${span})`,
    );
  }
  return lines;
}
