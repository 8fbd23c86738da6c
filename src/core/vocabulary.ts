/**
 * The domain terms of Virkning, one word per thing, used by the panes and the generated sheets alike
 * (DESIGN.md, "One vocabulary"). A pane's strings file and a sheet builder take these terms from here
 * instead of spelling them again, so "Resultatmål", "Dataformat" and "Udgået" read the same everywhere.
 */
import type { Text } from "./stats";
import { formatDateTime } from "./dateTime";

export const TERMS = {
  comparison: { da: "Sammenligning", en: "Comparison" },
  analysis: { da: "Analyse", en: "Analysis" },
  effort: { da: "Indsats", en: "Effort" },
  intervention: { da: "Indsatsgruppe", en: "Intervention group" },
  control: { da: "Kontrolgruppe", en: "Control group" },
  interventionShort: { da: "Indsats", en: "Intervention" },
  controlShort: { da: "Kontrol", en: "Control" },
  outcome: { da: "Resultatmål", en: "Outcome" },
  outcomes: { da: "Resultatmål", en: "Outcomes" },
  status: { da: "Status", en: "Status" },
  statuses: { da: "Statusser", en: "Statuses" },
  dataLayout: { da: "Dataformat", en: "Data layout" },
  followUp: { da: "Opfølgning", en: "Follow-up" },
  timepoint: { da: "Tidspunkt", en: "Time point" },
  months: { da: "mdr.", en: "months" },
  atInclusion: { da: "ved inklusion", en: "at inclusion" },
  classValid: { da: "Gyldig status", en: "Valid status" },
  classNotFollowedUp: { da: "Ikke fulgt op endnu", en: "Not yet followed up" },
  classMovedAway: { da: "Fraflyttet", en: "Moved away" },
  classExcluded: { da: "Udgået", en: "Excluded" },
  baselineTable: { da: "Tabel 1", en: "Table 1" },
  difference: { da: "Forskel, procentpoint", en: "Difference, percentage points" },
  relativeRisk: { da: "Relativ risiko", en: "Relative risk" },
  oddsRatio: { da: "Oddsratio", en: "Odds ratio" },
  pValue: { da: "p-værdi", en: "p-value" },
  test: { da: "Test", en: "Test" },
  stratification: { da: "Stratificering", en: "Stratification" },
  citizens: { da: "borgere", en: "citizens" },
  registerFollowUp: { da: "Registeropfølgning", en: "Register follow-up" },
  statusCodes: { da: "Statuskoder", en: "Status codes" },
  weekClassSelfSupporting: { da: "Selvforsørgende", en: "Self-supporting" },
  weekClassOnTheWay: { da: "På vej", en: "On the way" },
  weekClassOther: { da: "Anden ydelse", en: "Other benefit" },
  selfSupporting: { da: "selvforsørgende", en: "self-supporting" },
  durableSelfSupport: { da: "Varig selvforsørgelse", en: "Durable self-support" },
  timeToSelfSupport: { da: "Tid til selvforsørgelse", en: "Time to self-support" },
  weeksGained: { da: "Uger vundet i selvforsørgelse", en: "Weeks gained in self-support" },
  shareOfWeeks: { da: "Andel af uger som selvforsørgende", en: "Share of weeks self-supporting" },
  chain: { da: "Virkningskæden i data", en: "The chain in the data" },
  chainHolds: { da: "Holder kæden?", en: "Does the chain hold?" },
  linkSupported: { da: "støttet", en: "supported" },
  linkNotSupported: { da: "ikke støttet", en: "not supported" },
  tooLittleData: { da: "for lidt data", en: "too little data" },
  subGoalMoved: { da: "flyttet", en: "moved" },
  subGoalNotMoved: { da: "ikke flyttet", en: "not moved" },
  notAssessed: { da: "ikke vurderet", en: "not assessed" },
  data: { da: "Data", en: "Data" },
  made: { da: "Lavet", en: "Made" },
  madeFrom: { da: "ud fra", en: "from" },
} as const satisfies Record<string, Text>;

export type Term = keyof typeof TERMS;

export function term(key: Term, lang: "da" | "en"): string {
  return TERMS[key][lang];
}

/** When a generated sheet was made (ISO) and from which data: what its builder needs for `madeFromLine`. */
export interface Made {
  at: string;
  sources: readonly string[];
}

/**
 * The line a generated sheet gives when it was made and from which data (issue 21: "each generated sheet's
 * header line says when it was made and from which data"): "Lavet 7. dec. 2026 kl. 08.12 ud fra Programteori".
 * `sources` are sheet names or sheet-qualified ranges ("Borgere!A1:M61"), never cell contents.
 */
export function madeFromLine(at: string, sources: readonly string[], lang: "da" | "en"): string {
  const from = sources.length > 0 ? ` ${TERMS.madeFrom[lang]} ${sources.join(", ")}` : "";
  return `${TERMS.made[lang]} ${formatDateTime(at, lang)}${from}.`;
}
