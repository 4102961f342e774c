/**
 * The fake workbook as plain data for assertions (WorkbookSnapshot): what the browser bundle hands
 * back to the test. Plain TypeScript, no Node or DOM APIs.
 */
import { blockAddress } from "../../src/excel/address";
import type { FakeExcel } from "../support/fakeExcel";
import { SheetSnapshot, WorkbookSnapshot } from "./fixture";

/** Method calls that only read (the fake logs them as calls). */
const READING_CALLS = new Set(["getXml"]);

function sheetSnapshot(excel: FakeExcel, name: string): SheetSnapshot {
  const view = excel.sheet(name);
  const used = view.usedAddress();
  const end = used.split(":").pop() ?? "";
  return {
    id: view.id,
    name: view.name,
    usedAddress: used,
    values: used ? view.values(`A1:${end}`) : [],
    formulaCells: view.formulaCells(),
    frozenRows: view.frozenRows,
    tables: view.tables(),
    charts: view.charts().map((c) => ({ type: c.type, title: c.title, seriesCount: c.series.length })),
    conditionalFormats: view.conditionalFormats().map((c) => ({ type: c.type, address: c.address })),
    numberFormats: view.state.formats.map((f) => ({
      address: blockAddress(f.box.row, f.box.column, f.box.rows, f.box.columns),
      format: f.format,
    })),
    fonts: view.fonts().length,
  };
}

/** Every live sheet (or those named), the custom XML parts, settings and the request log. */
export function workbookSnapshot(excel: FakeExcel, sheetNames?: string[]): WorkbookSnapshot {
  const names = sheetNames ?? excel.sheetNames();
  return {
    sheets: names.map((name) => sheetSnapshot(excel, name)),
    xmlParts: excel.liveXmlParts().map((p) => ({ namespaceUri: p.namespaceUri, xml: p.xml })),
    settings: Object.fromEntries(excel.settings),
    calculationMode: excel.calculationMode,
    syncCount: excel.syncCount,
    largestRequestBytes: excel.largestRequestBytes(),
    writes: excel.requests
      .filter((r) => r.kind !== "load" && !READING_CALLS.has(r.member))
      .map((r) => ({ path: r.path, member: r.member, sheet: r.sheet, address: r.address, sync: r.sync })),
    sheetIds: Object.fromEntries(excel.sheets.map((s) => [s.id, s.name])),
  };
}
