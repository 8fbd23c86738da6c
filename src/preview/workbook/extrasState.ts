/**
 * Preview state for data validation (ExcelApi 1.8) and conditional formats (ExcelApi 1.6), kept
 * beside each sheet (a WeakMap, so the lead-owned SheetState needs no field and a deleted sheet
 * takes its rules with it). The grid asks `validationAt` for a cell's dropdown and
 * `conditionalFillAt` for a conditional fill.
 *
 * Conditional-format formulas are evaluated by a small evaluator for the forms our renderer writes
 * (AND/OR/NOT, comparisons, TODAY(), COUNTA/COUNT/COUNTBLANK over ranges, cell references with $
 * anchors relative to the format's top-left cell, numbers and "text"). A formula outside that subset
 * is refused when it is written (InvalidArgument), so the preview never shows a fill it cannot
 * compute; Excel accepts more, which our code does not use.
 */
import type { RangeRef } from "../../core/report/address";
import { columnIndex } from "../../core/report/address";
import type { PreviewValue } from "./model";

export interface ListRule {
  inCellDropDown: boolean;
  source: string;
}

export interface ValidationState {
  ref: RangeRef;
  list: ListRule;
  ignoreBlanks: boolean;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
}

export type CellValueOperator = "Between" | "NotBetween" | "EqualTo" | "NotEqualTo" | "GreaterThan" | "LessThan" | "GreaterThanOrEqual" | "LessThanOrEqual";

export interface ConditionalFormatState {
  id: number;
  ref: RangeRef;
  type: "Custom" | "CellValue";
  formula: string;
  /** Parsed custom formula. */
  expr: Expr | null;
  cellValue: { formula1: string; formula2?: string; operator: CellValueOperator } | null;
  fill: string | null;
  fontColor: string | null;
}

export interface SheetExtras {
  validations: ValidationState[];
  formats: ConditionalFormatState[];
}

interface CellSource {
  valueAt(row: number, column: number): PreviewValue;
}

const store = new WeakMap<object, SheetExtras>();
let nextId = 1;

export function extrasOf(sheet: object): SheetExtras {
  let e = store.get(sheet);
  if (!e) store.set(sheet, (e = { validations: [], formats: [] }));
  return e;
}

export function newFormatId(): number {
  return nextId++;
}

function inside(r: RangeRef, row: number, column: number): boolean {
  return row >= r.row && row < r.row + r.rowCount && column >= r.column && column < r.column + r.columnCount;
}

/** The list validation of a cell, if any (the grid shows its dropdown). */
export function validationAt(sheet: object, row: number, column: number): ValidationState | undefined {
  return store.get(sheet)?.validations.find((v) => inside(v.ref, row, column));
}

/** The items of a list source as Excel shows them in the dropdown. */
export function listItems(v: ValidationState): string[] {
  return v.list.source.split(",").map((s) => s.trim());
}

/** Would Excel accept this entry typed by the user (stop alert otherwise)? */
export function acceptsEntry(v: ValidationState, text: string): boolean {
  if (text.trim() === "") return v.ignoreBlanks;
  const t = text.trim().toLocaleLowerCase("da-DK");
  return listItems(v).some((i) => i.toLocaleLowerCase("da-DK") === t);
}

// ----- a small evaluator for conditional-format formulas ------------------------------------------

export type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "ref"; row: number; col: number; absRow: boolean; absCol: boolean }
  | { k: "range"; a: Expr & { k: "ref" }; b: Expr & { k: "ref" } }
  | { k: "call"; name: string; args: Expr[] }
  | { k: "bin"; op: string; a: Expr; b: Expr };

const FUNCS = new Set(["AND", "OR", "NOT", "TODAY", "COUNTA", "COUNT", "COUNTBLANK"]);

/** Parse a formula of the supported subset; throws an Error with the reason otherwise. */
export function parseCfFormula(formula: string): Expr {
  if (!formula.startsWith("=")) throw new Error("a formula starts with =");
  const toks = formula.slice(1).match(/\s*(\$?[A-Z]{1,3}\$?\d+|[A-Z]+(?=\()|\d+(?:\.\d+)?|"(?:[^"]|"")*"|<>|<=|>=|[=<>(),:+\-*&])/gy);
  const joined = (toks ?? []).join("");
  if (joined.replace(/\s/g, "") !== formula.slice(1).replace(/\s/g, "")) throw new Error("unsupported syntax");
  const t = (toks ?? []).map((s) => s.trim());
  let i = 0;
  const peek = (): string | undefined => t[i];
  const eat = (s?: string): string => {
    const x = t[i++];
    if (x === undefined || (s !== undefined && x !== s)) throw new Error(`expected ${s ?? "more"}`);
    return x;
  };
  const ref = (s: string): Expr & { k: "ref" } => {
    const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(s) as RegExpExecArray;
    return { k: "ref", col: columnIndex(m[2]), row: Number(m[4]) - 1, absCol: m[1] === "$", absRow: m[3] === "$" };
  };
  const primary = (): Expr => {
    const x = eat();
    if (/^\d/.test(x)) return { k: "num", v: Number(x) };
    if (x.startsWith('"')) return { k: "str", v: x.slice(1, -1).replace(/""/g, '"') };
    if (x === "(") {
      const e = compare();
      eat(")");
      return e;
    }
    if (x === "-") return { k: "bin", op: "-", a: { k: "num", v: 0 }, b: primary() };
    if (/^\$?[A-Z]{1,3}\$?\d+$/.test(x)) {
      const a = ref(x);
      if (peek() !== ":") return a;
      eat(":");
      return { k: "range", a, b: ref(eat()) };
    }
    if (FUNCS.has(x)) {
      eat("(");
      const args: Expr[] = [];
      while (peek() !== ")") {
        args.push(compare());
        if (peek() === ",") eat(",");
      }
      eat(")");
      return { k: "call", name: x, args };
    }
    throw new Error(`unsupported token ${x}`);
  };
  const additive = (): Expr => {
    let e = primary();
    while (peek() === "+" || peek() === "-" || peek() === "&") e = { k: "bin", op: eat(), a: e, b: primary() };
    return e;
  };
  const compare = (): Expr => {
    let e = additive();
    while (["=", "<>", "<", ">", "<=", ">="].includes(peek() ?? "")) e = { k: "bin", op: eat(), a: e, b: additive() };
    return e;
  };
  const e = compare();
  if (i !== t.length) throw new Error("unexpected text after the formula");
  return e;
}

type Val = number | string | boolean | null;

function todaySerial(): number {
  const d = new Date();
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000 + 25569;
}

function cmp(op: string, a: Val, b: Val): boolean {
  // Excel: empty compares as 0 with numbers and "" with text; numbers sort before text.
  const norm = (x: Val, other: Val): Val => (x === null ? (typeof other === "string" ? "" : 0) : x);
  const x = norm(a, b);
  const y = norm(b, a);
  let c: number;
  if (typeof x === typeof y) c = x === y ? 0 : (x as number | string) < (y as number | string) ? -1 : 1;
  else c = typeof x === "number" ? -1 : typeof y === "number" ? 1 : String(x).localeCompare(String(y));
  return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op] as boolean;
}

/** Evaluate `e` for the cell (dr, dc) offsets from the format's top-left. */
export function evalCf(e: Expr, sheet: CellSource, dr: number, dc: number): Val {
  const at = (r: Expr & { k: "ref" }): { row: number; col: number } => ({ row: r.row + (r.absRow ? 0 : dr), col: r.col + (r.absCol ? 0 : dc) });
  const cells = (x: Expr): Val[] => {
    if (x.k === "range") {
      const a = at(x.a);
      const b = at(x.b);
      const out: Val[] = [];
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(sheet.valueAt(r, c));
      return out;
    }
    return [evalCf(x, sheet, dr, dc)];
  };
  switch (e.k) {
    case "num":
    case "str":
      return e.v;
    case "ref": {
      const p = at(e);
      const v = sheet.valueAt(p.row, p.col);
      return v === "" ? null : v;
    }
    case "range":
      return null;
    case "call": {
      const all = e.args.flatMap(cells);
      if (e.name === "TODAY") return todaySerial();
      if (e.name === "AND") return all.every((v) => v === true || (typeof v === "number" && v !== 0));
      if (e.name === "OR") return all.some((v) => v === true || (typeof v === "number" && v !== 0));
      if (e.name === "NOT") return !(all[0] === true || (typeof all[0] === "number" && all[0] !== 0));
      if (e.name === "COUNTA") return all.filter((v) => v !== null && v !== "").length;
      if (e.name === "COUNTBLANK") return all.filter((v) => v === null || v === "").length;
      return all.filter((v) => typeof v === "number").length;
    }
    case "bin": {
      const a = evalCf(e.a, sheet, dr, dc);
      const b = evalCf(e.b, sheet, dr, dc);
      if (e.op === "&") return `${a ?? ""}${b ?? ""}`;
      if (e.op === "+" || e.op === "-") return (Number(a ?? 0) || 0) + (e.op === "+" ? 1 : -1) * (Number(b ?? 0) || 0);
      return cmp(e.op, a, b);
    }
  }
}

function cellValueMatches(f: ConditionalFormatState, v: PreviewValue): boolean {
  const cv = f.cellValue;
  if (!cv || typeof v !== "number") return false;
  const x = Number(cv.formula1.replace(/^=/, ""));
  const y = Number((cv.formula2 ?? "").replace(/^=/, ""));
  switch (cv.operator) {
    case "Between": return v >= Math.min(x, y) && v <= Math.max(x, y);
    case "NotBetween": return v < Math.min(x, y) || v > Math.max(x, y);
    case "EqualTo": return v === x;
    case "NotEqualTo": return v !== x;
    case "GreaterThan": return v > x;
    case "LessThan": return v < x;
    case "GreaterThanOrEqual": return v >= x;
    case "LessThanOrEqual": return v <= x;
  }
}

/** The fill (and font colour) of the first matching conditional format of a cell, if any. */
export function conditionalFormatAt(sheet: object, row: number, column: number, cells: CellSource = sheet as CellSource): { fill: string | null; fontColor: string | null } | undefined {
  const list = store.get(sheet)?.formats;
  if (!list || list.length === 0) return undefined;
  for (const f of list) {
    if (!inside(f.ref, row, column)) continue;
    const hit = f.type === "Custom" ? f.expr !== null && evalCf(f.expr, cells, row - f.ref.row, column - f.ref.column) === true : cellValueMatches(f, cells.valueAt(row, column));
    if (hit) return { fill: f.fill, fontColor: f.fontColor };
  }
  return undefined;
}
