/**
 * runChain: the programme theory tested on the data ("Virkningskæden i data", issue 21 item 3).
 *
 * Citizens are joined across the measurement sheet and the comparison's case data by ID (text,
 * trimmed); citizens found in only one of them are counted, never listed.
 *
 * "Reached the delmål" follows the progression (src/core/progression/analyse.ts): the scores a
 * citizen got from the chosen rater, ordered by round; with a threshold (`reachedAt`) the delmål is
 * reached when the latest scored round is ≥ the threshold (every measured citizen counts); without
 * one it counts as reached when the latest score is above the first (citizens with ≥ 2 scored
 * rounds count). The slutmål is the comparison's outcome made from that slutmål (statuses in the
 * theory's indicator, valid statuses only), at the saved headline month when that is the outcome,
 * else at the last follow-up with citizens in both groups.
 *
 * Per delmål → slutmål link:
 * - the intervention's effect on the delmål (matched citizens, share reached per group) beside its
 *   effect on the slutmål (every citizen of the case data, the numbers of the comparison sheet);
 * - the association among all matched citizens: share reaching the slutmål among those who reached
 *   the delmål minus among those who did not. This is an association, not an effect;
 * - every difference with the comparison's interval (Newcombe hybrid score, Wilson) and test
 *   policy (`testTable` with the saved policy), as on the comparison sheet.
 *
 * STATUS RULE (also printed on the sheet, `STATUS_RULE`):
 * - "for lidt data" when the delmål or the slutmål cannot be measured, or fewer than
 *   MIN_PER_GROUP (5) citizens reached the delmål or fewer than 5 did not (then no interval is
 *   trusted; with 0 none is computed);
 * - "støttet" when the whole interval of the association lies above 0 (lower limit > 0);
 * - "ikke støttet" otherwise (the interval includes 0 or lies below it): the data do not show the
 *   link, which is not the same as showing it is absent.
 * Per aktivitet → delmål link: in the indsatsgruppe, citizens with ≥ 2 scored rounds; "for lidt
 * data" below 5 such citizens; "flyttet" when more improved than got worse and the signed-rank test
 * (latest vs first) gives p < 0.05; else "ikke flyttet".
 */
import { VirkningError, VirkningValidationError } from "../errors";
import { readDataset, type Dataset, type DatasetColumns } from "../data/dataset";
import { normaliseKey } from "../data/values";
import { labelColumns, notCprColumns } from "../analysis";
import { withOtherLabels } from "../data/identifyingLabels";
import type { ComparisonSettings, OutcomeDefinition } from "../analysis/settings";
import { chooseRater } from "../progression/analyse";
import type { ScaleItem, ScoreRow } from "../progression/types";
import { median, riskDifference, testTable, wilcoxonSignedRank, type Text } from "../stats";
import type { ProgrammeTheory } from "../theory/model";
import type { ActivityLink, ChainInput, ChainResult, OutcomeLink, ReachedRule, Share, TwoShares } from "./types";

/** Fewest citizens on each side (delmål reached / not; paired in the indsatsgruppe) for a status other than "for lidt data". */
export const MIN_PER_GROUP = 5;
/** Significance level of the "moved" verdict on aktivitet → delmål links. */
export const MOVED_ALPHA = 0.05;

export const STATUS_RULE: Text = {
  da: `Status for delmål → slutmål: "for lidt data", når delmålet eller slutmålet ikke kan måles, eller når færre end ${MIN_PER_GROUP} borgere har nået delmålet eller færre end ${MIN_PER_GROUP} ikke har; "støttet", når hele konfidensintervallet for sammenhængen (forskellen i andel, der nåede slutmålet) ligger over 0; ellers "ikke støttet" (data viser ikke sammenhængen, hvilket ikke er det samme som at vise, at den ikke findes). Aktivitet → delmål: "flyttet", når flere i indsatsgruppen er forbedret end forværret fra første til seneste måling og Wilcoxons parrede test giver p < 0,05; "for lidt data" med færre end ${MIN_PER_GROUP} borgere med mindst to målinger; ellers "ikke flyttet".`,
  en: `Status of sub-goal → final goal: "too little data" when the sub-goal or the final goal cannot be measured, or fewer than ${MIN_PER_GROUP} citizens reached the sub-goal or fewer than ${MIN_PER_GROUP} did not; "supported" when the whole confidence interval of the association (difference in the share reaching the final goal) lies above 0; otherwise "not supported" (the data do not show the link, which is not the same as showing that it is absent). Activity → sub-goal: "moved" when more citizens in the intervention group improved than got worse from first to latest score and Wilcoxon's paired test gives p < 0.05; "too little data" with fewer than ${MIN_PER_GROUP} citizens with two or more scores; otherwise "not moved".`,
};

function t(da: string, en: string): Text {
  return { da, en };
}

/** An ID cell as the join key: its text, trimmed; null when blank. */
export function idKey(v: unknown): string | null {
  if (v === null || v === undefined || typeof v === "object") return null;
  const s = String(v).trim();
  return s === "" ? null : s;
}

/** The difference of two shares with the comparison's interval and test policy. */
export function twoShares(first: Share, second: Share, policy: ComparisonSettings["testPolicy"], confLevel: number): TwoShares {
  const out: TwoShares = { first, second, difference: null, lower: null, upper: null, pValue: null, test: null, notes: [] };
  if (first.n === 0 || second.n === 0) {
    out.notes.push(t("En af grupperne er tom, så der er ingen forskel og intet interval.", "One of the groups is empty, so there is no difference and no interval."));
    return out;
  }
  const rd = riskDifference(first.x, first.n, second.x, second.n, { confLevel });
  out.difference = rd.estimate.value;
  out.lower = rd.ci.lower;
  out.upper = rd.ci.upper;
  const none = first.x === 0 && second.x === 0;
  const all = first.x === first.n && second.x === second.n;
  if (none || all) {
    out.notes.push(none ? t("Ingen har nået målet i nogen af grupperne; der er ingen forskel at teste.", "Nobody reached the goal in either group; there is no difference to test.") : t("Alle har nået målet i begge grupper; der er ingen forskel at teste.", "Everybody reached the goal in both groups; there is no difference to test."));
    return out;
  }
  try {
    const r = testTable([[first.x, first.n - first.x], [second.x, second.n - second.x]], { policy });
    if (Number.isFinite(r.pValue)) {
      out.pValue = r.pValue;
      out.test = r.method;
    }
  } catch (e) {
    if (!(e instanceof VirkningError)) throw e;
    out.notes.push(t(`p-værdi: ${e.message}`, `p-value: ${e.messageEn}`));
  }
  return out;
}

/** First and latest score of one delmål per citizen (rows of the chosen rater, by round). */
interface Scored {
  first: number;
  latest: number;
  rounds: number;
}

function scoresByCitizen(rows: ScoreRow[], k: number, use: (r: ScoreRow) => boolean): Map<string, Scored> {
  const sorted = rows.filter((r) => use(r) && r.scores[k] !== null && r.scores[k] !== undefined).sort((a, b) => a.round - b.round);
  const out = new Map<string, Scored>();
  for (const r of sorted) {
    const v = r.scores[k] as number;
    const key = r.citizen.trim();
    const s = out.get(key);
    if (!s) out.set(key, { first: v, latest: v, rounds: 1 });
    else {
      s.latest = v;
      s.rounds++;
    }
  }
  return out;
}

export function reachedRule(item: ScaleItem): ReachedRule {
  return item.reachedAt === null ? { kind: "improved" } : { kind: "threshold", at: item.reachedAt };
}

/** Reached / not reached, or null when the citizen's scores cannot tell (no score; one score without a threshold). */
export function reachedOf(s: Scored | undefined, rule: ReachedRule): boolean | null {
  if (!s) return null;
  if (rule.kind === "threshold") return s.latest >= rule.at;
  return s.rounds >= 2 ? s.latest > s.first : null;
}

interface CaseData {
  ds: Dataset;
  /** ID key → citizen index in the dataset. */
  index: Map<string, number>;
  settings: ComparisonSettings;
}

function readCaseData(input: ChainInput): CaseData {
  const settings = input.settings;
  const columns: DatasetColumns = { layout: settings.source.layout, ...settings.columns };
  const raw = withOtherLabels(input.caseData, labelColumns(columns), settings.otherLabels);
  const { dataset, problems } = readDataset(raw, columns, { groupMap: settings.groupMap, statusClasses: settings.statusClasses, notCpr: notCprColumns(raw.header, settings.notCpr) });
  if (problems.length > 0) throw new VirkningValidationError(problems);
  const index = new Map<string, number>();
  for (let c = 0; c < dataset.citizens; c++) {
    const key = idKey(raw.rows[dataset.citizenRow[c]]?.[columns.id]);
    if (key !== null) index.set(key, c);
  }
  return { ds: dataset, index, settings };
}

/** Per citizen of the case data: 1 reached, 0 not, -1 no valid status at `month`. */
function finalGoalValues(cd: CaseData, outcome: OutcomeDefinition, month: number): Int8Array {
  const { ds, settings } = cd;
  const classes = new Map(Object.entries(settings.statusClasses).map(([k, v]) => [normaliseKey(k), v]));
  const keys = new Set(outcome.statuses.map((s) => normaliseKey(s)));
  const valid = ds.statuses.map((s) => (classes.get(s.key) ?? "valid") === "valid");
  const inGoal = ds.statuses.map((s, i) => valid[i] && keys.has(s.key));
  const tp = ds.timepoints.find((x) => x.month === month);
  const out = new Int8Array(ds.citizens).fill(-1);
  if (!tp) return out;
  for (let c = 0; c < ds.citizens; c++) {
    const code = tp.codes[c];
    if (code >= 0 && valid[code]) out[c] = inGoal[code] ? 1 : 0;
  }
  return out;
}

/** The slutmål's month: the saved headline month when it is this outcome, else the last follow-up with valid statuses in both groups. */
function monthFor(cd: CaseData, outcome: OutcomeDefinition): number | null {
  const followUps = cd.ds.timepoints.map((x) => x.month).filter((m) => m > 0);
  const h = cd.settings.headline;
  if (h && h.outcome === outcome.id && followUps.includes(h.month)) return h.month;
  for (let i = followUps.length - 1; i >= 0; i--) {
    const v = finalGoalValues(cd, outcome, followUps[i]);
    const n = [0, 0];
    for (let c = 0; c < v.length; c++) if (v[c] >= 0 && cd.ds.arm[c] < 2) n[cd.ds.arm[c]]++;
    if (n[0] > 0 && n[1] > 0) return followUps[i];
  }
  return null;
}

function outcomeOf(settings: ComparisonSettings, finalGoalId: string): OutcomeDefinition | undefined {
  return settings.outcomes.find((o) => o.source?.kind === "slutmaal" && o.source.id === finalGoalId);
}

interface Measured {
  item: ScaleItem;
  rule: ReachedRule;
  scores: Map<string, Scored>;
}

function outcomeLink(link: ProgrammeTheory["links"][number], theory: ProgrammeTheory, cd: CaseData, measured: Map<string, Measured>): OutcomeLink {
  const { settings } = cd;
  const sub = theory.subGoals.find((g) => g.id === link.from);
  const fin = theory.finalGoals.find((g) => g.id === link.to);
  const m = measured.get(link.from);
  const outcome = outcomeOf(settings, link.to);
  const month = outcome ? monthFor(cd, outcome) : null;
  const base: OutcomeLink = {
    linkId: link.id,
    subGoalId: link.from,
    subGoalName: sub?.name ?? link.from,
    finalGoalId: link.to,
    finalGoalName: fin?.name ?? link.to,
    rule: m?.rule ?? null,
    month,
    subGoalEffect: null,
    finalGoalEffect: null,
    association: null,
    status: "forLidtData",
    reason: t("", ""),
  };
  const policy = settings.testPolicy;
  const conf = settings.confLevel;
  const goal = outcome && month !== null ? finalGoalValues(cd, outcome, month) : null;
  if (goal) {
    const s = [{ x: 0, n: 0 }, { x: 0, n: 0 }];
    for (let c = 0; c < goal.length; c++) if (goal[c] >= 0 && cd.ds.arm[c] < 2) {
      s[cd.ds.arm[c]].n++;
      s[cd.ds.arm[c]].x += goal[c];
    }
    base.finalGoalEffect = twoShares(s[0], s[1], policy, conf);
  }
  if (m) {
    const byArm = [{ x: 0, n: 0 }, { x: 0, n: 0 }];
    const assoc = [{ x: 0, n: 0 }, { x: 0, n: 0 }];
    for (const [id, c] of cd.index) {
      const r = reachedOf(m.scores.get(id), m.rule);
      if (r === null) continue;
      const arm = cd.ds.arm[c];
      if (arm < 2) {
        byArm[arm].n++;
        if (r) byArm[arm].x++;
      }
      if (goal && goal[c] >= 0) {
        const side = r ? 0 : 1;
        assoc[side].n++;
        assoc[side].x += goal[c];
      }
    }
    base.subGoalEffect = twoShares(byArm[0], byArm[1], policy, conf);
    if (goal) base.association = twoShares(assoc[0], assoc[1], policy, conf);
  }
  return { ...base, ...decideLink(base, !!outcome) };
}

/** The documented status rule (STATUS_RULE) for one delmål → slutmål link. */
export function decideLink(l: Pick<OutcomeLink, "association" | "rule" | "month">, hasOutcome: boolean): Pick<OutcomeLink, "status" | "reason"> {
  const few = (reason: Text): Pick<OutcomeLink, "status" | "reason"> => ({ status: "forLidtData", reason });
  if (!l.rule) return few(t("Delmålet har ingen kolonne med scorer på målingsarket.", "The sub-goal has no column of scores on the measurement sheet."));
  if (!hasOutcome) return few(t("Slutmålet er ikke et resultatmål i sammenligningen (ingen statusser fra programteorien).", "The final goal is not an outcome of the comparison (no statuses from the programme theory)."));
  if (l.month === null || !l.association) return few(t("Slutmålet har ingen opfølgning med gyldige statusser i begge grupper.", "The final goal has no follow-up with valid statuses in both groups."));
  const a = l.association;
  if (a.first.n === 0) return few(t("Ingen af de målte borgere har nået delmålet, så der er intet at sammenligne med (intet interval).", "None of the measured citizens reached the sub-goal, so there is nothing to compare with (no interval)."));
  if (a.second.n === 0) return few(t("Alle målte borgere har nået delmålet, så der er intet at sammenligne med (intet interval).", "Every measured citizen reached the sub-goal, so there is nothing to compare with (no interval)."));
  if (a.first.n < MIN_PER_GROUP || a.second.n < MIN_PER_GROUP) return few(t(`Færre end ${MIN_PER_GROUP} borgere har nået delmålet (${a.first.n}) eller ikke nået det (${a.second.n}).`, `Fewer than ${MIN_PER_GROUP} citizens reached the sub-goal (${a.first.n}) or did not (${a.second.n}).`));
  if (a.lower === null || a.upper === null) return few(t("Intervallet kan ikke beregnes.", "The interval cannot be computed."));
  if (a.lower > 0) return { status: "stoettet", reason: t("Hele intervallet for sammenhængen ligger over 0.", "The whole interval of the association lies above 0.") };
  return { status: "ikkeStoettet", reason: t("Intervallet for sammenhængen indeholder 0 eller ligger under 0.", "The interval of the association includes 0 or lies below 0.") };
}

function activityLink(link: ProgrammeTheory["links"][number], theory: ProgrammeTheory, cd: CaseData, measured: Map<string, Measured>): ActivityLink {
  const act = theory.activities.find((a) => a.id === link.from);
  const sub = theory.subGoals.find((g) => g.id === link.to);
  const m = measured.get(link.to);
  const d: number[] = [];
  const first: number[] = [];
  const latest: number[] = [];
  if (m) {
    for (const [id, c] of cd.index) {
      const s = m.scores.get(id);
      if (!s || s.rounds < 2 || cd.ds.arm[c] !== 0) continue;
      first.push(s.first);
      latest.push(s.latest);
      d.push(s.latest - s.first);
    }
  }
  const improved = d.filter((x) => x > 0).length;
  const worse = d.filter((x) => x < 0).length;
  let pValue: number | null = null;
  if (d.length > 0 && d.some((x) => x !== 0)) {
    try {
      const r = wilcoxonSignedRank(latest, first);
      pValue = Number.isFinite(r.pValue) ? r.pValue : null;
    } catch (e) {
      if (!(e instanceof VirkningError)) throw e;
    }
  }
  const out: ActivityLink = {
    linkId: link.id,
    activityId: link.from,
    activityName: act?.name ?? link.from,
    subGoalId: link.to,
    subGoalName: sub?.name ?? link.to,
    paired: d.length,
    improved,
    unchanged: d.length - improved - worse,
    worse,
    medianChange: d.length ? median(d) : null,
    pValue,
    status: "forLidtData",
    reason: t("", ""),
  };
  return { ...out, ...decideMoved(out, !!m) };
}

/** The documented rule for aktivitet → delmål: did the delmål move in the indsatsgruppe? */
export function decideMoved(a: Pick<ActivityLink, "paired" | "improved" | "worse" | "pValue">, measuredItem: boolean): Pick<ActivityLink, "status" | "reason"> {
  if (!measuredItem) return { status: "forLidtData", reason: t("Delmålet har ingen kolonne med scorer på målingsarket.", "The sub-goal has no column of scores on the measurement sheet.") };
  if (a.paired < MIN_PER_GROUP) return { status: "forLidtData", reason: t(`Færre end ${MIN_PER_GROUP} borgere i indsatsgruppen har mindst to målinger (${a.paired}).`, `Fewer than ${MIN_PER_GROUP} citizens in the intervention group have two or more scores (${a.paired}).`) };
  if (a.improved > a.worse && a.pValue !== null && a.pValue < MOVED_ALPHA) return { status: "flyttet", reason: t("Flere er forbedret end forværret, og p < 0,05.", "More improved than got worse, and p < 0.05.") };
  return { status: "ikkeFlyttet", reason: t("Ændringen fra første til seneste måling er ikke tydelig (p ≥ 0,05 eller ikke flere forbedret end forværret).", "The change from first to latest score is not clear (p ≥ 0.05 or not more improved than worse).") };
}

/** Run the chain analysis on validated inputs. Bad case data throw the comparison's validation errors (naming cells). */
export function runChain(input: ChainInput, now: Date = new Date()): ChainResult {
  const cd = readCaseData(input);
  const rater = chooseRater(input.measurement.rows, input.rater);
  const use = (r: ScoreRow): boolean => rater === "all" || r.rater === rater;
  const measured = new Map<string, Measured>();
  input.measurement.items.forEach((item, k) => measured.set(item.id, { item, rule: reachedRule(item), scores: scoresByCitizen(input.measurement.rows, k, use) }));
  const measuredIds = new Set(input.measurement.rows.filter(use).map((r) => r.citizen.trim()));
  let matched = 0;
  for (const id of measuredIds) if (cd.index.has(id)) matched++;
  const theory = input.theory;
  const notes: Text[] = [];
  if (matched === 0) notes.push(t("Ingen borger-ID'er fra målingsarket findes i sagsdata; der er intet at koble.", "No citizen IDs from the measurement sheet occur in the case data; there is nothing to join."));
  return {
    title: theory.title,
    outcomeLinks: theory.links.filter((l) => l.kind === "delmaal-slutmaal").map((l) => outcomeLink(l, theory, cd, measured)),
    activityLinks: theory.links.filter((l) => l.kind === "aktivitet-delmaal").map((l) => activityLink(l, theory, cd, measured)),
    join: { matched, onlyMeasured: measuredIds.size - matched, onlyCaseData: cd.index.size - matched },
    rater,
    testPolicy: input.settings.testPolicy,
    confLevel: input.settings.confLevel,
    caseSheet: input.settings.source.sheet,
    generatedAt: now.toISOString(),
    notes,
  };
}
