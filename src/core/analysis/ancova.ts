/**
 * ANCOVA beside the unadjusted analysis (issue 25 item 1), shared by the comparison's numeric outcome
 * and the progression's score at the last round: on the same citizens (a value in the outcome, the
 * group and every covariate), the unadjusted difference in means (R's lm(y ~ group): the pooled-variance
 * t interval) and the difference adjusted for the baseline and the other covariates
 * (lm(y ~ group + baseline + …)), both from src/core/stats/regression.ts (checked against R's lm on
 * test/fixtures/stats/regression.json). A refusal (constant covariate, too few citizens per parameter,
 * a singular design) becomes a Danish note naming the column instead of failing the run.
 *
 * The words and the table (header, cells, formats) live here so both sheets print them the same way.
 */
import { VirkningError } from "../errors";
import { linearRegression, type Covariate, type LinearResult, type Text } from "../stats";
import type { CellValue } from "../report/sheetSpec";
import { COUNT_FORMAT, decimalFormat, pValueFormat } from "../report/numberFormats";
import { TERMS } from "../vocabulary";
import { confLabel } from "./settings";

type Lang = "da" | "en";

export interface MeanDifference {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  pValue: number;
}

export type AncovaSummary =
  | {
      ok: true;
      /** The outcome's name (a column header, or a delmål at a round). */
      outcome: string;
      covariates: string[];
      n: number;
      /** Citizens with a group but a missing outcome or covariate value (left out). */
      excluded: number;
      nPerArm: { intervention: number; control: number };
      /** Raw means of the outcome on the analysed citizens. */
      means: { intervention: number; control: number };
      unadjusted: MeanDifference;
      adjusted: MeanDifference;
      df: number;
      confLevel: number;
    }
  | { ok: false; outcome: string; covariates: string[]; note: Text };

const diff = (r: LinearResult): MeanDifference => ({ estimate: r.difference.estimate, se: r.difference.se, lower: r.difference.confInt.lower, upper: r.difference.confInt.upper, pValue: r.difference.pValue });

/** The rows with a value everywhere the adjusted model needs one (so both fits use the same citizens). */
function completeRows(y: (number | null)[], group: (number | null)[], covariates: Covariate[]): number[] {
  const missing = (v: number | string | null | undefined): boolean => v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)) || (typeof v === "string" && v.trim() === "");
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if (!missing(y[i]) && !missing(group[i]) && !covariates.some((c) => missing(c.values[i]))) rows.push(i);
  return rows;
}

export interface AncovaInput {
  outcome: string;
  /** One value per citizen; null = missing. */
  y: (number | null)[];
  /** 1 = indsatsgruppe, 0 = kontrolgruppe, null = neither. */
  group: (number | null)[];
  /** The baseline first, then the other covariates. */
  covariates: Covariate[];
  confLevel: number;
}

/** The unadjusted and the adjusted difference on the same citizens, or the Danish refusal. */
export function ancova(input: AncovaInput): AncovaSummary {
  const names = input.covariates.map((c) => c.name);
  const inGroup = input.group.filter((g) => g === 0 || g === 1).length;
  const rows = completeRows(input.y, input.group, input.covariates);
  const pick = <T>(xs: T[]): T[] => rows.map((i) => xs[i]);
  try {
    const adjusted = linearRegression({ y: input.y, group: input.group, covariates: input.covariates, confLevel: input.confLevel });
    const y = pick(input.y) as number[];
    const g = pick(input.group);
    const unadjusted = linearRegression({ y, group: g, confLevel: input.confLevel, minCitizensPerParameter: 0 });
    const meanOf = (arm: number): number => {
      const v = y.filter((_, k) => g[k] === arm);
      return v.reduce((s, x) => s + x, 0) / v.length;
    };
    return {
      ok: true,
      outcome: input.outcome,
      covariates: names,
      n: adjusted.n,
      excluded: inGroup - adjusted.n,
      nPerArm: { intervention: g.filter((x) => x === 1).length, control: g.filter((x) => x === 0).length },
      means: { intervention: meanOf(1), control: meanOf(0) },
      unadjusted: diff(unadjusted),
      adjusted: diff(adjusted),
      df: adjusted.df,
      confLevel: input.confLevel,
    };
  } catch (e) {
    if (!(e instanceof VirkningError)) throw e;
    return { ok: false, outcome: input.outcome, covariates: names, note: { da: `Justeret analyse (ANCOVA) ikke mulig for ${input.outcome}: ${e.message}`, en: `Adjusted analysis (ANCOVA) not possible for ${input.outcome}: ${e.messageEn}` } };
  }
}

export const ANCOVA_WORDS = {
  title: { da: "Justeret analyse (ANCOVA, lineær regression)", en: "Adjusted analysis (ANCOVA, linear regression)" },
  adjustedFor: { da: "justeret for", en: "adjusted for" },
  meanI: { da: "Gennemsnit, indsats", en: "Mean, intervention" },
  meanK: { da: "Gennemsnit, kontrol", en: "Mean, control" },
  unadjusted: { da: "Forskel i gennemsnit, ujusteret", en: "Difference in means, unadjusted" },
  adjusted: { da: "Forskel i gennemsnit, justeret", en: "Difference in means, adjusted" },
  se: { da: "SE", en: "SE" },
  p: { da: "p-værdi", en: "p-value" },
  n: { da: "N", en: "N" },
  left: { da: "Udeladt (manglende værdi)", en: "Left out (missing value)" },
  primary: {
    da: "Den ujusterede forskel er den primære analyse, medmindre forsøgets protokol siger andet; den justerede står ved siden af og erstatter den ikke.",
    en: "The unadjusted difference is the primary analysis unless the trial's protocol says otherwise; the adjusted one stands beside it and does not replace it.",
  },
} satisfies Record<string, Text>;

/**
 * The model in words: "<outcome> = konstant + gruppe (indsatsgruppe = 1, kontrolgruppe = 0) + <covariates>",
 * least squares as R's lm; the unadjusted difference is the same model without covariates.
 */
export function ancovaMethod(outcome: string, covariates: string[]): Text {
  const covs = covariates.join(" + ");
  return {
    da: `Metode (ANCOVA): lineær regression ved mindste kvadraters metode, ${outcome} = konstant + gruppe (indsatsgruppe = 1, kontrolgruppe = 0) + ${covs}; justeret for ${covariates.join(", ")} (kategorier som indikatorer mod den første i sorteret rækkefølge, tal som tal). Den justerede forskel er gruppens koefficient med t-fordelt konfidensinterval og p-værdi; den ujusterede er samme model uden kovariater (t-test med fælles varians), på de samme borgere. Borgere, der mangler en værdi, er udeladt og talt. Afvises ved færre end 10 borgere pr. parameter, en kovariat med samme værdi for alle, eller kovariater, der gentager hinanden.`,
    en: `Method (ANCOVA): linear regression by least squares, ${outcome} = constant + group (intervention group = 1, control group = 0) + ${covs}; adjusted for ${covariates.join(", ")} (categories as indicators against the first in sorted order, numbers as numbers). The adjusted difference is the group's coefficient with a t-based confidence interval and p-value; the unadjusted one is the same model without covariates (t-test with pooled variance), on the same citizens. Citizens lacking a value are left out and counted. Refused with fewer than 10 citizens per parameter, a covariate with the same value for everyone, or covariates that repeat each other.`,
  };
}

function levelLabels(conf: number, lang: Lang): [string, string] {
  const level = `${confLabel(conf, lang)} ${lang === "da" ? "KI" : "CI"}`;
  return [`${level}, ${lang === "da" ? "nedre" : "lower"}`, `${level}, ${lang === "da" ? "øvre" : "upper"}`];
}

/**
 * The table, eleven columns (fits the printed width of both sheets): a label, the unadjusted difference
 * (estimate, CI, p), the adjusted difference (estimate, SE, CI, p) and N. Numbers as numbers; a refused
 * row shows dashes (its reason is a note, see ancovaNotes).
 */
export function ancovaTable(rows: { label: string; summary: AncovaSummary }[], conf: number, lang: Lang, decimals = 2): { header: string[]; cells: CellValue[][]; formats: (string | undefined)[] } {
  const w = (t: Text): string => t[lang];
  const [lo, hi] = levelLabels(conf, lang);
  const header = [w(TERMS.outcome), w(ANCOVA_WORDS.unadjusted), lo, hi, w(ANCOVA_WORDS.p), w(ANCOVA_WORDS.adjusted), w(ANCOVA_WORDS.se), lo, hi, w(ANCOVA_WORDS.p), w(ANCOVA_WORDS.n)];
  const cells = rows.map(({ label, summary: s }): CellValue[] => {
    if (!s.ok) return [label, ...new Array<CellValue>(10).fill("–")];
    const u = s.unadjusted;
    const a = s.adjusted;
    return [label, u.estimate, u.lower, u.upper, u.pValue, a.estimate, a.se, a.lower, a.upper, a.pValue, s.n];
  });
  const num = decimalFormat(decimals);
  const p = pValueFormat(lang);
  return { header, cells, formats: [undefined, num, num, num, p, num, num, num, num, p, COUNT_FORMAT] };
}

/** Per row: the refusal, or the means and who was left out, as one line each. */
export function ancovaNotes(rows: { label: string; summary: AncovaSummary }[], lang: Lang): string[] {
  return rows.map(({ label, summary: s }) => {
    if (!s.ok) return s.note[lang];
    const f = (x: number): string => x.toLocaleString(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 2 });
    return lang === "da"
      ? `${label}: gennemsnit ${f(s.means.intervention)} i indsatsgruppen (N = ${s.nPerArm.intervention}) og ${f(s.means.control)} i kontrolgruppen (N = ${s.nPerArm.control}); ${s.excluded} udeladt for manglende værdi.`
      : `${label}: mean ${f(s.means.intervention)} in the intervention group (N = ${s.nPerArm.intervention}) and ${f(s.means.control)} in the control group (N = ${s.nPerArm.control}); ${s.excluded} left out for a missing value.`;
  });
}
