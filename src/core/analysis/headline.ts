/**
 * What one outcome at one follow-up says, in the words of the sheet (issue 22 item 3): the pane's summary
 * and the sheet's headline both come from `outcomeHeadline`, so the pane never says "p = 0,048" where the
 * sheet says the interval includes 0 and gives Fisher's p beside χ².
 *
 * The wording rule is the sheet's: the counts and shares, p with its test (marked ¹ when an expected count
 * is below 5), then the caveats in this order: whether the interval of the difference includes 0
 * (`ciSentence`, decided on the unrounded limits), the small expected counts with Fisher's p, and, in a
 * stratified analysis, one sentence when the pooled interval and the CMH test disagree, and why.
 */
import { formatNumber, formatP, formatPercent, type Text } from "../stats";
import { confLabel } from "./settings";
import type { OutcomeRow, StratifiedRow } from "./types";
import { TERMS } from "../vocabulary";

/** Significance level of the tests' wording (the sheet's notes and the leader page use the same). */
export const HEADLINE_ALPHA = 0.05;

export interface OutcomeHeadline {
  /** "Indsats 12/30 (40,0 %) · Kontrol 5/30 (16,7 %) · p = 0,048 ¹ (Pearsons χ²-test)". */
  summary: Text;
  /** The caveats, each one sentence, in the sheet's words. */
  caveats: Text[];
}

const t = (da: string, en: string): Text => ({ da, en });

/** "= 0,048", "< 0,001". */
function pEquals(p: number, lang: "da" | "en"): string {
  const f = formatP(p, lang);
  return f.startsWith("<") ? `< ${f.slice(1)}` : `= ${f}`;
}

function share(x: number, n: number, lang: "da" | "en"): string {
  return n > 0 ? ` (${formatPercent(x / n, 1, lang)})` : "";
}

function summaryOf(row: OutcomeRow): Text {
  const a = row.counts.intervention;
  const c = row.counts.control;
  const line = (lang: "da" | "en"): string => {
    const groups = `${TERMS.interventionShort[lang]} ${a.x}/${a.n}${share(a.x, a.n, lang)} · ${TERMS.controlShort[lang]} ${c.x}/${c.n}${share(c.x, c.n, lang)}`;
    if (!row.test) return `${groups} · p = –`;
    return `${groups} · p ${pEquals(row.test.pValue, lang)}${row.test.smallExpected ? " ¹" : ""} (${row.test.method[lang]})`;
  };
  return t(line("da"), line("en"));
}

/** The χ² p-value cannot be trusted; Fisher's exact p is given beside it (the sheet's footnote ¹). */
function smallExpectedSentence(row: OutcomeRow): Text | null {
  const small = row.test?.smallExpected;
  if (!small) return null;
  const fisher = (lang: "da" | "en"): string => (small.fisherP === null ? "= –" : pEquals(small.fisherP, lang));
  return t(
    `¹ Ved ${row.month} mdr. er mindst ét forventet antal under 5, så χ²-testens p-værdi kan ikke stoles på; Fishers eksakte test giver p ${fisher("da")}.`,
    `¹ At ${row.month} months at least one expected count is below 5, so the chi-squared p-value cannot be trusted; Fisher's exact test gives p ${fisher("en")}.`,
  );
}

/**
 * One sentence when the stratified (Mantel–Haenszel) interval of the difference and the CMH test disagree
 * (one says "no difference can be ruled out", the other "significant"), and why: the interval pools the
 * differences in shares with Sato's weights, the test pools on the odds-ratio scale (weights n₁n₀/N, with
 * a continuity correction when chosen), so near the boundary they can fall on either side of it.
 */
export function stratifiedDisagreement(month: number, st: StratifiedRow | undefined, conf: number): Text | null {
  const rd = st?.riskDifference;
  const test = st?.test;
  if (!rd || !test) return null;
  const excludesZero = rd.lower > 0 || rd.upper < 0;
  const significant = test.pValue < HEADLINE_ALPHA;
  if (excludesZero === significant) return null;
  const range = (lang: "da" | "en"): string => `${formatNumber(rd.lower * 100, 1, lang)} ${lang === "da" ? "til" : "to"} ${formatNumber(rd.upper * 100, 1, lang)}`;
  const corrected = /korrektion|correction/.test(test.method.da + test.method.en);
  const level = { da: confLabel(conf, "da"), en: confLabel(conf, "en") };
  const why = {
    da: `intervallet lægger forskellene i andele sammen på tværs af strata, mens testen vejer dem på oddsratio-skalaen${corrected ? " med kontinuitetskorrektion" : ""}, så tæt på grænsen kan de falde på hver sin side af den; resultatet er derfor usikkert`,
    en: `the interval pools the differences in shares across strata, while the test weighs them on the odds-ratio scale${corrected ? " with a continuity correction" : ""}, so near the boundary they can fall on either side of it; the result is therefore uncertain`,
  };
  return excludesZero
    ? t(
        `Ved ${month} mdr. udelukker det samlede (Mantel–Haenszel) ${level.da}-konfidensinterval for forskellen 0 (${range("da")} procentpoint), men CMH-testen er ikke signifikant (p ${pEquals(test.pValue, "da")}): ${why.da}.`,
        `At ${month} months the pooled (Mantel–Haenszel) ${level.en} confidence interval of the difference excludes 0 (${range("en")} percentage points), but the CMH test is not significant (p ${pEquals(test.pValue, "en")}): ${why.en}.`,
      )
    : t(
        `Ved ${month} mdr. indeholder det samlede (Mantel–Haenszel) ${level.da}-konfidensinterval for forskellen 0 (${range("da")} procentpoint), men CMH-testen er signifikant (p ${pEquals(test.pValue, "da")}): ${why.da}.`,
        `At ${month} months the pooled (Mantel–Haenszel) ${level.en} confidence interval of the difference includes 0 (${range("en")} percentage points), but the CMH test is significant (p ${pEquals(test.pValue, "en")}): ${why.en}.`,
      );
}

/** The headline of one outcome row, for the pane's summary and the sheet alike. */
export function outcomeHeadline(row: OutcomeRow, conf: number): OutcomeHeadline {
  const caveats = [row.ciSentence, smallExpectedSentence(row), stratifiedDisagreement(row.month, row.stratified, conf)].filter((x): x is Text => x !== null);
  return { summary: summaryOf(row), caveats };
}
