/** Danish and English texts of the Forsøgsdesign pane (the same domain words as the sheets). */
import type { Dictionary } from "../i18n";

export interface DesignStrings {
  intro: string;
  loading: string;
  randomTitle: string;
  list: string;
  listPlaceholder: string;
  listInfo: (address: string, n: number) => string;
  idColumn: string;
  strata: string;
  strataHelp: string;
  cuts: (column: string) => string;
  cutsPlaceholder: string;
  seed: string;
  seedHelp: string;
  newSeed: string;
  blockSize: string;
  pairs: string;
  fours: string;
  reserves: string;
  reservesHelp: string;
  protect: string;
  randomise: string;
  randomiseAgain: string;
  working: string;
  done: (sheet: string) => string;
  declineTitle: string;
  declineHelp: string;
  declineId: string;
  declinePlaceholder: string;
  decline: string;
  replaced: (declined: string, replacement: string, arm: string, stratum: number) => string;
  planTitle: string;
  planHelp: string;
  alpha: string;
  planMode: string;
  modeN: string;
  modePower: string;
  power: string;
  nPerGroup: string;
  outcome: string;
  timepoint: string;
  pControl: string;
  pIntervention: string;
  addRow: string;
  removeRow: (i: number) => string;
  writePlan: string;
  planWritten: (sheet: string) => string;
  badPercent: (field: string, row: number) => string;
  badNumber: (field: string) => string;
  badPositive: (field: string, row: number) => string;
  modeDifference: string;
  sides: string;
  twoSided: string;
  oneSided: string;
  dropout: string;
  kind: string;
  kindProportion: string;
  kindMean: string;
  kindTime: string;
  sd: string;
  difference: string;
  medianControl: string;
  hr: string;
  accrual: string;
  followUp: string;
  planHelpMean: string;
  planHelpTime: string;
  intervention: string;
  control: string;
}

export const designStrings: Dictionary<DesignStrings> = {
  da: {
    intro: "Fordel egnede borgere til indsatsgruppe og kontrolgruppe ved lodtrækning, så det kan efterprøves, og beregn hvor mange borgere forsøget skal have.",
    loading: "Læser indstillinger …",
    randomTitle: "1. Randomisering",
    list: "Liste over egnede borgere (ark)",
    listPlaceholder: "Vælg arket med listen …",
    listInfo: (address, n) => `Liste: ${address} (${n} borgere)`,
    idColumn: "ID-kolonne",
    strata: "Stratificér efter",
    strataHelp: "Borgerne lodtrækkes parvis inden for hvert stratum (fx køn × alder under/over 30). Tal deles ved skæringspunkter.",
    cuts: (c) => `Skæringspunkter for ${c}`,
    cutsPlaceholder: "fx 30 eller 25; 50",
    seed: "Seed",
    seedHelp: "Et helt tal fra 0 til 4294967295. Samme liste og samme seed giver altid samme fordeling.",
    newSeed: "Nyt seed",
    blockSize: "Blokstørrelse",
    pairs: "2 (parvis)",
    fours: "4",
    reserves: "Reserver pr. stratum",
    reservesHelp: "De sidste i hvert stratum er reserver og kaldes ind, når en fordelt borger afslår.",
    protect: "Beskyt arket Randomisering mod utilsigtede ændringer",
    randomise: "Randomisér",
    randomiseAgain: "Randomisér igen (erstatter fordelingen)",
    working: "Arbejder …",
    done: (sheet) => `Fordelingen er skrevet i arket "${sheet}".`,
    declineTitle: "Afslået",
    declineHelp: "Når en fordelt borger afslår, kaldes den næste reserve i samme stratum ind i samme gruppe. Det logges i revisionssporet.",
    declineId: "ID på borgeren, der har afslået",
    declinePlaceholder: "fx B017",
    decline: "Markér som afslået og kald næste ind",
    replaced: (d, r, arm, s) => `${d} er markeret som afslået. ${r} er kaldt ind i stedet (${arm}, stratum ${s}).`,
    planTitle: "2. Stikprøvestørrelse og styrke",
    planHelp: "Skriv de forventede andele, der når resultatmålet, i kontrolgruppen og indsatsgruppen for hvert resultatmål og tidspunkt.",
    alpha: "Signifikansniveau",
    planMode: "Beregn",
    modeN: "antal borgere pr. gruppe",
    modePower: "styrke for et givet antal",
    power: "Styrke",
    nPerGroup: "Borgere pr. gruppe",
    outcome: "Resultatmål",
    timepoint: "Opfølgning",
    pControl: "Kontrol, %",
    pIntervention: "Indsats, %",
    addRow: "Tilføj resultatmål",
    removeRow: (i) => `Fjern række ${i}`,
    writePlan: "Skriv stikprøveplan",
    planWritten: (sheet) => `Planen er skrevet i arket "${sheet}".`,
    badPercent: (f, r) => `Række ${r}: "${f}" skal være en procent mellem 0 og 100.`,
    badNumber: (f) => `"${f}" skal være et helt tal.`,
    badPositive: (f, r) => (r > 0 ? `Række ${r}: "${f}" skal være et tal større end 0.` : `"${f}" skal være et tal, mindst 0.`),
    modeDifference: "mindste forskel for et givet antal",
    sides: "Test",
    twoSided: "tosidet",
    oneSided: "ensidet",
    dropout: "Forventet frafald, %",
    kind: "Type af resultatmål",
    kindProportion: "Andel (fx i job eller uddannelse)",
    kindMean: "Gennemsnit (fx progressionsscore)",
    kindTime: "Tid til hændelse (fx til selvforsørgelse)",
    sd: "SD",
    difference: "Forskel",
    medianControl: "Median, uger",
    hr: "Hazard ratio",
    accrual: "Inklusionsperiode, uger",
    followUp: "Opfølgning efter sidste inklusion, uger",
    planHelpMean: "Skriv spredningen (SD) og den forventede forskel i gennemsnit mellem indsatsgruppe og kontrolgruppe for hvert resultatmål.",
    planHelpTime: "Skriv kontrolgruppens mediantid til hændelsen i uger og den forventede hazard ratio (over 1: hændelsen kommer hurtigere i indsatsgruppen).",
    intervention: "indsatsgruppen",
    control: "kontrolgruppen",
  },
  en: {
    intro: "Allocate eligible citizens to the intervention and control groups by a lottery that can be audited, and compute how many citizens the trial needs.",
    loading: "Reading settings …",
    randomTitle: "1. Randomisation",
    list: "List of eligible citizens (sheet)",
    listPlaceholder: "Choose the sheet with the list …",
    listInfo: (address, n) => `List: ${address} (${n} citizens)`,
    idColumn: "ID column",
    strata: "Stratify by",
    strataHelp: "Citizens are drawn in pairs within each stratum (e.g. sex × age under/over 30). Numbers are split at cut points.",
    cuts: (c) => `Cut points for ${c}`,
    cutsPlaceholder: "e.g. 30 or 25; 50",
    seed: "Seed",
    seedHelp: "A whole number from 0 to 4294967295. The same list and the same seed always give the same allocation.",
    newSeed: "New seed",
    blockSize: "Block size",
    pairs: "2 (pairs)",
    fours: "4",
    reserves: "Reserves per stratum",
    reservesHelp: "The last in each stratum are reserves, called in when an allocated citizen declines.",
    protect: "Protect the Randomisering sheet against accidental edits",
    randomise: "Randomise",
    randomiseAgain: "Randomise again (replaces the allocation)",
    working: "Working …",
    done: (sheet) => `The allocation is written on the sheet "${sheet}".`,
    declineTitle: "Declined",
    declineHelp: "When an allocated citizen declines, the next reserve in the same stratum is called in to the same group. This is logged in the audit trail.",
    declineId: "ID of the citizen who declined",
    declinePlaceholder: "e.g. B017",
    decline: "Mark as declined and call in the next",
    replaced: (d, r, arm, s) => `${d} is marked as declined. ${r} is called in instead (${arm}, stratum ${s}).`,
    planTitle: "2. Sample size and power",
    planHelp: "Enter the expected shares reaching the outcome in the control and intervention groups for each outcome and time point.",
    alpha: "Significance level",
    planMode: "Compute",
    modeN: "citizens per group",
    modePower: "power for a given number",
    power: "Power",
    nPerGroup: "Citizens per group",
    outcome: "Outcome",
    timepoint: "Follow-up",
    pControl: "Control, %",
    pIntervention: "Intervention, %",
    addRow: "Add outcome",
    removeRow: (i) => `Remove row ${i}`,
    writePlan: "Write sample-size plan",
    planWritten: (sheet) => `The plan is written on the sheet "${sheet}".`,
    badPercent: (f, r) => `Row ${r}: "${f}" must be a percentage between 0 and 100.`,
    badNumber: (f) => `"${f}" must be a whole number.`,
    badPositive: (f, r) => (r > 0 ? `Row ${r}: "${f}" must be a number above 0.` : `"${f}" must be a number, at least 0.`),
    modeDifference: "smallest difference for a given number",
    sides: "Test",
    twoSided: "two-sided",
    oneSided: "one-sided",
    dropout: "Expected drop-out, %",
    kind: "Kind of outcome",
    kindProportion: "Share (e.g. in job or education)",
    kindMean: "Mean (e.g. progression score)",
    kindTime: "Time to event (e.g. to self-support)",
    sd: "SD",
    difference: "Difference",
    medianControl: "Median, weeks",
    hr: "Hazard ratio",
    accrual: "Inclusion period, weeks",
    followUp: "Follow-up after the last inclusion, weeks",
    planHelpMean: "Enter the spread (SD) and the expected difference in means between the intervention and control groups for each outcome.",
    planHelpTime: "Enter the control group's median time to the event in weeks and the expected hazard ratio (above 1: the event comes sooner in the intervention group).",
    intervention: "intervention group",
    control: "control group",
  },
};
