/**
 * Headless entry point of the comparison analysis. The pane, the tests and a future CLI all go through
 * `inspectData` (mapping step) and `runComparison` (the numbers).
 *
 *   const info = inspectData({ sheet: "Borgere", address: "A1", header, rows });
 *   const settings = suggestSettings({ sheet: "Borgere", address: "A1:N61", header, rows });
 *   const result = runComparison({ sheet: "Borgere", address: "A1", header, rows }, settings);
 *   const spec = comparisonSheetSpec(result, settings.lang);   // src/core/analysis/comparisonSheet.ts
 *
 * Bad input throws a VirkningValidationError whose `problems` each name sheet and cell; a CPR number in the
 * range throws a VirkningError with code "CPR_FOUND". Nothing is computed in either case.
 */
import { VirkningError, VirkningValidationError } from "../errors";
import { readDataset, type DatasetColumns, type DatasetInput, type GroupLabelCount, type LabelCount } from "../data/dataset";
import { suggestRoles, type RoleSuggestion } from "../data/header";
import { defaultSettings, type ComparisonSettings } from "./settings";
import { analyse } from "./compare";
import { normaliseKey, setOwn } from "../data/values";
import { findIdentifyingLabels, withOtherLabels, type IdentifyingLabel } from "../data/identifyingLabels";
import { headerKey, storedHeader } from "./columns";
import type { ComparisonResult } from "./types";
import { numericOutcomes, withNumericColumns } from "./numericOutcome";

export * from "./settings";
export { reconcileColumns, storedHeader, headerKey, type ColumnMove, type Reconciled } from "./columns";
export * from "./types";
export { settingsForData, analysisFingerprint, withRunRecord, freshness, type ForData, type Freshness } from "./rerun";
export * from "./analyses";
export { outcomeHeadline, stratifiedDisagreement, HEADLINE_ALPHA, type OutcomeHeadline } from "./headline";
export { joinRandomisation, mismatchText, hasMismatch, trialNotes, TRIAL_GROUP_HEADER, TRIAL_STRATUM_HEADER, type TrialJoin, type TrialMismatch } from "./trial";
export { defaultCovariates, chosenCovariates, type AdjustedRow } from "./adjusted";
export type { NumericOutcomeResult } from "./numericOutcome";
export type { AncovaSummary, MeanDifference } from "./ancova";
export { SHAPIRO_MAX_N, systematicSample, POLICY_NOTE, ciSentence, yesLevel, cutLabels, quartilesOf } from "./compare";

export type ComparisonInput = DatasetInput;

export interface DataInspection {
  /** Suggested roles for every column (from names and values). */
  suggestion: RoleSuggestion;
  /** The columns used for the counts below (given, or from the suggestion); null when ID or group is unknown. */
  columns: DatasetColumns | null;
  /** Non-blank data rows. */
  rowCount: number;
  /** Group labels with counts and the arm they map to (null = unmapped). */
  groupLabels: GroupLabelCount[];
  /** Distinct status values (all time points) with counts. */
  statuses: LabelCount[];
  /** Labels that may identify a citizen and are not yet confirmed or counted as "Andet" (issue 19). */
  identifying: IdentifyingLabel[];
  /** Problems found so far (unmapped group labels, duplicate IDs, …); status classes are not checked here. */
  problems: VirkningError[];
}

/** Columns (0-based in the range) whose header is one of `names` (the settings' notCpr). */
export function notCprColumns(header: ComparisonInput["header"], names: string[] | undefined): number[] {
  if (!names || names.length === 0) return [];
  const keys = new Set(names.map((n) => headerKey(n)));
  return header.flatMap((h, i) => (keys.has(headerKey(h)) ? [i] : []));
}

/** For the pane's mapping step. Throws CPR_FOUND when the range contains CPR numbers (outside columns confirmed in `notCpr`). */
export function inspectData(
  raw: ComparisonInput,
  columns?: DatasetColumns,
  groupMap?: ComparisonSettings["groupMap"],
  notCpr?: string[],
  labels: { confirmed?: string[]; other?: string[] } = {},
): DataInspection {
  const input = columns ? withOtherLabels(raw, labelColumns(columns), labels.other) : raw;
  const skip = notCprColumns(input.header, notCpr);
  const suggestion = suggestRoles(input.header, input.rows);
  const cols: DatasetColumns | null =
    columns ??
    (suggestion.id !== null && suggestion.group !== null
      ? { layout: suggestion.layout, id: suggestion.id, group: suggestion.group, baseline: suggestion.baseline, timepoints: suggestion.timepoints, long: suggestion.long }
      : null);
  if (!cols) {
    // still refuses CPR numbers
    readDataset(input, { layout: "wide", id: 0, group: 0, baseline: [], timepoints: [] }, { notCpr: skip });
    return { suggestion, columns: null, rowCount: 0, groupLabels: [], statuses: [], problems: [], identifying: [] };
  }
  const { dataset, problems } = readDataset(input, cols, { groupMap, notCpr: skip });
  return { suggestion, columns: cols, rowCount: dataset.rowCount, groupLabels: dataset.groupLabels, statuses: dataset.statuses, problems, identifying: findIdentifyingLabels(dataset, labels.confirmed) };
}

/** Columns whose labels may be counted as "Andet": statuses (wide or long) and categorical baseline columns. */
export function labelColumns(columns: DatasetColumns): number[] {
  return [...columns.timepoints.map((t) => t.column), ...(columns.long ? [columns.long.status] : []), ...columns.baseline.filter((b) => b.type === "categorical").map((b) => b.column)];
}

/** Default settings for a range, from the suggested roles and the values found (see defaultSettings). */
export function suggestSettings(input: ComparisonInput, lang: "da" | "en" = "da", notCpr?: string[]): ComparisonSettings {
  const info = inspectData(input, undefined, undefined, notCpr);
  const s = info.suggestion;
  const settings = defaultSettings({
    sheet: input.sheet,
    address: input.address,
    header: storedHeader(input.header),
    layout: s.layout,
    columns: { id: s.id ?? 0, group: s.group ?? 1, baseline: s.baseline, timepoints: s.timepoints, long: s.long },
    groupLabels: info.groupLabels,
    statuses: info.statuses.map((x) => x.label),
    lang,
  });
  return notCpr && notCpr.length > 0 ? { ...settings, notCpr } : settings;
}

/**
 * The settings as they may be stored: status classes and group labels only for labels present in the
 * current data's role columns (privacy: a notes column once chosen as a status column must not leave its
 * sentences in the workbook's hidden settings). Outcome definitions are kept as written.
 */
export function keepPresentLabels(settings: ComparisonSettings, input: ComparisonInput): ComparisonSettings {
  let statusKeys = new Set<string>();
  let groupKeys = new Set<string>();
  try {
    const info = inspectData(input, { layout: settings.source.layout, ...settings.columns }, settings.groupMap, settings.notCpr);
    statusKeys = new Set(info.statuses.map((x) => x.key));
    groupKeys = new Set(info.groupLabels.map((x) => x.key));
  } catch {
    // data that cannot be read (CPR numbers): nothing from them is kept
  }
  const keep = <V>(rec: Record<string, V>, keys: Set<string>): Record<string, V> => {
    const out: Record<string, V> = {};
    for (const [k, v] of Object.entries(rec)) if (keys.has(normaliseKey(k))) setOwn(out, k, v);
    return out;
  };
  return { ...settings, statusClasses: keep(settings.statusClasses, statusKeys), groupMap: keep(settings.groupMap, groupKeys) };
}

function checkSettings(settings: ComparisonSettings): void {
  const bad = (what: string, whatEn: string): never => {
    throw new VirkningValidationError([new VirkningError("SETTINGS_INVALID", `Indstillingerne er ugyldige: ${what}. Gå opsætningen igennem igen.`, `The settings are invalid: ${whatEn}. Go through the setup again.`)]);
  };
  if (settings.version !== 1) bad(`ukendt version ${String(settings.version)}`, `unknown version ${String(settings.version)}`);
  if (!["pearson", "fisher", "yates", "auto"].includes(settings.testPolicy)) bad("ukendt testvalg", "unknown test policy");
  if (!(settings.confLevel > 0 && settings.confLevel < 1)) bad("konfidensniveauet skal ligge mellem 0 og 1", "the confidence level must be between 0 and 1");
  const ids = new Set<string>();
  for (const o of settings.outcomes) {
    if (ids.has(o.id)) bad(`resultatmålet ${o.id} står to gange`, `the outcome ${o.id} appears twice`);
    ids.add(o.id);
  }
}

/**
 * Run the comparison. `input.address` is the top-left cell of the range (the header row) or the whole range;
 * column indices in `settings.columns` are 0-based within the range. `now` stamps the header block.
 */
export function runComparison(raw: ComparisonInput, settings: ComparisonSettings, now: Date = new Date()): ComparisonResult {
  checkSettings(settings);
  const chosen: DatasetColumns = { layout: settings.source.layout, ...settings.columns };
  const input = withOtherLabels(raw, labelColumns(chosen), settings.otherLabels);
  const { columns, added } = withNumericColumns(chosen, input.header, settings);
  const { dataset, problems } = readDataset(input, columns, { groupMap: settings.groupMap, statusClasses: settings.statusClasses, notCpr: notCprColumns(input.header, settings.notCpr) });
  if (problems.length > 0) throw new VirkningValidationError(problems);
  const numeric = numericOutcomes(dataset, added, settings);
  const result = analyse(numeric.dataset, settings, now);
  return numeric.results ? { ...result, numericOutcomes: numeric.results } : result;
}
