/** A1 addresses shared by the Office.js writer and the file reader/writer. */
import {
  blockAddress,
  cellAddress,
  columnLetters,
  quoteSheetName,
  sameSheetName,
  sheetOfAddress,
} from "../../../src/engine/workbookParts/address";

describe("addresses", () => {
  test("columns, cells and blocks", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(cellAddress(0, 0)).toBe("A1");
    expect(blockAddress(1, 2, 1, 1)).toBe("C2");
    expect(blockAddress(1, 2, 100_000, 15)).toBe("C2:Q100001");
  });

  test("the sheet of an address, quoted or not", () => {
    expect(sheetOfAddress("Sheet1!A1:B2")).toBe("Sheet1");
    expect(sheetOfAddress("'WC Summary'!A1")).toBe("WC Summary");
    expect(sheetOfAddress("'Bob''s data'!A1:C9")).toBe("Bob's data");
    expect(sheetOfAddress("A1:B2")).toBeUndefined();
    expect(sameSheetName("Sheet1", "SHEET1")).toBe(true);
  });

  test("a sheet name is quoted as Excel quotes it, and reads back unchanged", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("data_2025.v2")).toBe("data_2025.v2");
    // Names that look like a cell reference, hold spaces or start with a digit need quotes.
    expect(quoteSheetName("AB12")).toBe("'AB12'");
    expect(quoteSheetName("WC Summary")).toBe("'WC Summary'");
    expect(quoteSheetName("2025")).toBe("'2025'");
    for (const name of ["Sheet1", "WC Summary", "Bob's data", "AB12", "it''s"]) {
      expect(sheetOfAddress(`${quoteSheetName(name)}!A1:B2`)).toBe(name);
    }
  });
});
