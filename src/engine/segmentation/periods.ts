/**
 * Demand-history period headers (`2025-01`, `Jan-25`, `2025-W01`, `W01`, ISO and Excel serial
 * dates, `P01` …), the driver columns lined up with them (`Promo 2025-01`, `2025-01 Price`), and
 * the date cells of a SKU table (last movement).
 *
 * Conventions (README "Mapping"):
 * - Dates are Excel serial numbers: days since 1899-12-30 for serials ≥ 61. Serials 1–59 are
 *   1900-01-01 … 1900-02-28 and serial 60 is Excel's non-existent 1900-02-29 (Lotus 1-2-3's leap-year
 *   bug, kept by Excel for compatibility), so it maps to no date.
 * - A number is a date only in the plausible range 1990-01-01 … 2100-01-01 (serials 32874 … 73051);
 *   other numbers in a header or date cell are not dates.
 * - Date text is read only in formats whose order of day and month is unambiguous: `yyyy-mm-dd`
 *   (ISO, optionally with a time), `yyyy/mm/dd`, `dd.mm.yyyy` (day first, as everywhere dots are
 *   used), `yyyymmdd` (8 digits, as SAP exports them), and forms with an English month name
 *   (`06-Jan-2025`, `6 Jan 25`, `Jan 6, 2025`). `01/06/2025` is day-first in some locales and
 *   month-first in others, so it is never read as a date.
 * - Two-digit years follow Excel: 00–29 are 2000–2029, 30–99 are 1930–1999. So `Jan-25` is the
 *   month January 2025 (Excel's `mmm-yy` format), never 25 January.
 * - Weeks are ISO 8601 weeks (Monday start; week 1 holds 4 January).
 */
import { PeriodUnit } from "./input";

/** What a period header denotes. Day includes ISO and serial dates, whatever their spacing. */
export type PeriodKind = "month" | "week" | "day" | "generic";

export interface PeriodHeader {
  kind: PeriodKind;
  /**
   * Sort key within a block of headers of the same style: the Excel serial date of the period's
   * first day when the header names a year (months, ISO weeks, dates); the number itself for
   * headers without a year (`W07` → 7, `Jan` → 1, `P13` → 13); year × 1000 + number for `2025-P13`.
   */
  order: number;
  /** Canonical form: `2025-01`, `2025-W01`, `2025-01-06`, `W01`, `Jan`, `M01`, `Day 1`, `P01`, `2025-P01`. */
  label: string;
}

export interface HistoryDetection {
  /** Column indexes of the demand history, oldest period first (empty when none was found). */
  columns: number[];
  /** Unit of one history period ("week" when there is no history). */
  periodUnit: PeriodUnit;
  /** What the user should check, in words. */
  warnings: string[];
}

/** Serial of 1990-01-01 and 2100-01-01: numbers outside are never read as dates. */
export const PLAUSIBLE_SERIAL_MIN = 32874;
export const PLAUSIBLE_SERIAL_MAX = 73051;

/** Excel's last date, 9999-12-31. */
const MAX_SERIAL = 2958465;
/** Days from 1970-01-01 (the epoch day count used below) to Excel's day 0, 1899-12-30. */
const EPOCH_TO_SERIAL = 25569;
/** Epoch day of 1900-03-01, the first date whose serial is days since 1899-12-30. */
const EPOCH_1900_03_01 = -25508;
/** Epoch day of 1900-01-01, serial 1. */
const EPOCH_1900_01_01 = -25567;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic: days_from_civil / civil_from_days of H. Hinnant, "chrono-Compatible Low-Level
// Date Algorithms" (http://howardhinnant.github.io/date_algorithms.html). Integer-only, proleptic
// Gregorian, so no Date object (whose Date.UTC maps years 0–99 to 1900–1999) is involved.

function epochDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civil(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function validDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Excel serial of a calendar date, or null before 1900-01-01 or after 9999-12-31. */
function serialOf(y: number, m: number, d: number): number | null {
  if (!validDate(y, m, d) || y > 9999) return null;
  const e = epochDay(y, m, d);
  if (e >= EPOCH_1900_03_01) return e + EPOCH_TO_SERIAL;
  if (e >= EPOCH_1900_01_01) return e + EPOCH_TO_SERIAL - 1;
  return null;
}

/** Calendar date of a serial ≥ 61 (a real date after Excel's phantom 1900-02-29). */
function dateOfSerial(serial: number): { y: number; m: number; d: number } {
  return civil(serial - EPOCH_TO_SERIAL);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function isoText(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * ISO date (`yyyy-mm-dd`) of an Excel serial date; a fraction (time of day) is dropped. Null for
 * serial 60 (Excel's 1900-02-29, which does not exist), below 1, above 9999-12-31, or not finite.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL || day === 60) return null;
  const { y, m, d } = civil(day < 60 ? day - EPOCH_TO_SERIAL + 1 : day - EPOCH_TO_SERIAL);
  return isoText(y, m, d);
}

/**
 * Excel serial date of an ISO date `yyyy-mm-dd`; null when the text is not exactly that form, not
 * a calendar date (2025-02-30), or outside Excel's 1900-01-01 … 9999-12-31.
 */
export function isoToExcelSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? serialOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

// ---------------------------------------------------------------------------------------------
// Text recognisers

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_ABBREVIATIONS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];

/** 1–12 for an English month name or its abbreviation (`sep`, `sept`), else 0. */
function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  const full = MONTH_NAMES.indexOf(w);
  if (full >= 0) return full + 1;
  const abbreviation = MONTH_ABBREVIATIONS.indexOf(w);
  if (abbreviation >= 0) return abbreviation + 1;
  return w === "sept" ? 9 : 0;
}

/** Excel's two-digit-year rule: 00–29 → 20xx, 30–99 → 19xx. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

const TIME_SUFFIX = String.raw`(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME_SUFFIX}$`);
const YEAR_FIRST_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DOTTED_DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_MONTHNAME_YEAR = /^(\d{1,2})[- /]([a-z]{3,9})\.?[- /]('?\d{2}|\d{4})$/;
const MONTHNAME_DAY_YEAR = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;

/** Serial date of date text in one of the unambiguous formats (see the file comment), else null. */
function parseDateText(text: string): number | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, " ");
  let m = ISO_DATE.exec(s) ?? YEAR_FIRST_SLASH.exec(s);
  if (m) return serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = COMPACT_DATE.exec(s);
  if (m) {
    // Eight digits are only trusted as yyyymmdd for plausible years; otherwise they are a number.
    const y = Number(m[1]);
    return y >= 1990 && y <= 2100 ? serialOf(y, Number(m[2]), Number(m[3])) : null;
  }
  m = DOTTED_DAY_FIRST.exec(s);
  if (m) return serialOf(fullYear(m[3]), Number(m[2]), Number(m[1]));
  m = DAY_MONTHNAME_YEAR.exec(s);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? serialOf(fullYear(m[3].replace("'", "")), month, Number(m[1])) : null;
  }
  m = MONTHNAME_DAY_YEAR.exec(s);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? serialOf(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/** Serial date of a JavaScript Date (its UTC calendar day, as file libraries produce), else null. */
function serialOfDateObject(v: Date): number | null {
  if (Number.isNaN(v.getTime())) return null;
  return serialOf(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
}

function isPlausibleSerial(n: number): boolean {
  return n >= PLAUSIBLE_SERIAL_MIN && n <= PLAUSIBLE_SERIAL_MAX;
}

/**
 * Excel serial date (whole days) of a date cell, e.g. a last-movement date; null when the cell
 * is not a date. Accepted: a number in the plausible range (a time of day is dropped), an 8-digit
 * number `yyyymmdd`, a Date object, and text in the unambiguous formats of the file comment.
 * Never read: text like `01/06/2025` (day or month first?), bare digits other than `yyyymmdd`.
 */
export function parseDateCell(v: unknown): number | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    if (isPlausibleSerial(v)) return Math.floor(v);
    return Number.isInteger(v) && v >= 19900101 && v <= 21001231 ? parseDateText(String(v)) : null;
  }
  if (v instanceof Date) return serialOfDateObject(v);
  if (typeof v !== "string") return null;
  return parseDateText(v);
}

// ---------------------------------------------------------------------------------------------
// Period headers

/**
 * Headers of one style, which may form one history block together: months and ISO weeks with a
 * year, dates, the yearless styles (whose numbers repeat every cycle), and generic periods.
 */
type Family = "month" | "week" | "date" | "monthBare" | "weekBare" | "dayBare" | "generic" | "genericYear";

interface ParsedHeader extends PeriodHeader {
  family: Family;
}

const WEEK_TOKEN = String.raw`(?:w|wk|wks|week|cw|kw)\.?\s*[-_]?\s*(\d{1,2})`;
const WEEK_BARE = new RegExp(`^${WEEK_TOKEN}$`);
const YEAR_WEEK = new RegExp(String.raw`^(\d{4})\s*[-_/ ]?\s*${WEEK_TOKEN}$`);
const WEEK_YEAR = new RegExp(String.raw`^${WEEK_TOKEN}\s*[-_/ ,]\s*(\d{4})$`);
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const MONTHNAME_YEAR = /^([a-z]{3,9})\.?\s*[-/ ']?\s*'?(\d{4}|\d{2})$/;
const YEAR_MONTHNAME = /^(\d{4})\s*[-/ ]\s*([a-z]{3,9})\.?$/;
const MONTHNAME = /^([a-z]{3,9})\.?$/;
const MONTH_NUMBERED = /^(?:m|mo|mth|month)\.?\s*[-_]?\s*(\d{1,2})$/;
const DAY_NUMBERED = /^day\s*[-_]?\s*(\d{1,3})$/;
const PERIOD_TOKEN = String.raw`(?:p|per|period)\.?\s*[-_]?\s*(\d{1,3})`;
const PERIOD_BARE = new RegExp(`^${PERIOD_TOKEN}$`);
const YEAR_PERIOD = new RegExp(String.raw`^(\d{4})\s*[-_/ ]?\s*${PERIOD_TOKEN}$`);
const PERIOD_YEAR = new RegExp(String.raw`^${PERIOD_TOKEN}\s*[-_/ ]\s*(\d{4})$`);

/** Serial of the Monday of ISO week `week` of `year` (week 1 holds 4 January). */
function isoWeekMonday(year: number, week: number): number | null {
  const jan4 = epochDay(year, 1, 4);
  const mondayOfWeek1 = jan4 - ((((jan4 + 3) % 7) + 7) % 7); // epoch day 0 (1970-01-01) was a Thursday
  const serial = mondayOfWeek1 + (week - 1) * 7 + EPOCH_TO_SERIAL;
  return serial >= 61 && serial <= MAX_SERIAL ? serial : null;
}

function dayHeader(serial: number): ParsedHeader {
  return { kind: "day", order: serial, label: excelSerialToIso(serial) ?? String(serial), family: "date" };
}

function monthHeader(y: number, m: number): ParsedHeader | null {
  const serial = m >= 1 && m <= 12 ? serialOf(y, m, 1) : null;
  return serial === null
    ? null
    : { kind: "month", order: serial, label: `${pad(y, 4)}-${pad(m)}`, family: "month" };
}

function weekHeader(y: number, w: number): ParsedHeader | null {
  const monday = w >= 1 && w <= 53 ? isoWeekMonday(y, w) : null;
  return monday === null
    ? null
    : { kind: "week", order: monday, label: `${pad(y, 4)}-W${pad(w)}`, family: "week" };
}

function numberedHeader(n: number): ParsedHeader | null {
  // Plain small integers (1, 2, … as a header row of period numbers) are generic periods.
  if (Number.isInteger(n) && n >= 1 && n <= 999)
    return { kind: "generic", order: n, label: `P${pad(n)}`, family: "generic" };
  if (Number.isInteger(n) && isPlausibleSerial(n)) return dayHeader(n);
  return null;
}

function parseHeader(h: unknown): ParsedHeader | null {
  if (typeof h === "number") return Number.isFinite(h) ? numberedHeader(h) : null;
  if (h instanceof Date) {
    const serial = serialOfDateObject(h);
    return serial === null ? null : dayHeader(serial);
  }
  if (typeof h !== "string") return null;
  const s = h.trim().toLowerCase().replace(/\s+/g, " ");
  if (s === "") return null;
  // A reader that turns header cells into text turns a date header into its serial's digits.
  if (/^\d{1,5}$/.test(s)) return numberedHeader(Number(s));

  const serial = parseDateText(s);
  if (serial !== null) return dayHeader(serial);

  let m = YEAR_MONTH.exec(s);
  if (m) return monthHeader(Number(m[1]), Number(m[2]));
  m = MONTH_YEAR.exec(s);
  if (m) return monthHeader(Number(m[2]), Number(m[1]));
  m = MONTHNAME_YEAR.exec(s);
  if (m && monthNumber(m[1])) return monthHeader(fullYear(m[2]), monthNumber(m[1]));
  m = YEAR_MONTHNAME.exec(s);
  if (m && monthNumber(m[2])) return monthHeader(Number(m[1]), monthNumber(m[2]));

  m = YEAR_WEEK.exec(s);
  if (m) return weekHeader(Number(m[1]), Number(m[2]));
  m = WEEK_YEAR.exec(s);
  if (m) return weekHeader(Number(m[2]), Number(m[1]));
  m = WEEK_BARE.exec(s);
  if (m) {
    const w = Number(m[1]);
    return w >= 1 && w <= 53 ? { kind: "week", order: w, label: `W${pad(w)}`, family: "weekBare" } : null;
  }

  m = MONTHNAME.exec(s);
  if (m && monthNumber(m[1])) {
    const month = monthNumber(m[1]);
    const name = MONTH_ABBREVIATIONS[month - 1];
    return { kind: "month", order: month, label: name[0].toUpperCase() + name.slice(1), family: "monthBare" };
  }
  m = MONTH_NUMBERED.exec(s);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12
      ? { kind: "month", order: month, label: `M${pad(month)}`, family: "monthBare" }
      : null;
  }
  m = DAY_NUMBERED.exec(s);
  if (m && Number(m[1]) >= 1)
    return { kind: "day", order: Number(m[1]), label: `Day ${Number(m[1])}`, family: "dayBare" };

  m = PERIOD_BARE.exec(s);
  if (m && Number(m[1]) >= 1)
    return { kind: "generic", order: Number(m[1]), label: `P${pad(Number(m[1]))}`, family: "generic" };
  const yearFirst = YEAR_PERIOD.exec(s);
  const yearLast = yearFirst === null ? PERIOD_YEAR.exec(s) : null;
  if (yearFirst !== null || yearLast !== null) {
    const year = Number(yearFirst !== null ? yearFirst[1] : yearLast![2]);
    const n = Number(yearFirst !== null ? yearFirst[2] : yearLast![1]);
    if (n >= 1)
      return { kind: "generic", order: year * 1000 + n, label: `${year}-P${pad(n)}`, family: "genericYear" };
  }
  return null;
}

/**
 * What a demand-history header denotes, or null when it is not a period header. Headers may be
 * text or numbers (a date header arrives as its Excel serial number, or as that number's digits
 * when a reader turns headers into text); plain integers 1–999 are generic periods.
 */
export function parsePeriodHeader(h: unknown): PeriodHeader | null {
  const parsed = parseHeader(h);
  return parsed === null ? null : { kind: parsed.kind, order: parsed.order, label: parsed.label };
}

// ---------------------------------------------------------------------------------------------
// History blocks

/** One run of same-style period columns, adjacent in the sheet (one foreign column may sit inside). */
interface Run {
  family: Family;
  columns: number[];
  skipped: number[];
}

/** Header text for messages (a serial date header is shown as its ISO date). */
function shown(h: unknown): string {
  const parsed = parseHeader(h);
  if (parsed?.family === "date" && typeof h === "number") return parsed.label;
  return String(h ?? "").trim();
}

function quote(text: string): string {
  return `“${text}”`;
}

/** Runs of period columns of one family; a single non-period column between two is skipped. */
function findRuns(parsed: (ParsedHeader | null)[]): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  for (let c = 0; c < parsed.length; c++) {
    const p = parsed[c];
    if (p === null) continue;
    const last: number | undefined = run?.columns[run.columns.length - 1];
    if (
      run &&
      last !== undefined &&
      run.family === p.family &&
      (last === c - 1 || (last === c - 2 && parsed[c - 1] === null))
    ) {
      if (last === c - 2) run.skipped.push(c - 1);
      run.columns.push(c);
    } else {
      run = { family: p.family, columns: [c], skipped: [] };
      runs.push(run);
    }
  }
  return runs;
}

/** Cycle length of a yearless style: its numbers repeat every year. */
const CYCLE: Partial<Record<Family, number>> = { weekBare: 53, monthBare: 12 };

/**
 * True when the numbers, in this order, only rise or wrap into the next year (a drop of at least
 * half a cycle, e.g. W52 → W01).
 */
function risesWithWraps(numbers: number[], cycle: number): boolean {
  for (let i = 1; i < numbers.length; i++) {
    const step = numbers[i] - numbers[i - 1];
    if (step <= 0 && -step < cycle / 2) return false;
  }
  return true;
}

interface Ordered {
  /** Columns in time order, duplicates removed. */
  columns: number[];
  /** Position of each column on a continuous time axis (consecutive periods differ by one step). */
  positions: number[];
  warnings: string[];
}

/** Puts a run in time order. */
function orderRun(run: Run, parsed: ParsedHeader[], headers: readonly unknown[]): Ordered {
  const warnings: string[] = [];
  const cycle = CYCLE[run.family];
  const numbers = (cols: number[]) => cols.map((c) => parsed[c].order);
  const bySortKey = (cols: number[]) =>
    cols.slice().sort((a, b) => parsed[a].order - parsed[b].order || a - b);
  let columns: number[];
  let keys: number[];

  const reversed = run.columns.slice().reverse();
  if (
    cycle !== undefined &&
    (risesWithWraps(numbers(run.columns), cycle) || risesWithWraps(numbers(reversed), cycle))
  ) {
    // Yearless weeks or months that rise in sheet order (or in reverse sheet order, newest first),
    // wrapping into a next year: time order is that order, and each wrap starts a new year.
    columns = risesWithWraps(numbers(run.columns), cycle) ? run.columns.slice() : reversed;
    const seq = numbers(columns);
    let year = 0;
    keys = seq.map((n, i) => (i > 0 && n < seq[i - 1] ? ++year : year) * 1000 + n);
    const wrap = seq.findIndex((n, i) => i > 0 && n < seq[i - 1]);
    if (wrap > 0) {
      warnings.push(
        `The period headers ${quote(shown(headers[columns[0]]))} … ${quote(shown(headers[columns[columns.length - 1]]))} ` +
          `carry no year; they are read in sheet order, running into the next year after ${quote(shown(headers[columns[wrap - 1]]))}.`,
      );
    }
  } else {
    // Otherwise by number (yearless: within the block); ties keep sheet order.
    columns = bySortKey(run.columns);
    keys = numbers(columns);
  }

  // Two columns for the same period: the first in sheet order is used.
  const firstColumnOfKey = new Map<number, number>();
  columns.forEach((c, i) => {
    const seen = firstColumnOfKey.get(keys[i]);
    if (seen === undefined || c < seen) firstColumnOfKey.set(keys[i], c);
  });
  const kept: number[] = [];
  const keptKeys: number[] = [];
  const repeated: string[] = [];
  columns.forEach((c, i) => {
    if (firstColumnOfKey.get(keys[i]) === c) {
      kept.push(c);
      keptKeys.push(keys[i]);
    } else repeated.push(quote(shown(headers[c])));
  });
  if (repeated.length > 0) {
    warnings.push(
      `${repeated.length} period column(s) repeat an earlier period and are not used: ${repeated.slice(0, 5).join(", ")}` +
        `${repeated.length > 5 ? ", …" : ""}.`,
    );
  }
  return { columns: kept, positions: keptKeys, warnings };
}

/** Month index (year × 12 + month) of a serial date. */
function monthIndex(serial: number): number {
  const { y, m } = dateOfSerial(serial);
  return y * 12 + m - 1;
}

/** True when `b` is one calendar month after `a` (same day, or both month ends, e.g. 31 Jan → 28 Feb). */
function isMonthStep(a: number, b: number): boolean {
  const da = dateOfSerial(a);
  const db = dateOfSerial(b);
  if (monthIndex(b) - monthIndex(a) !== 1) return false;
  return da.d === db.d || (db.d === daysInMonth(db.y, db.m) && da.d >= db.d);
}

/** Period unit of a block of dates from their spacing, and its positions on that unit's axis. */
function dateUnit(serials: number[], warnings: string[]): { unit: PeriodUnit; positions: number[] } {
  const steps = serials.length - 1;
  let monthSteps = 0;
  const gaps: number[] = [];
  for (let i = 1; i < serials.length; i++) {
    if (isMonthStep(serials[i - 1], serials[i])) monthSteps++;
    gaps.push(serials[i] - serials[i - 1]);
  }
  if (steps > 0 && monthSteps >= 0.8 * steps) return { unit: "month", positions: serials.map(monthIndex) };
  const sorted = gaps.slice().sort((a, b) => a - b);
  const median = sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)] : 1;
  const unit: PeriodUnit = median < 4 ? "day" : median <= 17 ? "week" : "month";
  if (unit === "month") return { unit, positions: serials.map(monthIndex) };
  const step = unit === "day" ? 1 : 7;
  if (median !== step) {
    warnings.push(
      `The date headers are ${median} days apart; they are read as ${unit}ly periods — check the period unit.`,
    );
  }
  if (gaps.some((g) => g % step !== 0)) {
    warnings.push(
      `The date headers are not evenly spaced ${unit === "day" ? "days" : "weeks"}; check the period unit.`,
    );
  }
  return { unit, positions: serials.map((s) => Math.floor((s - serials[0]) / step)) };
}

const UNIT_OF_FAMILY: Record<Exclude<Family, "date">, PeriodUnit> = {
  month: "month",
  week: "week",
  monthBare: "month",
  weekBare: "week",
  dayBare: "day",
  generic: "week",
  genericYear: "week",
};

/** Positions on a continuous axis for the families whose order is not already one. */
function positionsOf(family: Family, ordered: Ordered, parsed: ParsedHeader[]): number[] {
  if (family === "month") return ordered.columns.map((c) => monthIndex(parsed[c].order));
  if (family === "week") return ordered.columns.map((c) => (parsed[c].order - 2) / 7); // Mondays ≡ 2 (mod 7)
  return ordered.positions;
}

/** Missing periods between consecutive columns (a year wrap of a yearless style never counts). */
function gapWarning(family: Family, positions: number[], labels: string[]): string | null {
  let missing = 0;
  let first = -1;
  for (let i = 1; i < positions.length; i++) {
    const a = positions[i - 1];
    const b = positions[i];
    // Yearless and generic-with-year keys are year × 1000 + number: steps across a year are unknown.
    if ((family in CYCLE || family === "genericYear") && Math.floor(a / 1000) !== Math.floor(b / 1000))
      continue;
    const gap = Math.round(b - a) - 1;
    if (gap > 0) {
      missing += gap;
      if (first < 0) first = i;
    }
  }
  if (missing === 0) return null;
  return (
    `${missing} period(s) are missing from the history (the first gap is between ${quote(labels[first - 1])} and ` +
    `${quote(labels[first])}); the columns are read as consecutive periods.`
  );
}

/**
 * Finds the demand-history block among a table's headers: the longest run of period headers of
 * one style that sit side by side (one foreign column inside the run, e.g. a yearly total, is
 * skipped with a warning; driver columns in between do not count), put in time order, with the
 * period unit it implies. Dates give days,
 * weeks or months by their spacing; yearless weeks and months are read in sheet order when they
 * rise (wrapping into a next year), else by number; generic periods (`P01`) are assumed weekly
 * with a warning. A single period column is not a history.
 */
export function detectHistory(headers: readonly unknown[]): HistoryDetection {
  const parsedOrNull = headers.map(parseHeader);
  // Driver columns (`Promo 2025-01`) may sit between the period columns (demand, promotion and price
  // week by week): the runs are found as if they were not there.
  const seen = headers.map((_, c) => c).filter((c) => parseDriver(headers[c]) === null);
  const runs = findRuns(seen.map((c) => parsedOrNull[c]))
    .map((r) => ({ ...r, columns: r.columns.map((i) => seen[i]), skipped: r.skipped.map((i) => seen[i]) }))
    .filter((r) => r.columns.length >= 2);
  if (runs.length === 0) return { columns: [], periodUnit: "week", warnings: [] };
  const best = runs.reduce((a, b) => (b.columns.length > a.columns.length ? b : a));
  const parsed = parsedOrNull as ParsedHeader[]; // only indexed at period columns below
  const warnings: string[] = [];

  for (const c of best.skipped) {
    warnings.push(
      `Column ${c + 1} (${quote(shown(headers[c]))}) inside the demand history is not a period and is not used.`,
    );
  }
  const ordered = orderRun(best, parsed, headers);
  warnings.push(...ordered.warnings);

  let periodUnit: PeriodUnit;
  let positions: number[];
  if (best.family === "date") {
    ({ unit: periodUnit, positions } = dateUnit(
      ordered.columns.map((c) => parsed[c].order),
      warnings,
    ));
  } else {
    periodUnit = UNIT_OF_FAMILY[best.family];
    positions = positionsOf(best.family, ordered, parsed);
  }
  if (best.family === "generic" || best.family === "genericYear") {
    warnings.push(
      `The period headers (${quote(shown(headers[ordered.columns[0]]))} …) name no calendar unit; they are read as weeks — ` +
        "change the period unit if they are days or months.",
    );
  }
  const gap = gapWarning(
    best.family,
    positions,
    ordered.columns.map((c) => shown(headers[c])),
  );
  if (gap !== null) warnings.push(gap);

  for (const other of runs) {
    if (other === best) continue;
    const cols = other.columns;
    warnings.push(
      `Another block of ${cols.length} period columns (${quote(shown(headers[cols[0]]))} … ${quote(shown(headers[cols[cols.length - 1]]))}) ` +
        "is not used as demand history.",
    );
  }
  return { columns: ordered.columns, periodUnit, warnings };
}

// ---------------------------------------------------------------------------------------------
// Driver columns (README "Driver columns")

/** What a driver column holds: a promotion flag or a price per period. */
export type DriverKind = "promo" | "price";

export const DRIVER_KINDS: readonly DriverKind[] = ["promo", "price"];

/**
 * Words that name a driver in a header (case ignored), longest first so that `Promo Flag W01` is
 * the word `promo flag` and the label `W01`, not the word `promo` and the label `Flag W01`.
 */
const DRIVER_WORDS: Record<DriverKind, readonly string[]> = {
  promo: ["promotion", "promo flag", "on promo", "promo", "deal"],
  price: ["selling price", "sell price", "net price", "price"],
};

/** Separators between the driver word and the period label: space, "-", "_", ":" or "/". */
const DRIVER_SEPARATOR = String.raw`\s*[-_:/ ]\s*`;

function wordsPattern(kind: DriverKind): string {
  return DRIVER_WORDS[kind].map((w) => w.replace(/ /g, String.raw`\s+`)).join("|");
}

const DRIVER_PREFIX: Record<DriverKind, RegExp> = {
  promo: new RegExp(`^(?:${wordsPattern("promo")})${DRIVER_SEPARATOR}(.+)$`),
  price: new RegExp(`^(?:${wordsPattern("price")})${DRIVER_SEPARATOR}(.+)$`),
};
const DRIVER_SUFFIX: Record<DriverKind, RegExp> = {
  promo: new RegExp(`^(.+?)${DRIVER_SEPARATOR}(?:${wordsPattern("promo")})$`),
  price: new RegExp(`^(.+?)${DRIVER_SEPARATOR}(?:${wordsPattern("price")})$`),
};

interface ParsedDriver {
  kind: DriverKind;
  period: ParsedHeader;
}

function parseDriver(h: unknown): ParsedDriver | null {
  if (typeof h !== "string") return null;
  const s = h.trim().toLowerCase().replace(/\s+/g, " ");
  for (const kind of DRIVER_KINDS) {
    for (const pattern of [DRIVER_PREFIX[kind], DRIVER_SUFFIX[kind]]) {
      const m = pattern.exec(s);
      const period = m ? parseHeader(m[1]) : null;
      if (period !== null) return { kind, period };
    }
  }
  return null;
}

/**
 * The driver and the period a driver-column header names (`Promo 2024-01-01`, `2024-01 Price`,
 * `Promotion: Jan 2024`, `price_2024-W05`), or null. A header without a period label (`Unit
 * Price`, `Price`) is not a driver column.
 */
export function parseDriverHeader(h: unknown): { kind: DriverKind; period: PeriodHeader } | null {
  const parsed = parseDriver(h);
  if (parsed === null) return null;
  const { kind, order, label } = parsed.period;
  return { kind: parsed.kind, period: { kind, order, label } };
}

/** The columns of one driver block, aligned with the demand history. */
export interface DriverBlock {
  /** Column per history period, in history order; −1 where that period has no column. */
  history: number[];
  /** Columns of the consecutive periods right after the last history period. */
  future: number[];
}

export interface DriverDetection {
  promo?: DriverBlock;
  price?: DriverBlock;
  /** Driver columns that are not used, in words. */
  warnings: string[];
}

/** One calendar month after serial `s`: the same day, or the month's last day when it has fewer. */
function nextMonthSerial(s: number): number | null {
  const { y, m, d } = dateOfSerial(s);
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const lastDay = daysInMonth(y, m);
  return serialOf(ny, nm, d === lastDay ? daysInMonth(ny, nm) : Math.min(d, daysInMonth(ny, nm)));
}

/** The period after `p` for the yearless styles (W53/W52 → W01, Dec → Jan, M12 → M01, P07 → P08). */
function nextYearless(p: ParsedHeader): ParsedHeader | null {
  const n = p.order;
  switch (p.family) {
    case "weekBare": {
      const next = n >= 52 ? 1 : n + 1;
      return { ...p, order: next, label: `W${pad(next)}` };
    }
    case "monthBare": {
      const next = n === 12 ? 1 : n + 1;
      const name = MONTH_ABBREVIATIONS[next - 1];
      const label = /^M\d/.test(p.label) ? `M${pad(next)}` : name[0].toUpperCase() + name.slice(1);
      return { ...p, order: next, label };
    }
    case "dayBare":
      return { ...p, order: n + 1, label: `Day ${n + 1}` };
    case "generic":
      return { ...p, order: n + 1, label: `P${pad(n + 1)}` };
    default:
      return null;
  }
}

/** How periods of one style are keyed and stepped for matching driver columns to the history. */
interface PeriodAxis {
  /** Key of a period: the serial (or year × 1000 + number) for styles with a year, else the label. */
  key(p: ParsedHeader): string;
  /** The period after `p`, or null when it cannot be told (a yearless week 52 may be followed by 53 or 1). */
  next(p: ParsedHeader): ParsedHeader | null;
}

function axisOf(family: Family, historySerials: number[]): PeriodAxis {
  const byOrder = (p: ParsedHeader) => String(p.order);
  switch (family) {
    case "month":
      return {
        key: byOrder,
        next: (p) => {
          const s = nextMonthSerial(p.order);
          if (s === null) return null;
          const { y, m } = dateOfSerial(s);
          return monthHeader(y, m);
        },
      };
    case "week":
      return { key: byOrder, next: (p) => ({ ...p, order: p.order + 7 }) };
    case "date": {
      const { unit } = dateUnit(historySerials, []);
      return {
        key: byOrder,
        next: (p) => {
          const s = unit === "month" ? nextMonthSerial(p.order) : p.order + (unit === "week" ? 7 : 1);
          return s === null ? null : dayHeader(s);
        },
      };
    }
    case "genericYear":
      return { key: byOrder, next: (p) => ({ ...p, order: p.order + 1 }) };
    default:
      return { key: (p) => p.label, next: nextYearless };
  }
}

/** A list of headers for a warning: the first three, then how many more. */
function headerList(headers: readonly unknown[], columns: number[]): string {
  const shownHeaders = columns.slice(0, 3).map((c) => quote(shown(headers[c])));
  return columns.length > 3
    ? `${shownHeaders.join(", ")} and ${columns.length - 3} more`
    : shownHeaders.join(", ");
}

/**
 * Finds the promotion and price columns (README "Driver columns") and lines them up with the demand
 * history `history` (column indexes in time order, as ColumnMapping.history). A driver column's
 * header is a driver word and a period label, before or after it (`Promo 2024-01-01`, `2024-01
 * Price`); the label must be of the same style as the history headers (dates with dates, `W01`
 * with `W01`) and names either a history period or one of the consecutive periods right after the
 * last one (the future drivers of the forecast horizon). Periods are matched by their date (or
 * year and number); yearless labels (`W01`, `P01`, `Jan`) by their label, the k-th driver column
 * of a label with the k-th history period of that label. Every other driver column is not used,
 * with a warning; a second column for the same period too.
 */
export function detectDrivers(headers: readonly unknown[], history: readonly number[]): DriverDetection {
  const detection: DriverDetection = { warnings: [] };
  const drivers: { column: number; parsed: ParsedDriver }[] = [];
  headers.forEach((h, column) => {
    const parsed = parseDriver(h);
    if (parsed !== null) drivers.push({ column, parsed });
  });
  if (drivers.length === 0) return detection;
  const historyParsed = history.map((c) => parseHeader(headers[c]));
  const last = historyParsed[historyParsed.length - 1];
  if (last === null || last === undefined) {
    detection.warnings.push(
      `${drivers.length} promotion or price column(s) (${headerList(
        headers,
        drivers.map((d) => d.column),
      )}) are not used: ` + "there is no demand history with period headers to line them up with.",
    );
    return detection;
  }
  const family = last.family;
  const axis = axisOf(
    family,
    historyParsed.flatMap((p) => (p !== null && p.family === family ? [p.order] : [])),
  );

  // Yearless labels repeat every year: the k-th occurrence of a label is its own period.
  const occurrences = new Map<string, number>();
  const keyed = (p: ParsedHeader, counts: Map<string, number>): string => {
    const key = axis.key(p);
    const k = counts.get(key) ?? 0;
    counts.set(key, k + 1);
    return family in CYCLE || family === "generic" || family === "dayBare" ? `${key}#${k}` : key;
  };
  const historyIndex = new Map<string, number>();
  historyParsed.forEach((p, t) => {
    if (p !== null && p.family === family) historyIndex.set(keyed(p, occurrences), t);
  });
  // Keys of the periods after the history, in order, until a period cannot be told.
  const futureKeys = (count: number): Map<string, number> => {
    const keys = new Map<string, number>();
    const counts = new Map(occurrences);
    let p: ParsedHeader | null = last;
    for (let k = 0; k < count && p !== null; k++) {
      p = axis.next(p);
      if (p !== null) keys.set(keyed(p, counts), k);
    }
    return keys;
  };

  for (const kind of DRIVER_KINDS) {
    const ofKind = drivers.filter((d) => d.parsed.kind === kind);
    if (ofKind.length === 0) continue;
    const otherStyle = ofKind.filter((d) => d.parsed.period.family !== family).map((d) => d.column);
    const sameStyle = ofKind.filter((d) => d.parsed.period.family === family);
    const future = futureKeys(sameStyle.length);
    const block: DriverBlock = { history: new Array<number>(history.length).fill(-1), future: [] };
    const futureSlots: number[] = [];
    const repeated: number[] = [];
    const unmatched: number[] = [];
    const counts = new Map<string, number>();
    for (const { column, parsed } of sameStyle) {
      const key = keyed(parsed.period, counts);
      const t = historyIndex.get(key);
      const k = t === undefined ? future.get(key) : undefined;
      if (t !== undefined) {
        if (block.history[t] === -1) block.history[t] = column;
        else repeated.push(column);
      } else if (k !== undefined) {
        if (futureSlots[k] === undefined) futureSlots[k] = column;
        else repeated.push(column);
      } else unmatched.push(column);
    }
    // Only the consecutive periods right after the history count as its future.
    let horizon = 0;
    while (futureSlots[horizon] !== undefined) horizon++;
    block.future = futureSlots.slice(0, horizon);
    const gapped = futureSlots.slice(horizon).filter((c) => c !== undefined);
    const noun = kind === "promo" ? "promotion" : "price";
    if (otherStyle.length > 0) {
      detection.warnings.push(
        `${otherStyle.length} ${noun} column(s) name periods in another style than the demand history ` +
          `(${headerList(headers, otherStyle)}) and are not used.`,
      );
    }
    if (unmatched.length > 0 || gapped.length > 0) {
      const columns = [...unmatched, ...gapped].sort((a, b) => a - b);
      detection.warnings.push(
        `${columns.length} ${noun} column(s) name no history period and no period right after the history ` +
          `(${headerList(headers, columns)}) and are not used.`,
      );
    }
    if (repeated.length > 0) {
      detection.warnings.push(
        `${repeated.length} ${noun} column(s) repeat an earlier column's period and are not used ` +
          `(${headerList(headers, repeated)}).`,
      );
    }
    if (block.future.length > 0 || block.history.some((c) => c >= 0)) detection[kind] = block;
  }
  return detection;
}

/** True when a header names a driver column (used or not): such a column is never a field or unmapped. */
export function isDriverHeader(h: unknown): boolean {
  return parseDriver(h) !== null;
}
