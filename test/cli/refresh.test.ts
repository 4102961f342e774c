/**
 * `wcap refresh` end to end on the seeded sample workbook (2,000 SKUs × 104 weeks, written with
 * exceljs): the same numbers as the engine gives the task pane, rows in = Segmentation +
 * Exceptions, other sheets carried over, a user's "WC Summary" left alone, a re-run landing on the
 * same sheets, the setup saved by the pane honoured, and one-line failures that leave no file.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SampleData } from "../../src/engine/sampleData";
import { autoMap } from "../../src/engine/segmentation/mapping";
import { segment } from "../../src/engine/segmentation/segment";
import { withDefaults } from "../../src/engine/segmentation/settings";
import { serializeSetup, toSavedMapping } from "../../src/engine/workbookParts/setup";
import { NOTES_SHEET, SAMPLE_SHEET, writeSampleWorkbook } from "../../src/workbook/sampleWorkbook";
import {
  loadWorkbook,
  packageOf,
  tablesInFile,
  tempFolder,
  valuesOf,
  withPaneParts,
} from "../workbook/helpers";
import { filesIn, sha256, wcap } from "./cliHelpers";

jest.setTimeout(60_000);

const folder = tempFolder("wcap-cli-");
afterAll(() => folder.remove());
const at = (name: string) => join(folder.dir, name);

let sample: SampleData;
const SAMPLE = at("sample.xlsx");
const AS_OF = "2025-12-28";
/** A smaller sample (300 SKUs × 26 weeks, history ending 2024-06-30) where the size does not matter. */
let small: SampleData;
const SMALL = at("small.xlsx");
const SMALL_AS_OF = "2024-06-30";

beforeAll(async () => {
  sample = await writeSampleWorkbook(SAMPLE);
  small = await writeSampleWorkbook(SMALL, { skus: 300, weeks: 26 });
});

/** Rows of the table `name` in a written file. */
async function tableRows(path: string, name: string): Promise<number> {
  for (const tables of (await tablesInFile(readFileSync(path))).values()) {
    const table = tables.find((t) => t.name === name);
    if (table) {
      const [, top, bottom] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(table.address)!.map(Number);
      return bottom - top;
    }
  }
  throw new Error(`no table ${name}`);
}

describe("refreshing the sample workbook", () => {
  const OUT = at("out.xlsx");
  let before: string;
  let run: Awaited<ReturnType<typeof wcap>>;
  let out: ExcelJS.Workbook;
  let input: ExcelJS.Workbook;

  beforeAll(async () => {
    before = sha256(SAMPLE);
    const started = Date.now();
    run = await wcap("refresh", SAMPLE, "--out", OUT, "--as-of", AS_OF);
    console.log(`refresh of the 2,000-SKU sample: ${Date.now() - started} ms`);
    out = await loadWorkbook(readFileSync(OUT));
    input = await loadWorkbook(readFileSync(SAMPLE));
  });

  test("says which sheet it read and what it wrote; exit code 0; nothing on stderr but warnings", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Read ${SAMPLE_SHEET}!A1:DO2001 (2,000 rows; its header row maps best of 2 sheets with a table).`,
    );
    expect(run.stdout).toContain("Mapping: automatic; settings: defaults; as of 2025-12-28.");
    expect(run.stdout).toMatch(
      /Wrote .*out\.xlsx: WC Summary, WC Segmentation \(1,994 rows\), .* WC Exceptions \(6 rows\); 3 charts as pictures\./,
    );
    expect(run.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("wcap: warning: "))).toEqual([]);
  });

  test("the input file is not changed, and no temporary file is left", () => {
    expect(sha256(SAMPLE)).toBe(before);
    expect(filesIn(folder.dir).filter((f) => f.startsWith("."))).toEqual([]);
  });

  test("rows in = Segmentation + Exceptions; the bad rows are the exceptions", async () => {
    const segmented = await tableRows(OUT, "WC_Segmentation");
    const exceptions = await tableRows(OUT, "WC_Exceptions");
    expect(segmented + exceptions).toBe(2000);
    const bad = sample.badRows;
    const exceptionRows = valuesOf(out.getWorksheet("WC Exceptions")!)
      .slice(1)
      .map((r) => r[0]);
    expect(exceptionRows.sort((a, b) => Number(a) - Number(b))).toEqual(
      [bad.missingCost, bad.textLeadTime, bad.textOnHand, bad.negativeOnHand, bad.duplicateSku, bad.noDemand]
        .map((i) => i + 2)
        .sort((a, b) => a - b),
    );
  });

  test("the same numbers as the engine gives the task pane for the same table", async () => {
    const mapping = autoMap(sample.table.headers).mapping;
    const settings = withDefaults({ asOfDate: sample.asOfDate });
    const { report } = segment(sample.table, mapping, settings);
    for (const sheet of report.sheets.slice(1)) {
      const block = sheet.blocks[0];
      if (block.kind !== "table") throw new Error("table sheets start with their table");
      const expected = [
        block.table.columns.map((c) => c.header),
        ...block.table.rows.map((r) => r.map((v) => v ?? "")),
      ];
      expect([sheet.name, valuesOf(out.getWorksheet(sheet.name)!)]).toEqual([sheet.name, expected]);
    }
    const summary = out.getWorksheet("WC Summary")!;
    const kpis = report.sheets[0].blocks[1];
    if (kpis.kind !== "kpis") throw new Error("KPIs second");
    kpis.kpis.forEach((k, i) =>
      expect([k.label, summary.getCell(i + 2, 2).value]).toEqual([k.label, k.value ?? null]),
    );
  });

  test("the notes sheet and the input sheet are carried over: values, formulas, formats", () => {
    const notesIn = input.getWorksheet(NOTES_SHEET)!;
    const notesOut = out.getWorksheet(NOTES_SHEET)!;
    expect(valuesOf(notesOut)).toEqual(valuesOf(notesIn));
    expect(notesOut.getCell("B3").value).toEqual({
      formula: `COUNTA(${SAMPLE_SHEET}!A2:A2001)`,
      result: 2000,
    });
    expect(notesOut.getCell("B6").numFmt).toBe("yyyy-mm-dd");
    expect(notesOut.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(notesOut.getColumn(2).width).toBe(42);
    const skusIn = input.getWorksheet(SAMPLE_SHEET)!;
    const skusOut = out.getWorksheet(SAMPLE_SHEET)!;
    expect(valuesOf(skusOut)).toEqual(valuesOf(skusIn));
    expect(skusOut.getCell("P1").numFmt).toBe("yyyy-mm-dd");
    expect(skusOut.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  test("the sheets follow the input's, the setup used is saved for the pane and the next run", async () => {
    expect(out.worksheets.map((w) => w.name)).toEqual([
      SAMPLE_SHEET,
      NOTES_SHEET,
      "WC Summary",
      "WC Segmentation",
      "WC Release targets",
      "WC Suppliers",
      "WC Exceptions",
    ]);
    const pkg = await packageOf(readFileSync(OUT));
    const setup = pkg.customXml.find((p) => p.namespace === "urn:elastic-fulfilment:settings")!;
    expect(setup.xml).toContain('"input":{"sheet":"SKUs","address":"SKUs!A1:DO2001"}');
    expect(setup.xml).toContain('"history":["45292","45299"');
    expect(setup.xml).not.toContain("asOfDate");
  });
});

describe("sheets the add-in does not own, and re-runs", () => {
  test("a user's sheet called WC Summary is kept; the report goes to WC Summary (2)", async () => {
    const input = at("user-summary.xlsx");
    const wb = await loadWorkbook(readFileSync(SMALL));
    const mine = wb.addWorksheet("WC Summary");
    mine.getCell("A1").value = "My own summary";
    mine.getCell("B2").value = { formula: "Notes!B3*2", result: 4000 } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(input);

    const run = await wcap("refresh", input, "--out", at("user-summary-out.xlsx"), "--as-of", SMALL_AS_OF);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'WC Summary was written as "WC Summary (2)": "WC Summary" is not the add-in\'s.',
    );
    const out = await loadWorkbook(readFileSync(at("user-summary-out.xlsx")));
    expect(valuesOf(out.getWorksheet("WC Summary")!)).toEqual([
      ["My own summary", ""],
      ["", "=Notes!B3*2"],
    ]);
    expect(out.getWorksheet("WC Summary (2)")!.getCell("A2").value).toBe("Inventory value now");
  });

  test("refreshing the output again replaces the add-in's sheets in place and reuses the saved setup", async () => {
    const first = at("out.xlsx");
    const second = at("again.xlsx");
    const run = await wcap("refresh", first, "--out", second, "--as-of", AS_OF);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Mapping: saved; settings: saved in the workbook;");
    const [a, b] = await Promise.all([first, second].map(async (p) => packageOf(readFileSync(p))));
    // The first run's WC Segmentation is the automatic plan, so the re-run adds WC Variance.
    expect(run.stderr).toContain("wcap: plan: using the WC Segmentation the last run stored in the workbook");
    const withoutVariance = <T extends unknown[]>(rows: T[]) => rows.filter((r) => r[0] !== "WC Variance");
    expect(b.sheets.map((s) => s.name)).toContain("WC Variance");
    expect(withoutVariance(b.sheets.map((s) => [s.name, s.uid]))).toEqual(
      a.sheets.map((s) => [s.name, s.uid]),
    );
    // The replaced sheets' chart pictures go with them: three pictures, not six.
    const pictures = async (p: string) =>
      Object.keys((await JSZip.loadAsync(readFileSync(p))).files).filter((f) => /^xl\/media\/.+/.test(f));
    expect(await pictures(second)).toHaveLength(3);
    expect(await pictures(first)).toHaveLength(3);
    const [wa, wb] = await Promise.all([first, second].map((p) => loadWorkbook(readFileSync(p))));
    expect(valuesOf(wb.getWorksheet("WC Segmentation")!)).toEqual(
      valuesOf(wa.getWorksheet("WC Segmentation")!),
    );
    expect(wb.worksheets.map((w) => w.name).filter((n) => n !== "WC Variance")).toEqual(
      wa.worksheets.map((w) => w.name),
    );
  });

  test("settings the task pane saved are honoured; --settings overrides them and is saved for next time", async () => {
    const input = at("pane-setup.xlsx");
    const headers = small.table.headers.map((h, j) => (j >= 15 ? String(45292 + 7 * (j - 15)) : h));
    const mapping = autoMap(headers).mapping;
    const paneXml = serializeSetup({
      settings: { targetDio: 42, holdingRate: 0.3 },
      mapping: toSavedMapping(mapping, headers),
      input: { sheet: SAMPLE_SHEET, address: "SKUs!A1:DO2001" },
    });
    writeFileSync(
      input,
      await withPaneParts(readFileSync(SAMPLE), new Map(), [new TextEncoder().encode(paneXml)]),
    );
    const dioTarget = async (path: string) =>
      (await loadWorkbook(readFileSync(path))).getWorksheet("WC Summary")!.getCell("B7").value;

    const saved = await wcap("refresh", input, "--out", at("pane-out.xlsx"), "--as-of", SMALL_AS_OF);
    expect(saved.stdout).toContain("Mapping: saved; settings: saved in the workbook;");
    expect(await dioTarget(at("pane-out.xlsx"))).toBe(42);

    writeFileSync(at("settings.json"), JSON.stringify({ targetDio: 30, serviceMatrix: { AX: 0.99 } }));
    const override = await wcap(
      "refresh",
      input,
      "--out",
      at("override.xlsx"),
      "--settings",
      at("settings.json"),
      "--as-of",
      SMALL_AS_OF,
    );
    expect(override.stdout).toContain("settings: saved in the workbook, then from the settings file;");
    expect(await dioTarget(at("override.xlsx"))).toBe(30);

    const next = await wcap("refresh", at("override.xlsx"), "--out", at("next.xlsx"), "--as-of", SMALL_AS_OF);
    expect(next.code).toBe(0);
    expect(await dioTarget(at("next.xlsx"))).toBe(30);
  });
});

describe("messy inputs", () => {
  test("other header names, blank rows, text in numbers, duplicates, missing prices, serial-number dates", async () => {
    const input = at("messy.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("ERP export");
    ws.addRows([
      [
        "Material",
        "Material Description",
        "Plant",
        "Moving Avg. Price",
        "Unrestricted",
        "Planned Delivery Time",
        "Last Goods Movement",
        45292,
        45299,
        45306,
        45313,
      ],
      ["M-1", "Bolt", "1000", 1.5, 100, 14, 45300, 10, 12, 9, 11],
      ["M-2", "Nut", "1000", 0.5, "n/a", 14, 45300, 5, 5, 5, 5],
      [],
      ["M-1", "Bolt", "1000", 1.5, 80, 14, 45300, 10, 12, 9, 11],
      ["M-3", "Washer", "2000", null, 40, 7, "2024-01-05", 0, 3, 0, 0],
      ["M-4", "=Gasket", "2000", 2, 10, 21, 20240110, 1, 2, 3, 4],
    ]);
    await wb.xlsx.writeFile(input);
    const run = await wcap("refresh", input, "--out", at("messy-out.xlsx"), "--as-of", "2024-02-01");
    expect(run.code).toBe(0);
    const out = await loadWorkbook(readFileSync(at("messy-out.xlsx")));
    const exceptions = valuesOf(out.getWorksheet("WC Exceptions")!).slice(1);
    expect(exceptions.map((r) => [r[0], r[4]])).toEqual([
      [3, expect.stringContaining("on-hand quantity")],
      [4, "missing SKU; missing unit cost; missing on-hand quantity; missing lead time; no demand data"],
      [5, "duplicate of row 2 (same SKU and plant)"],
      [6, "missing unit cost"],
    ]);
    const segmentation = valuesOf(out.getWorksheet("WC Segmentation")!).slice(1);
    expect(segmentation.map((r) => [r[0], r[1], r[2]])).toEqual([
      [2, "M-1", "Bolt"],
      [7, "M-4", "=Gasket"],
    ]);
    expect(segmentation.length + exceptions.length).toBe(6);
  });
});

describe("failures: one line on stderr, exit code 1, no output file", () => {
  const failing: [string, () => Promise<string>, RegExp][] = [
    ["a missing file", async () => at("missing.xlsx"), /^wcap: error: .*missing\.xlsx: no such file\.\n$/],
    [
      "a CSV named .xlsx",
      async () => (writeFileSync(at("text.xlsx"), "SKU,Cost\nA,1\n"), at("text.xlsx")),
      /^wcap: error: text\.xlsx is not an \.xlsx workbook \(not a zip package; a CSV or \.xls must be saved as \.xlsx first\)\.\n$/,
    ],
    [
      "an encrypted workbook",
      async () => {
        const header = Buffer.alloc(512);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
        writeFileSync(
          at("locked.xlsx"),
          Buffer.concat([header, Buffer.from("EncryptionInfo\0EncryptedPackage", "utf16le")]),
        );
        return at("locked.xlsx");
      },
      /^wcap: error: locked\.xlsx is password-protected \(encrypted\): .*\n$/,
    ],
    [
      "a workbook without a SKU table",
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Notes").addRows([["Budget"], ["Q1", 100]]);
        await wb.xlsx.writeFile(at("notable.xlsx"));
        return at("notable.xlsx");
      },
      /^wcap: error: notable\.xlsx has no SKU table that can be mapped: .*\n$/,
    ],
    [
      "a macro-enabled workbook (the .xlsx written could not hold its macros)",
      async () => {
        const zip = await JSZip.loadAsync(readFileSync(SMALL));
        const types = await zip.file("[Content_Types].xml")!.async("string");
        zip.file(
          "[Content_Types].xml",
          types.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
          ),
        );
        zip.file("xl/vbaProject.bin", Buffer.alloc(64));
        writeFileSync(at("macros.xlsm"), await zip.generateAsync({ type: "nodebuffer" }));
        return at("macros.xlsm");
      },
      /^wcap: error: macros\.xlsm is a macro-enabled workbook \(\.xlsm\): the output is an \.xlsx, .*\n$/,
    ],
  ];

  test.each(failing)("%s", async (_, make, message) => {
    const input = await make();
    const output = at(`failed-${_.replace(/\W+/g, "-")}.xlsx`);
    const run = await wcap("refresh", input, "--out", output);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(existsSync(output)).toBe(false);
    expect(filesIn(folder.dir).filter((f) => f.startsWith("."))).toEqual([]);
  });

  test("a failed run leaves an existing output file as it was", async () => {
    const output = at("kept.xlsx");
    copyFileSync(SMALL, output);
    const before = sha256(output);
    const run = await wcap("refresh", SMALL, "--out", output, "--sheet", "Nope");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('wcap: error: small.xlsx has no sheet "Nope" (sheets: "SKUs", "Notes").\n');
    expect(sha256(output)).toBe(before);
  });

  test("the output may not be the input", async () => {
    const run = await wcap("refresh", SAMPLE, "--out", join(folder.dir, ".", "sample.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "wcap: error: --out names the input file: the input workbook is never modified; choose another output file.\n",
    );
  });

  test("a settings file with a typo is refused before anything is read", async () => {
    writeFileSync(at("typo.json"), JSON.stringify({ holdingrate: 0.2, aCut: "0.8" }));
    const run = await wcap("refresh", SMALL, "--out", at("typo.xlsx"), "--settings", at("typo.json"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^wcap: error: Settings file .*typo\.json: unknown setting "holdingrate"; aCut must be a number\.\n$/,
    );
    expect(existsSync(at("typo.xlsx"))).toBe(false);
  });
});

describe("the command line itself", () => {
  test.each([
    [[], "no command given"],
    [["refresh"], "refresh needs the input workbook: wcap refresh INPUT.xlsx --out OUTPUT.xlsx"],
    [["refresh", "a.xlsx"], "refresh needs --out OUTPUT.xlsx (the input is never modified)"],
    [["refresh", "a.xlsx", "--out", "b.csv"], '--out must name an .xlsx file, not "b.csv"'],
    [
      ["refresh", "a.xlsx", "b.xlsx", "--out", "c.xlsx"],
      "refresh takes one input workbook, not 2 (a.xlsx, b.xlsx)",
    ],
    [
      ["refresh", "a.xlsx", "--out", "c.xlsx", "--as-of", "30/06/2025"],
      '--as-of "30/06/2025" is not a date like 2025-06-30',
    ],
    [["refresh", "a.xlsx", "--out", "c.xlsx", "--plan"], "--plan needs a value"],
    [["refresh", "a.xlsx", "--out"], "--out needs a value"],
    [["export"], 'unknown command "export"'],
    [["demo", "x.xlsx"], "demo takes no file names (x.xlsx); use --out-dir"],
    [["demo", "--out", "x.xlsx"], "demo does not take --out"],
    [
      ["refresh", "a.xlsx", "--out", "b.xlsx", "--out-dir", "c"],
      "refresh does not take --out-dir (use --out FILE)",
    ],
    [["refresh", "a.xlsx", "--out", "b.xlsx", "-q", "-v"], "--quiet and --verbose exclude each other"],
  ])("wcap %j is a usage error (exit 2)", async (args, message) => {
    const run = await wcap(...(args as string[]));
    expect(run).toEqual({ code: 2, stdout: "", stderr: `wcap: error: ${message} (see wcap --help).\n` });
  });

  test("--help documents every option, the table, the settings and the exit codes", async () => {
    const run = await wcap("--help");
    expect(run.code).toBe(0);
    for (const text of [
      "--out",
      "--sheet",
      "--range",
      "--settings",
      "--as-of",
      "--quiet",
      "--verbose",
      "--version",
      "holdingRate",
      "Exit status",
      "pictures (PNG)",
    ]) {
      expect([text, run.stdout.includes(text)]).toEqual([text, true]);
    }
    expect((await wcap("help")).stdout).toBe(run.stdout);
    expect((await wcap("--version")).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  test("wcap demo writes the sample workbook and its refresh into a folder", async () => {
    const dir = at("demo");
    const run = await wcap("demo", "--out-dir", dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Wrote the sample workbook");
    expect(run.stdout).toContain(
      "Open " + join(dir, "sample-refreshed.xlsx") + ' and start with the "WC Summary" sheet.',
    );
    expect(filesIn(dir)).toEqual(["sample-refreshed.xlsx", "sample.xlsx"]);
  });

  test("--verbose prints the mapping and progress; --quiet prints nothing", async () => {
    const verbose = await wcap(
      "refresh",
      SMALL,
      "--out",
      at("verbose.xlsx"),
      "--as-of",
      SMALL_AS_OF,
      "--verbose",
    );
    expect(verbose.stdout).toContain("  SKU: “SKU” (column 1)");
    expect(verbose.stderr).toMatch(/^wcap: \d+\.\d s: Reading .*small\.xlsx …$/m);
    expect(verbose.stderr).toMatch(/^wcap: \d+\.\d s: Reading sheet "SKUs" …$/m);
    expect(verbose.stderr).toMatch(/^wcap: \d+\.\d s: Segmenting 300 rows …$/m);
    expect(verbose.stderr).toMatch(
      /^wcap: \d+\.\d s: Writing sheet "WC Segmentation" \(294 table rows\) …$/m,
    );
    const quiet = await wcap("refresh", SMALL, "--out", at("quiet.xlsx"), "--quiet");
    expect(quiet).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
