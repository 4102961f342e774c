/**
 * The model table: every concrete method behind one interface (start-up, run, forecast), its
 * parameter box and starting point, and the parameter fit.
 *
 * Parameters are fitted per series by minimising the in-sample one-step-ahead SSE with the initial
 * states fixed by the start-up heuristics (unlike R's ets, which also optimises the initial
 * states: fixing them keeps a fit to 1–3 parameters and a few hundred recursions). Boxes:
 *
 * | model        | parameters             | box                                    | start          |
 * |--------------|------------------------|----------------------------------------|----------------|
 * | ses          | α                      | [0.01, 0.99]                           | golden section |
 * | damped       | α, β*, φ               | [0.01, 0.99]², φ ∈ [0.80, 0.98]        | 0.3, 0.1, 0.9  |
 * | hw_add/mul   | α, β*, γ*              | [0.01, 0.99]³                          | 0.3, 0.1, 0.1  |
 * | croston, sba | α (sizes and intervals)| [0.01, 0.5]                            | golden section |
 * | tsb          | α (size), β (prob.)    | [0.01, 0.5]²                           | 0.1, 0.1       |
 *
 * β = α·β*, γ = (1 − α)·γ* (smoothing.ts). φ ∈ [0.8, 0.98] is the range Hyndman & Athanasopoulos
 * (FPP 3rd ed., §8.2) recommend: below 0.8 the damping is so strong the trend vanishes, above 0.98
 * a damped trend cannot be told from an undamped one. The intermittent weights stop at 0.5 because the
 * intermittent-demand literature works with small constants (Syntetos & Boylan 2005 study
 * α = 0.05 … 0.20): an SSE fit on a few demand occurrences otherwise chases the last one.
 * One parameter: golden-section search; two or three: bounded Nelder–Mead (optimize.ts).
 */
import { seasonalNaiveForecast, seasonalNaiveRun } from "./baseline";
import { crostonRun, tsbRun } from "./intermittent";
import { goldenSection, nelderMead } from "./optimize";
import {
  dampedForecast,
  dampedRun,
  flatForecast,
  holtWintersAdditiveRun,
  holtWintersForecast,
  holtWintersInit,
  holtWintersMultiplicativeRun,
  sesInit,
  sesRun,
  trendInit,
} from "./smoothing";
import type { ModelName } from "./types";
import type { ForecastWorkspace } from "./workspace";

export interface ModelSpec {
  readonly name: ModelName;
  /** Index into ws.parameters and ws.holdoutForecast; also the tie-break order (simpler first). */
  readonly id: number;
  readonly parameterCount: number;
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly start: readonly number[];
  /** Fewest observations the model can be started on, for season length m. */
  minLength(m: number): number;
  /** Heuristic initial states for the window y[0..n). */
  init(y: Float64Array, n: number, m: number, ws: ForecastWorkspace): void;
  /** In-sample one-step SSE at parameters p, from the states of the last init; leaves final states. */
  run(y: Float64Array, n: number, m: number, p: Float64Array, ws: ForecastWorkspace): number;
  /** Forecasts 1 … horizon periods after y[0..n) into out[offset …], from the states of the last run. */
  forecast(
    y: Float64Array,
    n: number,
    m: number,
    p: Float64Array,
    horizon: number,
    out: Float64Array,
    offset: number,
    ws: ForecastWorkspace,
  ): void;
}

const UNIT = [0.01, 0.99];
const SMALL = [0.01, 0.5];

function noInit(): void {}

function flat(
  _y: Float64Array,
  _n: number,
  _m: number,
  _p: Float64Array,
  horizon: number,
  out: Float64Array,
  offset: number,
  ws: ForecastWorkspace,
): void {
  flatForecast(ws, horizon, out, offset);
}

const naive: ModelSpec = {
  name: "naive",
  id: 0,
  parameterCount: 0,
  lower: [],
  upper: [],
  start: [],
  minLength: () => 1,
  init: noInit,
  run: (y, n, _m, _p, ws) => seasonalNaiveRun(y, n, 1, ws),
  forecast: (y, n, _m, _p, horizon, out, offset) => seasonalNaiveForecast(y, n, 1, horizon, out, offset),
};

const snaive: ModelSpec = {
  name: "snaive",
  id: 1,
  parameterCount: 0,
  lower: [],
  upper: [],
  start: [],
  minLength: (m) => m,
  init: noInit,
  run: (y, n, m, _p, ws) => seasonalNaiveRun(y, n, m, ws),
  forecast: (y, n, m, _p, horizon, out, offset) => seasonalNaiveForecast(y, n, m, horizon, out, offset),
};

const ses: ModelSpec = {
  name: "ses",
  id: 2,
  parameterCount: 1,
  lower: [UNIT[0]],
  upper: [UNIT[1]],
  start: [0.3],
  minLength: () => 1,
  init: (y, n, _m, ws) => sesInit(y, n, ws),
  run: (y, n, _m, p, ws) => sesRun(y, n, p[0], ws),
  forecast: flat,
};

const croston: ModelSpec = {
  name: "croston",
  id: 3,
  parameterCount: 1,
  lower: [SMALL[0]],
  upper: [SMALL[1]],
  start: [0.1],
  minLength: () => 1,
  init: noInit,
  run: (y, n, _m, p, ws) => crostonRun(y, n, p[0], false, ws),
  forecast: flat,
};

const sba: ModelSpec = {
  ...croston,
  name: "sba",
  id: 4,
  run: (y, n, _m, p, ws) => crostonRun(y, n, p[0], true, ws),
};

const tsb: ModelSpec = {
  name: "tsb",
  id: 5,
  parameterCount: 2,
  lower: [SMALL[0], SMALL[0]],
  upper: [SMALL[1], SMALL[1]],
  start: [0.1, 0.1],
  minLength: () => 1,
  init: noInit,
  run: (y, n, _m, p, ws) => tsbRun(y, n, p[0], p[1], ws),
  forecast: flat,
};

const damped: ModelSpec = {
  name: "damped",
  id: 6,
  parameterCount: 3,
  lower: [UNIT[0], UNIT[0], 0.8],
  upper: [UNIT[1], UNIT[1], 0.98],
  start: [0.3, 0.1, 0.9],
  minLength: () => 2,
  init: (y, n, _m, ws) => trendInit(y, n, ws),
  run: (y, n, _m, p, ws) => dampedRun(y, n, p[0], p[1], p[2], ws),
  forecast: (_y, _n, _m, p, horizon, out, offset, ws) => dampedForecast(ws, p[2], horizon, out, offset),
};

const hwAdd: ModelSpec = {
  name: "hw_add",
  id: 7,
  parameterCount: 3,
  lower: [UNIT[0], UNIT[0], UNIT[0]],
  upper: [UNIT[1], UNIT[1], UNIT[1]],
  start: [0.3, 0.1, 0.1],
  minLength: (m) => (m >= 2 ? 2 * m : Infinity),
  init: (y, n, m, ws) => holtWintersInit(y, n, m, false, ws),
  run: (y, n, m, p, ws) => holtWintersAdditiveRun(y, n, m, p[0], p[1], p[2], ws),
  forecast: (_y, n, m, _p, horizon, out, offset, ws) =>
    holtWintersForecast(ws, n, m, false, horizon, out, offset),
};

const hwMul: ModelSpec = {
  ...hwAdd,
  name: "hw_mul",
  id: 8,
  init: (y, n, m, ws) => holtWintersInit(y, n, m, true, ws),
  run: (y, n, m, p, ws) => holtWintersMultiplicativeRun(y, n, m, p[0], p[1], p[2], ws),
  forecast: (_y, n, m, _p, horizon, out, offset, ws) =>
    holtWintersForecast(ws, n, m, true, horizon, out, offset),
};

/** Every concrete model, simplest first: the order in which ties are broken. */
export const MODELS: readonly ModelSpec[] = [naive, snaive, ses, croston, sba, tsb, damped, hwAdd, hwMul];

/** The model for a concrete method name. */
export function modelFor(name: ModelName): ModelSpec {
  for (const model of MODELS) if (model.name === name) return model;
  throw new Error(`unknown model ${name}`);
}

/**
 * Nelder–Mead evaluation caps. Most fits stop on the tolerances well before them; raising them
 * further changed no holdout choice and no out-of-sample MASE in the third decimal.
 */
export const MAX_EVALUATIONS_COLD = 300;
/** A refit warm-started from the holdout fit (a nearby optimum) needs far fewer. */
export const MAX_EVALUATIONS_WARM = 150;
/** Initial simplex edge, as a share of each parameter's range: cold start and warm start. */
const STEP_COLD = 0.2;
const STEP_WARM = 0.05;

/**
 * Fits `model` to y[0..n) by minimising the one-step SSE; the parameters land in
 * ws.parameters[model.id] and the model's final states in ws. With `warmStart`, the search starts
 * from the parameters already there (the fit on the holdout window) with a smaller simplex.
 * Returns the SSE at the fitted parameters.
 */
export function fitModel(
  model: ModelSpec,
  y: Float64Array,
  n: number,
  m: number,
  ws: ForecastWorkspace,
  warmStart: boolean,
): number {
  const p = ws.parameters[model.id];
  model.init(y, n, m, ws);
  const d = model.parameterCount;
  if (d === 1) {
    goldenSection((x) => model.run(y, n, m, x, ws), ws.trial, model.lower[0], model.upper[0]);
    p[0] = ws.trial[0];
  } else if (d > 1) {
    if (!warmStart) for (let j = 0; j < d; j++) p[j] = model.start[j];
    nelderMead(
      (x) => model.run(y, n, m, x, ws),
      p,
      d,
      model.lower,
      model.upper,
      warmStart ? STEP_WARM : STEP_COLD,
      warmStart ? MAX_EVALUATIONS_WARM : MAX_EVALUATIONS_COLD,
      ws,
    );
  }
  return model.run(y, n, m, p, ws);
}
