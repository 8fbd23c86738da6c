/**
 * Excel number-format rendering as a Danish user sees it (decimal comma, "." as thousands
 * separator, Danish month and day names, SAND/FALSK). Format codes are Excel's invariant codes
 * (as set through Range.numberFormat): "." is the decimal point and "," the grouping mark in the
 * code, whatever the display locale.
 *
 * Supported: General, digit placeholders 0 # ?, decimals, grouping, scaling commas, percent,
 * scientific (0.00E+00), literals ("text", \x, _x, other characters), up to four sections
 * (positive;negative;zero;text), colour/locale brackets (ignored), "@", and date/time codes
 * (d dd ddd dddd m mm mmm mmmm yy yyyy h hh m mm s ss AM/PM) on Excel serial numbers.
 */
import type { PreviewValue } from "../workbook/model";

export type CellAlign = "left" | "right" | "center";

export interface FormattedValue {
  text: string;
  /** Default alignment for the value type (used when the cell's horizontal alignment is General). */
  align: CellAlign;
}

const DECIMAL = ",";
const GROUP = ".";

const MONTHS_FULL = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const MONTHS_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
// Index 0 = Sunday, as Date.getUTCDay().
const DAYS_FULL = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];
const DAYS_SHORT = ["søn", "man", "tir", "ons", "tor", "fre", "lør"];

const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);

/** Render a cell value with its number format. */
export function formatCellValue(value: PreviewValue, numberFormat: string | undefined): FormattedValue {
  if (value === null || value === undefined || value === "") return { text: "", align: "left" };
  if (typeof value === "boolean") return { text: value ? "SAND" : "FALSK", align: "center" };
  const fmt = numberFormat && numberFormat.trim() !== "" ? numberFormat : "General";
  if (typeof value === "string") {
    if (ERROR_VALUES.has(value)) return { text: value, align: "center" };
    const sections = splitSections(fmt);
    // A fourth section formats text; "@" in it stands for the text.
    if (sections.length >= 4) return { text: renderTextSection(sections[3], value), align: "left" };
    if (sections.length === 1 && sections[0].includes("@") && sections[0] !== "@") {
      return { text: renderTextSection(sections[0], value), align: "left" };
    }
    return { text: value, align: "left" };
  }
  if (!Number.isFinite(value)) return { text: "#NUM!", align: "center" };
  return { text: formatNumber(value, fmt), align: "right" };
}

/** Format a number with an Excel format code, Danish display. */
export function formatNumber(value: number, numberFormat: string): string {
  const sections = splitSections(numberFormat);
  let section = sections[0];
  let n = value;
  let signHandled = false;
  const conditional = conditionalSection(sections, value);
  if (conditional !== undefined) {
    if (conditional === null) return "#".repeat(6);
    section = conditional;
  } else if (sections.length >= 2 && value < 0) {
    section = sections[1];
    n = Math.abs(value);
    signHandled = true;
  } else if (sections.length >= 3 && value === 0) {
    section = sections[2];
  }
  section = stripBrackets(section);
  if (section.trim() === "" && sections.length >= 2) return "";
  if (/^general$/i.test(section.trim()) || section.trim() === "@" || section.trim() === "") {
    const text = formatGeneral(Math.abs(n));
    return (!signHandled && n < 0 ? "-" : "") + text;
  }
  if (isDateSection(section)) return formatDateSection(n, section);
  // A section of literals only ('"<0,001"') shows its text and no digits (as Excel does).
  if (!/[0#?]/.test(stripQuoted(section))) return (n < 0 && !signHandled && conditional === undefined ? "-" : "") + formatNumericSection(0, section, true);
  return formatNumericSection(n, section, signHandled);
}

/** Excel's General format for a number: up to 10 significant digits, exponent for very large/small. */
export function formatGeneral(value: number): string {
  if (value === 0) return "0";
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = abs.toExponential(5).split("e");
    const m = trimZeros(mant);
    const e = Number(exp);
    return `${sign}${m.replace(".", DECIMAL)}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  // Integer part takes digits away from the decimals, as in a standard-width column.
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const decimals = Math.max(0, 10 - intDigits);
  const text = trimZeros(roundFixed(abs, decimals));
  return sign + text.replace(".", DECIMAL);
}

/**
 * Approximate rendered width in pixels of text in Calibri at `fontPt` points (96 dpi), the font
 * Excel's column widths are measured in (its "maximum digit width" is 7 px at 11 pt).
 */
export function textWidthPx(text: string, fontPt = 11, bold = false): number {
  let w = 0;
  for (const ch of text) {
    if (ch >= "0" && ch <= "9") w += 7;
    else if (ch === "," || ch === "." || ch === ":" || ch === ";" || ch === "'") w += 3.5;
    else if (ch === "-" || ch === "(" || ch === ")") w += 4.3;
    else if (ch === " ") w += 3;
    else if (ch === "%") w += 10;
    else if (ch >= "A" && ch <= "Z") w += 7.6;
    else w += 6.3;
  }
  return w * (fontPt / 11) * (bold ? 1.05 : 1);
}

/**
 * The number as Excel shows it in a column `widthPx` wide: General drops decimals, then switches
 * to scientific notation, to fit; other formats (and General when nothing fits) show "####".
 */
export function fitNumberToWidth(
  value: number,
  numberFormat: string | undefined,
  widthPx: number,
  fontPt = 11,
  bold = false,
  /** Measures text in the font actually used (a browser without Calibri); defaults to Calibri metrics. */
  measure: (text: string, fontPt: number, bold: boolean) => number = textWidthPx,
): string {
  const fmt = numberFormat && numberFormat.trim() !== "" ? numberFormat : "General";
  const full = formatNumber(value, fmt);
  const fits = (t: string): boolean => measure(t, fontPt, bold) <= widthPx;
  if (fits(full)) return full;
  const hashes = "#".repeat(Math.max(1, Math.floor(widthPx / ((7 * fontPt) / 11))));
  if (!/^(general|@)?$/i.test(fmt.trim())) return hashes;
  // Excel fits General by character count, each character taking one digit width.
  const digitW = (7 * fontPt) / 11;
  const fitsGeneral = (t: string): boolean => t.length * digitW <= widthPx && fits(t);
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  if (fitsGeneral(full)) return full;
  if (abs < 1e11 && abs >= 1e-9) {
    for (let d = 9; d >= 0; d--) {
      const t = sign + trimZeros(roundFixed(abs, d)).replace(".", DECIMAL);
      if (Number(t.replace(DECIMAL, ".")) === 0 && abs !== 0) break;
      if (fitsGeneral(t)) return t;
    }
  }
  for (let m = 5; m >= 0; m--) {
    const [mant, exp] = abs.toExponential(m).split("e");
    const e = Number(exp);
    const t = `${sign}${trimZeros(mant).replace(".", DECIMAL)}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
    if (fitsGeneral(t)) return t;
  }
  return hashes;
}

/** The raw value as Excel shows it in the formula bar for a Danish user. */
export function formatForEditing(value: PreviewValue, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "SAND" : "FALSK";
  if (typeof value === "string") return value;
  if (numberFormat && isDateFormat(numberFormat) && value >= 0) {
    const hasTime = Math.abs(value - Math.floor(value)) > 1e-9;
    return formatDateSection(value, hasTime ? "dd-mm-yyyy hh:mm:ss" : "dd-mm-yyyy");
  }
  if (numberFormat && /%/.test(stripQuoted(numberFormat))) {
    return `${formatRaw(value * 100)}%`;
  }
  return formatRaw(value);
}

function formatRaw(value: number): string {
  // Up to 15 significant digits, decimal comma, no grouping.
  const p = Number(value.toPrecision(15));
  let s = String(p);
  if (/e/.test(s)) s = p.toExponential().replace(/e\+?/, "E");
  return s.replace(".", DECIMAL);
}

/** True when the (first section of the) format code is a date/time format. */
export function isDateFormat(numberFormat: string): boolean {
  const first = stripBrackets(splitSections(numberFormat)[0] ?? "");
  return isDateSection(first);
}

// ---------------------------------------------------------------------------------------------

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') inQuote = !inQuote;
    if (ch === "\\" && !inQuote && i + 1 < fmt.length) {
      cur += ch + fmt[i + 1];
      i++;
      continue;
    }
    if (ch === ";" && !inQuote) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Remove [Red], [$-406], [$kr.-406] → keep currency symbol; leaves [h]/[mm]/[ss] elapsed codes. */
/** The condition of a section ("[<0.001]", "[>=100]"), or null when it has none. */
function conditionOf(section: string | undefined): ((v: number) => boolean) | null {
  const m = section === undefined ? null : /\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?)\]/i.exec(stripQuoted(section));
  if (!m) return null;
  const x = Number(m[2]);
  const ops: Record<string, (v: number) => boolean> = { "<": (v) => v < x, "<=": (v) => v <= x, ">": (v) => v > x, ">=": (v) => v >= x, "=": (v) => v === x, "<>": (v) => v !== x };
  return ops[m[1]];
}

/**
 * Excel's conditional sections ("[<0.001]\"<0,001\";0.000"; Microsoft, "Review guidelines for customizing a
 * number format"): the first section whose condition holds; when the first has a condition and the second
 * none, the second takes every other number; with two conditions, the third. undefined: no conditions (the
 * sign rules apply); null: no section for the number (Excel fills the cell with #).
 */
function conditionalSection(sections: string[], value: number): string | null | undefined {
  const first = conditionOf(sections[0]);
  if (!first) return undefined;
  if (first(value)) return sections[0];
  const second = conditionOf(sections[1]);
  if (!second) return sections[1] ?? null;
  if (second(value)) return sections[1];
  return sections[2] ?? null;
}

function stripBrackets(section: string): string {
  return section.replace(/\[([^\]]*)\]/g, (whole, inner: string) => {
    if (/^(h+|m+|s+)$/i.test(inner)) return whole;
    const cur = /^\$([^-\]]*)(-[0-9A-Fa-f]+)?$/.exec(inner);
    if (cur) return cur[1] ? `"${cur[1]}"` : "";
    return "";
  });
}

function stripQuoted(section: string): string {
  return section.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/_./g, "");
}

function isDateSection(section: string): boolean {
  const s = stripQuoted(section).replace(/\[(h+|m+|s+)\]/gi, "h");
  if (/general/i.test(s)) return false;
  return /[dmyhs]/i.test(s.replace(/E[+-]/g, "")) && !/[0#?]/.test(s.replace(/[.:]0+/g, ""));
}

function trimZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

/** Round half away from zero at `decimals` places, like Excel (which works on 15 significant digits). */
function roundFixed(abs: number, decimals: number): string {
  const clean = Number(abs.toPrecision(15));
  const shifted = Math.round(Number(`${clean}e${decimals}`));
  const back = Number(`${shifted}e-${decimals}`);
  return back.toFixed(decimals);
}

function renderTextSection(section: string, text: string): string {
  let out = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === "\\" && i + 1 < section.length) out += section[++i];
    else if (ch === "_") {
      out += " ";
      i++;
    } else if (ch === "*") i++;
    else if (ch === "@") out += text;
    else out += ch;
  }
  return out;
}

interface NumericPattern {
  prefix: string;
  suffix: string;
  minInt: number;
  grouping: boolean;
  minDec: number;
  maxDec: number;
  hasPoint: boolean;
  scale: number;
  percent: number;
  exponent: null | { sign: "+" | "-"; minDigits: number };
}

function parseNumeric(section: string): NumericPattern {
  const pat: NumericPattern = {
    prefix: "",
    suffix: "",
    minInt: 0,
    grouping: false,
    minDec: 0,
    maxDec: 0,
    hasPoint: false,
    scale: 1,
    percent: 0,
    exponent: null,
  };
  let state: "pre" | "int" | "dec" | "exp" | "post" = "pre";
  let pendingCommas = 0;
  const lit = (s: string): void => {
    if (state === "pre") pat.prefix += s;
    else {
      if (state !== "post") closeInt();
      state = "post";
      pat.suffix += s;
    }
  };
  const closeInt = (): void => {
    if (pendingCommas > 0) {
      // Commas at the end of the digit block scale by 1000 each.
      pat.scale /= Math.pow(1000, pendingCommas);
      pendingCommas = 0;
    }
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
      continue;
    }
    if (ch === "\\" && i + 1 < section.length) {
      lit(section[++i]);
      continue;
    }
    if (ch === "_") {
      lit(" ");
      i++;
      continue;
    }
    if (ch === "*") {
      i++;
      continue;
    }
    if (ch === "%") {
      pat.percent++;
      lit("%");
      continue;
    }
    const isDigit = ch === "0" || ch === "#" || ch === "?";
    if (state === "pre" || state === "int") {
      if (isDigit) {
        if (pendingCommas > 0) {
          pat.grouping = true;
          pendingCommas = 0;
        }
        state = "int";
        if (ch === "0" || ch === "?") pat.minInt++;
        continue;
      }
      if (ch === "," && state === "int") {
        pendingCommas++;
        continue;
      }
      if (ch === ".") {
        closeInt();
        state = "dec";
        pat.hasPoint = true;
        continue;
      }
    } else if (state === "dec") {
      if (isDigit) {
        pat.maxDec++;
        if (ch === "0" || ch === "?") pat.minDec = pat.maxDec;
        continue;
      }
      if (ch === ",") {
        pat.scale /= 1000;
        continue;
      }
    }
    if ((ch === "E" || ch === "e") && (section[i + 1] === "+" || section[i + 1] === "-") && (state === "int" || state === "dec")) {
      closeInt();
      state = "exp";
      pat.exponent = { sign: section[i + 1] as "+" | "-", minDigits: 0 };
      i++;
      continue;
    }
    if (state === "exp" && isDigit && pat.exponent) {
      pat.exponent.minDigits++;
      continue;
    }
    lit(ch);
  }
  closeInt();
  return pat;
}

function formatNumericSection(value: number, section: string, signHandled: boolean): string {
  const pat = parseNumeric(section);
  let n = value * Math.pow(100, pat.percent) * pat.scale;
  const negative = n < 0;
  n = Math.abs(n);
  let body: string;
  if (pat.exponent) {
    let exp = n === 0 ? 0 : Math.floor(Math.log10(n));
    let mant = n === 0 ? 0 : n / Math.pow(10, exp);
    let mantText = roundFixed(mant, pat.maxDec);
    if (Number(mantText) >= 10) {
      exp++;
      mant = n / Math.pow(10, exp);
      mantText = roundFixed(mant, pat.maxDec);
    }
    const expSign = exp < 0 ? "-" : pat.exponent.sign === "+" ? "+" : "";
    body = digitsBody(mantText, pat) + "E" + expSign + String(Math.abs(exp)).padStart(pat.exponent.minDigits, "0");
  } else {
    body = digitsBody(roundFixed(n, pat.maxDec), pat);
  }
  const isZero = /^[0.,E+-]*$/.test(body.replace(/[^0-9]/g, "")) && !/[1-9]/.test(body);
  const sign = negative && !signHandled && !isZero ? "-" : "";
  return sign + pat.prefix + body + pat.suffix;
}

function digitsBody(fixed: string, pat: NumericPattern): string {
  const [intRaw, decRaw = ""] = fixed.split(".");
  let intPart = intRaw === "0" ? "" : intRaw;
  if (intPart.length < pat.minInt) intPart = intPart.padStart(pat.minInt, "0");
  if (pat.grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
  let dec = decRaw;
  while (dec.length > pat.minDec && dec.endsWith("0")) dec = dec.slice(0, -1);
  if (!pat.hasPoint) return intPart;
  return intPart + DECIMAL + dec;
}

// ---------------------------------------------------------------------------------------------
// Dates

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: number; // 0 = Sunday
  hour: number;
  minute: number;
  second: number;
}

/** Excel 1900 date system, including its fictitious 29 February 1900 (serial 60). */
export function serialToDateParts(serial: number): DateParts {
  let days = Math.floor(serial);
  let secs = Math.round((serial - days) * 86400);
  if (secs >= 86400) {
    days += 1;
    secs -= 86400;
  }
  const hour = Math.floor(secs / 3600);
  const minute = Math.floor((secs % 3600) / 60);
  const second = secs % 60;
  if (days === 60) return { year: 1900, month: 2, day: 29, weekday: 3, hour, minute, second };
  if (days === 0) return { year: 1900, month: 1, day: 0, weekday: 6, hour, minute, second };
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(base + days * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(), hour, minute, second };
}

type DateToken = { kind: "lit"; text: string } | { kind: "code"; code: string };

function tokenizeDate(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: "lit", text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
      continue;
    }
    if (ch === "\\" && i + 1 < section.length) {
      tokens.push({ kind: "lit", text: section[++i] });
      continue;
    }
    if (ch === "_") {
      tokens.push({ kind: "lit", text: " " });
      i++;
      continue;
    }
    if (ch === "*") {
      i++;
      continue;
    }
    if (section.slice(i, i + 5).toUpperCase() === "AM/PM") {
      tokens.push({ kind: "code", code: "AM/PM" });
      i += 4;
      continue;
    }
    const elapsed = /^\[(h+|m+|s+)\]/i.exec(section.slice(i));
    if (elapsed) {
      tokens.push({ kind: "code", code: `[${elapsed[1][0].toLowerCase()}]` });
      i += elapsed[0].length - 1;
      continue;
    }
    const lower = ch.toLowerCase();
    if ("dmyhs".includes(lower)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === lower) j++;
      tokens.push({ kind: "code", code: section.slice(i, j).toLowerCase() });
      i = j - 1;
      continue;
    }
    tokens.push({ kind: "lit", text: ch });
  }
  // "m"/"mm" right after an hour code or right before a seconds code means minutes.
  const codes = tokens.map((t, idx) => ({ t, idx })).filter((x) => x.t.kind === "code");
  for (let k = 0; k < codes.length; k++) {
    const t = codes[k].t as { kind: "code"; code: string };
    if (t.code !== "m" && t.code !== "mm") continue;
    const prev = codes[k - 1]?.t as { code: string } | undefined;
    const next = codes[k + 1]?.t as { code: string } | undefined;
    if ((prev && /^(h+|\[h\])$/.test(prev.code)) || (next && /^(s+|\[s\])$/.test(next.code))) {
      t.code = t.code === "m" ? "min" : "minmin";
    }
  }
  return tokens;
}

function formatDateSection(serial: number, section: string): string {
  if (serial < 0) return "#".repeat(10);
  const p = serialToDateParts(serial);
  const tokens = tokenizeDate(section);
  const ampm = tokens.some((t) => t.kind === "code" && t.code === "AM/PM");
  const two = (n: number): string => String(n).padStart(2, "0");
  let out = "";
  for (const t of tokens) {
    if (t.kind === "lit") {
      out += t.text;
      continue;
    }
    const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    switch (t.code) {
      case "d":
        out += String(p.day);
        break;
      case "dd":
        out += two(p.day);
        break;
      case "ddd":
        out += DAYS_SHORT[p.weekday];
        break;
      case "m":
        out += String(p.month);
        break;
      case "mm":
        out += two(p.month);
        break;
      case "mmm":
        out += MONTHS_SHORT[p.month - 1];
        break;
      case "mmmmm":
        out += MONTHS_FULL[p.month - 1][0];
        break;
      case "min":
        out += String(p.minute);
        break;
      case "minmin":
        out += two(p.minute);
        break;
      case "yy":
      case "y":
        out += two(p.year % 100);
        break;
      case "h":
        out += String(ampm ? h12 : p.hour);
        break;
      case "hh":
        out += two(ampm ? h12 : p.hour);
        break;
      case "s":
        out += String(p.second);
        break;
      case "ss":
        out += two(p.second);
        break;
      case "AM/PM":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "[h]":
        out += String(Math.floor(serial * 24));
        break;
      case "[m]":
        out += String(Math.floor(serial * 1440));
        break;
      case "[s]":
        out += String(Math.round(serial * 86400));
        break;
      default:
        if (t.code.startsWith("dddd")) out += DAYS_FULL[p.weekday];
        else if (t.code.startsWith("mmmm")) out += MONTHS_FULL[p.month - 1];
        else if (t.code.startsWith("yyy")) out += String(p.year);
        else if (t.code.startsWith("hh")) out += two(ampm ? h12 : p.hour);
        else if (t.code.startsWith("ss")) out += two(p.second);
        else out += t.code;
    }
  }
  return out;
}
