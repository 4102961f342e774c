/**
 * From raw cells to typed item columns: every input row either becomes an item (with warnings)
 * or an exception with all its reasons in words. Rows in = items + exceptions, always.
 */
import { rowMoments } from "../classify";
import { CellValue } from "../report";
import { ColumnMapping, DAYS_PER_PERIOD, FIELD_LABELS, Field, InputTable, PERIODS_PER_YEAR } from "./input";
import { DriverBlock, detectDrivers, parseDateCell } from "./periods";

/** One input row that could not be segmented. */
export interface RowException {
  /** Index into InputTable.rows. */
  index: number;
  sourceRow: number;
  sku: string;
  reasons: string[];
}

/** Per-period promotion flags and prices read from the table's driver blocks (README "Driver columns"). */
export interface ItemDrivers {
  /** Periods of drivers after the history that the table holds (future columns present), ≥ 0. */
  horizon: number;
  /** count × (periods + horizon) row-major, item order as Items; NaN where blank, text or missing. null without a promo block. */
  promo: Float64Array | null;
  /** Same shape, prices; null without a price block. */
  price: Float64Array | null;
}

/** Typed columns of the segmentable rows (item i came from input row `index[i]`). */
export interface Items {
  count: number;
  index: Uint32Array;
  sourceRow: Float64Array;
  sku: string[];
  description: string[];
  category: string[];
  plant: string[];
  region: string[];
  supplier: string[];
  /** 1 = single source, 0 = not, 2 = unknown. */
  singleSource: Uint8Array;
  unitCost: Float64Array;
  /** NaN where unknown. */
  unitPrice: Float64Array;
  marginPct: Float64Array;
  onHand: Float64Array;
  leadTimePeriods: Float64Array;
  leadTimeSdPeriods: Float64Array;
  /** 0 = no MOQ. */
  moq: Float64Array;
  orderCost: Float64Array;
  /** Excel serial date, NaN where unknown. */
  lastMovement: Float64Array;
  demandMean: Float64Array;
  demandSd: Float64Array;
  /** CV of per-period demand; NaN where undefined (fewer than 2 periods or mean ≤ 0). */
  demandCv: Float64Array;
  annualDemand: Float64Array;
  /** Periods per item in `history` (0 when demand came from an annual-demand column). */
  periods: number;
  /**
   * Demand history, row-major count × periods, NaN for a blank period (the cells the moments
   * above were computed from; an item with text in its history is an exception, never here).
   */
  history: Float64Array;
  /** Promotion and price driver columns; null when the table has no driver block or no history. */
  drivers: ItemDrivers | null;
  warnings: string[][];
}

export interface Prepared {
  items: Items;
  exceptions: RowException[];
  periodsPerYear: number;
}

function isBlankCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function quoted(v: CellValue | undefined): string {
  const text = String(v);
  return `"${text.length > 30 ? text.slice(0, 30) + "…" : text}"`;
}

/** Text of a label cell (numbers are formatted plainly, blanks are ""). */
function textOf(v: CellValue | undefined): string {
  if (isBlankCell(v)) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

const TRUE_WORDS = new Set(["y", "yes", "true", "1", "x", "single", "sole"]);
const FALSE_WORDS = new Set(["n", "no", "false", "0", "multi", "multiple", "dual"]);

/**
 * Reads one row into the item columns at position `i`, collecting the reasons it cannot be
 * segmented. Only numbers are numbers: text in a numeric cell is a reason, never silently read.
 */
class RowReader {
  readonly reasons: string[] = [];
  readonly warnings: string[] = [];

  constructor(
    private readonly row: CellValue[],
    private readonly mapping: ColumnMapping,
  ) {}

  has(field: Field): boolean {
    return this.mapping.columns[field] !== undefined;
  }

  cell(field: Field): CellValue | undefined {
    const column = this.mapping.columns[field];
    return column === undefined ? undefined : this.row[column];
  }

  text(field: Field): string {
    return textOf(this.cell(field));
  }

  /**
   * A number cell: blank gives `blank` (a reason when `blank` is "required"), text is a reason,
   * negatives are a reason unless allowed.
   */
  number(field: Field, blank: number | "required", options: { allowNegative?: boolean } = {}): number {
    const v = this.cell(field);
    const label = FIELD_LABELS[field];
    if (isBlankCell(v)) {
      if (blank === "required") this.reasons.push(`missing ${label}`);
      return blank === "required" ? NaN : blank;
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.reasons.push(`${label} is not a number (${quoted(v)})`);
      return NaN;
    }
    if (v < 0 && !options.allowNegative) {
      this.reasons.push(`negative ${label} (${v})`);
      return NaN;
    }
    return v;
  }
}

/** Grows a typed column. */
function grow<T extends Float64Array | Uint8Array | Uint32Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

function emptyItems(capacity: number, periods: number, historyCapacity: number): Items {
  const f = () => new Float64Array(capacity);
  return {
    count: 0,
    index: new Uint32Array(capacity),
    sourceRow: f(),
    sku: [],
    description: [],
    category: [],
    plant: [],
    region: [],
    supplier: [],
    singleSource: new Uint8Array(capacity),
    unitCost: f(),
    unitPrice: f(),
    marginPct: f(),
    onHand: f(),
    leadTimePeriods: f(),
    leadTimeSdPeriods: f(),
    moq: f(),
    orderCost: f(),
    lastMovement: f(),
    demandMean: f(),
    demandSd: f(),
    demandCv: f(),
    annualDemand: f(),
    periods,
    history: new Float64Array(historyCapacity),
    drivers: null,
    warnings: [],
  };
}

const FLOAT_COLUMNS = [
  "sourceRow",
  "unitCost",
  "unitPrice",
  "marginPct",
  "onHand",
  "leadTimePeriods",
  "leadTimeSdPeriods",
  "moq",
  "orderCost",
  "lastMovement",
  "demandMean",
  "demandSd",
  "demandCv",
  "annualDemand",
] as const;

/** Shrinks every typed column to `items.count`. */
function trim(items: Items): Items {
  const n = items.count;
  const out = { ...items, index: items.index.slice(0, n), singleSource: items.singleSource.slice(0, n) };
  for (const key of FLOAT_COLUMNS) out[key] = items[key].slice(0, n);
  const historyLength = n * items.periods;
  if (items.history.length > historyLength) out.history = items.history.slice(0, historyLength);
  return out;
}

/**
 * Promotion cells read as a flag: a number as given (an intensity such as 0.5 is kept), TRUE/FALSE,
 * and the yes/no words of a flag column (`Y`/`N`, `yes`/`no`, `true`/`false`, `x` for a ticked
 * week) as 1/0, because promotion calendars are often kept as ticks. Any other text (and an error
 * such as `#N/A`) is blank, NaN: "not known", which the forecast reads as not promoted.
 */
const PROMO_ON_WORDS = new Set(["y", "yes", "true", "x"]);
const PROMO_OFF_WORDS = new Set(["n", "no", "false"]);

function promoValue(v: CellValue | undefined): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "string") return NaN;
  const word = v.trim().toLowerCase();
  return PROMO_ON_WORDS.has(word) ? 1 : PROMO_OFF_WORDS.has(word) ? 0 : NaN;
}

/**
 * The driver blocks of the prepared items (README "Driver columns"), or null when the table has
 * none that line up with the history. Both blocks get the same width: the history plus the shorter
 * of their future runs. Prices are numbers only: text, errors and blanks are NaN (unknown price, no
 * price effect).
 */
function readDrivers(input: InputTable, mapping: ColumnMapping, items: Items): ItemDrivers | null {
  const detection = detectDrivers(input.headers, mapping.history);
  const { promo, price } = detection;
  if (promo === undefined && price === undefined) return null;
  const horizon = Math.min(promo?.future.length ?? Infinity, price?.future.length ?? Infinity);
  const width = items.periods + horizon;
  const columnsOf = (block: DriverBlock | undefined) =>
    Int32Array.from(block === undefined ? [] : [...block.history, ...block.future.slice(0, horizon)]);
  const promoColumns = columnsOf(promo);
  const priceColumns = columnsOf(price);
  const promoOut = promo === undefined ? null : new Float64Array(items.count * width);
  const priceOut = price === undefined ? null : new Float64Array(items.count * width);
  // One pass over the rows, numbers tested inline: a 100,000-row table has millions of driver cells.
  for (let i = 0; i < items.count; i++) {
    const row = input.rows[items.index[i]];
    const start = i * width;
    if (promoOut !== null) {
      for (let t = 0; t < width; t++) {
        const c = promoColumns[t];
        const v = c < 0 ? null : row[c];
        promoOut[start + t] = typeof v === "number" ? (Number.isFinite(v) ? v : NaN) : promoValue(v);
      }
    }
    if (priceOut !== null) {
      for (let t = 0; t < width; t++) {
        const c = priceColumns[t];
        const v = c < 0 ? null : row[c];
        priceOut[start + t] = typeof v === "number" && Number.isFinite(v) ? v : NaN;
      }
    }
  }
  return { horizon, promo: promoOut, price: priceOut };
}

/** Validates and types every row. */
export function prepareItems(input: InputTable, mapping: ColumnMapping, defaultOrderCost: number): Prepared {
  const periodsPerYear = PERIODS_PER_YEAR[mapping.periodUnit];
  const leadTimeFactor =
    mapping.leadTimeUnit === "period"
      ? 1
      : DAYS_PER_PERIOD[mapping.leadTimeUnit] / DAYS_PER_PERIOD[mapping.periodUnit];
  const historyColumns = mapping.history;
  const periods = historyColumns.length;
  // The history is read straight into its place in items.history (one allocation of the upper
  // bound, rows × periods, trimmed once at the end); a row that becomes an exception is overwritten.
  let items = emptyItems(Math.min(input.rows.length, 1 << 16) || 1, periods, input.rows.length * periods);
  const history = items.history;
  const exceptions: RowException[] = [];
  const firstRowOfKey = new Map<string, number>();
  const keyHasPlant = mapping.columns.plant !== undefined;

  input.rows.forEach((row, index) => {
    const sourceRow = input.sourceRows?.[index] ?? index + 2;
    const r = new RowReader(row, mapping);
    const sku = r.text("sku");
    if (sku === "") r.reasons.push("missing SKU");
    else {
      const key = keyHasPlant ? `${sku}\u0000${r.text("plant")}` : sku;
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        r.reasons.push(`duplicate of row ${first} (same SKU${keyHasPlant ? " and plant" : ""})`);
      } else firstRowOfKey.set(key, sourceRow);
    }

    const unitCost = r.number("unitCost", "required");
    if (unitCost === 0) r.reasons.push("unit cost is 0");
    const onHand = r.number("onHand", "required");
    const leadTime = r.number("leadTime", "required") * leadTimeFactor;
    const leadTimeSd = r.has("leadTimeSd") ? r.number("leadTimeSd", 0) * leadTimeFactor : 0;
    const moq = r.has("moq") ? r.number("moq", 0) : 0;
    const orderCost = r.has("orderCost") ? r.number("orderCost", defaultOrderCost) : defaultOrderCost;
    const unitPrice = r.has("unitPrice") ? r.number("unitPrice", NaN) : NaN;
    const marginPct = r.has("marginPct") ? r.number("marginPct", NaN, { allowNegative: true }) : NaN;
    if (Number.isNaN(unitPrice) && Number.isNaN(marginPct))
      r.warnings.push("no price or margin: no margin figures");

    let lastMovement = NaN;
    if (r.has("lastMovement") && !isBlankCell(r.cell("lastMovement"))) {
      const serial = parseDateCell(r.cell("lastMovement"));
      if (serial === null)
        r.reasons.push(`last movement date is not a date (${quoted(r.cell("lastMovement"))})`);
      else lastMovement = serial;
    }

    let singleSource = 2;
    if (r.has("singleSource") && !isBlankCell(r.cell("singleSource"))) {
      const word = r.text("singleSource").toLowerCase();
      if (TRUE_WORDS.has(word)) singleSource = 1;
      else if (FALSE_WORDS.has(word)) singleSource = 0;
      else r.reasons.push(`single-source flag is not yes/no (${quoted(r.cell("singleSource"))})`);
    } else if (r.has("supplierCount") && !isBlankCell(r.cell("supplierCount"))) {
      const count = r.number("supplierCount", NaN);
      if (count === count) singleSource = count <= 1 ? 1 : 0;
    }

    // Demand: the history block (mean, SD, CV per period), else annual demand with a CV column.
    let mean = NaN;
    let sd = NaN;
    let cv = NaN;
    let annual = NaN;
    if (periods > 0) {
      let textCell: string | null = null;
      const start = items.count * periods;
      for (let t = 0; t < periods; t++) {
        const v = row[historyColumns[t]];
        if (typeof v === "number" && Number.isFinite(v)) history[start + t] = v;
        else if (isBlankCell(v)) history[start + t] = NaN;
        else {
          history[start + t] = NaN;
          textCell ??= `${input.headers[historyColumns[t]]}: ${quoted(v)}`;
        }
      }
      if (textCell !== null) r.reasons.push(`text in demand history (${textCell})`);
      const moments = rowMoments(history, periods, items.count);
      if (moments.count === 0) r.reasons.push("no demand data");
      else {
        mean = moments.mean;
        sd = moments.count > 1 ? moments.sd : 0;
        cv = moments.count > 1 && moments.mean > 0 ? moments.cv : NaN;
        annual = mean * periodsPerYear;
        if (moments.count < 2) r.warnings.push("one period of history: demand variability unknown");
      }
    } else if (r.has("annualDemand")) {
      annual = r.number("annualDemand", "required");
      const cvCell = r.has("demandCv") ? r.number("demandCv", NaN) : NaN;
      if (annual === annual) {
        if (cvCell !== cvCell && !r.reasons.some((x) => x.startsWith(FIELD_LABELS.demandCv))) {
          r.reasons.push("no demand variability (map demand history or a CV column)");
        }
        mean = annual / periodsPerYear;
        cv = cvCell;
        sd = cvCell * mean;
      }
    } else r.reasons.push("no demand data");

    if (r.reasons.length > 0) {
      exceptions.push({ index, sourceRow, sku, reasons: r.reasons });
      return;
    }
    const i = items.count++;
    if (i >= items.index.length) {
      const size = i + 1;
      items.index = grow(items.index, size);
      items.singleSource = grow(items.singleSource, size);
      for (const key of FLOAT_COLUMNS) items[key] = grow(items[key], size);
    }
    items.index[i] = index;
    items.sourceRow[i] = sourceRow;
    items.sku.push(sku);
    items.description.push(r.text("description"));
    items.category.push(r.text("category"));
    items.plant.push(r.text("plant"));
    items.region.push(r.text("region"));
    items.supplier.push(r.text("supplier"));
    items.singleSource[i] = singleSource;
    items.unitCost[i] = unitCost;
    items.unitPrice[i] = unitPrice;
    items.marginPct[i] = marginPct;
    items.onHand[i] = onHand;
    items.leadTimePeriods[i] = leadTime;
    items.leadTimeSdPeriods[i] = leadTimeSd;
    items.moq[i] = moq;
    items.orderCost[i] = orderCost;
    items.lastMovement[i] = lastMovement;
    items.demandMean[i] = mean;
    items.demandSd[i] = sd;
    items.demandCv[i] = cv;
    items.annualDemand[i] = annual;
    items.warnings.push(r.warnings);
  });

  const prepared = trim(items);
  // Driver columns are read only when the table has them: a table without pays one header scan.
  if (periods > 0) prepared.drivers = readDrivers(input, mapping, prepared);
  return { items: prepared, exceptions, periodsPerYear };
}
