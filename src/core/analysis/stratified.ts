/**
 * Stratified analysis (optional per analysis): when randomisation was stratified (e.g. køn × alder under/
 * over 30), the outcome is compared within strata and combined: Cochran–Mantel–Haenszel test, MH risk
 * difference and MH odds ratio (src/core/stats/mantelHaenszel.ts). Strata are the combinations of the
 * chosen baseline variables (a continuous one by its cut points); citizens with a missing value in a
 * strata variable are left out of the stratified analysis only.
 */
import { VirkningError } from "../errors";
import { mantelHaenszel, type EstimateResult, type Stratum, type Text } from "../stats";
import type { Dataset } from "../data/dataset";
import type { ComparisonSettings } from "./settings";
import type { EffectValue, PerArm, StratifiedRow, TestSummary } from "./types";

const t = (da: string, en: string): Text => ({ da, en });

export interface Strata {
  /** Stratum per citizen; -1 when a strata variable is missing. */
  of: Int32Array;
  count: number;
  names: string[];
  excluded: PerArm<number>;
}

/** Category code per citizen of one baseline column (continuous: by its cut points); null when not usable. */
function codesOf(ds: Dataset, column: number, settings: ComparisonSettings): { codes: Int32Array; levels: number; name: string } | null {
  const b = ds.baseline.find((x) => x.column === column);
  if (!b) return null;
  if (b.type === "categorical") return { codes: b.codes, levels: b.levels.length, name: b.name };
  const cuts = [...new Set(settings.columns.baseline.find((x) => x.column === column)?.cuts ?? [])].sort((x, y) => x - y);
  if (cuts.length === 0) return null;
  const codes = new Int32Array(b.values.length);
  for (let k = 0; k < codes.length; k++) {
    const v = b.values[k];
    if (v !== v) codes[k] = -1;
    else {
      let c = 0;
      while (c < cuts.length && v >= cuts[c]) c++;
      codes[k] = c;
    }
  }
  return { codes, levels: cuts.length + 1, name: `${b.name} (grupperet)` };
}

/** The strata of the settings' `strata` columns; null when none is chosen or usable. */
export function buildStrata(ds: Dataset, settings: ComparisonSettings): Strata | null {
  const vars = (settings.strata ?? []).map((c) => codesOf(ds, c, settings)).filter((x): x is NonNullable<typeof x> => x !== null);
  if (vars.length === 0) return null;
  const of = new Int32Array(ds.citizens);
  const excluded = { intervention: 0, control: 0 };
  let count = 1;
  for (const v of vars) count *= v.levels;
  for (let k = 0; k < ds.citizens; k++) {
    let s = 0;
    for (const v of vars) {
      const c = v.codes[k];
      if (c < 0) {
        s = -1;
        break;
      }
      s = s * v.levels + c;
    }
    of[k] = s;
    if (s < 0) excluded[ds.arm[k] === 0 ? "intervention" : "control"]++;
  }
  return { of, count, names: vars.map((v) => v.name), excluded };
}

function effect(e: EstimateResult): EffectValue | null {
  return [e.estimate.value, e.ci.lower, e.ci.upper].every(Number.isFinite) ? { estimate: e.estimate.value, lower: e.ci.lower, upper: e.ci.upper, method: e.method, warnings: e.warnings } : null;
}

/**
 * The stratified comparison at one time point: `codes` are the citizens' status codes, `reached[s]` /
 * `valid[s]` say whether status s counts as reached / is a valid status.
 */
export function stratifiedRow(ds: Dataset, strata: Strata, codes: Int16Array, reached: Uint8Array, valid: Uint8Array, conf: number): StratifiedRow {
  const cells = new Array<Stratum>(strata.count);
  for (let i = 0; i < strata.count; i++) cells[i] = [0, 0, 0, 0];
  for (let k = 0; k < ds.citizens; k++) {
    const s = strata.of[k];
    const c = codes[k];
    if (s < 0 || c < 0 || !valid[c]) continue;
    cells[s][(ds.arm[k] === 0 ? 0 : 2) + (reached[c] ? 0 : 1)]++;
  }
  const used = cells.filter((x) => x[0] + x[1] > 0 && x[2] + x[3] > 0);
  const row: StratifiedRow = { riskDifference: null, oddsRatio: null, test: null, strata: used.length, notes: [] };
  if (used.length === 0) {
    row.notes.push(t("Intet stratum har borgere med gyldig status i begge grupper.", "No stratum has citizens with a valid status in both groups."));
    return row;
  }
  const events = used.reduce((n, x) => n + x[0] + x[2], 0);
  const total = used.reduce((n, x) => n + x[0] + x[1] + x[2] + x[3], 0);
  if (events === 0 || events === total) {
    row.notes.push(t("Ingen (eller alle) har nået målet; der er intet at teste.", "Nobody (or everybody) reached the outcome; there is nothing to test."));
    return row;
  }
  try {
    const r = mantelHaenszel(used, { confLevel: conf });
    row.riskDifference = effect(r.riskDifference);
    row.oddsRatio = effect(r.oddsRatio);
    const test: TestSummary = { pValue: r.test.pValue, method: r.test.method, statistic: r.test.statistic.value, statisticName: r.test.statistic.name, df: r.test.parameter.df, warnings: r.test.warnings };
    row.test = Number.isFinite(test.pValue) ? test : null;
  } catch (e) {
    if (!(e instanceof VirkningError)) throw e;
    row.notes.push(t(e.message, e.messageEn));
  }
  return row;
}
