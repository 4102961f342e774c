// Draws the add-in's icons (assets/icon-{16,32,64,80}.png) with no dependencies: a teal rounded
// square holding two stacked storage crates (inventory) and a gold upward arrow (cash released).
// Shapes are described on a design grid and rendered with 8×8 supersampling per pixel, so edges
// are anti-aliased; 16 px gets its own simpler drawing because the detailed one turns to mush.
// Run `node assets/make-icons.mjs` after changing the design; the PNGs are committed.
import { Buffer } from "node:buffer";
import { writeFileSync } from "node:fs";
import { URL } from "node:url";
import { deflateSync } from "node:zlib";

const TEAL_TOP = [22, 168, 142];
const TEAL_BOTTOM = [9, 104, 92];
const WHITE = [255, 255, 255];
const GOLD = [255, 196, 58];

// Shapes are data in design-grid units; `toPixels` turns them into hit tests at a given scale.
const roundedRect = (x0, y0, x1, y1, radius) => ({ kind: "roundedRect", points: [x0, y0, x1, y1], radius });
const rect = (x0, y0, x1, y1) => ({ kind: "rect", points: [x0, y0, x1, y1] });
const triangle = (...points) => ({ kind: "triangle", points });

/**
 * Hit test in pixel units. When the design is scaled (64-grid drawn at 80 px), every vertex is
 * rounded to a whole pixel so straight edges stay crisp instead of landing on half pixels.
 */
function toPixels({ kind, points, radius }, scale) {
  const [x0, y0, x1, y1, x2, y2] = points.map((v) => (scale === 1 ? v : Math.round(v * scale)));
  if (kind === "rect") return (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
  if (kind === "roundedRect") {
    const r = radius * scale;
    return (x, y) => {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
      const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
      return dx * dx + dy * dy <= r * r;
    };
  }
  return (x, y) => {
    const side = (px, py, qx, qy) => (qx - px) * (y - py) - (qy - py) * (x - px);
    const s1 = side(x0, y0, x1, y1);
    const s2 = side(x1, y1, x2, y2);
    const s3 = side(x2, y2, x0, y0);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

/** Background colour at height `t` (0 = top, 1 = bottom) of the icon. */
const teal = (t) => TEAL_TOP.map((top, i) => top + (TEAL_BOTTOM[i] - top) * t);

// A storage crate: a lid slightly wider than the body, a strip of background between them, and
// a handle slot cut into the body.
const crate = (lid, body, slot) => [
  { shape: rect(...lid), fill: WHITE },
  { shape: rect(...body), fill: WHITE },
  { shape: rect(...slot), fill: teal },
];

// 64-unit grid; even coordinates land on whole pixels at 32 px.
const DETAILED = {
  grid: 64,
  layers: [
    { shape: roundedRect(0, 0, 64, 64, 13), fill: teal },
    ...crate([6, 34, 36, 38], [8, 40, 34, 54], [16, 44, 26, 46]),
    ...crate([10, 14, 32, 18], [12, 20, 30, 30], [16, 22, 26, 24]),
    { shape: rect(42, 30, 50, 54), fill: GOLD },
    { shape: triangle(34, 32, 46, 10, 58, 32), fill: GOLD },
  ],
};

// 16-unit grid drawn 1:1: one crate, and an arrow head whose half-pixel base centres it on the shaft.
const SIMPLE = {
  grid: 16,
  layers: [
    { shape: roundedRect(0, 0, 16, 16, 3.5), fill: teal },
    ...crate([1, 7, 8, 9], [2, 10, 7, 14], [4, 11, 5, 12]),
    { shape: rect(11, 7, 13, 14), fill: GOLD },
    { shape: triangle(8.5, 7.5, 12, 2, 15.5, 7.5), fill: GOLD },
  ],
};

const SUPERSAMPLING = 8;

/** Renders a design at `size` pixels as straight (non-premultiplied) RGBA bytes. */
function render({ grid, layers }, size) {
  const pixels = Buffer.alloc(size * size * 4);
  const hits = layers.map(({ shape, fill }) => ({ hit: toPixels(shape, size / grid), fill }));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = px + (sx + 0.5) / SUPERSAMPLING;
          const y = py + (sy + 0.5) / SUPERSAMPLING;
          let colour = null;
          for (const { hit, fill } of hits) {
            if (hit(x, y)) colour = typeof fill === "function" ? fill(y / size) : fill;
          }
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
        pixels[offset + 3] = Math.round((255 * a) / SUPERSAMPLING ** 2);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** PNG (RFC 2083): 8-bit RGBA, no interlace, filter type 0 on every row. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80]) {
  const drawing = size <= 16 ? SIMPLE : DETAILED;
  const file = new URL(`icon-${size}.png`, import.meta.url);
  writeFileSync(file, encodePng(size, render(drawing, size)));
  console.log(`wrote ${file.pathname}`);
}
