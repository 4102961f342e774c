/** Cell values for range.values and their JSON size; A1 addresses. */
import {
  blockAddress,
  cellAddress,
  columnLetters,
  sameSheetName,
  sheetOfAddress,
} from "../../src/excel/address";
import { jsonGridBytes, jsonStringBytes, toExcelValue } from "../../src/excel/cells";

describe("toExcelValue", () => {
  test("null is an empty cell; numbers and logicals as they are; a non-finite number is empty", () => {
    expect(toExcelValue(null, false)).toBe("");
    expect(toExcelValue(1.5, false)).toBe(1.5);
    expect(toExcelValue(false, false)).toBe(false);
    expect(toExcelValue(Number.NaN, false)).toBe("");
  });

  test("outside text-formatted cells, text that Excel would read as a formula gets the quote prefix", () => {
    for (const t of ["=A1", "+1", "-x", "@me", "'quoted"]) expect(toExcelValue(t, false)).toBe(`'${t}`);
    expect(toExcelValue("plain", false)).toBe("plain");
  });

  test("in text-formatted cells only a leading apostrophe needs one more", () => {
    expect(toExcelValue("=A1", true)).toBe("=A1");
    expect(toExcelValue("'quoted", true)).toBe("''quoted");
  });
});

describe("JSON byte estimates", () => {
  test("match JSON.stringify in UTF-8", () => {
    const grid = [
      ['a"b\\c', 1.25, true, ""],
      ["Σ € 🙂 \n", -3e-7, false, "x"],
    ];
    expect(jsonGridBytes(grid)).toBe(new TextEncoder().encode(JSON.stringify(grid)).length);
    expect(jsonStringBytes("\u0001")).toBe(JSON.stringify("\u0001").length);
  });
});

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
});
