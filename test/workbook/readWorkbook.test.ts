/**
 * The .xlsx reader: the same InputTable as the task pane's reader (checked against
 * readSelectedTable on the fake Excel), date headers as serial digits, formulas as their cached
 * results, blanks, messy headers, finding the table, and one-line errors for files that are not
 * usable workbooks.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readSelectedTable } from "../../src/excel/readSelection";
import { parseRange } from "../../src/workbook/address";
import { WorkbookError } from "../../src/workbook/errors";
import { findSkuTable, openWorkbook } from "../../src/workbook/readWorkbook";
import { fakeWorkbook } from "../support/fakeExcel";
import { tempFolder } from "./helpers";

const folder = tempFolder("wcap-read-");
afterAll(() => folder.remove());
let files = 0;

/** Writes a workbook built by `build` and returns its path. */
async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(folder.dir, `book${++files}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

/** 2025-01-06, 2025-01-13, 2025-01-20 (Mondays) as dates and as Excel serials. */
const WEEKS = [45663, 45670, 45677];
const dateOf = (serial: number) => new Date((serial - 25_569) * 86_400_000);

const SIMPLE: (string | number | null)[][] = [
  ["SKU", "Unit Cost", "On Hand", "Lead Time", "2025-01", "2025-02", "2025-03"],
  ["A-1", 2.5, 10, 3, 4, 5, 6],
  ["A-2", 3, 0, 2, 1, null, 0],
];

describe("the same InputTable as the task pane's reader", () => {
  test("numbers, text, logicals and blanks; headers trimmed; source rows and address", async () => {
    const grid: (string | number | boolean | null)[][] = [
      ["  SKU ", "Unit Cost", "On Hand", "Lead Time", "Single Source", 45658, 45689, "Note"],
      ["A-1", 2.5, 10, 3, true, 4, 2, "  spaced  "],
      ["A-2", null, "12 pcs", 2, false, 1, null, null],
      [null, null, null, null, null, null, null, null],
      ["A-3", 1e-7, -15, 0, "yes", 0, 7, "=not a formula"],
    ];
    const path = await xlsx((wb) => wb.addWorksheet("Stock & demand").addRows(grid));
    const found = await findSkuTable(await openWorkbook(path));

    const fx = fakeWorkbook(
      { "Stock & demand": grid.map((r) => r.map((v) => (v === null ? "" : v))) },
      { selection: "'Stock & demand'!A1:H5" },
    );
    const restore = fx.installOffice();
    try {
      const office = await readSelectedTable(fx.context);
      expect(found.table).toEqual(office.table);
      expect(found.address).toBe(office.address);
    } finally {
      restore();
    }
    expect(found.table.headers).toEqual([
      "SKU",
      "Unit Cost",
      "On Hand",
      "Lead Time",
      "Single Source",
      "45658",
      "45689",
      "Note",
    ]);
    expect(found.table.rows[2]).toEqual([null, null, null, null, null, null, null, null]);
    expect(found.table.sourceRows).toEqual([2, 3, 4, 5]);
    expect(found.table.source).toBe("'Stock & demand'!A1:H5");
  });
});

describe("cells", () => {
  test("date headers arrive as their serial's digits, date cells as serial numbers", async () => {
    const path = await xlsx((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRow(["SKU", "Unit Cost", "On Hand", "Lead Time", "Last Movement", ...WEEKS.map(dateOf)]);
      ws.addRow(["A-1", 2.5, 10, 3, dateOf(45650), 4, 5, 6]);
      ws.getRow(1).eachCell((c, n) => {
        if (n > 5) c.numFmt = "dd-mmm-yy";
      });
      ws.getCell("E2").numFmt = "yyyy-mm-dd";
    });
    const found = await findSkuTable(await openWorkbook(path));
    expect(found.table.headers.slice(5)).toEqual(["45663", "45670", "45677"]);
    expect(found.table.rows[0][4]).toBe(45650);
    expect(found.columns.mapping.history).toEqual([5, 6, 7]);
    expect(found.columns.mapping.periodUnit).toBe("week");
    expect(found.columns.mapping.columns.lastMovement).toBe(4);
  });

  test("a workbook in the 1904 date system gives the same serials as the 1900 system", async () => {
    const path = await xlsx((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Data");
      ws.addRow(["SKU", "Unit Cost", "On Hand", "Lead Time", "Last Movement", ...WEEKS.map(dateOf)]);
      ws.addRow(["A-1", 2.5, 10, 3, dateOf(45650), 4, 5, 6]);
    });
    const found = await findSkuTable(await openWorkbook(path));
    expect(found.table.headers.slice(5)).toEqual(["45663", "45670", "45677"]);
    expect(found.table.rows[0][4]).toBe(45650);
  });

  test("formulas give their saved result (number, text, date, error); without one, blank and a warning", async () => {
    const path = await xlsx((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRows(SIMPLE);
      ws.getCell("B2").value = { formula: "1+1.5", result: 2.5 } as ExcelJS.CellFormulaValue;
      ws.getCell("A3").value = { formula: '"A-"&2', result: "A-2" } as ExcelJS.CellFormulaValue;
      ws.getCell("C2").value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
      ws.getCell("C3").value = { formula: "SUM(E3:G3)" } as ExcelJS.CellFormulaValue;
      ws.getCell("H1").value = "Last Movement";
      ws.getCell("H2").value = {
        formula: "DATE(2024,12,24)",
        result: dateOf(45650),
      } as ExcelJS.CellFormulaValue;
      ws.getCell("H2").numFmt = "yyyy-mm-dd";
    });
    const found = await findSkuTable(await openWorkbook(path));
    expect(found.table.rows[0].slice(0, 3)).toEqual(["A-1", 2.5, "#N/A"]);
    expect(found.table.rows[1].slice(0, 3)).toEqual(["A-2", 3, null]);
    expect(found.table.rows[0][7]).toBe(45650);
    expect(found.warnings).toEqual([
      "1 formula cell has no saved result (the file was not calculated by a spreadsheet application) and read as blank; " +
        "open and save the file in Excel first to use them.",
    ]);
  });

  test("rich text and hyperlinks as plain text, error cells as their text, covered merged cells blank", async () => {
    const path = await xlsx((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRows(SIMPLE);
      ws.getCell("A2").value = { richText: [{ text: "A-" }, { font: { bold: true }, text: "1" }] };
      ws.getCell("A3").value = { text: "A-2", hyperlink: "https://example.com/A-2" };
      ws.getCell("B3").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      ws.getCell("H1").value = "Description";
      ws.getCell("H2").value = "merged";
      ws.mergeCells("H2:H3");
    });
    const found = await findSkuTable(await openWorkbook(path));
    expect(found.table.rows.map((r) => [r[0], r[1], r[7]])).toEqual([
      ["A-1", 2.5, "merged"],
      ["A-2", "#DIV/0!", null],
    ]);
  });

  test("blank rows inside the table are kept (they become exceptions); trailing formatted rows are not read", async () => {
    const path = await xlsx((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRows([SIMPLE[0], SIMPLE[1], [], SIMPLE[2]]);
      ws.getCell("A40").numFmt = "@";
      ws.getCell("B40").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
      ws.getCell("C41").value = "";
    });
    const found = await findSkuTable(await openWorkbook(path));
    expect(found.table.rows.map((r) => r[0])).toEqual(["A-1", null, "A-2"]);
    expect(found.table.sourceRows).toEqual([2, 3, 4]);
    expect(found.address).toBe("Data!A1:G4");
  });
});

describe("finding the table", () => {
  test("messy headers map like the pane maps them; the header row is the first non-empty row", async () => {
    const path = await xlsx((wb) => {
      const ws = wb.addWorksheet("Export");
      ws.getCell("C3").value = "Item No.";
      ws.getRow(3).values = [
        undefined,
        undefined,
        "Item No.",
        "Std Cost (EUR)",
        "QOH",
        "LT (wks)",
        "Vendor Name",
        "Annual Usage",
        "CV",
      ] as ExcelJS.CellValue[];
      ws.getRow(4).values = [undefined, undefined, "X-1", 4, 5, 2, "Acme", 520, 0.4] as ExcelJS.CellValue[];
    });
    const found = await findSkuTable(await openWorkbook(path));
    expect(found.address).toBe("Export!C3:I4");
    expect(found.columns.mapping.columns).toEqual({
      sku: 0,
      unitCost: 1,
      onHand: 2,
      leadTime: 3,
      supplier: 4,
      annualDemand: 5,
      demandCv: 6,
    });
    expect(found.columns.mapping.leadTimeUnit).toBe("week");
  });

  test("without --sheet, the sheet whose header row maps best; a title row above needs --range", async () => {
    const path = await xlsx((wb) => {
      wb.addWorksheet("Notes").addRows([["Read me"], ["Some", "notes"]]);
      wb.addWorksheet("Prices").addRows([
        ["SKU", "Price"],
        ["A-1", 3],
      ]);
      const data = wb.addWorksheet("Data");
      data.addRows([["Stock report June"], [], ...SIMPLE]);
    });
    const opened = await openWorkbook(path);
    await expect(findSkuTable(opened)).rejects.toThrow(WorkbookError);
    await expect(findSkuTable(opened)).rejects.toThrow(
      /the best candidate, "Prices" \(header row 1\), has no column for unit cost, .* \(row 3 of "Data" looks like a header row: try --range "Data!A3"\)\.$/,
    );
    const found = await findSkuTable(opened, { range: "A3:G5" });
    expect(found.sheet).toBe("Data");
    expect(found.reason).toBe("the only sheet with a table"); // the range applies to every sheet tried
    expect(found.table.rows).toHaveLength(2);
    expect((await findSkuTable(opened, { sheet: "data", range: "A3:Z999" })).address).toBe("Data!A3:G5");
    expect((await findSkuTable(opened, { range: "Data!A3:G4" })).table.rows).toHaveLength(1);
  });

  test("sheets called like report sheets are only read when nothing else maps", async () => {
    const path = await xlsx((wb) => {
      wb.addWorksheet("WC Segmentation").addRows(SIMPLE);
      wb.addWorksheet("Stock").addRows(SIMPLE.slice(0, 2));
    });
    expect((await findSkuTable(await openWorkbook(path))).sheet).toBe("Stock");
  });

  test("errors name what is wrong: an unknown sheet, an empty range, a bad range", async () => {
    const path = await xlsx((wb) => wb.addWorksheet("Data").addRows(SIMPLE));
    const opened = await openWorkbook(path);
    await expect(findSkuTable(opened, { sheet: "Stock" })).rejects.toThrow(
      `${path.split("/").pop()} has no sheet "Stock" (sheets: "Data").`,
    );
    await expect(findSkuTable(opened, { sheet: "Data", range: "K1:M9" })).rejects.toThrow(
      'Sheet "Data" range K1:M9 holds no table (a header row and at least one data row).',
    );
    await expect(findSkuTable(opened, { range: "A1-Z9" })).rejects.toThrow(
      '--range "A1-Z9" is not a range like A1:Z999.',
    );
    await expect(findSkuTable(opened, { sheet: "Data", range: "Other!A1:B2" })).rejects.toThrow(
      "name different sheets",
    );
  });

  test("ranges: cells, whole columns, one corner, absolute references, a quoted sheet", () => {
    expect(parseRange("$B$3:$H$2001")).toEqual({ box: { top: 3, left: 2, bottom: 2001, right: 8 } });
    expect(parseRange("A:H").box).toEqual({ top: 1, left: 1, bottom: 1_048_576, right: 8 });
    expect(parseRange("C5").box).toEqual({ top: 5, left: 3, bottom: 1_048_576, right: 16_384 });
    expect(parseRange("'Stock ''25'!A1:B2")).toEqual({
      sheet: "Stock '25",
      box: { top: 1, left: 1, bottom: 2, right: 2 },
    });
    expect(() => parseRange("B9:A1")).toThrow(WorkbookError);
  });
});

describe("files that are not usable workbooks: one line, no stack", () => {
  const expectError = async (path: string, message: string | RegExp) => {
    const error = await openWorkbook(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  };

  test("missing, a folder, empty, text, a zip that is not a workbook", async () => {
    await expectError(join(folder.dir, "nope.xlsx"), /nope\.xlsx: no such file\.$/);
    mkdirSync(join(folder.dir, "dir.xlsx"));
    await expectError(join(folder.dir, "dir.xlsx"), /is a folder, not an \.xlsx file\.$/);
    writeFileSync(join(folder.dir, "empty.xlsx"), "");
    await expectError(join(folder.dir, "empty.xlsx"), "empty.xlsx is empty, not an .xlsx workbook.");
    writeFileSync(join(folder.dir, "data.xlsx"), "SKU,Unit Cost\nA-1,2\n");
    await expectError(join(folder.dir, "data.xlsx"), "data.xlsx is not an .xlsx workbook (not a zip package");
    const zip = new JSZip();
    zip.file("hello.txt", "hi");
    writeFileSync(join(folder.dir, "other.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    await expectError(
      join(folder.dir, "other.xlsx"),
      "other.xlsx is a zip file but not an Excel workbook (it has no xl/workbook.xml).",
    );
    writeFileSync(
      join(folder.dir, "cut.xlsx"),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]),
    );
    await expectError(
      join(folder.dir, "cut.xlsx"),
      /^cut\.xlsx is damaged: it cannot be read as a zip package/,
    );
  });

  test("an encrypted (password-protected) workbook and a legacy .xls: OLE files told apart", async () => {
    writeFileSync(join(folder.dir, "locked.xlsx"), oleFile(["EncryptionInfo", "EncryptedPackage"]));
    await expectError(
      join(folder.dir, "locked.xlsx"),
      /^locked\.xlsx is password-protected \(encrypted\): save a copy without a password/,
    );
    writeFileSync(join(folder.dir, "old.xlsx"), oleFile(["Workbook", "\u0005SummaryInformation"]));
    await expectError(
      join(folder.dir, "old.xlsx"),
      /^old\.xlsx is an Excel 97-2003 \(\.xls\) or other OLE file, not an \.xlsx/,
    );
  });
});

/** The start of an OLE compound file (MS-CFB) with directory entries of these stream names. */
function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entries = streams.map((name) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, "utf16le");
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    return entry;
  });
  return Buffer.concat([header, Buffer.alloc(512), ...entries]);
}
