/** Helpers for the file reader/writer tests: reading back what an .xlsx holds, temporary folders. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Report } from "../../src/engine/report";
import { OpenedWorkbook, openWorkbookBytes } from "../../src/workbook/readWorkbook";
import { FileWriteOptions, FileWriteResult, writeReportToPackage } from "../../src/workbook/writeWorkbook";
import { XlsxPackage, openPackageZip, readPackage } from "../../src/workbook/xlsxPackage";

export type Shown = string | number | boolean;

/** A cell as the fake Excel shows it: blanks "", formulas as "=…", dates as serials. */
export function shownValue(cell: ExcelJS.Cell): Shown {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) return `=${(v as ExcelJS.CellFormulaValue).formula ?? ""}`;
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return v.error;
    if ("text" in v) return String(v.text);
  }
  return v as Shown;
}

/** The used box of a sheet (cells with a value), 1-based. */
export function usedAddress(ws: ExcelJS.Worksheet): string {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (shownValue(cell) === "") return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  if (bottom === 0) return "";
  return `${letters(left)}${top}:${letters(right)}${bottom}`;
}

export function letters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseAddress(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = address.split(":");
  const cell = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const p = cell(a);
  const q = cell(b);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** Values of a range (or the used range) as a grid, blanks "". */
export function valuesOf(ws: ExcelJS.Worksheet, address = usedAddress(ws)): Shown[][] {
  if (address === "") return [];
  const box = parseAddress(address);
  const grid: Shown[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: Shown[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(shownValue(ws.getCell(r, c)));
    grid.push(row);
  }
  return grid;
}

/** Number formats of each cell of a range, "General" where none is set. */
export function formatsOf(ws: ExcelJS.Worksheet, address: string): string[][] {
  const box = parseAddress(address);
  const grid: string[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: string[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(ws.findCell(r, c)?.numFmt || "General");
    grid.push(row);
  }
  return grid;
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

export interface FileTable {
  name: string;
  address: string;
  style: string;
  stripes: boolean;
}

async function relsOf(zip: JSZip, part: string): Promise<{ type: string; target: string }[]> {
  const slash = part.lastIndexOf("/");
  const rels = await zip.file(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`)?.async("string");
  if (!rels) return [];
  return [...rels.matchAll(/<Relationship [^>]*Type="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => {
    const target = m[2].startsWith("/")
      ? m[2].slice(1)
      : [...part.split("/").slice(0, -1), ...m[2].split("/")]
          .reduce<string[]>((acc, seg) => {
            if (seg === "..") acc.pop();
            else acc.push(seg);
            return acc;
          }, [])
          .join("/");
    return { type: m[1], target };
  });
}

/** Per sheet name: the Excel tables in the file (name, ref, style), read from the package XML. */
export async function tablesInFile(bytes: Uint8Array): Promise<Map<string, FileTable[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const workbookRels = await relsOf(zip, "xl/workbook.xml");
  const ridTarget = new Map<string, string>();
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  for (const m of relsXml.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)) {
    ridTarget.set(
      m[1],
      workbookRels.find((r) => r.target.endsWith(m[2].replace(/^\/?(xl\/)?/, "")))?.target ?? "",
    );
  }
  const out = new Map<string, FileTable[]>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const part = ridTarget.get(m[2])!;
    const tables: FileTable[] = [];
    for (const rel of (await relsOf(zip, part)).filter((r) => r.type.endsWith("/table"))) {
      const xml = await zip.file(rel.target)!.async("string");
      tables.push({
        name: /<table [^>]*\bname="([^"]+)"/.exec(xml)![1],
        address: /<table [^>]*\bref="([^"]+)"/.exec(xml)![1],
        style: /<tableStyleInfo [^>]*name="([^"]+)"/.exec(xml)?.[1] ?? "",
        stripes: /showRowStripes="1"/.test(xml),
      });
    }
    out.set(m[1].replace(/&amp;/g, "&"), tables);
  }
  return out;
}

/** A fresh temporary folder and its removal. */
export function tempFolder(prefix = "wcap-"): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const REVISION_NS = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision";

/** Reads the package layer of .xlsx bytes (sheets with ids, custom XML parts). */
export async function packageOf(bytes: Uint8Array): Promise<XlsxPackage> {
  return readPackage(openPackageZip(Buffer.from(bytes), "test.xlsx"));
}

/**
 * What the task pane leaves in a workbook, added to .xlsx bytes another library wrote: sheet ids
 * (`xr:uid` on the worksheets named in `uids`) and custom XML parts (ECMA-376 Part 1, §22.5).
 */
export async function withPaneParts(
  bytes: Uint8Array,
  uids: ReadonlyMap<string, string>,
  items: readonly Uint8Array[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const relsPath = "xl/_rels/workbook.xml.rels";
  let rels = await zip.file(relsPath)!.async("string");
  const targets = new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const uid = uids.get(m[1]);
    if (uid === undefined) continue;
    const part = `xl/${targets.get(m[2])!.replace(/^\/?xl\//, "")}`;
    const xml = await zip.file(part)!.async("string");
    zip.file(
      part,
      xml.replace(
        /<worksheet(\s[^>]*)?>/,
        (_, a: string | undefined) =>
          `<worksheet${(a ?? "").replace(/\s+xr:uid="[^"]*"/, "")}${
            /xmlns:xr=/.test(a ?? "") ? "" : ` xmlns:xr="${REVISION_NS}"`
          } xr:uid="${uid}">`,
      ),
    );
  }
  let types = await zip.file("[Content_Types].xml")!.async("string");
  items.forEach((item, i) => {
    const n = i + 1;
    zip.file(`customXml/item${n}.xml`, item);
    zip.file(
      `customXml/itemProps${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><ds:datastoreItem ds:itemID="{00000000-0000-0000-0000-00000000000${n}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    );
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps${n}.xml"/></Relationships>`,
    );
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdPane${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item${n}.xml"/></Relationships>`,
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/customXml/itemProps${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
    );
  });
  zip.file(relsPath, rels);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Opens .xlsx bytes as the refresh does. */
export async function openBytes(bytes: Uint8Array): Promise<OpenedWorkbook> {
  return openWorkbookBytes(Buffer.from(bytes), "input.xlsx");
}

/** Writes `report` into a copy of `source`, collecting the output in memory. */
export async function writeToBytes(
  source: OpenedWorkbook,
  report: Report,
  options: FileWriteOptions = {},
): Promise<{ result: FileWriteResult; bytes: Buffer }> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const result = await writeReportToPackage(source, report, out, options);
  return { result, bytes: Buffer.concat(chunks) };
}
