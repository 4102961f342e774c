/**
 * Writes a Report into the workbook through Office.js (DESIGN §4, §7).
 *
 * - Only sheets the add-in owns are written (see ownership.ts); a user's sheet with a report
 *   sheet's name, or the sheet holding the input range, is passed over for "… (2)".
 * - Each block at its position: a title, KPI rows (label | value | note), tables. A table block
 *   with a caption has the caption in its first row and the table right below it.
 * - Tables: header, then the rows in chunks (≤ `chunkRows` rows and ≤ the batch's byte budget per
 *   request), number formats per column after the values (one 1×1 format broadcast over the
 *   column's cells), and the Excel table created over the written range after that.
 * - Text stays text: "@" before the values of text cells, an apostrophe before any other string
 *   that starts with = + - @ (cells.ts).
 * - Calculation is manual while writing (ExcelApi 1.8) and screen updating suspended for every
 *   request (1.9; it resumes by itself at each sync, which is also when Excel repaints progress);
 *   the calculation mode is restored in a `finally`, also after a failed sync or a cancel.
 * - Round trips: ≤ 2 to read the workbook, then one per full batch (≈ one per chunk of rows; small
 *   sheets share batches), then one to finish, and on a run that added sheets one more to mark
 *   them as owned (their ids exist only after the sync that adds them). Cancelling (AbortSignal,
 *   checked after each sync) deletes the sheet being written, keeps the finished ones, and throws
 *   WriteCancelledError.
 */
import { Report, ReportSheet, ReportTable, columnIndex } from "../engine/report";
import { sameSheetName } from "../engine/workbookParts/address";
import { checkTableShape, uniqueTableNames } from "../engine/workbookParts/layout";
import {
  OwnedSheet,
  Redirect,
  SheetTarget,
  inputSheetOf,
  planSheetTargets,
  redirectsOf,
  serializeOwnership,
} from "../engine/workbookParts/ownership";
import { DEFAULT_BATCH_BYTES, PAYLOAD_LIMIT_BYTES, RequestBatch } from "./batch";
import { queueChart, queueColorScales, queueScatterChart } from "./charts";
import { queueWritePart } from "./customXml";
import { OwnershipState, queuePrepareTarget, readOwnershipState } from "./ownership";
import { EXCEL_API, isExcelApiSupported } from "./requirements";
import { SMALL, TableLayout, writeKpis, writeTable, writeText } from "./sheetBlocks";

export interface WriteOptions {
  /** Rows per chunk (per request) at most; default 10,000. Wide tables get fewer, to stay under the payload budget. */
  chunkRows?: number;
  /** Called after every sync with rows written so far and the total rows of all tables. */
  onProgress?: (done: number, total: number) => void;
  /** Checked after every sync; when aborted the write stops and WriteCancelledError is thrown. */
  signal?: AbortSignal;
  /** The input range, e.g. "Sheet1!A1:H2001": the sheet holding it is never written. */
  inputAddress?: string;
  /** Estimated bytes per request at most; default 4,000,000 (Excel on the web's limit is 5 MB). */
  batchBytes?: number;
}

export interface WriteResult {
  /** Names of the sheets written, in report order. */
  sheets: string[];
  /** Sheets written under another name because the requested one belongs to the user or holds the input. */
  redirected: Redirect[];
  /** Round trips (context.sync calls) made. */
  syncs: number;
  /** The largest request sent, estimated in bytes of JSON. */
  largestPayloadBytes: number;
  /** Table names changed because another table in the workbook already had the name: report name → written name. */
  renamedTables: Record<string, string>;
}

/** Thrown when the signal aborts a write; the sheets named in `sheets` were written completely. */
export class WriteCancelledError extends Error {
  constructor(readonly sheets: string[]) {
    super(
      sheets.length === 0
        ? "Writing was cancelled; no sheet was changed."
        : `Writing was cancelled after ${sheets.join(", ")}; the sheet being written was removed.`,
    );
    this.name = "AbortError";
  }
}

/** Writes `report` into owned sheets. See the module comment for the rules. */
export async function writeReport(
  context: Excel.RequestContext,
  report: Report,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const chunkRows = Math.max(1, Math.floor(options.chunkRows ?? 10_000));
  const budget = Math.min(options.batchBytes ?? DEFAULT_BATCH_BYTES, PAYLOAD_LIMIT_BYTES);
  validateReport(report);
  if (options.signal?.aborted) throw new WriteCancelledError([]);

  const application = context.workbook.application;
  const canSetCalculation = isExcelApiSupported(EXCEL_API.calculationMode);
  if (canSetCalculation) application.load("calculationMode");
  const state = await readOwnershipState(context);
  if (options.signal?.aborted) throw new WriteCancelledError([]);
  const inputSheet = inputSheetOf(options.inputAddress);
  const targets = planSheetTargets(
    report.sheets.map((s) => s.name),
    state.sheets,
    new Set(state.owned.map((o) => o.id)),
    inputSheet,
  );
  const tableNames = assignTableNames(report, state, targets);

  // Ownership marker: entries of sheets that still exist, plus every sheet added by this run as
  // soon as its id is known (so even an interrupted run's sheets are recognised next time).
  const owned = new Map<string, OwnedSheet>(state.owned.map((o) => [o.id, o]));
  const added: { sheet: Excel.Worksheet; name: string; registered: boolean }[] = [];
  let markerPart: Excel.CustomXmlPart | undefined;
  let markerDirty = true;
  const queueMarker = () =>
    batch.queue(SMALL * (owned.size + 1), () => {
      const xml = serializeOwnership([...owned.values()]);
      markerPart = queueWritePart(context, markerPart ? [markerPart] : state.parts, xml);
      markerDirty = false;
    });

  const screenUpdating = isExcelApiSupported(EXCEL_API.suspendScreenUpdating);
  const batch: RequestBatch = new RequestBatch(context, budget, {
    onBegin: screenUpdating ? () => application.suspendScreenUpdatingUntilNextSync() : undefined,
    beforeSync: () => {
      if (markerDirty) queueMarker();
    },
  });
  batch.syncs = state.syncs;

  const totalRows = report.sheets.reduce(
    (sum, s) => sum + s.blocks.reduce((n, b) => n + (b.kind === "table" ? b.table.rows.length : 0), 0),
    0,
  );
  let rowsQueued = 0;
  const written: string[] = [];
  /** Sheets started and not yet finished by a completed sync: removed if the write stops. */
  let pending: { name: string; sheet: Excel.Worksheet; id?: string }[] = [];
  /** Sheets whose last operations are in the batch being built. */
  let finishing: typeof pending = [];

  /** Sends the batch; then registers new sheets, marks finished ones, reports progress, honours cancel. */
  const sync = async (last = false) => {
    await batch.sync();
    written.push(...finishing.map((p) => p.name));
    pending = pending.filter((p) => !finishing.includes(p));
    finishing = [];
    for (const a of added) {
      if (!a.registered) {
        owned.set(a.sheet.id, { id: a.sheet.id, name: a.name });
        a.registered = true;
        markerDirty = true;
      }
    }
    options.onProgress?.(rowsQueued, totalRows);
    if (!last && options.signal?.aborted) throw new WriteCancelledError([...written]);
  };

  let savedMode: Excel.Application["calculationMode"] | undefined;
  const queueRestore = () => {
    const mode = savedMode;
    if (mode !== undefined) {
      batch.queue(SMALL, () => {
        application.calculationMode = mode;
      });
    }
  };
  let completed = false;
  try {
    if (canSetCalculation && application.calculationMode !== "Manual") {
      savedMode = application.calculationMode;
      batch.queue(SMALL, () => {
        application.calculationMode = "Manual";
      });
    }
    for (let i = 0; i < report.sheets.length; i++) {
      const target = targets[i];
      if (inputSheet !== undefined && sameSheetName(target.name, inputSheet)) {
        throw new Error(`Refusing to write "${target.name}": it holds the input range.`);
      }
      let sheet: Excel.Worksheet | undefined;
      batch.queue(SMALL, () => {
        sheet = queuePrepareTarget(context, state, target);
      });
      if (!sheet) throw new Error(`Could not prepare "${target.name}".`);
      const entry = { name: target.name, sheet, id: target.reuseId };
      pending.push(entry);
      if (target.reuseId === undefined) added.push({ sheet, name: target.name, registered: false });
      else owned.set(target.reuseId, { id: target.reuseId, name: target.name });

      await writeSheet(sheet, report.sheets[i], tableNames, batch, chunkRows, sync, (n) => (rowsQueued += n));
      finishing.push(entry);
    }
    queueRestore();
    markerDirty = true;
    await sync(true);
    // Sheets added in that last request are known by id only now: mark them in one more.
    if (markerDirty) await sync(true);
    completed = true;
  } finally {
    if (!completed) {
      // Restore first: if a later operation of this request fails, the ones before it still apply.
      queueRestore();
      for (const p of pending) {
        const id = p.id ?? added.find((a) => a.sheet === p.sheet && a.registered)?.sheet.id;
        if (id !== undefined) owned.delete(id);
      }
      queueMarker();
      for (const p of pending) batch.queue(SMALL, () => p.sheet.delete());
      try {
        await batch.sync();
      } catch {
        // Best effort: the error that stopped the write is the one the caller needs to see.
      }
    }
  }
  return {
    sheets: written,
    redirected: redirectsOf(targets),
    syncs: batch.syncs,
    largestPayloadBytes: batch.largestBytes,
    renamedTables: Object.fromEntries([...tableNames].filter(([from, to]) => from !== to)),
  };
}

/** Queues one sheet's blocks, charts, colour scales and frozen header, syncing between full chunks. */
async function writeSheet(
  sheet: Excel.Worksheet,
  spec: ReportSheet,
  tableNames: Map<string, string>,
  batch: RequestBatch,
  chunkRows: number,
  sync: () => Promise<void>,
  countRows: (n: number) => void,
): Promise<void> {
  const layouts = new Map<string, TableLayout>();
  for (const block of spec.blocks) {
    if (block.kind === "title") {
      writeText(sheet, batch, block.at.row, block.at.column, block.text, { bold: true, size: 14 });
    } else if (block.kind === "kpis") {
      writeKpis(sheet, batch, block.at.row, block.at.column, block.kpis);
    } else {
      let headerRow = block.at.row;
      if (block.caption !== undefined) {
        writeText(sheet, batch, headerRow, block.at.column, block.caption, { bold: true });
        headerRow++;
      }
      const layout: TableLayout = {
        table: block.table,
        headerRow,
        column: block.at.column,
        excelName: tableNames.get(block.table.name) ?? block.table.name,
      };
      layouts.set(block.table.name, layout);
      await writeTable(sheet, layout, batch, chunkRows, sync, countRows);
    }
  }
  for (const scale of spec.colorScales)
    queueColorScales(sheet, batch, layouts.get(scale.table)!, scale.columns);
  for (const chart of spec.charts) {
    if (chart.kind === "scatter") queueScatterChart(sheet, batch, layouts, chart);
    else queueChart(sheet, batch, layouts.get(chart.table)!, chart);
  }
  if (spec.freezeHeader && isExcelApiSupported(EXCEL_API.freezePanes)) {
    batch.queue(SMALL, () => sheet.freezePanes.freezeRows(1));
  }
}

/** Table names are workbook-wide: a name held by a table the run does not replace gets "_2", "_3", … */
function assignTableNames(
  report: Report,
  state: OwnershipState,
  targets: readonly SheetTarget[],
): Map<string, string> {
  const replaced = new Set<string>();
  for (const t of targets) {
    if (t.reuseId === undefined) continue;
    for (const table of state.contents.get(t.reuseId)?.tables ?? []) replaced.add(table.name.toUpperCase());
  }
  return uniqueTableNames(
    report,
    state.tableNames.filter((n) => !replaced.has(n.toUpperCase())),
  );
}

/** Checks the report before anything is written, so a malformed report never leaves half a workbook. */
function validateReport(report: Report): void {
  for (const sheet of report.sheets) {
    const tables = new Map<string, ReportTable>();
    for (const block of sheet.blocks) {
      if (block.kind !== "table") continue;
      tables.set(block.table.name, block.table);
      checkTableShape(block.table);
    }
    const need = (table: string, keys: readonly string[], what: string) => {
      const t = tables.get(table);
      if (!t)
        throw new Error(`${what} on ${sheet.name} refers to table ${table}, which is not on that sheet.`);
      for (const key of keys) {
        if (columnIndex(t, key) < 0)
          throw new Error(`${what} on ${sheet.name} refers to column ${key}, not in ${table}.`);
      }
    };
    for (const c of sheet.charts) {
      if (c.series.length === 0) throw new Error(`Chart "${c.title}" on ${sheet.name} has no series.`);
      if (c.kind === "scatter") {
        for (const s of c.series) need(s.table, [s.x, s.y], `Chart "${c.title}"`);
      } else {
        need(
          c.table,
          [c.categories, ...c.series, ...(c.cumulative ? [c.cumulative] : [])],
          `Chart "${c.title}"`,
        );
      }
    }
    for (const s of sheet.colorScales) need(s.table, s.columns, "A colour scale");
  }
}
