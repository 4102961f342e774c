/**
 * What the written workbook must hold after a run on the sample table (DESIGN §4, §7; issue 4),
 * checked against the engine's own Report for the same table: the pane must write what the
 * engine computed, on the add-in's sheets only. Each check returns a list of problems in words
 * (empty = fine), so a failure lists everything wrong at once.
 */
import { OWNED_SHEETS_NAMESPACE, parseOwnership } from "../../src/excel/ownership";
import { Report, ReportSheet, ReportTable } from "../../src/engine/report";
import { autoMap } from "../../src/engine/segmentation/mapping";
import { SegmentationResult, SHEET_NAMES, segment } from "../../src/engine/segmentation/segment";
import { withDefaults } from "../../src/engine/segmentation/settings";
import { SampleData } from "../../src/engine/sampleData";
import type { FakeValue } from "../support/fakeExcel";
import { SheetSnapshot, WorkbookSnapshot } from "./fixture";

/** The engine's result for the sample with the auto-mapping and default settings. */
export function expectedResult(sample: SampleData): SegmentationResult {
  const { mapping } = autoMap(sample.table.headers);
  return segment(sample.table, mapping, withDefaults({ asOfDate: sample.asOfDate }));
}

function tableOf(sheet: ReportSheet): ReportTable | undefined {
  for (const block of sheet.blocks) if (block.kind === "table") return block.table;
  return undefined;
}

function reportSheet(report: Report, name: string): ReportSheet {
  const sheet = report.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`the engine's report has no sheet ${name}`);
  return sheet;
}

/** Parses "A1:Z2001" into its first cell and size. */
function box(address: string): { row: number; column: number; rows: number; columns: number } {
  const parts = address.split(":").map((p) => {
    const m = /^([A-Z]+)(\d+)$/.exec(p);
    if (!m) throw new Error(`bad address ${address}`);
    let column = 0;
    for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, column: column - 1 };
  });
  const [a, b = a] = parts;
  return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

/** The body rows of the sheet's only table at A1 (problems when it is not so). */
function tableAtA1(sheet: SheetSnapshot, problems: string[]): FakeValue[][] {
  if (sheet.tables.length !== 1) {
    problems.push(`${sheet.name}: expected one Excel table, found ${sheet.tables.length}`);
    return [];
  }
  const at = box(sheet.tables[0].address);
  if (at.row !== 0 || at.column !== 0)
    problems.push(`${sheet.name}: the table starts at ${sheet.tables[0].address}, not A1`);
  return sheet.values.slice(at.row, at.row + at.rows).map((r) => r.slice(at.column, at.column + at.columns));
}

function headersOf(table: ReportTable): string[] {
  return table.columns.map((c) => c.header);
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Segmentation + Exceptions: one table each at A1, one row per input row between them, reasons given. */
export function checkRowTables(
  state: WorkbookSnapshot,
  expected: SegmentationResult,
  sample: SampleData,
): string[] {
  const problems: string[] = [];
  const inputRows = sample.table.rows.length;
  const counts: Record<string, number> = {};
  for (const name of [SHEET_NAMES.segmentation, SHEET_NAMES.exceptions]) {
    const sheet = state.sheets.find((s) => s.name === name);
    const want = tableOf(reportSheet(expected.report, name));
    if (!sheet || !want) {
      problems.push(`no sheet "${name}" (sheets: ${state.sheets.map((s) => s.name).join(", ")})`);
      continue;
    }
    const grid = tableAtA1(sheet, problems);
    const [header = [], ...body] = grid;
    // An Excel table has at least one body row; an empty one is a single blank row.
    const rows = body.filter((r) => r.some((v) => v !== ""));
    counts[name] = rows.length;
    if (!sameList(header, headersOf(want))) {
      problems.push(
        `${name}: headers ${JSON.stringify(header)}, expected ${JSON.stringify(headersOf(want))}`,
      );
    }
    if (rows.length !== want.rows.length) {
      problems.push(`${name}: ${rows.length} rows, the engine gives ${want.rows.length}`);
    }
    if (sheet.usedAddress !== "" && box(sheet.usedAddress).rows > grid.length) {
      problems.push(
        `${name}: cells below the table (used range ${sheet.usedAddress}); totals belong on Summary`,
      );
    }
    if (sheet.frozenRows !== 1)
      problems.push(`${name}: header row not frozen (frozen rows: ${sheet.frozenRows})`);
    if (sheet.formulaCells.length > 0) {
      problems.push(
        `${name}: formulas in ${sheet.formulaCells.slice(0, 5).join(", ")} (tables hold values; text stays text)`,
      );
    }
    if (name === SHEET_NAMES.exceptions) {
      const reasons = header.indexOf("Reasons");
      const rowColumn = header.indexOf("Row");
      rows.forEach((r, i) => {
        if (reasons < 0 || String(r[reasons]).trim() === "")
          problems.push(`${name}: row ${i + 2} has no reason`);
      });
      const bad = sample.badRows;
      const mustBeThere = {
        "missing cost": bad.missingCost,
        "text lead time": bad.textLeadTime,
        "text on hand": bad.textOnHand,
        "negative on hand": bad.negativeOnHand,
        duplicate: bad.duplicateSku,
        "no demand": bad.noDemand,
      };
      const listed = new Set(rows.map((r) => r[rowColumn]));
      for (const [what, index] of Object.entries(mustBeThere)) {
        if (!listed.has(index + 2))
          problems.push(`${name}: the ${what} row (worksheet row ${index + 2}) is missing`);
      }
    }
    if (name === SHEET_NAMES.segmentation) {
      const description = header.indexOf("Description");
      const texts = new Set(rows.map((r) => r[description]));
      for (const index of sample.badRows.formulaLikeDescriptions) {
        const text = sample.table.rows[index][1];
        if (!texts.has(text as FakeValue))
          problems.push(`${name}: the description ${JSON.stringify(text)} was not kept as text`);
      }
      if (!sheet.numberFormats.some((f) => f.format !== "General" && f.format !== "@")) {
        problems.push(`${name}: no number formats (currency, %, days) applied`);
      }
    }
  }
  const total = (counts[SHEET_NAMES.segmentation] ?? 0) + (counts[SHEET_NAMES.exceptions] ?? 0);
  if (total !== inputRows) {
    problems.push(`Segmentation + Exceptions rows = ${total}, input rows = ${inputRows}`);
  }
  return problems;
}

/** Summary: the KPI labels, the charts and the heat map's colour scales of the engine's Summary sheet. */
export function checkSummary(state: WorkbookSnapshot, expected: SegmentationResult): string[] {
  const problems: string[] = [];
  const want = reportSheet(expected.report, SHEET_NAMES.summary);
  const sheet = state.sheets.find((s) => s.name === SHEET_NAMES.summary);
  if (!sheet) return [`no sheet "${SHEET_NAMES.summary}"`];
  for (const block of want.blocks) {
    if (block.kind !== "kpis") continue;
    // A KPI block is one row per KPI: label | value | note.
    for (const kpi of block.kpis) {
      const row = sheet.values.find((r) => r.includes(kpi.label));
      if (!row) {
        problems.push(`Summary: no KPI "${kpi.label}"`);
        continue;
      }
      const value = cellOf(row[row.indexOf(kpi.label) + 1] ?? "");
      if (!sameCell(value, kpi.value)) {
        problems.push(
          `Summary: "${kpi.label}" is ${JSON.stringify(value)}, the engine gives ${JSON.stringify(kpi.value)}`,
        );
      }
    }
  }
  if (sheet.charts.length !== want.charts.length) {
    problems.push(`Summary: ${sheet.charts.length} charts, the report has ${want.charts.length}`);
  }
  for (const chart of want.charts) {
    if (!sheet.charts.some((c) => c.title === chart.title))
      problems.push(`Summary: no chart "${chart.title}"`);
  }
  if (want.colorScales.length > 0 && sheet.conditionalFormats.length === 0) {
    problems.push("Summary: no colour scale (the ABC-XYZ heat map)");
  }
  const tables = want.blocks.filter((b) => b.kind === "table").length;
  if (sheet.tables.length !== tables)
    problems.push(`Summary: ${sheet.tables.length} tables, the report has ${tables}`);
  return problems;
}

/** The other report sheets exist with their tables' headers; the owned-sheet marker lists every WC sheet. */
export function checkOtherSheets(state: WorkbookSnapshot, expected: SegmentationResult): string[] {
  const problems: string[] = [];
  for (const want of expected.report.sheets) {
    const sheet = state.sheets.find((s) => s.name === want.name);
    if (!sheet) {
      problems.push(`no sheet "${want.name}"`);
      continue;
    }
    const table = tableOf(want);
    if (want.name === SHEET_NAMES.summary || !table) continue;
    const grid = tableAtA1(sheet, problems);
    if (grid.length > 0 && !sameList(grid[0], headersOf(table))) {
      problems.push(
        `${want.name}: headers ${JSON.stringify(grid[0])}, expected ${JSON.stringify(headersOf(table))}`,
      );
    }
    if (grid.length < 2) problems.push(`${want.name}: the table has no body rows`);
  }
  const owned = parseOwnership(
    state.xmlParts.filter((p) => p.namespaceUri === OWNED_SHEETS_NAMESPACE).map((p) => p.xml),
  ).map((s) => s.name);
  for (const sheet of state.sheets.filter((s) => s.name.startsWith("WC "))) {
    if (!owned.includes(sheet.name))
      problems.push(`"${sheet.name}" is not marked as owned (${OWNED_SHEETS_NAMESPACE})`);
  }
  return problems;
}

/** A written value as the engine's cell: blanks are null. */
function cellOf(v: FakeValue): FakeValue | null {
  return v === "" ? null : v;
}

function sameCell(got: FakeValue | null, want: unknown): boolean {
  // "" and null are both an empty cell once written.
  if (got === null) return want === null || want === "";
  if (typeof got === "number" && typeof want === "number") {
    return got === want || Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
  }
  return got === want;
}

/**
 * Every cell of the sheet's table at A1 against the engine's table (same settings, same input):
 * the pane wrote exactly what the engine computed. Lists the first `limit` differences.
 */
export function compareTableValues(
  state: WorkbookSnapshot,
  sheetName: string,
  want: ReportTable,
  limit = 10,
): string[] {
  const sheet = state.sheets.find((s) => s.name === sheetName);
  if (!sheet) return [`no sheet "${sheetName}"`];
  const problems: string[] = [];
  const [, ...body] = tableAtA1(sheet, problems);
  return [...problems, ...compareBody(sheetName, body, want, limit)];
}

/**
 * How numbers must agree: exactly (to 1e-9, the default), within a relative tolerance (with an
 * absolute floor for values near 0), or only be numbers where the engine has numbers.
 */
export type NumberMatch = "exact" | { relative: number; absolute: number } | "present";

/**
 * Every cell of the Excel table named `want.name` on the sheet, wherever it starts (a sheet with
 * several tables, as WC Stress test), against the engine's table: headers, then the body; text
 * and blanks exactly, numbers as `numbers` says.
 */
export function compareNamedTable(
  state: WorkbookSnapshot,
  sheetName: string,
  want: ReportTable,
  numbers: NumberMatch = "exact",
  limit = 10,
): string[] {
  const sheet = state.sheets.find((s) => s.name === sheetName);
  if (!sheet) return [`no sheet "${sheetName}"`];
  const table = sheet.tables.find((t) => t.name === want.name);
  if (!table)
    return [`${sheetName}: no Excel table "${want.name}" (${sheet.tables.map((t) => t.name).join(", ")})`];
  const at = box(table.address);
  const [header = [], ...body] = sheet.values
    .slice(at.row, at.row + at.rows)
    .map((r) => r.slice(at.column, at.column + at.columns));
  const problems: string[] = [];
  if (!sameList(header, headersOf(want)))
    problems.push(
      `${want.name}: headers ${JSON.stringify(header)}, expected ${JSON.stringify(headersOf(want))}`,
    );
  return [...problems, ...compareBody(`${sheetName} ${want.name}`, body, want, limit, numbers)];
}

function sameNumber(got: FakeValue | null, want: unknown, numbers: NumberMatch): boolean {
  if (numbers === "exact" || typeof got !== "number" || typeof want !== "number") return sameCell(got, want);
  if (numbers === "present") return Number.isFinite(got);
  return Math.abs(got - want) <= Math.max(numbers.absolute, numbers.relative * Math.abs(want));
}

function compareBody(
  where: string,
  body: FakeValue[][],
  want: ReportTable,
  limit: number,
  numbers: NumberMatch = "exact",
): string[] {
  const problems: string[] = [];
  const rows = Math.max(body.length, want.rows.length);
  let differences = 0;
  for (let r = 0; r < rows && differences < limit; r++) {
    for (let c = 0; c < want.columns.length && differences < limit; c++) {
      const got = body[r] === undefined ? undefined : cellOf(body[r][c] ?? "");
      const expected = want.rows[r]?.[c];
      if (got === undefined || !sameNumber(got, expected, numbers)) {
        differences++;
        problems.push(
          `${where} row ${r + 2}, "${want.columns[c].header}": ${JSON.stringify(got)}, the engine gives ${JSON.stringify(expected)}`,
        );
      }
    }
  }
  return problems;
}

/** The engine's table on the report sheet `name`. */
export function reportTable(result: SegmentationResult, name: string): ReportTable {
  const table = tableOf(reportSheet(result.report, name));
  if (!table) throw new Error(`the engine's sheet ${name} has no table`);
  return table;
}
