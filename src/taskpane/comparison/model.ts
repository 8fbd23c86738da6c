/**
 * Pane-side editing of ComparisonSettings: immutable updates of column roles, group map, status classes
 * and outcome definitions. No statistics and no parsing here: matching of labels uses core's
 * `normaliseKey`, defaults come from core (`defaultStatusClass`, `parseMonthHeader`).
 */
import type { ColumnRole, LabelCount, RoleSuggestion } from "../../core/data";
import { mapGroupLabel, normaliseKey, parseMonthHeader, setOwn } from "../../core/data";
import type { Arm, ComparisonResult, ComparisonSettings, OutcomeDefinition, StatusClass } from "../../core/analysis";
import { defaultStatusClass, outcomeHeadline, type OutcomeHeadline } from "../../core/analysis";

export type Columns = ComparisonSettings["columns"];
export type Layout = ComparisonSettings["source"]["layout"];
export type RoleName = ColumnRole["role"];

/** The role of column `index` in the settings. */
export function roleOf(columns: Columns, layout: Layout, index: number): ColumnRole {
  if (columns.id === index) return { role: "id" };
  if (columns.group === index) return { role: "group" };
  const b = columns.baseline.find((x) => x.column === index);
  if (b) return { role: "baseline", type: b.type };
  if (layout === "wide") {
    const t = columns.timepoints.find((x) => x.column === index);
    if (t) return { role: "timepoint", month: t.month };
  } else if (columns.long) {
    if (columns.long.time === index) return { role: "time" };
    if (columns.long.status === index) return { role: "status" };
  }
  return { role: "ignore" };
}

/** Removes column `index` from every role (ID/group become -1 = not chosen). */
function without(columns: Columns, index: number): Columns {
  return {
    id: columns.id === index ? -1 : columns.id,
    group: columns.group === index ? -1 : columns.group,
    baseline: columns.baseline.filter((b) => b.column !== index),
    timepoints: columns.timepoints.filter((t) => t.column !== index),
    long: columns.long
      ? { time: columns.long.time === index ? -1 : columns.long.time, status: columns.long.status === index ? -1 : columns.long.status }
      : undefined,
  };
}

/**
 * Gives column `index` a role. ID, group, time and status are held by one column at a time (the previous
 * holder becomes "not used"). A new baseline column takes the suggested type; a new time-point column the
 * month in its header (or the next free multiple of 6).
 */
export function setRole(columns: Columns, index: number, role: RoleName, header: string, suggestion?: RoleSuggestion): Columns {
  const c = without(columns, index);
  switch (role) {
    case "id":
      return { ...c, id: index };
    case "group":
      return { ...c, group: index };
    case "baseline": {
      const suggested = suggestion?.roles[index];
      const profile = suggestion?.columns[index];
      const type = suggested?.role === "baseline" ? suggested.type : profile?.kind === "number" ? "continuous" : "categorical";
      return { ...c, baseline: [...c.baseline, { column: index, type }].sort((a, b) => a.column - b.column) };
    }
    case "timepoint": {
      let month = parseMonthHeader(header);
      if (month === null || c.timepoints.some((t) => t.month === month)) {
        month = 0;
        while (c.timepoints.some((t) => t.month === month)) month += 6;
      }
      return { ...c, timepoints: [...c.timepoints, { column: index, month }].sort((a, b) => a.month - b.month) };
    }
    case "time":
      return { ...c, long: { time: index, status: c.long?.status ?? -1 } };
    case "status":
      return { ...c, long: { time: c.long?.time ?? -1, status: index } };
    default:
      return c;
  }
}

export function setBaselineType(columns: Columns, index: number, type: "categorical" | "continuous"): Columns {
  return { ...columns, baseline: columns.baseline.map((b) => (b.column === index ? { ...b, type } : b)) };
}

export function setMonth(columns: Columns, index: number, month: number): Columns {
  return { ...columns, timepoints: columns.timepoints.map((t) => (t.column === index ? { ...t, month } : t)).sort((a, b) => a.month - b.month) };
}

/** Switching layout keeps ID, group and baseline; time points come from the suggestion for the new layout. */
export function setLayout(columns: Columns, layout: Layout, suggestion?: RoleSuggestion): Columns {
  if (layout === "long") {
    const long = suggestion?.long ?? { time: -1, status: -1 };
    const c = without(without(columns, long.time), long.status);
    return { ...c, timepoints: [], long };
  }
  const tps = (suggestion?.timepoints ?? []).filter((t) => t.column !== columns.id && t.column !== columns.group && !columns.baseline.some((b) => b.column === t.column));
  return { ...columns, timepoints: tps, long: undefined };
}

export type ColumnsIssue = "noId" | "noGroup" | "noTimepoints" | "noTime" | "noStatus" | "duplicateMonth" | "badMonth";

/**
 * What is missing before the columns can be used (shown live in the pane). `groupsFromTrial`: the groups
 * come from "Randomisering" (joined by ID), so no group column is needed.
 */
export function columnsIssues(columns: Columns, layout: Layout, groupsFromTrial = false): ColumnsIssue[] {
  const out: ColumnsIssue[] = [];
  if (columns.id < 0) out.push("noId");
  if (columns.group < 0 && !groupsFromTrial) out.push("noGroup");
  if (layout === "wide") {
    if (columns.timepoints.length === 0) out.push("noTimepoints");
    const months = columns.timepoints.map((t) => t.month);
    if (months.some((m) => !Number.isInteger(m) || m < 0)) out.push("badMonth");
    if (new Set(months).size !== months.length) out.push("duplicateMonth");
  } else {
    if (!columns.long || columns.long.time < 0) out.push("noTime");
    if (!columns.long || columns.long.status < 0) out.push("noStatus");
  }
  return out;
}

/** Class of a status in the settings (matched like core matches: normalised), or null when unclassified. */
export function classOf(classes: Record<string, StatusClass>, label: string): StatusClass | null {
  const key = normaliseKey(label);
  for (const [k, v] of Object.entries(classes)) if (normaliseKey(k) === key) return v;
  return null;
}

export function setClass(classes: Record<string, StatusClass>, label: string, cls: StatusClass): Record<string, StatusClass> {
  const key = normaliseKey(label);
  const out: Record<string, StatusClass> = {};
  for (const [k, v] of Object.entries(classes)) if (normaliseKey(k) !== key) setOwn(out, k, v);
  setOwn(out, label, cls); // a label may be "__proto__"
  return out;
}

/** Adds core's default class for every status not yet classified. */
export function withDefaultClasses(classes: Record<string, StatusClass>, statuses: LabelCount[]): Record<string, StatusClass> {
  let out = classes;
  for (const s of statuses) if (classOf(out, s.label) === null) out = setClass(out, s.label, defaultStatusClass(s.label));
  return out;
}

export function unclassified(classes: Record<string, StatusClass>, statuses: LabelCount[]): LabelCount[] {
  return statuses.filter((s) => s.count > 0 && classOf(classes, s.label) === null);
}

/** True when the label is one core knows without a user mapping (I/K, Indsats/Kontrol, …). */
export function isBuiltInGroupLabel(label: string): boolean {
  return mapGroupLabel(label) !== null;
}

/** Maps a group label to an arm; null removes the user's mapping (built-in labels then keep theirs). */
export function setArm(groupMap: Record<string, Arm>, label: string, arm: Arm | null): Record<string, Arm> {
  const key = normaliseKey(label);
  const out: Record<string, Arm> = { ...groupMap };
  delete out[key];
  if (arm) setOwn(out, key, arm); // a label may be "__proto__"
  return out;
}

// --- outcomes

export function hasStatus(outcome: OutcomeDefinition, label: string): boolean {
  const key = normaliseKey(label);
  return outcome.statuses.some((s) => normaliseKey(s) === key);
}

export function toggleStatus(outcome: OutcomeDefinition, label: string, on: boolean): OutcomeDefinition {
  const key = normaliseKey(label);
  const rest = outcome.statuses.filter((s) => normaliseKey(s) !== key);
  return { ...outcome, statuses: on ? [...rest, label] : rest };
}

export function newOutcome(existing: OutcomeDefinition[], name: (n: number) => string): OutcomeDefinition {
  let n = existing.length + 1;
  while (existing.some((o) => o.id === `udfald-${n}`)) n++;
  return { id: `udfald-${n}`, name: name(n), statuses: [] };
}

/**
 * Statuses to offer as checkboxes for the outcomes: every status in the data (in data order), then any
 * status named by an outcome that the data does not contain (so the user sees what a suggestion expects).
 */
export function outcomeStatusChoices(statuses: LabelCount[], outcomes: OutcomeDefinition[]): { label: string; inData: boolean }[] {
  const out = statuses.filter((s) => s.count > 0).map((s) => ({ label: s.label, inData: true }));
  const seen = new Set(out.map((s) => normaliseKey(s.label)));
  for (const o of outcomes)
    for (const s of o.statuses) {
      const k = normaliseKey(s);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ label: s, inData: false });
    }
  return out;
}

// --- summary of a result for the pane

export interface OutcomeSummary {
  name: string;
  month: number;
  intervention: { x: number; n: number };
  control: { x: number; n: number };
  pValue: number | null;
  method: { da: string; en: string } | null;
  /** The sheet's words for this outcome and follow-up (core/analysis/headline.ts): counts, p and the caveats. */
  headline: OutcomeHeadline;
}

/** Per outcome: the counts and p-value at the last follow-up time point. */
export function summarise(result: ComparisonResult): OutcomeSummary[] {
  const last = result.followUps.length > 0 ? result.followUps[result.followUps.length - 1] : null;
  if (last === null) return [];
  const out: OutcomeSummary[] = [];
  for (const o of result.outcomes) {
    const row = o.rows.find((r) => r.month === last);
    if (!row) continue;
    out.push({
      name: o.name,
      month: last,
      intervention: row.counts.intervention,
      control: row.counts.control,
      pValue: row.test ? row.test.pValue : null,
      method: row.test ? row.test.method : null,
      headline: outcomeHeadline(row, result.confLevel),
    });
  }
  return out;
}

/** Distinct warnings of a result (outcome notes and test warnings), in order. */
export function resultWarnings(result: ComparisonResult): { da: string; en: string }[] {
  const seen = new Set<string>();
  const out: { da: string; en: string }[] = [];
  const add = (t: { da: string; en: string }): void => {
    if (seen.has(t.da)) return;
    seen.add(t.da);
    out.push(t);
  };
  for (const o of result.outcomes) {
    o.notes.forEach(add);
    for (const r of o.rows) {
      r.notes.forEach(add);
      r.test?.warnings.forEach(add);
    }
  }
  return out;
}
