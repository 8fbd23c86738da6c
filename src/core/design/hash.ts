/**
 * SHA-256 (FIPS 180-4, via the audited @noble/hashes) of the input list in a canonical text form,
 * so that an auditor can recompute it (e.g. Python's hashlib) and see whether the list behind an
 * allocation has changed:
 *
 * - one line per row, the header row first, then the citizens in list order; lines joined by LF
 *   (U+000A), no line break after the last line;
 * - in each line the ID column, then the stratification columns in the order chosen, joined by TAB;
 * - a cell as text: empty → "", text exactly as in the cell, a number as ECMAScript
 *   Number.prototype.toString (32, 29.5, 1e-7), TRUE/FALSE for a logical value; inside a field "\"
 *   becomes "\\", TAB "\t", LF "\n", CR "\r";
 * - the text is encoded as UTF-8; the hash is written as 64 lower-case hex digits.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import type { CellScalar } from "../report/sheetSpec";

function field(v: CellScalar | undefined): string {
  let s: string;
  if (v === null || v === undefined) s = "";
  else if (typeof v === "boolean") s = v ? "TRUE" : "FALSE";
  else if (typeof v === "number") s = String(v);
  else s = v;
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** The canonical text (see the module comment) of `columns` of the header and rows. */
export function canonicalList(header: readonly CellScalar[], rows: readonly (readonly CellScalar[])[], columns: readonly number[]): string {
  const line = (r: readonly CellScalar[]): string => columns.map((c) => field(r[c])).join("\t");
  return [line(header), ...rows.map(line)].join("\n");
}

/** UTF-8 bytes of `text` (unpaired surrogates become U+FFFD, as TextEncoder does; no TextEncoder needed). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0) as number;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export function sha256Hex(text: string): string {
  const bytes = sha256(utf8(text));
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

export function listHash(header: readonly CellScalar[], rows: readonly (readonly CellScalar[])[], columns: readonly number[]): string {
  return sha256Hex(canonicalList(header, rows, columns));
}
