/** writeReport against the recording fake: layout, formats, text safety, charts, chunking, payloads, cancel, restore. */
import { CategoryChartSpec, NUMBER_FORMATS, Report } from "../../src/engine/report";
import { COLOR_SCALE_COLORS } from "../../src/engine/workbookParts/layout";
import { WriteCancelledError, writeReport } from "../../src/excel/writeReport";
import { FakeExcel, FakeRequest, PAYLOAD_LIMIT } from "../support/fakeExcel";
import {
  SEGMENTATION_COLUMNS,
  TRICKY_TEXT,
  exceptionsTable,
  segmentationTable,
  smallReport,
  summarySheet,
  tableSheet,
  workbookWithInput,
} from "./reportFixtures";

const INPUT_ADDRESS = "Sheet1!A1:E3";

/** Requests of one sheet that changed something, in the order Excel applied them. */
function writesOn(fx: FakeExcel, sheet: string): FakeRequest[] {
  return fx.requests
    .filter((r) => r.sheet === sheet && r.kind !== "load" && r.seq > 0)
    .sort((a, b) => a.seq - b.seq);
}

/** Row counts of the value chunks written below the header of a table at A1. */
function chunkRowCounts(fx: FakeExcel, sheet: string): number[] {
  return writesOn(fx, sheet)
    .filter((r) => r.member === "values" && !r.address!.startsWith("A1:"))
    .map((r) => Number(r.value!.split("×")[0]));
}

function bigReport(rows: number): Report {
  return {
    sheets: [
      summarySheet(),
      tableSheet("WC Segmentation", segmentationTable(rows)),
      tableSheet("WC Exceptions", exceptionsTable()),
    ],
  };
}

describe("writeReport: a small report", () => {
  test("writes every report sheet, marks them owned, and leaves the input sheet alone", async () => {
    const fx = workbookWithInput();
    const before = fx.sheet("Sheet1").values();
    const result = await writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS });

    expect(result.sheets).toEqual(["WC Summary", "WC Segmentation", "WC Exceptions"]);
    expect(fx.sheetNames()).toEqual(["Sheet1", "WC Summary", "WC Segmentation", "WC Exceptions"]);
    expect(result.redirected).toEqual([]);
    expect(result.syncs).toBe(fx.syncCount);
    // 1 to read the workbook, 1 for all the (small) sheets, 1 to mark the new sheets as owned.
    expect(fx.syncCount).toBe(3);
    const [marker] = fx.liveXmlParts();
    for (const name of result.sheets) expect(marker.xml).toContain(`id="${fx.sheet(name).id}"`);
    expect(fx.sheet("Sheet1").values()).toEqual(before);
    expect(writesOn(fx, "Sheet1")).toEqual([]);
  });

  test("puts each block at its position: title, KPI rows, captioned tables", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS });
    const summary = fx.sheet("WC Summary");

    expect(summary.cell("A1")).toBe("Working-capital summary — Sheet1!A1:F6");
    expect(summary.fonts()).toContainEqual({ address: "A1", bold: undefined, size: 14 });
    expect(summary.values("A2:C3")).toEqual([
      ["Inventory value now", 1_000_000, ""],
      ["Cash release", 240_000, "Σ max(0, current − target)"],
    ]);
    expect(summary.numberFormat("B2")).toBe(NUMBER_FORMATS.currency);
    expect(summary.numberFormat("B4")).toBe(NUMBER_FORMATS.percent);
    expect(summary.numberFormat("B5")).toBe(NUMBER_FORMATS.integer);
    // A table block with a caption: caption in its first row, the table right below.
    expect(summary.cell("A9")).toBe("ABC-XYZ heat map");
    expect(summary.tables()).toEqual([
      { name: "WC_HeatMap", address: "A10:G13", style: "TableStyleMedium2" },
      { name: "WC_ReleaseBySegment", address: "A16:C19", style: "TableStyleMedium2" },
      { name: "WC_Pareto", address: "A22:C26", style: "TableStyleMedium2" },
    ]);
    expect(summary.values("A10:C11")).toEqual([
      ["ABC", "SKUs X", "SKUs Y"],
      ["A", 10, 4],
    ]);
  });

  test("tables get per-column number formats, a frozen header on table sheets, fitted columns", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS });
    const seg = fx.sheet("WC Segmentation");

    expect(seg.tables()).toEqual([{ name: "WC_Segmentation", address: "A1:O7", style: "TableStyleMedium2" }]);
    SEGMENTATION_COLUMNS.forEach((c, j) => {
      expect([c.key, seg.numberFormat(`${String.fromCharCode(65 + j)}2`)]).toEqual([
        c.key,
        NUMBER_FORMATS[c.format],
      ]);
      expect(seg.numberFormat(`${String.fromCharCode(65 + j)}7`)).toBe(NUMBER_FORMATS[c.format]);
    });
    expect(seg.frozenRows).toBe(1);
    expect(fx.sheet("WC Summary").frozenRows).toBe(0);
    expect(seg.autofits()).toContain("A1:O7");
  });

  test("an empty table is still a table: header plus one empty row", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, { sheets: [tableSheet("WC Exceptions", exceptionsTable())] });
    expect(fx.sheet("WC Exceptions").tables()).toEqual([
      { name: "WC_Exceptions", address: "A1:C2", style: "TableStyleMedium2" },
    ]);
    expect(fx.sheet("WC Exceptions").values()).toEqual([["Row", "SKU", "Reason"]]);
  });

  test("text that starts with = + - @ (or looks like a number or date) stays text, everywhere", async () => {
    const fx = workbookWithInput();
    const tricky = TRICKY_TEXT.map((t, i) => {
      const row = segmentationTable(1).rows[0].slice();
      row[0] = t; // SKU (text column)
      row[1] = TRICKY_TEXT[(i + 1) % TRICKY_TEXT.length]; // description (text column)
      row[9] = i % 2 === 0 ? "=1+1" : "-"; // a string in a currency column
      return row;
    });
    const report = smallReport(2, tricky);
    report.sheets[0].blocks[0] = { kind: "title", at: { row: 0, column: 0 }, text: '=HYPERLINK("http://x")' };
    await writeReport(fx.context, report, { inputAddress: INPUT_ADDRESS });

    for (const name of fx.sheetNames()) expect([name, fx.sheet(name).formulaCells()]).toEqual([name, []]);
    const seg = fx.sheet("WC Segmentation");
    TRICKY_TEXT.forEach((t, i) => {
      expect(seg.cell(`A${i + 2}`)).toBe(t);
      expect(seg.cell(`B${i + 2}`)).toBe(TRICKY_TEXT[(i + 1) % TRICKY_TEXT.length]);
      expect(seg.cell(`J${i + 2}`)).toBe(i % 2 === 0 ? "=1+1" : "-");
    });
    expect(fx.sheet("WC Summary").cell("A1")).toBe('=HYPERLINK("http://x")');
    expect(fx.sheet("WC Summary").cell("B6")).toBe("=Acme"); // a text KPI
    expect(fx.sheet("WC Summary").cell("A23")).toBe("25%"); // pareto labels are not numbers
    expect(fx.sheet("WC Exceptions").cell("C2")).toBe("-missing cost; text in a numeric cell");
  });

  test("order: '@' on text columns, then values, then number formats, then the table", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, bigReport(25_000), { inputAddress: INPUT_ADDRESS, chunkRows: 10_000 });
    const writes = writesOn(fx, "WC Segmentation");
    const seqOf = (pred: (r: FakeRequest) => boolean) => writes.filter(pred).map((r) => r.seq);
    const body = (r: FakeRequest) => !r.address!.startsWith("A1:") && r.address !== "A1";
    const textFormats = seqOf((r) => r.member === "numberFormat" && r.value === "@");
    const values = seqOf((r) => r.member === "values" && body(r));
    const formats = seqOf((r) => r.member === "numberFormat" && r.value !== "@");
    const [tableAdd] = seqOf((r) => r.member === "tables.add");

    expect(values).toHaveLength(3);
    expect(Math.max(...textFormats)).toBeLessThan(Math.min(...values));
    expect(Math.max(...values)).toBeLessThan(Math.min(...formats));
    expect(Math.max(...values)).toBeLessThan(tableAdd);
    // and the table is created before it is named and styled
    expect(seqOf((r) => r.member === "name" || r.member === "style").every((s) => s > tableAdd)).toBe(true);
  });

  test("charts: the right types, series from table columns, pareto line on the secondary axis, placed and sized", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS });
    const [pareto, bar] = fx.sheet("WC Summary").charts();

    expect(pareto).toEqual({
      type: "ColumnClustered",
      title: "Pareto: cumulative share of annual value",
      position: "J2",
      width: 480,
      height: 260,
      series: [
        {
          name: "Annual value",
          values: "B23:B26",
          xValues: "A23:A26",
          chartType: undefined,
          axisGroup: "Primary",
        },
        {
          name: "Cumulative share of value",
          values: "C23:C26",
          xValues: "A23:A26",
          chartType: "Line",
          axisGroup: "Secondary",
        },
      ],
      axes: { category: {}, value: {} },
    });
    expect(bar.type).toBe("BarClustered");
    expect(bar.position).toBe("J17");
    expect(bar.series.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ["Cash release", "B17:B19", "A17:A19"],
      ["of which SLOB", "C17:C19", "A17:A19"],
    ]);
  });

  test("the heat map gets three-colour scales: SKU counts and values each on their own", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS });
    const scales = fx.sheet("WC Summary").conditionalFormats();

    expect(scales.map((s) => [s.type, s.address])).toEqual([
      ["ColorScale", "B11:D13"],
      ["ColorScale", "E11:G13"],
    ]);
    expect(scales[0].criteria).toEqual({
      minimum: { type: "LowestValue", color: COLOR_SCALE_COLORS.minimum },
      midpoint: { type: "Percentile", formula: "50", color: COLOR_SCALE_COLORS.midpoint },
      maximum: { type: "HighestValue", color: COLOR_SCALE_COLORS.maximum },
    });
  });

  test("a table name already used by a user's table gets a suffix, and charts follow", async () => {
    const fx = workbookWithInput();
    // A user's table named like the report's on their own sheet.
    fx.addSheet("Data", [
      ["a", "b"],
      [1, 2],
    ]);
    fx.tables.push({
      kind: "table",
      id: "u1",
      name: "WC_Pareto",
      sheet: fx.sheetNamed("Data")!,
      box: { row: 0, column: 0, rows: 2, columns: 2 },
      style: "TableStyleLight1",
      deleted: false,
    });
    const result = await writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS });
    expect(result.renamedTables).toEqual({ WC_Pareto: "WC_Pareto_2" });
    expect(
      fx
        .sheet("WC Summary")
        .tables()
        .map((t) => t.name),
    ).toContain("WC_Pareto_2");
    expect(fx.sheet("Data").tables()).toEqual([
      { name: "WC_Pareto", address: "A1:B2", style: "TableStyleLight1" },
    ]);
  });

  test("a malformed report fails before anything is written", async () => {
    const fx = workbookWithInput();
    const report = smallReport();
    report.sheets[1].blocks[0] = {
      kind: "table",
      at: { row: 0, column: 0 },
      table: { ...segmentationTable(2), rows: [[1, 2]] },
    };
    await expect(writeReport(fx.context, report)).rejects.toThrow(
      "Row 1 of table WC_Segmentation has 2 values for 15 columns.",
    );
    const chart = smallReport();
    chart.sheets[0].charts[0] = { ...(chart.sheets[0].charts[0] as CategoryChartSpec), series: ["nope"] };
    await expect(writeReport(fx.context, chart)).rejects.toThrow("refers to column nope");
    expect(fx.syncCount).toBe(0);
  });
});

describe("writeReport: 100,000 rows", () => {
  test("syncs grow with chunks only, chunks hold 5,000–20,000 rows, every request stays under 5 MB", async () => {
    const fx = workbookWithInput();
    const progress: [number, number][] = [];
    const result = await writeReport(fx.context, bigReport(100_000), {
      inputAddress: INPUT_ADDRESS,
      onProgress: (done, total) => progress.push([done, total]),
    });

    const chunks = chunkRowCounts(fx, "WC Segmentation");
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(chunks.slice(0, -1).every((n) => n >= 5_000 && n <= 10_000)).toBe(true);
    // read (1) + one per chunk + finish (1) + mark new sheets (1)
    expect(result.syncs).toBe(fx.syncCount);
    expect(fx.syncCount).toBeLessThanOrEqual(2 + Math.ceil(100_000 / 10_000) + 2);
    expect(fx.largestRequestBytes()).toBeLessThan(PAYLOAD_LIMIT);
    expect(result.largestPayloadBytes).toBeLessThan(PAYLOAD_LIMIT);
    // The writer's estimate is within 15% of the fake's own count of the same requests.
    expect(
      Math.abs(result.largestPayloadBytes - fx.largestRequestBytes()) / fx.largestRequestBytes(),
    ).toBeLessThan(0.15);
    // rows of every table: heat map 3, release 3, pareto 4, segmentation 100,000, exceptions none
    expect(progress.at(-1)).toEqual([100_010, 100_010]);
    expect(progress.length).toBe(fx.syncCount - 1); // after every sync but the read
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(fx.sheet("WC Segmentation").tables()).toEqual([
      { name: "WC_Segmentation", address: "A1:O100001", style: "TableStyleMedium2" },
    ]);
    expect(fx.sheet("WC Segmentation").cell("A100001")).toBe("SKU-100000");

    console.log(
      `100,000 rows × 15 columns: ${fx.syncCount} syncs, chunks ${chunks.join("/")}, ` +
        `largest request ${fx.largestRequestBytes()} bytes (writer's estimate ${result.largestPayloadBytes})`,
    );
  });

  test("the sync count does not depend on the rows within a chunk", async () => {
    const counts: number[] = [];
    for (const rows of [1_000, 9_000]) {
      const fx = workbookWithInput();
      await writeReport(fx.context, bigReport(rows), { inputAddress: INPUT_ADDRESS });
      counts.push(fx.syncCount);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  test("larger chunks, fewer syncs; a wide table gets smaller chunks to stay under the payload limit", async () => {
    const fx = workbookWithInput();
    await writeReport(fx.context, bigReport(100_000), { inputAddress: INPUT_ADDRESS, chunkRows: 20_000 });
    expect(
      chunkRowCounts(fx, "WC Segmentation")
        .slice(0, -1)
        .every((n) => n <= 20_000),
    ).toBe(true);
    expect(fx.largestRequestBytes()).toBeLessThan(PAYLOAD_LIMIT);

    const wide = workbookWithInput();
    const columns = Array.from({ length: 40 }, (_, j) => ({
      key: `c${j}`,
      header: `Column ${j}`,
      format: "text" as const,
    }));
    const text = "x".repeat(30);
    const table = {
      name: "WC_Wide",
      columns,
      rows: Array.from({ length: 20_000 }, () => columns.map(() => text)),
    };
    await writeReport(wide.context, { sheets: [tableSheet("WC Wide", table)] });
    const wideChunks = chunkRowCounts(wide, "WC Wide");
    expect(wideChunks.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(Math.max(...wideChunks)).toBeLessThan(10_000); // ~1,300 bytes a row: about 3,000 rows per request
    expect(wide.largestRequestBytes()).toBeLessThan(PAYLOAD_LIMIT);
  });
});

describe("writeReport: calculation, screen updating, cancel and failures", () => {
  test("calculation is manual while writing, screen updating suspended per request, both given back", async () => {
    const fx = workbookWithInput();
    const modes = new Set<string>();
    const writeValues = fx.writeValues.bind(fx);
    fx.writeValues = (range, values) => {
      modes.add(`${fx.calculationMode}/${fx.screenUpdatingSuspended}`);
      writeValues(range, values);
    };
    await writeReport(fx.context, bigReport(30_000), { inputAddress: INPUT_ADDRESS });
    expect([...modes]).toEqual(["Manual/true"]);
    expect(fx.calculationMode).toBe("Automatic");
    expect(fx.screenUpdatingSuspensions).toBe(fx.syncCount - 1);
  });

  test("a workbook already in manual calculation stays manual and is not touched", async () => {
    const fx = workbookWithInput({}, { calculationMode: "Manual" });
    await writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS });
    expect(fx.calculationMode).toBe("Manual");
    expect(fx.requests.filter((r) => r.member === "calculationMode" && r.kind === "set")).toEqual([]);
  });

  test("the calculation mode is restored when a sync throws, and the half-written sheet removed", async () => {
    const fx = workbookWithInput();
    fx.failSync(4, new Error("network"), 3);
    await expect(writeReport(fx.context, bigReport(50_000), { inputAddress: INPUT_ADDRESS })).rejects.toThrow(
      "network",
    );
    expect(fx.calculationMode).toBe("Automatic");
    expect(fx.sheetNames()).toEqual(["Sheet1", "WC Summary"]);
    const [marker] = fx.liveXmlParts();
    expect(marker.xml).toContain(fx.sheet("WC Summary").id);
    expect(marker.xml).not.toContain("WC Segmentation");
  });

  test("the calculation mode is restored even when the first write request fails", async () => {
    const fx = workbookWithInput();
    fx.failSync(2, new Error("boom"));
    await expect(writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS })).rejects.toThrow(
      "boom",
    );
    expect(fx.calculationMode).toBe("Automatic");
  });

  test("cancel between chunks: finished sheets stay, the half-written one goes, the error says which", async () => {
    const fx = workbookWithInput();
    const abort = new AbortController();
    const error = await writeReport(fx.context, bigReport(100_000), {
      inputAddress: INPUT_ADDRESS,
      signal: abort.signal,
      onProgress: (done) => done >= 20_000 && abort.abort(),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WriteCancelledError);
    expect((error as WriteCancelledError).sheets).toEqual(["WC Summary"]);
    expect((error as Error).name).toBe("AbortError");
    expect(fx.sheetNames()).toEqual(["Sheet1", "WC Summary"]);
    expect(fx.calculationMode).toBe("Automatic");
    expect(chunkRowCounts(fx, "WC Segmentation").reduce((a, b) => a + b, 0)).toBeLessThan(40_000);
    expect(fx.liveXmlParts()[0].xml).not.toContain("WC Segmentation");
  });

  test("an already aborted signal writes nothing", async () => {
    const fx = workbookWithInput();
    const abort = new AbortController();
    abort.abort();
    await expect(writeReport(fx.context, smallReport(), { signal: abort.signal })).rejects.toBeInstanceOf(
      WriteCancelledError,
    );
    expect(fx.syncCount).toBe(0);
  });

  test("an older Excel (ExcelApi 1.7): no manual calculation, no screen-update suspension, no secondary axis — still written", async () => {
    const fx = workbookWithInput({}, { excelApi: "1.7" });
    await writeReport(fx.context, smallReport(), { inputAddress: INPUT_ADDRESS });
    expect(
      fx.requests.filter((r) => /calculationMode|suspendScreenUpdating|axisGroup/.test(r.member)),
    ).toEqual([]);
    expect(fx.sheet("WC Summary").charts()[0].series[1]).toMatchObject({
      chartType: "Line",
      axisGroup: "Primary",
    });
    expect(fx.sheet("WC Segmentation").frozenRows).toBe(1);
  });
});
