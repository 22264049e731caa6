#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-<size>.png) without any image library: a green tile with a white
 * ledger page (title bar and ruled lines), anti-aliased by 4x4 supersampling. Run: node scripts/make-icons.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { Buffer } = require('buffer');

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [16, 124, 65];
const DARK = [12, 92, 48];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c = ~0 >>> 0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour at (u, v) in unit coordinates, or null for transparent. */
function paint(u, v) {
  const r = 0.16; // tile corner radius
  const inTile = (() => {
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  })();
  if (!inTile) return null;
  // the page
  if (u >= 0.22 && u <= 0.78 && v >= 0.16 && v <= 0.84) {
    if (v <= 0.32) return DARK; // title bar
    for (const line of [0.44, 0.56, 0.68]) if (Math.abs(v - line) <= 0.035 && u >= 0.3 && u <= 0.7) return GREEN;
    if (Math.abs(u - 0.5) <= 0.025 && v > 0.38 && v < 0.76) return GREEN; // column rule
    return WHITE;
  }
  return GREEN;
}

function draw(size) {
  const ss = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let rs = 0, gs = 0, bs = 0, a = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const c = paint((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          if (c) { rs += c[0]; gs += c[1]; bs += c[2]; a++; }
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) { out[o] = Math.round(rs / a); out[o + 1] = Math.round(gs / a); out[o + 2] = Math.round(bs / a); }
      out[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return png(size, out);
}

const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  fs.writeFileSync(path.join(dir, `icon-${size}.png`), draw(size));
  console.log(`assets/icon-${size}.png`);
}
