/**
 * Pick lists from KL / New Insight: "En effektiv beskæftigelsesindsats for udsatte borgere" (2013):
 * the eight virksomme mekanismer for young people (section 4.3) and for citizens over 30 (5.3),
 * with our classification in KL's four categories, and the guide's examples of activities for
 * each group (sections 4.2 and 5.2), in our words. Also the standard forsørgelsesstatus values
 * an indicator can count as reached, and one default indicator per goal type.
 */
import { addItem, nextId, updateItem } from "./edit";
import { Indicator, ItemKind, Lang, MechanismCategory, ProgrammeTheory, Text } from "./model";
import { CASE_SYSTEM, KL_OVER30_MECHANISMS, KL_YOUNG_MECHANISMS, PROGRESSION_SOURCE, SCALE_LABELS, STATUS } from "./templates";

export type CatalogueGroup = "unge" | "over30";

export const CATALOGUE_GROUPS: Record<CatalogueGroup, Text> = {
  unge: { da: "Udsatte unge (KL)", en: "Vulnerable young people (KL)" },
  over30: { da: "Udsatte borgere over 30 år (KL)", en: "Vulnerable citizens over 30 (KL)" },
};

export interface CatalogueEntry {
  /** Stable key, e.g. "unge-m3" or "over30-a7". */
  key: string;
  group: CatalogueGroup;
  name: string;
  description: string;
  /** Mechanisms only. */
  category?: MechanismCategory;
}

export const MECHANISM_CATALOGUE: readonly CatalogueEntry[] = [
  ...KL_YOUNG_MECHANISMS.map(([name, description, , category], i) => ({ key: `unge-m${i + 1}`, group: "unge" as const, name, description, category })),
  ...KL_OVER30_MECHANISMS.map(([name, description, , category], i) => ({ key: `over30-m${i + 1}`, group: "over30" as const, name, description, category })),
];

/** "Eksempler på aktiviteter" for young people (4.2), every one of them, and for citizens over 30 (5.2). */
const YOUNG_ACTIVITIES: [string, string][] = [
  ["Undervisning i arbejdsmarkedsforhold og uddannelsesmuligheder", "Hvad kræver uddannelserne, og hvilke job kan man få efter endt uddannelse?"],
  ["Kost- og motionsaktiviteter", ""],
  ["Værksteder", ""],
  ["Mestringskurser i grupper", "Fx om angst, depression eller ADHD."],
  ["Individuel og gruppebaseret vejledning", ""],
  ["Jobsøgning rettet mod virksomhedspraktik eller løntilskud", ""],
  ["Vejledning om personlig optræden og hygiejne", "Fx før praktik og jobsamtaler."],
  ["Forberedende voksenundervisning", ""],
  ["Rådgivning og vejledning om hverdagsmestring og økonomi", ""],
  ["Læse- og skrivekurser", ""],
];
const OVER30_ACTIVITIES: [string, string][] = [
  ["Individuelle og gruppebaserede samtaler", ""],
  ["Støtte til hverdagsmestring", ""],
  ["Koordinering af fx behandling eller opkvalificeringsforløb", ""],
  ["Værksteder", ""],
  ["Gruppeaktiviteter", ""],
  ["Motion og kostvejledning", ""],
  ["Ordblindekurser", ""],
  ["Pc-undervisning", ""],
  ["Virksomhedsbesøg", ""],
  ["Virksomhedspraktik", ""],
  ["Forforløb i et aktivcenter", "Afklarer borgeren og klæder borgeren på til en senere virksomhedsrettet indsats."],
];

export const ACTIVITY_CATALOGUE: readonly CatalogueEntry[] = [
  ...YOUNG_ACTIVITIES.map(([name, description], i) => ({ key: `unge-a${i + 1}`, group: "unge" as const, name, description })),
  ...OVER30_ACTIVITIES.map(([name, description], i) => ({ key: `over30-a${i + 1}`, group: "over30" as const, name, description })),
];

export function catalogueFor(kind: ItemKind): readonly CatalogueEntry[] {
  return kind === "mekanisme" ? MECHANISM_CATALOGUE : kind === "aktivitet" ? ACTIVITY_CATALOGUE : [];
}

/** Adds a catalogue entry as an item from the source ("kilde"); returns the theory and the new id. */
export function addFromCatalogue(theory: ProgrammeTheory, kind: "aktivitet" | "mekanisme", entry: CatalogueEntry): { theory: ProgrammeTheory; id: string } {
  const id = nextId(theory, kind);
  let t = addItem(theory, kind, entry.name, entry.description);
  t = kind === "mekanisme" ? updateItem(t, "mekanisme", id, { origin: "kilde", category: entry.category ?? null }) : updateItem(t, kind, id, { origin: "kilde" });
  return { theory: t, id };
}

/**
 * Forsørgelsesstatus values as they are usually spelled in case data. They include every
 * spelling the templates and the comparison use; an indicator may add others.
 */
export const STANDARD_STATUSES: readonly string[] = [
  STATUS.jobparat,
  STATUS.fleksjob,
  STATUS.revalidering,
  STATUS.uddannelse,
  STATUS.foep,
  STATUS.iPraktik,
  STATUS.afventerPraktik,
  STATUS.ordinaereTimer,
  "Kontanthjælp – aktivitetsparat",
  "Uddannelseshjælp",
  "Ressourceforløb",
  "Jobafklaringsforløb",
  "Sygedagpenge",
  "Raskmeldt til arbejde",
  "Delvist raskmeldt",
  "Job med løntilskud for førtidspensionister",
  "Ledighedsydelse",
  "Ordinær beskæftigelse",
  "Selvforsørget",
];

const DEFAULT_FINAL_NAME: Text = { da: "Status ved opfølgning efter 6, 12 og 18 måneder", en: "Status at follow-up after 6, 12 and 18 months" };
const DEFAULT_SUB_NAME: Text = { da: "Progression hver 6. uge (skala 1–5)", en: "Progression every 6 weeks (scale 1–5)" };

/**
 * The starting indicator of a goal. Slutmål: the forsørgelsesstatus at 6, 12 and 18 months from
 * the case system (the user picks which statuses count as reached). Delmål: scored 1–5 in the
 * progression measurement every 6 weeks (KL's Skanderborg example), reached at 4.
 */
export function defaultIndicator(kind: "slutmaal" | "delmaal", lang: Lang = "da"): Indicator {
  if (kind === "slutmaal") {
    return { name: DEFAULT_FINAL_NAME[lang], dataSource: CASE_SYSTEM, times: { kind: "months", months: [6, 12, 18] }, reached: { kind: "statuses", statuses: [] } };
  }
  return {
    name: DEFAULT_SUB_NAME[lang],
    dataSource: PROGRESSION_SOURCE,
    times: { kind: "weeks", everyWeeks: 6, count: 8 },
    reached: { kind: "scale", min: 1, max: 5, labels: [...SCALE_LABELS], reachedAt: 4 },
  };
}
