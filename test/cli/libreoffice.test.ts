/**
 * A real spreadsheet application reads the refreshed workbook: LibreOffice converts the refreshed
 * 2,000-SKU sample to CSV (one file per sheet) and to PDF (one page per sheet), and the values it
 * reads back are the Report's. The Summary page is rendered to test-output/libreoffice/summary.png
 * for a look by eye. Skipped, with a message, where LibreOffice is not installed
 * (apt-get install -y libreoffice-calc poppler-utils).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { CellValue, ColumnFormat } from "../../src/engine/report";
import { autoMap } from "../../src/engine/segmentation/mapping";
import { segment } from "../../src/engine/segmentation/segment";
import { withDefaults } from "../../src/engine/segmentation/settings";
import { NOTES_SHEET, writeSampleWorkbook } from "../../src/workbook/sampleWorkbook";
import { wcap } from "./cliHelpers";

jest.setTimeout(240_000);

function which(command: string): string | undefined {
  const result = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const SOFFICE = which("soffice") ?? which("libreoffice");
const PDFTOPPM = which("pdftoppm");
const OUT_DIR = join(__dirname, "..", "..", "test-output", "libreoffice");
const describeWithOffice = SOFFICE ? describe : describe.skip;
/** LibreOffice's CSV export: comma, double quote, UTF-8, raw values, every sheet to its own file (LibreOffice ≥ 7.2). */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

if (!SOFFICE) {
  console.log(
    "LibreOffice check skipped: soffice not found (apt-get install -y libreoffice-calc poppler-utils).",
  );
}

/** Runs LibreOffice headless with a private profile (parallel runs do not share a lock). */
function soffice(...args: string[]): void {
  execFileSync(
    SOFFICE!,
    [`-env:UserInstallation=file://${join(OUT_DIR, "profile")}`, "--headless", ...args],
    {
      stdio: "pipe",
      timeout: 180_000,
    },
  );
}

/** RFC 4180 CSV (LibreOffice's output: commas, double quotes, UTF-8). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** True when LibreOffice's text for a cell is the Report's value (numbers to 12 significant digits). */
function same(text: string, value: CellValue, format: ColumnFormat): boolean {
  if (value === null) return text === "";
  if (typeof value === "string") return text === value;
  if (typeof value === "boolean") return text === (value ? "TRUE" : "FALSE");
  const read = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!Number.isFinite(read)) return false;
  const scale = Math.max(Math.abs(value), format === "percent" ? 1e-2 : 1e-6);
  return Math.abs(read - value) <= scale * 1e-12;
}

describeWithOffice("LibreOffice reads the refreshed sample", () => {
  const input = join(OUT_DIR, "sample.xlsx");
  const output = join(OUT_DIR, "refreshed.xlsx");
  let csv: Map<string, string[][]>;

  beforeAll(async () => {
    rmSync(OUT_DIR, { recursive: true, force: true });
    mkdirSync(OUT_DIR, { recursive: true });
    await writeSampleWorkbook(input);
    const run = await wcap("refresh", input, "--out", output, "--as-of", "2025-12-28");
    expect(run.code).toBe(0);
    const started = Date.now();
    soffice("--convert-to", CSV_FILTER, "--outdir", join(OUT_DIR, "csv"), output);
    console.log(`LibreOffice CSV conversion: ${Date.now() - started} ms`);
    csv = new Map(
      readdirSync(join(OUT_DIR, "csv")).map((f) => [
        f.replace(/^refreshed-/, "").replace(/\.csv$/, ""),
        parseCsv(readFileSync(join(OUT_DIR, "csv", f), "utf8")),
      ]),
    );
  });

  test("every sheet is there, and every value of every report table is the Report's", async () => {
    expect([...csv.keys()].sort()).toEqual(
      [
        "SKUs",
        NOTES_SHEET,
        "WC Summary",
        "WC Segmentation",
        "WC Release targets",
        "WC Suppliers",
        "WC Exceptions",
      ].sort(),
    );
    const { generateSample } = await import("../../src/engine/sampleData");
    const sample = generateSample();
    const { report } = segment(
      sample.table,
      autoMap(sample.table.headers).mapping,
      withDefaults({ asOfDate: sample.asOfDate }),
    );
    let compared = 0;
    for (const sheet of report.sheets) {
      const grid = csv.get(sheet.name)!;
      for (const block of sheet.blocks) {
        if (block.kind === "title") continue;
        if (block.kind === "kpis") {
          block.kpis.forEach((k, i) => {
            const row = grid[block.at.row + i];
            expect([
              k.label,
              row[block.at.column],
              same(row[block.at.column + 1], k.value, k.format),
            ]).toEqual([k.label, k.label, true]);
          });
          continue;
        }
        const top = block.at.row + (block.caption ? 1 : 0);
        const left = block.at.column;
        if (block.caption) expect(grid[block.at.row][left]).toBe(block.caption);
        expect(grid[top].slice(left, left + block.table.columns.length)).toEqual(
          block.table.columns.map((c) => c.header),
        );
        block.table.rows.forEach((row, i) => {
          row.forEach((value, j) => {
            const text = grid[top + 1 + i]?.[left + j] ?? "";
            const format = block.table.columns[j].format;
            if (!same(text, value, format)) {
              throw new Error(
                `${sheet.name} ${block.table.name} row ${i + 1} ${block.table.columns[j].header}: LibreOffice read "${text}", the Report has ${String(value)}`,
              );
            }
            compared++;
          });
        });
      }
    }
    console.log(
      `LibreOffice read back ${compared.toLocaleString("en-US")} report cells, all equal to the Report.`,
    );
    expect(compared).toBeGreaterThan(80_000);
  });

  test("the notes sheet reads back as written, its formula calculated", () => {
    expect(csv.get(NOTES_SHEET)!.slice(0, 5)).toEqual([
      ["Sample workbook", ""],
      ["Generated by", "Elastic Fulfilment (seeded sample data)"],
      ["SKUs", "2000"],
      ["Weeks of history", "104"],
      ["=not a formula", "text that starts with ="],
    ]);
    expect(csv.get("SKUs")!.filter((r) => r.some((c) => c !== ""))).toHaveLength(2001);
  });

  test("a workbook saved by LibreOffice itself refreshes to the same Segmentation", async () => {
    const dir = join(OUT_DIR, "saved-by-lo");
    soffice("--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, input);
    const run = await wcap(
      "refresh",
      join(dir, "sample.xlsx"),
      "--out",
      join(dir, "refreshed.xlsx"),
      "--as-of",
      "2025-12-28",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Segmented 1,994 of 2,000 rows (6 on Exceptions).");
    soffice("--convert-to", CSV_FILTER, "--outdir", join(dir, "csv"), join(dir, "refreshed.xlsx"));
    const again = parseCsv(readFileSync(join(dir, "csv", "refreshed-WC Segmentation.csv"), "utf8"));
    expect(again).toEqual(csv.get("WC Segmentation"));
  });

  (PDFTOPPM ? test : test.skip)("the PDF has one page per sheet; the Summary page is rendered to PNG", () => {
    soffice(
      "--convert-to",
      'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
      "--outdir",
      OUT_DIR,
      output,
    );
    const pdf = join(OUT_DIR, "refreshed.pdf");
    expect(existsSync(pdf)).toBe(true);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(/Pages:\s+(\d+)/.exec(info)?.[1]).toBe("7");
    // Sheets in tab order: SKUs, Notes, WC Summary, … — the Summary is page 3.
    // LibreOffice shrinks a single-page sheet onto a page of its natural size: the content sits in
    // the top-left part, which is rendered at print resolution.
    const crop = ["-x", "0", "-y", "0", "-W", "2100", "-H", "1400"];
    execFileSync(PDFTOPPM!, [
      "-f",
      "3",
      "-l",
      "3",
      "-r",
      "300",
      ...crop,
      "-png",
      "-singlefile",
      pdf,
      join(OUT_DIR, "summary"),
    ]);
    const png = join(OUT_DIR, "summary.png");
    expect(statSync(png).size).toBeGreaterThan(20_000);
    console.log(`Summary page rendered by LibreOffice: ${png}`);
  });
});
