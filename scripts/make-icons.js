/*
 * Writes the add-in's icons (assets/icon-16.png … icon-128.png): a blue rounded square with
 * three white bars, a distribution at a glance. Pure node: zlib for the PNG's image data.
 * Run: node scripts/make-icons.js
 */
const { deflateSync } = require("node:zlib");
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
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

/** Coverage (0–1) of pixel (x, y) by the icon's shapes, sampled 4×4 for smooth edges. */
function pixel(size, x, y) {
  const radius = size * 0.18;
  const bars = [
    [0.22, 0.55],
    [0.42, 0.3],
    [0.62, 0.42],
  ];
  const barWidth = 0.14;
  let inside = 0;
  let white = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(px, radius), size - radius);
      const cy = Math.min(Math.max(py, radius), size - radius);
      if ((px - cx) ** 2 + (py - cy) ** 2 > radius ** 2) continue;
      inside++;
      const u = px / size;
      const v = py / size;
      if (bars.some(([left, top]) => u >= left && u < left + barWidth && v >= top && v < 0.8))
        white++;
    }
  }
  return { alpha: inside / 16, white: inside ? white / inside : 0 };
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const { alpha, white } = pixel(size, x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = Math.round(BLUE[i] + (WHITE[i] - BLUE[i]) * white);
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = join(__dirname, "..", "assets");
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(join(dir, `icon-${size}.png`), png(size));
console.log(`Wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to assets/`);
