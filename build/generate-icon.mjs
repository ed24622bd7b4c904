// Renders build/icon.png (512x512 RGBA) from the geometry of build/icon.svg, with no dependencies:
// shapes are signed-distance functions, anti-aliased with 4x4 supersampling, encoded with zlib.
// Run: node build/generate-icon.mjs
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const hex = (h) => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
];

const roundedRect = (x, y, w, h, r) => (px, py) => {
  const cx = x + w / 2;
  const cy = y + h / 2;
  const qx = Math.abs(px - cx) - (w / 2 - r);
  const qy = Math.abs(py - cy) - (h / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (px, py) => Math.hypot(px - cx, py - cy) - r;
const segment = (ax, ay, bx, by, width) => (px, py) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) - width / 2;
};
const polyline = (points, width) => {
  const parts = points
    .slice(1)
    .map((p, i) => segment(points[i][0], points[i][1], p[0], p[1], width));
  return (px, py) => Math.min(...parts.map((f) => f(px, py)));
};

// Same layers as icon.svg, back to front.
const layers = [
  { shape: roundedRect(16, 16, 480, 480, 108), color: hex('#0e5e63') },
  { shape: roundedRect(140, 104, 240, 304, 28), color: hex('#ffffff') },
  { shape: circle(140, 168, 14), color: hex('#0b4a4e') },
  { shape: circle(140, 256, 14), color: hex('#0b4a4e') },
  { shape: circle(140, 344, 14), color: hex('#0b4a4e') },
  { shape: segment(196, 164, 324, 164, 16), color: hex('#9cc9c6') },
  { shape: segment(196, 204, 292, 204, 16), color: hex('#9cc9c6') },
  {
    shape: polyline(
      [
        [196, 290],
        [240, 334],
        [324, 246],
      ],
      32,
    ),
    color: hex('#0e8a7e'),
  },
];

const SAMPLES = 4;
const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y += 1) {
  for (let x = 0; x < SIZE; x += 1) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        // Composite this sample: the top-most covering layer wins (shapes are opaque).
        let color = null;
        for (const layer of layers) if (layer.shape(px, py) <= 0) color = layer.color;
        if (color) {
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
    }
    const offset = (y * SIZE + x) * 4;
    // Straight (non-premultiplied) alpha, as PNG expects.
    pixels[offset] = a ? Math.round(r / a) : 0;
    pixels[offset + 1] = a ? Math.round(g / a) : 0;
    pixels[offset + 2] = a ? Math.round(b / a) : 0;
    pixels[offset + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type RGBA
header[10] = 0; // compression
header[11] = 0; // filter
header[12] = 0; // no interlace

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y += 1) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
}

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = new URL('./icon.png', import.meta.url);
writeFileSync(target, png);
console.log(`wrote ${fileURLToPath(target)} (${png.length} bytes)`);
