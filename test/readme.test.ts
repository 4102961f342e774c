/**
 * Every worked example in README.md (a table row "| `=WCAP.NAME(args)` | result | why |") is
 * evaluated against the built bundle: the README cannot drift from what ships. Results are
 * compared to the precision they are printed with.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { call, grid } from "./support/excel";

interface Example {
  formula: string;
  id: string;
  args: unknown[];
  shown: string;
}

/** Parses Excel formula arguments: numbers, "text", {array;constants} and empty (omitted). */
function parseArguments(text: string): unknown[] {
  const args: unknown[] = [];
  let i = 0;
  const skipSpaces = () => {
    while (text[i] === " ") i++;
  };
  const scalar = (): unknown => {
    skipSpaces();
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      const value = text.slice(i + 1, end);
      i = end + 1;
      return value;
    }
    const match = /^-?[0-9.]+(E[-+]?[0-9]+)?/i.exec(text.slice(i));
    if (!match) throw new Error(`cannot parse "${text.slice(i)}"`);
    i += match[0].length;
    return Number(match[0]);
  };
  while (i <= text.length) {
    skipSpaces();
    if (i === text.length || text[i] === ",") {
      args.push(null); // omitted argument
    } else if (text[i] === "{") {
      i++;
      const rows: unknown[][] = [[]];
      for (;;) {
        rows[rows.length - 1].push(scalar());
        skipSpaces();
        const separator = text[i++];
        if (separator === "}") break;
        if (separator === ";") rows.push([]);
      }
      args.push(rows);
    } else args.push(scalar());
    skipSpaces();
    if (text[i] !== ",") break;
    i++;
  }
  return args;
}

function examples(): Example[] {
  const readme = readFileSync(path.resolve(__dirname, "../README.md"), "utf8");
  const found: Example[] = [];
  for (const line of readme.split("\n")) {
    const m = /^\| `(=WCAP\.([A-Z]+)\((.*)\))` \| ([^|]+) \|/.exec(line);
    if (m) found.push({ formula: m[1], id: m[2], args: parseArguments(m[3]), shown: m[4].trim() });
  }
  return found;
}

/** A printed number matches when it is the actual value rounded to the printed digits. */
function matchesPrinted(actual: unknown, shown: string): boolean {
  if (/^#/.test(shown)) return actual === shown;
  if (/^".*"$/.test(shown)) return actual === shown.slice(1, -1);
  if (typeof actual !== "number") return false;
  const expected = Number(shown);
  const exponent = /E([-+]?\d+)$/i.exec(shown);
  const mantissa = shown.replace(/E.*$/i, "");
  const decimals = (mantissa.split(".")[1] ?? "").length;
  const unit = 10 ** (exponent ? Number(exponent[1]) : 0);
  return Math.abs(actual - expected) <= 0.5 * 10 ** -decimals * unit * (1 + 1e-12);
}

function compare(result: unknown, shown: string): void {
  const actual = grid(result);
  if (shown.startsWith("{")) {
    const rows = shown
      .slice(1, -1)
      .split(";")
      .map((row) => row.split(","));
    expect(Array.isArray(actual)).toBe(true);
    const cells = actual as unknown[][];
    expect(cells.map((r) => r.length)).toEqual(rows.map((r) => r.length));
    rows.forEach((row, r) =>
      row.forEach((printed, c) =>
        expect({ cell: cells[r][c], printed, ok: matchesPrinted(cells[r][c], printed) }).toMatchObject({
          ok: true,
        }),
      ),
    );
    return;
  }
  const single = Array.isArray(actual) ? (actual as unknown[][])[0][0] : actual;
  expect({ actual: single, shown, ok: matchesPrinted(single, shown) }).toMatchObject({ ok: true });
}

const all = examples();

test("the README has a worked example for every registered function", async () => {
  const { registry } = await import("./support/excel");
  const covered = new Set(all.map((e) => e.id));
  expect([...registry.keys()].filter((id) => !covered.has(id))).toEqual([]);
});

test.each(all.map((e) => [e.formula, e] as const))("%s", (_formula, example) => {
  compare(call(example.id, ...example.args), example.shown);
});
