/**
 * CPR detection. Personal identity numbers must never be in the analysis workbook; Virkning refuses to
 * analyse a range that contains one and asks for a pseudonym ID instead.
 *
 * A value is taken to be a CPR number when it is
 * - text of ten digits, optionally with a dash (or space) after the sixth ("0101901234", "010190-1234"),
 *   surrounding whitespace ignored; or
 * - a whole number with ten digits, or with nine digits (Excel drops the leading zero of a CPR number typed
 *   into a number cell: 0101901234 becomes 101901234), read as ten digits with leading zero;
 * and its first six digits DDMMYY form a real calendar date, with the century from the seventh digit as the
 * CPR office defines it (so 290200-4xxx is valid, 290200-1xxx is not). The modulus-11 check is NOT used:
 * numbers issued since 2007 need not satisfy it.
 */

/** Century of a CPR number from its 7th digit and two-digit year (CPR-kontoret's table). */
function cprYear(yy: number, d7: number): number {
  if (d7 <= 3) return 1900 + yy;
  if (d7 === 4 || d7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** digits: ten char codes 48..57 at positions; checks DDMMYY + 7th digit. */
function validDigits(d: (i: number) => number): boolean {
  const dd = d(0) * 10 + d(1);
  const mm = d(2) * 10 + d(3);
  const yy = d(4) * 10 + d(5);
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const year = cprYear(yy, d(6));
  const dim = mm === 2 ? (isLeap(year) ? 29 : 28) : mm === 4 || mm === 6 || mm === 9 || mm === 11 ? 30 : 31;
  return dd <= dim;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Cheap check: is this cell value a CPR number (see module comment)? Quick rejects by type and length first. */
function looksLikeCpr(v: unknown): boolean {
  if (typeof v === "number") {
    if (v < 1e8 || v >= 1e10 || !Number.isInteger(v)) return false;
    const s = String(v).padStart(10, "0");
    return validDigits((i) => s.charCodeAt(i) - 48);
  }
  if (typeof v !== "string") return false;
  const len = v.length;
  if (len < 10 || len > 16) return false;
  let s = v;
  const first = s.charCodeAt(0);
  if (!isDigit(first)) {
    s = s.trim();
    if (s.length < 10 || !isDigit(s.charCodeAt(0))) return false;
  } else if (!isDigit(s.charCodeAt(len - 1))) {
    s = s.trim();
  }
  let digits: string;
  if (s.length === 10) {
    digits = s;
  } else if (s.length === 11) {
    const sep = s.charCodeAt(6);
    // "-", " ", en dash, non-breaking hyphen
    if (sep !== 45 && sep !== 32 && sep !== 0x2013 && sep !== 0x2011) return false;
    digits = s.slice(0, 6) + s.slice(7);
  } else {
    return false;
  }
  for (let i = 0; i < 10; i++) if (!isDigit(digits.charCodeAt(i))) return false;
  return validDigits((i) => digits.charCodeAt(i) - 48);
}

// ---------------------------------------------------------------------------------------------
// Cells: the forms people write, and the rule that keeps case numbers from being flagged.
//
// This is the ONE personal-data detector of the add-in: the data reader (dataset.ts), the renderer's gate
// (src/excel/personalDataGate.ts), the settings store (src/excel/state.ts) and the panes' drafts all call
// `cellHasCpr` (or `classifyCpr` for the column rule). The written forms it must catch are listed once, in
// test/fixtures/cprForms.ts.

/**
 * Invisible characters (copied from web pages and case systems) are removed before matching: zero-width
 * spaces and joiners, word joiner and invisible operators, soft hyphen, BOM, bidi marks and embeddings,
 * Mongolian vowel separator, combining grapheme joiner.
 */
const INVISIBLE = /\u034f|[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
/** Every dash Unicode has (hyphen, non-breaking hyphen, figure/en/em dash, minus sign, …) counts as "-". */
const ANY_DASH = /[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g;
/** Any whitespace (space, non-breaking space, tab, newline) counts as one space. */
const ANY_SPACE = /[\s\u00a0\u2007\u202f]+/g;
/** Fraction and division slashes count as "/". */
const ANY_SLASH = /[\u2044\u2215\uff0f]/g;
const NON_ASCII = /[\u0080-\uffff]/;
/** "CPR" glued to the number ("CPR0101901234", "CPR-nr.:010190-1234") is still a prefix, not a case-ID letter. */
const CPR_PREFIX = /(cpr(?:[\s.:-]*nr)?[\s.:-]*)(?=\d)/gi;
/**
 * Ten digits DDMMYY SSSS, written together or grouped with spaces, dots, slashes or dashes:
 * "0101901234", "010190-1234", "010190 - 1234", "01-01-90-1234", "01 01 90 1234", "01.01.90-1234",
 * "010190.1234", "01/01/90-1234"; not part of a longer number or glued to letters ("P0101901234" is a case
 * ID). No lookbehind: older Office webviews lack it.
 */
const CPR_IN_TEXT = /(^|[^\dA-Za-zÆØÅæøå])(\d\d)[ ./-]{0,3}(\d\d)[ ./-]{0,3}(\d\d)[ ./-]{0,3}(\d{4})(?![\dA-Za-zÆØÅæøå])/g;

/** No CPR number / a CPR number written with a separator or grouping (always one) / ten bare digits (a number, or digits only). */
export type CprKind = "none" | "strong" | "bare";

/** Text that cannot hold ten digits is rejected after a few characters (status labels, names). */
function mayHoldTenDigits(v: string): boolean {
  const len = v.length;
  if (len < 10) return false;
  let other = 0;
  for (let i = 0; i < len; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) {
      other++;
      if (len - other < 10) return false;
    }
  }
  return true;
}

/**
 * Text as the detector reads it: full-width and other compatibility digits as ASCII digits (NFKC),
 * invisible characters removed, every dash as "-", every slash as "/", any run of whitespace as one space.
 */
export function normaliseForCpr(v: string): string {
  const t = NON_ASCII.test(v) ? v.normalize("NFKC").replace(INVISIBLE, "").replace(ANY_DASH, "-").replace(ANY_SLASH, "/") : v;
  return t.replace(ANY_SPACE, " ");
}

/** Day and month (DDMM) of the first valid CPR in the text, and whether it was written with a separator; null when none. */
export function cprInText(v: string): { kind: "strong" | "bare"; ddmm: number } | null {
  if (v.length < 10) return null;
  const t = normaliseForCpr(v).replace(CPR_PREFIX, "$1 ");
  if (!mayHoldTenDigits(t)) return null;
  CPR_IN_TEXT.lastIndex = 0;
  for (let m = CPR_IN_TEXT.exec(t); m !== null; m = CPR_IN_TEXT.exec(t)) {
    const digits = m[2] + m[3] + m[4] + m[5];
    if (validDigits((i) => digits.charCodeAt(i) - 48)) {
      const grouped = m[0].length - m[1].length > 10;
      const prefixed = /cpr[^\d]*$/i.test(t.slice(0, m.index + m[1].length));
      return { kind: grouped || prefixed ? "strong" : "bare", ddmm: Number(digits.slice(0, 4)) };
    }
    CPR_IN_TEXT.lastIndex = m.index + m[1].length + 1;
  }
  return null;
}

/**
 * Classify a cell. Numbers of nine or ten digits are bare candidates (Excel drops a CPR number's leading
 * zero); `ddmm` is the day and month, -1 when the digits are not a valid CPR date (counted for the column
 * rule, see CprColumnRule).
 */
export function classifyCpr(v: unknown): { kind: CprKind; ddmm: number } {
  if (typeof v === "number") {
    if (v < 1e8 || v >= 1e10 || !Number.isInteger(v)) return NONE;
    return { kind: "bare", ddmm: looksLikeCpr(v) ? Math.floor(v / 1e6) : -1 };
  }
  if (typeof v !== "string") return NONE;
  const found = cprInText(v);
  if (found) return found;
  // ten bare digits that are not a valid CPR date still count for the column rule
  const t = v.trim();
  return t.length >= 9 && t.length <= 10 && /^\d+$/.test(t) ? { kind: "bare", ddmm: -1 } : NONE;
}
const NONE = { kind: "none" as const, ddmm: -1 };

/**
 * The column rule for bare candidates (numbers and digits-only text). Case-number schemes produce ten-digit
 * numbers that happen to start with a valid date (101000000–101004999 all read as 01-01-00-xxxx; about
 * 12 % of random nine-digit numbers are valid dates). Bare candidates in a column are reported as CPR
 * numbers only when
 * 1. at least half of the column's bare nine- or ten-digit values are valid CPR numbers (real CPR columns:
 *    all; random numbers: about one in eight), and
 * 2. they have at least min(5, count) different birthdays (day and month): real birth dates spread over the
 *    year, while a sequence of case numbers shares its leading digits.
 * A CPR number written with a separator or grouping ("010190-1234", "01 01 90 1234") is always reported.
 * A column the user has confirmed as "ikke CPR-numre" is not checked at all (the confirmation is printed
 * in the results' header block).
 */
export class CprColumnRule {
  private bareTotal = 0;
  private readonly valid: { row: number; ddmm: number }[] = [];
  add(row: number, ddmm: number): void {
    this.bareTotal++;
    if (ddmm >= 0) this.valid.push({ row, ddmm });
  }
  /** Rows whose bare candidates are reported. */
  flagged(): number[] {
    if (this.valid.length === 0 || this.valid.length * 2 < this.bareTotal) return [];
    const days = new Set(this.valid.map((v) => v.ddmm));
    return days.size >= Math.min(5, this.valid.length) ? this.valid.map((v) => v.row) : [];
  }
}

/**
 * Does this cell hold a CPR number on its own (without the column rule)? For single values outside a data
 * table (theory text): strong forms and valid bare ones.
 */
export function cellHasCpr(v: unknown): boolean {
  const c = classifyCpr(v);
  return c.kind === "strong" || (c.kind === "bare" && c.ddmm >= 0);
}

// ---------------------------------------------------------------------------------------------
// Messages never echo a CPR number: every VirkningError's text passes `redactCpr`.

/** What a message shows instead of a CPR number. */
export const CPR_PLACEHOLDER = "[CPR-nummer]";

/** One character as the detector reads it (see normaliseForCpr), or "" when it is invisible. */
function normalChar(ch: string): string {
  if (ch.charCodeAt(0) < 0x80) return /\s/.test(ch) ? " " : ch;
  if (ch.replace(INVISIBLE, "") === "") return "";
  const n = ch.normalize("NFKC");
  if (/^[\s\u00a0\u2007\u202f]$/.test(n)) return " ";
  return n.replace(ANY_DASH, "-").replace(ANY_SLASH, "/");
}

/**
 * `text` with every CPR number the detector finds (any written form, inside free text) replaced by
 * CPR_PLACEHOLDER; the rest is kept as it was. Used for every user message.
 */
export function redactCpr(text: string): string {
  if (!cellHasCpr(text)) return text;
  // the normalised text, with the original index of each of its characters
  let t = "";
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = normalChar(ch);
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    t += n;
    // a "CPR" glued to the number reads as a prefix (see CPR_PREFIX)
    if (/cpr[\s.:-]*(nr)?[\s.:-]*$/i.test(t) && /\d/.test(text.slice(i + ch.length, i + ch.length + 1).normalize("NFKC"))) {
      t += " ";
      from.push(i + ch.length);
      to.push(i + ch.length);
    }
    i += ch.length;
  }
  const spans: [number, number][] = [];
  CPR_IN_TEXT.lastIndex = 0;
  for (let m = CPR_IN_TEXT.exec(t); m !== null; m = CPR_IN_TEXT.exec(t)) {
    const digits = m[2] + m[3] + m[4] + m[5];
    const start = m.index + m[1].length;
    if (validDigits((k) => digits.charCodeAt(k) - 48)) {
      const end = m.index + m[0].length;
      spans.push([from[start], to[end - 1]]);
      CPR_IN_TEXT.lastIndex = end;
    } else {
      CPR_IN_TEXT.lastIndex = start + 1;
    }
  }
  let out = text;
  for (const [a, b] of spans.reverse()) out = out.slice(0, a) + CPR_PLACEHOLDER + out.slice(b);
  // a number the regex cannot see on its own (nine digits in a sentence) is not redacted here; cellHasCpr on the whole text would be false for it
  return cellHasCpr(out) ? out.replace(/[\p{Nd}]/gu, "#") : out;
}
