/**
 * Cell-value helpers for case data: blanks, text normalisation, Danish numbers and dates.
 *
 * Danish numbers (documented behaviour):
 * - decimal comma: "12,5" → 12.5; thousands separator dot or space: "1.234" → 1234, "1.234,5" → 1234.5,
 *   "1 234,5" → 1234.5 (also with a non-breaking space);
 * - a single dot that is NOT followed by exactly three digits is read as a decimal point ("12.5" → 12.5),
 *   since Excel in an English locale may hand us such text; "1.234" is always one thousand two hundred and
 *   thirty-four (the Danish reading);
 * - a leading "+", "-" or the minus sign "−" is accepted; anything else (units, "ca.", "?") is not a number.
 *
 * Dates (documented behaviour): text "03-05-2021", "3.5.2021", "3/5/2021" (day first, four-digit year) and ISO
 * "2021-05-03" are read as dates and returned as Excel serial day numbers (1 = 1900-01-01, as in Excel's
 * 1900 date system); a number in a date column is taken to be an Excel serial number already.
 */
import type { CellValue } from "../report/sheetSpec";

export type { CellValue };

/** True for null, undefined, "" and strings of whitespace and zero-width characters only (Office returns "" for empty cells). */
export function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  if (v.length === 0) return true;
  const c0 = v.charCodeAt(0);
  const c1 = v.charCodeAt(v.length - 1);
  if (c0 > 32 && c0 !== 160 && c0 < 0x2000 && c1 > 32 && c1 !== 160 && c1 < 0x2000) return false;
  return v.replace(/[\u200b-\u200d\u2060\ufeff]/g, "").trim().length === 0;
}

/**
 * Excel's error values as `Range.values` returns them (text). A cell holding one is neither a value nor
 * empty: it is reported with its cell and never counted (issue 9, observation 3).
 * Source: Microsoft, "Excel.ErrorCellValue" / Range.valueTypes "Error".
 */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#EXTERNAL!",
]);

/** True for an Excel error value ("#N/A", "#DIV/0!", …). Cheap for other values (first-character test). */
export function isExcelError(v: CellValue | undefined): boolean {
  return typeof v === "string" && v.charCodeAt(0) === 35 && EXCEL_ERRORS.has(v.trim());
}

/**
 * `rec[key] = value` that also works for the key "__proto__" (a label like any other): plain assignment
 * would set the object's prototype instead and the label could never be mapped.
 */
export function setOwn<V>(rec: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(rec, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Zero-width characters (copied from web pages and case systems): not part of a label. */
const ZERO_WIDTH_CHARS = /[\u200b-\u200d\u2060\ufeff]/g;

/** Text for display and keys: the value as a trimmed string with inner whitespace collapsed. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(ZERO_WIDTH_CHARS, "").trim().replace(/\s+/g, " ");
  if (typeof v === "boolean") return v ? "SAND" : "FALSK";
  return String(v);
}

const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D-]/g;

/**
 * Key used to match labels (statuses, group labels): Unicode NFC, lower case (Danish locale), whitespace
 * trimmed and collapsed, every dash (hyphen, en dash, em dash, minus) made "-" with no spaces around it.
 * "Kontanthjælp - i praktik", "kontanthjælp – i  praktik" and "Kontanthjælp–i praktik" share one key.
 */
export function normaliseKey(v: CellValue | undefined): string {
  return cellText(v).normalize("NFC").toLocaleLowerCase("da-DK").replace(DASHES, "-").replace(/\s*-\s*/g, "-");
}

const RE_DA_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const RE_DA_SPACED = /^[+-]?\d{1,3}(?: \d{3})+(?:,\d+)?$/;
const RE_DA_PLAIN = /^[+-]?\d+(?:,\d+)?$/;
const RE_DOT_DECIMAL = /^[+-]?\d*\.\d+$/;
const RE_LEADING_COMMA = /^[+-]?,\d+$/;

/**
 * A number from a cell: numbers pass through; text is read the Danish way (see the module comment).
 * Returns null for blanks and NaN for text that is not a number.
 */
export function parseDanishNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : Number.NaN;
  if (isBlank(v)) return null;
  if (typeof v !== "string") return Number.NaN;
  const fast = plainNumber(v);
  if (fast !== undefined) return fast;
  let s = v.trim().replace(/\u2212/g, "-").replace(/[\u00A0\u202F]/g, " ");
  if (s.startsWith("+")) s = s.slice(1);
  if (RE_DA_PLAIN.test(s)) return Number(s.replace(",", "."));
  if (RE_DA_GROUPED.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  if (RE_DA_SPACED.test(s)) return Number(s.replace(/ /g, "").replace(",", "."));
  if (RE_LEADING_COMMA.test(s)) return Number(s.replace(",", "."));
  if (RE_DOT_DECIMAL.test(s)) return Number(s);
  return Number.NaN;
}

/** Fast path without regular expressions: optional "-", digits, at most one decimal comma between digits. */
function plainNumber(s: string): number | undefined {
  const n = s.length;
  if (n > 20) return undefined;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return undefined;
  let comma = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 44 && comma < 0) {
      comma = i;
      continue;
    }
    return undefined;
  }
  if (comma < 0) return Number(s);
  const first = s.charCodeAt(0) === 45 ? 1 : 0;
  if (comma === first || comma === n - 1) return undefined;
  return Number(`${s.slice(0, comma)}.${s.slice(comma + 1)}`);
}

/** Excel serial day number (1900 date system) of a calendar date; null when the date does not exist. */
export function excelSerial(year: number, month: number, day: number): number | null {
  if (!isValidDate(year, month, day)) return null;
  return Date.UTC(year, month - 1, day) / 86400000 + 25569;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const RE_DMY = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;
const RE_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;

/** A date from text (see the module comment) as an Excel serial number; null when blank or not a date text. */
export function parseDanishDateText(v: CellValue | undefined): number | null {
  if (typeof v !== "string") return null;
  const s = v.trim();
  let m = RE_DMY.exec(s);
  if (m) return excelSerial(Number(m[3]), Number(m[2]), Number(m[1]));
  m = RE_ISO.exec(s);
  if (m) return excelSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** Excel serial number → "dd-mm-åååå". */
export function formatSerialDate(serial: number): string {
  // Excel's 1900 date system counts a 29 February 1900 that never was (serial 60, kept from Lotus 1-2-3);
  // serials 1–59 are therefore one day later than the calendar count from 1899-12-31.
  if (Math.floor(serial) === 60) return "29-02-1900";
  const d = new Date(Math.round((serial - (serial < 60 ? 25568 : 25569)) * 86400000));
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}-${mm}-${d.getUTCFullYear()}`;
}

/**
 * True when an Excel number format (Range.numberFormat, the invariant English codes such as "dd-mm-yyyy",
 * "d. mmmm yyyy", "m/d/yyyy h:mm") shows the number as a date: it has a day or year code outside quoted
 * text, [colour]/[$-locale] sections and backslash escapes. "General", "0.0", "0%", "h:mm" (and Danish "Standard") are not dates.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  return bare.trim() !== "standard" && /[dyå]/.test(bare);
}
