/**
 * The stress test's hot loop: replications of one SKU's (s, nQ) policy over pre-drawn demand, with
 * WCAP.SIMFILLRATE's event order (../simFillRate) plus random lead times and the scenario
 * disruptions. Typed arrays only, no allocation per period or per replication.
 */
import { orderMultiple } from "../simFillRate";
import { SeededRandom } from "../random";

/** Offsets of the per-run accumulators in a Float64Array block of ACCUMULATORS numbers. */
export const ACC_DEMAND = 0;
export const ACC_SERVED = 1;
export const ACC_STOCKOUTS = 2;
export const ACC_CYCLES = 3;
export const ACC_CYCLES_OK = 4;
export const ACC_ON_HAND = 5;
export const ACCUMULATORS = 6;

/** Largest |z| a normal draw can take (random.ts: |z| < 8.3). */
const MAX_Z = 8.3;

const { floor } = Math;

/** The policy and disruptions of one run; periods p are measured periods (1 = first after warm-up). */
export interface RunParams {
  reorderLevel: number;
  lotSize: number;
  /** Mean and SD of the lead time in periods. */
  leadTime: number;
  leadTimeSd: number;
  /** Demand factor in periods shockFrom … shockTo (inclusive). */
  shockFrom: number;
  shockTo: number;
  shockFactor: number;
  /** Extra lead time of orders placed at the end of periods delayFrom … delayTo. */
  delayFrom: number;
  delayTo: number;
  delay: number;
  /** No receipts at the end of periods outageFrom … outageTo (outageTo < outageFrom: no outage). */
  outageFrom: number;
  outageTo: number;
}

/** Ring slots needed for a lead time of mean L, SD σ_L and a delay d: longer than the longest lead time. */
export function ringSlots(leadTime: number, leadTimeSd: number, delay: number): number {
  return Math.ceil(leadTime + MAX_Z * leadTimeSd) + 1 + delay + 1;
}

/**
 * One order's lead time in whole periods ≥ 1, for mean L and SD σ_L (leadFloor = ⌊L⌋, leadFraction =
 * L − ⌊L⌋): x = L + σ_L·z with z standard normal, then randomized rounding (⌊x⌋ + 1 with
 * probability x − ⌊x⌋, else ⌊x⌋; E = x), then at least 1. So E = L unless the floor at 1 binds
 * (it raises the mean by E[max(0, 1 − x)]); the variance is σ_L² plus at most ¼ from the rounding.
 * σ_L = 0 and a whole L: exactly L, no draw; a fractional L: ⌊L⌋ or ⌈L⌉ with mean L (one uniform).
 * Each order draws its own lead time, so orders may cross.
 */
export function drawLeadTime(
  rng: SeededRandom,
  leadTime: number,
  leadTimeSd: number,
  leadFloor: number,
  leadFraction: number,
): number {
  let lead = leadFloor;
  if (leadTimeSd > 0) {
    const x = leadTime + leadTimeSd * rng.nextNormal();
    const xFloor = floor(x);
    lead = xFloor + (rng.nextFloat() < x - xFloor ? 1 : 0);
  } else if (leadFraction > 0) lead += rng.nextFloat() < leadFraction ? 1 : 0;
  return lead < 1 ? 1 : lead;
}

/** Grid points of the integration in leadTimeMoments (over L ± 8 σ_L). */
const MOMENT_STEPS = 4096;

/**
 * The exact mean and SD of drawLeadTime's lead time for L and σ_L: given x, the rounding gives
 * ⌊x⌋ or ⌊x⌋ + 1 (probability x − ⌊x⌋), floored at 1; x ~ N(L, σ_L) is integrated by the
 * trapezoidal rule over L ± 8 σ_L. The floor is what makes these differ from L and σ_L: a lead
 * time under one period is simulated as one period, and a wide σ_L raises the mean (4 ± 4 → 4.52).
 */
export function leadTimeMoments(leadTime: number, leadTimeSd: number): { mean: number; sd: number } {
  const given = (x: number): [number, number] => {
    const xFloor = floor(x);
    const f = x - xFloor;
    const low = xFloor < 1 ? 1 : xFloor;
    const high = xFloor + 1 < 1 ? 1 : xFloor + 1;
    return [(1 - f) * low + f * high, (1 - f) * low * low + f * high * high];
  };
  if (!(leadTimeSd > 0)) {
    const [m1, m2] = given(leadTime);
    return { mean: m1, sd: Math.sqrt(Math.max(0, m2 - m1 * m1)) };
  }
  const from = leadTime - 8 * leadTimeSd;
  const h = (16 * leadTimeSd) / MOMENT_STEPS;
  let w = 0;
  let m1 = 0;
  let m2 = 0;
  for (let k = 0; k <= MOMENT_STEPS; k++) {
    const z = (from + k * h - leadTime) / leadTimeSd;
    const weight = (k === 0 || k === MOMENT_STEPS ? 0.5 : 1) * Math.exp(-0.5 * z * z);
    const [a, b] = given(from + k * h);
    w += weight;
    m1 += weight * a;
    m2 += weight * b;
  }
  m1 /= w;
  m2 /= w;
  return { mean: m1, sd: Math.sqrt(Math.max(0, m2 - m1 * m1)) };
}

/**
 * Runs `replications` replications of `warmup + periods` periods each and adds the measured
 * totals to acc[accOffset …]. Demand of replication r, period t (1-based) is
 * demand[demandOffset + r·(warmup + periods) + t − 1], before the shock factor. `ring` has at least
 * ringSlots(…) entries. Lead times come from `rng` (one normal and one uniform per order when
 * σ_L > 0; one uniform when L is fractional; none otherwise).
 *
 * Per period t (p = t − warmup): demand is served from on-hand stock, the rest backordered; at the
 * end of the period the orders due arrive (held back during an outage, all arriving at the end of the
 * first period after it) and clear backorders first; then the inventory position (net stock + on
 * order) is reviewed and n·Q ordered, n the smallest that brings it above s, to arrive after a
 * lead time drawn for this order. Start: s + Q on hand, nothing on order.
 */
export function runReplications(
  acc: Float64Array,
  accOffset: number,
  demand: Float64Array,
  demandOffset: number,
  replications: number,
  warmup: number,
  periods: number,
  run: RunParams,
  rng: SeededRandom,
  ring: Float64Array,
): void {
  const s = run.reorderLevel;
  const q = run.lotSize;
  const leadTime = run.leadTime;
  const leadTimeSd = run.leadTimeSd;
  const leadFloor = floor(leadTime);
  const leadFraction = leadTime - leadFloor;
  const slots = ringSlots(leadTime, leadTimeSd, run.delay);
  const total = warmup + periods;
  // Absolute period numbers of the windows (p = t − warmup).
  const shockFrom = run.shockFrom + warmup;
  const shockTo = run.shockTo + warmup;
  const shockFactor = run.shockFactor;
  const delayFrom = run.delayFrom + warmup;
  const delayTo = run.delayTo + warmup;
  const delay = run.delay;
  const outageFrom = run.outageFrom + warmup;
  const outageTo = run.outageTo + warmup;

  let demandSum = 0;
  let servedSum = 0;
  let stockouts = 0;
  let cycles = 0;
  let cyclesOk = 0;
  let onHandSum = 0;
  for (let r = 0; r < replications; r++) {
    const base = demandOffset + r * total - 1;
    ring.fill(0, 0, slots);
    let net = s + q;
    let onOrder = 0; // multiples of Q
    let held = 0; // multiples of Q held back by an outage
    let stockoutInCycle = false;
    let slot = 0; // t mod slots
    for (let t = 1; t <= total; t++) {
      if (++slot === slots) slot = 0;
      let d = demand[base + t];
      if (t >= shockFrom && t <= shockTo) d *= shockFactor;
      const onHand = net > 0 ? net : 0;
      const short = d > onHand;
      net -= d;
      if (short) stockoutInCycle = true;

      let arriving = ring[slot];
      ring[slot] = 0;
      if (t >= outageFrom && t <= outageTo) {
        held += arriving;
        arriving = 0;
      } else if (held > 0) {
        arriving += held;
        held = 0;
      }
      const measured = t > warmup;
      if (arriving > 0) {
        net += arriving * q;
        onOrder -= arriving;
        if (measured) {
          cycles++;
          if (!stockoutInCycle) cyclesOk++;
        }
        stockoutInCycle = false;
      }
      const position = net + onOrder * q;
      if (position <= s) {
        const n = orderMultiple(position, s, q);
        onOrder += n;
        let lead = drawLeadTime(rng, leadTime, leadTimeSd, leadFloor, leadFraction);
        if (t >= delayFrom && t <= delayTo) lead += delay;
        let due = slot + lead;
        if (due >= slots) due -= slots;
        ring[due] += n;
      }
      if (measured) {
        demandSum += d;
        servedSum += short ? onHand : d;
        if (short) stockouts++;
        onHandSum += net > 0 ? net : 0;
      }
    }
  }
  acc[accOffset + ACC_DEMAND] += demandSum;
  acc[accOffset + ACC_SERVED] += servedSum;
  acc[accOffset + ACC_STOCKOUTS] += stockouts;
  acc[accOffset + ACC_CYCLES] += cycles;
  acc[accOffset + ACC_CYCLES_OK] += cyclesOk;
  acc[accOffset + ACC_ON_HAND] += onHandSum;
}
