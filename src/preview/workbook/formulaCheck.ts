/**
 * What Excel checks when a formula is written: the syntax (a formula Excel cannot parse makes the
 * request fail with InvalidArgument, and the operations of the batch before it stay applied —
 * Microsoft, "Error handling with the application-specific JavaScript APIs") and the function
 * names (an unknown function is accepted but calculates to #NAME?).
 *
 * Parsing uses @borgar/fx (a maintained Excel formula tokenizer/parser); the list of known
 * functions is the set @formulajs/formulajs implements plus the Excel functions it leaves out on
 * purpose (links, web, information and reference functions).
 */
import { parse, tokenize, type AstExpression } from "@borgar/fx";
import * as formulajs from "@formulajs/formulajs";

/** Excel functions that @formulajs/formulajs does not implement (they need a host). */
const HOST_FUNCTIONS = [
  "HYPERLINK", "WEBSERVICE", "FILTERXML", "ENCODEURL", "INDIRECT", "OFFSET", "CELL", "INFO", "GETPIVOTDATA",
  "RTD", "CALL", "REGISTER.ID", "IMAGE", "FORMULATEXT", "ISFORMULA", "SHEET", "SHEETS", "AREAS", "ADDRESS",
  "LAMBDA", "LET", "MAP", "REDUCE", "SCAN", "MAKEARRAY", "BYROW", "BYCOL", "ISOMITTED", "FILTER", "SORT", "SORTBY",
  "UNIQUE", "SEQUENCE", "RANDARRAY", "XLOOKUP", "XMATCH", "TEXTSPLIT", "TEXTBEFORE", "TEXTAFTER", "VSTACK",
  "HSTACK", "TOCOL", "TOROW", "WRAPROWS", "WRAPCOLS", "TAKE", "DROP", "CHOOSEROWS", "CHOOSECOLS", "EXPAND",
  "IFS", "SWITCH", "MAXIFS", "MINIFS", "CONCAT", "TEXTJOIN", "NA", "ERROR.TYPE", "T", "N", "PHONETIC", "DOLLAR",
  "BAHTTEXT", "ASC", "DBCS", "JIS", "YEN", "STOCKHISTORY", "PY", "GROUPBY", "PIVOTBY", "TRIMRANGE", "REGEXTEST",
  "REGEXEXTRACT", "REGEXREPLACE", "IFNA", "COUNTIFS", "SUMIFS", "AVERAGEIFS", "ROWS", "COLUMNS", "ROW", "COLUMN",
];

const KNOWN = new Set<string>([...Object.keys(formulajs).map((k) => k.toUpperCase()), ...HOST_FUNCTIONS]);

export type FormulaCheck = { ok: true; unknownFunctions: string[] } | { ok: false; reason: string };

/** Parse `formula` ("=…") as Excel would when it is written through Range.formulas/values. */
export function checkFormula(formula: string): FormulaCheck {
  if (!formula.startsWith("=") || formula.length < 2) return { ok: false, reason: "a formula needs an expression after '='" };
  let ast: AstExpression;
  try {
    ast = parse(tokenize(formula)) as AstExpression;
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : "invalid syntax" };
  }
  const unknown: string[] = [];
  walk(ast, (name) => {
    const n = name.toUpperCase().replace(/^_XLFN\.|^_XLWS\./, "");
    if (!KNOWN.has(n) && !unknown.includes(n)) unknown.push(n);
  });
  return { ok: true, unknownFunctions: unknown };
}

function walk(node: unknown, onCall: (name: string) => void): void {
  if (node === null || typeof node !== "object") return;
  const n = node as { type?: string; callee?: { name?: string }; arguments?: unknown[]; elements?: unknown[][] };
  if (n.type === "CallExpression" && typeof n.callee?.name === "string") onCall(n.callee.name);
  for (const a of n.arguments ?? []) walk(a, onCall);
  for (const row of n.elements ?? []) for (const e of row) walk(e, onCall);
}
