/**
 * Deterministic derivative-free minimisers for the smoothing parameters: golden-section search for
 * one parameter and Nelder–Mead restricted to a box for two or three. No randomness, fixed
 * starting points and iteration caps, so the same series always gets the same parameters.
 * Work vectors come from the ForecastWorkspace; nothing is allocated per evaluation.
 */
import type { ForecastWorkspace } from "./workspace";

/** The in-sample SSE of a model at parameters x[0..d); Infinity where the model breaks down. */
export type Objective = (x: Float64Array) => number;

const INV_GOLDEN = (Math.sqrt(5) - 1) / 2; // 0.618…

/** Golden-section iterations: the bracket shrinks to 0.618^24 ≈ 1e-5 of its width. */
export const GOLDEN_ITERATIONS = 24;

/**
 * Minimises f(x[0]) on [lower, upper] by golden-section search (Kiefer 1953; Press et al.,
 * "Numerical Recipes", 3rd ed., §10.2) with a fixed number of iterations. Exact for a unimodal f;
 * otherwise a local minimum. Ties move the bracket towards `lower` (the smoother model). Leaves the
 * best point evaluated in x[0] and returns its value.
 */
export function goldenSection(f: Objective, x: Float64Array, lower: number, upper: number): number {
  let a = lower;
  let b = upper;
  let c = b - INV_GOLDEN * (b - a);
  let d = a + INV_GOLDEN * (b - a);
  x[0] = c;
  let fc = f(x);
  x[0] = d;
  let fd = f(x);
  let best = fc <= fd ? c : d;
  let fBest = fc <= fd ? fc : fd;
  for (let i = 0; i < GOLDEN_ITERATIONS; i++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_GOLDEN * (b - a);
      x[0] = c;
      fc = f(x);
      if (fc < fBest || (fc === fBest && c < best)) {
        best = c;
        fBest = fc;
      }
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_GOLDEN * (b - a);
      x[0] = d;
      fd = f(x);
      if (fd < fBest) {
        best = d;
        fBest = fd;
      }
    }
  }
  x[0] = best;
  return fBest;
}

/** Nelder–Mead stops when the vertex values agree to this relative tolerance … */
export const SIMPLEX_VALUE_TOLERANCE = 1e-7;
/** … or every vertex is this close to the best one in every coordinate. */
export const SIMPLEX_SIZE_TOLERANCE = 1e-4;

function clampInto(v: Float64Array, d: number, lower: ArrayLike<number>, upper: ArrayLike<number>): void {
  for (let j = 0; j < d; j++) v[j] = v[j] < lower[j] ? lower[j] : v[j] > upper[j] ? upper[j] : v[j];
}

/**
 * Minimises f over the box lower ≤ x ≤ upper (d ≤ 3 coordinates) with the Nelder–Mead simplex
 * method (Nelder & Mead, Computer Journal 7 (1965); coefficients 1, 2, ½, ½ as in Lagarias et al.,
 * SIAM J. Optim. 9 (1998)). Trial points outside the box are projected (clamped) onto it, so every
 * evaluation is a valid parameter set. The start simplex is x plus `step`·(upper − lower) along each axis
 * (minus, where plus would leave the box). Stops on SIMPLEX_VALUE_TOLERANCE, SIMPLEX_SIZE_TOLERANCE
 * or after `maxEvaluations`. Leaves the best vertex in x and returns its value.
 */
export function nelderMead(
  f: Objective,
  x: Float64Array,
  d: number,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  step: number,
  maxEvaluations: number,
  ws: ForecastWorkspace,
): number {
  const { vertices, vertexValues: values, order, centroid, reflected, expanded, contracted } = ws;
  for (let i = 0; i <= d; i++) {
    const v = vertices[i];
    for (let j = 0; j < d; j++) v[j] = x[j];
    if (i > 0) {
      const j = i - 1;
      const delta = step * (upper[j] - lower[j]);
      v[j] = v[j] + delta <= upper[j] ? v[j] + delta : v[j] - delta;
    }
    clampInto(v, d, lower, upper);
    values[i] = f(v);
    order[i] = i;
  }
  let evaluations = d + 1;
  while (true) {
    // Insertion sort of d + 1 ≤ 4 indices by value; ties keep the earlier vertex first.
    for (let i = 1; i <= d; i++) {
      const k = order[i];
      let j = i - 1;
      while (j >= 0 && values[order[j]] > values[k]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
    const best = vertices[order[0]];
    const fBest = values[order[0]];
    const worstIndex = order[d];
    const worst = vertices[worstIndex];
    const fWorst = values[worstIndex];
    if (evaluations >= maxEvaluations) break;
    if (fWorst - fBest <= SIMPLEX_VALUE_TOLERANCE * Math.abs(fBest) || fWorst === fBest) break;
    let size = 0;
    for (let i = 1; i <= d; i++) {
      const v = vertices[order[i]];
      for (let j = 0; j < d; j++) size = Math.max(size, Math.abs(v[j] - best[j]));
    }
    if (size <= SIMPLEX_SIZE_TOLERANCE) break;

    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let i = 0; i < d; i++) sum += vertices[order[i]][j];
      centroid[j] = sum / d;
    }
    for (let j = 0; j < d; j++) reflected[j] = 2 * centroid[j] - worst[j];
    clampInto(reflected, d, lower, upper);
    const fReflected = f(reflected);
    evaluations++;
    if (fReflected < fBest) {
      for (let j = 0; j < d; j++) expanded[j] = 3 * centroid[j] - 2 * worst[j];
      clampInto(expanded, d, lower, upper);
      const fExpanded = f(expanded);
      evaluations++;
      const accept = fExpanded < fReflected ? expanded : reflected;
      for (let j = 0; j < d; j++) worst[j] = accept[j];
      values[worstIndex] = fExpanded < fReflected ? fExpanded : fReflected;
      continue;
    }
    if (fReflected < values[order[d - 1]]) {
      for (let j = 0; j < d; j++) worst[j] = reflected[j];
      values[worstIndex] = fReflected;
      continue;
    }
    // Contraction: outside when the reflection improved on the worst vertex, else inside.
    const outside = fReflected < fWorst;
    for (let j = 0; j < d; j++) {
      contracted[j] = outside
        ? centroid[j] + 0.5 * (reflected[j] - centroid[j])
        : centroid[j] + 0.5 * (worst[j] - centroid[j]);
    }
    const fContracted = f(contracted);
    evaluations++;
    if (fContracted < (outside ? fReflected : fWorst)) {
      for (let j = 0; j < d; j++) worst[j] = contracted[j];
      values[worstIndex] = fContracted;
      continue;
    }
    // Shrink every vertex halfway towards the best.
    for (let i = 1; i <= d; i++) {
      const v = vertices[order[i]];
      for (let j = 0; j < d; j++) v[j] = best[j] + 0.5 * (v[j] - best[j]);
      values[order[i]] = f(v);
      evaluations++;
    }
  }
  const best = vertices[order[0]];
  for (let j = 0; j < d; j++) x[j] = best[j];
  return values[order[0]];
}
