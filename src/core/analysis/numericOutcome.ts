/**
 * A numeric outcome in the comparison (issue 25 item 1): a column of numbers measured after inclusion
 * (e.g. a score at follow-up), compared between the groups as the comparison compares a continuous
 * variable (Welch's t-test: means, difference with its interval and p), and BESIDE that the ANCOVA
 * (ancova.ts): the difference adjusted for a chosen numeric baseline column and other baseline
 * covariates (Tabel 1's columns), as R's lm.
 *
 * Columns are identified by header text (settings.numericOutcomes), so "Kør igen" finds them after columns
 * move. They are read by the one dataset reader as extra continuous columns (a text in a number column is
 * named by its cell), and kept out of Tabel 1 unless chosen there too.
 */
import { VirkningError } from "../errors";
import { tTest, type Covariate, type Text } from "../stats";
import type { BaselineColumn, Dataset, DatasetColumns } from "../data/dataset";
import type { CellValue } from "../data";
import { ancova, type AncovaSummary } from "./ancova";
import { covariatesOf } from "./adjusted";
import { headerKey } from "./columns";
import type { ComparisonSettings, NumericOutcomeSetting } from "./settings";

export interface NumericOutcomeResult {
  outcome: string;
  baseline: string;
  covariates: string[];
  /** Welch's t-test on every citizen with a value (the comparison's unadjusted analysis of a continuous variable). */
  welch: { n: { intervention: number; control: number }; means: { intervention: number; control: number }; difference: number; lower: number; upper: number; pValue: number; method: Text } | null;
  /** The unadjusted and the adjusted difference on the same citizens (lm), or the refusal. */
  ancova: AncovaSummary;
  notes: Text[];
}

const t = (da: string, en: string): Text => ({ da, en });

/** The column (0-based in the range) of a header, or -1. */
function columnOf(header: CellValue[], name: string): number {
  const k = headerKey(name);
  return header.findIndex((h) => headerKey(h) === k);
}

/**
 * The dataset columns with every numeric outcome's outcome and baseline column added as continuous
 * baseline columns (unless already there), and the columns that were added (to keep out of Tabel 1).
 */
export function withNumericColumns(columns: DatasetColumns, header: CellValue[], settings: ComparisonSettings): { columns: DatasetColumns; added: number[] } {
  const added: number[] = [];
  for (const o of settings.numericOutcomes ?? []) {
    for (const name of [o.outcome, o.baseline]) {
      const c = columnOf(header, name);
      if (c < 0 || columns.baseline.some((b) => b.column === c) || added.includes(c)) continue;
      added.push(c);
    }
  }
  return { columns: { ...columns, baseline: [...columns.baseline, ...added.map((column) => ({ column, type: "continuous" as const }))] }, added };
}

function numericColumn(ds: Dataset, extra: BaselineColumn[], name: string): Extract<BaselineColumn, { type: "continuous" }> {
  const k = headerKey(name);
  const b = [...ds.baseline, ...extra].find((x) => headerKey(x.name) === k);
  if (!b) throw new VirkningError("NUM_UNKNOWN_COLUMN", `Kolonnen "${name}" findes ikke i dataområdet ${ds.rangeAddress}. Vælg kolonnen igen under Numerisk resultatmål.`, `The column "${name}" is not in the data range ${ds.rangeAddress}. Choose the column again under Numeric outcome.`);
  if (b.type !== "continuous" || b.isDate) throw new VirkningError("NUM_NOT_NUMBERS", `Kolonnen "${name}" skal indeholde tal (den er valgt som kategorisk eller indeholder datoer).`, `The column "${name}" must contain numbers (it is chosen as categorical or holds dates).`);
  return b;
}

function welchOf(ds: Dataset, y: Float64Array, confLevel: number, notes: Text[]): NumericOutcomeResult["welch"] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < ds.citizens; k++) if (Number.isFinite(y[k])) (ds.arm[k] === 0 ? xs : ds.arm[k] === 1 ? ys : []).push(y[k]);
  try {
    const r = tTest(xs, ys, { varEqual: false, confLevel });
    const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
    return { n: { intervention: xs.length, control: ys.length }, means: { intervention: mean(xs), control: mean(ys) }, difference: r.estimate?.value ?? mean(xs) - mean(ys), lower: r.ci?.lower ?? NaN, upper: r.ci?.upper ?? NaN, pValue: r.pValue, method: r.method };
  } catch (e) {
    if (!(e instanceof VirkningError)) throw e;
    notes.push(t(`Welchs t-test ikke mulig: ${e.message}`, `Welch's t-test not possible: ${e.messageEn}`));
    return null;
  }
}

function oneOutcome(ds: Dataset, extra: BaselineColumn[], o: NumericOutcomeSetting, confLevel: number): NumericOutcomeResult {
  const notes: Text[] = [];
  const base = { outcome: o.outcome, baseline: o.baseline, covariates: o.covariates };
  let y: Extract<BaselineColumn, { type: "continuous" }>;
  let covs: Covariate[];
  try {
    y = numericColumn(ds, extra, o.outcome);
    const b = numericColumn(ds, extra, o.baseline);
    covs = [{ name: b.name, kind: "numeric", values: Array.from(b.values, (v) => (Number.isFinite(v) ? v : null)) }, ...covariatesOf(ds, o.covariates.filter((c) => headerKey(c) !== headerKey(o.baseline)))];
  } catch (e) {
    if (!(e instanceof VirkningError)) throw e;
    return { ...base, welch: null, ancova: { ok: false, outcome: o.outcome, covariates: [o.baseline, ...o.covariates], note: t(`Justeret analyse (ANCOVA) ikke mulig for ${o.outcome}: ${e.message}`, `Adjusted analysis (ANCOVA) not possible for ${o.outcome}: ${e.messageEn}`) }, notes };
  }
  const group = Array.from(ds.arm, (a) => (a === 0 ? 1 : a === 1 ? 0 : null));
  const values = Array.from(y.values, (v) => (Number.isFinite(v) ? v : null));
  return { ...base, welch: welchOf(ds, y.values, confLevel, notes), ancova: ancova({ outcome: y.name, y: values, group, covariates: covs, confLevel }), notes };
}

/**
 * Every numeric outcome of the settings. `added` are the dataset's baseline columns that were read only
 * for these outcomes: they are removed from `ds.baseline` (so Tabel 1 is as chosen) and used here.
 */
export function numericOutcomes(ds: Dataset, added: number[], settings: ComparisonSettings): { dataset: Dataset; results: NumericOutcomeResult[] | undefined } {
  const extra = ds.baseline.filter((b) => added.includes(b.column));
  const dataset = extra.length > 0 ? { ...ds, baseline: ds.baseline.filter((b) => !added.includes(b.column)) } : ds;
  const list = settings.numericOutcomes ?? [];
  if (list.length === 0) return { dataset, results: undefined };
  return { dataset, results: list.map((o) => oneOutcome(dataset, extra, o, settings.confLevel)) };
}
