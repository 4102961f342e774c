/**
 * Excel error values for the custom functions: the one table from engine ErrorKind to
 * `CustomFunctions.ErrorCode`, and the conversion of anything thrown into an Excel error.
 *
 * `CustomFunctions` is a global that Excel (or a test stub) provides at call time; nothing here
 * touches it at import time.
 */
import { EngineError, ErrorKind } from "../engine/errors";

/** The error codes this add-in produces. Excel shows a custom message only for #VALUE! and #N/A. */
function errorCodeOf(kind: ErrorKind): CustomFunctions.ErrorCode {
  const codes = CustomFunctions.ErrorCode;
  const table: Record<Exclude<ErrorKind, ErrorKind.None>, CustomFunctions.ErrorCode> = {
    [ErrorKind.Num]: codes.invalidNumber,
    [ErrorKind.DivZero]: codes.divisionByZero,
    [ErrorKind.Value]: codes.invalidValue,
    [ErrorKind.NotAvailable]: codes.notAvailable,
  };
  return table[kind as Exclude<ErrorKind, ErrorKind.None>] ?? codes.invalidValue;
}

function carriesMessage(kind: ErrorKind): boolean {
  return kind === ErrorKind.Value || kind === ErrorKind.NotAvailable;
}

/** A new Excel error value; the message is kept only where Excel can show it. */
export function excelError(kind: ErrorKind, message?: string): CustomFunctions.Error {
  return carriesMessage(kind) && message
    ? new CustomFunctions.Error(errorCodeOf(kind), message)
    : new CustomFunctions.Error(errorCodeOf(kind));
}

/** An Excel error value as Excel passes it in an input cell (or as we created it). */
export function isExcelError(value: unknown): value is CustomFunctions.Error {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (value instanceof CustomFunctions.Error) return true;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}

/** Thrown to fail a whole call: converted to an Excel error by `excelCall`. */
export class CallError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "CallError";
  }
}

/** Fails the whole call with `kind`. */
export function fail(kind: ErrorKind, message: string): never {
  throw new CallError(kind, message);
}

/**
 * Runs one custom-function call so that it throws nothing but an Excel error: a propagated input
 * error is rethrown as is, engine and call errors are mapped, anything unexpected is #VALUE! with
 * its message (a bug, but never a raw exception in the cell).
 */
export function excelCall<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (isExcelError(error)) throw error;
    if (error instanceof CallError || error instanceof EngineError)
      throw excelError(error.kind, error.message);
    throw excelError(
      ErrorKind.Value,
      `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
