/**
 * The engine's one list of domain errors (formulajs keeps one central list the same way).
 * `src/functions/errors.ts` maps each kind to an Excel error value in exactly one table.
 *
 * Numeric so that vectorised kernels can report a per-row error in a `Uint8Array` status column.
 */
export enum ErrorKind {
  None = 0,
  /** Out-of-domain number or a result that would overflow a double: `#NUM!`. */
  Num = 1,
  /** Zero denominator: `#DIV/0!`. */
  DivZero = 2,
  /** Wrong kind of value (text, shapes that do not line up, unknown method): `#VALUE!`. */
  Value = 3,
  /** A required value is missing: `#N/A`. */
  NotAvailable = 4,
}

/** A domain error raised by a scalar engine function; `message` says which input and why. */
export class EngineError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

/** Throws when a kernel reported a domain error, so scalar wrappers share the vectorised checks. */
export function throwIfError(kind: ErrorKind, what: string): void {
  if (kind !== ErrorKind.None) throw new EngineError(kind, `${what}: ${describeKind(kind)}`);
}

function describeKind(kind: ErrorKind): string {
  switch (kind) {
    case ErrorKind.Num:
      return "an input is out of its domain or the result overflows";
    case ErrorKind.DivZero:
      return "division by zero";
    case ErrorKind.Value:
      return "an input has the wrong kind of value";
    case ErrorKind.NotAvailable:
      return "a required input is missing";
    default:
      return "no error";
  }
}

/** `x` when it is a finite double, else `#NUM!` in the status (overflow never leaks as Infinity). */
export function finiteOr(x: number): ErrorKind {
  return Number.isFinite(x) ? ErrorKind.None : ErrorKind.Num;
}
