/**
 * Compensated summation (Neumaier's improvement of Kahan's algorithm, Neumaier 1974), so a total
 * does not depend on the order of the rows: DESIGN §2 asks for correctly rounded or compensated
 * sums everywhere a function adds up a range.
 */

/** Σ values[from..to) with Neumaier compensation. */
export function neumaierSum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  let compensation = 0;
  for (let i = from; i < to; i++) {
    const x = values[i];
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * A running compensated sum, for prefix sums (ABC's cumulative share) and streaming totals.
 * `value` is the compensated total of everything added so far.
 */
export class RunningSum {
  private sum = 0;
  private compensation = 0;

  add(x: number): void {
    const t = this.sum + x;
    this.compensation += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
