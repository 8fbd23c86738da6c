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
export function looksLikeCpr(v: unknown): boolean {
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

/**
 * Does this cell hold a CPR number? The check every reader of case data uses (header, data, theory text):
 * a type and length test rejects almost every cell before any digit is looked at.
 */
export function cellHasCpr(v: unknown): boolean {
  if (typeof v === "number") return v >= 1e8 && v < 1e10 && looksLikeCpr(v);
  if (typeof v !== "string") return false;
  const len = v.length;
  if (len < 10 || len > 16) return false;
  const c0 = v.charCodeAt(0);
  return ((c0 >= 48 && c0 <= 57) || c0 === 32 || c0 === 9 || c0 === 160) && looksLikeCpr(v);
}
