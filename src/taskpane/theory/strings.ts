/** Every user-visible string of the Programteori pane, Danish first. */
import type { Dictionary } from "../i18n";
import type { ItemKind, MechanismCategory, Origin, StepId, StepStatus } from "../../core/theory/model";

export interface TheoryStrings {
  paneTitle: string;
  intro: string;
  modeLabel: string;
  modeGuided: string;
  modeFree: string;
  modeDiagram: string;
  templatesTitle: string;
  templatesIntro: string;
  useTemplate: string;
  startEmpty: string;
  emptyTitle: string;
  emptyDescription: string;
  newTheory: string;
  replaceConfirm: string;
  replaceYes: string;
  cancel: string;
  sourceLabel: (title: string, publisher: string, year: number) => string;
  theoryTitle: string;
  stepOf: (n: number, total: number) => string;
  stepsNav: string;
  previous: string;
  next: string;
  question: string;
  kindPlural: Record<ItemKind, string>;
  kindSingular: Record<ItemKind, string>;
  add: (kindSingular: string) => string;
  newItemName: Record<ItemKind, string>;
  name: string;
  description: string;
  moveUp: string;
  moveDown: string;
  remove: string;
  origin: Record<Origin, string>;
  originHint: Record<Origin, string>;
  noItems: (kindPlural: string) => string;
  activityServes: string;
  subGoalLeadsToFinal: string;
  subGoalLeadsToSub: string;
  wouldCycle: string;
  noTargets: (kindPlural: string) => string;
  category: string;
  noCategory: string;
  categories: Record<MechanismCategory, string>;
  attachActivities: string;
  attachLinks: string;
  rationale: string;
  targetGroup: string;
  tgName: string;
  tgDescription: string;
  tgCharacteristics: string;
  tgSize: string;
  tgSizeHint: string;
  tgSizeInvalid: string;
  tgInclusion: string;
  wholeNumberInvalid: string;
  itemIssues: string;
  linkLabel: (from: string, to: string) => string;
  tgExclusion: string;
  addLine: string;
  removeLine: (text: string) => string;
  lineLabel: (list: string, n: number) => string;
  indicator: string;
  addIndicator: string;
  removeIndicator: string;
  indName: string;
  indDataSource: string;
  indTimes: string;
  indTimesMonths: string;
  indTimesWeeks: string;
  indMonth: (m: number) => string;
  indEveryWeeks: string;
  indCount: string;
  indReached: string;
  indReachedStatuses: string;
  indReachedScale: string;
  indScaleMin: string;
  indScaleMax: string;
  indScaleReachedAt: string;
  indScaleLabels: string;
  validationTitle: string;
  validationOk: string;
  validationCount: (errors: number, warnings: number) => string;
  error: string;
  warning: string;
  jumpTo: string;
  cell: (address: string) => string;
  save: string;
  saving: string;
  reload: string;
  reloading: string;
  saveWithErrors: string;
  saved: (sheets: string[]) => string;
  loadedFromSheet: (sheet: string) => string;
  noSheetYet: string;
  shapesFallback: string;
  diagramTitle: string;
  diagramEmpty: string;
  downloadSvg: string;
  downloadPng: string;
  downloadFailed: string;
  diagramLabel: string;
  zoom: string;
  unsaved: string;
  reloadConfirm: string;
  reloadAnyway: string;
  stepShort: Record<StepId, string>;
  copyPicture: string;
  pictureCopied: string;
  pictureCopyByHand: string;
  undo: string;
  redo: string;
  undoHint: string;
  redoHint: string;
  undone: string;
  redone: string;
  deleted: (what: string, links: number) => string;
  draftFound: (savedAt: Date) => string;
  draftRestore: string;
  draftDiscard: string;
  fromCatalogue: (kindPlural: string) => string;
  cataloguePick: string;
  catalogueUsed: string;
  indStandardStatuses: string;
  indDataStatuses: string;
  indOtherStatuses: string;
  stepStatus: Record<StepStatus, string>;
  stepsDone: (done: number, total: number) => string;
}

const kindPluralDa: Record<ItemKind, string> = { slutmaal: "Slutmål", delmaal: "Delmål", aktivitet: "Aktiviteter", mekanisme: "Virksomme mekanismer" };
const kindSingularDa: Record<ItemKind, string> = { slutmaal: "slutmål", delmaal: "delmål", aktivitet: "aktivitet", mekanisme: "mekanisme" };

export const THEORY_STRINGS: Dictionary<TheoryStrings> = {
  da: {
    paneTitle: "Programteori",
    intro: "Byg programteorien i KL's fem trin: målgruppe, slutmål, delmål, aktiviteter og virksomme mekanismer.",
    modeLabel: "Arbejdsmåde",
    modeGuided: "Trin for trin",
    modeFree: "Fri redigering",
    modeDiagram: "Diagram",
    templatesTitle: "Vælg en skabelon",
    templatesIntro: "Start fra et eksempel fra en kildepublikation, eller start tomt.",
    useTemplate: "Brug skabelon",
    startEmpty: "Start tomt",
    emptyTitle: "Tom programteori",
    emptyDescription: "Byg jeres egen programteori fra bunden i KL's fem trin. Undervejs kan I vælge mekanismer og aktiviteter fra KL's katalog.",
    newTheory: "Ny programteori …",
    replaceConfirm: "Den nuværende programteori i ruden erstattes. Det, der allerede er gemt i projektmappen, ændres først, når du gemmer.",
    replaceYes: "Erstat",
    cancel: "Annuller",
    sourceLabel: (title, publisher, year) => `Kilde: ${title}. ${publisher}, ${year}.`,
    theoryTitle: "Titel på programteorien",
    stepOf: (n, total) => `Trin ${n} af ${total}`,
    stepsNav: "KL's fem trin",
    previous: "Forrige trin",
    next: "Næste trin",
    question: "Spørgsmål at stille",
    kindPlural: kindPluralDa,
    kindSingular: kindSingularDa,
    add: (k) => `Tilføj ${k}`,
    newItemName: { slutmaal: "Nyt slutmål", delmaal: "Borgeren kan …", aktivitet: "Ny aktivitet", mekanisme: "Ny mekanisme" },
    name: "Navn",
    description: "Beskrivelse",
    moveUp: "Flyt op",
    moveDown: "Flyt ned",
    remove: "Fjern",
    origin: { kilde: "kilde", forslag: "forslag", bruger: "egen" },
    originHint: {
      kilde: "Fra kildepublikationen",
      forslag: "Forslag – tilpas til jeres indsats",
      bruger: "Tilføjet eller rettet af jer",
    },
    noItems: (k) => `Ingen ${k.toLowerCase()} endnu.`,
    activityServes: "Understøtter delmål",
    subGoalLeadsToFinal: "Fører til slutmål",
    subGoalLeadsToSub: "Fører til næste delmål",
    wouldCycle: "(ville give en rundgang)",
    noTargets: (k) => `Tilføj først ${k.toLowerCase()}.`,
    category: "Kategori",
    noCategory: "Vælg kategori",
    categories: {
      kompetencer: "Kompetencer",
      ressourcer: "Ressourcer",
      tilgange: "Tilgange",
      "organisatoriske rammer": "Organisatoriske rammer",
    },
    attachActivities: "Virker gennem aktiviteterne",
    attachLinks: "Virker på sammenhængene",
    rationale: "Begrundelse (hvorfor fører det ene til det andet?)",
    targetGroup: "Målgruppe",
    tgName: "Navn på målgruppen",
    tgDescription: "Beskrivelse",
    tgCharacteristics: "Kendetegn",
    tgSize: "Størrelse (antal borgere)",
    tgSizeHint: "Hvor mange borgere er i målgruppen?",
    tgSizeInvalid: "Skriv et helt tal (antal borgere), fx 120.",
    tgInclusion: "Inklusionskriterier",
    wholeNumberInvalid: "Skriv et helt tal.",
    itemIssues: "Problemer ved dette punkt",
    linkLabel: (f, t) => `${f} → ${t}`,
    tgExclusion: "Eksklusionskriterier",
    addLine: "Tilføj linje",
    removeLine: (t) => `Fjern linjen ${t ? `"${t}"` : ""}`.trim(),
    lineLabel: (list, n) => `${list} ${n}`,
    indicator: "Indikator",
    addIndicator: "Tilføj indikator",
    removeIndicator: "Fjern indikator",
    indName: "Indikatorens navn",
    indDataSource: "Datakilde",
    indTimes: "Målingstidspunkter",
    indTimesMonths: "Måneder efter start",
    indTimesWeeks: "Hver N. uge",
    indMonth: (m) => `${m} mdr.`,
    indEveryWeeks: "Hver … uge",
    indCount: "Antal målinger",
    indReached: "Målet er nået, når",
    indReachedStatuses: "borgeren har en af disse statusser",
    indReachedScale: "scoren på en skala er høj nok",
    indScaleMin: "Skala fra",
    indScaleMax: "Skala til",
    indScaleReachedAt: "Nået ved score (mindst)",
    indScaleLabels: "Betegnelser på skalaen",
    validationTitle: "Kontrol af programteorien",
    validationOk: "Ingen fejl eller advarsler.",
    validationCount: (e, w) => `${e} ${e === 1 ? "fejl" : "fejl"}, ${w} ${w === 1 ? "advarsel" : "advarsler"}`,
    error: "Fejl",
    warning: "Advarsel",
    jumpTo: "Gå til",
    cell: (a) => `celle ${a}`,
    save: "Gem i projektmappen",
    saving: "Gemmer …",
    reload: "Læs fra arket",
    reloading: "Læser …",
    saveWithErrors: "Du kan gemme en kladde, selvom der er fejl. Fejlene står stadig her, til de er rettet.",
    saved: (sheets) => `Gemt i arkene ${sheets.map((s) => `"${s}"`).join(" og ")}.`,
    loadedFromSheet: (sheet) => `Programteorien er læst fra arket "${sheet}".`,
    noSheetYet: "Projektmappen har endnu ingen programteori. Vælg en skabelon, eller start tomt.",
    shapesFallback:
      "Denne version af Excel kan ikke tegne figurer fra tilføjelsesprogrammet (kræver ExcelApi 1.9). Diagrammet gemmes derfor som farvede celler.",
    diagramTitle: "Diagram",
    diagramEmpty: "Diagrammet vises, når programteorien har indhold.",
    downloadSvg: "Hent SVG",
    downloadPng: "Hent PNG",
    downloadFailed: "Billedet kunne ikke laves i denne browser. Prøv SVG i stedet.",
    diagramLabel: "Diagram over programteorien",
    zoom: "Vis hele siden",
    unsaved: "Ikke gemt",
    reloadConfirm: "Ændringer i ruden, som ikke er gemt, forsvinder, når programteorien læses fra arket igen.",
    reloadAnyway: "Læs alligevel",
    stepShort: { maalgruppe: "Målgruppe", slutmaal: "Slutmål", delmaal: "Delmål", aktiviteter: "Aktiviteter", mekanismer: "Mekanismer" },
    copyPicture: "Kopiér som billede",
    pictureCopied: "Diagrammet er kopieret som billede. Indsæt det i Word, PowerPoint eller et ark med Ctrl+V (Mac: ⌘V).",
    pictureCopyByHand:
      "Excel tillader ikke at kopiere herfra. Højreklik på billedet (Mac: ctrl-klik), og vælg Kopiér billede – eller træk det over i et andet program.",
    undo: "Fortryd",
    redo: "Gentag",
    undoHint: "Fortryd sidste ændring (Ctrl+Z)",
    redoHint: "Gentag det fortrudte (Ctrl+Y)",
    undone: "Sidste ændring er fortrudt.",
    redone: "Ændringen er gentaget.",
    deleted: (what, n) => `${what} er slettet${n > 0 ? ` sammen med ${n} ${n === 1 ? "sammenhæng" : "sammenhænge"}` : ""}.`,
    draftFound: (d) =>
      `Der er en kladde fra ${d.toLocaleString("da-DK", { dateStyle: "short", timeStyle: "short" })}, som ikke blev gemt i projektmappen, før ruden blev lukket.`,
    draftRestore: "Gendan kladden",
    draftDiscard: "Kassér kladden",
    fromCatalogue: (k) => `Tilføj fra KL's katalog (${k.toLocaleLowerCase("da-DK")})`,
    cataloguePick: "Vælg …",
    catalogueUsed: "Alle er allerede med",
    indStandardStatuses: "Statusser, der tæller som nået",
    indDataStatuses: "Statusser, der tæller som nået (som de står i sagsdataene i Sammenligning)",
    indOtherStatuses: "Andre statusser (stavet som i sagsdata)",
    stepStatus: { empty: "tomt", incomplete: "ufærdigt", done: "færdigt" },
    stepsDone: (done, total) => `${done} af ${total} trin er færdige.`,
  },
  en: {
    paneTitle: "Programme theory",
    intro: "Build the programme theory in KL's five steps: målgruppe, slutmål, delmål, activities and virksomme mekanismer.",
    modeLabel: "Mode",
    modeGuided: "Step by step",
    modeFree: "Free editing",
    modeDiagram: "Diagram",
    templatesTitle: "Choose a template",
    templatesIntro: "Start from an example from a source publication, or start empty.",
    useTemplate: "Use template",
    startEmpty: "Start empty",
    emptyTitle: "Empty programme theory",
    emptyDescription: "Build your own programme theory from scratch in KL's five steps. Along the way you can pick mechanisms and activities from KL's catalogue.",
    newTheory: "New programme theory …",
    replaceConfirm: "The programme theory in the pane will be replaced. What is already saved in the workbook changes only when you save.",
    replaceYes: "Replace",
    cancel: "Cancel",
    sourceLabel: (title, publisher, year) => `Source: ${title}. ${publisher}, ${year}.`,
    theoryTitle: "Title of the programme theory",
    stepOf: (n, total) => `Step ${n} of ${total}`,
    stepsNav: "KL's five steps",
    previous: "Previous step",
    next: "Next step",
    question: "Question to ask",
    kindPlural: { slutmaal: "Slutmål (final goals)", delmaal: "Delmål (sub-goals)", aktivitet: "Activities", mekanisme: "Virksomme mekanismer (mechanisms)" },
    kindSingular: { slutmaal: "slutmål", delmaal: "delmål", aktivitet: "activity", mekanisme: "mechanism" },
    add: (k) => `Add ${k}`,
    newItemName: { slutmaal: "New final goal", delmaal: "The citizen can …", aktivitet: "New activity", mekanisme: "New mechanism" },
    name: "Name",
    description: "Description",
    moveUp: "Move up",
    moveDown: "Move down",
    remove: "Remove",
    origin: { kilde: "source", forslag: "suggestion", bruger: "own" },
    originHint: {
      kilde: "From the source publication",
      forslag: "Suggestion – adapt it to your effort",
      bruger: "Added or edited by you",
    },
    noItems: (k) => `No ${k.toLowerCase()} yet.`,
    activityServes: "Supports delmål",
    subGoalLeadsToFinal: "Leads to slutmål",
    subGoalLeadsToSub: "Leads to next delmål",
    wouldCycle: "(would create a cycle)",
    noTargets: (k) => `Add ${k.toLowerCase()} first.`,
    category: "Category",
    noCategory: "Choose category",
    categories: {
      kompetencer: "Kompetencer (competences)",
      ressourcer: "Ressourcer (resources)",
      tilgange: "Tilgange (approaches)",
      "organisatoriske rammer": "Organisatoriske rammer (organisation)",
    },
    attachActivities: "Works through the activities",
    attachLinks: "Works on the links",
    rationale: "Rationale (why does one lead to the other?)",
    targetGroup: "Målgruppe (target group)",
    tgName: "Name of the target group",
    tgDescription: "Description",
    tgCharacteristics: "Characteristics (kendetegn)",
    tgSize: "Size (number of citizens)",
    tgSizeHint: "How many citizens are in the target group?",
    tgSizeInvalid: "Enter a whole number (citizens), e.g. 120.",
    tgInclusion: "Inclusion criteria",
    wholeNumberInvalid: "Enter a whole number.",
    itemIssues: "Problems with this item",
    linkLabel: (f, t) => `${f} → ${t}`,
    tgExclusion: "Exclusion criteria",
    addLine: "Add line",
    removeLine: (t) => `Remove the line ${t ? `"${t}"` : ""}`.trim(),
    lineLabel: (list, n) => `${list} ${n}`,
    indicator: "Indicator",
    addIndicator: "Add indicator",
    removeIndicator: "Remove indicator",
    indName: "Indicator name",
    indDataSource: "Data source",
    indTimes: "Measurement times",
    indTimesMonths: "Months after start",
    indTimesWeeks: "Every N weeks",
    indMonth: (m) => `${m} months`,
    indEveryWeeks: "Every … weeks",
    indCount: "Number of measurements",
    indReached: "The goal is reached when",
    indReachedStatuses: "the citizen has one of these statuses",
    indReachedScale: "the score on a scale is high enough",
    indScaleMin: "Scale from",
    indScaleMax: "Scale to",
    indScaleReachedAt: "Reached at score (at least)",
    indScaleLabels: "Labels of the scale",
    validationTitle: "Checks of the programme theory",
    validationOk: "No errors or warnings.",
    validationCount: (e, w) => `${e} ${e === 1 ? "error" : "errors"}, ${w} ${w === 1 ? "warning" : "warnings"}`,
    error: "Error",
    warning: "Warning",
    jumpTo: "Go to",
    cell: (a) => `cell ${a}`,
    save: "Save in the workbook",
    saving: "Saving …",
    reload: "Read from the sheet",
    reloading: "Reading …",
    saveWithErrors: "You can save a draft even when there are errors. The errors stay listed here until they are fixed.",
    saved: (sheets) => `Saved in the sheets ${sheets.map((s) => `"${s}"`).join(" and ")}.`,
    loadedFromSheet: (sheet) => `The programme theory was read from the sheet "${sheet}".`,
    noSheetYet: "The workbook has no programme theory yet. Choose a template, or start empty.",
    shapesFallback:
      "This version of Excel cannot draw shapes from the add-in (needs ExcelApi 1.9). The diagram is therefore saved as coloured cells.",
    diagramTitle: "Diagram",
    diagramEmpty: "The diagram appears when the programme theory has content.",
    downloadSvg: "Download SVG",
    downloadPng: "Download PNG",
    downloadFailed: "The image could not be made in this browser. Try SVG instead.",
    diagramLabel: "Diagram of the programme theory",
    zoom: "Show the whole page",
    unsaved: "Not saved",
    reloadConfirm: "Changes in the pane that are not saved are lost when the programme theory is read from the sheet again.",
    reloadAnyway: "Read anyway",
    stepShort: { maalgruppe: "Målgruppe", slutmaal: "Slutmål", delmaal: "Delmål", aktiviteter: "Activities", mekanismer: "Mechanisms" },
    copyPicture: "Copy as picture",
    pictureCopied: "The diagram was copied as a picture. Paste it into Word, PowerPoint or a sheet with Ctrl+V (Mac: ⌘V).",
    pictureCopyByHand:
      "Excel does not allow copying from here. Right-click the picture (Mac: Control-click) and choose Copy Image – or drag it into another program.",
    undo: "Undo",
    redo: "Redo",
    undoHint: "Undo the last change (Ctrl+Z)",
    redoHint: "Redo what was undone (Ctrl+Y)",
    undone: "The last change was undone.",
    redone: "The change was redone.",
    deleted: (what, n) => `${what} was deleted${n > 0 ? ` together with ${n} ${n === 1 ? "link" : "links"}` : ""}.`,
    draftFound: (d) =>
      `There is a draft from ${d.toLocaleString("en-GB", { dateStyle: "short", timeStyle: "short" })} that was not saved in the workbook before the pane was closed.`,
    draftRestore: "Restore the draft",
    draftDiscard: "Discard the draft",
    fromCatalogue: (k) => `Add from KL's catalogue (${k.toLocaleLowerCase("en-GB")})`,
    cataloguePick: "Choose …",
    catalogueUsed: "All are already included",
    indStandardStatuses: "Statuses that count as reached",
    indDataStatuses: "Statuses that count as reached (as the case data in Sammenligning spell them)",
    indOtherStatuses: "Other statuses (spelled as in the case data)",
    stepStatus: { empty: "empty", incomplete: "incomplete", done: "done" },
    stepsDone: (done, total) => `${done} of ${total} steps are done.`,
  },
};
