/**
 * Worksheet parts read as a stream into a grid of plain cell values, the way the task pane's
 * reader sees a range (see readWorkbook.ts for the rules): shared and inline strings (rich text
 * as its plain text, phonetic runs left out), numbers, booleans, error cells as their text, dates
 * as Excel serial numbers of the 1900 date system (a date-formatted number of a 1904-system
 * workbook is shifted by 1,462 days; a `t="d"` ISO date converted), a formula as its cached
 * result, and the covered cells of a merged area blank.
 *
 * Only the values are kept (no cell objects, styles or formulas): a 100,000 × 120 sheet is a few
 * hundred megabytes of XML and stays one pass over it.
 */
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { CellValue } from "../engine/report";
import { CellBox } from "./address";
import { XmlScanner, forEachAttribute } from "./xmlScanner";

/** What a worksheet's cells need from the rest of the workbook. */
export interface CellContext {
  sharedStrings: readonly string[];
  /** Per cell style (index into cellXfs): true when its number format shows a date or time. */
  dateStyles: readonly boolean[];
  /** The workbook counts dates from 1904-01-01 (`<workbookPr date1904="1"/>`). */
  date1904: boolean;
}

/** Days between the 1900 and 1904 date systems' day 0. */
const DAYS_1904 = 1462;

/** A worksheet's values: `rows[r][c - 1]` for the 1-based row r and column c (missing = blank). */
export interface SheetGrid {
  name: string;
  rows: (CellValue[] | undefined)[];
  /** The cells that hold a value; undefined for a sheet without any. */
  box?: CellBox;
  /** Formula cells without a saved result, as `row * 16384 + column`. */
  uncalculated: Set<number>;
}

/** A cell's value (null when blank). */
export function cellOf(grid: SheetGrid, row: number, column: number): CellValue {
  return grid.rows[row]?.[column - 1] ?? null;
}

export function isUncalculated(grid: SheetGrid, row: number, column: number): boolean {
  return grid.uncalculated.has(row * 16_384 + column);
}

/** The 1-based column of a cell reference such as "AB12" (0 when it has no letters). */
function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + c - 64;
    else if (c >= 97 && c <= 122) n = n * 26 + c - 96;
    else if (c !== 36 /* $ */) break;
  }
  return n;
}

function rowOfRef(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : 0;
}

/** Excel serial (1900 system) of an ISO 8601 date or date-time (`t="d"` cells). */
function serialOfIso(text: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
  return Number.isNaN(ms) ? null : ms / 86_400_000 + 25_569;
}

/** Decodes a part's bytes as they come: UTF-8, or UTF-16 when it starts with a byte-order mark. */
async function forEachText(stream: Readable, visit: (text: string) => void): Promise<void> {
  let decoder: StringDecoder | undefined;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (decoder === undefined) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe) {
        decoder = new StringDecoder("utf16le");
        visit(decoder.write(chunk.subarray(2)).replace(/^\uFEFF/, ""));
        continue;
      }
      decoder = new StringDecoder("utf8");
      visit(decoder.write(chunk).replace(/^\uFEFF/, ""));
      continue;
    }
    visit(decoder.write(chunk));
  }
  if (decoder) visit(decoder.end());
}

/** Reads a worksheet part into a grid. */
export async function readSheetGrid(
  name: string,
  stream: Readable,
  context: CellContext,
): Promise<SheetGrid> {
  const rows: (CellValue[] | undefined)[] = [];
  const uncalculated = new Set<number>();
  const merges: string[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;

  let row = 0;
  let column = 0;
  let type = "n";
  let style = 0;
  let inCell = false;
  let hasFormula = false;
  let hasValue = false;
  let capture = false;
  let phonetic = 0;
  let text = "";

  const store = (value: CellValue) => {
    if (value === null || column < 1 || row < 1) return;
    let cells = rows[row];
    if (cells === undefined) rows[row] = cells = [];
    cells[column - 1] = value;
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (column < left) left = column;
    if (column > right) right = column;
  };

  const valueOfCell = (): CellValue => {
    switch (type) {
      case "s": {
        const s = context.sharedStrings[Number(text)];
        return s === undefined || s === "" ? null : s;
      }
      case "inlineStr":
      case "str":
        return text === "" ? null : text;
      case "b":
        return text === "1" || text === "true";
      case "e":
        return text === "" ? null : text;
      case "d":
        return text === "" ? null : serialOfIso(text.trim());
      default: {
        if (text === "") return null;
        const x = Number(text);
        if (!Number.isFinite(x)) return null;
        return context.date1904 && context.dateStyles[style] ? x + DAYS_1904 : x;
      }
    }
  };

  const scanner = new XmlScanner({
    open(tag, attributes, selfClosing) {
      if (inCell) {
        if (tag === "v") {
          hasValue = true;
          capture = !selfClosing;
        } else if (tag === "f") hasFormula = true;
        else if (tag === "rPh") phonetic += selfClosing ? 0 : 1;
        else if (tag === "t" && type === "inlineStr" && phonetic === 0) {
          hasValue = true;
          capture = !selfClosing;
        }
        return;
      }
      if (tag === "c") {
        let ref: string | undefined;
        type = "n";
        style = 0;
        forEachAttribute(attributes, (key, value) => {
          if (key === "r") ref = value;
          else if (key === "t") type = value;
          else if (key === "s") style = Number(value) || 0;
        });
        column = ref === undefined ? column + 1 : columnOfRef(ref);
        if (ref !== undefined && row === 0) row = rowOfRef(ref);
        if (selfClosing) return;
        inCell = true;
        hasFormula = false;
        hasValue = false;
        text = "";
      } else if (tag === "row") {
        let r: string | undefined;
        forEachAttribute(attributes, (key, value) => {
          if (key === "r") r = value;
        });
        row = r === undefined ? row + 1 : Number(r);
        column = 0;
      } else if (tag === "mergeCell") {
        forEachAttribute(attributes, (key, value) => {
          if (key === "ref") merges.push(value);
        });
      }
    },
    close(tag) {
      if (!inCell) return;
      if (tag === "v" || tag === "t") capture = false;
      else if (tag === "rPh") phonetic--;
      else if (tag === "c") {
        inCell = false;
        capture = false;
        phonetic = 0;
        if (hasFormula && !hasValue) {
          uncalculated.add(row * 16_384 + column);
          return;
        }
        store(valueOfCell());
      }
    },
    text(piece) {
      if (capture) text += piece;
    },
  });
  await forEachText(stream, (chunk) => scanner.write(chunk));
  scanner.end();

  const grid: SheetGrid = {
    name,
    rows,
    box: bottom === 0 ? undefined : { top, left, bottom, right },
    uncalculated,
  };
  if (merges.length > 0) blankCoveredCells(grid, merges);
  return grid;
}

/** Blanks every cell of a merged area but its top-left one (Excel shows "" there), then refits the box. */
function blankCoveredCells(grid: SheetGrid, merges: readonly string[]): void {
  let changed = false;
  for (const ref of merges) {
    const [a, b = a] = ref.split(":");
    const top = rowOfRef(a);
    const left = columnOfRef(a);
    const bottom = rowOfRef(b);
    const right = columnOfRef(b);
    for (let r = top; r <= bottom; r++) {
      const cells = grid.rows[r];
      if (cells === undefined) continue;
      for (let c = left; c <= right; c++) {
        if ((r !== top || c !== left) && cells[c - 1] !== undefined && cells[c - 1] !== null) {
          cells[c - 1] = null;
          changed = true;
        }
      }
    }
  }
  if (!changed) return;
  let box: CellBox | undefined;
  grid.rows.forEach((cells, r) => {
    cells?.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const c = i + 1;
      if (box === undefined) box = { top: r, left: c, bottom: r, right: c };
      else {
        box.top = Math.min(box.top, r);
        box.bottom = Math.max(box.bottom, r);
        box.left = Math.min(box.left, c);
        box.right = Math.max(box.right, c);
      }
    });
  });
  grid.box = box;
}

/** The shared-string table (`xl/sharedStrings.xml`): each item's plain text, phonetic runs left out. */
export async function readSharedStrings(stream: Readable): Promise<string[]> {
  const strings: string[] = [];
  let inItem = false;
  let capture = false;
  let phonetic = 0;
  let text = "";
  const scanner = new XmlScanner({
    open(tag, _attributes, selfClosing) {
      if (tag === "si") {
        inItem = !selfClosing;
        text = "";
        if (selfClosing) strings.push("");
      } else if (tag === "rPh") phonetic += selfClosing ? 0 : 1;
      else if (tag === "t" && inItem && phonetic === 0) capture = !selfClosing;
    },
    close(tag) {
      if (tag === "t") capture = false;
      else if (tag === "rPh") phonetic--;
      else if (tag === "si") {
        strings.push(text);
        inItem = false;
      }
    },
    text(piece) {
      if (capture) text += piece;
    },
  });
  await forEachText(stream, (chunk) => scanner.write(chunk));
  scanner.end();
  return strings;
}

/** Built-in number formats that show dates or times (ECMA-376 Part 1, §18.8.30, and the East Asian ids). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** True for a format code that shows a date or time: y m d h s (or b, Buddhist year) outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ""));
}

/** Per cell style of `xl/styles.xml`: whether its number format is a date format. */
export function dateStylesOf(stylesXml: string | undefined): boolean[] {
  if (stylesXml === undefined) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\s([^>]*?)\/?>/g)) {
    let id = -1;
    let code = "";
    forEachAttribute(m[1], (key, value) => {
      if (key === "numFmtId") id = Number(value);
      else if (key === "formatCode") code = value;
    });
    custom.set(id, code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs[\s>][\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[0] ?? "";
  const styles: boolean[] = [];
  for (const m of cellXfs.matchAll(/<(?:\w+:)?xf(\s[^>]*?)?\/?>/g)) {
    let id = 0;
    forEachAttribute(m[1] ?? "", (key, value) => {
      if (key === "numFmtId") id = Number(value);
    });
    const code = custom.get(id);
    styles.push(code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code));
  }
  return styles;
}

/** True when the workbook part says the 1904 date system. */
export function usesDate1904(workbookXml: string): boolean {
  const pr = /<(?:\w+:)?workbookPr\s([^>]*?)\/?>/.exec(workbookXml);
  if (!pr) return false;
  let value = "";
  forEachAttribute(pr[1], (key, v) => {
    if (key === "date1904") value = v;
  });
  return value === "1" || value === "true";
}
