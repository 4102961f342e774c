/**
 * The standard normal distribution to full double precision: the quantile z(p) = NORM.S.INV(p),
 * the CDF Φ, the complementary error function and the standard normal loss function G(k).
 *
 * jStat's normal.inv is off by ~2e-7 relative in the tails and is slow on this hot path, so these
 * are implemented from the published algorithms (sources cited per function) and checked in
 * test/engine/normal.test.ts against 50-digit mpmath values.
 */

import { ErrorKind } from "./errors";

const SQRT2 = Math.SQRT2;
const INV_SQRT_2PI = 0.398942280401432677939946059934; // 1/√(2π)
const INV_SQRT_PI = 0.564189583547756286948079451561; // 1/√π
const LN_SQRT_2PI = 0.918938533204672741780329736406; // ln √(2π)

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969),
// coefficients as in netlib specfun CALERF. Relative error below 1e-16 on each interval.
const ERF_A = [
  3.1611237438705656, 113.86415415105016, 377.48523768530202, 3209.3775891384695, 0.18577770618460315,
];
const ERF_B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.2368334391706];
const ERFC_C = [
  0.56418849698867009, 8.8831497943883759, 66.119190637141634, 298.63513819740013, 881.95222124176909,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const ERFC_D = [
  15.744926110709835, 117.6939508913125, 537.18110186200986, 1621.3895745666903, 3290.7992357334597,
  4362.6190901432471, 3439.3676741437216, 1230.3393548037495,
];
const ERFC_P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122925, 0.016083785148742275, 6.5874916152983678e-4,
  0.016315387137302097,
];
const ERFC_Q = [
  2.5685201922898682, 1.8729528499234604, 0.52790510295142839, 0.060518341312441319, 2.3352049762686918e-3,
];

/** erf(x) for |x| ≤ 0.46875 (Cody's first interval). */
function erfSmall(x: number): number {
  const y = x * x;
  let num = ERF_A[4] * y;
  let den = y;
  for (let i = 0; i < 3; i++) {
    num = (num + ERF_A[i]) * y;
    den = (den + ERF_B[i]) * y;
  }
  return (x * (num + ERF_A[3])) / (den + ERF_B[3]);
}

/** erfcx(y) = exp(y²)·erfc(y) for y > 0.46875 (Cody's second and third intervals). */
function erfcxLarge(y: number): number {
  if (y <= 4) {
    let num = ERFC_C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]) * y;
      den = (den + ERFC_D[i]) * y;
    }
    return (num + ERFC_C[7]) / (den + ERFC_D[7]);
  }
  const z = 1 / (y * y);
  let num = ERFC_P[5] * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + ERFC_P[i]) * z;
    den = (den + ERFC_Q[i]) * z;
  }
  return (INV_SQRT_PI - (z * (num + ERFC_P[4])) / (den + ERFC_Q[4])) / y;
}

/**
 * exp(−y²) without the rounding error of squaring y: y = hi + lo with hi on a 1/16 grid, so hi² is
 * exact and only the small remainder goes through a rounded product (Cody's device).
 */
function expMinusSquare(y: number): number {
  const hi = Math.trunc(y * 16) / 16;
  const lo = (y - hi) * (y + hi);
  return Math.exp(-hi * hi) * Math.exp(-lo);
}

/** Complementary error function erfc(x), relative error ≲ 1e-15 over the whole real line. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  if (y >= 27.3) return x > 0 ? 0 : 2; // erfc(27.3) < 5e-326 underflows
  const upper = expMinusSquare(y) * erfcxLarge(y);
  return x > 0 ? upper : 2 - upper;
}

/** Standard normal density φ(x), with x²/2 split as in expMinusSquare so the tail keeps precision. */
export function normPdf(x: number): number {
  const y = Math.abs(x);
  const hi = Math.trunc(y * 16) / 16;
  const lo = (y - hi) * (y + hi);
  return INV_SQRT_2PI * Math.exp(-0.5 * hi * hi) * Math.exp(-0.5 * lo);
}

/**
 * Standard normal CDF Φ(x) = NORM.S.DIST(x, TRUE). The lower tail is φ(x)·R(−x), which avoids the
 * rounding of x/√2 inside erfc's exponential (a relative error of x²·ε, 4e-14 at x = −20).
 */
export function normCdf(x: number): number {
  return x < -1 ? normPdf(x) * millsRatio(-x) : 0.5 * erfc(-x / SQRT2);
}

// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
// Applied Statistics 37 (1988) 477–484, PPND16: relative accuracy about 1e-16.
const AS241_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/** Degree-7 polynomial c[0] + c[1]·x + … + c[7]·x⁷ by Horner's rule. */
function poly7(c: readonly number[], x: number): number {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
}

/**
 * z(p) = NORM.S.INV(p), the standard normal quantile, for 0 < p < 1 (AS 241). The caller checks the
 * domain; p outside (0, 1) returns NaN.
 */
export function normSInv(p: number): number {
  return as241Quantile(p, Math.log);
}

/**
 * AS 241 with the natural logarithm passed in: the simulation passes a portable fdlibm log so its
 * random draws are bit-for-bit the same on every JavaScript engine.
 */
export function as241Quantile(p: number, log: (x: number) => number): number {
  if (!(p > 0 && p < 1)) return NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(AS241_A, r)) / poly7(AS241_B, r);
  }
  // 1 − p is exact for p ≥ 0.5 (Sterbenz), so the upper tail keeps full precision.
  let r = Math.sqrt(-log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly7(AS241_C, r) / poly7(AS241_D, r);
  } else {
    r -= 5;
    x = poly7(AS241_E, r) / poly7(AS241_F, r);
  }
  return q < 0 ? -x : x;
}

/** Terms of the continued fraction in normLossPositive; enough for 1e-16 at k ≥ CF_FROM. */
const CF_TERMS = 60;
const CF_FROM = 4;

/**
 * s(k) = 1/(k + 2/(k + 3/(k + …))), the tail of the Laplace continued fraction of the Mills ratio
 * R(k) = (1 − Φ(k))/φ(k) = 1/(k + s(k)). Evaluated bottom-up.
 */
function millsTail(k: number): number {
  let t = 0;
  for (let n = CF_TERMS; n >= 2; n--) t = n / (k + t);
  return 1 / (k + t);
}

/** √(π/2) */
const SQRT_HALF_PI = 1.2533141373155002512;

/** The Mills ratio R(k) = (1 − Φ(k))/φ(k) = √(π/2)·erfcx(k/√2) for k ≥ 0, never underflowing. */
function millsRatio(k: number): number {
  if (k >= CF_FROM) return 1 / (k + millsTail(k));
  const y = k / SQRT2;
  const erfcxY = y <= 0.46875 ? Math.exp(y * y) * (1 - erfSmall(y)) : erfcxLarge(y);
  return SQRT_HALF_PI * erfcxY;
}

/**
 * G(k)/φ(k) = 1 − k·R(k) for k ≥ 0, written so nothing cancels in the tail: with R = 1/(k + s),
 * 1 − k·R = s/(k + s). Below CF_FROM the continued fraction converges slowly, and there 1 − k·R
 * loses at most a factor k² ≤ 16 to cancellation.
 */
function lossRatio(k: number): number {
  if (k >= CF_FROM) {
    const s = millsTail(k);
    return s / (k + s);
  }
  return 1 - k * millsRatio(k);
}

/**
 * The standard normal loss function G(k) = E[(Z − k)⁺] = φ(k) − k·(1 − Φ(k)) (Silver, Pyke &
 * Thomas, "Inventory and Production Management in Supply Chains", 4th ed., App. II). For k < 0 it
 * uses G(k) = −k + G(−k), so very negative k neither cancels nor overflows.
 */
export function normLoss(k: number): number {
  if (Number.isNaN(k)) return NaN;
  if (k < 0) return -k + normLoss(-k);
  if (k > 38.6) return 0; // φ(38.6) < 1e-323: G underflows
  return normPdf(k) * lossRatio(k);
}

/**
 * ln G(k) for k ≥ 0, finite even where G itself underflows (k up to ~1e150), for the fill-rate
 * root find, whose target (1 − p)·Q/σ can be far below the smallest double.
 */
export function logNormLoss(k: number): number {
  return -0.5 * k * k - LN_SQRT_2PI + Math.log(lossRatio(k));
}

/** d/dk ln G(k) = −(1 − Φ(k))/G(k) = −R(k)/(G(k)/φ(k)) for k ≥ 0, never underflowing. */
export function logNormLossSlope(k: number): number {
  return -millsRatio(k) / lossRatio(k);
}

/** Vectorised WCAP.NORMLOSS: G(k) per row; every finite k is in the domain. */
export function normLossInto(out: Float64Array, status: Uint8Array, k: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    if (status[i] !== 0) continue;
    const loss = normLoss(k[i]);
    if (Number.isFinite(loss)) out[i] = loss;
    else status[i] = ErrorKind.Num; // ±Infinity input
  }
}
