/** Danish and English texts of the Sammenligning pane. Both languages have the same keys. */
import type { Dictionary } from "../i18n";
import { TERMS } from "../../core/vocabulary";

export interface ComparisonStrings {
  intro: string;
  loading: string;
  stepData: string;
  stepOutcomes: string;
  stepRun: string;
  source: string;
  sourcePick: string;
  sourcePickPlaceholder: string;
  useSelection: string;
  sheetOption: (name: string) => string;
  tableOption: (name: string, sheet: string) => string;
  rangeInfo: (address: string, rows: number) => string;
  headerRow: (row: number) => string;
  noData: string;
  layout: string;
  layoutWide: string;
  layoutLong: string;
  roles: string;
  column: string;
  role: string;
  detail: string;
  roleIgnore: string;
  roleId: string;
  roleGroup: string;
  roleBaseline: string;
  roleStatus: string;
  roleTime: string;
  roleLongStatus: string;
  typeCategorical: string;
  typeContinuous: string;
  month: string;
  monthLabel: (m: number) => string;
  groups: string;
  groupsHelp: string;
  groupIntervention: string;
  groupControl: string;
  groupUnmapped: string;
  unmappedWarning: (n: number) => string;
  /** Groups from the "Randomisering" sheet (issue 21 item 2). */
  trialSource: string;
  trialSourceHelp: string;
  trialStrata: string;
  trialMatched: (n: number, strata: number) => string;
  trialReading: string;
  count: (n: number) => string;
  statuses: string;
  statusesHelp: string;
  statusBlank: string;
  classValid: string;
  classNotFollowedUp: string;
  classMovedAway: string;
  classExcluded: string;
  classNone: string;
  unclassifiedWarning: (labels: string) => string;
  outcomes: string;
  outcomesHelp: string;
  outcomeName: string;
  outcomeStatuses: string;
  addOutcome: string;
  removeOutcome: (name: string) => string;
  newOutcomeName: (n: number) => string;
  useSuggestions: string;
  useTheory: string;
  theoryFound: (n: number) => string;
  outcomeNoStatuses: (name: string) => string;
  notInData: string;
  includedStatuses: (list: string) => string;
  analyses: string;
  analysesHelp: string;
  analysisName: string;
  analysisNew: string;
  analysisDuplicate: string;
  analysisRename: string;
  analysisDelete: string;
  analysisDeleteConfirm: (name: string, sheet: string) => string;
  cancel: string;
  analysisNoData: string;
  analysisSheet: (sheet: string) => string;
  table1: string;
  report: string;
  effortName: string;
  headline: string;
  headlineAuto: string;
  headlineOption: (outcome: string, month: number) => string;
  strata: string;
  strataHelp: string;
  adjust: string;
  adjustHelp: string;
  adjustCovariates: string;
  numericOutcome: string;
  numericHelp: string;
  numericColumn: string;
  numericBaseline: string;
  numericNone: string;
  numericCovariates: string;
  table1Help: string;
  table1Summary: string;
  table1Cuts: string;
  summaryAuto: string;
  summaryMeanSd: string;
  summaryMedianIqr: string;
  summaryMedianRange: string;
  problems: string;
  testPolicy: string;
  policyAuto: string;
  policyAutoHelp: string;
  policyPearson: string;
  policyPearsonHelp: string;
  policyFisher: string;
  policyFisherHelp: string;
  policyYates: string;
  policyYatesHelp: string;
  baselineP: string;
  consortNote: string;
  save: string;
  saved: string;
  run: string;
  rerun: string;
  running: string;
  /** The progress line of a long calculation: what is computed, seconds so far, share of its budget. */
  runningStep: (what: string | null, seconds: number, percent: number | null) => string;
  cancelRun: string;
  cancelled: string;
  written: (sheet: string) => string;
  summary: string;
  summaryAt: (month: number) => string;
  intervention: string;
  control: string;
  warnings: string;
  restored: (when: string) => string;
  rerunRule: string;
  /** Kør igen while the setup in the pane has unsaved changes that are not ready to run. */
  rerunNeedsRun: string;
  /** Button that deletes stored settings that cannot be used. */
  reset: string;
  identifying: {
    title: string;
    intro: string;
    reason: (kind: "status" | "group" | "category", reason: "oneCitizen" | "freeText", cell: string) => string;
    confirm: string;
    other: string;
    blocking: string;
  };
  notCpr: {
    offer: (name: string) => string;
    confirmText: (name: string) => string;
    confirm: string;
    cancel: string;
  };
  stored: {
    show: string;
    title: string;
    none: string;
    size: (chars: number) => string;
    describe: (key: string) => string;
    remove: string;
    removeAll: string;
    registerNote: string;
  };
  /** Columns found by header at another position ("Kør igen" after columns were inserted or moved). */
  columnsMoved: (names: string) => string;
}

export const comparisonStrings: Dictionary<ComparisonStrings> = {
  da: {
    intro: "Sammenlign indsatsgruppe og kontrolgruppe ved opfølgning. Resultatet skrives i arket \u201cSammenligning\u201d; dine egne ark ændres ikke.",
    loading: "Læser data …",
    stepData: "1. Data",
    stepOutcomes: `2. ${TERMS.outcomes.da}`,
    stepRun: "3. Beregn",
    source: "Datakilde",
    sourcePick: "Ark eller tabel",
    sourcePickPlaceholder: "Vælg ark eller tabel",
    useSelection: "Brug markering",
    sheetOption: (name) => `Ark: ${name}`,
    tableOption: (name, sheet) => `Tabel: ${name} (${sheet})`,
    rangeInfo: (address, rows) => `Område: ${address} (${rows} rækker med data)`,
    headerRow: (row) => `Overskrifter fundet i række ${row}.`,
    noData: "Markér en celle i dine data, eller vælg et ark eller en tabel.",
    layout: TERMS.dataLayout.da,
    layoutWide: "Bred: én statuskolonne pr. tidspunkt",
    layoutLong: "Lang: én række pr. borger og tidspunkt (ID, tid, status)",
    roles: "Kolonnernes roller",
    column: "Kolonne",
    role: "Rolle",
    detail: "Type / måned",
    roleIgnore: "Bruges ikke",
    roleId: "ID",
    roleGroup: "Gruppe",
    roleBaseline: "Baggrundsvariabel",
    roleStatus: "Status ved tidspunkt",
    roleTime: "Tidspunkt (måned)",
    roleLongStatus: "Status",
    typeCategorical: "Kategorisk",
    typeContinuous: "Kontinuert",
    month: "Måned",
    monthLabel: (m) => `${m} mdr.`,
    groups: "Grupper",
    groupsHelp: "Hvilke værdier i gruppekolonnen betyder indsatsgruppe og kontrolgruppe? Store/små bogstaver og mellemrum betyder ikke noget.",
    groupIntervention: TERMS.intervention.da,
    groupControl: TERMS.control.da,
    groupUnmapped: "Ikke tildelt",
    trialSource: "Grupper fra arket Randomisering (som randomiseret)",
    trialSourceHelp: "Borgerne findes på arket Randomisering ved ID og analyseres i den gruppe, de blev randomiseret til (intention to treat). Borgere, der afslog, og reserver, der ikke blev kaldt ind, er ikke med. Gruppekolonnen i data bruges kun til at tælle afvigelser.",
    trialStrata: "Stratificér efter randomiseringens strata (også udgangspunktet for den justerede analyse)",
    trialMatched: (n, strata) => `${n} borgere i forsøget fundet i data${strata > 1 ? `, ${strata} strata` : ""}.`,
    trialReading: "Læser arket Randomisering …",
    unmappedWarning: (n) =>
      n === 1
        ? "1 gruppeværdi er ikke knyttet til en gruppe. Vælg indsatsgruppe eller kontrolgruppe for den, eller ret dataene, før du beregner:"
        : `${n} gruppeværdier er ikke knyttet til en gruppe. Vælg indsatsgruppe eller kontrolgruppe for hver, eller ret dataene, før du beregner:`,
    count: (n) => `${n} borgere pr. tidspunkt i alt`,
    statuses: `${TERMS.statuses.da} i data`,
    statusesHelp: "Angiv for hver status, om den er en gyldig opfølgning. Tom celle betyder \u201cikke fulgt op endnu\u201d. Tallet ved hver status er borgere pr. tidspunkt lagt sammen over alle tidspunkter (en borger med status \u201cKontanthjælp\u201d ved 0 og 6 mdr. tæller 2).",
    statusBlank: "(tom)",
    classValid: TERMS.classValid.da,
    classNotFollowedUp: TERMS.classNotFollowedUp.da,
    classMovedAway: TERMS.classMovedAway.da,
    classExcluded: TERMS.classExcluded.da,
    classNone: "Vælg …",
    unclassifiedWarning: (labels) => `Disse statusser er ikke klassificeret: ${labels}. Vælg en klasse for hver, før du beregner.`,
    outcomes: TERMS.outcomes.da,
    outcomesHelp: "Et udfald er nået, når borgeren har en af de afkrydsede statusser.",
    outcomeName: "Navn",
    outcomeStatuses: "Statusser der tæller som nået",
    addOutcome: "Tilføj udfald",
    removeOutcome: (name) => `Fjern udfaldet ${name}`,
    newOutcomeName: (n) => `${TERMS.outcome.da} ${n}`,
    useSuggestions: "Brug de fire forslag",
    useTheory: "Hent fra programteorien",
    theoryFound: (n) => `Programteorien har ${n} indikator${n === 1 ? "" : "er"} med statusser.`,
    outcomeNoStatuses: (name) => `${TERMS.outcome.da}et \u201c${name}\u201d har ingen statusser.`,
    notInData: "(findes ikke i data)",
    includedStatuses: (list) => `Tæller som nået: ${list}`,
    analyses: "Analyser",
    analysesHelp: "En projektmappe kan have flere sammenligninger, hver med egne data, indstillinger og resultatark.",
    analysisName: "Navn på analysen",
    analysisNew: "Ny analyse",
    analysisDuplicate: "Dupliker",
    analysisRename: "Omdøb",
    analysisDelete: "Slet",
    analysisDeleteConfirm: (name, sheet) => `Slet analysen “${name}”? Dens indstillinger slettes; arket “${sheet}” bliver stående.`,
    cancel: "Annuller",
    analysisNoData: "Vælg først data til analysen under “1. Data”.",
    analysisSheet: (sheet) => `Resultatark: ${sheet}`,
    table1: "Tabel 1",
    report: "Arkets overskrift og hovedresultat",
    effortName: "Indsatsens navn (i arkets titel)",
    headline: "Hovedresultat",
    headlineAuto: "Automatisk: første resultatmål, seneste opfølgning",
    headlineOption: (outcome, month) => `${outcome}, ${month} mdr.`,
    strata: "Stratificering (valgfri)",
    adjust: "Justér for baggrundsvariable (logistisk regression)",
    adjustHelp: "Arket viser da også en justeret analyse ved siden af den ujusterede (som er den primære): justeret oddsratio og standardiserede risici. Som udgangspunkt justeres for stratifikationsvariablene, ellers for Tabel 1's variable.",
    adjustCovariates: "Baggrundsvariable at justere for",
    numericOutcome: "Numerisk resultatmål med justeret analyse (ANCOVA)",
    numericHelp: "En kolonne med tal efter inklusion (fx en score). Arket viser forskellen i gennemsnit ujusteret (Welchs t-test, den primære) og ved siden af justeret for udgangsniveauet og de valgte baggrundsvariable (lineær regression).",
    numericColumn: "Resultatmål (kolonne med tal)",
    numericBaseline: "Udgangsniveau (kolonne med tal ved start)",
    numericNone: "(vælg kolonne)",
    numericCovariates: "Også justere for",
    strataHelp: "Var randomiseringen stratificeret (fx køn × alder under/over 30), så vælg variablerne: arket viser da også Cochran–Mantel–Haenszels test og Mantel–Haenszels forskel og oddsratio på tværs af strata.",
    table1Help: "Resumé pr. kontinuert variabel og evt. skæringspunkter til grupper (fx 30 giver < 30 og ≥ 30); data ændres ikke.",
    table1Summary: "Resumé",
    table1Cuts: "Skæringspunkter",
    summaryAuto: "Automatisk",
    summaryMeanSd: "Gennemsnit (SD)",
    summaryMedianIqr: "Median (IQR)",
    summaryMedianRange: "Median (min–maks)",
    problems: "Ret dette i dataene, før du beregner:",
    testPolicy: "Test",
    policyAuto: "Automatisk (anbefalet)",
    policyAutoHelp: "Pearsons χ², men Fishers eksakte test når en forventet celleværdi er under 5.",
    policyPearson: "Pearsons χ² (som SAS)",
    policyPearsonHelp: "χ² uden kontinuitetskorrektion, som SAS PROC FREQ \u201cChi-Square\u201d.",
    policyFisher: "Fishers eksakte test",
    policyFisherHelp: "Eksakt p-værdi; god ved små grupper.",
    policyYates: "χ² med Yates' korrektion",
    policyYatesHelp: "Kontinuitetskorrigeret χ², som R's chisq.test som standard.",
    baselineP: "Vis p-værdier i baggrundstabellen",
    consortNote: "CONSORT fraråder signifikanstest af forskelle ved baseline i randomiserede forsøg; se hellere på de standardiserede forskelle.",
    save: "Gem indstillinger",
    saved: "Indstillingerne er gemt i projektmappen.",
    run: "Beregn",
    rerun: "Kør igen",
    running: "Beregner …",
    runningStep: (what, seconds, percent) => `Beregner …${what ? ` ${what}` : ""}${percent === null ? "" : ` (${percent} % af tidsbudgettet)`} · ${seconds} s`,
    cancelRun: "Annullér",
    cancelled: "Beregningen er annulleret. Intet er skrevet i projektmappen.",
    written: (sheet) => `Resultatet er skrevet i arket \u201c${sheet}\u201d.`,
    summary: "Resumé",
    summaryAt: (month) => `Ved ${month} mdr.`,
    intervention: "Indsats",
    control: "Kontrol",
    warnings: "Bemærk",
    restored: (when) => `Gemte indstillinger indlæst${when ? ` (${when})` : ""}.`,
    rerunRule: "\u201cKør igen\u201d læser det gemte område igen fra overskriftsrækken og nedad, så rækker tilføjet under dataene kommer med, og finder kolonnerne ved deres overskrift, hvis de er flyttet.",
    reset: "Nulstil",
    identifying: {
      title: "Værdier, der kan udpege en borger",
      intro: "Disse værdier står kun hos én borger eller ligner fritekst (fx et navn). De bliver ikke gemt eller skrevet på resultatarket, før du har taget stilling: bekræft, at det er en rigtig kategori, eller tæl den med som “Andet”.",
      reason: (kind, reason, cell) =>
        `${kind === "status" ? "Status" : kind === "group" ? "Gruppe" : "Kategori"}, ${reason === "oneCitizen" ? "kun hos én borger" : "ligner fritekst eller et navn"} (første gang i ${cell})`,
      confirm: "Bekræft",
      other: "Tæl som “Andet”",
      blocking: "Tag stilling til værdierne, der ligner fritekst eller navne, før du beregner.",
    },
    notCpr: {
      offer: (name) => `Kolonnen \u201c${name}\u201d indeholder ikke CPR-numre …`,
      confirmText: (name) =>
        `Bekræft, at du har tjekket kolonnen \u201c${name}\u201d, og at den ikke indeholder CPR-numre (fx fordi det er sagsnumre). Kolonnen bliver så ikke tjekket for CPR-numre, og din bekræftelse står i resultatarkets hoved.`,
      confirm: "Bekræft: ikke CPR-numre",
      cancel: "Annullér",
    },
    stored: {
      show: "Vis data gemt i projektmappen",
      title: "Data, som Virkning har gemt i projektmappen (skjult i indstillingerne, gemmes med filen)",
      none: "Virkning har ikke gemt noget i projektmappen.",
      size: (n) => `${n.toLocaleString("da-DK")} tegn`,
      describe: (k) =>
        k === "virkning.comparison" ? "Indstillinger for sammenligningen" : k === "virkning.ownedSheets" ? "Liste over ark, som Virkning har lavet" : k.includes("#") ? "Del af en lang værdi" : "Andre indstillinger",
      remove: "Slet",
      removeAll: "Slet alt undtagen listen over Virknings ark",
      registerNote: "Listen indeholder kun arknavne. Slettes den, kan Virkning ikke længere genkende og opdatere sine egne ark.",
    },
    rerunNeedsRun: "Du har ændret opsætningen, siden den blev gemt, og den er ikke klar til at blive beregnet. Ret det, der er markeret ovenfor, og tryk på \u201cBeregn\u201d (det gemmer også opsætningen). \u201cKør igen\u201d kører kun en gemt opsætning.",
    columnsMoved: (names) => `Kolonner fundet ved deres overskrift, fordi de er flyttet: ${names}.`,
  },
  en: {
    intro: "Compare the intervention group with the control group at follow-up. The result is written to the sheet \u201cSammenligning\u201d; your own sheets are not changed.",
    loading: "Reading data …",
    stepData: "1. Data",
    stepOutcomes: `2. ${TERMS.outcomes.en}`,
    stepRun: "3. Calculate",
    source: "Data source",
    sourcePick: "Sheet or table",
    sourcePickPlaceholder: "Choose a sheet or table",
    useSelection: "Use selection",
    sheetOption: (name) => `Sheet: ${name}`,
    tableOption: (name, sheet) => `Table: ${name} (${sheet})`,
    rangeInfo: (address, rows) => `Range: ${address} (${rows} data rows)`,
    headerRow: (row) => `Headers found in row ${row}.`,
    noData: "Select a cell in your data, or choose a sheet or a table.",
    layout: TERMS.dataLayout.en,
    layoutWide: "Wide: one status column per time point",
    layoutLong: "Long: one row per citizen and time point (ID, time, status)",
    roles: "Column roles",
    column: "Column",
    role: "Role",
    detail: "Type / month",
    roleIgnore: "Not used",
    roleId: "ID",
    roleGroup: "Group",
    roleBaseline: "Baseline variable",
    roleStatus: "Status at time point",
    roleTime: "Time point (month)",
    roleLongStatus: "Status",
    typeCategorical: "Categorical",
    typeContinuous: "Continuous",
    month: "Month",
    monthLabel: (m) => `${m} months`,
    groups: "Groups",
    groupsHelp: "Which values of the group column mean indsatsgruppe (intervention) and kontrolgruppe (control)? Case and spaces do not matter.",
    groupIntervention: "Indsatsgruppe (intervention)",
    groupControl: "Kontrolgruppe (control)",
    groupUnmapped: "Not assigned",
    trialSource: "Groups from the sheet Randomisering (as randomised)",
    trialSourceHelp: "Citizens are found on the sheet Randomisering by ID and analysed in the group they were randomised to (intention to treat). Citizens who declined and reserves never called in are not included. The data's group column is only used to count differences.",
    trialStrata: "Stratify by the randomisation's strata (also the default of the adjusted analysis)",
    trialMatched: (n, strata) => `${n} citizens in the trial found in the data${strata > 1 ? `, ${strata} strata` : ""}.`,
    trialReading: "Reading the sheet Randomisering …",
    unmappedWarning: (n) =>
      n === 1
        ? "1 group value is not mapped to a group. Choose the intervention or control group for it, or correct the data, before calculating:"
        : `${n} group values are not mapped to a group. Choose the intervention or control group for each, or correct the data, before calculating:`,
    count: (n) => `${n} citizens per time point in total`,
    statuses: "Statuses in the data",
    statusesHelp: "For each status, say whether it is a valid follow-up. An empty cell means \u201cnot followed up yet\u201d. The number by each status is citizens per time point added over all time points (a citizen with \u201cKontanthjælp\u201d at 0 and 6 months counts 2).",
    statusBlank: "(empty)",
    classValid: "Valid",
    classNotFollowedUp: "Not followed up yet",
    classMovedAway: TERMS.classMovedAway.en,
    classExcluded: TERMS.classExcluded.en,
    classNone: "Choose …",
    unclassifiedWarning: (labels) => `These statuses are not classified: ${labels}. Choose a class for each before calculating.`,
    outcomes: TERMS.outcomes.en,
    outcomesHelp: "An outcome is reached when the citizen has one of the ticked statuses.",
    outcomeName: "Name",
    outcomeStatuses: "Statuses that count as reached",
    addOutcome: "Add outcome",
    removeOutcome: (name) => `Remove the outcome ${name}`,
    newOutcomeName: (n) => `Outcome ${n}`,
    useSuggestions: "Use the four suggestions",
    useTheory: "Take from the programme theory",
    theoryFound: (n) => `The programme theory has ${n} indicator${n === 1 ? "" : "s"} with statuses.`,
    outcomeNoStatuses: (name) => `The outcome \u201c${name}\u201d has no statuses.`,
    notInData: "(not in the data)",
    includedStatuses: (list) => `Counts as reached: ${list}`,
    analyses: "Analyses",
    analysesHelp: "A workbook can hold several comparisons, each with its own data, settings and results sheet.",
    analysisName: "Name of the analysis",
    analysisNew: "New analysis",
    analysisDuplicate: "Duplicate",
    analysisRename: "Rename",
    analysisDelete: "Delete",
    analysisDeleteConfirm: (name, sheet) => `Delete the analysis “${name}”? Its settings are deleted; the sheet “${sheet}” stays.`,
    cancel: "Cancel",
    analysisNoData: "First choose the data for the analysis under “1. Data”.",
    analysisSheet: (sheet) => `Results sheet: ${sheet}`,
    table1: "Table 1",
    report: "Sheet title and headline result",
    effortName: "Name of the effort (in the sheet's title)",
    headline: "Headline result",
    headlineAuto: "Automatic: first outcome, latest follow-up",
    headlineOption: (outcome, month) => `${outcome}, ${month} months`,
    strata: "Stratification (optional)",
    adjust: "Adjust for baseline variables (logistic regression)",
    adjustHelp: "The sheet then also shows an adjusted analysis beside the unadjusted one (which is the primary one): adjusted odds ratio and standardised risks. By default it adjusts for the stratification variables, else for Table 1's variables.",
    adjustCovariates: "Baseline variables to adjust for",
    numericOutcome: "Numeric outcome with adjusted analysis (ANCOVA)",
    numericHelp: "A column of numbers after inclusion (e.g. a score). The sheet shows the difference in means unadjusted (Welch's t-test, the primary one) and beside it adjusted for the baseline and the chosen baseline variables (linear regression).",
    numericColumn: "Outcome (column of numbers)",
    numericBaseline: "Baseline (column of numbers at the start)",
    numericNone: "(choose a column)",
    numericCovariates: "Also adjust for",
    strataHelp: "If randomisation was stratified (e.g. sex × age under/over 30), choose the variables: the sheet then also shows the Cochran–Mantel–Haenszel test and the Mantel–Haenszel difference and odds ratio across strata.",
    table1Help: "Summary per continuous variable and optional cut points for groups (e.g. 30 gives < 30 and ≥ 30); the data are not changed.",
    table1Summary: "Summary",
    table1Cuts: "Cut points",
    summaryAuto: "Automatic",
    summaryMeanSd: "Mean (SD)",
    summaryMedianIqr: "Median (IQR)",
    summaryMedianRange: "Median (min–max)",
    problems: "Correct this in the data before calculating:",
    testPolicy: "Test",
    policyAuto: "Automatic (recommended)",
    policyAutoHelp: "Pearson's χ², but Fisher's exact test when an expected cell count is below 5.",
    policyPearson: "Pearson's χ² (as SAS)",
    policyPearsonHelp: "χ² without continuity correction, as SAS PROC FREQ \u201cChi-Square\u201d.",
    policyFisher: "Fisher's exact test",
    policyFisherHelp: "Exact p-value; good for small groups.",
    policyYates: "χ² with Yates' correction",
    policyYatesHelp: "Continuity-corrected χ², as R's chisq.test by default.",
    baselineP: "Show p-values in the baseline table",
    consortNote: "CONSORT advises against significance tests of baseline differences in randomised trials; look at the standardised differences instead.",
    save: "Save settings",
    saved: "The settings are saved in the workbook.",
    run: "Calculate",
    rerun: "Run again",
    running: "Calculating …",
    runningStep: (what, seconds, percent) => `Calculating …${what ? ` ${what}` : ""}${percent === null ? "" : ` (${percent}% of the time budget)`} · ${seconds} s`,
    cancelRun: "Cancel",
    cancelled: "The calculation was cancelled. Nothing was written to the workbook.",
    written: (sheet) => `The result is written to the sheet \u201c${sheet}\u201d.`,
    summary: "Summary",
    summaryAt: (month) => `At ${month} months`,
    intervention: "Intervention",
    control: "Control",
    warnings: "Note",
    restored: (when) => `Saved settings loaded${when ? ` (${when})` : ""}.`,
    rerunRule: "\u201cRun again\u201d reads the saved range again from the header row down, so rows added below the data are included, and finds the columns by their header if they have moved.",
    reset: "Reset",
    identifying: {
      title: "Values that may single out a citizen",
      intro: "These values occur for one citizen only or look like free text (e.g. a name). They are not stored or written to the results sheet until you decide: confirm that it is a real category, or count it as “Andet” (other).",
      reason: (kind, reason, cell) =>
        `${kind === "status" ? "Status" : kind === "group" ? "Group" : "Category"}, ${reason === "oneCitizen" ? "one citizen only" : "looks like free text or a name"} (first in ${cell})`,
      confirm: "Confirm",
      other: "Count as “Andet”",
      blocking: "Decide on the values that look like free text or names before calculating.",
    },
    notCpr: {
      offer: (name) => `The column \u201c${name}\u201d holds no CPR numbers …`,
      confirmText: (name) =>
        `Confirm that you have checked the column \u201c${name}\u201d and that it holds no CPR numbers (e.g. because they are case numbers). The column is then not checked for CPR numbers, and your confirmation is shown in the results sheet's header.`,
      confirm: "Confirm: not CPR numbers",
      cancel: "Cancel",
    },
    stored: {
      show: "Show data stored in the workbook",
      title: "Data Virkning has stored in the workbook (hidden in the settings, saved with the file)",
      none: "Virkning has stored nothing in the workbook.",
      size: (n) => `${n.toLocaleString("en-GB")} characters`,
      describe: (k) =>
        k === "virkning.comparison" ? "Settings of the comparison" : k === "virkning.ownedSheets" ? "List of the sheets Virkning made" : k.includes("#") ? "Part of a long value" : "Other settings",
      remove: "Delete",
      removeAll: "Delete all except the list of Virkning's sheets",
      registerNote: "The list holds sheet names only. If it is deleted, Virkning can no longer recognise and update its own sheets.",
    },
    rerunNeedsRun: "You have changed the setup since it was saved, and it is not ready to be calculated. Fix what is marked above and press \u201cCalculate\u201d (which also saves the setup). \u201cRun again\u201d only runs a saved setup.",
    columnsMoved: (names) => `Columns found by their header because they have moved: ${names}.`,
  },
};
