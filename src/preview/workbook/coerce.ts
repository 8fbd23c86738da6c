/**
 * What Excel stores when a string is written through `Range.values` or `Range.formulas`.
 * The API parses like Excel's cell entry in the en-US locale (Microsoft, Range.values: "If the
 * returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
 * this value as a formula"; the rest is Excel's number/date/boolean/error recognition on entry,
 * "Change the way Excel recognizes entries" / "Format numbers as text": a leading apostrophe or
 * the Text ("@") format keeps the entry as text). The rules applied, in order:
 *
 *  1. "'…"            → the text after the apostrophe (quote prefix), always text;
 *  2. cell format "@" → the string as is;
 *  3. "=…"            → a formula ("=" alone or bad syntax: InvalidArgument);
 *  4. "+…", "-…", "@…" that is not a number → a formula "=+…" / "=-…" / "=@…" (bad syntax: InvalidArgument);
 *  5. error literals  → error values (#N/A, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #NULL!, #SPILL!, #CALC!, #GETTING_DATA);
 *  6. TRUE / FALSE (any case, surrounding spaces) → booleans;
 *  7. numbers: "12", " 1.5 ", "1e3", "1,234,567" (thousands separators), "$5", "(5)" (negative),
 *     "5%" and "1.5 %" (percentages), "1 1/2" (mixed fractions) → numbers;
 *  8. dates and times: "1/2", "1/2/2024", "2024-01-05", "1-2", "5 May", "May 5", "5-May-2024",
 *     "12:30", "12:30:15", "1:30 PM", "1/2/2024 12:00" → date serial numbers;
 *  9. anything else → text, kept exactly.
 */
import type { PreviewValue } from "./model";

export const ERROR_LITERALS = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"];

export type Coerced =
  | { kind: "value"; value: PreviewValue; numberFormat?: string }
  | { kind: "error"; value: string }
  | { kind: "formula"; formula: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_RE = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/** Interpret `s` as Excel does on entry (see the rules above); `textFormat` = cell formatted "@". */
export function coerceInput(s: string, textFormat: boolean): Coerced {
  if (s.startsWith("'")) return { kind: "value", value: s.slice(1) };
  if (textFormat || s === "") return { kind: "value", value: s };
  if (s.startsWith("=")) return { kind: "formula", formula: s };
  const n = parseNumber(s);
  if (n) return { kind: "value", value: n.value, numberFormat: n.numberFormat };
  if (/^[+\-@]/.test(s)) return { kind: "formula", formula: `=${s}` };
  const t = s.trim();
  const err = ERROR_LITERALS.find((e) => e === t.toUpperCase());
  if (err) return { kind: "error", value: err };
  if (/^(true|false)$/i.test(t)) return { kind: "value", value: t.toLowerCase() === "true" };
  const d = parseDateTime(t);
  if (d) return { kind: "value", value: d.value, numberFormat: d.numberFormat };
  return { kind: "value", value: s };
}

function parseNumber(s: string): { value: number; numberFormat?: string } | undefined {
  let t = s.trim();
  if (t === "") return undefined;
  let sign = 1;
  let format: string | undefined;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    sign = -1;
    t = paren[1].trim();
  }
  const signed = /^([+-])\s*(.*)$/.exec(t);
  if (signed) {
    if (signed[1] === "-") sign = -sign;
    t = signed[2];
  }
  if (t.startsWith("$")) {
    t = t.slice(1).trim();
    format = "$#,##0.00";
  }
  let pct = false;
  if (t.endsWith("%")) {
    pct = true;
    t = t.slice(0, -1).trim();
    format = "0%";
  }
  const mixed = /^(\d+) (\d+)\/(\d+)$/.exec(t);
  if (mixed && Number(mixed[3]) > 0 && !pct && !format) return { value: sign * (Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3])), numberFormat: "# ?/?" };
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?([eE][+-]?\d+)?$/.test(t) || !/\d/.test(t.replace(/[eE][+-]?\d+$/, "")) || t.startsWith("e") || t.startsWith("E")) return undefined;
  const v = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(v)) return undefined;
  if (t.includes(",") && !format) format = "#,##0";
  return { value: sign * (pct ? v / 100 : v), numberFormat: format };
}

/** Excel's serial number of a date (1900 date system, with its 29-02-1900). */
export function dateSerial(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  const ms = Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30);
  const serial = Math.round(ms / 86_400_000);
  return serial < 61 ? serial - 1 : serial;
}

const THIS_YEAR = 2026;

function year(y: string | undefined): number {
  if (y === undefined) return THIS_YEAR;
  const n = Number(y);
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function parseTime(t: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(t);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  if (m[4]) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (m[4].toLowerCase() === "pm" ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec > 59) return undefined;
  return (h * 3600 + min * 60 + sec) / 86400;
}

function parseDate(t: string): number | undefined {
  let m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(t); // m/d(/y), en-US order
  if (m) return dateSerial(year(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m) return dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`^(\\d{1,2})[ -]${MONTH_RE}\\.?(?:[ -,]+(\\d{2}|\\d{4}))?$`, "i").exec(t);
  if (m) return dateSerial(year(m[3]), monthOf(m[2]), Number(m[1]));
  m = new RegExp(`^${MONTH_RE}\\.?[ -](\\d{1,2})(?:,?[ -](\\d{2}|\\d{4}))?$`, "i").exec(t);
  if (m) return dateSerial(year(m[3]), monthOf(m[1]), Number(m[2]));
  m = new RegExp(`^${MONTH_RE}[ -](\\d{4})$`, "i").exec(t);
  if (m) return dateSerial(Number(m[2]), monthOf(m[1]), 1);
  return undefined;
}

function parseDateTime(t: string): { value: number; numberFormat: string } | undefined {
  const time = parseTime(t);
  if (time !== undefined) return { value: time, numberFormat: "h:mm" };
  const date = parseDate(t);
  if (date !== undefined) return { value: date, numberFormat: "m/d/yyyy" };
  const both = /^(.+?)\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)$/i.exec(t);
  if (both) {
    const d = parseDate(both[1]);
    const tm = parseTime(both[2]);
    if (d !== undefined && tm !== undefined) return { value: d + tm, numberFormat: "m/d/yyyy h:mm" };
  }
  return undefined;
}

/** Bytes of `s` in UTF-8 (what Excel on the web's 5 MB payload limit counts). */
export function utf8Bytes(s: string): number {
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
