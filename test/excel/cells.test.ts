/** Cell values for range.values and their JSON size (A1 addresses: test/engine/workbookParts/address.test.ts). */
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
