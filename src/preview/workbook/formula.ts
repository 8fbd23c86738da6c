/**
 * A small formula evaluator for the preview. Supports English function names with comma
 * separators (what `Range.formulas` takes): arithmetic (+ - * / ^ %, unary minus), comparison,
 * `&`, cell and range references (optionally sheet-qualified, whole columns allowed), and the
 * functions SUM, COUNT, COUNTA, COUNTBLANK, COUNTIF, COUNTIFS, SUMIF, AVERAGE, AVERAGEIF, MIN,
 * MAX, IF, IFERROR, ROUND, ABS, SQRT, VLOOKUP (exact match only), defined names and error literals. A function Excel does not
 * know evaluates to #NAME? (formulaCheck.ts); a known one the preview does not evaluate makes
 * `evaluateFormula` return undefined and the preview shows the formula text as the cell's value.
 */
import type { RangeRef } from "../../core/report/address";
import type { PreviewValue } from "./model";
import { parseAddress, splitSheet, intersect } from "./addr";
import { checkFormula, type FormulaCheck } from "./formulaCheck";

const checks = new Map<string, FormulaCheck>();
/** checkFormula, remembered per formula text (cells are evaluated often). */
function checked(formula: string): FormulaCheck {
  let c = checks.get(formula);
  if (!c) {
    if (checks.size > 10_000) checks.clear();
    c = checkFormula(formula);
    checks.set(formula, c);
  }
  return c;
}

export interface FormulaSheet {
  readonly name: string;
  valueAt(row: number, column: number, depth: number): PreviewValue;
  usedExtent(): { rowCount: number; columnCount: number };
}
export interface FormulaBook {
  sheetByName(name: string): FormulaSheet | undefined;
  /** The formula a defined name refers to ("=Ark1!$B$5"), sheet scope first; undefined when there is none. */
  nameFormula?(name: string, sheet: FormulaSheet): string | undefined;
}

class Unsupported extends Error {}
class XlError {
  constructor(readonly text: string) {}
}
interface RangeVal {
  kind: "range";
  sheet: FormulaSheet;
  ref: RangeRef;
}
type Val = PreviewValue | XlError | RangeVal;

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: string }
  | { t: "fn"; v: string }
  | { t: "name"; v: string }
  | { t: "err"; v: string }
  | { t: "op"; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      if (j >= src.length) throw new Unsupported();
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    const refRe = /^((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![\w(])/;
    const ref = refRe.exec(src.slice(i));
    if (ref && !(num && num[0].length >= ref[0].length && !ref[0].includes(":"))) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const fn = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(src.slice(i));
    if (fn) {
      out.push({ t: "fn", v: fn[1].toUpperCase() });
      i += fn[1].length + 1;
      continue;
    }
    const word = /^(TRUE|FALSE)(?![\w(])/i.exec(src.slice(i));
    if (word) {
      out.push({ t: "num", v: word[1].toUpperCase() === "TRUE" ? 1 : 0 });
      i += word[0].length;
      continue;
    }
    const err = /^#(DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!|NULL!)/.exec(src.slice(i));
    if (err) {
      out.push({ t: "err", v: err[0] });
      i += err[0].length;
      continue;
    }
    const name = /^[A-Za-z_\\][\w.]*(?![\w(!])/.exec(src.slice(i));
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),%])/.exec(src.slice(i));
    if (op) {
      out.push({ t: "op", v: op[1] });
      i += op[1].length;
      continue;
    }
    throw new Unsupported();
  }
  return out;
}

function isErr(v: unknown): v is XlError {
  return v instanceof XlError;
}

class Evaluator {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly sheet: FormulaSheet,
    private readonly book: FormulaBook,
    private readonly depth: number,
  ) {}

  run(): Val {
    const v = this.comparison();
    if (this.pos !== this.toks.length) throw new Unsupported();
    return v;
  }

  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === "op" && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new Unsupported();
    this.pos++;
  }

  private comparison(): Val {
    let a = this.concat();
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== "op" || !["=", "<>", "<", ">", "<=", ">="].includes(t.v)) return a;
      this.pos++;
      const b = this.concat();
      const x = this.scalar(a);
      const y = this.scalar(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      a = compare(x, y, t.v);
    }
  }
  private concat(): Val {
    let a = this.additive();
    while (this.isOp("&")) {
      this.pos++;
      const b = this.additive();
      const x = this.scalar(a);
      const y = this.scalar(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      a = `${text(x)}${text(y)}`;
    }
    return a;
  }
  private additive(): Val {
    let a = this.multiplicative();
    while (this.isOp("+") || this.isOp("-")) {
      const op = (this.toks[this.pos++] as { v: string }).v;
      const b = this.multiplicative();
      a = this.arith(a, b, (x, y) => (op === "+" ? x + y : x - y));
    }
    return a;
  }
  private multiplicative(): Val {
    let a = this.unary();
    while (this.isOp("*") || this.isOp("/")) {
      const op = (this.toks[this.pos++] as { v: string }).v;
      const b = this.unary();
      a = this.arith(a, b, (x, y) => (op === "*" ? x * y : y === 0 ? new XlError("#DIV/0!") : x / y));
    }
    return a;
  }
  private unary(): Val {
    if (this.isOp("-")) {
      this.pos++;
      return this.arith(0, this.unary(), (x, y) => x - y);
    }
    if (this.isOp("+")) {
      this.pos++;
      return this.unary();
    }
    return this.power();
  }
  private power(): Val {
    let a = this.postfix();
    while (this.isOp("^")) {
      this.pos++;
      const b = this.postfix();
      a = this.arith(a, b, (x, y) => Math.pow(x, y));
    }
    return a;
  }
  private postfix(): Val {
    let a = this.primary();
    while (this.isOp("%")) {
      this.pos++;
      a = this.arith(a, 100, (x, y) => x / y);
    }
    return a;
  }
  private primary(): Val {
    const t = this.peek();
    if (!t) throw new Unsupported();
    this.pos++;
    if (t.t === "num") return t.v;
    if (t.t === "str") return t.v;
    if (t.t === "ref") return this.reference(t.v);
    if (t.t === "err") return new XlError(t.v);
    if (t.t === "name") return this.definedName(t.v);
    if (t.t === "op" && t.v === "(") {
      const v = this.comparison();
      this.expect(")");
      return v;
    }
    if (t.t === "fn") {
      const args: Val[] = [];
      if (this.isOp(")")) {
        this.pos++;
      } else {
        for (;;) {
          args.push(this.comparison());
          if (this.isOp(",")) {
            this.pos++;
            continue;
          }
          this.expect(")");
          break;
        }
      }
      return this.call(t.v, args);
    }
    throw new Unsupported();
  }

  /** A defined name: evaluated from the formula it refers to; an unknown name is #NAME? as in Excel. */
  private definedName(name: string): Val {
    const f = this.book.nameFormula?.(name, this.sheet);
    if (f === undefined) return new XlError("#NAME?");
    if (this.depth > 32) return new XlError("#REF!");
    const v = evaluateFormula(f, this.sheet, this.book, this.depth + 1);
    if (v === undefined) throw new Unsupported();
    return v;
  }

  private reference(src: string): Val {
    const { sheet } = splitSheet(src);
    const target = sheet === undefined ? this.sheet : this.book.sheetByName(sheet);
    if (!target) return new XlError("#REF!");
    const ref = parseAddress(src);
    if (!ref) throw new Unsupported();
    return { kind: "range", sheet: target, ref };
  }

  private scalar(v: Val): PreviewValue | XlError {
    if (v !== null && typeof v === "object" && !(v instanceof XlError)) {
      if (v.ref.rowCount !== 1 || v.ref.columnCount !== 1) return new XlError("#VALUE!");
      return this.cell(v.sheet, v.ref.row, v.ref.column);
    }
    return v;
  }

  private cell(sheet: FormulaSheet, row: number, column: number): PreviewValue | XlError {
    const v = sheet.valueAt(row, column, this.depth + 1);
    if (typeof v === "string" && /^#(DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!)$/.test(v)) return new XlError(v);
    return v;
  }

  private arith(a: Val, b: Val, f: (x: number, y: number) => number | XlError): Val {
    const x = this.scalar(a);
    const y = this.scalar(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    const nx = toNumber(x);
    const ny = toNumber(y);
    if (nx === undefined || ny === undefined) return new XlError("#VALUE!");
    const r = f(nx, ny);
    return r;
  }

  /** Every cell value of the arguments (ranges flattened; clipped to the used area). */
  private flatten(args: Val[]): { value: PreviewValue | XlError; fromRange: boolean }[] {
    const out: { value: PreviewValue | XlError; fromRange: boolean }[] = [];
    for (const a of args) {
      if (a !== null && typeof a === "object" && !(a instanceof XlError)) {
        for (const v of this.cells(a)) out.push({ value: v, fromRange: true });
      } else out.push({ value: a, fromRange: false });
    }
    return out;
  }

  private cells(r: RangeVal): (PreviewValue | XlError)[] {
    const ext = r.sheet.usedExtent();
    const clip = intersect(r.ref, { row: 0, column: 0, rowCount: Math.max(1, ext.rowCount), columnCount: Math.max(1, ext.columnCount) });
    const out: (PreviewValue | XlError)[] = [];
    if (!clip) return out;
    for (let i = 0; i < clip.rowCount; i++) for (let j = 0; j < clip.columnCount; j++) out.push(this.cell(r.sheet, clip.row + i, clip.column + j));
    return out;
  }

  /** Cells of a range in row-major order including empty cells (for COUNTIFS/SUMIF alignment). */
  private grid(r: Val): (PreviewValue | XlError)[] | undefined {
    if (r === null || typeof r !== "object" || r instanceof XlError) return undefined;
    const ext = r.sheet.usedExtent();
    const rows = Math.min(r.ref.rowCount, Math.max(0, ext.rowCount - r.ref.row));
    const cols = Math.min(r.ref.columnCount, Math.max(0, ext.columnCount - r.ref.column));
    const out: (PreviewValue | XlError)[] = [];
    for (let i = 0; i < r.ref.rowCount && i < Math.max(rows, 0); i++)
      for (let j = 0; j < r.ref.columnCount; j++) out.push(j < cols ? this.cell(r.sheet, r.ref.row + i, r.ref.column + j) : null);
    return out;
  }

  private call(name: string, args: Val[]): Val {
    const nums = (): number[] | XlError => {
      const out: number[] = [];
      for (const { value, fromRange } of this.flatten(args)) {
        if (isErr(value)) return value;
        if (typeof value === "number") out.push(value);
        else if (!fromRange) {
          const n = toNumber(value);
          if (n === undefined) return new XlError("#VALUE!");
          out.push(n);
        }
      }
      return out;
    };
    switch (name) {
      case "SUM": {
        const n = nums();
        return isErr(n) ? n : n.reduce((s, x) => s + x, 0);
      }
      case "AVERAGE": {
        const n = nums();
        if (isErr(n)) return n;
        return n.length === 0 ? new XlError("#DIV/0!") : n.reduce((s, x) => s + x, 0) / n.length;
      }
      case "MIN":
      case "MAX": {
        const n = nums();
        if (isErr(n)) return n;
        if (n.length === 0) return 0;
        return name === "MIN" ? Math.min(...n) : Math.max(...n);
      }
      case "COUNT":
        return this.flatten(args).filter((c) => typeof c.value === "number").length;
      case "COUNTA":
        return this.flatten(args).filter((c) => c.value !== null && c.value !== "").length;
      case "COUNTBLANK": {
        const g = this.grid(args[0]);
        if (!g) throw new Unsupported();
        const r = args[0] as RangeVal;
        const total = r.ref.rowCount * r.ref.columnCount;
        return total - g.filter((v) => v !== null && v !== "").length;
      }
      case "COUNTIF":
      case "COUNTIFS": {
        if (args.length < 2 || args.length % 2 !== 0) throw new Unsupported();
        let hits: boolean[] | undefined;
        for (let k = 0; k < args.length; k += 2) {
          const g = this.grid(args[k]);
          const crit = this.scalar(args[k + 1]);
          if (!g || isErr(crit)) throw new Unsupported();
          const m = g.map((v) => matches(v, crit));
          hits = hits ? hits.map((h, i) => h && (m[i] ?? false)) : m;
        }
        return (hits ?? []).filter(Boolean).length;
      }
      case "SUMIF":
      case "AVERAGEIF": {
        const g = this.grid(args[0]);
        const crit = this.scalar(args[1]);
        const sumG = args[2] !== undefined ? this.grid(args[2]) : g;
        if (!g || !sumG || isErr(crit)) throw new Unsupported();
        const vals: number[] = [];
        g.forEach((v, i) => {
          const s = sumG[i];
          if (matches(v, crit) && typeof s === "number") vals.push(s);
        });
        const sum = vals.reduce((s, x) => s + x, 0);
        if (name === "SUMIF") return sum;
        return vals.length === 0 ? new XlError("#DIV/0!") : sum / vals.length;
      }
      case "IF": {
        const c = this.scalar(args[0]);
        if (isErr(c)) return c;
        const truthy = typeof c === "number" ? c !== 0 : c === true;
        const pick = truthy ? args[1] : args[2];
        if (pick === undefined) return truthy;
        return this.scalar(pick);
      }
      case "IFERROR": {
        const v = this.scalar(args[0]);
        return isErr(v) ? this.scalar(args[1]) : v;
      }
      case "ROUND": {
        const v = this.scalar(args[0]);
        const d = args[1] === undefined ? 0 : this.scalar(args[1]);
        if (isErr(v)) return v;
        if (isErr(d)) return d;
        const x = toNumber(v);
        const n = toNumber(d);
        if (x === undefined || n === undefined) return new XlError("#VALUE!");
        const f = Math.pow(10, Math.trunc(n));
        return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
      }
      case "ABS":
      case "SQRT": {
        const v = this.scalar(args[0]);
        if (isErr(v)) return v;
        const x = toNumber(v);
        if (x === undefined) return new XlError("#VALUE!");
        if (name === "ABS") return Math.abs(x);
        return x < 0 ? new XlError("#NUM!") : Math.sqrt(x);
      }
      case "VLOOKUP":
        return this.vlookup(args);
      default:
        throw new Unsupported();
    }
  }

  /**
   * VLOOKUP(lookup_value, table_array, col_index_num, FALSE): exact match only (approximate match is not
   * evaluated). Failure modes as Microsoft's VLOOKUP reference states them: #N/A when the value is not
   * in the first column (a blank lookup value finds nothing); #VALUE! when col_index_num is below 1 or
   * not a number, or the lookup text is longer than 255 characters; #REF! when col_index_num exceeds the
   * table's columns. Text is compared case-insensitively, with the wildcards ? and * (~ escapes them).
   * A found empty cell gives 0.
   */
  private vlookup(args: Val[]): Val {
    if (args.length < 3 || args.length > 4) throw new Unsupported();
    const key = this.scalar(args[0]);
    if (isErr(key)) return key;
    const table = args[1];
    if (table === null || typeof table !== "object" || table instanceof XlError) throw new Unsupported();
    const colArg = this.scalar(args[2]);
    if (isErr(colArg)) return colArg;
    const exact = args[3] === undefined ? undefined : this.scalar(args[3]);
    if (isErr(exact)) return exact;
    if (exact === undefined || (typeof exact === "number" ? exact !== 0 : exact !== false)) throw new Unsupported();
    const col = toNumber(colArg);
    if (col === undefined || Math.trunc(col) < 1) return new XlError("#VALUE!");
    if (Math.trunc(col) > table.ref.columnCount) return new XlError("#REF!");
    if (typeof key === "string" && key.length > 255) return new XlError("#VALUE!");
    if (key === null || key === "") return new XlError("#N/A");
    const rows = Math.min(table.ref.rowCount, Math.max(0, table.sheet.usedExtent().rowCount - table.ref.row));
    const hit = lookupMatcher(key);
    for (let i = 0; i < rows; i++) {
      const v = this.cell(table.sheet, table.ref.row + i, table.ref.column);
      if (isErr(v) || !hit(v)) continue;
      const found = this.cell(table.sheet, table.ref.row + i, table.ref.column + Math.trunc(col) - 1);
      return found ?? 0;
    }
    return new XlError("#N/A");
  }
}

/** Exact-match test of VLOOKUP: numbers and booleans by value, text case-insensitively with ? * and ~. */
function lookupMatcher(key: string | number | boolean): (v: PreviewValue) => boolean {
  if (typeof key !== "string") return (v) => v === key;
  let re = "";
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    if (ch === "~" && i + 1 < key.length) re += key[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  const rx = new RegExp(`^${re}$`, "iu");
  return (v) => typeof v === "string" && rx.test(v);
}

function toNumber(v: PreviewValue): number | undefined {
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== "" ? n : undefined;
}

function text(v: PreviewValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function compare(x: PreviewValue, y: PreviewValue, op: string): boolean {
  let c: number;
  if (typeof x === "number" && typeof y === "number") c = x - y;
  else if (typeof x === "string" && typeof y === "string") c = x.toLowerCase().localeCompare(y.toLowerCase());
  else if (x === null || y === null) {
    const a = x ?? (typeof y === "number" ? 0 : "");
    const b = y ?? (typeof x === "number" ? 0 : "");
    return compare(a, b, op);
  } else c = typeof x === "number" ? -1 : 1; // numbers sort before text
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** COUNTIF-style criterion: 5, "5", ">5", "<>Mand", "Kvinde" (case-insensitive, no wildcards). */
function matches(v: PreviewValue | XlError, crit: PreviewValue): boolean {
  if (isErr(v as Val)) return false;
  const cell = v as PreviewValue;
  if (typeof crit === "number") return typeof cell === "number" && cell === crit;
  if (typeof crit === "boolean") return cell === crit;
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/s.exec(crit ?? "");
  const op = m?.[1] ?? "=";
  const rhs = m?.[2] ?? "";
  const n = rhs.trim() !== "" ? Number(rhs) : NaN;
  if (Number.isFinite(n)) {
    if (typeof cell !== "number") return op === "<>";
    return compare(cell, n, op);
  }
  if (rhs === "") {
    const empty = cell === null || cell === "";
    return op === "<>" ? !empty : op === "=" ? empty : false;
  }
  if (typeof cell !== "string") return op === "<>";
  return compare(cell, rhs, op);
}

/**
 * Evaluate `formula` ("=SUM(A1:A3)") on `sheet`. Returns undefined when the formula uses
 * something the preview does not evaluate; Excel error values come back as "#DIV/0!" etc.
 */
export function evaluateFormula(formula: string, sheet: FormulaSheet, book: FormulaBook, depth = 0): PreviewValue | undefined {
  if (depth > 64) return "#REF!";
  if (!formula.startsWith("=")) return undefined;
  // A reference into a deleted sheet keeps its address ("=#REF!A1", names.ts): it is the error operand #REF!.
  formula = formula.replace(/#REF!(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)/g, "#REF!");
  const check = checked(formula);
  if (!check.ok || check.unknownFunctions.length > 0) return "#NAME?";
  try {
    const ev = new Evaluator(tokenize(formula.slice(1)), sheet, book, depth);
    let v = ev.run();
    if (v !== null && typeof v === "object" && !(v instanceof XlError)) {
      if (v.ref.rowCount !== 1 || v.ref.columnCount !== 1) return "#VALUE!";
      v = v.sheet.valueAt(v.ref.row, v.ref.column, depth + 1);
    }
    if (v instanceof XlError) return v.text;
    if (typeof v === "number" && !Number.isFinite(v)) return "#NUM!";
    return v ?? 0;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
