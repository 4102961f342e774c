/**
 * Per-SKU demand models of the stress test, fitted to the SKU's own history read straight from the
 * input table (README "Stress test" → "Model"):
 *
 * - at least MIN_HISTORY_PERIODS numeric periods, smooth or erratic (Syntetos–Boylan, ../../
 *   demandClass): circular block bootstrap of the history (Politis & Romano, "A circular block-
 *   resampling procedure for stationary data", 1992) with block length round(n^⅓) (Hall, Horowitz &
 *   Jing, Biometrika 82 (1995) 561–574): demand comes in runs of consecutive history periods, so
 *   short-range autocorrelation and the history's whole distribution (spikes, seasonal highs) are
 *   kept; only history values are ever drawn.
 * - the same history, intermittent or lumpy: a compound model as in Croston (1972): each period has
 *   demand with probability p = N ÷ T (N non-zero periods of T), sizes lognormal with the mean and
 *   CV of the non-zero history (a single size or sizes without spread: that size). The fitted size
 *   distribution extends beyond the few sizes seen, which is where lumpy demand hurts.
 * - otherwise (annual demand only, or fewer than MIN_HISTORY_PERIODS periods): max(0, X) with
 *   X ~ N(mean, SD) of the Segmentation, as WCAP.SIMFILLRATE.
 *
 * Blank cells are skipped (the history is the sequence of numeric cells); a negative value (a
 * return) counts as zero demand.
 */
import { classifyDemand, demandPatternOfRow } from "../../demandClass";
import { ErrorKind } from "../../errors";
import { CellValue } from "../../report";
import { SeededRandom } from "../random";
import { DemandModel } from "./types";

/** Fewest numeric history periods for a history-based model (one year of months, a quarter of weeks). */
export const MIN_HISTORY_PERIODS = 12;

const { exp, floor, log, round, sqrt, cbrt } = Math;

/** A fitted demand model; only the fields of its kind are used. */
export interface DemandFit {
  model: DemandModel;
  /** bootstrap: the history's numeric values in time order (negatives as 0). */
  values: Float64Array;
  /** bootstrap: block length in periods. */
  block: number;
  /** compound: probability of demand in a period. */
  occurrence: number;
  /** compound: log-scale mean and SD of the lognormal size (sizeSigma 0: constant size exp(sizeMu) = sizeMean). */
  sizeMu: number;
  sizeSigma: number;
  sizeMean: number;
  /** normal: mean and SD per period. */
  mean: number;
  sd: number;
}

/**
 * One row's history cells as numbers in `out` (length = columns.length): a finite number is kept,
 * anything else (blank, text, an error) is NaN and skipped by the fit. Returns the numeric count.
 */
export function readHistoryRow(
  row: readonly CellValue[],
  columns: readonly number[],
  out: Float64Array,
): number {
  let count = 0;
  for (let t = 0; t < columns.length; t++) {
    const v = row[columns[t]];
    if (typeof v === "number" && Number.isFinite(v)) {
      out[t] = v;
      count++;
    } else out[t] = NaN;
  }
  return count;
}

/** The normal model (no usable history). */
export function normalFit(mean: number, sd: number): DemandFit {
  return {
    model: "normal",
    values: new Float64Array(0),
    block: 1,
    occurrence: 0,
    sizeMu: 0,
    sizeSigma: 0,
    sizeMean: 0,
    mean,
    sd,
  };
}

/**
 * Fits a SKU's model from its history row (`history`, NaN = blank, `periods` cells), falling back to
 * N(mean, sd) when there are fewer than MIN_HISTORY_PERIODS numeric periods or no positive demand.
 */
export function fitDemand(history: Float64Array, periods: number, mean: number, sd: number): DemandFit {
  let count = 0;
  for (let t = 0; t < periods; t++) if (history[t] === history[t]) count++;
  if (count < MIN_HISTORY_PERIODS) return normalFit(mean, sd);
  const values = new Float64Array(count);
  let k = 0;
  for (let t = 0; t < periods; t++) {
    const x = history[t];
    if (x === x) values[k++] = x > 0 ? x : 0;
  }
  const pattern = demandPatternOfRow(values, count, 0);
  if (pattern.kind !== ErrorKind.None) return normalFit(mean, sd); // no positive demand
  const demandClass = classifyDemand(pattern.adi, pattern.cv2);
  const fit = normalFit(mean, sd);
  if (demandClass === "smooth" || demandClass === "erratic") {
    fit.model = "bootstrap";
    fit.values = values;
    fit.block = Math.max(1, round(cbrt(count)));
    return fit;
  }
  // Compound: occurrence N/T, lognormal sizes matched to the non-zero sizes' mean and CV
  // (σ² = ln(1 + CV²), μ = ln m − σ²/2, so E[size] = m exactly).
  let sum = 0;
  for (let t = 0; t < count; t++) sum += values[t];
  const sizeMean = sum / pattern.demands;
  const cv2 = pattern.cv2;
  fit.model = "compound";
  fit.occurrence = pattern.demands / count;
  fit.sizeMean = sizeMean;
  fit.sizeSigma = cv2 > 0 ? sqrt(log(1 + cv2)) : 0;
  fit.sizeMu = log(sizeMean) - (fit.sizeSigma * fit.sizeSigma) / 2;
  return fit;
}

/**
 * The demand model of a SKU whose buffer comes from its forecast (the Segmentation's forecast
 * level F and one-step RMSE): an intermittent item keeps its compound model with the sizes scaled
 * so the mean is F (occurrence and size CV unchanged); any other item draws max(0, N(F, RMSE)),
 * the forecast's own error model ("forecast"). A bootstrap of the whole history would bring back
 * the level shifts the forecast has followed, and the spread its buffer was not sized for.
 */
export function forecastFit(fit: DemandFit, level: number, rmse: number): DemandFit {
  if (fit.model === "compound") {
    const scale = level / (fit.occurrence * fit.sizeMean);
    if (!(scale > 0) || !Number.isFinite(scale)) return { ...normalFit(level, rmse), model: "forecast" };
    return { ...fit, sizeMean: fit.sizeMean * scale, sizeMu: fit.sizeMu + log(scale), mean: level };
  }
  return { ...normalFit(level, rmse), model: "forecast" };
}

/**
 * Draws `count` periods of demand into out[offset …]. Each call starts a fresh replication (a new
 * block in the bootstrap). Uses `rng` only: the same stream gives the same demand.
 */
export function drawDemand(
  fit: DemandFit,
  rng: SeededRandom,
  out: Float64Array,
  offset: number,
  count: number,
): void {
  const end = offset + count;
  switch (fit.model) {
    case "normal":
    case "forecast": {
      const { mean, sd } = fit;
      for (let t = offset; t < end; t++) {
        const d = mean + sd * rng.nextNormal();
        out[t] = d > 0 ? d : 0; // a negative draw is zero demand, not redrawn
      }
      return;
    }
    case "bootstrap": {
      const { values, block } = fit;
      const n = values.length;
      let position = 0;
      let left = 0;
      for (let t = offset; t < end; t++) {
        if (left === 0) {
          position = floor(rng.nextFloat() * n);
          left = block;
        } else if (++position === n) position = 0;
        left--;
        out[t] = values[position];
      }
      return;
    }
    case "compound": {
      const { occurrence, sizeMu, sizeSigma, sizeMean } = fit;
      for (let t = offset; t < end; t++) {
        if (rng.nextFloat() < occurrence)
          out[t] = sizeSigma > 0 ? exp(sizeMu + sizeSigma * rng.nextNormal()) : sizeMean;
        else out[t] = 0;
      }
      return;
    }
  }
}
