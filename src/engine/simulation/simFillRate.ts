/**
 * WCAP.SIMFILLRATE: the fill rate of an (s, nQ) policy estimated by seeded Monte Carlo simulation,
 * to check the analytic WCAP.FILLRATE and to stress-test a policy (DESIGN §5).
 *
 * The model, exactly:
 *
 * "Periodic review every period with an (s, nQ) policy and backorders. Demand in a period is
 * max(0, X) with X ~ N(demand_mean, demand_sd): a negative draw counts as zero demand and is not
 * redrawn. Lead time is a whole number of periods ≥ 1. The protection interval is lead_time + one
 * review period, so the reorder level is s = demand_mean·(lead_time + 1) + safety_stock, and the
 * matching analytic safety stock is WCAP.SAFETYSTOCK(..., review_period = 1, ...). Event order in
 * period t: demand is served from on-hand stock (the rest is backordered); at the end of the period
 * the orders placed at the end of period t − lead_time arrive and clear backorders first; then the
 * inventory position (on hand − backorders + on order) is reviewed and, if it is ≤ s, n·Q is
 * ordered with the smallest n that brings it above s. Start with s + Q on hand and nothing on
 * order; every period counts. Fill rate = demand served from stock in its own period ÷ total
 * demand. Errors: #NUM! for a negative demand_mean or demand_sd, a lead_time or periods that is not
 * a whole number ≥ 1, periods above 10,000,000, order_qty ≤ 0; #DIV/0! when total demand is 0."
 *
 * Conventions beyond the spec:
 * - With lead_time = 1 an order placed at the end of period t arrives at the end of period t + 1.
 * - The state is net inventory (on hand − backorders), so "arrivals clear backorders first" is one
 *   addition; on hand is max(0, net). If s + Q < 0 (a very negative safety stock) the start is
 *   that net position, i.e. backorders.
 * - Orders are kept as whole multiples of Q (a ring buffer of n per period, and the count on
 *   order), so the pipeline is exact however long the run.
 * - `seed` is a whole number ≥ 0 (used modulo 2^64); anything else, and any non-finite input, is
 *   #NUM!. The same inputs and seed give the same result bit for bit on every platform (see
 *   ./random). Demand draws depend only on the seed, mean and SD, so policies compared with one
 *   seed see the same demand (common random numbers).
 * - A run whose totals overflow a double is #NUM!. Domain errors are checked in argument order,
 *   before #DIV/0!.
 *
 * Analytic counterpart: 1 − σ·G(k)/Q with σ = demand_sd·√(lead_time + 1) and k = ss/σ (Silver,
 * Pyke & Thomas, 4th ed., eq. 7.15 with R = 1). It counts backorders already outstanding at the
 * start of a cycle as new shortages, so it is slightly conservative (lower than the simulation).
 */
import { ErrorKind, throwIfError } from "../errors";
import { SeededRandom, seedDomain } from "./random";

export const DEFAULT_SIM_PERIODS = 100000;
export const DEFAULT_SIM_SEED = 1;
export const MAX_SIM_PERIODS = 10000000;

// One lookup of `Math` at load, not one per period (sandboxed globals make each lookup slow).
const { floor, min } = Math;

/** Largest order multiple n kept exactly (integers above 2^53 are not all doubles). */
const MAX_ORDER_MULTIPLE = 9007199254740992;

function isWholeAtLeastOne(x: number): boolean {
  return x >= 1 && x !== Infinity && floor(x) === x;
}

/** Domain of SIMFILLRATE's inputs, in argument order (#NUM! for every failure). */
export function simFillRateDomain(
  demandMean: number,
  demandSd: number,
  leadTime: number,
  safetyStock: number,
  orderQty: number,
  periods: number = DEFAULT_SIM_PERIODS,
  seed: number = DEFAULT_SIM_SEED,
): ErrorKind {
  if (!(demandMean >= 0) || demandMean === Infinity) return ErrorKind.Num;
  if (!(demandSd >= 0) || demandSd === Infinity) return ErrorKind.Num;
  if (!isWholeAtLeastOne(leadTime)) return ErrorKind.Num;
  if (!Number.isFinite(safetyStock)) return ErrorKind.Num;
  if (!(orderQty > 0) || orderQty === Infinity) return ErrorKind.Num;
  if (!isWholeAtLeastOne(periods) || periods > MAX_SIM_PERIODS) return ErrorKind.Num;
  return seedDomain(seed);
}

/**
 * The smallest n ≥ 1 with inventoryPosition + n·Q > reorderLevel, for inventoryPosition ≤
 * reorderLevel and Q > 0, in O(1): n = ⌊(s − IP)/Q⌋ + 1, then one step of correction where the
 * rounded quotient is off by one, so the comparison holds as computed. IP = s orders one Q.
 */
export function orderMultiple(inventoryPosition: number, reorderLevel: number, orderQty: number): number {
  // s − IP ≥ 0 exactly when IP ≤ s (rounding is monotone), so n ≥ 1.
  let n = floor((reorderLevel - inventoryPosition) / orderQty) + 1;
  if (inventoryPosition + n * orderQty <= reorderLevel) n++;
  else if (n > 1 && inventoryPosition + (n - 1) * orderQty > reorderLevel) n--;
  return n;
}

/**
 * Runs one simulation and returns the fill rate, or an ErrorKind (as a negative number: −Num or
 * −DivZero) for overflow or zero total demand. Inputs are in the domain. `pipeline` has at least
 * min(leadTime, periods) entries; it is cleared here. Allocation-free.
 */
function simulateUnchecked(
  rng: SeededRandom,
  pipeline: Float64Array,
  demandMean: number,
  demandSd: number,
  leadTime: number,
  safetyStock: number,
  orderQty: number,
  periods: number,
  seed: number,
): number {
  // Zero mean and SD: every period's demand is 0 (the draws cannot change that).
  if (demandMean === 0 && demandSd === 0) return -ErrorKind.DivZero;
  const reorderLevel = demandMean * (leadTime + 1) + safetyStock;
  let netInventory = reorderLevel + orderQty;
  if (!Number.isFinite(netInventory)) return -ErrorKind.Num;
  rng.reseed(seed);
  // The multiple n ordered at the end of period t sits in slot (t − 1) mod L and arrives at the end
  // of period t + L, when that slot comes round again; with L ≥ periods nothing arrives, so the
  // ring needs at most `periods` slots.
  const slots = leadTime < periods ? leadTime : periods;
  pipeline.fill(0, 0, slots);
  let onOrderMultiples = 0;
  // Neumaier-compensated totals (src/engine/sum.ts), inlined to keep the loop call- and
  // allocation-free; both sums only ever add non-negative terms.
  let demandSum = 0;
  let demandComp = 0;
  let servedSum = 0;
  let servedComp = 0;
  let slot = 0;
  for (let t = 1; t <= periods; t++) {
    let demand = demandMean + demandSd * rng.nextNormal();
    if (demand < 0) demand = 0; // a negative draw is zero demand, not redrawn
    const onHand = netInventory > 0 ? netInventory : 0;
    const served = demand < onHand ? demand : onHand;
    netInventory -= demand;

    let sum = demandSum + demand;
    demandComp += demandSum >= demand ? demandSum - sum + demand : demand - sum + demandSum;
    demandSum = sum;
    sum = servedSum + served;
    servedComp += servedSum >= served ? servedSum - sum + served : served - sum + servedSum;
    servedSum = sum;

    if (t > leadTime) {
      const arriving = pipeline[slot]; // placed at the end of period t − L
      netInventory += arriving * orderQty;
      onOrderMultiples -= arriving;
    }
    const position = netInventory + onOrderMultiples * orderQty;
    let n = 0;
    if (position <= reorderLevel) {
      n = orderMultiple(position, reorderLevel, orderQty);
      if (!(n <= MAX_ORDER_MULTIPLE)) return -ErrorKind.Num;
      onOrderMultiples += n;
    }
    pipeline[slot] = n;
    if (++slot === slots) slot = 0;
  }
  const totalDemand = demandSum + demandComp;
  const totalServed = servedSum + servedComp;
  if (!Number.isFinite(totalDemand) || !Number.isFinite(netInventory)) return -ErrorKind.Num;
  if (totalDemand === 0) return -ErrorKind.DivZero;
  return totalServed / totalDemand;
}

/**
 * Vectorised WCAP.SIMFILLRATE: one simulation per row. Rows whose status is non-zero on entry are
 * skipped; every other row gets a fill rate in [0, 1] or an ErrorKind. One generator and one
 * pipeline buffer (grown to the longest lead time met) serve all rows.
 */
export function simFillRateInto(
  out: Float64Array,
  status: Uint8Array,
  demandMean: Float64Array,
  demandSd: Float64Array,
  leadTime: Float64Array,
  safetyStock: Float64Array,
  orderQty: Float64Array,
  periods: Float64Array,
  seed: Float64Array,
): void {
  const rng = new SeededRandom();
  let pipeline = new Float64Array(0);
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    const kind = simFillRateDomain(
      demandMean[i],
      demandSd[i],
      leadTime[i],
      safetyStock[i],
      orderQty[i],
      periods[i],
      seed[i],
    );
    if (kind !== ErrorKind.None) {
      status[i] = kind;
      continue;
    }
    const slots = min(leadTime[i], periods[i]);
    if (pipeline.length < slots) pipeline = new Float64Array(slots);
    const rate = simulateUnchecked(
      rng,
      pipeline,
      demandMean[i],
      demandSd[i],
      leadTime[i],
      safetyStock[i],
      orderQty[i],
      periods[i],
      seed[i],
    );
    if (rate >= 0) out[i] = rate;
    else status[i] = rate < 0 ? -rate : ErrorKind.Num;
  }
}

/**
 * Simulated fill rate for one item (see the module comment for the model); throws EngineError
 * (#NUM! or #DIV/0!) as the kernel reports.
 */
export function simulateFillRate(
  demandMean: number,
  demandSd: number,
  leadTime: number,
  safetyStock: number,
  orderQty: number,
  periods: number = DEFAULT_SIM_PERIODS,
  seed: number = DEFAULT_SIM_SEED,
): number {
  const out = new Float64Array(1);
  const status = new Uint8Array(1);
  const one = (x: number) => Float64Array.of(x);
  simFillRateInto(
    out,
    status,
    one(demandMean),
    one(demandSd),
    one(leadTime),
    one(safetyStock),
    one(orderQty),
    one(periods),
    one(seed),
  );
  throwIfError(status[0], "simfillrate");
  return out[0];
}
