/**
 * Draws the toolbar and store icons (public/icons/icon-SIZE.png): a rust-red rounded square with
 * a page whose text lines sit beside a highlighted margin. Run after changing the design:
 * `node scripts/make-icons.mjs`. Pure Node (zlib), so no image tool is needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BACKGROUND = [156, 59, 34];
const PAGE = [255, 255, 255];
const MARK = [247, 200, 76];

/** The design on a unit square: returns the colour at (x, y) or null for transparent. */
function colourAt(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  if (x > 0.2 && x < 0.3 && y > 0.2 && y < 0.8) return MARK;
  const lines = [0.24, 0.42, 0.6];
  for (const top of lines) {
    if (x > 0.38 && x < 0.8 && y > top && y < top + 0.1) return PAGE;
  }
  if (x > 0.38 && x < 0.62 && y > 0.7 && y < 0.8) return PAGE;
  return BACKGROUND;
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function renderPng(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 1;
        }
      }
      const offset = 1 + px * 4;
      if (sum[3] > 0) {
        row[offset] = Math.round(sum[0] / sum[3]);
        row[offset + 1] = Math.round(sum[1] / sum[3]);
        row[offset + 2] = Math.round(sum[2] / sum[3]);
      }
      row[offset + 3] = Math.round((255 * sum[3]) / samples ** 2);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icons/icon-${size}.png`, renderPng(size));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to public/icons`);
