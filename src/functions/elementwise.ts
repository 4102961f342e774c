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

/** Kernel status marking a position the adapter already decided, so the kernel skips it. */
const SKIP = 255;

/** Per-position outcome of the left-to-right argument checks. */
interface Checks {
  /** Non-zero once some argument decided the position's result. */
  decided: Uint8Array;
  /** The Excel value of each decided position (propagated error, or #VALUE!/#N/A naming a parameter). */
  verdict: Map<number, unknown>;
  /** How many given arguments are blank at each position (all of them → the result is ""). */
  blanks: Uint8Array;
  /** One shared error object per distinct message: a column of identical errors costs one object. */
  messages: Map<string, CustomFunctions.Error>;
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

function decide(checks: Checks, p: number, kind: ErrorKind, message: string): void {
  let error = checks.messages.get(message);
  if (!error) {
    error = excelError(kind, message);
    checks.messages.set(message, error);
  }
  checks.decided[p] = 1;
  checks.verdict.set(p, error);
}

/**
 * The slow path of decoding: a cell of parameter `j` at position `p` that is not a plain number
 * (plain numbers are written by the caller's hot loop). Writes `columns[j][p]` or decides the
 * position, unless an earlier argument already decided it. Blank counting is the caller's.
 */
function decodeCell(
  value: unknown,
  p: number,
  j: number,
  param: Param,
  columns: Float64Array[],
  checks: Checks,
): void {
  if (checks.decided[p]) return;
  if (isBlank(value)) {
    if (!param.optional) return decide(checks, p, ErrorKind.NotAvailable, `${param.name} is blank.`);
    const rule = isChoice(param) ? undefined : param.requiredWhen;
    if (rule && columns[rule.param][p] === rule.equals)
      return decide(checks, p, ErrorKind.Value, rule.message);
    columns[j][p] = param.fallback ?? NaN;
    return;
  }
  if (isExcelError(value)) {
    checks.decided[p] = 1;
    checks.verdict.set(p, value);
    return;
  }
  if (isChoice(param)) {
    const choice = parseChoice(value, param.name, param.choices);
    if ("code" in choice) columns[j][p] = choice.code;
    else decide(checks, p, ErrorKind.Value, choice.problem);
    return;
  }
  if (typeof value === "number") return decide(checks, p, ErrorKind.Num, `${param.name} is not a number.`);
  decide(checks, p, ErrorKind.Value, `${param.name} must be a number, not ${describeCell(value)}.`);
}

/** A plain number for a numeric parameter: the hot-loop case. */
function isPlainNumber(value: unknown, param: Param): value is number {
  return typeof value === "number" && value === value && !isChoice(param);
}

/**
 * Fills column `j` from an omitted argument: an optional parameter takes its default and is not
 * given (but is still required where its `requiredWhen` rule holds); a required one is blank.
 */
function decodeOmitted(n: number, j: number, param: Param, columns: Float64Array[], checks: Checks): void {
  if (!param.optional) {
    for (let p = 0; p < n; p++) decodeCell(null, p, j, param, columns, checks);
    return;
  }
  columns[j].fill(param.fallback ?? NaN);
  const rule = isChoice(param) ? undefined : param.requiredWhen;
  if (!rule) return;
  const decoded = columns[rule.param];
  for (let p = 0; p < n; p++) if (decoded[p] === rule.equals) decodeCell(null, p, j, param, columns, checks);
}

/** Fills column `j` from a single value broadcast to all `n` positions (a choice is parsed once). */
function decodeBroadcast(
  value: unknown,
  n: number,
  j: number,
  param: Param,
  columns: Float64Array[],
  checks: Checks,
) {
  if (isBlank(value)) for (let p = 0; p < n; p++) checks.blanks[p]++;
  let code: number | null = isPlainNumber(value, param) ? value : null;
  if (isChoice(param) && typeof value === "string") {
    const choice = parseChoice(value, param.name, param.choices);
    if ("code" in choice) code = choice.code;
  }
  if (code !== null) columns[j].fill(code);
  else for (let p = 0; p < n; p++) decodeCell(value, p, j, param, columns, checks);
}

/** Fills column `j` from a full range; plain numbers take a tight loop. */
function decodeRange(m: Matrix, j: number, param: Param, columns: Float64Array[], checks: Checks): void {
  const target = columns[j];
  const numeric = !isChoice(param);
  for (let r = 0, p = 0; r < m.rows; r++) {
    const row = m.cells[r];
    for (let c = 0; c < m.cols; c++, p++) {
      const value = row[c];
      if (numeric && typeof value === "number" && value === value) target[p] = value;
      else {
        if (isBlank(value)) checks.blanks[p]++;
        decodeCell(value, p, j, param, columns, checks);
      }
    }
  }
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
    verdict: new Map(),
    blanks: new Uint8Array(n),
    messages: new Map(),
  };
  let givenArguments = 0;
  matrices.forEach((m, j) => {
    if (m === null) return decodeOmitted(n, j, params[j], columns, checks);
    givenArguments++;
    if (m.rows === 1 && m.cols === 1) decodeBroadcast(m.cells[0][0], n, j, params[j], columns, checks);
    else decodeRange(m, j, params[j], columns, checks);
  });

  const out = new Float64Array(n);
  const status = new Uint8Array(n);
  const { decided, blanks, verdict } = checks;
  for (let p = 0; p < n; p++) if (decided[p] || blanks[p] === givenArguments) status[p] = SKIP;
  kernel(out, status, columns);

  const kernelErrors = new Map<ErrorKind, CustomFunctions.Error>();
  const cellAt = (p: number): unknown => {
    if (blanks[p] === givenArguments) return "";
    if (decided[p]) return verdict.get(p);
    if (status[p] === 0 && Number.isFinite(out[p])) return out[p] === 0 ? 0 : out[p]; // never −0
    const kind: ErrorKind = status[p] === 0 ? ErrorKind.Num : status[p];
    let error = kernelErrors.get(kind);
    if (!error) {
      error = excelError(kind);
      kernelErrors.set(kind, error);
    }
    return error;
  };
  const result = new Array<unknown[]>(rows);
  if (cols === 1) {
    // The common spilled column: one-element literals are the cheapest rows to allocate.
    for (let r = 0; r < rows; r++) result[r] = [cellAt(r)];
  } else {
    for (let r = 0, p = 0; r < rows; r++) {
      const row = new Array<unknown>(cols);
      for (let c = 0; c < cols; c++, p++) row[c] = cellAt(p);
      result[r] = row;
    }
  }
  return result;
}
