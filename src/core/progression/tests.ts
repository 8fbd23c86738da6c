/**
 * Every call of the statistics engine made by the progression analysis, in one place (the engine's
 * API is being unified; adapt here only). An impossible test (no discordant pairs, all differences
 * 0) becomes a note instead of failing the report.
 */
import { VirkningError } from "../errors";
import { mcnemarTest, testTable, wilcoxonRankSum, wilcoxonSignedRank, type TablePolicy, type TestResult, type Text } from "../stats";
import type { ProgressionTest } from "./types";

/** McNemar is exact (binomial) below this many discordant pairs, as advised for small samples. */
export const MCNEMAR_EXACT_BELOW = 25;

function summary(r: TestResult): ProgressionTest {
  return { pValue: r.pValue, method: r.method, statistic: r.statistic.value, statisticName: r.statistic.name, warnings: r.warnings };
}

function attempt(f: () => TestResult, notes: Text[], what: Text): ProgressionTest | null {
  try {
    return summary(f());
  } catch (e) {
    if (!(e instanceof VirkningError)) throw e;
    notes.push({ da: `${what.da}: ${e.message}`, en: `${what.en}: ${e.messageEn}` });
    return null;
  }
}

/** Wilcoxon signed-rank of later − earlier (R: wilcox.test(later, earlier, paired = TRUE)). */
export function signedRank(later: number[], earlier: number[], notes: Text[], what: Text): ProgressionTest | null {
  if (later.length === 0) return null;
  return attempt(() => wilcoxonSignedRank(later, earlier), notes, what);
}

/** Mann–Whitney of x vs y (R: wilcox.test(x, y)). */
export function rankSum(x: number[], y: number[], notes: Text[], what: Text): ProgressionTest | null {
  if (x.length === 0 || y.length === 0) return null;
  return attempt(() => wilcoxonRankSum(x, y), notes, what);
}

/** McNemar on [[a, b], [c, d]]: exact below MCNEMAR_EXACT_BELOW discordant pairs, else with continuity correction. */
export function mcnemar(table: number[][], notes: Text[], what: Text): ProgressionTest | null {
  const discordant = table[0][1] + table[1][0];
  return attempt(() => mcnemarTest(table, { exact: discordant < MCNEMAR_EXACT_BELOW }), notes, what);
}

/** A 2×2 (or larger) table under the comparison's test policy. */
export function policyTest(table: number[][], policy: TablePolicy, notes: Text[], what: Text): ProgressionTest | null {
  return attempt(() => testTable(table, { policy }), notes, what);
}
