/**
 * Comparison settings: JSON-serialisable, stored in the workbook by the pane so that "Kør igen" reproduces
 * the same numbers after data changes.
 */
import type { TablePolicy } from "../stats";
import type { Arm } from "../data/groups";
import type { StatusClass } from "../data/dataset";
import { normaliseKey, setOwn } from "../data/values";
import type { FinalGoal, ProgrammeTheory, SubGoal } from "../theory/model";
import { suggestedOutcomes } from "./suggestions";

export { suggestedOutcomes, statusConcept, statusWords, OUTCOME_DEFINITIONS, CONCEPT_LABEL, type StatusConcept } from "./suggestions";

export type { Arm, StatusClass };

export interface OutcomeDefinition {
  id: string;
  name: string;
  /** Statuses that count as reached (matched case-, whitespace- and dash-insensitively). */
  statuses: string[];
  /** Where the definition comes from, when it was made from the programme theory. */
  source?: { kind: "slutmaal" | "delmaal"; id: string };
}

/** Tabel 1 summary of a continuous variable: "auto" = mean (SD) when Shapiro–Wilk does not reject normality in both groups, else median (min–max). */
export type SummaryChoice = "auto" | "meanSd" | "medianIqr" | "medianRange";

export interface BaselineChoice {
  column: number;
  type: "categorical" | "continuous";
  /** Continuous: how Tabel 1 summarises it (default "auto"). */
  summary?: SummaryChoice;
  /** Continuous: cut points for derived categories shown under it ([30] → "< 30", "≥ 30"); the data are not changed. */
  cuts?: number[];
}

/**
 * A numeric outcome (numericOutcome.ts): a column of numbers after inclusion, compared unadjusted
 * (Welch) and, beside it, adjusted for a numeric baseline column and other Tabel 1 columns (ANCOVA).
 * Columns by header text.
 */
export interface NumericOutcomeSetting {
  outcome: string;
  /** The outcome's baseline measurement (a numeric column). */
  baseline: string;
  /** Further covariates: Tabel 1 columns (headers). */
  covariates: string[];
}

export interface ComparisonSettings {
  version: 1;
  source: {
    sheet: string;
    /** range incl. header, e.g. "A1:N61" */
    address: string;
    layout: "wide" | "long";
    /** Header text of every column of the range when saved: "Kør igen" finds moved columns by it (see columns.ts). */
    header?: string[];
  };
  columns: {
    /** 0-based column indices relative to the range. */
    id: number;
    group: number;
    baseline: BaselineChoice[];
    /** Wide layout: one status column per time point (month 0 = inclusion). */
    timepoints: { column: number; month: number }[];
    /** Long layout: time (months) and status columns. */
    long?: { time: number; status: number };
  };
  /** Normalised group label → arm; overrides the built-in labels (see data/groups.ts). */
  groupMap: Record<string, Arm>;
  /** Status → class. Blank cells are always "not yet followed up". */
  statusClasses: Record<string, StatusClass>;
  outcomes: OutcomeDefinition[];
  testPolicy: TablePolicy;
  baselinePValues: boolean;
  /** Confidence level of every interval (0.95 by default); printed with the intervals (confLabel). */
  confLevel: number;
  lang: "da" | "en";
  /**
   * Header text of columns the user confirmed hold no CPR numbers ("ikke CPR-numre"): skipped by the CPR
   * check, and the confirmation is printed in the results' header block.
   */
  notCpr?: string[];
  /** Name of the analysis (named analyses; the old single analysis has none and is "Sammenligning"). */
  name?: string;
  /** Its results sheet (fixed when the analysis is created, kept when it is renamed). */
  resultSheet?: string;
  /**
   * Groups from the add-in's "Randomisering" sheet (trial.ts; intention to treat), joined to the data by the
   * ID column; `columns.group` (optional then) is only compared with the randomised arm. `strata`: the
   * design's strata are the stratified analysis (and so the adjusted analysis's default covariate).
   * Only this choice is stored, never an ID.
   */
  randomisation?: { strata: boolean };
  /** Stratified analysis (CMH, MH RD/OR): baseline columns whose categories (a continuous one by its cuts) form the strata. */
  strata?: number[];
  /**
   * Adjusted analysis (adjusted.ts), beside the unadjusted one: logistic regression on group plus these
   * baseline columns, identified by header text. Empty = the strata columns, else the Tabel 1 columns.
   */
  adjustment?: { covariates: string[] };
  /** Numeric outcomes with their ANCOVA (beside the unadjusted Welch comparison). */
  numericOutcomes?: NumericOutcomeSetting[];
  /** The effort's name (indsatsens navn), printed in the sheet's title. */
  title?: string;
  /** The headline result: an outcome (id) at a follow-up (months). Default: first outcome, last follow-up with data. */
  headline?: { outcome: string; month: number };
  /** Labels flagged as identifying (src/core/data/identifyingLabels.ts) that the user confirmed as real categories. */
  confirmedLabels?: string[];
  /** Labels the user had counted as "Andet": SHA-256 of each normalised label (the label itself is not stored). */
  otherLabels?: string[];
  /** The last run ("Beregn" / "Kør igen"): ISO time and a fingerprint of its data and settings (rerun.ts), so readers can tell stale numbers. */
  lastRun?: { at: string; fingerprint: string };
}

/** Default class of a status value: "Fraflyttet" = moved away; "Udgået"/"Ekskluderet"/"Død" = excluded; "Ikke fulgt op" = not followed up; else valid. */
export function defaultStatusClass(status: string): StatusClass {
  const k = normaliseKey(status);
  if (/^(fraflyttet|flyttet|fraflytning|moved away|moved)$/.test(k)) return "movedAway";
  if (/^(udgået|udgaaet|ekskluderet|udelukket|død|afgået ved døden|excluded|dropped out|deceased)$/.test(k)) return "excluded";
  if (/^(ikke fulgt op|ikke opfulgt|mangler|ukendt|not followed up|missing|unknown)$/.test(k)) return "notFollowedUp";
  return "valid";
}

/** True when `status` matches one of `statuses` (case-, whitespace- and dash-insensitive). */
export function statusMatches(status: string, statuses: string[]): boolean {
  const k = normaliseKey(status);
  return statuses.some((s) => normaliseKey(s) === k);
}

/**
 * Outcome definitions from the programme theory: every slutmål and delmål whose indicator says "reached" by a
 * list of statuses becomes an outcome (slutmål first, in theory order). Scale indicators are left out (they
 * belong to the progression analysis).
 */
export function outcomesFromTheory(theory: ProgrammeTheory): OutcomeDefinition[] {
  const out: OutcomeDefinition[] = [];
  const add = (kind: "slutmaal" | "delmaal", g: FinalGoal | SubGoal): void => {
    const reached = g.indicator?.reached;
    if (!reached || reached.kind !== "statuses") return;
    const statuses = reached.statuses.map((s) => s.trim()).filter((s) => s.length > 0);
    if (statuses.length === 0) return;
    out.push({ id: `${kind}-${g.id}`, name: g.name, statuses, source: { kind, id: g.id } });
  };
  for (const g of theory.finalGoals) add("slutmaal", g);
  for (const g of theory.subGoals) add("delmaal", g);
  return out;
}

/**
 * Outcomes taken from the theory keep its names: an outcome whose `source` is a slutmål or delmål still in
 * the theory gets that goal's name as the theory has it now (a rename in the theory carries through to the
 * results sheet on the next run). The statuses stay as chosen; other outcomes are left as they are.
 */
export function outcomeNamesFromTheory(outcomes: OutcomeDefinition[], theory: ProgrammeTheory): OutcomeDefinition[] {
  const goals = { slutmaal: theory.finalGoals, delmaal: theory.subGoals };
  return outcomes.map((o) => {
    const g = o.source ? goals[o.source.kind].find((x) => x.id === o.source?.id) : undefined;
    return g && g.name.trim() !== "" && g.name !== o.name ? { ...o, name: g.name } : o;
  });
}

export interface DefaultSettingsInput {
  sheet: string;
  address: string;
  header?: string[];
  layout: "wide" | "long";
  columns: ComparisonSettings["columns"];
  /** Group labels found in the data (for the group map). */
  groupLabels?: { label: string; arm: Arm | null }[];
  /** Statuses found in the data (each gets its default class). */
  statuses?: string[];
  lang?: "da" | "en";
}

/** Settings with the defaults: Fisher/Pearson by expected counts ("auto"), no baseline p-values, the four suggested outcomes matched to the statuses found. */
export function defaultSettings(input: DefaultSettingsInput): ComparisonSettings {
  const groupMap: Record<string, Arm> = {};
  for (const g of input.groupLabels ?? []) if (g.arm) setOwn(groupMap, normaliseKey(g.label), g.arm);
  const statusClasses: Record<string, StatusClass> = {};
  for (const s of input.statuses ?? []) setOwn(statusClasses, s, defaultStatusClass(s));
  return {
    version: 1,
    source: { sheet: input.sheet, address: input.address, layout: input.layout, ...(input.header ? { header: input.header } : {}) },
    columns: input.columns,
    groupMap,
    statusClasses,
    outcomes: suggestedOutcomes(input.statuses ?? []),
    testPolicy: "auto",
    baselinePValues: false,
    confLevel: 0.95,
    lang: input.lang ?? "da",
  };
}

/** "95 %" / "95%", "97,5 %" / "97.5%": the confidence level as printed next to an interval. */
export function confLabel(level: number, lang: "da" | "en"): string {
  const v = Math.round(level * 1000) / 10;
  return lang === "da" ? `${String(v).replace(".", ",")} %` : `${v}%`;
}
