/**
 * Working-capital metrics: days inventory/sales/payables outstanding, the cash conversion cycle,
 * inventory turns, cash released by reaching a target DIO, GMROII and days of supply.
 *
 * Definitions as in Hofmann & Kotzab, "A supply chain-oriented approach of working capital
 * management", J. Business Logistics 31 (2010), and the Hackett Group / REL working-capital
 * surveys: DIO = average inventory ÷ COGS × days, DSO = average receivables ÷ revenue × days,
 * DPO = average payables ÷ COGS × days, CCC = DIO + DSO − DPO.
 */
import { ErrorKind, throwIfError } from "./errors";
import { neumaierSum } from "./sum";

/** Days in the year the DIO family uses when none is given (Excel users' convention). */
export const DAYS_PER_YEAR = 365;

/** A balance series and a flow series, each holding only the numbers of its range (blanks dropped). */
export interface BalanceAndFlow {
  balances: Float64Array;
  flows: Float64Array;
}

function allNonNegative(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!(values[i] >= 0) || values[i] === Infinity) return false;
  return true;
}

function average(values: Float64Array): number {
  return neumaierSum(values) / values.length;
}

/**
 * Days outstanding: average balance ÷ Σ flow × days (DIO, DSO and DPO share this form).
 * Domain in argument order: negative balances, negative flows, days ≤ 0 are #NUM!; then an empty
 * balance range or Σ flow = 0 is #DIV/0!.
 */
export function daysOutstanding({ balances, flows }: BalanceAndFlow, days: number = DAYS_PER_YEAR): number {
  let kind = ErrorKind.None;
  if (!allNonNegative(balances) || !allNonNegative(flows) || !(days > 0) || days === Infinity)
    kind = ErrorKind.Num;
  else if (balances.length === 0) kind = ErrorKind.DivZero;
  throwIfError(kind, "days outstanding");
  const totalFlow = neumaierSum(flows);
  throwIfError(totalFlow === 0 ? ErrorKind.DivZero : ErrorKind.None, "days outstanding");
  const result = (average(balances) / totalFlow) * days;
  throwIfError(Number.isFinite(result) ? ErrorKind.None : ErrorKind.Num, "days outstanding");
  return result;
}

/**
 * Inventory turns: Σ COGS ÷ average inventory. Negative COGS or inventory is #NUM!; an inventory
 * range with no numbers, or an average of 0, is #DIV/0!.
 */
export function inventoryTurns(cogs: Float64Array, inventory: Float64Array): number {
  throwIfError(allNonNegative(cogs) && allNonNegative(inventory) ? ErrorKind.None : ErrorKind.Num, "turns");
  throwIfError(inventory.length === 0 ? ErrorKind.DivZero : ErrorKind.None, "turns");
  const averageInventory = average(inventory);
  throwIfError(averageInventory === 0 ? ErrorKind.DivZero : ErrorKind.None, "turns");
  const result = neumaierSum(cogs) / averageInventory;
  throwIfError(Number.isFinite(result) ? ErrorKind.None : ErrorKind.Num, "turns");
  return result;
}

/** a + b − c, compensated like every other sum (Neumaier), so DIO + DSO − DPO does not cancel badly. */
export function cashConversionCycleDays(dio: number, dso: number, dpo: number): number {
  return neumaierSum([dio, dso, -dpo]);
}

/** Vectorised WCAP.CCC: DIO + DSO − DPO per row (negative values allowed). */
export function cashConversionCycleInto(
  out: Float64Array,
  status: Uint8Array,
  dio: Float64Array,
  dso: Float64Array,
  dpo: Float64Array,
): void {
  const terms = new Float64Array(3);
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    terms[0] = dio[i];
    terms[1] = dso[i];
    terms[2] = -dpo[i];
    const days = neumaierSum(terms);
    if (Number.isFinite(days)) out[i] = days;
    else status[i] = ErrorKind.Num;
  }
}

/** Cash freed by bringing DIO from `currentDio` to `targetDio`: max(0, current − target) × COGS ÷ days. */
export function cashReleaseValue(
  currentDio: number,
  targetDio: number,
  cogs: number,
  days: number = DAYS_PER_YEAR,
): number {
  const excessDays = currentDio > targetDio ? currentDio - targetDio : 0;
  const release = (excessDays * cogs) / days;
  return Number.isFinite(release) ? release : excessDays * (cogs / days); // only the product overflowed
}

/**
 * Vectorised WCAP.RELEASE: cash freed by bringing DIO from current to target,
 * max(0, current − target) × COGS ÷ days. Negative COGS or days is #NUM!, days = 0 is #DIV/0!.
 */
export function cashReleaseInto(
  out: Float64Array,
  status: Uint8Array,
  currentDio: Float64Array,
  targetDio: Float64Array,
  cogs: Float64Array,
  days: Float64Array,
): void {
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    const current = currentDio[i];
    const target = targetDio[i];
    const flow = cogs[i];
    const d = days[i];
    if (
      !Number.isFinite(current) ||
      !Number.isFinite(target) ||
      !(flow >= 0) ||
      flow === Infinity ||
      !(d >= 0)
    ) {
      status[i] = ErrorKind.Num;
      continue;
    }
    if (d === 0) {
      status[i] = ErrorKind.DivZero;
      continue;
    }
    const release = cashReleaseValue(current, target, flow, d);
    if (Number.isFinite(release)) out[i] = release;
    else status[i] = ErrorKind.Num;
  }
}

/**
 * Vectorised WCAP.GMROII: gross margin ÷ average inventory at cost (gross margin return on
 * inventory investment). A negative margin is allowed; negative inventory cost is #NUM!, zero #DIV/0!.
 */
export function gmroiiInto(
  out: Float64Array,
  status: Uint8Array,
  grossMargin: Float64Array,
  averageInventoryCost: Float64Array,
): void {
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    const margin = grossMargin[i];
    const cost = averageInventoryCost[i];
    if (!Number.isFinite(margin) || !(cost >= 0) || cost === Infinity) status[i] = ErrorKind.Num;
    else if (cost === 0) status[i] = ErrorKind.DivZero;
    else {
      const ratio = margin / cost;
      if (Number.isFinite(ratio)) out[i] = ratio;
      else status[i] = ErrorKind.Num;
    }
  }
}

/**
 * Vectorised WCAP.DAYSOFSUPPLY: on hand ÷ daily demand. Negative on-hand is allowed (backorders);
 * negative daily demand is #NUM!, zero #DIV/0!.
 */
export function daysOfSupplyInto(
  out: Float64Array,
  status: Uint8Array,
  onHand: Float64Array,
  dailyDemand: Float64Array,
): void {
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    const stock = onHand[i];
    const demand = dailyDemand[i];
    if (!Number.isFinite(stock) || !(demand >= 0) || demand === Infinity) status[i] = ErrorKind.Num;
    else if (demand === 0) status[i] = ErrorKind.DivZero;
    else {
      const days = stock / demand;
      if (Number.isFinite(days)) out[i] = days;
      else status[i] = ErrorKind.Num;
    }
  }
}
