/**
 * `wcap stress` end to end on a small seeded sample workbook (200 SKUs × 26 weeks): the WC Stress
 * test sheet with its tables and the engine's numbers, every other sheet carried over, the input
 * untouched, a re-run replacing its own sheet, and one-line failures for bad scenario files.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SampleData } from "../../src/engine/sampleData";
import { autoMap } from "../../src/engine/segmentation/mapping";
import { isoToExcelSerial } from "../../src/engine/segmentation/periods";
import { segment } from "../../src/engine/segmentation/segment";
import { withDefaults } from "../../src/engine/segmentation/settings";
import {
  DEFAULT_STRESS_SETTINGS,
  STRESS_SHEET_NAME,
  parseScenarios,
  stressSheet,
  stressTest,
} from "../../src/engine/simulation/stress";
import { NOTES_SHEET, SAMPLE_SHEET, writeSampleWorkbook } from "../../src/workbook/sampleWorkbook";
import { loadWorkbook, tablesInFile, tempFolder, valuesOf } from "../workbook/helpers";
import { Run, filesIn, sha256, wcap } from "./cliHelpers";

jest.setTimeout(60_000);

const folder = tempFolder("wcap-stress-");
afterAll(() => folder.remove());
const at = (name: string) => join(folder.dir, name);

const SMALL = at("small.xlsx");
const AS_OF = "2024-06-30";
const SCENARIOS = [
  { name: "Demand +25% for 8 periods", demandShockPct: 25, shockPeriods: 8 },
  { name: "Everyone out 3 periods", outagePeriods: 3, outageStart: 5 },
  { name: "MOQ 400", moq: 400 },
];
const FAST = ["--replications", "20", "--periods", "52", "--as-of", AS_OF];

let sample: SampleData;

beforeAll(async () => {
  sample = await writeSampleWorkbook(SMALL, { skus: 200, weeks: 26 });
  writeFileSync(at("scenarios.json"), JSON.stringify(SCENARIOS, null, 2));
});

describe("stressing the sample workbook", () => {
  const OUT = at("stress.xlsx");
  let before: string;
  let run: Run;
  let out: ExcelJS.Workbook;
  let input: ExcelJS.Workbook;

  beforeAll(async () => {
    before = sha256(SMALL);
    run = await wcap("stress", SMALL, "--out", OUT, "--scenarios", at("scenarios.json"), ...FAST);
    out = await loadWorkbook(readFileSync(OUT));
    input = await loadWorkbook(readFileSync(SMALL));
  });

  test("says what it read, simulated and wrote; progress and warnings only on stderr", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Read ${SAMPLE_SHEET}!A1:AO201 (200 rows;`);
    expect(run.stdout).toContain("Mapping: automatic; settings: defaults; as of 2024-06-30.");
    expect(run.stdout).toMatch(
      /Simulated \d+ SKUs \(demand: .*\) × 20 replications × 52 periods, seed 1: 4 scenarios and a frontier of 8 service targets in [\d.]+ s; \d+ SKUs? not simulated\./,
    );
    expect(run.stdout).toMatch(
      /Wrote .*stress\.xlsx: WC Stress test \(\d+ SKU rows\); 1 chart as a picture\./,
    );
    for (const s of ["Baseline", ...SCENARIOS.map((x) => x.name)])
      expect(run.stdout).toMatch(new RegExp(`\\n  ${s.replace(/[+]/g, "\\+")}: fill rate [\\d.]+ %`));
    expect(run.stdout).toMatch(
      /Frontier, all SKUs: recommended policy [\d.]+ % at .*; current policy [\d.]+ % at /,
    );
    const stderr = run.stderr.split("\n").filter((l) => l !== "");
    expect(stderr.every((l) => l.startsWith("wcap: "))).toBe(true);
    expect(stderr.some((l) => /simulated \d+ of \d+ SKUs/.test(l))).toBe(true);
    expect(stderr.filter((l) => l.startsWith("wcap: error"))).toEqual([]);
  });

  test("the input file is not changed, and no temporary file is left", () => {
    expect(sha256(SMALL)).toBe(before);
    expect(filesIn(folder.dir).filter((f) => f.startsWith("."))).toEqual([]);
  });

  test("only WC Stress test is added: the input's sheets come out as they were", () => {
    const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name);
    expect(names(out)).toEqual([...names(input), STRESS_SHEET_NAME]);
    for (const name of [SAMPLE_SHEET, NOTES_SHEET])
      expect(valuesOf(out.getWorksheet(name)!)).toEqual(valuesOf(input.getWorksheet(name)!));
  });

  test("WC Stress test holds the scenario, frontier, policy and per-SKU tables", async () => {
    const tables = (await tablesInFile(readFileSync(OUT))).get(STRESS_SHEET_NAME)!;
    expect(tables.map((t) => t.name)).toEqual([
      "WC_StressScenarios",
      "WC_StressFrontier",
      "WC_StressPolicies",
      "WC_StressSkus",
    ]);
    const rowsOf = (name: string) => {
      const [, top, bottom] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(tables.find((t) => t.name === name)!.address)!;
      return Number(bottom) - Number(top);
    };
    // Baseline + 3 scenarios, each by All SKUs, 9 ABC-XYZ cells and 3 archetypes.
    expect(rowsOf("WC_StressScenarios")).toBe(4 * 13);
    expect(rowsOf("WC_StressFrontier")).toBe(DEFAULT_STRESS_SETTINGS.serviceGrid.length);
    expect(rowsOf("WC_StressPolicies")).toBe(4);
  });

  test("the same numbers as the engine gives the task pane for the same table and settings", async () => {
    const mapping = autoMap(sample.table.headers).mapping;
    const settings = withDefaults({ asOfDate: isoToExcelSerial(AS_OF)! });
    const segmentation = segment(sample.table, mapping, settings);
    const result = stressTest(segmentation, sample.table, mapping, settings, {
      ...DEFAULT_STRESS_SETTINGS,
      replications: 20,
      periods: 52,
      scenarios: parseScenarios(SCENARIOS).scenarios,
    });
    const sheet = stressSheet(result);
    const ws = out.getWorksheet(STRESS_SHEET_NAME)!;
    const tables = (await tablesInFile(readFileSync(OUT))).get(STRESS_SHEET_NAME)!;
    for (const block of sheet.blocks) {
      if (block.kind !== "table") continue;
      const written = tables.find((t) => t.name === block.table.name)!;
      const expected = [
        block.table.columns.map((c) => c.header),
        ...block.table.rows.map((r) => r.map((v) => v ?? "")),
      ];
      expect([block.table.name, valuesOf(ws, written.address)]).toEqual([block.table.name, expected]);
    }
  });

  test("a re-run replaces its own WC Stress test (same seed, same numbers)", async () => {
    const again = at("stress-again.xlsx");
    const second = await wcap(
      "stress",
      OUT,
      "--out",
      again,
      "--scenarios",
      at("scenarios.json"),
      ...FAST,
      "-q",
    );
    expect(second).toEqual({ code: 0, stdout: "", stderr: "" });
    const wb = await loadWorkbook(readFileSync(again));
    expect(wb.worksheets.map((w) => w.name)).toEqual(out.worksheets.map((w) => w.name));
    expect(valuesOf(wb.getWorksheet(STRESS_SHEET_NAME)!)).toEqual(
      valuesOf(out.getWorksheet(STRESS_SHEET_NAME)!),
    );
  });
});

describe("inputs it refuses, as wcap refresh does", () => {
  test("a macro-enabled workbook: one line, exit 1, nothing written", async () => {
    const zip = await JSZip.loadAsync(readFileSync(SMALL));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      ),
    );
    writeFileSync(at("macros.xlsm"), await zip.generateAsync({ type: "nodebuffer" }));
    const output = at("macros-stress.xlsx");
    const run = await wcap("stress", at("macros.xlsm"), "--out", output, ...FAST);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    // Progress lines (a stress run shows them by default), then the one error line.
    const errors = run.stderr.split("\n").filter((l) => l.startsWith("wcap: error"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^wcap: error: macros\.xlsm is a macro-enabled workbook \(\.xlsm\): the output is an \.xlsx, /,
    );
    expect(existsSync(output)).toBe(false);
  });
});

describe("scenario files and options", () => {
  async function failing(name: string, content: string, ...extra: string[]): Promise<Run> {
    writeFileSync(at(name), content);
    const target = at(`${name}.xlsx`);
    const result = await wcap("stress", SMALL, "--out", target, "--scenarios", at(name), ...extra);
    expect(existsSync(target)).toBe(false);
    return result;
  }

  test("a wrong value is exit 1 with one line naming the file and the problem; nothing written", async () => {
    const run = await failing("text.json", '[{ "name": "Shock", "demandShockPct": "20" }]');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `wcap: error: Scenarios file ${at("text.json")}: Scenario 1: demandShockPct must be a number (got "20").\n`,
    );
  });

  test("unknown fields, bad JSON, a missing file and out-of-range values: one line each, exit 1", async () => {
    const cases: [string, string, RegExp][] = [
      ["unknown.json", '[{ "name": "x", "demandShock": 20 }]', /Scenario 1: unknown field "demandShock"\.$/],
      ["broken.json", '[{ "name": "x", ', /is not valid JSON \(.*\)\.$/],
      [
        "range.json",
        '{ "scenarios": [{ "name": "x", "outagePeriods": 0 }] }',
        /outagePeriods must be a whole number ≥ 1\.$/,
      ],
      ["settings.json", '{ "replications": 0 }', /Replications must be a whole number from 1 to 100,000\.$/],
    ];
    for (const [name, content, message] of cases) {
      const run = await failing(name, content);
      expect([name, run.code]).toEqual([name, 1]);
      const lines = run.stderr.split("\n").filter((l) => l !== "");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^wcap: error: Scenarios file /);
      expect(lines[0]).toMatch(message);
    }
    const missing = await wcap("stress", SMALL, "--out", at("m.xlsx"), "--scenarios", at("nope.json"));
    expect(missing).toEqual({
      code: 1,
      stdout: "",
      stderr: `wcap: error: Scenarios file ${at("nope.json")}: no such file.\n`,
    });
  });

  test("command-line mistakes are exit 2", async () => {
    for (const args of [
      ["stress", SMALL, "--out", at("x.xlsx"), "--replications", "0"],
      ["stress", SMALL, "--out", at("x.xlsx"), "--seed", "-1"],
      ["stress", SMALL, "--out", at("x.xlsx"), "--periods", "ten"],
      ["stress", SMALL],
      ["stress", SMALL, "--out", at("x.xlsx"), "--plan", SMALL],
      ["refresh", SMALL, "--out", at("x.xlsx"), "--scenarios", at("scenarios.json")],
    ]) {
      const run = await wcap(...args);
      expect([args.join(" "), run.code]).toEqual([args.join(" "), 2]);
      expect(run.stderr).toMatch(/^wcap: error: .*\(see wcap --help\)\.\n$/);
    }
    const run = await wcap("stress", SMALL, "--out", at("x.xlsx"), "--replications", "0");
    expect(run.stderr).toBe(
      'wcap: error: --replications must be a whole number from 1 to 100,000, not "0" (see wcap --help).\n',
    );
  });

  test("--out naming the input is refused before anything is read", async () => {
    const run = await wcap("stress", SMALL, "--out", SMALL);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "wcap: error: --out names the input file: the input workbook is never modified; choose another output file.\n",
    );
  });
});
