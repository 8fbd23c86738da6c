/**
 * UTF-8 bytes of a value as JSON, what Excel on the web's 5 MB payload limit counts: exactly
 * `Buffer.byteLength(JSON.stringify(v), "utf8")` (0 for undefined), without building the JSON text for
 * arrays of scalars (the cell grids every read and write carries; building a 10,000 × 160 grid's text
 * once per row cost more than the rest of a register read). Anything else goes through JSON.stringify.
 *
 * JSON.stringify's escapes (ECMA-262, "QuoteJSONString"): `"` and `\` and the control characters
 * \b \t \n \f \r take two characters, other code units below 0x20 and lone surrogates six (\uXXXX).
 */

/** Printable ASCII without `"` and `\`: one byte each, no escapes (most labels, IDs and codes). */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * Bytes of strings seen before: a grid repeats a few labels many times (status codes, group names), and
 * a map look-up of a string whose hash V8 keeps is cheaper than scanning it again. Bounded: cleared when full.
 */
const seen = new Map<string, number>();
const SEEN_MAX = 4096;

function stringBytes(s: string): number {
  let n = seen.get(s);
  if (n === undefined) {
    n = scanString(s);
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.set(s, n);
  }
  return n;
}

function scanString(s: string): number {
  if (PLAIN.test(s)) return s.length + 2;
  let n = 2; // the quotes
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : c < 0x20 ? 6 : 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** Bytes of a scalar inside an array, or -1 when it is not one (then the caller stringifies). */
function scalarBytes(v: unknown): number {
  switch (typeof v) {
    case "string":
      return stringBytes(v);
    case "number":
      return Number.isFinite(v) ? String(v).length : 4;
    case "boolean":
      return v ? 4 : 5;
    case "undefined":
    case "function":
    case "symbol":
      return 4; // null in an array
    default:
      return v === null ? 4 : -1;
  }
}

/** UTF-8 bytes of text (a lone surrogate counts 3, as Buffer.byteLength writes U+FFFD; JSON text has none). */
function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function plainStringify(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : utf8(s);
}

function arrayBytes(a: unknown[]): number {
  let n = 2 + Math.max(0, a.length - 1);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const b = Array.isArray(x) ? arrayBytes(x) : scalarBytes(x);
    if (b < 0) return plainStringify(a);
    n += b;
  }
  return n;
}

export function jsonUtf8Bytes(v: unknown): number {
  if (Array.isArray(v)) return arrayBytes(v);
  if (v === undefined || typeof v === "function" || typeof v === "symbol") return 0;
  const b = scalarBytes(v);
  return b >= 0 ? b : plainStringify(v);
}
