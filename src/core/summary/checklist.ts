/**
 * KL's checklist for politicians and leaders, in our own words, with suggested answers where the
 * workbook can answer.
 *
 * Source: KL (udarbejdet af New Insight A/S), "En effektiv beskæftigelsesindsats for udsatte
 * borgere", 2013, section 2 "Tjekliste til en effektiv indsats for udsatte borgere": ten areas with
 * short advice and questions. The wording below is ours; the headings follow KL's ten areas.
 *
 * Suggestions (the leader decides; the suggestion says why):
 * - 3.1 key figures against targets: "Ja" when at least one key figure has a måltal and an actual
 *   value; "Delvist" when måltal exist without actual values; "Nej" otherwise.
 * - 3.2 explanation and action on deviations: "Ikke relevant" without flagged deviations; "Ja" when
 *   every flagged row has both an explanation and an action; "Delvist" when some have; else "Nej".
 * - 3.3 programme theory: "Ja" when it has a target group, aktiviteter, delmål, slutmål and
 *   mekanismer and validates without errors; "Delvist" when it exists but lacks some of them or has
 *   errors (named); "Nej" when the workbook has none.
 */
import type { Text } from "../stats";

export type Answer = "ja" | "delvist" | "nej" | "ikke relevant";
export const ANSWERS: readonly Answer[] = ["ja", "delvist", "nej", "ikke relevant"];
export const ANSWER_LABEL: Record<Answer, Text> = {
  ja: { da: "Ja", en: "Yes" },
  delvist: { da: "Delvist", en: "Partly" },
  nej: { da: "Nej", en: "No" },
  "ikke relevant": { da: "Ikke relevant", en: "Not relevant" },
};

export const CHECKLIST_SOURCE: Text = {
  da: 'Kilde: KL, "En effektiv beskæftigelsesindsats for udsatte borgere" (2013), afsnit 2: tjekliste for kommunalpolitikere og ledere. Spørgsmålene er gengivet med egne ord.',
  en: 'Source: KL, "En effektiv beskæftigelsesindsats for udsatte borgere" (2013), section 2: checklist for local politicians and leaders. The questions are paraphrased.',
};

export interface ChecklistItem {
  /** Stable key, e.g. "3.1": regeneration matches the leader's answers by it. */
  id: string;
  area: Text;
  question: Text;
}

const area = (da: string, en: string): Text => ({ da, en });
const A1 = area("Fælles værdi", "A shared guiding value");
const A2 = area("Politisk ejerskab og prioritering", "Political ownership and priority");
const A3 = area("Resultatorienteret tilgang", "Focus on results");
const A4 = area("Hurtig og kvalificeret visitation", "Quick, well-informed assessment");
const A5 = area("Borgeren i centrum", "The citizen at the centre");
const A6 = area("Innovation og risikovillighed", "Innovation and willingness to take risks");
const A7 = area("Tværfagligt syn på borgeren", "A cross-disciplinary view of the citizen");
const A8 = area("Relevante kompetencer", "Relevant competences");
const A9 = area("Fysiske rammer", "Physical settings");
const A10 = area("Strategi for virksomhedssamarbejdet", "Strategy for working with employers");

const q = (id: string, a: Text, da: string, en: string): ChecklistItem => ({ id, area: a, question: { da, en } });

export const CHECKLIST: readonly ChecklistItem[] = [
  q("1.1", A1, "Har kommunen en værdi for indsatsen over for udsatte borgere, som medarbejdere og borgere kan se og finder meningsfuld?", "Does the municipality have a value for its work with vulnerable citizens that staff and citizens can see and find meaningful?"),
  q("1.2", A1, "Kan man se værdien i den måde, opgaven løses på i praksis?", "Can the value be seen in how the work is actually done?"),
  q("2.1", A2, "Er der en fælles politisk linje, der viser medarbejderne vejen?", "Is there a shared political line that shows staff the way?"),
  q("2.2", A2, "Afspejler de afsatte midler ambitionen, og kan vi forsvare prioriteringen offentligt?", "Do the funds set aside reflect the ambition, and can we defend the priority in public?"),
  q("3.1", A3, "Følger vi de vigtigste nøgletal og ændringer i forhold til måltallene?", "Do we follow the main key figures and changes against the targets?"),
  q("3.2", A3, "Beder vi om en forklaring og en handlingsplan, når et nøgletal afviger?", "Do we ask for an explanation and an action plan when a key figure deviates?"),
  q("3.3", A3, "Samler vi viden om, hvad der virker, fx med en programteori med målgruppe, aktiviteter, delmål, slutmål og virksomme mekanismer?", "Do we gather knowledge of what works, e.g. with a programme theory with target group, activities, sub-goals, final goals and mechanisms?"),
  q("3.4", A3, "Siger vi tydeligt, når resultaterne er gode?", "Do we say clearly when the results are good?"),
  q("4.1", A4, "Kender de, der visiterer, tilbuddene til den enkelte målgruppe?", "Do those who assess citizens know the offers for each target group?"),
  q("4.2", A4, "Er der tid og ressourcer til en grundig afdækning af borgerens muligheder og udfordringer (fx et forforløb)?", "Is there time and resources for a thorough assessment of the citizen's potential and challenges (e.g. an introductory course)?"),
  q("5.1", A5, "Ser vi på borgerens ressourcer, og har alle fokus på uddannelse og job?", "Do we look at the citizen's resources, and does everyone focus on education and work?"),
  q("5.2", A5, "Inddrager vi borgeren i planlægningen, og prioriterer vi tilgængelighed, nærvær og tillid?", "Do we involve the citizen in planning, and do we prioritise availability, presence and trust?"),
  q("6.1", A6, "Efterspørger vi idéer til forbedring og bruger vi det lokale råderum?", "Do we ask for ideas for improvement and use the local room for manoeuvre?"),
  q("6.2", A6, "Hvornår har vi sidst afprøvet en ny idé?", "When did we last try out a new idea?"),
  q("7.1", A7, "Arbejder vi tværfagligt, også på tværs af forvaltninger, og er organisationen gearet til det?", "Do we work across disciplines, also across departments, and is the organisation set up for it?"),
  q("7.2", A7, "Er roller og ansvar klare, og har borgeren én plan med fælles mål?", "Are roles and responsibilities clear, and does the citizen have one plan with shared goals?"),
  q("8.1", A8, "Har vi beskrevet de kernekompetencer, arbejdet kræver, og hvilke vi skal have internt og eksternt?", "Have we described the core competences the work needs, and which we keep in-house or buy in?"),
  q("8.2", A8, "Er der ressourcer til at udvikle medarbejdernes kompetencer, fx videndeling og fælles refleksion?", "Are there resources to develop staff competences, e.g. sharing knowledge and reflecting together?"),
  q("9.1", A9, "Understøtter de fysiske rammer det, vi vil tilbyde, og indbyder de til udvikling og relationer?", "Do the physical settings support what we want to offer, and invite development and relationships?"),
  q("10.1", A10, "Er formålet med samarbejdet med virksomhederne klart, og er der en plan for det?", "Is the purpose of working with employers clear, and is there a plan for it?"),
  q("10.2", A10, "Ved vi, hvilke former for virksomhedsrettet aktivering der virker for hvilke grupper?", "Do we know which forms of company-based activation work for which groups?"),
];

export interface ChecklistContext {
  /** null: no programme theory in the workbook. */
  theory: { missing: Text[]; errors: number } | null;
  keyFigures: { withTarget: number; withTargetAndActual: number; flagged: number; flaggedAnswered: number };
}

export interface Suggestion {
  answer: Answer;
  why: Text;
}

function theorySuggestion(t: ChecklistContext["theory"]): Suggestion {
  if (!t) return { answer: "nej", why: { da: 'Projektmappen har ingen programteori (arket "Programteori").', en: 'The workbook has no programme theory (sheet "Programteori").' } };
  if (t.missing.length === 0 && t.errors === 0) return { answer: "ja", why: { da: "Programteorien har målgruppe, aktiviteter, delmål, slutmål og mekanismer og er uden fejl.", en: "The programme theory has target group, activities, sub-goals, final goals and mechanisms and no errors." } };
  const da = [t.missing.length ? `mangler ${t.missing.map((m) => m.da).join(", ")}` : "", t.errors ? `har ${t.errors} fejl` : ""].filter(Boolean).join(" og ");
  const en = [t.missing.length ? `lacks ${t.missing.map((m) => m.en).join(", ")}` : "", t.errors ? `has ${t.errors} error(s)` : ""].filter(Boolean).join(" and ");
  return { answer: "delvist", why: { da: `Programteorien ${da}.`, en: `The programme theory ${en}.` } };
}

/** Suggested answers for the items the workbook can answer (by item id). */
export function suggestAnswers(ctx: ChecklistContext): Record<string, Suggestion> {
  const k = ctx.keyFigures;
  const s31: Suggestion =
    k.withTargetAndActual > 0
      ? { answer: "ja", why: { da: `${k.withTargetAndActual} nøgletal har både måltal og faktisk værdi.`, en: `${k.withTargetAndActual} key figure row(s) have both a target and an actual value.` } }
      : k.withTarget > 0
        ? { answer: "delvist", why: { da: "Der er måltal, men ingen faktiske værdier endnu.", en: "There are targets but no actual values yet." } }
        : { answer: "nej", why: { da: "Ingen nøgletal med måltal i Nøgletal-tabellen.", en: "No key figures with a target in the key figure table." } };
  const s32: Suggestion =
    k.flagged === 0
      ? { answer: "ikke relevant", why: { da: "Ingen nøgletal afviger mere end tolerancen.", en: "No key figure deviates beyond its tolerance." } }
      : k.flaggedAnswered === k.flagged
        ? { answer: "ja", why: k.flagged === 1 ? { da: "Afvigelsen har forklaring og handling.", en: "The deviation has an explanation and an action." } : { da: `Alle ${k.flagged} afvigelser har forklaring og handling.`, en: `All ${k.flagged} deviations have an explanation and an action.` } }
        : k.flaggedAnswered > 0
          ? { answer: "delvist", why: { da: `${k.flaggedAnswered} af ${k.flagged} afvigelser har forklaring og handling.`, en: `${k.flaggedAnswered} of ${k.flagged} deviations have an explanation and an action.` } }
          : { answer: "nej", why: { da: `${k.flagged} afvigelser uden forklaring og handling.`, en: `${k.flagged} deviation(s) without an explanation and an action.` } };
  return { "3.1": s31, "3.2": s32, "3.3": theorySuggestion(ctx.theory) };
}

/** A typed answer as one of ANSWERS (Danish or English label, any case), or null. */
export function parseAnswer(v: unknown): Answer | null {
  if (typeof v !== "string") return null;
  const s = v.trim().toLocaleLowerCase("da-DK");
  for (const a of ANSWERS) if (s === a || s === ANSWER_LABEL[a].en.toLowerCase()) return a;
  return null;
}
