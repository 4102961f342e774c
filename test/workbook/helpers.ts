/** Helpers for the file reader/writer tests: reading back what an .xlsx holds, temporary folders. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

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
