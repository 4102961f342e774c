/**
 * How both writers lay a Report out, where the rule is not in the Report itself: the table style,
 * the heat-map colours and which columns share one colour scale, how table names are made unique
 * in a workbook, and the shape check that runs before anything is written. The task pane
 * (src/excel/writeReport.ts) and the file writer (src/workbook/writeWorkbook.ts) use these, so the
 * same Report gives the same sheets.
 */
import { Report, ReportTable, columnIndex } from "../report";

/** Table style of every table the add-in writes. */
export const TABLE_STYLE = "TableStyleMedium2";

/** Heat-map colours (low → middle → high), Excel's own white–yellow–red scale. */
export const COLOR_SCALE_COLORS = { minimum: "#FFFFFF", midpoint: "#FFEB84", maximum: "#F8696B" } as const;

/** Consecutive indexes grouped into [first, count] runs; with `key`, a run also shares its key. */
export function runsOf(indexes: readonly number[], key?: (j: number) => unknown): [number, number][] {
  const runs: [number, number][] = [];
  for (const j of indexes) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === j && (!key || key(last[0]) === key(j))) last[1]++;
    else runs.push([j, 1]);
  }
  return runs;
}

/**
 * The [first column, count] runs of a three-colour scale over the listed columns of a table.
 * Columns are scaled together when they are adjacent and share a number format: the heat map's
 * SKU counts and its values each get their own scale (one scale across both would colour by
 * value only).
 */
export function colorScaleRuns(table: ReportTable, keys: readonly string[]): [number, number][] {
  const indexes = keys.map((k) => columnIndex(table, k)).sort((a, b) => a - b);
  return runsOf(indexes, (j) => table.columns[j].format);
}

/** Throws when a table has no columns or a row whose length differs from the columns: checked before anything is written. */
export function checkTableShape(table: ReportTable): void {
  if (table.columns.length === 0) throw new Error(`Table ${table.name} has no columns.`);
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      throw new Error(
        `Row ${i + 1} of table ${table.name} has ${row.length} values for ${table.columns.length} columns.`,
      );
    }
  });
}

/**
 * The name each report table is written under. Table names are workbook-wide and compare
 * case-insensitively: a name in `taken` (tables the run does not replace, defined names), or
 * given to an earlier table of the report, gets "_2", "_3", …
 */
export function uniqueTableNames(report: Report, taken: Iterable<string>): Map<string, string> {
  const used = new Set([...taken].map((n) => n.toUpperCase()));
  const names = new Map<string, string>();
  for (const sheet of report.sheets) {
    for (const block of sheet.blocks) {
      if (block.kind !== "table") continue;
      let name = block.table.name;
      for (let n = 2; used.has(name.toUpperCase()); n++) name = `${block.table.name}_${n}`;
      used.add(name.toUpperCase());
      names.set(block.table.name, name);
    }
  }
  return names;
}
