/**
 * Cell boxes for the file reader: 1-based as Excel numbers them, and the `--range` text that
 * names one. The A1 helpers both sides share are in src/engine/workbookParts/address.ts.
 */
import { columnLetters } from "../engine/workbookParts/address";
import { WorkbookError } from "./errors";

/** A rectangle of cells, 1-based and inclusive, as Excel numbers them. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** "A1:DQ2001" (or "A1" for one cell). */
export function boxAddress(box: CellBox): string {
  const first = `${columnLetters(box.left - 1)}${box.top}`;
  const last = `${columnLetters(box.right - 1)}${box.bottom}`;
  return first === last ? first : `${first}:${last}`;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * A range such as `A1:Z999`, `$B$3:$H$2001`, `B3` (from that cell to the end of the used cells),
 * `A:H` (whole columns) or `Sheet1!A1:Z9`; the sheet part is returned when present.
 */
export function parseRange(text: string): { sheet?: string; box: CellBox } {
  let rest = text.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const column = /^\$?([A-Za-z]{1,3})$/;
  const [a, b, ...more] = rest.split(":");
  const bad = () => new WorkbookError(`--range "${text}" is not a range like A1:Z999.`);
  if (more.length > 0 || a === undefined) throw bad();
  let box: CellBox;
  const ca = cell.exec(a);
  if (b === undefined) {
    if (!ca) throw bad();
    box = { top: Number(ca[2]), left: columnNumber(ca[1]), bottom: MAX_ROWS, right: MAX_COLUMNS };
  } else {
    const cb = cell.exec(b);
    const wa = column.exec(a);
    const wb = column.exec(b);
    if (ca && cb) {
      box = {
        top: Number(ca[2]),
        left: columnNumber(ca[1]),
        bottom: Number(cb[2]),
        right: columnNumber(cb[1]),
      };
    } else if (wa && wb) {
      box = { top: 1, left: columnNumber(wa[1]), bottom: MAX_ROWS, right: columnNumber(wb[1]) };
    } else throw bad();
  }
  const { top, left, bottom, right } = box;
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLUMNS || top > bottom || left > right)
    throw bad();
  return { sheet, box };
}

/** The cells two boxes share, if any. */
export function intersect(a: CellBox, b: CellBox): CellBox | undefined {
  const box = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return box.top <= box.bottom && box.left <= box.right ? box : undefined;
}
