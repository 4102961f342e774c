/**
 * Season-length detection from the autocorrelation function (ACF), the approach of Excel's
 * FORECAST.ETS default (seasonality = 1, "detected automatically"), whose exact rule Microsoft does
 * not publish. The rule here, for a series of T periods and lags up to L = ⌊T/2⌋ (so that at least
 * two full seasons are seen):
 *
 * 1. Remove the least-squares linear trend (a trend makes the ACF decay slowly and hides peaks).
 * 2. Sample ACF r_k = Σ_{t=k}^{T−1} d_t·d_{t−k} ÷ Σ d_t² (the usual biased estimator, Box & Jenkins).
 * 3. Significance band: under white noise r_k has mean ≈ 0 and SD ≈ √(T − k)/T, so the band at lag
 *    k is z·√(T − k)/T (≈ z/√T at short lags, the familiar 2/√T when z = 2). Because L − 1 lags are
 *    examined at once, z is the one-sided 95% normal quantile after a Bonferroni correction,
 *    z = Φ⁻¹(1 − 0.05/(L − 1)), and never below 2 (z ≈ 3.10 for T = 104, ≈ 2.75 for T = 36). With
 *    z = 2 alone more than half of all white-noise series of 104 periods show a "season".
 * 4. A lag k in 2 … L is a candidate when r_k is a local peak (r_k > r_{k−1}, r_k ≥ r_{k+1}) above
 *    the band and the ACF went below 0 at some shorter lag (a seasonal ACF swings negative at half a
 *    season; noise on a slowly decaying ACF does not).
 * 5. The candidate with the highest r_k is taken, except that a divisor of it that is itself a
 *    candidate is preferred (the fundamental period rather than a multiple: r_4, r_8, r_12 of a
 *    4-period season are nearly equal and noise decides which is highest).
 * 6. Noise can move an ACF peak by a lag or two (11 or 13 for a 12-month season), and the biased
 *    estimator's (T − k)/T taper pulls a long season's peak short (51 for 52 weeks in 104). The final
 *    length is the lag m within ±max(1, ⌊k/10⌋) of the peak that scores best: with three or more
 *    seasons of data, the one-way ANOVA statistic of the season means of the detrended series,
 *    F = (SS_between/(m − 1)) ÷ (SS_within/(T − m)); with two, where a season mean rests on two
 *    values, the unbiased autocorrelation r_m·T/(T − m).
 * No candidate → 1 (no seasonality).
 *
 * Measured on seeded synthetic series (test/engine/forecast/seasonality.test.ts): white noise of
 * 36–104 periods gives a season in ≈ 1–4% of series; a period-12 sine with amplitude twice the noise
 * SD on a trend is found in ≥ 90% of 48-period series. Exactly two seasons are at the edge of what
 * the ACF can resolve (r_m ≤ ½ by construction): give season_length explicitly for such series.
 */
import { leastSquaresSlope, meanOf } from "./history";
import { normSInv } from "../normal";
import type { ForecastWorkspace } from "./workspace";

/** Family-wise false-detection rate of the seasonality test on white noise. */
export const SEASON_SIGNIFICANCE = 0.05;

/** z of the significance band for a series of n periods (Bonferroni over ⌊n/2⌋ − 1 lags, ≥ 2). */
export function seasonBandZ(n: number): number {
  const lags = Math.max(1, Math.floor(n / 2) - 1);
  return Math.max(2, normSInv(1 - SEASON_SIGNIFICANCE / lags));
}

/**
 * Autocorrelations r_0 … r_maxLag of the linearly detrended y[0..n) into acf[0..maxLag]
 * (maxLag < n); the detrended values are left in scratch[0..n). Returns Σ d_t², or 0 when the
 * detrended series is constant (every r_k undefined; acf is not written).
 */
export function detrendedAutocorrelations(
  y: Float64Array,
  n: number,
  maxLag: number,
  acf: Float64Array,
  scratch: Float64Array,
): number {
  const mean = meanOf(y, n);
  const slope = leastSquaresSlope(y, n, mean);
  const centre = (n + 1) / 2;
  let variance = 0;
  let size = 0;
  for (let t = 0; t < n; t++) {
    const d = y[t] - mean - slope * (t + 1 - centre);
    scratch[t] = d;
    variance += d * d;
    size += y[t] * y[t];
  }
  // A straight line leaves only rounding noise: treat it as constant.
  if (!(variance > 1e-24 * size) || !Number.isFinite(variance)) return 0;
  acf[0] = 1;
  for (let k = 1; k <= maxLag; k++) {
    let sum = 0;
    for (let t = k; t < n; t++) sum += scratch[t] * scratch[t - k];
    acf[k] = sum / variance;
  }
  return variance;
}

/** One-way ANOVA F of the detrended d[0..n) grouped by season position t mod m. */
function seasonalF(d: Float64Array, n: number, m: number, total: number, sums: Float64Array): number {
  sums.fill(0, 0, m);
  for (let t = 0; t < n; t++) sums[t % m] += d[t];
  let between = 0;
  for (let j = 0; j < m; j++) {
    const count = Math.floor((n - 1 - j) / m) + 1;
    between += (sums[j] * sums[j]) / count;
  }
  const within = total - between;
  return within > 0 ? between / (m - 1) / (within / (n - m)) : Infinity;
}

/**
 * Season length of y[0..n) by the rule above: a lag in 2 … ⌊n/2⌋, or 1 (no seasonality).
 * Series shorter than 4 periods cannot hold two seasons of length ≥ 2 and get 1.
 */
export function detectSeasonLength(y: Float64Array, n: number, ws: ForecastWorkspace): number {
  const longest = Math.floor(n / 2);
  if (longest < 2) return 1;
  const maxLag = Math.min(longest + 1, n - 1);
  const acf = ws.acf;
  const total = detrendedAutocorrelations(y, n, maxLag, acf, ws.scratch);
  if (total === 0) return 1;
  const z = seasonBandZ(n);
  // Candidates are marked in ws.season (free until a model runs): 1 = candidate.
  const candidate = ws.season;
  candidate.fill(0, 0, longest + 1);
  let best = 1;
  let bestValue = -Infinity;
  let dipped = acf[1] < 0;
  for (let k = 2; k <= longest; k++) {
    const r = acf[k];
    const band = (z * Math.sqrt(n - k)) / n;
    if (dipped && r > band && r > acf[k - 1] && (k + 1 > maxLag || r >= acf[k + 1])) {
      candidate[k] = 1;
      if (r > bestValue) {
        best = k;
        bestValue = r;
      }
    }
    if (r < 0) dipped = true;
  }
  if (best === 1) return 1;
  for (let divisor = 2; divisor < best; divisor++) {
    if (best % divisor === 0 && candidate[divisor] === 1) {
      best = divisor;
      break;
    }
  }
  // Refine the peak's position: by season-means F with three or more seasons of data, else (two
  // seasons, where each season mean rests on two values) by the unbiased ACF r_k·n/(n − k).
  const byAnova = n >= 3 * best;
  const reach = Math.max(1, Math.floor(best / 10));
  let chosen = best;
  let bestScore = byAnova
    ? seasonalF(ws.scratch, n, best, total, ws.initSeason)
    : (acf[best] * n) / (n - best);
  for (let m = Math.max(2, best - reach); m <= Math.min(longest, best + reach); m++) {
    if (m === best) continue;
    const score = byAnova ? seasonalF(ws.scratch, n, m, total, ws.initSeason) : (acf[m] * n) / (n - m);
    if (score > bestScore) {
      chosen = m;
      bestScore = score;
    }
  }
  return chosen;
}
