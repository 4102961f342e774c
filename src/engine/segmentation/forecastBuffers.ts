/**
 * Per-SKU forecasts for the Segmentation's buffers (README "Forecast-driven buffers"): the
 * Syntetos–Boylan demand class, a level forecast from the model family the class picks, its
 * rolling-origin holdout accuracy, its one-step residual RMSE, and whether the forecast may replace
 * the demand mean and SD in the safety stock and reorder point.
 *
 * - Class: demandPatternOfRow (WCAP.DEMANDCLASS). Family, as WCAP.FORECAST's auto choice draws it
 *   (ADI ≥ 1.32 → intermittent methods): smooth and erratic → simple exponential smoothing ("ses"),
 *   intermittent and lumpy → the Syntetos–Boylan approximation ("sba", Syntetos & Boylan, IJF 21
 *   (2005)). Both are level models, so the forecast is flat: Σ forecast over L periods = L · F.
 * - One model per family rather than the full auto candidate set keeps segment() on 100,000 SKUs ×
 *   104 periods at a few seconds instead of ≈ 10 s (bench/run.mjs); seasonality is not modelled
 *   here (season length 1), so the baseline is the naive forecast (seasonal naive with m = 1).
 * - Horizon 1: the holdout scores one-step forecasts at each rolling origin, the same step as the
 *   residual RMSE that becomes the buffer's σ.
 * - The forecast replaces the demand mean and SD only if (a) the model beat the naive baseline on
 *   the same holdout points (MASE lower by more than BASELINE_MARGIN; WAPE when MASE is undefined)
 *   and (b) its one-step RMSE is at most the demand SD. (b) rejects a forecast that is worse than
 *   the plain mean in-sample: a demanding planner keeps the demand-SD buffer then rather than a
 *   larger buffer from a worse forecast or a smaller one from a model that has not earned it.
 */
import { classifyDemand, demandPatternOfRow, type DemandClass } from "../demandClass";
import { ErrorKind } from "../errors";
import { type ForecastDiagnosticColumns, type ForecastDrivers, forecastInto } from "../forecast";
import { ItemDrivers, Items } from "./prepare";
import { SegmentationSettings } from "./settings";

/** Fewest non-blank periods of history before a forecast may set a buffer (a holdout of ≥ 3 origins). */
export const MIN_FORECAST_PERIODS = 12;

/** A model must cut the baseline's holdout error by more than this share (as WCAP.FORECAST's auto choice). */
export const BASELINE_MARGIN = 0.01;

/** Items per chunk between progress reports. */
export const PROGRESS_CHUNK = 4096;

/**
 * Most forecast steps asked for with drivers: a lead time beyond it is covered by repeating the
 * last step (three years of weeks).
 */
export const MAX_DRIVER_STEPS = 156;

/** Why an item's buffer comes from the forecast (0) or from the demand SD (the rest). */
export enum BufferBasis {
  Forecast = 0,
  Off = 1,
  NoHistory = 2,
  ShortHistory = 3,
  NoDemand = 4,
  NegativeDemand = 5,
  ForecastFailed = 6,
  BaselineNotBeaten = 7,
  WorseThanSd = 8,
}

/** The Segmentation's "Buffer basis" text per BufferBasis. */
export const BUFFER_BASIS_TEXT: readonly string[] = [
  "forecast",
  "demand SD: forecast buffers off",
  "demand SD: no demand history",
  `demand SD: fewer than ${MIN_FORECAST_PERIODS} periods of history`,
  "demand SD: no demand in history",
  "demand SD: negative demand in history",
  "demand SD: no forecast",
  "demand SD: forecast did not beat the naive baseline",
  "demand SD: forecast error above demand SD",
];

export type BufferModel = "ses" | "sba";

/** Per-item forecast figures (same order as Items); NaN / "" where there is none. */
export interface ItemForecasts {
  demandClass: (DemandClass | "")[];
  method: (BufferModel | "")[];
  /**
   * Forecast per period over the lead time: the flat level of SES or SBA, or with driver columns
   * the mean of the driven forecasts over the SKU's lead time (so level × L is the forecast demand
   * over the lead time either way).
   */
  level: Float64Array;
  /** One-step residual RMSE of the final fit, per period. */
  rmse: Float64Array;
  /** Holdout accuracy of `method` (WAPE, bias Σ(F − A) ÷ ΣA, MASE) and the naive baseline's MASE. */
  wape: Float64Array;
  bias: Float64Array;
  mase: Float64Array;
  baselineMase: Float64Array;
  basis: Uint8Array;
}

/** Marks rows forecastInto must skip (any non-zero status is skipped). */
const SKIP = 255;

function diagnosticColumns(size: number): ForecastDiagnosticColumns {
  return {
    method: new Uint8Array(size),
    seasonLength: new Float64Array(size),
    wape: new Float64Array(size),
    mase: new Float64Array(size),
    bias: new Float64Array(size),
    residualRmse: new Float64Array(size),
  };
}

/**
 * True when the model's holdout error is lower than the baseline's by more than BASELINE_MARGIN.
 * Both were scored on the same holdout points with the same MASE scale and WAPE denominator, so
 * either ratio ranks the total absolute errors; undefined on both → not beaten.
 */
export function beatsBaseline(
  mase: number,
  baselineMase: number,
  wape: number,
  baselineWape: number,
): boolean {
  if (mase === mase && baselineMase === baselineMase) return mase < baselineMase * (1 - BASELINE_MARGIN);
  if (wape === wape && baselineWape === baselineWape) return wape < baselineWape * (1 - BASELINE_MARGIN);
  return false;
}

/**
 * Classifies and forecasts every item with a history, in chunks of PROGRESS_CHUNK items, calling
 * `onProgress(done, total)` after each chunk.
 */
export function forecastItems(
  items: Items,
  settings: SegmentationSettings,
  onProgress?: (done: number, total: number) => void,
): ItemForecasts {
  const n = items.count;
  const periods = items.periods;
  const nan = () => new Float64Array(n).fill(NaN);
  const result: ItemForecasts = {
    demandClass: new Array<DemandClass | "">(n).fill(""),
    method: new Array<BufferModel | "">(n).fill(""),
    level: nan(),
    rmse: nan(),
    wape: nan(),
    bias: nan(),
    mase: nan(),
    baselineMase: nan(),
    basis: new Uint8Array(n).fill(periods === 0 ? BufferBasis.NoHistory : BufferBasis.Off),
  };
  if (periods === 0) return result;

  const chunk = Math.min(PROGRESS_CHUNK, Math.max(1, n));
  const status = { ses: new Uint8Array(chunk), sba: new Uint8Array(chunk), naive: new Uint8Array(chunk) };
  const columns = {
    ses: diagnosticColumns(chunk),
    sba: diagnosticColumns(chunk),
    naive: diagnosticColumns(chunk),
  };
  let out = new Float64Array(chunk);
  const family = new Uint8Array(chunk); // 0 = none, 1 = ses, 2 = sba

  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    const rows = end - start;
    status.ses.fill(SKIP);
    status.sba.fill(SKIP);
    status.naive.fill(SKIP);
    family.fill(0);
    for (let j = 0; j < rows; j++) {
      const i = start + j;
      const pattern = demandPatternOfRow(items.history, periods, i);
      if (pattern.kind === ErrorKind.Num) {
        result.basis[i] = BufferBasis.NegativeDemand;
        continue;
      }
      if (pattern.kind !== ErrorKind.None) {
        result.basis[i] = BufferBasis.NoDemand;
        continue;
      }
      const demandClass = classifyDemand(pattern.adi, pattern.cv2);
      result.demandClass[i] = demandClass;
      if (!settings.forecastBuffers) continue;
      if (pattern.periods < MIN_FORECAST_PERIODS) {
        result.basis[i] = BufferBasis.ShortHistory;
        continue;
      }
      const smooth = demandClass === "smooth" || demandClass === "erratic";
      family[j] = smooth ? 1 : 2;
      (smooth ? status.ses : status.sba)[j] = 0;
      status.naive[j] = 0;
    }
    if (settings.forecastBuffers) {
      const history = items.history.subarray(start * periods, end * periods);
      // With driver columns the models forecast every period of the lead time (the drivers change
      // it period by period); without, one step is the flat level.
      const steps = items.drivers ? driverSteps(items, start, end) : 1;
      const drivers = items.drivers ? chunkDrivers(items.drivers, start, rows, periods, steps) : undefined;
      if (steps * rows > out.length) out = new Float64Array(steps * rows);
      const sized = out.subarray(0, steps * rows);
      for (const model of ["ses", "sba", "naive"] as const) {
        forecastInto(
          sized,
          status[model].subarray(0, rows),
          history,
          periods,
          // The naive baseline is the plain last value: the drivers are part of what a model must add.
          {
            horizon: steps,
            method: model,
            seasonLength: 1,
            ...(model !== "naive" && drivers ? { drivers } : {}),
          },
          columns[model],
        );
        if (model !== "naive") {
          for (let j = 0; j < rows; j++) {
            if (status[model][j] === 0)
              result.level[start + j] = leadTimeRate(
                sized,
                j * steps,
                steps,
                items.leadTimePeriods[start + j],
              );
          }
        }
      }
      for (let j = 0; j < rows; j++) {
        if (family[j] === 0) continue;
        const i = start + j;
        const model: BufferModel = family[j] === 1 ? "ses" : "sba";
        const c = columns[model];
        if (status[model][j] !== 0 || status.naive[j] !== 0) {
          result.level[i] = NaN;
          result.basis[i] = BufferBasis.ForecastFailed;
          continue;
        }
        result.method[i] = model;
        result.rmse[i] = c.residualRmse[j];
        result.wape[i] = c.wape[j];
        result.bias[i] = c.bias[j];
        result.mase[i] = c.mase[j];
        result.baselineMase[i] = columns.naive.mase[j];
        if (!beatsBaseline(c.mase[j], columns.naive.mase[j], c.wape[j], columns.naive.wape[j]))
          result.basis[i] = BufferBasis.BaselineNotBeaten;
        else if (!(c.residualRmse[j] <= items.demandSd[i])) result.basis[i] = BufferBasis.WorseThanSd;
        else result.basis[i] = BufferBasis.Forecast;
      }
    }
    onProgress?.(end, n);
  }
  return result;
}

/** Forecast steps a chunk needs with drivers: its longest lead time, whole periods, 1 … MAX_DRIVER_STEPS. */
function driverSteps(items: Items, start: number, end: number): number {
  let steps = 1;
  for (let i = start; i < end; i++) {
    const lead = items.leadTimePeriods[i];
    if (lead > steps) steps = Math.ceil(lead);
  }
  return Math.min(steps, MAX_DRIVER_STEPS);
}

/**
 * The drivers of items start … start + rows − 1 as forecastInto takes them, periods + steps per
 * row: the table's values, then for the periods it has no column for, or a blank future cell, no
 * promotion and the last price known before (a price stays until it changes).
 */
export function chunkDrivers(
  source: ItemDrivers,
  start: number,
  rows: number,
  periods: number,
  steps: number,
): ForecastDrivers {
  const width = periods + steps;
  const have = periods + source.horizon;
  const copy = (from: Float64Array, carryPrice: boolean): Float64Array => {
    const block = new Float64Array(rows * width);
    for (let j = 0; j < rows; j++) {
      const src = (start + j) * have;
      const dst = j * width;
      const copied = Math.min(width, have);
      block.set(from.subarray(src, src + copied), dst);
      if (copied < width) block.fill(NaN, dst + copied, dst + width);
      if (!carryPrice) continue;
      let last = NaN;
      for (let t = 0; t < width; t++) {
        const x = block[dst + t];
        if (x === x) last = x;
        else if (t >= periods) block[dst + t] = last;
      }
    }
    return block;
  };
  const drivers: ForecastDrivers = {};
  if (source.promo) drivers.promo = copy(source.promo, false);
  if (source.price) drivers.price = copy(source.price, true);
  return drivers;
}

/**
 * The mean forecast per period over a lead time of `lead` periods from forecasts f[offset …
 * offset + steps): Σ of the whole periods plus the fraction of the next, ÷ lead, the last step
 * repeated beyond `steps`; the first step when there is no lead time.
 */
export function leadTimeRate(f: Float64Array, offset: number, steps: number, lead: number): number {
  if (!(lead > 0)) return f[offset];
  const whole = Math.floor(lead);
  let sum = 0;
  for (let h = 0; h < whole; h++) sum += f[offset + Math.min(h, steps - 1)];
  sum += (lead - whole) * f[offset + Math.min(whole, steps - 1)];
  return sum / lead;
}
