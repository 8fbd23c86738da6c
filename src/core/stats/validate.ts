/** Input checks shared by the tests. Every failure is a VirkningError with a Danish message. */
import { VirkningError } from "../errors";
import type { Alternative } from "./types";

export function fail(code: string, da: string, en: string): never {
  throw new VirkningError(code, da, en);
}

/** A count table: rectangular, at least minRows x minCols, finite non-negative integers. */
export function checkCountTable(table: number[][], minRows = 2, minCols = 2, maxRows = Infinity, maxCols = Infinity): void {
  if (!Array.isArray(table) || table.length < minRows || table.length > maxRows) {
    fail("STATS_TABLE_SHAPE", `Tabellen skal have mindst ${minRows} rækker${Number.isFinite(maxRows) ? ` og højst ${maxRows}` : ""}.`,
      `The table must have at least ${minRows} rows${Number.isFinite(maxRows) ? ` and at most ${maxRows}` : ""}.`);
  }
  const c = table[0].length;
  if (c < minCols || c > maxCols) {
    fail("STATS_TABLE_SHAPE", `Tabellen skal have mindst ${minCols} kolonner${Number.isFinite(maxCols) ? ` og højst ${maxCols}` : ""}.`,
      `The table must have at least ${minCols} columns${Number.isFinite(maxCols) ? ` and at most ${maxCols}` : ""}.`);
  }
  for (const row of table) {
    if (!Array.isArray(row) || row.length !== c) fail("STATS_TABLE_SHAPE", "Alle rækker i tabellen skal have lige mange celler.", "All rows of the table must have the same number of cells.");
    for (const v of row) checkCount(v);
  }
  const total = table.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  if (total > Number.MAX_SAFE_INTEGER) {
    fail("STATS_TABLE_TOO_LARGE", "Tabellens samlede antal er for stort til en præcis beregning.", "The table total is too large for an exact calculation.");
  }
}

export function checkCount(v: number, what = "Antal"): void {
  if (typeof v !== "number" || Number.isNaN(v)) fail("STATS_NAN", `${what} mangler eller er ikke et tal.`, `A count is missing or not a number.`);
  if (!Number.isFinite(v)) fail("STATS_NOT_FINITE", `${what} skal være et endeligt tal (fik ${v}).`, `A count must be finite (got ${v}).`);
  if (v < 0) fail("STATS_NEGATIVE_COUNT", `${what} kan ikke være negativt (fik ${v}).`, `A count cannot be negative (got ${v}).`);
  if (!Number.isInteger(v)) fail("STATS_NON_INTEGER_COUNT", `${what} skal være et helt tal (fik ${v}).`, `A count must be a whole number (got ${v}).`);
}

/** A sample of measurements: finite numbers, at least `min` of them. */
export function checkSample(x: number[], min: number, label = "Stikprøven"): void {
  if (!Array.isArray(x)) fail("STATS_NOT_ARRAY", `${label} skal være en liste af tal.`, "The sample must be a list of numbers.");
  for (const v of x) {
    if (typeof v !== "number" || Number.isNaN(v)) fail("STATS_NAN", `${label} indeholder en værdi, der ikke er et tal.`, "The sample contains a value that is not a number.");
    if (!Number.isFinite(v)) fail("STATS_NOT_FINITE", `${label} indeholder en uendelig værdi.`, "The sample contains an infinite value.");
  }
  if (x.length < min) fail("STATS_TOO_FEW", `${label} skal have mindst ${min} observationer (har ${x.length}).`, `The sample needs at least ${min} observations (has ${x.length}).`);
}

export function checkProbability(p: number, name: string, open = true): void {
  if (typeof p !== "number" || Number.isNaN(p)) fail("STATS_NAN", `${name} mangler eller er ikke et tal.`, `${name} is missing or not a number.`);
  if (open ? !(p > 0 && p < 1) : !(p >= 0 && p <= 1)) {
    fail("STATS_PROBABILITY_RANGE", `${name} skal ligge ${open ? "strengt " : ""}mellem 0 og 1 (fik ${p}).`, `${name} must lie ${open ? "strictly " : ""}between 0 and 1 (got ${p}).`);
  }
}

export function checkConfLevel(c: number): void {
  checkProbability(c, "Konfidensniveauet");
}

/** alternative must be one of R's three names (callers outside TypeScript may pass anything). */
export function checkAlternative(a: unknown): Alternative {
  if (a === undefined) return "two.sided";
  if (a !== "two.sided" && a !== "less" && a !== "greater") {
    fail("STATS_ALTERNATIVE", `Ukendt alternativ hypotese: ${String(a)} (brug "two.sided", "less" eller "greater").`,
      `Unknown alternative hypothesis: ${String(a)} (use "two.sided", "less" or "greater").`);
  }
  return a;
}

/** Largest table total the exact Fisher test accepts (the work grows with the square root of n). */
export const FISHER_MAX_TOTAL = 100_000_000;

/** Every computed number of a result must be a number (never a silent NaN). */
export function checkResultNumbers(values: (number | undefined)[]): void {
  if (values.some((v) => v !== undefined && Number.isNaN(v))) {
    fail("STATS_NUMERIC_OVERFLOW", "Resultatet kan ikke beregnes: tallene er for store eller for små til en sikker beregning.",
      "The result cannot be computed: the numbers are too large or too small for a reliable calculation.");
  }
}
