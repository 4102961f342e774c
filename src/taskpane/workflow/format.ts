/** How the pane writes numbers and notes for people (the user's locale; "—" for no value). */
import { OWNED_SHEET_PREFIX } from "../../engine/report";
import { Redirect } from "../../engine/workbookParts/ownership";

const NONE = "—";

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatAmount(x: number): string {
  return Number.isFinite(x) ? whole.format(x) : NONE;
}

const compact = new Intl.NumberFormat(undefined, {
  notation: "compact",
  minimumSignificantDigits: 3,
  maximumSignificantDigits: 3,
});

/** An amount in few characters for a narrow table: 10,731,257 → "10.7M", 10,012,011 → "10.0M". */
export function formatCompactAmount(x: number): string {
  return Number.isFinite(x) ? compact.format(x) : NONE;
}

export function formatCount(x: number): string {
  return Number.isFinite(x) ? whole.format(x) : NONE;
}

export function formatDays(x: number): string {
  return Number.isFinite(x) ? `${oneDecimal.format(x)} days` : NONE;
}

export function formatPercent(x: number): string {
  return Number.isFinite(x) ? percent.format(x) : NONE;
}

/** "2,000 rows × 119 columns" */
export function tableSize(rows: number, columns: number): string {
  const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(rows, "row")} × ${plural(columns, "column")}`;
}

/** What a report sheet holds, from its name: "WC Release targets" → "the release targets". */
function contentOf(sheet: string): string {
  return sheet.startsWith(OWNED_SHEET_PREFIX)
    ? `the ${sheet.slice(OWNED_SHEET_PREFIX.length).toLowerCase()}`
    : `“${sheet}”`;
}

/** "Your sheet “WC Summary” was left alone; the summary went to “WC Summary (2)”." */
export function redirectNote(redirect: Redirect): string {
  const content = contentOf(redirect.requested);
  const why = redirect.skipped.map((s) =>
    s.reason === "holds-input"
      ? `“${s.name}” holds your input table and was left alone`
      : `Your sheet “${s.name}” was left alone`,
  );
  const went = `${content} went to “${redirect.written}”.`;
  if (why.length === 0) return went[0].toUpperCase() + went.slice(1);
  return `${why.join("; ")}; ${went}`;
}

/** An error in words for the pane: the message, never a stack or "[object Object]". */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "object" && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message !== "") return message;
  }
  if (typeof error === "string" && error !== "") return error;
  return "Something went wrong in Excel; nothing else is known about it.";
}
