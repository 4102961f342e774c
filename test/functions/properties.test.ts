/**
 * Property: no shipped function, for any mix of numbers (including extremes), blanks, text,
 * logical values, error values and shapes, throws anything but an Excel error or returns NaN,
 * Infinity, null or undefined anywhere in its result.
 */
import fc from "fast-check";
import { ExcelErrorStub, call, err, registry } from "../support/excel";
import { loadMetadata } from "../support/loadFunctions";

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom(0, -0, 1, 0.5, 0.95, 1e-300, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, 365),
  fc.integer({ min: -5, max: 200 }),
);
const cellValue = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom(null, "", undefined) },
  { weight: 1, arbitrary: fc.constantFrom("cycle", "fill", " Fill ", "abc", "12", "=1+1") },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.constantFrom("#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!").map((c) => err(c)),
  },
);
const shape = fc.constantFrom([1, 1], [2, 1], [3, 1], [5, 1], [1, 3], [2, 3], [3, 2]);
const matrix = shape.chain(([rows, cols]) =>
  fc.array(fc.array(cellValue, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
);
const argument = fc.oneof({ weight: 2, arbitrary: cellValue }, { weight: 3, arbitrary: matrix });

function assertWellBehaved(id: string, result: unknown): void {
  if (typeof result === "object" && result !== null && "thrown" in result) {
    expect((result as { thrown: unknown }).thrown).toBeInstanceOf(ExcelErrorStub);
    return;
  }
  const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
  for (const c of cells) {
    if (c instanceof ExcelErrorStub) continue;
    if (typeof c === "number") {
      if (!Number.isFinite(c)) throw new Error(`${id} returned ${c}`);
      continue;
    }
    if (typeof c !== "string") throw new Error(`${id} returned ${String(c)}`);
  }
}

const functions = loadMetadata().functions;

test("the property covers every registered function", () => {
  expect(functions.map((f) => f.id).sort()).toEqual([...registry.keys()].sort());
});

describe.each(functions.map((f) => [f.id, f.parameters.length] as const))("%s", (id, arity) => {
  test("never throws a non-Excel error, never returns NaN, Infinity or null", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: 0, maxLength: arity }), (args) => {
        assertWellBehaved(id, call(id, ...args));
      }),
      { numRuns: id === "SIMFILLRATE" ? 40 : 300 },
    );
  });
});
