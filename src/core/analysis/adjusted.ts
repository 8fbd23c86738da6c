/**
 * The adjusted analysis (issue 25 item 1), optional per analysis and always BESIDE the unadjusted one:
 * for every outcome at every follow-up, logistic regression of "reached the outcome" (0/1) on group
 * (1 = indsatsgruppe, 0 = kontrolgruppe) plus the chosen baseline covariates, on the same citizens as the
 * unadjusted row (valid status at that follow-up; a citizen lacking a covariate value is left out and
 * counted). The statistics are src/core/stats/regression.ts (Ge et al. 2011 standardised risks; Firth
 * 1993 under separation). A refusal (too few events, a constant covariate, …) becomes a Danish note on
 * the row instead of failing the comparison.
 *
 * Covariates are identified by their column header (settings.adjustment.covariates), so "Kør igen" finds
 * them after columns move; each must be one of the analysis's baseline columns (Tabel 1).
 */
import { VirkningError } from "../errors";
import { logisticRegression, type Covariate, type LogisticResult, type Text } from "../stats";
import type { Dataset } from "../data/dataset";
import { reportProgress } from "../progress";
import { headerKey } from "./columns";
import { TRIAL_STRATUM_HEADER } from "./trial";
import type { ComparisonSettings } from "./settings";

const t = (da: string, en: string): Text => ({ da, en });
const WHAT = t("Justeret analyse (logistisk regression)", "Adjusted analysis (logistic regression)");

interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

/** The adjusted analysis of one outcome at one follow-up: the numbers, or the reason there are none. */
export type AdjustedRow =
  | {
      ok: true;
      covariates: string[];
      n: number;
      /** Citizens with a valid status but a missing covariate value (left out). */
      excluded: number;
      events: number;
      parameters: number;
      firth: boolean;
      separation: boolean;
      oddsRatio: Interval & { profileLower: number; profileUpper: number; pWald: number; pLikelihoodRatio: number };
      /** Standardised risks: everybody in the indsatsgruppe (intervention) vs the kontrolgruppe (control). */
      risks: { intervention: number; control: number };
      riskDifference: Interval & { se: number };
      riskRatio: Interval & { se: number };
      method: Text;
      warnings: Text[];
    }
  | { ok: false; covariates: string[]; note: Text };

/**
 * Default covariates (headers): with the groups from "Randomisering", the design's strata; else the
 * stratified analysis's strata columns when set, else the baseline columns chosen for Tabel 1. `header`
 * is the data's header row (settings.source.header).
 */
export function defaultCovariates(settings: ComparisonSettings, header: string[] = settings.source.header ?? []): string[] {
  // groups from "Randomisering": the design's strata (the join's stratum column), whatever the stratified analysis
  if (settings.randomisation) {
    const keys = [TRIAL_STRATUM_HEADER.da, TRIAL_STRATUM_HEADER.en].map(headerKey);
    const stratum = header.find((h) => keys.includes(headerKey(h)));
    if (stratum) return [stratum];
  }
  const cols = settings.strata && settings.strata.length > 0 ? settings.strata : settings.columns.baseline.map((b) => b.column);
  return cols.map((c) => header[c] ?? "").filter((h) => h.trim() !== "");
}

/** The covariates to adjust for: the chosen headers, or the default when none are chosen. */
export function chosenCovariates(settings: ComparisonSettings): string[] {
  const chosen = settings.adjustment?.covariates ?? [];
  return chosen.length > 0 ? chosen : defaultCovariates(settings);
}

/** Each header's baseline variable, as regression covariate values per citizen; throws a Danish refusal for an unknown header. */
export function covariatesOf(ds: Dataset, headers: string[]): Covariate[] {
  return headers.map((h) => {
    const b = ds.baseline.find((x) => headerKey(x.name) === headerKey(h));
    if (!b) {
      throw new VirkningError("ADJ_UNKNOWN_COVARIATE", `Kolonnen "${h}" er ikke valgt som baggrundsvariabel (Tabel 1) og kan ikke justeres for. Vælg den under Tabel 1, eller fjern den fra den justerede analyse.`, `The column "${h}" is not chosen as a baseline variable (Table 1) and cannot be adjusted for. Choose it under Table 1 or remove it from the adjusted analysis.`);
    }
    if (b.type === "categorical") return { name: b.name, kind: "categorical", values: Array.from(b.codes, (c) => (c < 0 ? null : b.levels[c].label)) };
    return { name: b.name, kind: "numeric", values: Array.from(b.values, (v) => (Number.isFinite(v) ? v : null)) };
  });
}

/** The regression's input at one follow-up: only citizens with a valid status (the unadjusted row's N). */
export function adjustedInput(ds: Dataset, codes: Int16Array, reached: Uint8Array, valid: Uint8Array, covariates: Covariate[]): { y: number[]; group: number[]; covariates: Covariate[] } {
  const rows: number[] = [];
  for (let k = 0; k < ds.citizens; k++) if (codes[k] >= 0 && valid[codes[k]] && ds.arm[k] <= 1) rows.push(k);
  return {
    y: rows.map((k) => reached[codes[k]]),
    group: rows.map((k) => (ds.arm[k] === 0 ? 1 : 0)),
    covariates: covariates.map((c) => ({ ...c, values: rows.map((k) => c.values[k]) })),
  };
}

function fromResult(r: LogisticResult, covariates: string[], excluded: number): AdjustedRow {
  const m = r.marginal;
  return {
    ok: true,
    covariates,
    n: r.n,
    excluded,
    events: r.events,
    parameters: r.parameters,
    firth: r.firth,
    separation: r.separation,
    oddsRatio: { estimate: r.oddsRatio.estimate, lower: r.oddsRatio.wald.lower, upper: r.oddsRatio.wald.upper, profileLower: r.oddsRatio.profile.lower, profileUpper: r.oddsRatio.profile.upper, pWald: r.oddsRatio.pWald, pLikelihoodRatio: r.oddsRatio.pLikelihoodRatio },
    risks: { intervention: m.p1, control: m.p0 },
    riskDifference: { estimate: m.riskDifference.estimate, lower: m.riskDifference.confInt.lower, upper: m.riskDifference.confInt.upper, se: m.riskDifference.se },
    riskRatio: { estimate: m.riskRatio.estimate, lower: m.riskRatio.confInt.lower, upper: m.riskRatio.confInt.upper, se: m.riskRatio.se },
    method: r.method,
    warnings: r.warnings,
  };
}

function refused(e: VirkningError, covariates: string[]): AdjustedRow {
  return { ok: false, covariates, note: t(`Justeret analyse ikke mulig: ${e.message}`, `Adjusted analysis not possible: ${e.messageEn}`) };
}

/** The adjusted analysis at one follow-up; a refusal (VirkningError) is kept as the row's note. */
export function adjustedRow(ds: Dataset, codes: Int16Array, reached: Uint8Array, valid: Uint8Array, covariates: Covariate[] | VirkningError, confLevel: number): AdjustedRow {
  if (covariates instanceof VirkningError) return refused(covariates, []);
  const names = covariates.map((c) => c.name);
  const input = adjustedInput(ds, codes, reached, valid, covariates);
  // a fit with profile limits takes about 1 s per 6,000 citizens and 6 parameters: say what is computing
  reportProgress({ what: WHAT });
  try {
    const r = logisticRegression({ ...input, confLevel });
    return fromResult(r, names, r.excluded);
  } catch (e) {
    if (e instanceof VirkningError) return refused(e, names);
    throw e;
  }
}

/** The covariates of the settings for this dataset, or the refusal to keep on every row. */
export function adjustmentCovariates(ds: Dataset, settings: ComparisonSettings): Covariate[] | VirkningError | null {
  if (!settings.adjustment) return null;
  const headers = chosenCovariates(settings);
  if (headers.length === 0) return new VirkningError("ADJ_NO_COVARIATES", "Der er ingen baggrundsvariable at justere for. Vælg mindst én under Tabel 1.", "There are no baseline variables to adjust for. Choose at least one under Table 1.");
  try {
    return covariatesOf(ds, headers);
  } catch (e) {
    if (e instanceof VirkningError) return e;
    throw e;
  }
}
