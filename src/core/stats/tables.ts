/** Contingency tables: expected counts, Pearson chi-square (with Yates for 2x2), test policy. */
import { pchisqUpper } from "./dist";
import { fisherExact } from "./fisher";
import type { TablePolicy, TestResult, Text } from "./types";
import { checkCountTable, checkOptions, checkPolicy, fail } from "./validate";

const sum = (v: number[]): number => v.reduce((a, b) => a + b, 0);

/** Expected counts under independence: row total x column total / grand total. */
export function expectedCounts(table: number[][]): number[][] {
  checkCountTable(table, 1, 1);
  const rs = table.map(sum);
  const cs = table[0].map((_, j) => sum(table.map((r) => r[j])));
  const n = sum(rs);
  if (n === 0) fail("STATS_EMPTY_TABLE", "Tabellen er tom (alle celler er 0).", "The table is empty (all cells are 0).");
  return rs.map((r) => cs.map((c) => (r * c) / n));
}

export const WARN_EXPECTED_LT5: Text = {
  da: "Forventet antal < 5 i mindst én celle; χ²-tilnærmelsen kan være upræcis (overvej Fishers eksakte test).",
  en: "Expected count < 5 in at least one cell; the chi-square approximation may be inaccurate (consider Fisher's exact test).",
};

/** Drop rows and columns whose total is 0, as they have expected count 0. */
function dropEmpty(table: number[][]): { t: number[][]; dropped: boolean } {
  const keepCols = table[0].map((_, j) => table.some((r) => r[j] > 0));
  const t = table.filter((r) => r.some((v) => v > 0)).map((r) => r.filter((_, j) => keepCols[j]));
  return { t, dropped: t.length < table.length || (t.length > 0 && t[0].length < table[0].length) };
}

/**
 * Pearson's chi-square test of independence (R: chisq.test). `correct` (default false, the
 * SAS PROC FREQ "Chi-Square") applies Yates' continuity correction, for 2x2 tables only, with
 * R's rule: |O - E| is reduced by min(0.5, |O - E|). Rows/columns with total 0 are left out
 * (with a warning); R would return NaN for them. A table that becomes 2x2 that way gets Yates when
 * asked, with a warning that says so.
 */
export function chiSquareTest(table: number[][], options?: { correct?: boolean }): TestResult {
  const opts = checkOptions(options);
  checkCountTable(table);
  const warnings: Text[] = [];
  const { t, dropped } = dropEmpty(table);
  if (dropped) warnings.push({ da: "Rækker eller kolonner uden observationer er udeladt.", en: "Rows or columns without observations were left out." });
  if (dropped && (opts.correct ?? false) && t.length === 2 && t[0]?.length === 2) {
    // R's chisq.test gives NaN here (an expected count of 0); we test the remaining 2x2 table and say so
    warnings.push({ da: "Yates' korrektion er anvendt på den 2×2-tabel, der er tilbage, når de tomme rækker/kolonner er udeladt.", en: "Yates' correction was applied to the 2x2 table that remains once the empty rows/columns are left out." });
  }
  if (t.length < 2 || t[0].length < 2) {
    fail("STATS_TABLE_DEGENERATE", "Tabellen skal have mindst to rækker og to kolonner med observationer for at lave en χ²-test.",
      "The table needs at least two rows and two columns with observations for a chi-square test.");
  }
  const E = expectedCounts(t);
  const is2x2 = t.length === 2 && t[0].length === 2;
  const yates = (opts.correct ?? false) && is2x2;
  if ((opts.correct ?? false) && !is2x2) warnings.push({ da: "Yates' korrektion bruges kun for 2×2-tabeller og er ikke anvendt.", en: "Yates' correction applies to 2x2 tables only and was not used." });
  let x2 = 0;
  let small = false;
  for (let i = 0; i < t.length; i++) {
    for (let j = 0; j < t[0].length; j++) {
      const e = E[i][j];
      if (e < 5) small = true;
      let d = Math.abs(t[i][j] - e);
      if (yates) d -= Math.min(0.5, d);
      x2 += (d * d) / e;
    }
  }
  if (small) warnings.push(WARN_EXPECTED_LT5);
  const df = (t.length - 1) * (t[0].length - 1);
  return {
    method: yates
      ? { da: "Pearsons χ²-test med Yates' kontinuitetskorrektion", en: "Pearson's chi-squared test with Yates' continuity correction" }
      : { da: "Pearsons χ²-test", en: "Pearson's chi-squared test" },
    statistic: { name: "X-squared", value: x2 },
    parameter: { df },
    pValue: pchisqUpper(x2, df),
    alternative: "two.sided",
    estimate: null,
    ci: null,
    warnings,
  };
}

/**
 * Pick and run the test for a table: "pearson" (uncorrected chi-square, SAS's "Chi-Square"),
 * "yates" (chi-square with Yates' correction for 2x2), "fisher" (Fisher's exact test),
 * "auto" (Fisher when any expected count < 5, otherwise Pearson). Case is ignored ("Fisher").
 */
export function testTable(table: number[][], options: { policy: TablePolicy }): TestResult {
  const policy = checkPolicy(checkOptions(options).policy);
  switch (policy) {
    case "pearson":
      return chiSquareTest(table, { correct: false });
    case "yates":
      return chiSquareTest(table, { correct: true });
    case "fisher":
      return fisherExact(table);
    case "auto": {
      checkCountTable(table);
      const { t } = dropEmpty(table);
      const anySmall = t.length < 2 || t[0].length < 2 || expectedCounts(t).some((r) => r.some((e) => e < 5));
      if (anySmall) {
        const res = fisherExact(table);
        return { ...res, warnings: [{ da: "Fishers eksakte test er valgt, fordi mindst ét forventet antal er < 5.", en: "Fisher's exact test was chosen because at least one expected count is < 5." }, ...res.warnings] };
      }
      return chiSquareTest(table, { correct: false });
    }
  }
}
