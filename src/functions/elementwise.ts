/**
 * The element-wise calling convention of DESIGN §2, shared by every per-item function:
 *
 * - each argument is a single value or a range; 1×1 broadcasts; all other ranges must have one
 *   and the same shape (else the whole call is #VALUE!); the result spills with that shape;
 * - per position, arguments are checked left to right: the first error value (propagated), text
 *   or logical value (#VALUE! naming the parameter) or blank required value (#N/A naming it)
 *   decides the cell; then the engine kernel runs its domain checks, again in argument order;
 * - a position where every given argument is blank gives "" (so trailing empty rows stay clean);
 *   a blank optional value takes the parameter's default (applied here: Excel never applies
 *   TypeScript defaults).
 *
 * Arguments become one Float64Array column per parameter and the engine kernel runs once over all
 * positions: no per-row objects or closures.
 */
import { ErrorKind } from "../engine/errors";
import { Matrix, describeCell, guardResultSize, isBlank, parseChoice, shapeText, toMatrix } from "./args";
import { excelError, fail, isExcelError } from "./errors";

/** A numeric parameter. `fallback` is the default for an omitted or blank optional value. */
export interface NumberParam {
  name: string;
  optional?: boolean;
  fallback?: number;
  /** Required (blank → #VALUE! with `message`) when parameter `param` decoded to `equals`. */
  requiredWhen?: { param: number; equals: number; message: string };
}

/** A text parameter with a fixed set of values, decoded to numeric codes (e.g. method). */
export interface ChoiceParam {
  name: string;
  optional: true;
  fallback: number;
  choices: Readonly<Record<string, number>>;
}

export type Param = NumberParam | ChoiceParam;

/** An engine kernel: reads one column per parameter, writes `out` and error kinds to `status`. */
export type Kernel = (out: Float64Array, status: Uint8Array, columns: Float64Array[]) => void;

/** Status value marking a position the adapter already decided, so the kernel skips it. */
const DECIDED = 255;

/** Per-position outcome of the left-to-right argument checks. */
interface Checks {
  /** Non-zero once some argument decided the position. */
  decided: Uint8Array;
  /** The Excel value for decided positions (propagated error or a #VALUE!/#N/A naming a parameter). */
  verdict: unknown[];
  /** 1 where at least one given argument is not blank. */
  given: Uint8Array;
}

function isChoice(param: Param): param is ChoiceParam {
  return "choices" in param;
}

/** The common shape of all arguments that are not 1×1, or #VALUE! when they disagree. */
function commonShape(matrices: (Matrix | null)[], params: readonly Param[]): { rows: number; cols: number } {
  let shape: { rows: number; cols: number; name: string } | null = null;
  matrices.forEach((m, j) => {
    if (m === null || (m.rows === 1 && m.cols === 1)) return;
    if (shape === null) shape = { rows: m.rows, cols: m.cols, name: params[j].name };
    else if (m.rows !== shape.rows || m.cols !== shape.cols) {
      fail(
        ErrorKind.Value,
        `${shape.name} is ${shape.rows}×${shape.cols} but ${params[j].name} is ${shapeText(m)}: ` +
          `ranges must have the same shape (or be single cells).`,
      );
    }
  });
  return shape ?? { rows: 1, cols: 1 };
}

function decide(checks: Checks, p: number, verdict: unknown): void {
  checks.decided[p] = 1;
  checks.verdict[p] = verdict;
}

/** One shared error object per distinct message, so a column of identical errors costs one object. */
function sharedError(
  messages: Map<string, CustomFunctions.Error>,
  kind: ErrorKind,
  message: string,
): CustomFunctions.Error {
  let error = messages.get(message);
  if (!error) {
    error = excelError(kind, message);
    messages.set(message, error);
  }
  return error;
}

/**
 * Decodes one cell of parameter `j` at position `p` into `columns[j][p]`, or records in `checks`
 * why the position is decided (unless an earlier argument already decided it).
 */
function decodeCell(
  value: unknown,
  p: number,
  j: number,
  param: Param,
  columns: Float64Array[],
  checks: Checks,
  messages: Map<string, CustomFunctions.Error>,
): void {
  if (typeof value === "number" && value === value && !isChoice(param)) {
    checks.given[p] = 1;
    columns[j][p] = value;
    return;
  }
  if (isBlank(value)) {
    if (checks.decided[p]) return;
    if (!param.optional)
      return decide(checks, p, sharedError(messages, ErrorKind.NotAvailable, `${param.name} is blank.`));
    const rule = isChoice(param) ? undefined : param.requiredWhen;
    if (rule && columns[rule.param][p] === rule.equals) {
      return decide(checks, p, sharedError(messages, ErrorKind.Value, rule.message));
    }
    columns[j][p] = param.fallback ?? NaN;
    return;
  }
  checks.given[p] = 1;
  if (checks.decided[p]) return;
  if (isExcelError(value)) return decide(checks, p, value);
  if (isChoice(param)) {
    const choice = parseChoice(value, param.name, param.choices);
    if ("code" in choice) columns[j][p] = choice.code;
    else decide(checks, p, sharedError(messages, ErrorKind.Value, choice.problem));
    return;
  }
  if (typeof value === "number")
    return decide(checks, p, sharedError(messages, ErrorKind.Num, `${param.name} is not a number.`));
  decide(
    checks,
    p,
    sharedError(messages, ErrorKind.Value, `${param.name} must be a number, not ${describeCell(value)}.`),
  );
}

/**
 * A broadcast (1×1) choice argument is parsed once: the decoded code stands in for the text, so
 * "fill" over 100,000 rows is one parse. Other values pass through unchanged.
 */
function broadcastValue(value: unknown, param: Param): { value: unknown; asNumber: boolean } {
  if (!isChoice(param) || isBlank(value) || isExcelError(value)) return { value, asNumber: false };
  const choice = parseChoice(value, param.name, param.choices);
  return "code" in choice ? { value: choice.code, asNumber: true } : { value, asNumber: false };
}

/**
 * Applies `kernel` element-wise over the arguments (see the module comment) and returns the
 * spilled result: numbers, Excel errors, or "" where every given argument was blank.
 */
export function elementwise(params: readonly Param[], args: readonly unknown[], kernel: Kernel): unknown[][] {
  const matrices = params.map((param, j) => toMatrix(args[j], param.name));
  const { rows, cols } = commonShape(matrices, params);
  const n = rows * cols;
  guardResultSize(n);

  const columns = params.map(() => new Float64Array(n));
  const checks: Checks = {
    decided: new Uint8Array(n),
    verdict: new Array<unknown>(n),
    given: new Uint8Array(n),
  };
  const messages = new Map<string, CustomFunctions.Error>();

  params.forEach((param, j) => {
    const m = matrices[j];
    if (m === null) {
      // Omitted: an optional parameter takes its default and does not count as given; a required
      // (or conditionally required) one is blank at every position.
      if (param.optional && !("requiredWhen" in param)) columns[j].fill(param.fallback ?? NaN);
      else for (let p = 0; p < n; p++) decodeCell(null, p, j, param, columns, checks, messages);
      return;
    }
    if (m.rows === 1 && m.cols === 1) {
      const { value, asNumber } = broadcastValue(m.cells[0][0], param);
      if (asNumber) {
        columns[j].fill(value as number);
        checks.given.fill(1);
      } else for (let p = 0; p < n; p++) decodeCell(value, p, j, param, columns, checks, messages);
      return;
    }
    let p = 0;
    for (let r = 0; r < rows; r++) {
      const row = m.cells[r];
      for (let c = 0; c < cols; c++, p++) decodeCell(row[c], p, j, param, columns, checks, messages);
    }
  });

  const out = new Float64Array(n);
  const status = new Uint8Array(n);
  for (let p = 0; p < n; p++) if (checks.decided[p] || !checks.given[p]) status[p] = DECIDED;
  kernel(out, status, columns);

  const kernelErrors = new Map<ErrorKind, CustomFunctions.Error>();
  const result = new Array<unknown[]>(rows);
  let p = 0;
  for (let r = 0; r < rows; r++) {
    const row = new Array<unknown>(cols);
    for (let c = 0; c < cols; c++, p++) {
      if (!checks.given[p]) row[c] = "";
      else if (checks.decided[p]) row[c] = checks.verdict[p];
      else if (status[p] === 0 && Number.isFinite(out[p])) row[c] = out[p] === 0 ? 0 : out[p];
      else {
        const kind: ErrorKind = status[p] === 0 ? ErrorKind.Num : status[p];
        let error = kernelErrors.get(kind);
        if (!error) kernelErrors.set(kind, (error = excelError(kind)));
        row[c] = error;
      }
    }
    result[r] = row;
  }
  return result;
}
