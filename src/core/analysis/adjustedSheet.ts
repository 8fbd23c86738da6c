/**
 * The "Justeret analyse" section of the Sammenligning sheet (issue 25 item 1): per outcome and follow-up
 * the adjusted analysis (adjusted.ts) beside the unadjusted tables above it. Two tables per outcome:
 * standardised risks with the adjusted risk difference and risk ratio; the adjusted odds ratio with its
 * Wald and profile-likelihood intervals, p (Wald and likelihood ratio), citizens, events and parameters,
 * and the estimation (maximum likelihood, or Firth under separation) said in words. Every number is a
 * number with a format; a refused row shows dashes and its Danish reason as a note.
 */
import type { Text } from "../stats";
import type { CellValue } from "../report/sheetSpec";
import { COUNT_FORMAT, decimalFormat, percentFormat, pValueFormat } from "../report/numberFormats";
import { TERMS } from "../vocabulary";
import { confLabel } from "./settings";
import type { AdjustedRow } from "./adjusted";
import type { ComparisonResult, OutcomeRow } from "./types";
import type { Builder } from "./comparisonSheet";
import { ANCOVA_WORDS, ancovaMethod, ancovaNotes, ancovaTable } from "./ancova";
import type { NumericOutcomeResult } from "./numericOutcome";

type Lang = "da" | "en";
type Ok = Extract<AdjustedRow, { ok: true }>;

const A = {
  title: { da: "Justeret analyse (logistisk regression)", en: "Adjusted analysis (logistic regression)" },
  primary: {
    da: "Den ujusterede analyse ovenfor er den primære analyse, medmindre forsøgets protokol siger andet; den justerede analyse står ved siden af den og erstatter den ikke.",
    en: "The unadjusted analysis above is the primary analysis unless the trial's protocol says otherwise; the adjusted analysis stands beside it and does not replace it.",
  },
  method: {
    da: "Metode: logistisk regression af at have nået målet på gruppe (indsatsgruppe = 1, kontrolgruppe = 0) og baggrundsvariablene (kategorier som indikatorer mod den første i sorteret rækkefølge; kontinuerte variable som tal, ikke grupperet), på de samme borgere som den ujusterede analyse (gyldig status ved tidspunktet; borgere, der mangler en værdi i en baggrundsvariabel, er udeladt og talt). Justeret oddsratio med Wald-interval og eksakt profil-likelihood-interval; p-værdi ved Wald-test og likelihood-ratio-test. Standardiserede risici: den gennemsnitlige forudsagte risiko, hvis alle analyserede borgere var i indsatsgruppen hhv. kontrolgruppen; risikoforskel og relativ risiko med delta-metodens standardfejl (Ge m.fl. 2011, Drug Information Journal 45:481–493; som FDA's vejledning om kovariatjustering, 2023). Ved separation (udfaldet forudsiges fuldstændigt for en gruppe af borgere) bruges Firths straffede likelihood (Firth 1993, Biometrika 80:27–38; Heinze & Schemper 2002). Analysen afvises, når der er færre end 10 hændelser pr. parameter (hændelser = den mindste af de to udfaldsgrupper).",
    en: "Method: logistic regression of reaching the outcome on group (intervention group = 1, control group = 0) and the baseline variables (categories as indicators against the first in sorted order; continuous variables as numbers, not grouped), on the same citizens as the unadjusted analysis (valid status at the time point; citizens lacking a value in a baseline variable are left out and counted). Adjusted odds ratio with Wald interval and exact profile-likelihood interval; p-value by the Wald test and the likelihood-ratio test. Standardised risks: the average predicted risk if every analysed citizen were in the intervention group or the control group; risk difference and relative risk with delta-method standard errors (Ge et al. 2011, Drug Information Journal 45:481–493; as the FDA guidance on covariate adjustment, 2023). Under separation (the outcome is completely predicted for a group of citizens) Firth's penalised likelihood is used (Firth 1993, Biometrika 80:27–38; Heinze & Schemper 2002). The analysis is refused with fewer than 10 events per parameter (events = the smaller of the two outcome groups).",
  },
  adjustedFor: { da: "Justeret for", en: "Adjusted for" },
  none: { da: "(ingen gyldige baggrundsvariable)", en: "(no usable baseline variables)" },
  riskI: { da: "Standardiseret risiko, indsats", en: "Standardised risk, intervention" },
  riskK: { da: "Standardiseret risiko, kontrol", en: "Standardised risk, control" },
  orAdj: { da: "Justeret oddsratio", en: "Adjusted odds ratio" },
  wald: { da: "Wald", en: "Wald" },
  profile: { da: "profil", en: "profile" },
  pWald: { da: "p-værdi (Wald)", en: "p-value (Wald)" },
  pLr: { da: "p-værdi (likelihood-ratio)", en: "p-value (likelihood ratio)" },
  n: { da: "Borgere analyseret", en: "Citizens analysed" },
  left: { da: "Udeladt (manglende værdi)", en: "Left out (missing value)" },
  events: { da: "Hændelser", en: "Events" },
  params: { da: "Parametre", en: "Parameters" },
  estimation: { da: "Estimation", en: "Estimation" },
  ml: { da: "Maksimum likelihood", en: "Maximum likelihood" },
  firth: { da: "Firth (separation)", en: "Firth (separation)" },
  months: { da: "mdr.", en: "months" },
  note: { da: "Note", en: "Note" },
} satisfies Record<string, Text>;

const tx = (t: Text, lang: Lang): string => (lang === "en" ? t.en : t.da);
const monthLabel = (m: number, lang: Lang): string => `${m} ${tx(A.months, lang)}`;
const dash = (k: number): CellValue[] => new Array<CellValue>(k).fill("–");

function levelLabels(conf: number, lang: Lang, what = ""): [string, string] {
  const level = `${confLabel(conf, lang)} ${lang === "da" ? "KI" : "CI"}${what ? ` (${what})` : ""}`;
  return [`${level}, ${lang === "da" ? "nedre" : "lower"}`, `${level}, ${lang === "da" ? "øvre" : "upper"}`];
}

/** Standardised risks, adjusted risk difference (percentage points) and risk ratio, one row per follow-up. */
function risksTable(b: Builder, rows: OutcomeRow[], conf: number): void {
  const lang = b.lang;
  const [lo, hi] = levelLabels(conf, lang);
  b.headerRow([tx(TERMS.followUp, lang), tx(A.riskI, lang), tx(A.riskK, lang), tx(TERMS.difference, lang), lo, hi, tx(TERMS.relativeRisk, lang), lo, hi]);
  const first = b.last + 1;
  for (const r of rows) {
    const a = r.adjusted;
    if (!a?.ok) b.row(monthLabel(r.month, lang), ...dash(8));
    else b.row(monthLabel(r.month, lang), a.risks.intervention, a.risks.control, a.riskDifference.estimate * 100, a.riskDifference.lower * 100, a.riskDifference.upper * 100, a.riskRatio.estimate, a.riskRatio.lower, a.riskRatio.upper);
  }
  b.format(first, b.last, 1, 2, percentFormat(lang));
  b.format(first, b.last, 3, 5, decimalFormat(1));
  b.format(first, b.last, 6, 8, decimalFormat(2));
  if (b.last >= first) b.style(`B${first}:I${b.last}`, { horizontalAlignment: "right" });
}

function oddsCells(a: Ok, lang: Lang): CellValue[] {
  const o = a.oddsRatio;
  return [o.estimate, o.lower, o.upper, o.profileLower, o.profileUpper, o.pWald, o.pLikelihoodRatio, a.n, a.excluded, a.events, "", a.parameters, tx(a.firth ? A.firth : A.ml, lang)];
}

/** The adjusted odds ratio with both intervals, both p-values, and what the model rests on. */
function oddsTable(b: Builder, rows: OutcomeRow[], conf: number): void {
  const lang = b.lang;
  const [wlo, whi] = levelLabels(conf, lang, tx(A.wald, lang));
  const [plo, phi] = levelLabels(conf, lang, tx(A.profile, lang));
  b.headerRow([tx(TERMS.followUp, lang), tx(A.orAdj, lang), wlo, whi, plo, phi, tx(A.pWald, lang), tx(A.pLr, lang), tx(A.n, lang), tx(A.left, lang), tx(A.events, lang), "", tx(A.params, lang), tx(A.estimation, lang)]);
  const first = b.last + 1;
  for (const r of rows) {
    const a = r.adjusted;
    if (!a?.ok) b.row(monthLabel(r.month, lang), ...dash(10), "", "–", "–");
    else b.row(monthLabel(r.month, lang), ...oddsCells(a, lang));
  }
  const last = b.last;
  b.format(first, last, 1, 5, decimalFormat(2));
  b.format(first, last, 6, 7, pValueFormat(lang));
  b.format(first, last, 8, 10, COUNT_FORMAT);
  b.format(first, last, 12, 12, COUNT_FORMAT);
  if (last >= first) b.style(`B${first}:M${last}`, { horizontalAlignment: "right" });
}

/** Refusals, separation and other warnings of the outcome's rows, each named by its follow-up. */
function rowNotes(rows: OutcomeRow[]): Text[] {
  return rows.flatMap((r) => {
    const a = r.adjusted;
    if (!a) return [];
    const texts = a.ok ? a.warnings : [a.note];
    return texts.map((n) => ({ da: `${monthLabel(r.month, "da")}: ${n.da}`, en: `${monthLabel(r.month, "en")}: ${n.en}` }));
  });
}

/** The section, appended after the unadjusted results; nothing when no adjusted analysis is chosen. */
export function adjustedSection(b: Builder, result: ComparisonResult): void {
  if (!result.adjustment || result.followUps.length === 0) return;
  const lang = b.lang;
  b.section(A.title);
  b.sentence(A.primary);
  const names = result.adjustment.covariates;
  b.line(`${tx(A.adjustedFor, lang)}: ${names.length > 0 ? names.join(", ") : tx(A.none, lang)}`, { bold: true });
  for (const o of result.outcomes) {
    b.line(o.name, { bold: true });
    risksTable(b, o.rows, result.confLevel);
    oddsTable(b, o.rows, result.confLevel);
    b.notes(rowNotes(o.rows), `${tx(A.note, lang)}: `);
  }
  b.notes([A.method]);
}

const NUMERIC = {
  title: { da: "Numeriske resultatmål: ujusteret og justeret (ANCOVA)", en: "Numeric outcomes: unadjusted and adjusted (ANCOVA)" },
  welch: { da: "Ujusteret: alle borgere med en værdi", en: "Unadjusted: every citizen with a value" },
  nI: { da: "N indsats", en: "N intervention" },
  nK: { da: "N kontrol", en: "N control" },
  diff: { da: "Forskel i gennemsnit", en: "Difference in means" },
} satisfies Record<string, Text>;

/** Welch's comparison of every citizen with a value: N and mean per group, the difference with its interval, p, the test. */
function welchTable(b: Builder, o: NumericOutcomeResult, conf: number): void {
  const lang = b.lang;
  const [lo, hi] = levelLabels(conf, lang);
  b.line(tx(NUMERIC.welch, lang), { bold: true });
  b.headerRow([tx(TERMS.outcome, lang), tx(NUMERIC.nI, lang), tx(ANCOVA_WORDS.meanI, lang), tx(NUMERIC.nK, lang), tx(ANCOVA_WORDS.meanK, lang), tx(NUMERIC.diff, lang), lo, hi, tx(TERMS.pValue, lang), tx(TERMS.test, lang)]);
  const w = o.welch;
  const r = w ? b.row(o.outcome, w.n.intervention, w.means.intervention, w.n.control, w.means.control, w.difference, w.lower, w.upper, w.pValue, tx(w.method, lang)) : b.row(o.outcome, ...dash(9));
  b.format(r, r, 1, 1, COUNT_FORMAT);
  b.format(r, r, 3, 3, COUNT_FORMAT);
  b.format(r, r, 2, 2, decimalFormat(2));
  b.format(r, r, 4, 7, decimalFormat(2));
  b.format(r, r, 8, 8, pValueFormat(lang));
}

/** The ANCOVA beside the unadjusted difference, on the same citizens (ancova.ts). */
function ancovaRows(b: Builder, o: NumericOutcomeResult, conf: number): void {
  const lang = b.lang;
  const rows = [{ label: o.outcome, summary: o.ancova }];
  const table = ancovaTable(rows, conf, lang);
  b.line(`${tx(ANCOVA_WORDS.title, lang)}, ${tx(ANCOVA_WORDS.adjustedFor, lang)} ${[o.baseline, ...o.covariates].join(", ")}`, { bold: true });
  b.headerRow(table.header);
  const first = b.last + 1;
  for (const c of table.cells) b.row(...c);
  table.formats.forEach((f, j) => f && b.format(first, b.last, j, j, f));
  if (b.last >= first) b.style(`B${first}:K${b.last}`, { horizontalAlignment: "right" });
  for (const n of ancovaNotes(rows, lang)) b.line(n, { italic: true });
  b.notes(o.notes);
  const covs = o.ancova.ok ? o.ancova.covariates : [o.baseline, ...o.covariates];
  b.notes([ancovaMethod(o.outcome, covs)]);
}

/** The numeric outcomes' section, after the adjusted analysis; nothing when none is chosen. */
export function numericOutcomeSection(b: Builder, result: ComparisonResult): void {
  const list = result.numericOutcomes ?? [];
  if (list.length === 0) return;
  b.section(NUMERIC.title);
  b.sentence(ANCOVA_WORDS.primary);
  for (const o of list) {
    welchTable(b, o, result.confLevel);
    ancovaRows(b, o, result.confLevel);
  }
}
