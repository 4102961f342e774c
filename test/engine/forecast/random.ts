/**
 * Seeded test data: mulberry32 (Tommy Ettinger's public-domain 32-bit generator) and Box–Muller
 * normals, so every synthetic series in these tests is the same on every run and machine.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws from a uniform generator (Box & Muller 1958). */
export function normals(uniform: () => number): () => number {
  return () => {
    let u = 0;
    while (u === 0) u = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** A series of `length` values y_t = f(t). */
export function series(length: number, f: (t: number) => number): Float64Array {
  return Float64Array.from({ length }, (_, t) => f(t));
}
