/**
 * The comparison itself: status table, outcomes with effect measures and tests, baseline table ("Tabel 1"),
 * missing data. Works on a validated Dataset; every statistic comes from ../stats.
 */
import { VirkningError } from "../errors";
import {
  expectedCounts,
  fisherExact,
  formatNumber,
  oddsRatio,
  relativeRisk,
  riskDifference,
  shapiroWilk,
  smdProportion,
  tTest,
  testTable,
  wilcoxonRankSum,
  type EstimateResult,
  type TestResult,
  type Text,
} from "../stats";
import type { Dataset } from "../data/dataset";
import { buildStrata, stratifiedRow } from "./stratified";
import { adjustedRow, adjustmentCovariates } from "./adjusted";
import { normaliseKey } from "../data/values";
import { VERSION } from "../version";
import { confLabel, type BaselineChoice, type ComparisonSettings, type StatusClass } from "./settings";
import type {
  BaselineTable,
  BaselineVariable,
  CategoryLevel,
  ComparisonResult,
  ContinuousSummary,
  EffectValue,
  MissingRow,
  OutcomeResult,
  OutcomeRow,
  StatusRow,
  StatusTable,
  TestSummary,
} from "./types";

const ARMS = ["intervention", "control"] as const;

/** Shapiro–Wilk is defined for 3 ≤ n ≤ 5000; larger groups are judged on a systematic subsample of this size. */
export const SHAPIRO_MAX_N = 5000;

const CLASS_ORDER: Record<StatusClass | "blank", number> = { valid: 0, notFollowedUp: 1, movedAway: 2, excluded: 3, blank: 4 };

function t(da: string, en: string): Text {
  return { da, en };
}

function asSummary(r: TestResult): TestSummary {
  return { pValue: r.pValue, method: r.method, statistic: r.statistic.value, statisticName: r.statistic.name, df: r.parameter.df, warnings: r.warnings };
}

function asEffect(e: EstimateResult): EffectValue | null {
  if (!Number.isFinite(e.estimate.value) || !Number.isFinite(e.ci.lower) || !Number.isFinite(e.ci.upper)) return null;
  return { estimate: e.estimate.value, lower: e.ci.lower, upper: e.ci.upper, method: e.method, warnings: e.warnings };
}

/** Run a stats call; a VirkningError (impossible case) becomes a note instead of failing the report. */
function attempt<T>(f: () => T, notes: Text[], what: Text): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof VirkningError) {
      notes.push(t(`${what.da}: ${e.message}`, `${what.en}: ${e.messageEn}`));
      return null;
    }
    throw e;
  }
}

export function analyse(ds: Dataset, settings: ComparisonSettings, now: Date): ComparisonResult {
  const nS = ds.statuses.length;
  const classKeys = new Map<string, StatusClass>();
  for (const [k, v] of Object.entries(settings.statusClasses)) classKeys.set(normaliseKey(k), v);
  const classOf: StatusClass[] = ds.statuses.map((s) => classKeys.get(s.key) ?? "valid");

  // ---- counts per time point: index (status or blank=nS) * 2 + arm
  const arm = ds.arm;
  const counts: Int32Array[] = ds.timepoints.map((tp) => {
    const c = new Int32Array((nS + 1) * 2);
    const codes = tp.codes;
    const n = codes.length;
    for (let k = 0; k < n; k++) {
      const s = codes[k];
      c[(s < 0 ? nS : s) * 2 + arm[k]]++;
    }
    return c;
  });
  const months = ds.timepoints.map((tp) => tp.month);
  const followUps = months.filter((m) => m > 0);
  const N = { intervention: ds.armCounts[0], control: ds.armCounts[1] };

  // ---- status table: goal reached (first outcome) → on the way (other outcomes) → other valid → not valid; then by count
  const usedStatus: number[] = [];
  for (let s = 0; s < nS; s++) if (counts.some((c) => c[s * 2] + c[s * 2 + 1] > 0)) usedStatus.push(s);
  const outcomeKeys = settings.outcomes.map((o) => new Set(o.statuses.map((x) => normaliseKey(x))));
  const groupOf = (s: number): StatusRow["group"] => {
    if (classOf[s] !== "valid") return "other";
    const k = ds.statuses[s].key;
    if (outcomeKeys[0]?.has(k)) return "reached";
    return outcomeKeys.some((o) => o.has(k)) ? "onTheWay" : "other";
  };
  const GROUP_ORDER = { reached: 0, onTheWay: 1, other: 2 };
  const total = (s: number): number => counts.reduce((a, c) => a + c[s * 2] + c[s * 2 + 1], 0);
  usedStatus.sort(
    (a, b) =>
      CLASS_ORDER[classOf[a]] - CLASS_ORDER[classOf[b]] ||
      GROUP_ORDER[groupOf(a)] - GROUP_ORDER[groupOf(b)] ||
      total(b) - total(a) ||
      ds.statuses[a].label.localeCompare(ds.statuses[b].label, "da"),
  );
  const anyBlank = counts.some((c) => c[nS * 2] + c[nS * 2 + 1] > 0);
  const statusRows: StatusRow[] = usedStatus.map((s) => ({ label: ds.statuses[s].label, class: classOf[s], group: groupOf(s) }));
  const rowIndex = [...usedStatus];
  if (anyBlank) {
    statusRows.push({ label: "", class: "blank", group: "other" });
    rowIndex.push(nS);
  }
  const statusColumns = months.flatMap((month) => ARMS.map((a) => ({ month, arm: a, N: N[a] })));
  const statusTable: StatusTable = {
    rows: statusRows,
    columns: statusColumns,
    counts: rowIndex.map((s) => months.flatMap((_, ti) => [counts[ti][s * 2], counts[ti][s * 2 + 1]])),
  };

  // ---- missing data and denominators
  const missing: MissingRow[] = [];
  const validN: { intervention: number; control: number }[] = [];
  months.forEach((month, ti) => {
    const v = { intervention: 0, control: 0 };
    ARMS.forEach((a, ai) => {
      const row: MissingRow = { month, arm: a, total: N[a], valid: 0, notFollowedUp: counts[ti][nS * 2 + ai], movedAway: 0, excluded: 0 };
      for (let s = 0; s < nS; s++) row[classOf[s]] += counts[ti][s * 2 + ai];
      v[a] = row.valid;
      missing.push(row);
    });
    validN.push(v);
  });

  // ---- outcomes
  const strata = buildStrata(ds, settings);
  const covariates = adjustmentCovariates(ds, settings);
  const validStatus = new Uint8Array(nS);
  for (let s = 0; s < nS; s++) validStatus[s] = classOf[s] === "valid" ? 1 : 0;
  const outcomes: OutcomeResult[] = settings.outcomes.map((o) => {
    const keys = new Set(o.statuses.map((s) => normaliseKey(s)));
    const inOutcome = new Uint8Array(nS);
    const notes: Text[] = [];
    const seen = new Set<string>();
    for (let s = 0; s < nS; s++) {
      if (!keys.has(ds.statuses[s].key)) continue;
      seen.add(ds.statuses[s].key);
      if (classOf[s] === "valid") inOutcome[s] = 1;
      else notes.push(t(`Status "${ds.statuses[s].label}" er ikke en gyldig status (den er klassificeret som ${CLASS_DA[classOf[s]]}) og tæller ikke med i målet.`, `Status "${ds.statuses[s].label}" is not a valid status (it is classified as ${CLASS_EN[classOf[s]]}) and does not count towards the outcome.`));
    }
    const unseen = o.statuses.filter((s) => !seen.has(normaliseKey(s)));
    if (unseen.length > 0) notes.push(t(`Disse statusser forekommer ikke i data: ${unseen.join(", ")}.`, `These statuses do not occur in the data: ${unseen.join(", ")}.`));
    const rows: OutcomeRow[] = [];
    months.forEach((month, ti) => {
      if (month <= 0) return;
      const x = { intervention: 0, control: 0 };
      for (let s = 0; s < nS; s++) {
        if (!inOutcome[s]) continue;
        x.intervention += counts[ti][s * 2];
        x.control += counts[ti][s * 2 + 1];
      }
      const row = outcomeRow(month, x, validN[ti], settings);
      if (strata) row.stratified = stratifiedRow(ds, strata, ds.timepoints[ti].codes, inOutcome, validStatus, settings.confLevel);
      if (covariates) row.adjusted = adjustedRow(ds, ds.timepoints[ti].codes, inOutcome, validStatus, covariates, settings.confLevel);
      rows.push(row);
    });
    return { id: o.id, name: o.name, statuses: [...o.statuses], source: o.source, rows, notes };
  });

  const baseline = baselineTable(ds, settings);

  // ---- notes
  const notes: Text[] = [];
  notes.push(POLICY_NOTE[settings.testPolicy]);
  notes.push(
    t(
      `Forskel = indsatsgruppe minus kontrolgruppe i procentpoint med ${pct(settings.confLevel)}-konfidensinterval (Newcombes hybride score-metode, Wilson). Relativ risiko med log-interval; oddsratio med Woolfs logit-interval. Er en celle 0, lægges 0,5 til alle fire celler (Haldane). Er der ingen (eller alle) i begge grupper, der har nået målet, kan relativ risiko og oddsratio ikke beregnes ("–").`,
      `Difference = intervention minus control group in percentage points with ${confLabel(settings.confLevel, "en")} confidence interval (Newcombe's hybrid score method, Wilson). Relative risk with log interval; odds ratio with Woolf's logit interval. When a cell is 0, 0.5 is added to all four cells (Haldane). When nobody (or everybody) in both groups reached the outcome, relative risk and odds ratio cannot be computed ("–").`,
    ),
  );
  notes.push(
    t(
      "N = borgere med en gyldig status ved tidspunktet. Fraflyttede, udelukkede og borgere, der endnu ikke er fulgt op (tom celle), indgår ikke i N; se tabellen over manglende data.",
      "N = citizens with a valid status at the time point. Citizens who moved away, were excluded or have not yet been followed up (empty cell) are not in N; see the missing-data table.",
    ),
  );
  notes.push(t("Statustabellen: antal (n) og andel (%) af alle borgere i gruppen (N). Tidspunkt 0 = ved inklusion; der testes kun ved opfølgning (6, 12, … mdr.).", "Status table: count (n) and share (%) of all citizens in the group (N). Time 0 = at inclusion; tests are done only at follow-up (6, 12, … months)."));
  if (strata) {
    const ex = strata.excluded.intervention + strata.excluded.control;
    notes.push(
      t(
        `Stratificeret analyse efter ${strata.names.join(" × ")}: Cochran–Mantel–Haenszels test (med kontinuitetskorrektion, som R's mantelhaen.test), Mantel–Haenszels risikoforskel med Satos varians (1989) og fælles oddsratio med Robins–Breslow–Greenlands interval (1986), over strata med borgere i begge grupper.${ex > 0 ? ` ${ex} borgere mangler en værdi i en stratifikationsvariabel og indgår ikke i den stratificerede analyse.` : ""}`,
        `Stratified analysis by ${strata.names.join(" × ")}: Cochran–Mantel–Haenszel test (with continuity correction, as R's mantelhaen.test), Mantel–Haenszel risk difference with Sato's variance (1989) and common odds ratio with the Robins–Breslow–Greenland interval (1986), over strata with citizens in both groups.${ex > 0 ? ` ${ex} citizens lack a value in a stratification variable and are not in the stratified analysis.` : ""}`,
      ),
    );
  }
  if (followUps.length === 0) notes.push(t("Der er ingen opfølgningstidspunkter (kun tidspunkt 0), så der er ingen resultatmål at teste.", "There are no follow-up time points (only time 0), so there are no outcomes to test."));

  return {
    header: {
      title: t("Sammenligning: indsatsgruppe og kontrolgruppe", "Comparison: intervention group and control group"),
      ...(settings.title ? { effort: settings.title } : {}),
      sheet: ds.sheet,
      dataRange: ds.rangeAddress,
      layout: ds.layout,
      rowCount: ds.rowCount,
      citizens: { intervention: N.intervention, control: N.control, total: ds.citizens },
      generatedAt: now.toISOString(),
      version: VERSION,
      settingsSummary: settingsSummary(ds, settings, classOf),
    },
    lang: settings.lang,
    confLevel: settings.confLevel,
    months,
    followUps,
    statusTable,
    outcomes,
    baseline,
    missing,
    headline: chooseHeadline(outcomes, settings.headline),
    ...(strata ? { stratification: { variables: strata.names, excluded: strata.excluded } } : {}),
    ...(covariates ? { adjustment: { covariates: covariates instanceof VirkningError ? [] : covariates.map((c) => c.name) } } : {}),
    notes,
  };
}

/** The chosen headline when it has data in both groups; else the first outcome's last such follow-up. */
function chooseHeadline(outcomes: OutcomeResult[], wanted: ComparisonSettings["headline"]): ComparisonResult["headline"] {
  const ok = (r: OutcomeRow): boolean => r.counts.intervention.n > 0 && r.counts.control.n > 0;
  if (wanted) {
    const i = outcomes.findIndex((o) => o.id === wanted.outcome);
    if (i >= 0 && outcomes[i].rows.some((r) => r.month === wanted.month && ok(r))) return { outcome: i, month: wanted.month };
  }
  for (let i = 0; i < outcomes.length; i++) {
    const rows = outcomes[i].rows.filter(ok);
    if (rows.length > 0) return { outcome: i, month: rows[rows.length - 1].month };
  }
  return null;
}

const CLASS_DA: Record<StatusClass, string> = { valid: "gyldig", notFollowedUp: "ikke fulgt op", movedAway: "fraflyttet", excluded: "udgået" };
const CLASS_EN: Record<StatusClass, string> = { valid: "valid", notFollowedUp: "not followed up", movedAway: "moved away", excluded: "excluded" };

function pct(conf: number): string {
  return confLabel(conf, "da");
}

export const POLICY_NOTE: Record<ComparisonSettings["testPolicy"], Text> = {
  auto: t(
    "p-værdier: Fishers eksakte test, når en forventet celleværdi er under 5; ellers Pearsons χ²-test uden kontinuitetskorrektion (som SAS PROC FREQ 'Chi-Square'). Alle test er tosidede.",
    "p-values: Fisher's exact test when an expected cell count is below 5; otherwise Pearson's chi-squared test without continuity correction (as SAS PROC FREQ 'Chi-Square'). All tests are two-sided.",
  ),
  pearson: t("p-værdier: Pearsons χ²-test uden kontinuitetskorrektion (som SAS PROC FREQ 'Chi-Square'). Alle test er tosidede.", "p-values: Pearson's chi-squared test without continuity correction (as SAS PROC FREQ 'Chi-Square'). All tests are two-sided."),
  yates: t("p-værdier: Pearsons χ²-test med Yates' kontinuitetskorrektion (som R's chisq.test) for 2×2-tabeller. Alle test er tosidede.", "p-values: Pearson's chi-squared test with Yates' continuity correction (as R's chisq.test) for 2x2 tables. All tests are two-sided."),
  fisher: t("p-værdier: Fishers eksakte test (tosidet, som R's fisher.test).", "p-values: Fisher's exact test (two-sided, as R's fisher.test)."),
};

function outcomeRow(month: number, x: { intervention: number; control: number }, n: { intervention: number; control: number }, settings: ComparisonSettings): OutcomeRow {
  const notes: Text[] = [];
  const row: OutcomeRow = {
    month,
    counts: { intervention: { x: x.intervention, n: n.intervention }, control: { x: x.control, n: n.control } },
    riskDifference: null,
    relativeRisk: null,
    oddsRatio: null,
    test: null,
    ciSentence: null,
    notes,
  };
  const x1 = x.intervention;
  const n1 = n.intervention;
  const x2 = x.control;
  const n2 = n.control;
  if (n1 === 0 || n2 === 0) {
    const who = n1 === 0 && n2 === 0 ? t("nogen af grupperne", "either group") : n1 === 0 ? t("indsatsgruppen", "the intervention group") : t("kontrolgruppen", "the control group");
    notes.push(t(`Ved ${month} mdr. har ingen i ${who.da} en gyldig status; der kan ikke sammenlignes.`, `At ${month} months nobody in ${who.en} has a valid status; no comparison is possible.`));
    return row;
  }
  const conf = settings.confLevel;
  const rd = attempt(() => riskDifference(x1, n1, x2, n2, { confLevel: conf }), notes, t("Forskel", "Difference"));
  row.riskDifference = rd ? asEffect(rd) : null;
  const none = x1 === 0 && x2 === 0;
  const all = x1 === n1 && x2 === n2;
  if (none || all) {
    notes.push(
      none
        ? t(`Ved ${month} mdr. har ingen i nogen af grupperne nået målet, så der er ingen forskel at teste: relativ risiko, oddsratio og p-værdi vises som "–".`, `At ${month} months nobody in either group reached the outcome, so there is no difference to test: relative risk, odds ratio and p-value are shown as "–".`)
        : t(`Ved ${month} mdr. har alle i begge grupper nået målet, så der er ingen forskel at teste: relativ risiko, oddsratio og p-værdi vises som "–".`, `At ${month} months everybody in both groups reached the outcome, so there is no difference to test: relative risk, odds ratio and p-value are shown as "–".`),
    );
  } else {
    const rr = attempt(() => relativeRisk(x1, n1, x2, n2, { confLevel: conf }), notes, t("Relativ risiko", "Relative risk"));
    row.relativeRisk = rr ? asEffect(rr) : null;
    const or = attempt(() => oddsRatio(x1, n1, x2, n2, { confLevel: conf }), notes, t("Oddsratio", "Odds ratio"));
    row.oddsRatio = or ? asEffect(or) : null;
  }
  row.ciSentence = row.riskDifference ? ciSentence(month, row.riskDifference, conf) : null;
  const table = [[x1, n1 - x1], [x2, n2 - x2]];
  if (none || all) return row;
  const test = attempt(() => testTable(table, { policy: settings.testPolicy }), notes, t("p-værdi", "p-value"));
  if (test && Number.isFinite(test.pValue)) row.test = { ...asSummary(test), ...smallExpected(table, settings.testPolicy) };
  else if (test) notes.push(t(`Ved ${month} mdr. kan p-værdien ikke beregnes.`, `At ${month} months the p-value cannot be computed.`));
  return row;
}

/**
 * Under Pearson or Yates, a 2×2 table with an expected count below 5: the χ² p-value is marked on the sheet
 * and Fisher's exact p-value is given beside it. {} otherwise (auto already uses Fisher there).
 */
function smallExpected(table: number[][], policy: ComparisonSettings["testPolicy"]): Pick<TestSummary, "smallExpected"> {
  if (policy !== "pearson" && policy !== "yates") return {};
  const e = attempt(() => expectedCounts(table), [], t("", ""));
  if (!e) return {};
  const minExpected = Math.min(...e.flat());
  if (!(minExpected < 5)) return {};
  const f = attempt(() => fisherExact(table), [], t("", ""));
  return { smallExpected: { minExpected, fisherP: f && Number.isFinite(f.pValue) ? f.pValue : null } };
}

/**
 * The plain sentence under an outcome table: does the CI of the difference include 0? Decided on the
 * unrounded limits; a limit exactly 0 counts as included (the interval is closed).
 */
export function ciSentence(month: number, rd: { estimate: number; lower: number; upper: number }, conf: number): Text {
  const f = (v: number, lang: "da" | "en"): string => formatNumber(v * 100, 1, lang);
  const range = (lang: "da" | "en"): string => `${f(rd.lower, lang)} ${lang === "da" ? "til" : "to"} ${f(rd.upper, lang)}`;
  const level = { da: confLabel(conf, "da"), en: confLabel(conf, "en") };
  if (rd.lower <= 0 && rd.upper >= 0) {
    return t(
      `Ved ${month} mdr. indeholder ${level.da}-konfidensintervallet for forskellen (${range("da")} procentpoint) 0: data kan ikke udelukke, at der ingen forskel er mellem grupperne.`,
      `At ${month} months the ${level.en} confidence interval of the difference (${range("en")} percentage points) includes 0: the data cannot rule out that there is no difference between the groups.`,
    );
  }
  const higher = rd.lower > 0;
  return t(
    `Ved ${month} mdr. indeholder ${level.da}-konfidensintervallet for forskellen (${range("da")} procentpoint) ikke 0: andelen er ${higher ? "højere" : "lavere"} i indsatsgruppen end i kontrolgruppen.`,
    `At ${month} months the ${level.en} confidence interval of the difference (${range("en")} percentage points) does not include 0: the share is ${higher ? "higher" : "lower"} in the intervention group than in the control group.`,
  );
}

/** Deterministic systematic subsample of at most `max` values in row order: every (n/max)-th value. */
export function systematicSample(x: number[], max: number): number[] {
  if (x.length <= max) return x;
  const out = new Array<number>(max);
  for (let i = 0; i < max; i++) out[i] = x[Math.floor((i * x.length) / max)];
  return out;
}

/** k-th smallest value (0-based) of a[lo..hi] by selection (Hoare partition, median-of-three pivot); reorders a. */
function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot
    let x = a[lo];
    let y = a[mid];
    let z = a[hi];
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** Median (mean of the two middle values for even n, as R's median) in O(n); reorders `a`. Exported for tests. */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  const h = n >> 1;
  const upper = selectInPlace(a, h);
  // "+ 0" turns a negative zero into 0, so a median of zeros never prints as "-0".
  if (n % 2 === 1) return upper + 0;
  // after selection every value left of h is <= upper; the lower middle is their maximum
  let lower = a[0];
  for (let i = 1; i < h; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2 + 0;
}

/** Mean (with a refinement pass, as R's mean) and sample variance (n − 1) of a typed array, in two passes. */
export function meanVariance(a: Float64Array): { mean: number; variance: number } {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i];
  let m = s / n;
  let r = 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - m;
    r += d;
    ss += d * d;
  }
  m += r / n;
  // ss is about the unrefined mean; correct it to the refined one: Σ(x − m')² = Σ(x − m)² − n(m' − m)²
  const variance = n >= 2 ? (ss - (r * r) / n) / (n - 1) : Number.NaN;
  return { mean: m, variance: Math.max(0, variance) };
}

/**
 * Standardised mean difference from group moments, the formula of stats' smdContinuous (Austin 2009):
 * (m1 − m2) / √((v1 + v2) / 2); 0 when the means are equal; null when there is no spread but a difference.
 * Computed from moments so that a million rows need no plain arrays (a test checks it equals smdContinuous).
 */
export function smdFromMoments(m1: number, v1: number, m2: number, v2: number): number | null {
  const d = m1 - m2;
  if (d === 0) return 0;
  const den2 = (v1 + v2) / 2;
  return den2 > 0 ? d / Math.sqrt(den2) : null;
}

function toArray(a: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) out.push(a[i]);
  return out;
}

/** First and third quartile as R's quantile(x, c(.25, .75)) (type 7: linear between order statistics). */
export function quartilesOf(values: Float64Array): { q1: number; q3: number } {
  const x = Float64Array.from(values).sort();
  const at = (p: number): number => {
    const h = (x.length - 1) * p;
    const lo = Math.floor(h);
    return lo + 1 < x.length ? x[lo] + (h - lo) * (x[lo + 1] - x[lo]) : x[lo];
  };
  return { q1: at(0.25) + 0, q3: at(0.75) + 0 };
}

/** Yes/no labels: a categorical variable with exactly these two levels is shown as one row (the first of the pair). */
const YES_NO: [string, string][] = [
  ["ja", "nej"],
  ["yes", "no"],
  ["1", "0"],
  ["sand", "falsk"],
  ["true", "false"],
];

/** The level to show when `labels` are a yes/no pair (e.g. "Ja"), else null. */
export function yesLevel(labels: string[]): string | null {
  if (labels.length !== 2) return null;
  const keys = labels.map((l) => normaliseKey(l));
  for (const [y, n] of YES_NO) {
    const i = keys.indexOf(y);
    if (i >= 0 && keys[1 - i] === n) return labels[i];
  }
  return null;
}

/** Labels of the categories from cut points: [30] → "< 30", "≥ 30"; [30, 50] → "< 30", "30 til < 50", "≥ 50". */
export function cutLabels(cuts: number[], lang: "da" | "en"): string[] {
  const f = (v: number): string => formatNumber(v, Number.isInteger(v) ? 0 : 1, lang);
  const to = lang === "da" ? "til" : "to";
  return [`< ${f(cuts[0])}`, ...cuts.slice(1).map((c, i) => `${f(cuts[i])} ${to} < ${f(c)}`), `≥ ${f(cuts[cuts.length - 1])}`];
}

/** The derived categorical variable of a continuous one by cut points; missing values stay missing. */
function derivedByCuts(b: Extract<Dataset["baseline"][number], { type: "continuous" }>, cuts: number[], lang: "da" | "en"): Extract<Dataset["baseline"][number], { type: "categorical" }> {
  const sorted = [...new Set(cuts)].sort((x, y) => x - y);
  const labels = cutLabels(sorted, lang);
  const codes = new Int32Array(b.values.length);
  const counts = new Array<number>(labels.length).fill(0);
  for (let k = 0; k < b.values.length; k++) {
    const v = b.values[k];
    if (v !== v) {
      codes[k] = -1;
      continue;
    }
    let c = 0;
    while (c < sorted.length && v >= sorted[c]) c++;
    codes[k] = c;
    counts[c]++;
  }
  return { column: b.column, name: b.name, type: "categorical", levels: labels.map((label, i) => ({ label, key: label, count: counts[i], firstCell: "" })), codes };
}

/**
 * Summary of one group's values (in row order). `values` is reordered in place (it is a private copy).
 * Shapiro–Wilk uses at most SHAPIRO_MAX_N values, a systematic subsample in row order.
 */
function continuousSummary(values: Float64Array, quartiles: boolean): ContinuousSummary & { variance: number } {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, median: null, min: null, max: null, q1: null, q3: null, normalityP: null, variance: Number.NaN };
  const q = quartiles ? quartilesOf(values) : { q1: null, q3: null };
  const sample: number[] = [];
  const take = Math.min(n, SHAPIRO_MAX_N);
  for (let i = 0; i < take; i++) sample.push(values[Math.floor((i * n) / take)]);
  let min = values[0];
  let max = values[0];
  for (let i = 1; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const { mean: m, variance } = meanVariance(values);
  let normalityP: number | null = null;
  if (n >= 3 && min !== max) {
    try {
      const p = shapiroWilk(sample).pValue;
      normalityP = Number.isFinite(p) ? p : null;
    } catch (e) {
      if (!(e instanceof VirkningError)) throw e;
    }
  }
  const med = medianInPlace(values);
  return { n, mean: m, sd: n >= 2 ? Math.sqrt(variance) : null, median: med, min, max, ...q, normalityP, variance };
}

/** A categorical Tabel 1 variable: counts per level and arm, shares of those with a value, SMD per level, optional test. */
function categoricalVariable(ds: Dataset, b: Extract<Dataset["baseline"][number], { type: "categorical" }>, settings: ComparisonSettings, keepOrder = false): BaselineVariable & { type: "categorical" } {
  const arm = ds.arm;
  const notes: Text[] = [];
  const L = b.levels.length;
  const c = new Int32Array((L + 1) * 2);
  const codes = b.codes;
  const n = codes.length;
  for (let k = 0; k < n; k++) {
    const v = codes[k];
    c[(v < 0 ? L : v) * 2 + arm[k]]++;
  }
  const nonMissing = { intervention: ds.armCounts[0] - c[L * 2], control: ds.armCounts[1] - c[L * 2 + 1] };
  const order = keepOrder ? b.levels.map((_, i) => i) : b.levels.map((_, i) => i).sort((i, j) => b.levels[i].label.localeCompare(b.levels[j].label, "da", { numeric: true }));
  const levels: CategoryLevel[] = order.map((i) => {
    const p1 = nonMissing.intervention > 0 ? c[i * 2] / nonMissing.intervention : null;
    const p2 = nonMissing.control > 0 ? c[i * 2 + 1] / nonMissing.control : null;
    let smd: number | null = null;
    if (p1 !== null && p2 !== null) {
      const v = attempt(() => smdProportion(p1, p2), [], t("", ""));
      smd = v !== null && Number.isFinite(v) ? v : null;
    }
    return { label: b.levels[i].label, count: { intervention: c[i * 2], control: c[i * 2 + 1] }, proportion: { intervention: p1, control: p2 }, smd };
  });
  let test: TestSummary | null = null;
  if (settings.baselinePValues) {
    const table = levels.filter((l) => l.count.intervention + l.count.control > 0).map((l) => [l.count.intervention, l.count.control]);
    if (table.length >= 2) {
      const r = attempt(() => testTable(table, { policy: settings.testPolicy }), notes, t(b.name, b.name));
      if (r && Number.isFinite(r.pValue)) test = asSummary(r);
    } else notes.push(t(`${b.name}: kun én kategori; ingen test.`, `${b.name}: only one category; no test.`));
  }
  return { name: b.name, type: "categorical", levels, missing: { intervention: c[L * 2], control: c[L * 2 + 1] }, test, notes };
}

function baselineTable(ds: Dataset, settings: ComparisonSettings): BaselineTable {
  const arm = ds.arm;
  const variables: BaselineVariable[] = [];
  let subsampled = false;
  const choiceOf = (column: number): BaselineChoice | undefined => settings.columns.baseline.find((x) => x.column === column);
  for (const b of ds.baseline) {
    const notes: Text[] = [];
    if (b.type === "categorical") {
      const v = categoricalVariable(ds, b, settings);
      const yes = yesLevel(b.levels.map((l) => l.label));
      variables.push(yes ? { ...v, oneRow: yes } : v);
    } else {
      const vals = b.values;
      const nv = vals.length;
      let n1 = 0;
      let n2 = 0;
      for (let k = 0; k < nv; k++) {
        if (vals[k] !== vals[k]) continue;
        if (arm[k] === 0) n1++;
        else n2++;
      }
      const f1 = new Float64Array(n1);
      const f2 = new Float64Array(n2);
      let i1 = 0;
      let i2 = 0;
      for (let k = 0; k < nv; k++) {
        const v = vals[k];
        if (v !== v) continue;
        if (arm[k] === 0) f1[i1++] = v;
        else f2[i2++] = v;
      }
      // plain arrays only for the optional tests (before the summaries reorder the typed arrays)
      const xs = settings.baselinePValues ? toArray(f1) : [];
      const ys = settings.baselinePValues ? toArray(f2) : [];
      const m1 = ds.armCounts[0] - n1;
      const m2 = ds.armCounts[1] - n2;
      if (n1 > SHAPIRO_MAX_N || n2 > SHAPIRO_MAX_N) subsampled = true;
      const choice = choiceOf(b.column)?.summary ?? "auto";
      const { variance: v1, ...s1 } = continuousSummary(f1, choice === "medianIqr");
      const { variance: v2, ...s2 } = continuousSummary(f2, choice === "medianIqr");
      // dates are always summarised by median (min–max): a mean date with an SD in days reads badly
      const auto = !b.isDate && s1.normalityP !== null && s2.normalityP !== null && s1.normalityP >= 0.05 && s2.normalityP >= 0.05;
      const summary = b.isDate ? "medianRange" : choice === "auto" ? (auto ? "meanSd" : "medianRange") : choice;
      const normal = summary === "meanSd";
      let smd: number | null = null;
      if (n1 >= 2 && n2 >= 2) {
        smd = smdFromMoments(s1.mean as number, v1, s2.mean as number, v2);
        if (smd === null) notes.push(t(`${b.name}: SMD kan ikke beregnes, fordi ingen af grupperne har spredning.`, `${b.name}: the SMD cannot be computed because neither group has any spread.`));
      }
      let test: TestSummary | null = null;
      if (settings.baselinePValues) {
        if (n1 >= 2 && n2 >= 2) {
          const r = normal
            ? attempt(() => tTest(xs, ys, { varEqual: false }), notes, t(b.name, b.name))
            : attempt(() => wilcoxonRankSum(xs, ys), notes, t(b.name, b.name));
          if (r && Number.isFinite(r.pValue)) test = asSummary(r);
        } else notes.push(t(`${b.name}: for få værdier til en test.`, `${b.name}: too few values for a test.`));
      }
      variables.push({
        name: b.name,
        type: "continuous",
        isDate: b.isDate,
        summary,
        chosen: choice !== "auto" && !b.isDate,
        stats: { intervention: s1, control: s2 },
        missing: { intervention: m1, control: m2 },
        smd,
        test,
        notes,
      });
      const cuts = choiceOf(b.column)?.cuts;
      if (cuts && cuts.length > 0) variables.push({ ...categoricalVariable(ds, derivedByCuts(b, cuts, settings.lang), settings, true), derivedFrom: b.name });
    }
  }
  const notes: Text[] = [
    t("Kategoriske variable: antal (%) af borgere med en oplyst værdi; manglende værdier er vist for sig. SMD pr. kategori = standardiseret forskel i andele.", "Categorical variables: count (%) of citizens with a recorded value; missing values are shown separately. SMD per category = standardised difference in proportions."),
    t(
      "Kontinuerte variable: gennemsnit (SD), når Shapiro–Wilks test ikke forkaster normalfordeling (p ≥ 0,05) i begge grupper (n ≥ 3); ellers median (min–maks). SMD = standardiseret middelværdiforskel: forskel i gennemsnit / √((SD₁² + SD₂²)/2) (Austin 2009). |SMD| > 0,1 regnes ofte som en mærkbar skævhed.",
      "Continuous variables: mean (SD) when the Shapiro–Wilk test does not reject normality (p ≥ 0.05) in both groups (n ≥ 3); otherwise median (min–max). SMD = standardised mean difference: difference in means / √((SD₁² + SD₂²)/2) (Austin 2009). |SMD| > 0.1 is often taken as a noticeable imbalance.",
    ),
  ];
  const chosen = variables.filter((v) => v.type === "continuous" && v.chosen);
  if (chosen.length > 0) {
    const what = { meanSd: t("gennemsnit (SD)", "mean (SD)"), medianIqr: t("median (IQR = 1. til 3. kvartil)", "median (IQR = 1st to 3rd quartile)"), medianRange: t("median (min–maks)", "median (min–max)") };
    const list = (lang: "da" | "en"): string => chosen.map((v) => `${v.name}: ${v.type === "continuous" ? what[v.summary][lang] : ""}`).join("; ");
    notes.push(t(`Valgt i indstillingerne (ikke efter Shapiro–Wilk-reglen): ${list("da")}.`, `Chosen in the settings (not by the Shapiro–Wilk rule): ${list("en")}.`));
  }
  for (const v of variables) {
    if (v.type !== "categorical") continue;
    if (v.derivedFrom) notes.push(t(`${v.name} (grupperet) er dannet af ${v.derivedFrom} med skæringspunkter i Virkning; data er ikke ændret.`, `${v.name} (grouped) is derived from ${v.derivedFrom} by cut points in Virkning; the data are unchanged.`));
    if (v.oneRow) notes.push(t(`${v.name}: ja/nej-variabel vist som én række (${v.oneRow}); den anden kategori er resten af dem med en værdi.`, `${v.name}: a yes/no variable shown as one row (${v.oneRow}); the other category is the rest of those with a value.`));
  }
  if (subsampled) notes.push(t(`Normalitet er vurderet med Shapiro–Wilks test på højst ${SHAPIRO_MAX_N} værdier pr. gruppe (testens grænse): et fast, systematisk udvalg af hver k'te værdi i rækkefølge.`, `Normality was judged by the Shapiro–Wilk test on at most ${SHAPIRO_MAX_N} values per group (the test's limit): a fixed systematic subsample of every k-th value in row order.`));
  if (settings.baselinePValues) {
    notes.push(t(`p-værdier for baggrundsvariable: kategoriske: ${POLICY_NOTE[settings.testPolicy].da.replace(/^p-værdier: /, "")} Kontinuerte: Welchs t-test ved gennemsnit (SD), ellers Mann–Whitney-test (Wilcoxons rangsumtest). CONSORT fraråder signifikanstest af forskelle ved baseline i randomiserede forsøg: forskelle skyldes tilfældet; brug SMD til at vurdere balancen.`, `Baseline p-values: categorical: ${POLICY_NOTE[settings.testPolicy].en.replace(/^p-values: /, "")} Continuous: Welch's t-test with mean (SD), otherwise the Mann–Whitney test (Wilcoxon rank-sum). CONSORT advises against significance tests of baseline differences in randomised trials: differences are due to chance; use the SMD to judge balance.`));
  } else {
    notes.push(t("Ingen p-værdier for baggrundsvariable: CONSORT fraråder signifikanstest af forskelle ved baseline i randomiserede forsøg, da forskelle skyldes tilfældet. Balancen vurderes med SMD.", "No baseline p-values: CONSORT advises against significance tests of baseline differences in randomised trials, since differences are due to chance. Balance is judged by the SMD."));
  }
  return { variables, pValues: settings.baselinePValues, N: { intervention: ds.armCounts[0], control: ds.armCounts[1] }, notes };
}

function settingsSummary(ds: Dataset, settings: ComparisonSettings, classOf: StatusClass[]): { label: Text; value: Text }[] {
  const labels = (a: "intervention" | "control"): string =>
    ds.groupLabels.filter((g) => g.arm === a).map((g) => g.label).join(", ") || "–";
  const byClass = (c: StatusClass): string => ds.statuses.filter((_, i) => classOf[i] === c).map((s) => s.label).join(", ");
  const out: { label: Text; value: Text }[] = [
    { label: t("Dataformat", "Data layout"), value: ds.layout === "wide" ? t("Bredt (én statuskolonne pr. tidspunkt)", "Wide (one status column per time point)") : t("Langt (ID, tid, status)", "Long (ID, time, status)") },
    { label: t("Grupper", "Groups"), value: t(`Indsatsgruppe = ${labels("intervention")}; kontrolgruppe = ${labels("control")}`, `Intervention group = ${labels("intervention")}; control group = ${labels("control")}`) },
    { label: t("Tidspunkter", "Time points"), value: t(ds.timepoints.map((tp) => `${tp.month} mdr.`).join(", "), ds.timepoints.map((tp) => `${tp.month} months`).join(", ")) },
  ];
  const moved = byClass("movedAway");
  const excl = byClass("excluded");
  const nfu = byClass("notFollowedUp");
  out.push({
    label: t("Ikke med i N", "Not in N"),
    value: t(
      ["tomme celler (ikke fulgt op endnu)", nfu && `ikke fulgt op: ${nfu}`, moved && `fraflyttet: ${moved}`, excl && `udgået: ${excl}`].filter(Boolean).join("; "),
      ["empty cells (not yet followed up)", nfu && `not followed up: ${nfu}`, moved && `moved away: ${moved}`, excl && `excluded: ${excl}`].filter(Boolean).join("; "),
    ),
  });
  const policy: Record<ComparisonSettings["testPolicy"], Text> = {
    auto: t("Automatisk: Fisher ved forventet antal < 5, ellers Pearsons χ²", "Automatic: Fisher when an expected count < 5, otherwise Pearson's chi-squared"),
    pearson: t("Pearsons χ² (uden korrektion)", "Pearson's chi-squared (uncorrected)"),
    yates: t("Pearsons χ² med Yates' korrektion", "Pearson's chi-squared with Yates' correction"),
    fisher: t("Fishers eksakte test", "Fisher's exact test"),
  };
  out.push({ label: t("Test", "Test"), value: policy[settings.testPolicy] });
  out.push({ label: t("p-værdier i Tabel 1", "p-values in Table 1"), value: settings.baselinePValues ? t("ja", "yes") : t("nej (som CONSORT anbefaler)", "no (as CONSORT recommends)") });
  out.push({ label: t("Konfidensniveau", "Confidence level"), value: t(pct(settings.confLevel), confLabel(settings.confLevel, "en")) });
  if (settings.notCpr && settings.notCpr.length > 0) {
    const names = settings.notCpr.map((n) => `"${n}"`).join(", ");
    out.push({
      label: t("Ikke CPR-numre", "Not CPR numbers"),
      value: t(
        `${names}: brugeren har bekræftet, at kolonnen ikke indeholder CPR-numre, og den er ikke tjekket for CPR-numre`,
        `${names}: the user confirmed that the column holds no CPR numbers, and it was not checked for CPR numbers`,
      ),
    });
  }
  return out;
}
