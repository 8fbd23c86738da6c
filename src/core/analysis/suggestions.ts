/**
 * The four usual outcome definitions of the jobcentre pilots, each including the one before:
 *
 *   Afklaret til job/uddannelse = Jobparat, Fleksjob, Revalidering, Uddannelse
 *   Afklaret fra kontanthjælp    = the above + FØP
 *   Progression mod job          = Afklaret til job/uddannelse + kontanthjælp i praktik, afventer praktik,
 *                                  med ordinære timer (not FØP)
 *   Progression mod afklaring    = Progression mod job + FØP
 *
 * The statuses are matched to the data by meaning, not exact text: a label is split into normalised words
 * (lower case, dashes and punctuation as spaces), and each concept is a rule on those words. So
 * "Kontanthjælp – ordinære timer", "Kth. med ordinære timer" and "Ordinære timer" are all "med ordinære
 * timer", while "Ikke jobparat" is not "Jobparat" and "Uddannelseshjælp" (a benefit) is not "Uddannelse".
 */
import type { OutcomeDefinition } from "./settings";

export type StatusConcept = "jobparat" | "fleksjob" | "revalidering" | "uddannelse" | "foep" | "iPraktik" | "afventerPraktik" | "ordinaereTimer";

/** Canonical spelling of each concept, used when the data has no status with that meaning. */
export const CONCEPT_LABEL: Record<StatusConcept, string> = {
  jobparat: "Jobparat",
  fleksjob: "Fleksjob",
  revalidering: "Revalidering",
  uddannelse: "Uddannelse",
  foep: "FØP",
  iPraktik: "Kontanthjælp – i praktik",
  afventerPraktik: "Kontanthjælp – afventer praktik",
  ordinaereTimer: "Kontanthjælp – ordinære timer",
};

/** Lower-case words of a label: NFC, Danish lower case, every non-letter/digit a separator. */
export function statusWords(label: string): string[] {
  return label
    .normalize("NFC")
    .toLocaleLowerCase("da-DK")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const NEGATION = new Set(["ikke", "ej", "uden", "not", "non"]);

/** The concept a status label means, or null. A negated label ("Ikke jobparat") means none. */
export function statusConcept(label: string): StatusConcept | null {
  const w = statusWords(label);
  if (w.some((x) => NEGATION.has(x))) return null;
  const has = (x: string): boolean => w.includes(x);
  const joined = w.join(" ");
  if (has("afventer") && w.some((x) => x.endsWith("praktik"))) return "afventerPraktik";
  if (w.some((x) => x === "praktik" || x === "virksomhedspraktik")) return "iPraktik";
  if (/\bordinære? timer\b|\bordinaere timer\b/.test(joined)) return "ordinaereTimer";
  if (has("føp") || has("foep") || has("førtidspension") || has("foertidspension")) return "foep";
  if (has("fleksjob") || /\bfleks job\b/.test(joined)) return "fleksjob";
  if (has("revalidering") || has("revalidend")) return "revalidering";
  if (has("jobparat")) return "jobparat";
  if (has("uddannelse") || has("su")) return "uddannelse";
  return null;
}

interface Definition {
  id: string;
  name: string;
  concepts: StatusConcept[];
}

const JOB: StatusConcept[] = ["jobparat", "fleksjob", "revalidering", "uddannelse"];
const PROGRESS: StatusConcept[] = [...JOB, "iPraktik", "afventerPraktik", "ordinaereTimer"];

export const OUTCOME_DEFINITIONS: readonly Definition[] = [
  { id: "afklaret-job-uddannelse", name: "Afklaret til job/uddannelse", concepts: JOB },
  { id: "afklaret-fra-kontanthjaelp", name: "Afklaret fra kontanthjælp", concepts: [...JOB, "foep"] },
  { id: "progression-mod-job", name: "Progression mod job", concepts: PROGRESS },
  { id: "progression-mod-afklaring", name: "Progression mod afklaring", concepts: [...PROGRESS, "foep"] },
];

/**
 * The four suggestions, with the statuses as the data spells them (`statuses`: the labels found). A
 * concept with no status in the data keeps its canonical label (the pane shows it as "not in the data").
 */
export function suggestedOutcomes(statuses: readonly string[] = []): OutcomeDefinition[] {
  const byConcept = new Map<StatusConcept, string[]>();
  for (const s of statuses) {
    const c = statusConcept(s);
    if (c) byConcept.set(c, [...(byConcept.get(c) ?? []), s]);
  }
  const labels = (c: StatusConcept): string[] => byConcept.get(c) ?? [CONCEPT_LABEL[c]];
  return OUTCOME_DEFINITIONS.map((d) => ({ id: d.id, name: d.name, statuses: d.concepts.flatMap(labels) }));
}
