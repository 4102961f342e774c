/**
 * Seeded pseudo-random numbers for the Monte Carlo stress tests (DESIGN §5), identical bit for bit
 * on every platform and every run for the same seed.
 *
 * - Generator: xoshiro128** 1.1 (D. Blackman & S. Vigna, "Scrambled linear pseudorandom number
 *   generators", ACM Trans. Math. Softw. 47 (2021) 36; reference C code at
 *   https://prng.di.unimi.it/xoshiro128starstar.c). It works on 32-bit integers, which JavaScript
 *   does exactly with `Math.imul`, `<<` and `>>>`; period 2^128 − 1.
 * - Seeding: the seed, taken modulo 2^64, goes through SplitMix64 (https://prng.di.unimi.it/
 *   splitmix64.c), as Vigna recommends for xoshiro; its first two 64-bit outputs fill the four
 *   32-bit state words (low half first). SplitMix64 is a bijection of its counter, so the two
 *   outputs are never both zero and the state is never the forbidden all-zero one.
 * - Uniforms: 53 random bits per double, as genrand_res53 in M. Matsumoto & T. Nishimura's
 *   mt19937ar.c.
 * - Normals: inversion, z = Φ⁻¹(u). Inversion uses exactly one uniform per normal and is monotone
 *   in u, so the same seed gives the same demand stream for every policy (common random numbers)
 *   and antithetic pairs u, 1 − u are available later; the Marsaglia polar method is faster but
 *   consumes a random number of uniforms per draw, which breaks both.
 *
 * Platform determinism: ECMAScript leaves the last bit of `Math.log` to the implementation (V8 and
 * SpiderMonkey port fdlibm; JavaScriptCore, the engine of Excel on Mac, calls the system libm), so
 * the quantile here is AS 241 — the same algorithm as `normSInv` in ../normal — evaluated with a
 * port of fdlibm's log. Everything else is +, −, ×, ÷ and `Math.sqrt`, which IEEE 754 rounds
 * correctly on every engine. test/engine/simFillRate.test.ts checks that both agree bit for bit
 * with V8's `Math.log` and `normSInv`.
 */
import { ErrorKind } from "../errors";
import { as241Quantile } from "../normal";

// Module-level references: one lookup of `Math` at load instead of one per draw (a sandboxed global
// such as jest's makes every `Math.x` lookup slow).
const { floor, imul } = Math;

const TWO_32 = 4294967296;
/** 2^-53 and 2^-52: the grid steps of nextFloat and nextOpenFloat. */
const TWO_M53 = 1.1102230246251565e-16;
const TWO_M52 = 2.220446049250313e-16;

/** A seed must be a whole number ≥ 0 (any size; seeds are used modulo 2^64). */
export function seedDomain(seed: number): ErrorKind {
  return seed >= 0 && seed !== Infinity && floor(seed) === seed ? ErrorKind.None : ErrorKind.Num;
}

/** The low 32 bits of x·y for uint32 x, y. */
function mulLo(x: number, y: number): number {
  return imul(x, y) >>> 0;
}

/** The high 32 bits of the 64-bit product x·y for uint32 x, y, by 16-bit limbs (all exact doubles). */
function mulHi(x: number, y: number): number {
  const x0 = x & 0xffff;
  const x1 = x >>> 16;
  const y0 = y & 0xffff;
  const y1 = y >>> 16;
  const p01 = x0 * y1;
  const p10 = x1 * y0;
  const middle = ((x0 * y0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return x1 * y1 + floor(p01 / 65536) + floor(p10 / 65536) + floor(middle / 65536);
}

/**
 * One SplitMix64 step on the counter held as uint32 halves in `words[0]` (high) and `words[1]`
 * (low); writes the output's halves to `words[2]` (high) and `words[3]` (low).
 */
function splitMix64(words: Float64Array): void {
  // x += 0x9e3779b97f4a7c15
  let lo = words[1] + 0x7f4a7c15;
  const carry = lo >= TWO_32 ? 1 : 0;
  lo -= carry * TWO_32;
  const hi = (words[0] + 0x9e3779b9 + carry) % TWO_32;
  words[0] = hi;
  words[1] = lo;
  let zh = hi;
  let zl = lo;
  // z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
  zl = (zl ^ ((zl >>> 30) | (zh << 2))) >>> 0;
  zh = (zh ^ (zh >>> 30)) >>> 0;
  let ph = (mulHi(zl, 0x1ce4e5b9) + mulLo(zh, 0x1ce4e5b9) + mulLo(zl, 0xbf58476d)) >>> 0;
  let pl = mulLo(zl, 0x1ce4e5b9);
  // z = (z ^ (z >> 27)) * 0x94d049bb133111eb
  zl = (pl ^ ((pl >>> 27) | (ph << 5))) >>> 0;
  zh = (ph ^ (ph >>> 27)) >>> 0;
  ph = (mulHi(zl, 0x133111eb) + mulLo(zh, 0x133111eb) + mulLo(zl, 0x94d049bb)) >>> 0;
  pl = mulLo(zl, 0x133111eb);
  // z ^ (z >> 31)
  words[2] = (ph ^ (ph >>> 31)) >>> 0;
  words[3] = (pl ^ ((pl >>> 31) | (ph << 1))) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * xoshiro128** seeded through SplitMix64 (see the module comment). Construct once and `reseed` per
 * simulation so hot loops allocate nothing.
 */
export class SeededRandom {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private readonly words = new Float64Array(4);

  /** `seed` must satisfy seedDomain (a whole number ≥ 0); callers check it first. */
  constructor(seed = 1) {
    this.reseed(seed);
  }

  /** Restarts the stream of `seed`, taken modulo 2^64 (exact for every whole double). */
  reseed(seed: number): void {
    const w = this.words;
    // Division by 2^32 and fmod are exact on doubles, so this is seed mod 2^64 split in halves.
    w[0] = floor(seed / TWO_32) % TWO_32;
    w[1] = seed % TWO_32;
    splitMix64(w);
    this.s0 = w[3] | 0;
    this.s1 = w[2] | 0;
    splitMix64(w);
    this.s2 = w[3] | 0;
    this.s3 = w[2] | 0;
  }

  /** Takes over another generator's state (both then continue with the same stream). */
  copyFrom(other: SeededRandom): void {
    this.s0 = other.s0;
    this.s1 = other.s1;
    this.s2 = other.s2;
    this.s3 = other.s3;
  }

  /** Sets the state from four 32-bit words (not all zero); used by StreamSeeder. */
  setState(s0: number, s1: number, s2: number, s3: number): void {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** The next 32-bit output, 0 ≤ x < 2^32 (xoshiro128** `next`). */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const result = imul(rotl(imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = rotl(s3, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits: k·2^-53, k uniform on 0 … 2^53 − 1 (genrand_res53). */
  nextFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * TWO_M53;
  }

  /**
   * Uniform on the open interval (0, 1): (k + ½)·2^-52, k uniform on 0 … 2^52 − 1. Every value is
   * exact (k + ½ needs 53 bits), so 0 and 1 never occur and the grid is symmetric (1 − u is on it).
   */
  nextOpenFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 7;
    return (a * 33554432 + b + 0.5) * TWO_M52;
  }

  /** A standard normal draw by inversion, Φ⁻¹(u) of one open uniform; |z| < 8.3. */
  nextNormal(): number {
    return normalQuantile(this.nextOpenFloat());
  }
}

// fdlibm e_log.c (Sun Microsystems, 1993), the algorithm V8 and SpiderMonkey use for Math.log.
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO_54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Access to a double's 32-bit halves; big-endian view, so offset 0 is the high word everywhere. */
const BITS = new DataView(new ArrayBuffer(8));

/**
 * ln x by fdlibm's __ieee754_log: x = 2^k·(1 + f) with √2/2 < 1 + f < √2, then
 * ln(1 + f) = f − s·(f − R) with s = f/(2 + f) and a degree-14 minimax R (error < 1 ulp). Only
 * integer and IEEE-exact operations, so the result is the same bits on every engine.
 */
export function fdlibmLog(x: number): number {
  BITS.setFloat64(0, x);
  let hx = BITS.getInt32(0);
  const lx = BITS.getUint32(4);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54; // subnormal: scale up
    BITS.setFloat64(0, x * TWO_54);
    hx = BITS.getInt32(0);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  BITS.setInt32(0, hx | (i ^ 0x3ff00000)); // normalise x or x/2 into [√2/2, √2)
  k += i >> 20;
  const f = BITS.getFloat64(0) - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

/**
 * Φ⁻¹(p) for 0 < p < 1 by AS 241 (relative error ~1e-16), as normSInv in ../normal but with
 * fdlibmLog, so the value does not depend on the engine's Math.log. NaN outside (0, 1).
 */
export function normalQuantile(p: number): number {
  return as241Quantile(p, fdlibmLog);
}

/**
 * Seeds many independent xoshiro128** streams from one seed, as Vigna recommends for parallel
 * streams: one SplitMix64 sequence started at the seed, and each stream takes the next two 64-bit
 * outputs as its state (low half first, as SeededRandom.reseed). Stream 0 of a seeder is exactly
 * `new SeededRandom(seed)`. SplitMix64 is a bijection of its counter, so no two streams (of fewer
 * than 2^63) start from the same state, and none from the all-zero state.
 */
export class StreamSeeder {
  private readonly words = new Float64Array(4);

  /** `seed` must satisfy seedDomain (a whole number ≥ 0). */
  constructor(seed: number) {
    this.words[0] = floor(seed / TWO_32) % TWO_32;
    this.words[1] = seed % TWO_32;
  }

  /** Seeds `rng` with the next stream. */
  next(rng: SeededRandom): void {
    const w = this.words;
    splitMix64(w);
    const s0 = w[3];
    const s1 = w[2];
    splitMix64(w);
    rng.setState(s0, s1, w[3], w[2]);
  }
}
