/**
 * Lot sizing: the economic order quantity (Harris 1913; Silver, Pyke & Thomas 4th ed. eq. 5.4),
 * EOQ = √(2·D·S ÷ (h·c)) with annual demand D, cost per order S, unit cost c and annual holding
 * rate h (fraction of unit cost).
 */
import { ErrorKind } from "./errors";

function isNonNegative(x: number): boolean {
  return x >= 0 && x !== Infinity;
}

/** Domain in argument order (D, S, c, h): negatives are #NUM!, then c = 0 or h = 0 is #DIV/0!. */
export function eoqDomain(
  annualDemand: number,
  orderCost: number,
  unitCost: number,
  holdingRate: number,
): ErrorKind {
  if (!isNonNegative(annualDemand) || !isNonNegative(orderCost)) return ErrorKind.Num;
  if (!isNonNegative(unitCost) || !isNonNegative(holdingRate)) return ErrorKind.Num;
  if (unitCost === 0 || holdingRate === 0) return ErrorKind.DivZero;
  return ErrorKind.None;
}

/**
 * EOQ as a product of square roots, √2·√D·√S ÷ (√h·√c), so 2·D·S never overflows and h·c never
 * underflows; only a result beyond the largest double is reported (Infinity → #NUM!).
 */
export function eoqUnchecked(
  annualDemand: number,
  orderCost: number,
  unitCost: number,
  holdingRate: number,
): number {
  return (
    (Math.SQRT2 * Math.sqrt(annualDemand) * Math.sqrt(orderCost)) /
    (Math.sqrt(holdingRate) * Math.sqrt(unitCost))
  );
}

/** Vectorised WCAP.EOQ. */
export function eoqInto(
  out: Float64Array,
  status: Uint8Array,
  annualDemand: Float64Array,
  orderCost: Float64Array,
  unitCost: Float64Array,
  holdingRate: Float64Array,
): void {
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    const kind = eoqDomain(annualDemand[i], orderCost[i], unitCost[i], holdingRate[i]);
    if (kind !== ErrorKind.None) {
      status[i] = kind;
      continue;
    }
    const quantity = eoqUnchecked(annualDemand[i], orderCost[i], unitCost[i], holdingRate[i]);
    if (Number.isFinite(quantity)) out[i] = quantity;
    else status[i] = ErrorKind.Num;
  }
}
