/**
 * The programme theory (programteori) model, following KL's five steps:
 * målgruppe → slutmål → delmål → aktiviteter → virksomme mekanismer.
 *
 * Pure data; no Office, React or DOM imports. Ids are stable within a theory:
 * slutmål "S1", "S2", …; delmål "D1", …; aktiviteter "A1", …; mekanismer "M1", …; links "L1", ….
 */

/** A user-visible text in Danish (first) and English. */
export interface Text {
  da: string;
  en: string;
}

export type Lang = "da" | "en";

/** Where an item comes from: straight from the source publication, a suggestion by us, or typed by the user. */
export type Origin = "kilde" | "forslag" | "bruger";

export type MechanismCategory = "kompetencer" | "ressourcer" | "tilgange" | "organisatoriske rammer";

export const MECHANISM_CATEGORIES: readonly MechanismCategory[] = ["kompetencer", "ressourcer", "tilgange", "organisatoriske rammer"];

/** When an indicator is measured: at months after inclusion (0/6/12/18) or every n weeks, count times. */
export type MeasurementTimes = { kind: "months"; months: number[] } | { kind: "weeks"; everyWeeks: number; count: number };

/** When a goal counts as reached: the citizen has one of the statuses, or scores at least `reachedAt` on a scale. */
export type IndicatorReached =
  | { kind: "statuses"; statuses: string[] }
  | { kind: "scale"; min: number; max: number; labels: string[]; reachedAt: number };

export interface Indicator {
  name: string;
  /** Where the data comes from, e.g. "Fagsystem (forsørgelsesstatus)" or "Progressionsmåling". */
  dataSource: string;
  times: MeasurementTimes;
  reached: IndicatorReached;
}

export interface TargetGroup {
  name: string;
  description: string;
  /** Kendetegn. */
  characteristics: string[];
  /** Størrelse: number of citizens; null when not yet known. */
  size: number | null;
  inclusion: string[];
  exclusion: string[];
}

export interface Item {
  id: string;
  name: string;
  description: string;
  origin: Origin;
}

export interface FinalGoal extends Item {
  indicator?: Indicator;
}

/** Delmål; name phrased as what the citizen can do: "Borgeren kan …". */
export interface SubGoal extends Item {
  indicator?: Indicator;
}

export type Activity = Item;

export interface Mechanism extends Item {
  category: MechanismCategory | null;
}

export type LinkKind = "aktivitet-delmaal" | "delmaal-delmaal" | "delmaal-slutmaal";

export const LINK_KINDS: readonly LinkKind[] = ["aktivitet-delmaal", "delmaal-delmaal", "delmaal-slutmaal"];

export interface Link {
  id: string;
  kind: LinkKind;
  /** Id of the source item (activity or sub-goal). */
  from: string;
  /** Id of the target item (sub-goal or final goal). */
  to: string;
  rationale: string;
  /** Mechanisms attached to this link. */
  mechanismIds: string[];
}

export interface SourceRef {
  title: string;
  publisher: string;
  year: number;
  note?: string;
}

export interface ActivityMechanism {
  activityId: string;
  mechanismId: string;
}

export interface ProgrammeTheory {
  title: string;
  source?: SourceRef;
  targetGroup: TargetGroup;
  finalGoals: FinalGoal[];
  subGoals: SubGoal[];
  activities: Activity[];
  mechanisms: Mechanism[];
  activityMechanisms: ActivityMechanism[];
  links: Link[];
}

export interface ValidationIssue {
  severity: "error" | "warning";
  /** Stable machine-readable code, e.g. "NO_FINAL_GOAL". */
  code: string;
  message: Text;
  /** Ids of the items concerned (in order, e.g. the items of a cycle). */
  itemIds: string[];
  /** "Programteori!C14" when the theory was read from the sheet. */
  cell?: string;
  /** KL's step the issue belongs to (absent for problems reading the sheet itself). */
  step?: StepId;
}

/** How far a step of KL's five has come: nothing entered, entered with open issues, or done. */
export type StepStatus = "empty" | "incomplete" | "done";

/** The four editable element lists. */
export type ItemKind = "slutmaal" | "delmaal" | "aktivitet" | "mekanisme";

export const ITEM_KINDS: readonly ItemKind[] = ["slutmaal", "delmaal", "aktivitet", "mekanisme"];

/** Id prefix per kind. */
export const ID_PREFIX: Record<ItemKind, string> = { slutmaal: "S", delmaal: "D", aktivitet: "A", mekanisme: "M" };

export type StepId = "maalgruppe" | "slutmaal" | "delmaal" | "aktiviteter" | "mekanismer";

export interface Step {
  id: StepId;
  title: Text;
  help: Text;
  question: Text;
}

export interface TemplateInfo {
  id: string;
  title: Text;
  description: Text;
  source: SourceRef;
  build(): ProgrammeTheory;
}
