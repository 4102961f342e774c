/**
 * The file writer against the Report fixtures of the Office.js writer's tests
 * (test/excel/reportFixtures.ts): the same sheets, cells, formats, tables, colour scales and
 * frozen headers, checked both directly and cell by cell against what the Office.js writer
 * writes into the fake Excel, after a round trip through the .xlsx bytes.
 */
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  CategoryChartSpec,
  CellValue,
  NUMBER_FORMATS,
  Report,
  ReportSheet,
  ScatterChartSpec,
} from "../../src/engine/report";
import { COLOR_SCALE_COLORS, TABLE_STYLE } from "../../src/engine/workbookParts/layout";
import {
  OWNED_SHEETS_NAMESPACE,
  parseOwnership,
  serializeOwnership,
} from "../../src/engine/workbookParts/ownership";
import { writeReport } from "../../src/excel/writeReport";
import { FileWriteResult, displayLength, writeReportToPackage } from "../../src/workbook/writeWorkbook";
import {
  INPUT,
  SEGMENTATION_COLUMNS,
  TRICKY_TEXT,
  exceptionsTable,
  segmentationTable,
  smallReport,
  tableSheet,
  workbookWithInput,
} from "../excel/reportFixtures";
import {
  formatsOf,
  letters,
  loadWorkbook,
  openBytes,
  tablesInFile,
  usedAddress,
  valuesOf,
  withPaneParts,
  writeToBytes,
} from "./helpers";

/** A workbook like the fixtures' input: Sheet1 holding INPUT. */
function inputWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").addRows(INPUT);
  return wb;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Writes `report` into a copy of the input workbook's file and loads the output back. */
async function written(report: Report, input: ExcelJS.Workbook | Buffer = inputWorkbook()) {
  const source = await openBytes(input instanceof ExcelJS.Workbook ? await bytesOf(input) : input);
  const { result, bytes } = await writeToBytes(source, report, { inputSheet: "Sheet1" });
  return { result, bytes, file: await loadWorkbook(bytes) };
}

/** The zip entries of .xlsx bytes, as text (binary parts as base64), by path. */
async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [path, file] of Object.entries(zip.files))
    if (!file.dir) parts.set(path, await file.async(/\.(png|bin)$/.test(path) ? "base64" : "string"));
  return parts;
}

describe("writeReportToPackage: a small report", () => {
  let result: FileWriteResult;
  let bytes: Buffer;
  let file: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ result, bytes, file } = await written(smallReport()));
  });

  test("writes every report sheet after the input sheet, marks them owned, leaves the input alone", async () => {
    expect(result.sheets).toEqual(["WC Summary", "WC Segmentation", "WC Exceptions"]);
    expect(file.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      "WC Summary",
      "WC Segmentation",
      "WC Exceptions",
    ]);
    expect(result.redirected).toEqual([]);
    expect(valuesOf(file.getWorksheet("Sheet1")!)).toEqual(INPUT);
    const zip = await JSZip.loadAsync(bytes);
    const registry = await zip.file("customXml/item1.xml")!.async("string");
    expect(registry).toContain(`xmlns="${OWNED_SHEETS_NAMESPACE}"`);
    const owned = parseOwnership([registry]);
    expect(owned.map((o) => o.name)).toEqual(result.sheets);
    // Each owned id is the xr:uid of its worksheet part.
    for (const o of owned) {
      const uid = [...result.sheetIds].find(([, id]) => id === o.id)?.[0];
      expect(uid).toBe(o.name);
      expect(o.id).toMatch(/^\{[0-9A-F-]{36}\}$/);
    }
    const sheetXml = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    for (const o of owned) expect(sheetXml.some((x) => x.includes(`xr:uid="${o.id}"`))).toBe(true);
    // Formulas that read report cells are recalculated when the file is opened.
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  test("puts each block at its position: title, KPI rows, captioned tables", async () => {
    const summary = file.getWorksheet("WC Summary")!;
    expect(summary.getCell("A1").value).toBe("Working-capital summary — Sheet1!A1:F6");
    expect(summary.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(valuesOf(summary, "A2:C3")).toEqual([
      ["Inventory value now", 1_000_000, ""],
      ["Cash release", 240_000, "Σ max(0, current − target)"],
    ]);
    expect(summary.getCell("A2").font).toMatchObject({ bold: true });
    expect(summary.getCell("B2").numFmt).toBe(NUMBER_FORMATS.currency);
    expect(summary.getCell("B4").numFmt).toBe(NUMBER_FORMATS.percent);
    expect(summary.getCell("B5").numFmt).toBe(NUMBER_FORMATS.integer);
    expect(summary.getCell("A9").value).toBe("ABC-XYZ heat map");
    expect(summary.getCell("A9").font).toMatchObject({ bold: true });
    expect((await tablesInFile(bytes)).get("WC Summary")).toEqual([
      { name: "WC_HeatMap", address: "A10:G13", style: TABLE_STYLE, stripes: true },
      { name: "WC_ReleaseBySegment", address: "A16:C19", style: TABLE_STYLE, stripes: true },
      { name: "WC_Pareto", address: "A22:C26", style: TABLE_STYLE, stripes: true },
    ]);
    expect(valuesOf(summary, "A10:C11")).toEqual([
      ["ABC", "SKUs X", "SKUs Y"],
      ["A", 10, 4],
    ]);
  });

  test("tables get per-column number formats, a frozen header on table sheets, fitted columns", async () => {
    const seg = file.getWorksheet("WC Segmentation")!;
    expect((await tablesInFile(bytes)).get("WC Segmentation")).toEqual([
      { name: "WC_Segmentation", address: "A1:O7", style: TABLE_STYLE, stripes: true },
    ]);
    SEGMENTATION_COLUMNS.forEach((c, j) => {
      expect([c.key, seg.getCell(`${letters(j + 1)}2`).numFmt]).toEqual([c.key, NUMBER_FORMATS[c.format]]);
      expect(seg.getCell(`${letters(j + 1)}7`).numFmt).toBe(NUMBER_FORMATS[c.format]);
    });
    expect(seg.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect((file.getWorksheet("WC Summary")!.views ?? []).filter((v) => v.state === "frozen")).toEqual([]);
    // Widths fit the content: the policy column is wider than the ABC column, none absurd.
    const width = (c: number) => seg.getColumn(c).width ?? 0;
    expect(width(15)).toBeGreaterThan(width(3));
    for (let c = 1; c <= 15; c++) expect(width(c)).toBeGreaterThanOrEqual(6);
    for (let c = 1; c <= 15; c++) expect(width(c)).toBeLessThanOrEqual(60);
  });

  test("the heat map gets three-colour scales: SKU counts and values each on their own", () => {
    const summary = file.getWorksheet("WC Summary")!;
    const scales = (
      summary as unknown as { conditionalFormattings: { ref: string; rules: ExcelJS.ColorScaleRuleType[] }[] }
    ).conditionalFormattings;
    expect(scales.map((s) => [s.rules[0].type, s.ref])).toEqual([
      ["colorScale", "B11:D13"],
      ["colorScale", "E11:G13"],
    ]);
    const argb = (hex: string) => `FF${hex.slice(1)}`;
    expect(scales[0].rules[0].cfvo).toEqual([
      { type: "min" },
      { type: "percentile", value: 50 },
      { type: "max" },
    ]);
    expect(scales[0].rules[0].color?.map((c) => c.argb)).toEqual([
      argb(COLOR_SCALE_COLORS.minimum),
      argb(COLOR_SCALE_COLORS.midpoint),
      argb(COLOR_SCALE_COLORS.maximum),
    ]);
  });

  test("charts are pictures at their cell, at their size (points → pixels), drawn at twice the resolution", () => {
    const summary = file.getWorksheet("WC Summary")!;
    const images = summary.getImages();
    expect(result.charts).toBe(2);
    expect(images.map((i) => [i.range.tl.nativeCol, i.range.tl.nativeRow])).toEqual([
      [9, 1],
      [9, 16],
    ]);
    expect(images.map((i) => (i.range as unknown as { ext: unknown }).ext)).toEqual([
      { width: 640, height: 347 },
      { width: 640, height: 293 },
    ]);
    const png = file.getImage(Number(images[0].imageId)).buffer as unknown as Buffer;
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 694]);
  });
});

describe("writeReportToPackage: the same cells as the Office.js writer", () => {
  test.each([
    ["the small report", () => smallReport()],
    ["tricky text", () => trickyReport()],
    ["an empty table", (): Report => ({ sheets: [tableSheet("WC Exceptions", exceptionsTable())] })],
  ])("%s", async (_, make) => {
    const fx = workbookWithInput();
    await writeReport(fx.context, make(), { inputAddress: "Sheet1!A1:E3" });
    const { file, bytes } = await written(make());
    const fileTables = await tablesInFile(bytes);

    expect(file.worksheets.map((w) => w.name)).toEqual(fx.sheetNames());
    for (const name of fx.sheetNames()) {
      const office = fx.sheet(name);
      const ws = file.getWorksheet(name)!;
      const used = office.usedAddress();
      expect([name, usedAddress(ws)]).toEqual([name, used]);
      expect([name, valuesOf(ws, used)]).toEqual([name, office.values(used)]);
      if (name === "Sheet1") continue;
      // Number formats of every cell the Office writer formatted, table bodies included.
      const all = [used, ...office.tables().map((t) => t.address)];
      for (const address of all) {
        const [first, last = first] = address.split(":");
        const firstCell = /^([A-Z]+)(\d+)$/.exec(first)!;
        const lastCell = /^([A-Z]+)(\d+)$/.exec(last)!;
        const rows = Number(lastCell[2]) - Number(firstCell[2]) + 1;
        const officeFormats = Array.from({ length: rows }, (_, r) =>
          office
            .values(`${firstCell[1]}${Number(firstCell[2]) + r}:${lastCell[1]}${Number(firstCell[2]) + r}`)[0]
            .map((__, c) =>
              office.numberFormat(`${letters(columnNumber(firstCell[1]) + c)}${Number(firstCell[2]) + r}`),
            ),
        );
        expect([name, address, formatsOf(ws, address)]).toEqual([name, address, officeFormats]);
      }
      expect([
        name,
        fileTables.get(name)?.map(({ name: n, address, style }) => ({ name: n, address, style })),
      ]).toEqual([name, office.tables()]);
      expect([name, (ws.views ?? []).some((v) => v.state === "frozen" && v.ySplit === 1) ? 1 : 0]).toEqual([
        name,
        office.frozenRows,
      ]);
      const scales = (
        ws as unknown as { conditionalFormattings: { ref: string }[] }
      ).conditionalFormattings.map((s) => s.ref);
      expect([name, scales]).toEqual([name, office.conditionalFormats().map((c) => c.address)]);
      // Charts: one picture per native chart, at the chart's cell.
      const pictures = ws
        .getImages()
        .map((i) => `${letters(i.range.tl.nativeCol + 1)}${i.range.tl.nativeRow + 1}`);
      expect([name, pictures]).toEqual([name, office.charts().map((c) => c.position)]);
      // Bold and font sizes where the Office writer set them.
      for (const font of office.fonts()) {
        const [a] = font.address.split(":");
        const cellFont = ws.getCell(a).font ?? {};
        if (font.bold !== undefined) expect([name, a, cellFont.bold]).toEqual([name, a, font.bold]);
        if (font.size !== undefined) expect([name, a, cellFont.size]).toEqual([name, a, font.size]);
      }
    }
  });
});

function columnNumber(column: string): number {
  let n = 0;
  for (const ch of column) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function trickyReport(): Report {
  const tricky = TRICKY_TEXT.map((t, i) => {
    const row = segmentationTable(1).rows[0].slice();
    row[0] = t;
    row[1] = TRICKY_TEXT[(i + 1) % TRICKY_TEXT.length];
    row[9] = i % 2 === 0 ? "=1+1" : "-";
    return row;
  });
  const report = smallReport(2, tricky);
  report.sheets[0].blocks[0] = { kind: "title", at: { row: 0, column: 0 }, text: '=HYPERLINK("http://x")' };
  return report;
}

describe("writeReportToPackage: text, names and failures", () => {
  test("text that starts with = + - @ (or looks like a number or date) stays text, without an apostrophe", async () => {
    const { file, bytes } = await written(trickyReport());
    const zip = await JSZip.loadAsync(bytes);
    for (const path of Object.keys(zip.files).filter((p) => p.startsWith("xl/worksheets/sheet"))) {
      expect([path, await zip.file(path)!.async("string")]).not.toEqual([
        path,
        expect.stringContaining("<f>"),
      ]);
    }
    const seg = file.getWorksheet("WC Segmentation")!;
    TRICKY_TEXT.forEach((t, i) => {
      expect(seg.getCell(`A${i + 2}`).value).toBe(t);
      expect(seg.getCell(`B${i + 2}`).value).toBe(TRICKY_TEXT[(i + 1) % TRICKY_TEXT.length]);
      expect(seg.getCell(`J${i + 2}`).value).toBe(i % 2 === 0 ? "=1+1" : "-");
    });
    expect(seg.getCell("A9").value).toBe("'quoted"); // the apostrophe is the text's own
    const summary = file.getWorksheet("WC Summary")!;
    expect(summary.getCell("A1").value).toBe('=HYPERLINK("http://x")');
    expect(summary.getCell("B6").value).toBe("=Acme");
    expect(summary.getCell("B6").numFmt).toBe("@");
    expect(summary.getCell("A23").value).toBe("25%");
    expect(file.getWorksheet("WC Exceptions")!.getCell("C2").value).toBe(
      "-missing cost; text in a numeric cell",
    );
  });

  test("an empty table is still a table: header plus one empty row", async () => {
    const { file, bytes } = await written({ sheets: [tableSheet("WC Exceptions", exceptionsTable())] });
    expect((await tablesInFile(bytes)).get("WC Exceptions")).toEqual([
      { name: "WC_Exceptions", address: "A1:C2", style: TABLE_STYLE, stripes: true },
    ]);
    expect(valuesOf(file.getWorksheet("WC Exceptions")!)).toEqual([["Row", "SKU", "Reason"]]);
    expect(file.getWorksheet("WC Exceptions")!.getCell("B2").numFmt).toBe("@");
  });

  test("a table name a user's table already has gets a suffix; the user's table is kept", async () => {
    const wb = inputWorkbook();
    const data = wb.addWorksheet("Data");
    data.addTable({ name: "WC_Pareto", ref: "A1", columns: [{ name: "a" }, { name: "b" }], rows: [[1, 2]] });
    const { result, bytes } = await written(smallReport(), wb);
    expect(result.renamedTables).toEqual({ WC_Pareto: "WC_Pareto_2" });
    const tables = await tablesInFile(bytes);
    expect(tables.get("WC Summary")!.map((t) => t.name)).toContain("WC_Pareto_2");
    expect(tables.get("Data")!.map((t) => [t.name, t.address])).toEqual([["WC_Pareto", "A1:B2"]]);
  });

  test("a user's sheet named like a report sheet is not touched: the report goes to “… (2)”", async () => {
    const wb = inputWorkbook();
    wb.addWorksheet("WC Summary").getCell("A1").value = "my own summary";
    const { result, file } = await written(smallReport(), wb);
    expect(result.sheets).toEqual(["WC Summary (2)", "WC Segmentation", "WC Exceptions"]);
    expect(result.redirected).toEqual([
      {
        requested: "WC Summary",
        written: "WC Summary (2)",
        skipped: [{ name: "WC Summary", reason: "not-owned" }],
      },
    ]);
    expect(valuesOf(file.getWorksheet("WC Summary")!)).toEqual([["my own summary"]]);
    expect(file.getWorksheet("WC Summary (2)")!.getCell("A2").value).toBe("Inventory value now");
  });

  test("an owned sheet is replaced in place: same tab position, same id; other sheets byte for byte", async () => {
    const wb = inputWorkbook();
    const old = wb.addWorksheet("WC Segmentation");
    old.getCell("Z99").value = "stale";
    old.properties.tabColor = { argb: "FF00B050" };
    const later = wb.addWorksheet("Later");
    later.getCell("A1").value = { formula: "Sheet1!B2*2", result: 5 } as ExcelJS.CellFormulaValue;
    later.getCell("B2").value = "=not a formula";
    const input = await withPaneParts(
      await bytesOf(wb),
      new Map([["WC Segmentation", "{0000000A-0000-0000-0000-000000000001}"]]),
      [
        new TextEncoder().encode(
          serializeOwnership([{ id: "{0000000A-0000-0000-0000-000000000001}", name: "WC Segmentation" }]),
        ),
      ],
    );
    const { result, bytes, file } = await written(smallReport(), input);
    expect(file.worksheets.map((w) => w.name)).toEqual([
      "Sheet1",
      "WC Segmentation",
      "Later",
      "WC Summary",
      "WC Exceptions",
    ]);
    expect(file.getWorksheet("WC Segmentation")!.getCell("Z99").value).toBeNull();
    expect(file.getWorksheet("WC Segmentation")!.properties.tabColor).toEqual({ argb: "FF00B050" });
    expect(result.sheetIds.get("WC Segmentation")).toBe("{0000000A-0000-0000-0000-000000000001}");
    expect(result.owned.map((o) => o.id)).toContain("{0000000A-0000-0000-0000-000000000001}");
    // Sheets the add-in does not own: their parts are the input's, byte for byte.
    const [before, after] = await Promise.all([partsOf(input), partsOf(bytes)]);
    for (const part of [
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet3.xml",
      "xl/sharedStrings.xml",
      "xl/theme/theme1.xml",
    ]) {
      expect([part, after.get(part)]).toEqual([part, before.get(part)]);
    }
    expect(after.get("xl/worksheets/sheet3.xml")).toContain("<f>Sheet1!B2*2</f>");
    // The stored (compressed) bytes are copied too, not re-compressed.
    const rawOf = async (b: Uint8Array, part: string) =>
      (await JSZip.loadAsync(b))
        .file(part)!
        .async("uint8array")
        .then((x) => Buffer.from(x).toString("base64"));
    expect(await rawOf(bytes, "xl/worksheets/sheet1.xml")).toBe(
      await rawOf(input, "xl/worksheets/sheet1.xml"),
    );
  });

  test("pictures of replaced sheets are dropped, a user's pictures kept", async () => {
    const first = await written(smallReport());
    const wb = await loadWorkbook(first.bytes);
    const logo = wb.addImage({ buffer: first.file.getImage(0).buffer, extension: "png" });
    wb.getWorksheet("Sheet1")!.addImage(logo, { tl: { col: 6, row: 0 }, ext: { width: 64, height: 32 } });
    // exceljs drops sheet ids and custom XML when it saves: put back what the first run stored.
    const input = await withPaneParts(await bytesOf(wb), first.result.sheetIds, [
      new TextEncoder().encode(serializeOwnership(first.result.owned)),
    ]);
    const { result, bytes, file: again } = await written(smallReport(), input);
    expect(result.sheets).toEqual(["WC Summary", "WC Segmentation", "WC Exceptions"]);
    expect(result.redirected).toEqual([]);
    expect((again as unknown as { media: unknown[] }).media).toHaveLength(3);
    expect(again.getWorksheet("Sheet1")!.getImages()).toHaveLength(1);
    expect(again.getWorksheet("WC Summary")!.getImages()).toHaveLength(2);
    const parts = await partsOf(bytes);
    expect([...parts.keys()].filter((p) => p.startsWith("xl/media/"))).toHaveLength(3);
    expect([...parts.keys()].filter((p) => p.startsWith("xl/drawings/drawing"))).toHaveLength(2);
  });

  test("a malformed report fails before anything is written", async () => {
    const source = await openBytes(await bytesOf(inputWorkbook()));
    const report = smallReport();
    report.sheets[1].blocks[0] = {
      kind: "table",
      at: { row: 0, column: 0 },
      table: { ...segmentationTable(2), rows: [[1, 2]] },
    };
    let written = 0;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done();
      },
    });
    await expect(writeReportToPackage(source, report, out)).rejects.toThrow(
      "Row 1 of table WC_Segmentation has 2 values for 15 columns.",
    );
    expect(written).toBe(0);
  });

  test("a chart that cannot be drawn is skipped with a warning, the rest is written", async () => {
    const report = smallReport();
    report.sheets[0].charts[0] = { ...(report.sheets[0].charts[0] as CategoryChartSpec), series: ["nope"] };
    report.sheets[0].charts[1] = { ...report.sheets[0].charts[1], width: 20 };
    const { result, file, bytes } = await written(report);
    expect(result.charts).toBe(0);
    expect(result.warnings).toEqual([
      'Chart "Pareto: cumulative share of annual value" on WC Summary was skipped: column "nope" is not in table WC_Pareto.',
      'Chart "Cash release by archetype" on WC Summary was skipped: 20 × 220 points is too small to draw.',
    ]);
    expect(file.getWorksheet("WC Summary")!.getCell("A2").value).toBe("Inventory value now");
    expect([...(await partsOf(bytes)).keys()].filter((p) => /^xl\/(media|drawings)\//.test(p))).toEqual([]);
  });

  test("an XY scatter chart (the frontier) is a picture too; one without points is skipped with a warning", async () => {
    const frontier = (rows: CellValue[][]): ReportSheet => ({
      name: "WC Stress Test",
      blocks: [
        {
          kind: "table",
          at: { row: 0, column: 0 },
          table: {
            name: "WC_Frontier",
            columns: [
              { key: "fill", header: "Fill rate", format: "percent" },
              { key: "cash", header: "Inventory value", format: "currency" },
            ],
            rows,
          },
        },
      ],
      charts: [
        {
          kind: "scatter",
          title: "Service vs cash",
          at: { row: 0, column: 4 },
          width: 480,
          height: 288,
          xTitle: "Fill rate",
          yTitle: "Inventory value",
          series: [
            { name: "Frontier", table: "WC_Frontier", x: "fill", y: "cash", line: true },
            { name: "Points", table: "WC_Frontier", x: "fill", y: "cash", line: false },
          ],
        } satisfies ScatterChartSpec,
      ],
      colorScales: [],
      freezeHeader: true,
    });
    const drawn = await written({
      sheets: [
        frontier([
          [0.9, 1_000_000],
          [0.95, 1_300_000],
          [0.99, 2_100_000],
        ]),
      ],
    });
    expect(drawn.result.charts).toBe(1);
    expect(drawn.result.warnings).toEqual([]);
    const images = drawn.file.getWorksheet("WC Stress Test")!.getImages();
    expect(images.map((i) => [i.range.tl.nativeCol, i.range.tl.nativeRow])).toEqual([[4, 0]]);
    expect((images[0].range as unknown as { ext: unknown }).ext).toEqual({ width: 640, height: 384 });

    const empty = await written({
      sheets: [
        frontier([
          [null, 1],
          ["n/a", 2],
        ]),
      ],
    });
    expect(empty.result.charts).toBe(0);
    expect(empty.result.warnings).toEqual([
      'Chart "Service vs cash" on WC Stress Test was skipped: it has no points to draw.',
    ]);
    expect(empty.file.getWorksheet("WC Stress Test")!.getCell("A2").value).toBeNull();
    expect(empty.file.getWorksheet("WC Stress Test")!.getCell("A3").value).toBe("n/a");
  });

  test("display lengths for column widths follow the number formats", () => {
    expect(displayLength(1234567.891, "currency")).toBe("1,234,567.89".length);
    expect(displayLength(-0.1234, "percent")).toBe("-12.3%".length);
    expect(displayLength(45_000, "date")).toBe(10);
    expect(displayLength(12, "integer")).toBe(2);
    expect(displayLength(null, "text")).toBe(0);
  });
});
