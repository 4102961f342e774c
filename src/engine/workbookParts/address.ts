/**
 * A1 addresses: building them from zero-based positions, reading the sheet name out of an address
 * Excel returned, and quoting a sheet name for one. Pure string work, shared by the Office.js
 * writer (a string address costs a few bytes of request payload, no proxy object) and the file
 * reader and writer.
 */

/** Column letters of a zero-based column index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of one zero-based cell: (0, 0) → "A1". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** A1 address of a block of `rowCount` × `columnCount` cells starting at (row, column). */
export function blockAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  const first = cellAddress(row, column);
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${cellAddress(row + rowCount - 1, column + columnCount - 1)}`;
}

/**
 * The sheet part of an address such as `'WC Summary'!A1:B2` or `Sheet1!A1`, unquoted
 * (`''` inside quotes is one apostrophe); undefined when the address names no sheet.
 */
export function sheetOfAddress(address: string): string | undefined {
  if (address.startsWith("'")) {
    let name = "";
    for (let i = 1; i < address.length; i++) {
      const ch = address[i];
      if (ch === "'") {
        if (address[i + 1] === "'") {
          name += "'";
          i++;
        } else {
          return address[i + 1] === "!" ? name : undefined;
        }
      } else {
        name += ch;
      }
    }
    return undefined;
  }
  const bang = address.lastIndexOf("!");
  return bang > 0 ? address.slice(0, bang) : undefined;
}

/** A sheet name as Excel writes it in an address (the inverse of sheetOfAddress): quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Excel compares sheet names case-insensitively ("Sheet1" and "SHEET1" are the same sheet). */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}
