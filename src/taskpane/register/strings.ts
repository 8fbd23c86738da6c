/** Danish and English texts of the Registeropfølgning pane. Domain words from the one vocabulary, as on the sheets. */
import { TERMS } from "../../core/vocabulary";
import type { Dictionary } from "../i18n";

export interface RegisterStrings {
  intro: string;
  loading: string;
  restored: (sheet: string) => string;
  stepData: string;
  sheet: string;
  noSheets: string;
  notWeekly: string;
  layoutFound: (layout: "wide" | "long", weeks: number) => string;
  columnId: string;
  columnGroup: string;
  columnStart: string;
  columnStratum: string;
  columnWeek: string;
  columnStatus: string;
  none: string;
  stepStart: string;
  startData: string;
  startRandomisation: string;
  startDate: string;
  startDateLabel: string;
  startDateHint: string;
  stepMeasures: string;
  windows: string;
  windowsHint: string;
  spellWeeks: string;
  spellWeeksHint: string;
  tau: string;
  tauHint: string;
  durable: string;
  durableM: string;
  durableN: string;
  durableAt: string;
  run: string;
  rerun: string;
  rerunHint: string;
  running: string;
  written: (sheet: string, codes: string) => string;
  weeksGained: (weeks: string, lower: string, upper: string) => string;
  medians: (intervention: string, control: string) => string;
  logRank: (p: string) => string;
  unmapped: (n: number, list: string) => string;
  allMapped: string;
  notReached: string;
  blankLabel: string;
}

const T = TERMS;

export const registerStrings: Dictionary<RegisterStrings> = {
  da: {
    intro: `Følg borgernes forsørgelse uge for uge (fx fra DREAM): andel af uger som selvforsørgende og tid til selvforsørgelse i ${T.intervention.da.toLowerCase()} og ${T.control.da.toLowerCase()}. Resultaterne skrives i arket "${T.registerFollowUp.da}", statuskodernes klasser i arket "${T.statusCodes.da}".`,
    loading: "Læser projektmappen …",
    restored: (sheet) => `Gemte indstillinger fundet (ugedata i arket "${sheet}"). Tryk på "Kør igen" for at beregne med dem på de nuværende data.`,
    stepData: "1. Ugedata",
    sheet: "Ark med ugedata",
    noSheets: "Projektmappen har ingen ark med data.",
    notWeekly: "Arket ligner ikke ugedata: der skal være én række med kolonnenavne øverst med et ID og ugekolonner (fx 2024-W01, 2024-W02, …) eller kolonnerne Uge og Status. Vælg arket med ugedata.",
    layoutFound: (layout, weeks) => (layout === "wide" ? `${T.dataLayout.da}: bred (én række pr. borger, ${weeks} ugekolonner).` : `${T.dataLayout.da}: lang (én række pr. borger og uge).`),
    columnId: "Borger-ID",
    columnGroup: "Gruppe",
    columnStart: "Startuge",
    columnStratum: "Stratum (valgfrit)",
    columnWeek: "Uge",
    columnStatus: "Status",
    none: "(ingen)",
    stepStart: "2. Startuge",
    startData: "Fra data (kolonnen Startuge eller borgerens første uge)",
    startRandomisation: "Randomiseringens dato",
    startDate: "Én dato for alle",
    startDateLabel: "Startdato eller -uge",
    startDateHint: "Fx 05-01-2026 eller 2026-W02.",
    stepMeasures: "3. Mål",
    windows: "Perioder (uger)",
    windowsHint: "Fx 1-26, 27-52, 53-78. Uge 1 er borgerens startuge.",
    spellWeeks: "Selvforsørgende periode, uger i træk (k)",
    spellWeeksHint: "Tid til selvforsørgelse: første uge i den første periode med mindst k uger i træk.",
    tau: "Horisont for RMST, uger (τ)",
    tauHint: "Tom: den sidste uge, der er fulgt i begge grupper.",
    durable: `${T.durableSelfSupport.da}: mindst m af de sidste n uger ved en uge`,
    durableM: "m",
    durableN: "n",
    durableAt: "ved uge",
    run: "Beregn",
    rerun: "Kør igen",
    rerunHint: "Kør igen med de gemte indstillinger; kolonnerne findes igen ud fra overskrifterne.",
    running: "Beregner …",
    written: (sheet, codes) => `Resultaterne står i arket ${sheet}, statuskodernes klasser i arket ${codes}.`,
    weeksGained: (weeks, lower, upper) => `${T.weeksGained.da}: ${weeks} (95 % KI ${lower} til ${upper}).`,
    medians: (i, c) => `Mediantid til selvforsørgelse: ${T.interventionShort.da.toLowerCase()} ${i}, ${T.controlShort.da.toLowerCase()} ${c} uger.`,
    logRank: (p) => `Log-rank-test: p ${p}.`,
    unmapped: (n, list) => `${n} ${n === 1 ? "statuskode" : "statuskoder"} uden valgt klasse (forslaget bruges): ${list}. Vælg klasser i arket "${T.statusCodes.da}", og tryk på "Kør igen".`,
    allMapped: "Alle statuskoder har en klasse, du har valgt.",
    notReached: "ikke nået",
    blankLabel: "(tom celle)",
  },
  en: {
    intro: `Follow the citizens' benefits week by week (e.g. from DREAM): share of weeks self-supporting and time to self-support in the ${T.intervention.en.toLowerCase()} and the ${T.control.en.toLowerCase()}. Results go to the sheet "${T.registerFollowUp.da}", the status codes' classes to the sheet "${T.statusCodes.da}".`,
    loading: "Reading the workbook …",
    restored: (sheet) => `Saved settings found (weekly data on the sheet "${sheet}"). Press "Run again" to compute with them on the current data.`,
    stepData: "1. Weekly data",
    sheet: "Sheet with weekly data",
    noSheets: "The workbook has no sheet with data.",
    notWeekly: "The sheet does not look like weekly data: it needs one row of column names at the top with an ID and week columns (e.g. 2024-W01, 2024-W02, …) or the columns Week and Status. Choose the sheet with the weekly data.",
    layoutFound: (layout, weeks) => (layout === "wide" ? `${T.dataLayout.en}: wide (one row per citizen, ${weeks} week columns).` : `${T.dataLayout.en}: long (one row per citizen and week).`),
    columnId: "Citizen ID",
    columnGroup: "Group",
    columnStart: "Start week",
    columnStratum: "Stratum (optional)",
    columnWeek: "Week",
    columnStatus: "Status",
    none: "(none)",
    stepStart: "2. Start week",
    startData: "From the data (the start week column or the citizen's first week)",
    startRandomisation: "The randomisation's date",
    startDate: "One date for all",
    startDateLabel: "Start date or week",
    startDateHint: "E.g. 05-01-2026 or 2026-W02.",
    stepMeasures: "3. Measures",
    windows: "Periods (weeks)",
    windowsHint: "E.g. 1-26, 27-52, 53-78. Week 1 is the citizen's start week.",
    spellWeeks: "Self-supporting spell, weeks in a row (k)",
    spellWeeksHint: "Time to self-support: the first week of the first spell of at least k weeks in a row.",
    tau: "Horizon of the RMST, weeks (τ)",
    tauHint: "Blank: the last week followed in both groups.",
    durable: `${T.durableSelfSupport.en}: at least m of the last n weeks at a week`,
    durableM: "m",
    durableN: "n",
    durableAt: "at week",
    run: "Calculate",
    rerun: "Run again",
    rerunHint: "Run again with the saved settings; the columns are found again by their headers.",
    running: "Calculating …",
    written: (sheet, codes) => `The results are on the sheet ${sheet}, the status codes' classes on the sheet ${codes}.`,
    weeksGained: (weeks, lower, upper) => `${T.weeksGained.en}: ${weeks} (95 % CI ${lower} to ${upper}).`,
    medians: (i, c) => `Median time to self-support: ${T.interventionShort.en.toLowerCase()} ${i}, ${T.controlShort.en.toLowerCase()} ${c} weeks.`,
    logRank: (p) => `Log-rank test: p ${p}.`,
    unmapped: (n, list) => `${n} status ${n === 1 ? "code" : "codes"} without a chosen class (the suggestion is used): ${list}. Choose classes on the sheet "${T.statusCodes.da}" and press "Run again".`,
    allMapped: "Every status code has a class you chose.",
    notReached: "not reached",
    blankLabel: "(blank cell)",
  },
};
