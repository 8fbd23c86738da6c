/** Danish and English texts of the Ledelsesoverblik pane. Domain words as on the sheets. */
import type { Dictionary } from "../i18n";

export interface SummaryStrings {
  intro: string;
  loading: string;
  sources: string;
  theory: (has: boolean) => string;
  comparison: (has: boolean) => string;
  followUp: string;
  latest: string;
  months: (m: number) => string;
  followUpHelp: string;
  audience: string;
  audienceInternal: string;
  audiencePublic: string;
  audienceHelp: (pub: boolean) => string;
  threshold: string;
  thresholdHelp: string;
  badThreshold: string;
  build: string;
  update: string;
  built: (keyFigures: number, answers: number) => string;
  missing: (what: string) => string;
  print: string;
  printHelp: string;
}

export const summaryStrings: Dictionary<SummaryStrings> = {
  da: {
    intro: "Én side til ledere og politikere: først konklusionen pr. slutmål, så hvad den bygger på, hvad I skal beslutte, tabel, diagrammer og programteori; derefter nøgletal og KL's tjekliste. Lederens nøgletal, svar og noter bevares, når siden opdateres.",
    loading: "Læser projektmappen …",
    sources: "Det bygger siden på",
    theory: (has) => (has ? "Programteori: fundet (arket Programteori)" : "Programteori: mangler – byg den i panelet Programteori"),
    comparison: (has) => (has ? "Sammenligning: gemte indstillinger fundet; den køres igen, når siden bygges" : "Sammenligning: mangler – kør en sammenligning i panelet Sammenligning"),
    followUp: "Opfølgning til nøgleresultaterne",
    latest: "Seneste opfølgning",
    months: (m) => `${m} mdr.`,
    followUpHelp: "Andelene, forskellen og vurderingen vises ved dette tidspunkt.",
    audience: "Udgave",
    audienceInternal: "Intern",
    audiencePublic: "Til offentliggørelse",
    audienceHelp: (pub) =>
      pub
        ? "Antal under grænsen skjules sammen med alle tal, de kan regnes ud fra (rest, manglende, forskelle, totaler, andele og diagramdata). Siden siger, at den er til offentliggørelse."
        : "De faktiske antal og andele, også små tal. Siden siger, at den er intern og ikke må deles uden for kommunen.",
    threshold: "Skjul antal under",
    thresholdHelp: "Kun i udgaven til offentliggørelse. Standard 5, aldrig under 3.",
    badThreshold: "Skriv et helt tal fra 3 til 50 (1 og 2 beskytter ingen).",
    build: "Byg ledelsesoverblik",
    update: "Opdater ledelsesoverblik",
    built: (k, a) => `Arket Ledelsesoverblik er opdateret. Bevaret: ${k} nøgletalsrækker og ${a} svar i tjeklisten.`,
    missing: (what) => `Mangler: ${what}. Siden siger, hvor det tilføjes.`,
    print: "Åbn udskriftsvisning",
    printHelp: "Arket er vist. Tryk Ctrl+P (Mac: ⌘P) for at se siden, som den udskrives: A4 liggende, side 1 på én side, nøgletal og tjekliste på egne sider, sidefod med side og dato.",
  },
  en: {
    intro: "One page for leaders and politicians: first the verdict per final goal, then what it is based on, what to decide, table, charts and programme theory; then key figures and KL's checklist. The leader's key figures, answers and notes are kept when the page is updated.",
    loading: "Reading the workbook …",
    sources: "The page is built from",
    theory: (has) => (has ? "Programme theory: found (sheet Programteori)" : "Programme theory: missing – build it in the Programme theory pane"),
    comparison: (has) => (has ? "Comparison: saved settings found; it is run again when the page is built" : "Comparison: missing – run a comparison in the Comparison pane"),
    followUp: "Follow-up for the key results",
    latest: "Latest follow-up",
    months: (m) => `${m} months`,
    followUpHelp: "Shares, difference and assessment are shown at this time point.",
    audience: "Edition",
    audienceInternal: "Internal",
    audiencePublic: "For publication",
    audienceHelp: (pub) =>
      pub
        ? "Counts below the limit are hidden with every figure they can be worked out from (remainders, missing, differences, totals, shares and chart data). The page says it is for publication."
        : "The real counts and shares, small ones too. The page says it is internal and must not be shared outside the municipality.",
    threshold: "Hide counts below",
    thresholdHelp: "Only in the edition for publication. Default 5, never below 3.",
    badThreshold: "Enter a whole number from 3 to 50 (1 and 2 protect nobody).",
    build: "Build summary for leaders",
    update: "Update summary for leaders",
    built: (k, a) => `The sheet Ledelsesoverblik is updated. Kept: ${k} key figure rows and ${a} checklist answers.`,
    missing: (what) => `Missing: ${what}. The page says where to add it.`,
    print: "Open print view",
    printHelp: "The sheet is shown. Press Ctrl+P (Mac: ⌘P) to see the page as it prints: A4 landscape, page 1 on one page, key figures and checklist on their own pages, footer with page and date.",
  },
};
