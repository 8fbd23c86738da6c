/**
 * The sheet "Virkningskæden i data": per delmål → slutmål link its status, the intervention's effect
 * on the delmål beside its effect on the slutmål, the association (stated as an association, not an
 * effect), per aktivitet → delmål link whether the delmål moved in the indsatsgruppe, the status rule,
 * methods and how the citizens were joined (counts only). Numbers are numbers (shares with a percent
 * format, differences in percentage points, p-values with the p format); no citizen ID is written.
 */
import { VERSION } from "../version";
import { formatDateTime } from "../dateTime";
import { columnLetter } from "../report/address";
import { COUNT_FORMAT, decimalFormat, percentFormat } from "../report/numberFormats";
import { pageFooter } from "../report/pageFooter";
import type { CellValue, SheetSpec } from "../report/sheetSpec";
import { SheetWriter } from "../report/sheetWriter";
import { estimatedLines, LINE_PT } from "../report/wrappedLine";
import { confLabel, POLICY_NOTE } from "../analysis";
import { TERMS } from "../vocabulary";
import type { Text } from "../stats";
import { STATUS_RULE } from "./analyse";
import type { ActivityLink, ChainResult, LinkStatus, MovedStatus, OutcomeLink, TwoShares } from "./types";

type Lang = "da" | "en";

export const CHAIN_SHEET_NAME = TERMS.chain.da;

export const LINK_STATUS_TEXT: Record<LinkStatus | MovedStatus, Text> = {
  stoettet: TERMS.linkSupported,
  ikkeStoettet: TERMS.linkNotSupported,
  forLidtData: TERMS.tooLittleData,
  flyttet: TERMS.subGoalMoved,
  ikkeFlyttet: TERMS.subGoalNotMoved,
};

/** Printed widths in points, A..K (A4 landscape at fit-to-width). */
const WIDTHS = [150, 150, 62, 62, 62, 62, 80, 56, 56, 56, 150];
const PP = decimalFormat(1);

const L = {
  title: { da: "Virkningskæden i data", en: "The chain in the data" },
  intro: {
    da: "Holder programteoriens kæde i data? For hver forbindelse fra delmål til slutmål: flytter indsatsen delmålet og slutmålet, og når de borgere, der har nået delmålet, oftere slutmålet?",
    en: "Does the programme theory's chain hold in the data? For each link from sub-goal to final goal: does the effort move the sub-goal and the final goal, and do the citizens who reached the sub-goal reach the final goal more often?",
  },
  statusHead: { da: "Status pr. forbindelse (delmål → slutmål)", en: "Status per link (sub-goal → final goal)" },
  link: { da: "Forbindelse", en: "Link" },
  subGoal: { da: "Delmål", en: "Sub-goal" },
  finalGoal: { da: "Slutmål", en: "Final goal" },
  status: TERMS.status,
  effectHead: { da: "Indsatsens effekt på delmålet og på slutmålet (indsatsgruppe mod kontrolgruppe)", en: "The effort's effect on the sub-goal and on the final goal (intervention vs control group)" },
  goal: { da: "Mål", en: "Goal" },
  nI: { da: "N indsats", en: "N intervention" },
  shareI: { da: "Andel nået, indsats", en: "Share reached, intervention" },
  nK: { da: "N kontrol", en: "N control" },
  shareK: { da: "Andel nået, kontrol", en: "Share reached, control" },
  diff: TERMS.difference,
  lower: { da: "Nedre", en: "Lower" },
  upper: { da: "Øvre", en: "Upper" },
  p: TERMS.pValue,
  test: TERMS.test,
  assocHead: { da: "Sammenhæng blandt alle målte borgere (en sammenhæng, ikke en effekt)", en: "Association among all measured citizens (an association, not an effect)" },
  assocNote: {
    da: "Sammenhængen sammenligner borgere, der har nået delmålet, med borgere, der ikke har: de kan adskille sig på meget andet end delmålet, så forskellen viser ikke, at delmålet giver slutmålet.",
    en: "The association compares citizens who reached the sub-goal with citizens who did not: they may differ in much else than the sub-goal, so the difference does not show that the sub-goal brings about the final goal.",
  },
  nYes: { da: "N nået delmål", en: "N reached sub-goal" },
  shareYes: { da: "Andel med slutmål, nået delmål", en: "Share with final goal, reached sub-goal" },
  nNo: { da: "N ikke nået delmål", en: "N did not reach sub-goal" },
  shareNo: { da: "Andel med slutmål, ikke nået delmål", en: "Share with final goal, did not reach sub-goal" },
  activityHead: { da: "Aktivitet → delmål: flyttede delmålet sig i indsatsgruppen?", en: "Activity → sub-goal: did the sub-goal move in the intervention group?" },
  activity: { da: "Aktivitet", en: "Activity" },
  paired: { da: "N (≥ 2 målinger)", en: "N (≥ 2 scores)" },
  improved: { da: "Forbedret", en: "Improved" },
  unchanged: { da: "Uændret", en: "Unchanged" },
  worse: { da: "Forværret", en: "Worse" },
  medianChange: { da: "Median ændring", en: "Median change" },
  ruleHead: { da: "Statusreglen", en: "The status rule" },
  methodsHead: { da: "Metode", en: "Methods" },
  joinHead: { da: "Kobling af borgere", en: "Joining the citizens" },
  months: TERMS.months,
  none: { da: "Programteorien har ingen forbindelser af denne slags.", en: "The programme theory has no links of this kind." },
} satisfies Record<string, Text>;

/** The chain sheet's writer: percent with one decimal; tables take their header in the dictionary's words, their text wraps. */
class Writer extends SheetWriter {
  constructor(lang: Lang) {
    super(lang, percentFormat(lang, 1));
  }
  textTable(header: Text[], rows: CellValue[][], formats: (string | undefined)[]): void {
    this.table(header.map((h) => this.t(h)), rows, formats, { wrapText: true });
  }
}

const dash = "–";
const share = (x: number, n: number): CellValue => (n > 0 ? x / n : dash);
const pp = (v: number | null): CellValue => (v === null ? dash : v * 100);
const linkLabel = (l: OutcomeLink): string => `${l.linkId}: ${l.subGoalId} → ${l.finalGoalId}`;

/** N, share, N, share, difference, lower, upper, p, test of two shares. */
function shareCells(s: TwoShares | null, lang: Lang): CellValue[] {
  if (!s) return [dash, dash, dash, dash, dash, dash, dash, dash, dash];
  return [s.first.n, share(s.first.x, s.first.n), s.second.n, share(s.second.x, s.second.n), pp(s.difference), pp(s.lower), pp(s.upper), s.pValue ?? dash, s.test ? s.test[lang] : dash];
}

/** Columns C–F: the slutmål's name gets their width (merged) instead of column C's alone. */
const GOAL_SPAN = 4;
const GOAL_WIDTH = WIDTHS.slice(2, 2 + GOAL_SPAN).reduce((a, x) => a + x, 0);

function statusTable(w: Writer, res: ChainResult): void {
  w.heading(L.statusHead);
  if (res.outcomeLinks.length === 0) return w.note(w.t(L.none));
  const pad = (goal: CellValue): CellValue[] => [goal, ...Array<CellValue>(GOAL_SPAN - 1).fill(null)];
  const top = w.row;
  const rows = res.outcomeLinks.map((l) => [linkLabel(l), `${l.subGoalId}: ${l.subGoalName}`, ...pad(`${l.finalGoalId}: ${l.finalGoalName}`), w.t(LINK_STATUS_TEXT[l.status])]);
  const header = [L.link, L.subGoal, L.finalGoal, ...Array<Text>(GOAL_SPAN - 1).fill({ da: "", en: "" }), L.status];
  w.textTable(header, rows, []);
  rows.forEach((r, i) => {
    const row = top + 1 + i;
    w.merges.push(`C${row + 1}:${columnLetter(1 + GOAL_SPAN)}${row + 1}`);
    const lines = Math.max(estimatedLines(String(r[1]), WIDTHS[1]), estimatedLines(String(r[2]), GOAL_WIDTH));
    if (lines > 1) w.rowHeights.push({ row: row + 1, height: lines * LINE_PT });
  });
  w.merges.push(`C${top + 1}:${columnLetter(1 + GOAL_SPAN)}${top + 1}`);
  for (const l of res.outcomeLinks) w.note(`${l.linkId} (${w.t(LINK_STATUS_TEXT[l.status])}): ${l.reason[w.lang]}`);
}

function effectTable(w: Writer, res: ChainResult): void {
  if (res.outcomeLinks.length === 0) return;
  w.heading(L.effectHead);
  const rows: CellValue[][] = [];
  for (const l of res.outcomeLinks) {
    rows.push([linkLabel(l), `${w.t(L.subGoal)} ${l.subGoalId}`, ...shareCells(l.subGoalEffect, w.lang)]);
    rows.push([linkLabel(l), `${w.t(L.finalGoal)} ${l.finalGoalId}${l.month === null ? "" : `, ${l.month} ${w.t(L.months)}`}`, ...shareCells(l.finalGoalEffect, w.lang)]);
  }
  w.textTable([L.link, L.goal, L.nI, L.shareI, L.nK, L.shareK, L.diff, L.lower, L.upper, L.p, L.test], rows, [undefined, undefined, COUNT_FORMAT, w.PCT, COUNT_FORMAT, w.PCT, PP, PP, PP, w.P]);
}

function associationTable(w: Writer, res: ChainResult): void {
  if (res.outcomeLinks.length === 0) return;
  w.heading(L.assocHead);
  w.note(w.t(L.assocNote));
  const rows = res.outcomeLinks.map((l) => [linkLabel(l), `${l.finalGoalId}${l.month === null ? "" : `, ${l.month} ${w.t(L.months)}`}`, ...shareCells(l.association, w.lang)]);
  w.textTable([L.link, L.finalGoal, L.nYes, L.shareYes, L.nNo, L.shareNo, L.diff, L.lower, L.upper, L.p, L.test], rows, [undefined, undefined, COUNT_FORMAT, w.PCT, COUNT_FORMAT, w.PCT, PP, PP, PP, w.P]);
  const notes = res.outcomeLinks.flatMap((l) => [l.subGoalEffect, l.finalGoalEffect, l.association].flatMap((s) => (s ? s.notes.map((n) => `${l.linkId}: ${n[w.lang]}`) : [])));
  for (const n of [...new Set(notes)]) w.note(n);
}

function activityTable(w: Writer, res: ChainResult): void {
  w.heading(L.activityHead);
  if (res.activityLinks.length === 0) return w.note(w.t(L.none));
  const rows = res.activityLinks.map((a: ActivityLink) => [
    `${a.linkId}: ${a.activityId} → ${a.subGoalId}`,
    `${a.activityId}: ${a.activityName}`,
    a.paired,
    share(a.improved, a.paired),
    share(a.unchanged, a.paired),
    share(a.worse, a.paired),
    a.medianChange ?? dash,
    a.pValue ?? dash,
    w.t(LINK_STATUS_TEXT[a.status]),
  ]);
  for (const a of res.activityLinks) if (a.status === "forLidtData") w.note(`${a.linkId}: ${a.reason[w.lang]}`);
  w.textTable([L.link, L.activity, L.paired, L.improved, L.unchanged, L.worse, L.medianChange, L.p, L.status], rows, [undefined, undefined, COUNT_FORMAT, w.PCT, w.PCT, w.PCT, decimalFormat(1), w.P]);
}

function methods(w: Writer, res: ChainResult): void {
  const lang = w.lang;
  w.heading(L.ruleHead);
  w.line(STATUS_RULE[lang], {});
  w.heading(L.methodsHead);
  const conf = confLabel(res.confLevel, lang);
  w.note(
    lang === "da"
      ? `Delmål nået: seneste score ≥ delmålets tærskel (alle målte borgere); uden tærskel: seneste score over første (borgere med mindst to målinger), som i Progression. Slutmål nået: en status i slutmålets resultatmål ved opfølgningen (gyldige statusser), som i Sammenligning. Forskel = første minus anden gruppe i procentpoint med ${conf}-konfidensinterval (Newcombes hybride score-metode, Wilson). Aktivitet → delmål: Wilcoxons parrede test (seneste mod første score).`
      : `Sub-goal reached: latest score ≥ the sub-goal's threshold (every measured citizen); without a threshold: latest score above the first (citizens with two or more scores), as in Progression. Final goal reached: a status in the final goal's outcome at the follow-up (valid statuses), as in Comparison. Difference = first minus second group in percentage points with ${conf} confidence interval (Newcombe's hybrid score method, Wilson). Activity → sub-goal: Wilcoxon's paired test (latest vs first score).`,
  );
  w.note(POLICY_NOTE[res.testPolicy][lang]);
  w.note(
    lang === "da"
      ? `Effekten på slutmålet bygger på alle borgere i sagsdata (tallene fra Sammenligning); effekten på delmålet og sammenhængen på de borgere, der både er målt og findes i sagsdata.${res.rater === "all" ? "" : ` Scorer givet af: ${res.rater}.`}`
      : `The effect on the final goal uses every citizen of the case data (the numbers of Comparison); the effect on the sub-goal and the association use the citizens both measured and in the case data.${res.rater === "all" ? "" : ` Scores given by: ${res.rater}.`}`,
  );
  w.heading(L.joinHead);
  const j = res.join;
  w.note(
    lang === "da"
      ? `Borgere koblet på ID: ${j.matched}. Kun på målingsarket: ${j.onlyMeasured}. Kun i sagsdata: ${j.onlyCaseData}. Borgernes ID'er vises ikke.`
      : `Citizens joined by ID: ${j.matched}. Only on the measurement sheet: ${j.onlyMeasured}. Only in the case data: ${j.onlyCaseData}. The citizens' IDs are not shown.`,
  );
  for (const n of res.notes) w.note(n[lang]);
}

/** The sheet "Virkningskæden i data". */
export function chainSheetSpec(res: ChainResult, lang: Lang = "da"): SheetSpec {
  const w = new Writer(lang);
  w.line(w.t(L.title), { bold: true, fontSize: 14 });
  w.note(`${res.title} · ${lang === "da" ? "Data" : "Data"}: ${res.caseSheet} · ${lang === "da" ? "Kørt" : "Run"}: ${formatDateTime(res.generatedAt, lang)} · Virkning ${VERSION}`);
  w.line(w.t(L.intro));
  statusTable(w, res);
  effectTable(w, res);
  associationTable(w, res);
  activityTable(w, res);
  methods(w, res);
  const { merges, rowHeights } = w.finishLines(WIDTHS.length, WIDTHS.reduce((a, x) => a + x, 0));
  return {
    name: CHAIN_SHEET_NAME,
    tabColor: "#2E7D32",
    cells: w.cells,
    styles: w.styles,
    merges,
    rowHeights,
    columnWidths: WIDTHS.map((x, i) => ({ columns: columnLetter(i), width: x })),
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, printArea: `A1:${columnLetter(WIDTHS.length - 1)}${w.row}`, printTitleRows: "$1:$1", footer: pageFooter(lang, res.title) },
    activate: true,
  };
}
