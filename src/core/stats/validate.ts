/** Input checks shared by the tests. Every failure is a VirkningError (Danish message, English messageEn). */
import { VirkningError } from "../errors";
import type { Alternative, ConfInt, TablePolicy, Text } from "./types";

export function fail(code: string, da: string, en: string): never {
  throw new VirkningError(code, da, en);
}

/** A count table: rectangular, at least minRows x minCols, finite non-negative integers. */
export function checkCountTable(table: number[][], minRows = 2, minCols = 2, maxRows = Infinity, maxCols = Infinity): void {
  if (!Array.isArray(table) || table.length < minRows || table.length > maxRows) {
    fail("STATS_TABLE_SHAPE", `Tabellen skal have mindst ${minRows} rækker${Number.isFinite(maxRows) ? ` og højst ${maxRows}` : ""}.`,
      `The table must have at least ${minRows} rows${Number.isFinite(maxRows) ? ` and at most ${maxRows}` : ""}.`);
  }
  if (!Array.isArray(table[0])) fail("STATS_TABLE_SHAPE", "Tabellens rækker skal være lister af antal.", "The rows of the table must be lists of counts.");
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

const COUNT: Text = { da: "Antal", en: "A count" };

export function checkCount(v: number, what: Text = COUNT): void {
  if (typeof v !== "number" || Number.isNaN(v)) fail("STATS_NAN", `${what.da} mangler eller er ikke et tal.`, `${what.en} is missing or not a number.`);
  if (!Number.isFinite(v)) fail("STATS_NOT_FINITE", `${what.da} skal være et endeligt tal (fik ${v}).`, `${what.en} must be finite (got ${v}).`);
  if (v < 0) fail("STATS_NEGATIVE_COUNT", `${what.da} kan ikke være negativt (fik ${v}).`, `${what.en} cannot be negative (got ${v}).`);
  if (!Number.isInteger(v)) fail("STATS_NON_INTEGER_COUNT", `${what.da} skal være et helt tal (fik ${v}).`, `${what.en} must be a whole number (got ${v}).`);
}

/** A sample of measurements: finite numbers, at least `min` of them. */
export function checkSample(x: number[], min: number, label: Text = { da: "Stikprøven", en: "The sample" }): void {
  if (!Array.isArray(x)) fail("STATS_NOT_ARRAY", `${label.da} skal være en liste af tal.`, `${label.en} must be a list of numbers.`);
  for (const v of x) {
    if (typeof v !== "number" || Number.isNaN(v)) fail("STATS_NAN", `${label.da} indeholder en værdi, der ikke er et tal.`, `${label.en} contains a value that is not a number.`);
    if (!Number.isFinite(v)) fail("STATS_NOT_FINITE", `${label.da} indeholder en uendelig værdi.`, `${label.en} contains an infinite value.`);
  }
  if (x.length < min) fail("STATS_TOO_FEW", `${label.da} skal have mindst ${min} observationer (har ${x.length}).`, `${label.en} needs at least ${min} observations (has ${x.length}).`);
}

export function checkProbability(p: number, name: Text, open = true): void {
  if (typeof p !== "number" || Number.isNaN(p)) fail("STATS_NAN", `${name.da} mangler eller er ikke et tal.`, `${name.en} is missing or not a number.`);
  if (open ? !(p > 0 && p < 1) : !(p >= 0 && p <= 1)) {
    fail("STATS_PROBABILITY_RANGE", `${name.da} skal ligge ${open ? "strengt " : ""}mellem 0 og 1 (fik ${p}).`, `${name.en} must lie ${open ? "strictly " : ""}between 0 and 1 (got ${p}).`);
  }
}

/** The confidence level (default 0.95), strictly between 0 and 1. */
export function confLevelOf(c: number | undefined): number {
  const level = c ?? 0.95;
  checkProbability(level, { da: "Konfidensniveauet", en: "The confidence level" });
  return level;
}

/**
 * alternative: one of R's three names; as R's match.arg, case and unambiguous abbreviations
 * ("two", "l", "g") are accepted, and "two-sided" too.
 */
export function checkAlternative(a: unknown): Alternative {
  if (a === undefined) return "two.sided";
  const s = typeof a === "string" ? a.trim().toLowerCase().replace(/[-_ ]/g, ".") : "";
  const names: Alternative[] = ["two.sided", "less", "greater"];
  const hit = s.length > 0 ? names.filter((n) => n.startsWith(s)) : [];
  if (hit.length !== 1) {
    fail("STATS_ALTERNATIVE", `Ukendt alternativ hypotese: ${String(a)} (brug "two.sided", "less" eller "greater").`,
      `Unknown alternative hypothesis: ${String(a)} (use "two.sided", "less" or "greater").`);
  }
  return hit[0];
}

/** Tests that R defines only two-sided refuse another alternative. */
export function onlyTwoSided(a: unknown, test: Text): "two.sided" {
  if (checkAlternative(a) !== "two.sided") {
    fail("STATS_ALTERNATIVE", `${test.da} findes kun tosidet.`, `${test.en} exists only as a two-sided test.`);
  }
  return "two.sided";
}

/** The table test policy, case and surrounding spaces ignored. */
export function checkPolicy(p: unknown): TablePolicy {
  const s = typeof p === "string" ? p.trim().toLowerCase() : "";
  if (s === "pearson" || s === "yates" || s === "fisher" || s === "auto") return s;
  return fail("STATS_POLICY", `Ukendt testvalg: ${String(p)} (brug "pearson", "yates", "fisher" eller "auto").`,
    `Unknown test policy: ${String(p)} (use "pearson", "yates", "fisher" or "auto").`);
}

/** Options must be an object (or left out). */
export function checkOptions<T extends object>(o: T | undefined): T {
  if (o === undefined) return {} as T;
  if (o === null || typeof o !== "object" || Array.isArray(o)) fail("STATS_OPTIONS", "Indstillingerne skal angives som et objekt, fx { confLevel: 0.95 }.", "Options must be given as an object, e.g. { confLevel: 0.95 }.");
  return o;
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

export const DEGENERATE_CI: Text = {
  da: "Konfidensintervallet har længden 0 (der er ingen variation i data), så usikkerheden kan ikke vurderes ud fra det.",
  en: "The confidence interval has length 0 (there is no variation in the data), so it does not show the uncertainty.",
};

/** A confidence interval; a degenerate one (lower = upper) gets a warning. */
export function interval(lower: number, upper: number, level: number, warnings: Text[]): ConfInt {
  checkResultNumbers([lower, upper]);
  if (lower === upper) warnings.push(DEGENERATE_CI);
  return { lower, upper, level };
}
