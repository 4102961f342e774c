/**
 * The workbook the end-to-end run starts from: the seeded sample SKU table (2,000 SKUs × 104
 * weeks, seed 42) on "Sheet1" from A1, with A1 selected, as a user who pasted the sample would
 * have it. Blank cells (null in the InputTable) are blank cells.
 */
import { generateSample, SampleData } from "../../src/engine/sampleData";
import type { FakeValue } from "../support/fakeExcel";
import { WorkbookFixture } from "./fixture";

export const INPUT_SHEET = "Sheet1";

export interface SampleWorkbook {
  fixture: WorkbookFixture;
  sample: SampleData;
  /** Header row + data rows, as written to Sheet1. */
  grid: FakeValue[][];
}

export function sampleWorkbook(): SampleWorkbook {
  const sample = generateSample();
  const grid: FakeValue[][] = [
    sample.table.headers,
    ...sample.table.rows.map((row) => row.map((v) => (v === null ? "" : v))),
  ];
  return { sample, grid, fixture: { sheets: { [INPUT_SHEET]: grid }, selection: `${INPUT_SHEET}!A1` } };
}
