/**
 * Service-driven buffers: the standard deviation of demand over the protection interval (σ_LT),
 * safety stock for a cycle-service or fill-rate (Type II) target, the service level a buffer
 * implies, the fill rate of a policy, and the reorder point.
 *
 * Units: demand per period; lead time, its standard deviation and the review period in the same
 * periods. Formulas follow Silver, Pyke & Thomas, "Inventory and Production Management in Supply
 * Chains" (4th ed., 2017), ch. 6–7, and Chopra & Meindl, "Supply Chain Management" (6th ed.), ch. 12.
 *
 * Each per-item formula comes as a scalar function (throws EngineError) and a vectorised kernel
 * over Float64Array columns that writes results to `out` and error kinds to `status`. Kernel
 * contract: rows whose `status` is non-zero on entry are left alone (the caller already decided
 * them); every other row gets a finite result or a non-zero ErrorKind.
 */
import { ErrorKind, throwIfError } from "./errors";
import { logNormLoss, logNormLossSlope, normCdf, normLoss, normSInv } from "./normal";

/** Safety-stock methods: cycle service level (P1) or fill rate (P2, Type II). */
export enum ServiceMethod {
  Cycle = 0,
  Fill = 1,
}

/** √(a² + b²) for a, b ≥ 0 without overflow or underflow in the squares. */
export function hypot2(a: number, b: number): number {
  const big = a > b ? a : b;
  const small = a > b ? b : a;
  if (big === 0) return 0;
  if (big < 1e150 && small > 1e-150) return Math.sqrt(a * a + b * b);
  const r = small / big;
  return big * Math.sqrt(1 + r * r);
}

/**
 * σ_LT = √((L + R)·σ_D² + μ_D²·σ_L²): the SD of demand over lead time plus review period, with
 * random demand (σ_D per period) and random lead time (σ_L). Silver, Pyke & Thomas eq. 6.10
 * (random lead time); the review period extends the protection interval to L + R (ch. 7).
 * Computed in hypot form so huge inputs do not overflow in the squares.
 */
export function sigmaLtUnchecked(
  demandSdPerPeriod: number,
  leadTimePeriods: number,
  demandMeanPerPeriod: number,
  leadTimeSdPeriods: number,
  reviewPeriods: number,
): number {
  return hypot2(
    Math.sqrt(leadTimePeriods + reviewPeriods) * demandSdPerPeriod,
    Math.abs(demandMeanPerPeriod) * leadTimeSdPeriods,
  );
}

/** Domain of σ_LT's inputs, checked in argument order. A negative mean is allowed (|μ| is used). */
export function sigmaLtDomain(
  sd: number,
  leadTime: number,
  mean: number,
  leadTimeSd: number,
  review: number,
): ErrorKind {
  if (!(sd >= 0) || sd === Infinity) return ErrorKind.Num;
  if (!(leadTime >= 0) || leadTime === Infinity) return ErrorKind.Num;
  if (!Number.isFinite(mean)) return ErrorKind.Num;
  if (!(leadTimeSd >= 0) || leadTimeSd === Infinity) return ErrorKind.Num;
  if (!(review >= 0) || review === Infinity) return ErrorKind.Num;
  return ErrorKind.None;
}

/** Vectorised σ_LT (WCAP.SIGMALT). */
export function sigmaLtInto(
  out: Float64Array,
  status: Uint8Array,
  sd: Float64Array,
  leadTime: Float64Array,
  mean: Float64Array,
  leadTimeSd: Float64Array,
  review: Float64Array,
): void {
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    const kind = sigmaLtDomain(sd[i], leadTime[i], mean[i], leadTimeSd[i], review[i]);
    if (kind !== ErrorKind.None) {
      status[i] = kind;
      continue;
    }
    const sigma = sigmaLtUnchecked(sd[i], leadTime[i], mean[i], leadTimeSd[i], review[i]);
    if (sigma === Infinity) status[i] = ErrorKind.Num;
    else out[i] = sigma;
  }
}

/** σ_LT for one item; throws EngineError outside the domain. */
export function sigmaLt(sd: number, leadTime: number, mean = 0, leadTimeSd = 0, review = 0): number {
  throwIfError(sigmaLtDomain(sd, leadTime, mean, leadTimeSd, review), "sigma_lt");
  const sigma = sigmaLtUnchecked(sd, leadTime, mean, leadTimeSd, review);
  throwIfError(sigma === Infinity ? ErrorKind.Num : ErrorKind.None, "sigma_lt");
  return sigma;
}

/** ln G(0) = ln(1/√(2π)): a fill-rate target at or above G(0) needs no safety stock. */
const LOG_LOSS_AT_ZERO = -0.918938533204672741780329736406;

/**
 * The safety factor k > 0 solving G(k) = e^logTarget, for logTarget < ln G(0). Works in logs so a
 * target far below the smallest double (tiny Q, huge σ, service near 1) still has a root.
 *
 * ln G is strictly decreasing and concave (G is log-concave), so Newton's method started right of
 * the root stays right of it and converges monotonically; a bracket [lo, hi] guards every step and
 * falls back to bisection if rounding ever pushes a step outside it.
 */
export function fillRateSafetyFactor(logTarget: number): number {
  let lo = 0;
  // At k = √(−2·ln t): ln G(k) < −k²/2 = ln t, so the root lies below.
  let hi = Math.sqrt(-2 * logTarget);
  let k = hi;
  for (let iter = 0; iter < 100; iter++) {
    const f = logNormLoss(k) - logTarget;
    if (f === 0) return k;
    if (f > 0) lo = k;
    else hi = k;
    let next = k - f / logNormLossSlope(k);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - k) <= 4e-16 * next || hi - lo <= 4e-16 * hi) return next;
    k = next;
  }
  return k;
}

/**
 * Safety stock for a fill-rate target β (Type II service): k solves σ_LT·G(k) = (1 − β)·Q
 * (Silver, Pyke & Thomas eq. 7.15 with backorders; Chopra & Meindl eq. 12.7), SS = max(0, k·σ_LT).
 * Q = 0 would need an infinite buffer: NaN, which the caller reports as #NUM!.
 */
export function fillRateSafetyStockUnchecked(serviceLevel: number, sigma: number, orderQty: number): number {
  if (sigma === 0) return 0;
  if (orderQty === 0 || sigma === Infinity) return NaN;
  const logTarget = Math.log1p(-serviceLevel) + Math.log(orderQty) - Math.log(sigma);
  if (logTarget >= LOG_LOSS_AT_ZERO) return 0; // k ≤ 0, floored at zero stock
  return fillRateSafetyFactor(logTarget) * sigma;
}

/** Domain of SAFETYSTOCK's inputs in argument order (service level, SDs, times, method, Q). */
export function safetyStockDomain(
  serviceLevel: number,
  sd: number,
  leadTime: number,
  mean: number,
  leadTimeSd: number,
  review: number,
  method: ServiceMethod,
  orderQty: number,
): ErrorKind {
  if (!(serviceLevel > 0 && serviceLevel < 1)) return ErrorKind.Num;
  const sigmaKind = sigmaLtDomain(sd, leadTime, mean, leadTimeSd, review);
  if (sigmaKind !== ErrorKind.None) return sigmaKind;
  if (method === ServiceMethod.Fill) {
    if (Number.isNaN(orderQty)) return ErrorKind.Value; // the fill method needs an order quantity
    if (!(orderQty >= 0) || orderQty === Infinity) return ErrorKind.Num;
  }
  return ErrorKind.None;
}

/**
 * Vectorised WCAP.SAFETYSTOCK. Cycle: SS = max(0, z(β)·σ_LT); fill: see fillRateSafetyStock.
 * z is recomputed only when the service level changes from the previous row, so the common
 * single-target column costs one quantile, not one per row.
 */
export function safetyStockInto(
  out: Float64Array,
  status: Uint8Array,
  serviceLevel: Float64Array,
  sd: Float64Array,
  leadTime: Float64Array,
  mean: Float64Array,
  leadTimeSd: Float64Array,
  review: Float64Array,
  method: Float64Array,
  orderQty: Float64Array,
): void {
  let lastLevel = NaN;
  let lastZ = NaN;
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    const level = serviceLevel[i];
    const kind = safetyStockDomain(
      level,
      sd[i],
      leadTime[i],
      mean[i],
      leadTimeSd[i],
      review[i],
      method[i],
      orderQty[i],
    );
    if (kind !== ErrorKind.None) {
      status[i] = kind;
      continue;
    }
    const sigma = sigmaLtUnchecked(sd[i], leadTime[i], mean[i], leadTimeSd[i], review[i]);
    let stock: number;
    if (method[i] === ServiceMethod.Fill) {
      stock = fillRateSafetyStockUnchecked(level, sigma, orderQty[i]);
    } else {
      if (level !== lastLevel) {
        lastLevel = level;
        lastZ = normSInv(level);
      }
      // β ≤ 0.5 needs no buffer, however large σ_LT is (even if it overflowed).
      stock = lastZ > 0 ? lastZ * sigma : 0;
    }
    if (Number.isFinite(stock)) out[i] = stock;
    else status[i] = ErrorKind.Num;
  }
}

/** Safety stock for one item; throws EngineError outside the domain. */
export function safetyStock(
  serviceLevel: number,
  sd: number,
  leadTime: number,
  options: {
    mean?: number;
    leadTimeSd?: number;
    review?: number;
    method?: ServiceMethod;
    orderQty?: number;
  } = {},
): number {
  const out = new Float64Array(1);
  const status = new Uint8Array(1);
  const one = (x: number) => Float64Array.of(x);
  safetyStockInto(
    out,
    status,
    one(serviceLevel),
    one(sd),
    one(leadTime),
    one(options.mean ?? 0),
    one(options.leadTimeSd ?? 0),
    one(options.review ?? 0),
    one(options.method ?? ServiceMethod.Cycle),
    one(options.orderQty ?? NaN),
  );
  throwIfError(status[0], "safety_stock");
  return out[0];
}

/**
 * Expected units short per cycle, σ·G(ss/σ) (Silver, Pyke & Thomas eq. 7.13), written as
 * −ss + σ·G(−ss/σ) for ss < 0 (G(k) = −k + G(−k)) so a huge shortfall neither cancels nor
 * overflows in σ·k. σ = 0 gives the deterministic limit max(0, −ss).
 */
export function expectedShortage(safetyStockUnits: number, sigma: number): number {
  if (sigma === 0) return safetyStockUnits < 0 ? -safetyStockUnits : 0;
  const k = safetyStockUnits / sigma;
  return k >= 0 ? sigma * normLoss(k) : -safetyStockUnits + sigma * normLoss(-k);
}

/** Domain of FILLRATE's inputs: a negative Q or σ is out of domain; Q = 0 divides by zero. */
export function fillRateDomain(orderQty: number, safetyStockUnits: number, sigma: number): ErrorKind {
  if (!(orderQty >= 0) || orderQty === Infinity) return ErrorKind.Num;
  if (!Number.isFinite(safetyStockUnits)) return ErrorKind.Num;
  if (!(sigma >= 0) || sigma === Infinity) return ErrorKind.Num;
  if (orderQty === 0) return ErrorKind.DivZero;
  return ErrorKind.None;
}

/** Vectorised WCAP.FILLRATE: β = 1 − σ·G(ss/σ)/Q, not clamped (negative when shortage > Q). */
export function fillRateInto(
  out: Float64Array,
  status: Uint8Array,
  orderQty: Float64Array,
  safetyStockUnits: Float64Array,
  sigma: Float64Array,
): void {
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    const kind = fillRateDomain(orderQty[i], safetyStockUnits[i], sigma[i]);
    if (kind !== ErrorKind.None) {
      status[i] = kind;
      continue;
    }
    const rate = 1 - expectedShortage(safetyStockUnits[i], sigma[i]) / orderQty[i];
    if (Number.isFinite(rate)) out[i] = rate;
    else status[i] = ErrorKind.Num;
  }
}

/** Domain of SERVICELEVEL: σ_LT's inputs; σ_LT = 0 divides by zero. */
export function serviceLevelDomain(safetyStockUnits: number): ErrorKind {
  return Number.isFinite(safetyStockUnits) ? ErrorKind.None : ErrorKind.Num;
}

/** Vectorised WCAP.SERVICELEVEL: the cycle service level a buffer implies, Φ(ss/σ_LT). */
export function serviceLevelInto(
  out: Float64Array,
  status: Uint8Array,
  safetyStockUnits: Float64Array,
  sd: Float64Array,
  leadTime: Float64Array,
  mean: Float64Array,
  leadTimeSd: Float64Array,
  review: Float64Array,
): void {
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    let kind = serviceLevelDomain(safetyStockUnits[i]);
    if (kind === ErrorKind.None) kind = sigmaLtDomain(sd[i], leadTime[i], mean[i], leadTimeSd[i], review[i]);
    if (kind !== ErrorKind.None) {
      status[i] = kind;
      continue;
    }
    const sigma = sigmaLtUnchecked(sd[i], leadTime[i], mean[i], leadTimeSd[i], review[i]);
    if (sigma === 0) status[i] = ErrorKind.DivZero;
    else out[i] = normCdf(safetyStockUnits[i] / sigma);
  }
}

/** Vectorised WCAP.REORDERPOINT: s = μ_D·L + SS (Chopra & Meindl eq. 12.4). */
export function reorderPointInto(
  out: Float64Array,
  status: Uint8Array,
  mean: Float64Array,
  leadTime: Float64Array,
  safetyStockUnits: Float64Array,
): void {
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    if (!Number.isFinite(mean[i]) || !(leadTime[i] >= 0) || !Number.isFinite(safetyStockUnits[i])) {
      status[i] = ErrorKind.Num;
      continue;
    }
    const point = mean[i] * leadTime[i] + safetyStockUnits[i];
    if (Number.isFinite(point)) out[i] = point;
    else status[i] = ErrorKind.Num;
  }
}
