/**
 * Draws the Virkning icon (a rising arrow through three steps on a rounded teal square) and
 * writes assets/icon-{16,32,64,80,128}.png. No dependencies: a tiny rasteriser with 4×4
 * supersampling and a PNG encoder on node:zlib. Run: node scripts/make-icons.mjs
 */
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

const TEAL = [15, 108, 92];
const WHITE = [255, 255, 255];
const AMBER = [255, 196, 61];

function crc32(buf) {
  let c;
  const table = crc32.table ?? (crc32.table = Array.from({ length: 256 }, (_, n) => {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  }));
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour of a point in the unit square (0..1), or null for transparent. */
function shade(x, y) {
  const r = 0.2, m = 0.02;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r), cy = Math.min(Math.max(y, m + r), 1 - m - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  // three steps (delmål) as bars, and the arrow towards the goal
  const bars = [[0.2, 0.62, 0.16, 0.2], [0.42, 0.48, 0.16, 0.34], [0.64, 0.34, 0.16, 0.48]];
  for (const [bx, by, bw, bh] of bars) if (x >= bx && x <= bx + bw && y >= by && y <= by + bh) return [185, 222, 214];
  const path = [[0.16, 0.56], [0.42, 0.38], [0.6, 0.44], [0.8, 0.22]];
  for (let i = 0; i < path.length - 1; i++) if (distToSegment(x, y, path[i], path[i + 1]) < 0.055) return WHITE;
  // arrow head
  const [hx, hy] = [0.84, 0.17];
  const inHead = distToSegment(x, y, [hx, hy], [0.66, 0.2]) < 0.05 || distToSegment(x, y, [hx, hy], [0.8, 0.36]) < 0.05;
  if (inHead) return AMBER;
  return TEAL;
}

function render(size) {
  const S = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
        const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
      }
      const i = (y * size + x) * 4;
      if (a > 0) { out[i] = Math.round(r / a); out[i + 1] = Math.round(g / a); out[i + 2] = Math.round(b / a); }
      out[i + 3] = Math.round((255 * a) / (S * S));
    }
  }
  return png(size, out);
}

mkdirSync("assets", { recursive: true });
for (const size of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${size}.png`, render(size));
console.log("assets/icon-{16,32,64,80,128}.png written");
