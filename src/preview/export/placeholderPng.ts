/**
 * A placeholder picture for a chart the .xlsx export cannot draw (outside a browser, e.g. in the
 * tests): a light grey box with a grey frame and three grey bars, as a PNG of the chart's size.
 * Pure: the PNG is written by hand (PNG spec, W3C REC 2003: signature, IHDR, PLTE, IDAT, IEND; the
 * IDAT holds a zlib stream of "stored" deflate blocks, RFC 1950/1951), so it needs no canvas and
 * no compression library.
 */

const PALETTE = [
  [0xff, 0xff, 0xff], // 0 white (unused border colour fallback)
  [0xf2, 0xf2, 0xf2], // 1 background
  [0x7f, 0x7f, 0x7f], // 2 frame
  [0xbf, 0xbf, 0xbf], // 3 bars
];

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  const t = crcTable;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function putU32(out: Uint8Array, at: number, n: number): void {
  out[at] = (n >>> 24) & 0xff;
  out[at + 1] = (n >>> 16) & 0xff;
  out[at + 2] = (n >>> 8) & 0xff;
  out[at + 3] = n & 0xff;
}

/** A PNG chunk: length, type, data, CRC of type + data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  putU32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  putU32(out, 8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** zlib stream of stored (uncompressed) deflate blocks. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let i = 0; i < blocks; i++) {
    const part = raw.subarray(i * 65535, Math.min(raw.length, (i + 1) * 65535));
    out[o++] = i === blocks - 1 ? 1 : 0;
    out[o++] = part.length & 0xff;
    out[o++] = part.length >>> 8;
    out[o++] = ~part.length & 0xff;
    out[o++] = (~part.length >>> 8) & 0xff;
    out.set(part, o);
    o += part.length;
  }
  putU32(out, o, adler32(raw));
  return out;
}

/** Row `y` of a w × h placeholder as palette indices: frame, background, three bars on a base line. */
function fillRow(row: Uint8Array, y: number, w: number, h: number): void {
  const edge = y === 0 || y === h - 1;
  row.fill(edge ? 2 : 1);
  if (edge) return;
  row[0] = 2;
  row[w - 1] = 2;
  const base = Math.round(h * 0.75);
  if (y === base) row.fill(2, Math.ceil(w * 0.2), Math.floor(w * 0.8));
  [0.45, 0.3, 0.55].forEach((share, i) => {
    if (y < base && y >= base - h * share) row.fill(3, Math.ceil(w * (0.28 + i * 0.17)), Math.ceil(w * (0.38 + i * 0.17)));
  });
}

/** A placeholder PNG of `width` × `height` pixels (at least 2 × 2). */
export function placeholderPng(width: number, height: number): Uint8Array {
  const w = Math.max(2, Math.round(width));
  const h = Math.max(2, Math.round(height));
  const raw = new Uint8Array(h * (w + 1));
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0; // filter: none
    fillRow(raw.subarray(y * (w + 1) + 1, (y + 1) * (w + 1)), y, w, h);
  }
  const ihdr = new Uint8Array(13);
  putU32(ihdr, 0, w);
  putU32(ihdr, 4, h);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8-bit palette, deflate, adaptive filters, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", new Uint8Array(PALETTE.flat())),
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
