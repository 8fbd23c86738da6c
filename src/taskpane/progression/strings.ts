/** Danish and English texts of the Progression pane. Domain words as on the sheets. */
import type { Dictionary } from "../i18n";
import { TERMS } from "../../core/vocabulary";

export interface ProgressionStrings {
  intro: string;
  loading: string;
  stepSheet: string;
  itemsFound: (n: number, names: string) => string;
  noItems: string;
  theoryChanged: (added: string, removed: string) => string;
  citizensFrom: string;
  fromComparison: (n: number) => string;
  fromComparisonNone: string;
  typed: string;
  typedLabel: string;
  typedHelp: string;
  startDate: string;
  startDateHelp: string;
  badDate: string;
  generate: string;
  update: string;
  generated: (rows: number) => string;
  unplaced: (n: number, list: string) => string;
  outsidePlan: (n: number) => string;
  stepRun: string;
  source: string;
  compareGroups: string;
  adjustForBaseline: string;
  transitions: string;
  testPolicy: string;
  rater: string;
  raterAuto: string;
  raterAll: string;
  raterBorger: string;
  raterCaseworker: string;
  raterOther: string;
  policyAuto: string;
  policyPearson: string;
  policyFisher: string;
  policyYates: string;
  run: string;
  rerun: string;
  restored: (sheet: string) => string;
  written: string;
  itemSummary: (id: string, improved: number, paired: number, p: string) => string;
  chainStep: string;
  chainHelp: string;
  chainMake: string;
  chainWritten: (supported: number, total: number, sheets: string[]) => string;
}

export const progressionStrings: Dictionary<ProgressionStrings> = {
  da: {
    intro: "Mål borgernes progression i delmålene: lav et målingsark ud fra programteoriens delmål, udfyld det ved hver runde, og beregn progressionen.",
    loading: "Læser projektmappen …",
    stepSheet: "1. Målingsark (Progressionsmåling)",
    itemsFound: (n, names) => `${n} delmål med skala i programteorien: ${names}.`,
    noItems: "Programteorien har ingen delmål med en skala. Tilføj en skala-indikator til et delmål under Programteori.",
    theoryChanged: (added, removed) => `Programteorien er ændret, siden målingsarket blev lavet${added ? ` (nye delmål: ${added})` : ""}${removed ? ` (fjernede delmål: ${removed})` : ""}. Tryk på "Opdater målingsark"; alle indtastninger bevares.`,
    citizensFrom: "Borgere",
    fromComparison: (n) => `Fra sammenligningens data (${n} borgere)`,
    fromComparisonNone: "Fra sammenligningens data (ikke sat op endnu)",
    typed: "Skriv borger-ID'er",
    typedLabel: "Borger-ID'er (ét pr. linje, evt. efterfulgt af ; og gruppe)",
    typedHelp: "Fx: B017;Indsats",
    startDate: "Startdato (runde 1)",
    startDateHelp: "dd-mm-åååå; de planlagte datoer følger delmålenes interval (normalt hver 6. uge).",
    badDate: "Startdatoen skal skrives som dd-mm-åååå.",
    generate: "Lav målingsark",
    update: "Opdater målingsark",
    generated: (rows) => `Målingsarket har ${rows} rækker. Alle indtastninger er bevaret.`,
    unplaced: (n, list) => `${n} score(r) hører til delmål, der ikke længere er i programteorien; de står nu i kolonnen Noter: ${list}.`,
    outsidePlan: (n) => `${n} række(r) ligger uden for planen (borgere eller runder, der ikke er med længere) og er bevaret nederst.`,
    stepRun: "2. Beregn progression",
    source: "Ark med scorer (borger-ID, runde og delmål)",
    compareGroups: "Sammenlign indsatsgruppe og kontrolgruppe",
    adjustForBaseline: "Justeret analyse (ANCOVA): score ved sidste runde justeret for første runde",
    transitions: "Statusskift fra sammenligningens sagsdata",
    testPolicy: "Test for andel forbedret",
    rater: "Vurderinger i tabellerne (Vurderet af)",
    raterAuto: "Automatisk (sagsbehandlerens, når flere har vurderet)",
    raterAll: "Alle rækker",
    raterBorger: "Borger",
    raterCaseworker: "Sagsbehandler",
    raterOther: "Anden aktør",
    policyAuto: "Automatisk (Fisher ved små forventede antal, ellers Pearson)",
    policyPearson: "Pearsons chi²-test",
    policyFisher: "Fishers eksakte test",
    policyYates: "Chi²-test med Yates' korrektion",
    run: "Beregn",
    rerun: "Kør igen",
    restored: (sheet) => `Gemte indstillinger: scorer fra arket ${sheet}.`,
    written: "Resultaterne står i arket Progression.",
    itemSummary: (id, improved, paired, p) => `${id}: ${improved} af ${paired} forbedret, p ${p}`,
    chainStep: `3. ${TERMS.chain.da}`,
    chainHelp: "Holder programteoriens kæde? Kobler scorerne på målingsarket med sammenligningens sagsdata, borger for borger (på ID).",
    chainMake: `Lav "${TERMS.chain.da}"`,
    chainWritten: (supported, total, sheets) => `${supported} af ${total} forbindelser fra delmål til slutmål er ${TERMS.linkSupported.da} i data. Se ${sheets.length > 1 ? "arkene" : "arket"} ${sheets.map((n) => `"${n}"`).join(" og ")}.`,
  },
  en: {
    intro: "Measure the citizens' progression on the sub-goals: make a measurement sheet from the programme theory's sub-goals, fill it in at each round, and compute the progression.",
    loading: "Reading the workbook …",
    stepSheet: "1. Measurement sheet (Progressionsmåling)",
    itemsFound: (n, names) => `${n} sub-goals with a scale in the programme theory: ${names}.`,
    noItems: "The programme theory has no sub-goal with a scale. Add a scale indicator to a sub-goal under Programme theory.",
    theoryChanged: (added, removed) => `The programme theory has changed since the measurement sheet was made${added ? ` (new sub-goals: ${added})` : ""}${removed ? ` (removed sub-goals: ${removed})` : ""}. Press "Update measurement sheet"; every entry is kept.`,
    citizensFrom: "Citizens",
    fromComparison: (n) => `From the comparison's data (${n} citizens)`,
    fromComparisonNone: "From the comparison's data (not set up yet)",
    typed: "Type citizen IDs",
    typedLabel: "Citizen IDs (one per line, optionally followed by ; and the group)",
    typedHelp: "E.g. B017;Indsats",
    startDate: "Start date (round 1)",
    startDateHelp: "dd-mm-yyyy; the planned dates follow the sub-goals' interval (usually every 6 weeks).",
    badDate: "Enter the start date as dd-mm-yyyy.",
    generate: "Make measurement sheet",
    update: "Update measurement sheet",
    generated: (rows) => `The measurement sheet has ${rows} rows. Every entry was kept.`,
    unplaced: (n, list) => `${n} score(s) belong to sub-goals no longer in the programme theory; they are now in the Noter column: ${list}.`,
    outsidePlan: (n) => `${n} row(s) are outside the plan (citizens or rounds no longer included) and were kept at the bottom.`,
    stepRun: "2. Compute progression",
    source: "Sheet with scores (citizen ID, round and sub-goals)",
    compareGroups: "Compare intervention and control group",
    adjustForBaseline: "Adjusted analysis (ANCOVA): score at the last round adjusted for the first round",
    transitions: "Status transitions from the comparison's case data",
    testPolicy: "Test for the share improved",
    rater: "Scores in the tables (Vurderet af)",
    raterAuto: "Automatic (the caseworker's, when several have scored)",
    raterAll: "All rows",
    raterBorger: "Citizen (Borger)",
    raterCaseworker: "Caseworker (Sagsbehandler)",
    raterOther: "Other body (Anden aktør)",
    policyAuto: "Automatic (Fisher for small expected counts, else Pearson)",
    policyPearson: "Pearson's chi-squared test",
    policyFisher: "Fisher's exact test",
    policyYates: "Chi-squared test with Yates' correction",
    run: "Compute",
    rerun: "Run again",
    restored: (sheet) => `Saved settings: scores from the sheet ${sheet}.`,
    written: "The results are on the sheet Progression.",
    itemSummary: (id, improved, paired, p) => `${id}: ${improved} of ${paired} improved, p ${p}`,
    chainStep: `3. ${TERMS.chain.en}`,
    chainHelp: "Does the programme theory's chain hold? Relates the scores on the measurement sheet to the comparison's case data, citizen by citizen (joined by ID).",
    chainMake: `Make "${TERMS.chain.da}"`,
    chainWritten: (supported, total, sheets) => `${supported} of ${total} links from sub-goals to final goals are ${TERMS.linkSupported.en} by the data. See ${sheets.length > 1 ? "the sheets" : "the sheet"} ${sheets.map((n) => `"${n}"`).join(" and ")}.`,
  },
};
