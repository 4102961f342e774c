/** Calling shipped functions the way Excel does, and reading their results. */
import { ExcelErrorStub, ErrorCodeValue } from "./customFunctionsStub";
import { loadFunctions } from "./loadFunctions";

const registry = loadFunctions();

/** An error value in an input cell, as Excel passes it. */
export const err = (code: ErrorCodeValue, message?: string) => new ExcelErrorStub(code, message);

/** Calls a registered function; a thrown value is returned as { thrown } (never a JS exception). */
export function call(id: string, ...args: unknown[]): unknown {
  const fn = registry.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  try {
    return fn(...args);
  } catch (thrown) {
    if (!(thrown instanceof ExcelErrorStub))
      throw new Error(`${id} threw a non-Excel error: ${String(thrown)}`);
    return { thrown };
  }
}

/** A cell's display: numbers as is, errors as their code, "" for blank. */
export function show(cell: unknown): unknown {
  return cell instanceof ExcelErrorStub ? cell.code : cell;
}

/** The result grid with errors shown as codes; a thrown call error becomes "throws #CODE". */
export function grid(result: unknown): unknown {
  if (typeof result === "object" && result !== null && "thrown" in result) {
    return `throws ${(result as { thrown: ExcelErrorStub }).thrown.code}`;
  }
  return Array.isArray(result) ? result.map((row: unknown[]) => row.map(show)) : show(result);
}

/** The single cell of a 1×1 result (or a scalar result). */
export function cell(result: unknown): unknown {
  const g = grid(result);
  return Array.isArray(g) ? g[0][0] : g;
}

/** The message of a cell's error, or of a thrown error. */
export function messageOf(result: unknown): string | undefined {
  if (typeof result === "object" && result !== null && "thrown" in result) {
    return (result as { thrown: ExcelErrorStub }).thrown.message;
  }
  const first = Array.isArray(result) ? result[0][0] : result;
  return first instanceof ExcelErrorStub ? first.message : undefined;
}

export { ExcelErrorStub, registry };
