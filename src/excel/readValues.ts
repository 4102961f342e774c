/**
 * Reads the values of a range in blocks of rows (DESIGN §7 reads): Excel reads at most 5,000,000
 * cells per `range.values` load, and Excel on the web also caps a response at 5 MB. The first block
 * holds at most 200,000 cells (under 4 MB even at 20 bytes a cell); later blocks are sized from the
 * bytes per row seen so far (≈ 4 MB ÷ 1.5 per response, ≤ 1,000,000 cells), one sync each. The
 * caller queues the first block (queueFirstBlock) with its own loads, syncs, then reads the rest.
 */
import { ExcelValue, jsonGridBytes } from "./cells";

/** Excel reads at most this many cells per `range.values` load (DESIGN §7). */
export const MAX_READ_CELLS = 5_000_000;

/** Cells of the first values load: a response under 5 MB even at 20 bytes per cell. */
export const DEFAULT_CELLS_PER_READ = 200_000;

/** Later loads are sized to about this many bytes of response (Excel on the web: 5 MB at most). */
const RESPONSE_BUDGET_BYTES = 4_000_000;

/** No single load asks for more cells than this, whatever the cells weigh. */
const MAX_CELLS_PER_LOAD = 1_000_000;

/** The first block of a read, queued (its values arrive with the caller's next sync). */
export interface FirstBlock {
  range: Excel.Range;
  rows: number;
}

/**
 * Queues loading the first block of rows of the `rows` × `columns` block at the top left of
 * `target`: at most `firstCells` cells (the worst case of 20 bytes a cell stays under 5 MB).
 */
export function queueFirstBlock(
  target: Excel.Range,
  rows: number,
  columns: number,
  firstCells: number = DEFAULT_CELLS_PER_READ,
): FirstBlock {
  const count = Math.min(rows, Math.max(1, Math.floor(firstCells / columns)));
  return { range: queueBlock(target, [0, count], columns), rows: count };
}

/**
 * After the sync that answered `first`: the values of all `rows`, the rest read in one sync per
 * block, each block sized from the bytes per row seen so far.
 */
export async function readRemainingBlocks(
  context: Excel.RequestContext,
  target: Excel.Range,
  first: FirstBlock,
  rows: number,
  columns: number,
): Promise<unknown[][]> {
  const values: unknown[][] = [...first.range.values];
  let bytesPerRow = jsonGridBytes(first.range.values as ExcelValue[][]) / first.rows;
  while (values.length < rows) {
    const count = Math.min(
      rows - values.length,
      Math.max(first.rows, Math.floor(RESPONSE_BUDGET_BYTES / (1.5 * bytesPerRow))),
      Math.max(1, Math.floor(MAX_CELLS_PER_LOAD / columns)),
    );
    const block = await readBlock(context, target, [values.length, count], columns);
    bytesPerRow = Math.max(bytesPerRow, jsonGridBytes(block as ExcelValue[][]) / count);
    values.push(...block);
  }
  return values;
}

/** Queues loading the values of rows [first, first + count) of `target`. */
function queueBlock(target: Excel.Range, [first, count]: [number, number], columnCount: number): Excel.Range {
  const block = target.getCell(first, 0).getResizedRange(count - 1, columnCount - 1);
  block.load("values");
  return block;
}

/**
 * One more block of rows, in a sync of its own: a load is answered by the sync that follows it,
 * and each response must stay under Excel on the web's 5 MB, so a table too big for one response
 * takes one sync per block (never one per row).
 */
async function readBlock(
  context: Excel.RequestContext,
  target: Excel.Range,
  block: [number, number],
  columnCount: number,
): Promise<unknown[][]> {
  const range = queueBlock(target, block, columnCount);
  await context.sync();
  return range.values;
}
