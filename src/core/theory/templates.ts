/**
 * Programme-theory templates. Items are written in our own words; `origin: "kilde"` marks items
 * that restate something the named publication says, `origin: "forslag"` marks our suggestions
 * (the publications' diagrams were not available as text, so most goals and all indicator details
 * are suggestions). Mechanism categories are our classification in KL's four categories.
 */
import {
  Indicator,
  Link,
  MechanismCategory,
  Origin,
  ProgrammeTheory,
  SourceRef,
  TargetGroup,
  TemplateInfo,
} from "./model";

/** Status values shared with the comparison feature (forsørgelsesstatus at follow-up). */
export const STATUS = {
  jobparat: "Jobparat",
  fleksjob: "Fleksjob",
  revalidering: "Revalidering",
  uddannelse: "Uddannelse",
  foep: "FØP",
  iPraktik: "Kontanthjælp – i praktik",
  afventerPraktik: "Kontanthjælp – afventer praktik",
  ordinaereTimer: "Ordinære timer",
} as const;

/** "Afklaret til job/uddannelse". */
export const OUTCOME_CLARIFIED_JOB_EDUCATION: readonly string[] = [STATUS.jobparat, STATUS.fleksjob, STATUS.revalidering, STATUS.uddannelse];
/** "Afklaret fra kontanthjælp": clarified to job/education, or to førtidspension. */
export const OUTCOME_CLARIFIED_OFF_BENEFIT: readonly string[] = [...OUTCOME_CLARIFIED_JOB_EDUCATION, STATUS.foep];
/** "Progression mod job": clarified to job/education, or in or waiting for a work placement, or working ordinary hours. */
export const OUTCOME_PROGRESSION: readonly string[] = [...OUTCOME_CLARIFIED_JOB_EDUCATION, STATUS.iPraktik, STATUS.afventerPraktik, STATUS.ordinaereTimer];

export const SOURCE_KL: SourceRef = {
  title: "En effektiv beskæftigelsesindsats for udsatte borgere",
  publisher: "KL (udarbejdet af New Insight A/S)",
  year: 2013,
};
export const SOURCE_SFI: SourceRef = {
  title: "Sygemeldte og førtidspensionister med handicap. Jobcentermedarbejderes perspektiver på jobcentrenes indsats (arbejdspapir 04:2010)",
  publisher: "SFI – Det Nationale Forskningscenter for Velfærd",
  year: 2010,
};
export const SOURCE_OTTE_BUD: SourceRef = {
  title: "Otte bud på en kvalificering af indsatsen for borgere på kanten af arbejdsmarkedet",
  publisher: "AKF, Anvendt KommunalForskning",
  year: 2012,
};
const SOURCE_SOCIAL_MEDICAL: SourceRef = {
  ...SOURCE_KL,
  note: "Målgruppe, aktiviteter og slutmål beskriver en typisk tværfaglig socialmedicinsk indsats og er forslag; mekanismerne om ressourcefokus og tværfagligt samarbejde bygger på KL's mekanismer for borgere over 30 år.",
};

export const SCALE_LABELS = ["Slet ikke", "I lav grad", "I nogen grad", "I høj grad", "I meget høj grad"];
const MONTHS = [0, 6, 12, 18];
export const CASE_SYSTEM = "Fagsystem: forsørgelsesstatus";
export const PROGRESSION_SOURCE = "Progressionsmåling (samtale med borgeren)";

/** A sub-goal scored 1–5 in the progression measurement every 6 weeks (as in Skanderborg), reached at 4. */
function progression(name: string): Indicator {
  return {
    name,
    dataSource: PROGRESSION_SOURCE,
    times: { kind: "weeks", everyWeeks: 6, count: 8 },
    reached: { kind: "scale", min: 1, max: 5, labels: [...SCALE_LABELS], reachedAt: 4 },
  };
}

/** A goal reached when the citizen has one of the statuses at 0/6/12/18 months. */
function statuses(name: string, list: readonly string[], dataSource = CASE_SYSTEM): Indicator {
  return { name, dataSource, times: { kind: "months", months: [...MONTHS] }, reached: { kind: "statuses", statuses: [...list] } };
}

type GoalRow = [name: string, description: string, origin: Origin, indicator: Indicator];
type ItemRow = [name: string, description: string, origin: Origin];
export type MechRow = [name: string, description: string, origin: Origin, category: MechanismCategory];
type LinkRow = [from: string, to: string, rationale?: string, mechanisms?: string[]];

interface TemplateSpec {
  title: string;
  source: SourceRef;
  targetGroup: TargetGroup;
  finalGoals: GoalRow[];
  subGoals: GoalRow[];
  activities: ItemRow[];
  mechanisms: readonly MechRow[];
  /** Kind follows from the id prefixes (A→D, D→D, D→S). */
  links: LinkRow[];
  activityMechanisms: [activityId: string, mechanismId: string][];
}

function linkKind(from: string, to: string): Link["kind"] {
  if (from.startsWith("A") && to.startsWith("D")) return "aktivitet-delmaal";
  if (from.startsWith("D") && to.startsWith("D")) return "delmaal-delmaal";
  if (from.startsWith("D") && to.startsWith("S")) return "delmaal-slutmaal";
  throw new Error(`Template link ${from} → ${to} joins the wrong kinds`);
}

function build(spec: TemplateSpec): ProgrammeTheory {
  return {
    title: spec.title,
    source: { ...spec.source },
    targetGroup: {
      ...spec.targetGroup,
      characteristics: [...spec.targetGroup.characteristics],
      inclusion: [...spec.targetGroup.inclusion],
      exclusion: [...spec.targetGroup.exclusion],
    },
    finalGoals: spec.finalGoals.map(([name, description, origin, indicator], i) => ({ id: `S${i + 1}`, name, description, origin, indicator })),
    subGoals: spec.subGoals.map(([name, description, origin, indicator], i) => ({ id: `D${i + 1}`, name, description, origin, indicator })),
    activities: spec.activities.map(([name, description, origin], i) => ({ id: `A${i + 1}`, name, description, origin })),
    mechanisms: spec.mechanisms.map(([name, description, origin, category], i) => ({ id: `M${i + 1}`, name, description, origin, category })),
    activityMechanisms: spec.activityMechanisms.map(([activityId, mechanismId]) => ({ activityId, mechanismId })),
    links: spec.links.map(([from, to, rationale, mechanisms], i) => ({
      id: `L${i + 1}`,
      kind: linkKind(from, to),
      from,
      to,
      rationale: rationale ?? "",
      mechanismIds: [...(mechanisms ?? [])],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// KL: the eight mechanisms for young people and for citizens over 30 (sections 4.3 and 5.3).

export const KL_YOUNG_MECHANISMS: readonly MechRow[] = [
  ["Planlæg ud fra den unges kompetencer, ressourcer og behov", "Planen bygger på det, den unge kan, og justeres hele tiden med uddannelse eller job for øje.", "kilde", "tilgange"],
  ["Overskuelige delmål, som der følges op på", "Delmål, den unge kan nå, og som medarbejder og unge hele tiden følger op på – et resultatorienteret arbejde.", "kilde", "tilgange"],
  ["Koordinerede indsatser mod ét uddannelses- eller jobmål", "Indsatser fra forskellige forvaltninger og aktører trækker i samme retning.", "kilde", "organisatoriske rammer"],
  ["De rette kompetencer hos medarbejderne", "Medarbejderne har viden om unge, udsathed og uddannelsessystemet.", "kilde", "kompetencer"],
  ["Handlekraft, der griber den unges motivation", "Der kan handles med det samme, når den unge bliver motiveret – den unge, ikke systemet, er i centrum.", "kilde", "ressourcer"],
  ["Konsekvens og respekt", "Den unge ser de konkrete følger af sine valg, og medarbejderne lytter til den unges drømme og behov.", "kilde", "tilgange"],
  ["Troværdighed og en tillidsfuld relation", "»Vi gør, hvad vi lover« – og medarbejderne bruger tid sammen med den unge.", "kilde", "tilgange"],
  ["Strategi for samarbejdet med virksomheder", "Målrettet arbejde med at finde virksomheder, der passer til de unges behov, med aftalt opfølgning.", "kilde", "organisatoriske rammer"],
];

export const KL_OVER30_MECHANISMS: readonly MechRow[] = [
  ["Anerkendende og inkluderende tilgang", "Borgeren mødes med fokus på ressourcer og inddrages aktivt i beslutningerne.", "kilde", "tilgange"],
  ["Delmål, der peger på, hvor forandringen skal ske", "Delmålene udpeger de områder, hvor der skal skabes fremgang for at bane vejen til job.", "kilde", "tilgange"],
  ["Fælles mål og prioriteringer i et tværfagligt samarbejde", "Alle involverede ved, hvem der gør hvad, og planen er afstemt på tværs.", "kilde", "organisatoriske rammer"],
  ["De rette kompetencer til at udføre indsatsen", "Medarbejderne har den faglige viden, indsatsen kræver.", "kilde", "kompetencer"],
  ["Handlekraft, der bruger borgerens motivation", "Medarbejderne handler hurtigt, når borgeren er motiveret.", "kilde", "tilgange"],
  ["Fleksibilitet og tilgængelighed for borgeren", "Få sager pr. medarbejder, så borgeren kan følges tæt og kan få fat i sin medarbejder.", "kilde", "ressourcer"],
  ["Virksomheder som samarbejdspartnere", "Der indgås aftaler med virksomhederne, og forventningerne afstemmes.", "kilde", "organisatoriske rammer"],
  ["Aktiv brug af resultatopgørelser", "Resultaterne bruges i dialogen med borgeren og i opfølgningen på indsatsen.", "kilde", "organisatoriske rammer"],
];

const KL_YOUNG_TARGET: TargetGroup = {
  name: "Udsatte unge på kontanthjælp",
  description: "Unge, der ikke er klar til arbejdsmarkedet og har brug for en særlig indsats for at komme i uddannelse eller job.",
  characteristics: [
    "Har problemer ud over ledighed, fx psykiske, sociale eller misbrugsproblemer",
    "Mangler ofte en uddannelse ud over grundskolen",
    "Har ofte været i flere indsatser uden varigt resultat",
  ],
  size: null,
  inclusion: ["15–30 år", "Behov for en særlig beskæftigelsesrettet indsats (ikke-arbejdsmarkedsparat)"],
  exclusion: ["Unge, der er klar til at starte direkte i uddannelse eller job"],
};

const KL_OVER30_TARGET: TargetGroup = {
  name: "Udsatte kontanthjælpsmodtagere over 30 år",
  description: "Borgere over 30 år, der ikke er klar til arbejdsmarkedet, og som har store og sammensatte problemer ud over ledighed.",
  characteristics: [
    "Mangelfuld uddannelse",
    "Sociale og familiemæssige problemer",
    "Misbrugsproblemer",
    "Økonomiske problemer og boligproblemer",
    "Fysiske eller psykiske helbredsproblemer",
    "Lang tid på offentlig forsørgelse og mange tidligere indsatser uden succes",
  ],
  size: null,
  inclusion: ["Over 30 år", "Ikke-arbejdsmarkedsparat kontanthjælpsmodtager"],
  exclusion: ["Borgere, der er klar til at tage et ordinært job"],
};

const youngHolistic = (): ProgrammeTheory =>
  build({
    title: "Unge: helhedsorienteret forløb med afklaring og opkvalificering",
    source: SOURCE_KL,
    targetGroup: KL_YOUNG_TARGET,
    finalGoals: [
      ["Den unge er i gang med en uddannelse", "Målet er altid uddannelse eller job; for de fleste unge er uddannelse vejen.", "kilde", statuses("I uddannelse", [STATUS.uddannelse])],
      ["Den unge er i job eller klar til job", "", "kilde", statuses("I job eller jobparat", [STATUS.jobparat, STATUS.ordinaereTimer, STATUS.fleksjob])],
    ],
    subGoals: [
      ["Borgeren kan klare sin hverdag, herunder døgnrytme og økonomi", "", "kilde", progression("Hverdagsmestring")],
      ["Borgeren kan håndtere sine psykiske udfordringer i hverdagen", "Fx angst, depression eller ADHD.", "kilde", progression("Mestring af psykiske udfordringer")],
      ["Borgeren kan møde stabilt og til tiden", "", "kilde", progression("Mødestabilitet")],
      ["Borgeren kan læse, skrive og regne på det niveau, uddannelsen kræver", "", "kilde", progression("Faglige forudsætninger")],
      ["Borgeren kan pege på et realistisk uddannelses- eller jobmål", "", "kilde", progression("Realistisk uddannelses- eller jobmål")],
    ],
    activities: [
      ["Individuelle samtaler og en plan, der justeres løbende", "Afdækning af den unges ressourcer og behov; planen bruges aktivt ved aftaler og opfølgning.", "kilde"],
      ["Værksteder og gruppeaktiviteter", "Medarbejderen ser den unge i forskellige situationer.", "kilde"],
      ["Mestringskurser i grupper", "Fx om angst, depression eller ADHD.", "kilde"],
      ["Forberedende voksenundervisning og læse-/skrivekurser", "", "kilde"],
      ["Undervisning i uddannelsesmuligheder og arbejdsmarkedsforhold", "Hvad kræver uddannelserne, og hvilke job fører de til?", "kilde"],
      ["Rådgivning om hverdagsmestring og økonomi", "", "kilde"],
      ["Kost- og motionsaktiviteter", "", "kilde"],
    ],
    mechanisms: KL_YOUNG_MECHANISMS,
    links: [
      ["A1", "D5", "Samtalerne og planen gør målet konkret for den unge."],
      ["A1", "D1"],
      ["A2", "D3", "Faste mødetider i værkstedet træner stabilitet.", ["M7"]],
      ["A3", "D2"],
      ["A4", "D4"],
      ["A5", "D5"],
      ["A6", "D1"],
      ["A7", "D1"],
      ["D1", "D3", "En stabil hverdag er forudsætningen for at kunne møde stabilt."],
      ["D2", "D3"],
      ["D3", "S1"],
      ["D3", "S2"],
      ["D4", "S1"],
      ["D5", "S1", "Et realistisk mål gør det mere sandsynligt, at uddannelsen gennemføres.", ["M2"]],
      ["D5", "S2"],
    ],
    activityMechanisms: [
      ["A1", "M1"],
      ["A1", "M2"],
      ["A1", "M3"],
      ["A2", "M4"],
      ["A3", "M4"],
      ["A1", "M5"],
      ["A5", "M6"],
      ["A2", "M7"],
      ["A5", "M8"],
    ],
  });

const youngCompany = (): ProgrammeTheory =>
  build({
    title: "Unge: virksomhedsrettet indsats",
    source: SOURCE_KL,
    targetGroup: KL_YOUNG_TARGET,
    finalGoals: [
      ["Den unge er i gang med en uddannelse", "", "kilde", statuses("I uddannelse", [STATUS.uddannelse])],
      ["Den unge er i job eller klar til job", "", "kilde", statuses("I job eller jobparat", [STATUS.jobparat, STATUS.ordinaereTimer, STATUS.fleksjob])],
    ],
    subGoals: [
      ["Borgeren kan møde stabilt og til tiden på en arbejdsplads", "", "kilde", progression("Mødestabilitet på arbejdspladsen")],
      ["Borgeren kan indgå i et fællesskab med kolleger", "", "kilde", progression("Socialt samspil på arbejdspladsen")],
      ["Borgeren kan forstå instruktioner og tage ansvar for sine opgaver", "Herunder at holde koncentrationen.", "kilde", progression("Ansvar og instruktioner")],
      ["Borgeren kan vælge et uddannelses- eller jobmål, der er afprøvet i praksis", "Realitetstest af målet gennem praktik i flere virksomheder.", "kilde", progression("Afprøvet uddannelses- eller jobmål")],
      ["Borgeren kan selv søge praktikplads, løntilskud eller job", "", "forslag", progression("Selvstændig jobsøgning")],
    ],
    activities: [
      ["Afklaringspraktik i flere virksomheder", "Giver kendskab til forskellige jobområder og et kvalificeret grundlag for valget.", "kilde"],
      ["Træningspraktik på en almindelig arbejdsplads", "Træner konkrete kompetencer i trygge rammer.", "kilde"],
      ["Match mellem den unge og virksomheden med forventningsafstemning", "Formål og særlige udfordringer aftales på forhånd.", "kilde"],
      ["Løbende opfølgning og hurtig hjælp ved konflikter", "Mentor eller virksomhedskonsulent er tilgængelig.", "kilde"],
      ["Uddannelse af virksomhedsmentorer", "Fx en todages mentoruddannelse.", "kilde"],
      ["Jobsøgning rettet mod praktik, løntilskud eller job", "", "kilde"],
    ],
    mechanisms: KL_YOUNG_MECHANISMS,
    links: [
      ["A1", "D4", "Det er lettere at vælge realistisk, når jobbet er set og prøvet."],
      ["A2", "D1"],
      ["A2", "D2"],
      ["A2", "D3"],
      ["A3", "D1", "Et godt match øger chancen for, at praktikken holder."],
      ["A4", "D2", "", ["M7"]],
      ["A4", "D3"],
      ["A5", "D2"],
      ["A6", "D5"],
      ["D1", "D3"],
      ["D2", "D3"],
      ["D3", "S2"],
      ["D4", "S1"],
      ["D4", "S2"],
      ["D5", "S2"],
    ],
    activityMechanisms: [
      ["A1", "M1"],
      ["A1", "M2"],
      ["A3", "M3"],
      ["A5", "M4"],
      ["A6", "M5"],
      ["A4", "M6"],
      ["A4", "M7"],
      ["A1", "M8"],
      ["A2", "M8"],
      ["A3", "M8"],
    ],
  });

const over30Holistic = (): ProgrammeTheory =>
  build({
    title: "Borgere over 30 år: helhedsorienteret afklaring og kompetenceudvikling",
    source: SOURCE_KL,
    targetGroup: KL_OVER30_TARGET,
    finalGoals: [
      ["Borgeren er afklaret til job eller uddannelse", "Fx jobparat, fleksjob eller revalidering.", "kilde", statuses("Afklaret til job/uddannelse", OUTCOME_CLARIFIED_JOB_EDUCATION)],
      ["Borgeren er kommet tættere på arbejdsmarkedet", "", "kilde", statuses("Progression mod job", OUTCOME_PROGRESSION)],
    ],
    subGoals: [
      ["Borgeren kan beskrive sine ressourcer og ønsker for fremtiden", "", "kilde", progression("Egne ressourcer og ønsker")],
      ["Borgeren kan tage aktivt del i beslutninger om sin plan", "", "kilde", progression("Ejerskab til planen")],
      ["Borgeren kan klare hverdagen trods helbreds-, misbrugs- eller boligproblemer", "", "kilde", progression("Hverdagsmestring")],
      ["Borgeren kan deltage stabilt i et forløb flere dage om ugen", "", "forslag", progression("Stabil deltagelse")],
      ["Borgeren kan bruge basale it-, læse- og regnefærdigheder", "", "kilde", progression("Basale færdigheder")],
    ],
    activities: [
      ["Individuelle og gruppebaserede samtaler", "", "kilde"],
      ["Støtte til hverdagsmestring", "", "kilde"],
      ["Koordinering af behandling og opkvalificering", "Fx misbrugsbehandling eller opkvalificeringsforløb.", "kilde"],
      ["Værksteder og gruppeaktiviteter i et aktivcenter", "Et forløb, der klæder borgeren på til en senere virksomhedsrettet indsats.", "kilde"],
      ["Ordblindekurser og pc-undervisning", "", "kilde"],
      ["Motion og kostvejledning", "", "kilde"],
    ],
    mechanisms: KL_OVER30_MECHANISMS,
    links: [
      ["A1", "D1", "Anerkendende samtaler flytter fokus fra problemer til ressourcer.", ["M1"]],
      ["A1", "D2"],
      ["A2", "D3"],
      ["A3", "D3", "", ["M3"]],
      ["A4", "D4"],
      ["A5", "D5"],
      ["A6", "D3"],
      ["D1", "D2"],
      ["D2", "D4", "Ejerskab til planen giver motivation til at deltage."],
      ["D3", "D4"],
      ["D4", "S1"],
      ["D4", "S2"],
      ["D5", "S1"],
    ],
    activityMechanisms: [
      ["A1", "M1"],
      ["A1", "M2"],
      ["A3", "M3"],
      ["A4", "M4"],
      ["A2", "M5"],
      ["A2", "M6"],
      ["A4", "M7"],
      ["A1", "M8"],
    ],
  });

const over30Company = (): ProgrammeTheory =>
  build({
    title: "Borgere over 30 år: virksomhedsrettet indsats",
    source: SOURCE_KL,
    targetGroup: KL_OVER30_TARGET,
    finalGoals: [
      ["Borgeren er i job eller klar til job", "Ordinære timer, fleksjob eller jobparat.", "forslag", statuses("I job eller jobparat", [STATUS.jobparat, STATUS.ordinaereTimer, STATUS.fleksjob])],
      ["Borgeren er kommet tættere på arbejdsmarkedet", "", "kilde", statuses("Progression mod job", OUTCOME_PROGRESSION)],
    ],
    subGoals: [
      ["Borgeren kan møde stabilt på en arbejdsplads", "", "forslag", progression("Mødestabilitet på arbejdspladsen")],
      ["Borgeren kan løse arbejdsopgaver sammen med kolleger", "", "forslag", progression("Samarbejde om opgaver")],
      ["Borgeren kan pege på jobområder, der passer til egne ressourcer og begrænsninger", "", "forslag", progression("Realistiske jobområder")],
      ["Borgeren kan arbejde et stigende antal timer", "", "forslag", statuses("I praktik eller ordinære timer", [STATUS.iPraktik, STATUS.ordinaereTimer])],
    ],
    activities: [
      ["Forforløb i et aktivcenter", "For borgere, der endnu ikke er klar til et virksomhedsrettet tilbud.", "kilde"],
      ["Virksomhedsbesøg", "", "kilde"],
      ["Virksomhedspraktik", "", "kilde"],
      ["Løntilskud og ordinære timer", "Fokus på løntilskud og ordinært job allerede ved visitationen.", "kilde"],
      ["Tæt samarbejde med virksomhedskonsulenter og det lokale virksomhedsnetværk", "", "kilde"],
    ],
    mechanisms: KL_OVER30_MECHANISMS,
    links: [
      ["A1", "D1"],
      ["A2", "D3", "Borgeren ser konkrete job og kan vurdere, hvad der passer."],
      ["A3", "D1"],
      ["A3", "D2", "", ["M7"]],
      ["A4", "D4"],
      ["A5", "D3"],
      ["D1", "D2"],
      ["D2", "D4"],
      ["D3", "S1"],
      ["D4", "S1", "Flere timer på en arbejdsplads er vejen til job."],
      ["D1", "S2"],
      ["D4", "S2"],
    ],
    activityMechanisms: [
      ["A1", "M1"],
      ["A3", "M2"],
      ["A5", "M3"],
      ["A5", "M4"],
      ["A4", "M5"],
      ["A3", "M6"],
      ["A5", "M7"],
      ["A4", "M8"],
    ],
  });

// ---------------------------------------------------------------------------------------------

const sfiDisability = (): ProgrammeTheory =>
  build({
    title: "Sygemeldte og førtidspensionister med handicap: jobcentrets indsats",
    source: SOURCE_SFI,
    targetGroup: {
      name: "Borgere med handicap på sygedagpenge eller førtidspension",
      description: "Borgere med en fysisk eller psykisk funktionsnedsættelse, der er sygemeldt eller på førtidspension, og som kan og vil arbejde (mere).",
      characteristics: [
        "Fysisk eller psykisk funktionsnedsættelse",
        "Sygemeldte med truet arbejdsevne",
        "Førtidspensionister, hvis vej til job i dag afhænger af eget initiativ",
        "Kender ofte ikke de handicapkompenserende ordninger",
      ],
      size: null,
      inclusion: ["Modtager sygedagpenge eller førtidspension", "Har en funktionsnedsættelse, der påvirker arbejdsevnen"],
      exclusion: ["Borgere, for hvem arbejde ikke er aktuelt under igangværende behandling"],
    },
    finalGoals: [
      ["Borgeren er fastholdt i eller vendt tilbage til arbejde", "", "kilde", statuses("Tilbage i arbejde", ["Raskmeldt til arbejde", "Delvist raskmeldt", STATUS.fleksjob])],
      ["Førtidspensionisten har fået job med løntilskud eller flere arbejdstimer", "", "kilde", statuses("Job som førtidspensionist", ["Job med løntilskud for førtidspensionister", STATUS.ordinaereTimer])],
    ],
    subGoals: [
      ["Borgeren kan beskrive sin funktionsevne og de arbejdsopgaver, der er mulige", "", "kilde", progression("Afklaret funktionsevne")],
      ["Borgeren kan pege på de kompenserende ordninger, der passer til behovet", "Personlig assistance, hjælpemidler, isbryderordning, fortrinsadgang, mentor.", "kilde", progression("Kendskab til ordninger")],
      ["Borgeren kan arbejde med den bevilgede kompensation", "", "forslag", progression("Arbejde med kompensation")],
      ["Borgeren kan genoptage arbejdet gradvist", "Fx ved delvis raskmelding.", "forslag", progression("Gradvis tilbagevenden")],
    ],
    activities: [
      ["Tæt opfølgning og grundig afklaring af funktionsevnen", "", "kilde"],
      ["Opsøgende og oplysende kontakt til førtidspensionister", "", "kilde"],
      ["Vejledning om og bevilling af handicapkompenserende ordninger", "Personlig assistance, hjælpemidler og arbejdspladsindretning, isbryderordning, fortrinsadgang.", "kilde"],
      ["Mentor på arbejdspladsen", "Introduktion, vejledning og oplæring i arbejdet.", "kilde"],
      ["Virksomhedskonsulentens kontakt til arbejdsgivere", "Bl.a. om § 56-aftaler og indretning af arbejdspladsen.", "kilde"],
    ],
    mechanisms: [
      ["Handicapnøgleperson med tid til at rådgive kolleger", "Opgaven hænger sammen med resten af nøglepersonens opgaver.", "kilde", "organisatoriske rammer"],
      ["Praksisnær viden om, hvornår og hvordan ordningerne bruges", "", "kilde", "kompetencer"],
      ["Tæt samarbejde mellem sagsbehandler og virksomhedskonsulent", "", "kilde", "organisatoriske rammer"],
      ["Tid og øremærkede ressourcer til indsatsen", "Især til den opsøgende indsats over for førtidspensionister.", "kilde", "ressourcer"],
      ["Sammenhængende og helhedsorienteret tilgang til borgeren", "", "kilde", "tilgange"],
      ["Systematisk vidensdeling i jobcentret", "Faste møder frem for tilfældig, uformel videndeling.", "kilde", "organisatoriske rammer"],
    ],
    links: [
      ["A1", "D1"],
      ["A2", "D2", "Mange førtidspensionister kender ikke mulighederne.", ["M4"]],
      ["A3", "D2"],
      ["A3", "D3", "", ["M2"]],
      ["A4", "D3"],
      ["A5", "D4"],
      ["A5", "D3"],
      ["D1", "D2"],
      ["D1", "D4"],
      ["D2", "D3"],
      ["D3", "S1"],
      ["D3", "S2"],
      ["D4", "S1"],
    ],
    activityMechanisms: [
      ["A1", "M5"],
      ["A2", "M4"],
      ["A3", "M1"],
      ["A3", "M2"],
      ["A5", "M3"],
      ["A3", "M6"],
    ],
  });

const otteBud = (): ProgrammeTheory =>
  build({
    title: "Borgere på kanten af arbejdsmarkedet",
    source: SOURCE_OTTE_BUD,
    targetGroup: {
      name: "Borgere på kanten af arbejdsmarkedet",
      description: "Borgere, der er i særlig risiko for at ende på førtidspension.",
      characteristics: [
        "Unge med psykiske lidelser",
        "Personer på langvarig kontanthjælp",
        "Pendlere mellem korte job og ydelser, og borgere overleveret fra sygedagpenge til kontanthjælp",
        "Midaldrende med diffuse lidelser, stress og depression",
      ],
      size: null,
      inclusion: ["På offentlig forsørgelse med begrænsninger i arbejdsevnen"],
      exclusion: ["Borgere, der allerede er tilkendt førtidspension"],
    },
    finalGoals: [
      ["Borgeren er afklaret til job eller uddannelse", "Jobparat, fleksjob, revalidering eller uddannelse.", "forslag", statuses("Afklaret til job/uddannelse", OUTCOME_CLARIFIED_JOB_EDUCATION)],
      ["Borgerens forsørgelse er afklaret", "Også en afklaring til førtidspension tæller – efter at alle veje til job er prøvet.", "forslag", statuses("Afklaret fra kontanthjælp", OUTCOME_CLARIFIED_OFF_BENEFIT)],
    ],
    subGoals: [
      ["Borgeren kan forklare formålet med og tidsplanen for sit forløb", "", "kilde", progression("Forstår sit forløb")],
      ["Borgeren kan samarbejde med sagsbehandleren om mål og delmål", "", "kilde", progression("Samarbejde om mål")],
      ["Borgeren kan gennemføre et afklaringsforløb uden afbrud", "", "kilde", progression("Gennemfører afklaring")],
      ["Borgeren kan håndtere sin lidelse med relevant behandling", "", "kilde", progression("Håndterer lidelse")],
      ["Borgeren kan fungere i en virksomhedspraktik med mentorstøtte", "", "kilde", statuses("I praktik", [STATUS.iPraktik])],
    ],
    activities: [
      ["Tidlig opsporing og et tidligt, målrettet udviklingsforløb", "Fokusfelt 1.", "kilde"],
      ["Socialfaglig rådgivning og stabil kontakt til samme sagsbehandler", "Fokusfelt 2.", "kilde"],
      ["Kontinuitetsplan lagt sammen med borgeren og de øvrige professionelle", "Fokusfelt 4 og 7.", "kilde"],
      ["Afklaringsforløb tilrettelagt sammen med borgeren", "Fokusfelt 5: tidspunkt og formål er tydelige.", "kilde"],
      ["Virksomhedspraktik med mentor på arbejdspladsen", "Fokusfelt 6.", "kilde"],
      ["Fælles plan og koordinering med læge, psykiatri og andre behandlere", "Fokusfelt 8.", "kilde"],
    ],
    mechanisms: [
      ["Tidlig og målrettet indsats", "Fokusfelt 1: Sæt tidligt ind.", "kilde", "tilgange"],
      ["Stærk kontakt og samarbejde med borgeren", "Fokusfelt 2.", "kilde", "tilgange"],
      ["Opdateret viden om lidelser og deres betydning for arbejde", "Fokusfelt 3.", "kilde", "kompetencer"],
      ["Et sammenhængende forløb uden huller", "Fokusfelt 4.", "kilde", "organisatoriske rammer"],
      ["Afklaringsforløb, som borgeren forstår og finder meningsfulde", "Fokusfelt 5.", "kilde", "tilgange"],
      ["Systematisk virksomhedskontakt og kvalificerede mentorer", "Fokusfelt 6.", "kilde", "ressourcer"],
      ["Sammenhæng på tværs af forvaltninger og ydelser", "Fokusfelt 7.", "kilde", "organisatoriske rammer"],
      ["Koordinering med de øvrige professionelle", "Fokusfelt 8.", "kilde", "organisatoriske rammer"],
    ],
    links: [
      ["A1", "D4"],
      ["A2", "D2", "", ["M2"]],
      ["A3", "D1", "Borgeren får forklaret forløbet – gerne mere end én gang.", ["M4"]],
      ["A3", "D3"],
      ["A4", "D3", "", ["M5"]],
      ["A5", "D5"],
      ["A6", "D4"],
      ["D1", "D2"],
      ["D2", "D3"],
      ["D4", "D3", "Behandling gør det muligt at gennemføre forløbet."],
      ["D3", "S1"],
      ["D3", "S2"],
      ["D5", "S1"],
    ],
    activityMechanisms: [
      ["A1", "M1"],
      ["A2", "M2"],
      ["A1", "M3"],
      ["A3", "M4"],
      ["A4", "M5"],
      ["A5", "M6"],
      ["A3", "M7"],
      ["A6", "M8"],
    ],
  });

const socialMedical = (): ProgrammeTheory =>
  build({
    title: "Tværfaglig socialmedicinsk indsats for aktivitetsparate kontanthjælpsmodtagere",
    source: SOURCE_SOCIAL_MEDICAL,
    targetGroup: {
      name: "Aktivitetsparate kontanthjælpsmodtagere",
      description: "Borgere på kontanthjælp, der er vurderet aktivitetsparate og har både helbredsmæssige og sociale problemer.",
      characteristics: ["Aktivitetsparat", "På offentlig forsørgelse i 1–5 år", "Sammensatte helbredsmæssige og sociale problemer"],
      size: null,
      inclusion: ["Aktivitetsparat kontanthjælpsmodtager", "På offentlig forsørgelse i 1–5 år"],
      exclusion: ["Borgere, hvis sag er forelagt rehabiliteringsteamet med indstilling om førtidspension"],
    },
    finalGoals: [
      ["Afklaret til job eller uddannelse", "Ordinært job, fleksjob, jobparat eller revalidering.", "forslag", statuses("Afklaret til job/uddannelse", OUTCOME_CLARIFIED_JOB_EDUCATION)],
      ["Afklaret fra kontanthjælp", "Afklaret til job eller uddannelse – eller til førtidspension.", "forslag", statuses("Afklaret fra kontanthjælp", OUTCOME_CLARIFIED_OFF_BENEFIT)],
    ],
    subGoals: [
      ["Borgeren kan forstå sine helbredsmæssige og sociale udfordringer og deres betydning for arbejde", "", "forslag", progression("Forståelse af egen situation")],
      ["Borgeren kan følge en plan, som borgeren selv har været med til at lægge", "", "forslag", progression("Følger egen plan")],
      ["Borgeren kan håndtere smerter, angst eller nedtrykthed i hverdagen", "", "forslag", progression("Håndtering af symptomer")],
      ["Borgeren kan klare fysisk aktivitet i stigende omfang", "", "forslag", progression("Fysisk funktionsevne")],
      ["Borgeren kan deltage i en virksomhedspraktik i et aftalt antal timer om ugen", "", "forslag", statuses("I praktik eller ordinære timer", [STATUS.iPraktik, STATUS.ordinaereTimer])],
    ],
    activities: [
      ["Fælles lægelig og social udredning inden for en måned", "Læge og socialrådgiver udreder sammen, hurtigt efter start.", "forslag"],
      ["Fast forløbskoordinator", "Én person, borgeren altid kan gå til, som holder sammen på forløbet.", "forslag"],
      ["Individuel handleplan", "Lægges sammen med borgeren på baggrund af udredningen.", "forslag"],
      ["Psykoedukation og terapi", "", "forslag"],
      ["Træning ledet af fysioterapeut", "", "forslag"],
      ["Virksomhedsrettet aktivitet", "Praktik med gradvis optrapning af timer.", "forslag"],
    ],
    mechanisms: [
      ["Helhedsorienteret bio-psyko-social forståelse", "Krop, psyke og sociale forhold ses i sammenhæng.", "forslag", "tilgange"],
      ["Ressourceorientering", "Fokus på det, borgeren kan, frem for på problemerne.", "kilde", "tilgange"],
      ["Hurtig adgang til udredning og behandling", "", "forslag", "ressourcer"],
      ["Én gennemgående koordinator", "", "forslag", "organisatoriske rammer"],
      ["Tværfagligt team", "Læge, socialrådgiver, psykolog og fysioterapeut arbejder mod fælles mål.", "kilde", "organisatoriske rammer"],
    ],
    links: [
      ["A1", "D1", "Fælles udredning giver borgeren én samlet forklaring.", ["M1", "M5"]],
      ["A2", "D2", "", ["M4"]],
      ["A3", "D2"],
      ["A4", "D1"],
      ["A4", "D3"],
      ["A5", "D4"],
      ["A5", "D3"],
      ["A6", "D5", "", ["M2"]],
      ["D1", "D2"],
      ["D2", "D5"],
      ["D3", "D5"],
      ["D4", "D5"],
      ["D5", "S1", "Praktikken afprøver arbejdsevnen i praksis."],
      ["D5", "S2"],
      ["D1", "S2", "Udredningen kan også vise, at job ikke er realistisk."],
    ],
    activityMechanisms: [
      ["A1", "M1"],
      ["A1", "M3"],
      ["A1", "M5"],
      ["A2", "M4"],
      ["A3", "M2"],
      ["A4", "M1"],
      ["A5", "M3"],
      ["A6", "M2"],
    ],
  });

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: "kl-unge-helhed",
    title: { da: "Unge: helhedsorienteret forløb med afklaring og opkvalificering", en: "Young people: holistic course with clarification and upskilling" },
    description: {
      da: "KL's eksempel for udsatte unge: et forløb sammensat af de elementer, den unge har brug for, med uddannelse eller job som mål.",
      en: "KL's example for vulnerable young people: a course built from the elements the young person needs, aiming at education or a job.",
    },
    source: SOURCE_KL,
    build: youngHolistic,
  },
  {
    id: "kl-unge-virksomhed",
    title: { da: "Unge: virksomhedsrettet indsats", en: "Young people: company-based effort" },
    description: {
      da: "KL's eksempel for udsatte unge: afklarings- og træningspraktik på rigtige arbejdspladser.",
      en: "KL's example for vulnerable young people: clarification and training placements at real workplaces.",
    },
    source: SOURCE_KL,
    build: youngCompany,
  },
  {
    id: "kl-over30-helhed",
    title: { da: "Borgere over 30 år: helhedsorienteret afklaring og kompetenceudvikling", en: "Citizens over 30: holistic clarification and competence development" },
    description: {
      da: "KL's eksempel for udsatte borgere over 30 år: samtaler, hverdagsmestring, koordineret behandling og opkvalificering.",
      en: "KL's example for vulnerable citizens over 30: meetings, everyday coping, coordinated treatment and upskilling.",
    },
    source: SOURCE_KL,
    build: over30Holistic,
  },
  {
    id: "kl-over30-virksomhed",
    title: { da: "Borgere over 30 år: virksomhedsrettet indsats", en: "Citizens over 30: company-based effort" },
    description: {
      da: "KL's eksempel for udsatte borgere over 30 år: forforløb, virksomhedspraktik og løntilskud i tæt samarbejde med virksomhederne.",
      en: "KL's example for vulnerable citizens over 30: a preparatory course, work placements and wage subsidy in close cooperation with companies.",
    },
    source: SOURCE_KL,
    build: over30Company,
  },
  {
    id: "sfi-handicap",
    title: { da: "Sygemeldte og førtidspensionister med handicap", en: "People with disabilities on sickness benefit or disability pension" },
    description: {
      da: "Jobcentrets indsats med afklaring af funktionsevne og handicapkompenserende ordninger (SFI).",
      en: "The jobcentre effort with assessment of work capacity and disability compensation schemes (SFI).",
    },
    source: SOURCE_SFI,
    build: sfiDisability,
  },
  {
    id: "otte-bud",
    title: { da: "Borgere på kanten af arbejdsmarkedet (Otte bud)", en: "Citizens at the edge of the labour market (Eight proposals)" },
    description: {
      da: "En indsats bygget på de otte fokusfelter fra AKF's inspirationskatalog.",
      en: "An effort built on the eight focus fields of AKF's inspiration catalogue.",
    },
    source: SOURCE_OTTE_BUD,
    build: otteBud,
  },
  {
    id: "socialmedicinsk",
    title: { da: "Tværfaglig socialmedicinsk indsats", en: "Interdisciplinary social-medical effort" },
    description: {
      da: "For aktivitetsparate kontanthjælpsmodtagere: fælles lægelig og social udredning, koordinator, handleplan, terapi, træning og praktik.",
      en: "For activity-ready cash-benefit recipients: joint medical and social assessment, coordinator, action plan, therapy, training and a work placement.",
    },
    source: SOURCE_SOCIAL_MEDICAL,
    build: socialMedical,
  },
];

export function templateById(id: string): TemplateInfo | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
