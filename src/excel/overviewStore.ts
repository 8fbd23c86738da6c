/**
 * The Overblik pane's workbook side (issue 21 item 1): the evaluation's parts, each with how to find its
 * state and how to make it again, and "Opdater alt".
 *
 * The part list (`PART_SOURCES`) is in dependency order. Adding a part is one more entry: an id, a title
 * (the sheet's name from its domain), `dependsOn` (ids of the parts whose output it reads), the pane and
 * sheet "Gå til" opens, `facts` (whether its sheet exists, its record, the fingerprint of its inputs as read
 * now through `ctx.inputs`) and `regenerate` (the store's own "Kør igen"/"Opdater" path, which records the
 * part: partRecords.recordPart). See src/core/overview/README.md.
 *
 * Reads go through partInputs (the one chunked reader, each sheet once per look); every regeneration is
 * its own store call, so each sheet is its own transaction (the renderer's).
 */
import { analysisName, resultSheetOf, type AnalysisCollection, type ComparisonSettings } from "../core/analysis";
import { CHAIN_SHEET_NAME } from "../core/chain";
import { RANDOMISATION_SHEET_NAME } from "../core/design/sheet";
import { VirkningError, VirkningValidationError } from "../core/errors";
import { decideParts, dependencyOrder, notReached, type PartFacts, type PartInputs, type PartRecord, type PartState, type Refusal } from "../core/overview";
import { MEASUREMENT_SHEET_NAME, parseMeasurementSheet, PROGRESSION_SHEET_NAME, type PlanCitizen } from "../core/progression";
import type { Text } from "../core/stats";
import { SUMMARY_SHEET_NAME } from "../core/summary";
import { THEORY_SHEET_NAME } from "../core/theory";
import type { RegisterSettings } from "../core/register/settings";
import { TERMS } from "../core/vocabulary";
import { loadChainRecord, noComparison, runAndWriteChain } from "./chainStore";
import { loadAnalyses, runAndWriteComparison, saveAnalysisRun } from "./comparisonStore";
import { designInputsFingerprint, loadDesignSettings, readEligibility, rewriteRandomisation } from "./designStore";
import { supports, type ExcelRun } from "./host";
import { WorkbookInputs } from "./partInputs";
import { keepRefusal, loadOverviewRecords, PART_IDS, type PartRecords, type StoredRefusal } from "./partRecords";
import { defaultProgressionSettings, generateMeasurementSheet, loadProgressionSettings, runAndWriteProgression } from "./progressionStore";
import { loadRegisterSettings, REGISTER_SHEET_NAME, runAndWriteRegister } from "./registerStore";
import { ownedSheetNames } from "./state";
import { buildSummary, defaultSummarySettings, loadSummarySettings } from "./summaryStore";
import { loadTheory, saveTheory } from "./theoryStore";

type Lang = "da" | "en";

/** What one look at the workbook knows; shared by every part of that look. */
export interface OverviewContext {
  run: ExcelRun;
  lang: Lang;
  now: Date;
  inputs: WorkbookInputs;
  records: PartRecords;
  /** The refusal of the last "Opdater alt", as kept in the workbook. */
  refusal: StoredRefusal | null;
  owned: Set<string>;
  analyses: AnalysisCollection | null;
  /** The analysis the leader page and the progression's transitions read (the pane's active one). */
  active: ComparisonSettings | null;
  /** The register follow-up's settings, when it has been set up. */
  register: RegisterSettings | null;
}

export interface OverviewPart {
  id: string;
  title: Text;
  dependsOn: string[];
  /** The pane (src/taskpane/panes.ts id) and the sheet "Gå til" opens. */
  pane: string;
  sheet: string;
  /** The id of the element in the pane that "Gå til" scrolls to (a step of the pane), if any. */
  anchor?: string;
  facts(ctx: OverviewContext): Promise<Omit<PartFacts, "id" | "title" | "dependsOn">>;
  regenerate(ctx: OverviewContext): Promise<void>;
}

/** One entry of the list: a fixed part, or a function giving several (one per saved analysis). */
export type PartSource = OverviewPart | ((ctx: OverviewContext) => OverviewPart[]);

const activeId = (ctx: OverviewContext): string[] => (ctx.active ? [analysisId(ctx.active)] : []);
export const analysisId = (a: ComparisonSettings): string => `analysis:${analysisName(a)}`;
const made = (ctx: OverviewContext, id: string): PartRecord | null => ctx.records[id] ?? null;
const ok = (fingerprint: string | null): PartInputs => (fingerprint === null ? { kind: "absent" } : { kind: "ok", fingerprint });

function refusedBy(e: unknown): Text {
  if (e instanceof VirkningValidationError) return { da: e.problems.map((p) => p.message).slice(0, 3).join(" "), en: e.problems.map((p) => p.messageEn).slice(0, 3).join(" ") };
  if (e instanceof VirkningError) return { da: e.message, en: e.messageEn };
  throw e;
}

const theoryPart: OverviewPart = {
  id: PART_IDS.theory,
  title: { da: "Programteori", en: "Programme theory" },
  dependsOn: [],
  pane: "programteori",
  sheet: THEORY_SHEET_NAME,
  async facts(ctx) {
    return { exists: ctx.owned.has(THEORY_SHEET_NAME), made: made(ctx, this.id), inputs: ok(await ctx.inputs.theoryFingerprint()) };
  },
  async regenerate(ctx) {
    const loaded = await loadTheory(ctx.run);
    if (!loaded) throw new VirkningError("SHEET_NOT_FOUND", `Arket "${THEORY_SHEET_NAME}" findes ikke.`, `The sheet "${THEORY_SHEET_NAME}" does not exist.`, { sheet: THEORY_SHEET_NAME });
    const bad = loaded.issues.filter((i) => i.severity === "error");
    if (bad.length > 0) throw new VirkningError("THEORY_CELLS", bad.map((i) => i.message.da).slice(0, 3).join(" "), bad.map((i) => i.message.en).slice(0, 3).join(" "), { sheet: THEORY_SHEET_NAME, cell: bad[0].cell });
    // with the sheet as just read as `expected`: text outside the theory's tables refuses (TheoryConflictError) instead of being dropped
    await saveTheory(ctx.run, loaded.theory, ctx.lang, { shapes: supports("Worksheet.shapes"), expected: loaded.snapshot, now: ctx.now });
  },
};

const designPart: OverviewPart = {
  id: PART_IDS.design,
  title: { da: "Forsøgsdesign (randomisering)", en: "Trial design (randomisation)" },
  dependsOn: [],
  pane: "forsoegsdesign",
  sheet: RANDOMISATION_SHEET_NAME,
  async facts(ctx) {
    const settings = await loadDesignSettings(ctx.run);
    const exists = ctx.owned.has(RANDOMISATION_SHEET_NAME);
    if (!settings?.createdAt) return { exists, made: null, inputs: { kind: "absent" } };
    return { exists, made: made(ctx, this.id), inputs: ok(designInputsFingerprint(await readEligibility(ctx.run, settings.sheet), settings)) };
  },
  async regenerate(ctx) {
    const settings = await loadDesignSettings(ctx.run);
    if (!settings) throw new VirkningError("DESIGN_NOT_RANDOMISED", "Der er ikke randomiseret endnu.", "Nothing has been randomised yet.");
    await rewriteRandomisation(ctx.run, settings, { lang: ctx.lang, now: ctx.now });
  },
};

const measurementPart: OverviewPart = {
  id: PART_IDS.measurement,
  title: { da: "Målingsark (progressionsrunder)", en: "Measurement sheet (progression rounds)" },
  dependsOn: [PART_IDS.theory],
  pane: "progression",
  sheet: MEASUREMENT_SHEET_NAME,
  async facts(ctx) {
    const record = ctx.records[this.id];
    const exists = ctx.owned.has(MEASUREMENT_SHEET_NAME);
    if (!exists && !record) return { exists, made: null, inputs: { kind: "absent" } };
    return { exists, made: record ?? null, inputs: ok(await ctx.inputs.measurementFingerprint(record?.startDate ?? null)) };
  },
  async regenerate(ctx) {
    // the citizens on the sheet now (the user may have typed them), every entry kept by the store; the start date as recorded
    const grid = await ctx.inputs.grid(MEASUREMENT_SHEET_NAME);
    const citizens: PlanCitizen[] = [];
    for (const e of grid ? parseMeasurementSheet(grid).entries : []) {
      if (!citizens.some((c) => c.id === e.citizen)) citizens.push({ id: e.citizen, group: e.group === null || e.group === "" ? null : String(e.group) });
    }
    await generateMeasurementSheet(ctx.run, { citizens, startDate: ctx.records[this.id]?.startDate ?? null, now: ctx.now });
  },
};

function analysisPart(a: ComparisonSettings): OverviewPart {
  const name = analysisName(a);
  return {
    id: analysisId(a),
    title: { da: `Analyse "${name}"`, en: `Analysis "${name}"` },
    // with the groups from "Randomisering" it reads the randomisation's allocation table
    dependsOn: a.randomisation ? [PART_IDS.design] : [],
    pane: "sammenligning",
    sheet: resultSheetOf(a),
    async facts(ctx) {
      const exists = ctx.owned.has(resultSheetOf(a));
      const record = a.lastRun ? { madeAt: a.lastRun.at, fingerprint: a.lastRun.fingerprint } : null;
      return { exists, made: record, inputs: ok(await ctx.inputs.analysisFingerprint(a)) };
    },
    async regenerate(ctx) {
      // the comparison's own "Kør igen", then the settings as run (with the record), the active analysis unchanged
      const r = await runAndWriteComparison(ctx.run, a, { lang: a.lang ?? ctx.lang, now: ctx.now });
      await saveAnalysisRun(ctx.run, r.settings);
    },
  };
}

const progressionPart = (ctx: OverviewContext): OverviewPart[] => [
  {
    id: PART_IDS.progression,
    title: { da: "Progression (resultater)", en: "Progression (results)" },
    dependsOn: [PART_IDS.measurement, ...activeId(ctx)],
    pane: "progression",
    sheet: PROGRESSION_SHEET_NAME,
    async facts(c) {
      const settings = await loadProgressionSettings(c.run);
      const exists = c.owned.has(PROGRESSION_SHEET_NAME);
      if (!settings) return { exists, made: null, inputs: { kind: "absent" } };
      const fingerprint = await c.inputs.progressionFingerprint(settings, c.active);
      if (fingerprint === null) {
        const t = { da: `Arket "${settings.sheet}" findes ikke. Lav målingsarket først.`, en: `The sheet "${settings.sheet}" does not exist. Make the measurement sheet first.` };
        return { exists, made: made(c, this.id), inputs: { kind: "refused", reason: t } };
      }
      return { exists, made: made(c, this.id), inputs: { kind: "ok", fingerprint } };
    },
    async regenerate(c) {
      const settings = await loadProgressionSettings(c.run);
      if (!settings) throw new VirkningError("PROGRESSION_NO_SETTINGS", "Progressionen er ikke beregnet endnu.", "The progression has not been computed yet.");
      await runAndWriteProgression(c.run, settings, { now: c.now });
    },
  },
];

/** "Virkningskæden i data" (chainStore): made from the theory, the measurement sheet and the active analysis's case data. */
const chainPart = (ctx: OverviewContext): OverviewPart[] => [
  {
    id: PART_IDS.chain,
    title: TERMS.chain,
    dependsOn: [PART_IDS.theory, PART_IDS.measurement, ...activeId(ctx)],
    pane: "progression",
    sheet: CHAIN_SHEET_NAME,
    anchor: "prog-step-chain",
    async facts(c) {
      const exists = c.owned.has(CHAIN_SHEET_NAME);
      const record = made(c, this.id);
      if (!exists && !record) return { exists, made: null, inputs: { kind: "absent" } };
      if (!c.active) return { exists, made: record, inputs: { kind: "refused", reason: refusedBy(noComparison()) } };
      const progression = (await loadProgressionSettings(c.run)) ?? defaultProgressionSettings(c.lang);
      const fingerprint = await c.inputs.chainFingerprint(progression, c.active);
      if (fingerprint === null) {
        const t = { da: `Arket "${THEORY_SHEET_NAME}" eller "${progression.sheet}" findes ikke.`, en: `The sheet "${THEORY_SHEET_NAME}" or "${progression.sheet}" does not exist.` };
        return { exists, made: record, inputs: { kind: "refused", reason: t } };
      }
      return { exists, made: record, inputs: { kind: "ok", fingerprint } };
    },
    async regenerate(c) {
      // the chain step's own "Lav virkningskæden" (it records the part)
      await runAndWriteChain(c.run, { lang: c.lang, now: c.now, shapes: supports("Worksheet.shapes") });
    },
  },
];

/**
 * "Registeropfølgning" (registerStore), listed once it has been set up (its settings saved; it is optional):
 * made from the weekly data, "Statuskoder" and the start weeks, as its own "Kør igen" fingerprints them.
 */
const registerPart = (ctx: OverviewContext): OverviewPart[] =>
  ctx.register
    ? [
        {
          id: PART_IDS.register,
          title: TERMS.registerFollowUp,
          // the start week may come from the randomisation's date
          dependsOn: ctx.register.start.rule === "randomisation" ? [PART_IDS.design] : [],
          pane: "registeropfoelgning",
          sheet: REGISTER_SHEET_NAME,
          async facts(c) {
            const last = c.register?.lastRun;
            const exists = c.owned.has(REGISTER_SHEET_NAME);
            if (!last) return { exists, made: null, inputs: { kind: "absent" } };
            return { exists, made: { madeAt: last.at, fingerprint: last.fingerprint }, inputs: ok(await c.inputs.registerFingerprint()) };
          },
          async regenerate(c) {
            if (!c.register) throw new VirkningError("REGISTER_NO_SETTINGS", "Registeropfølgningen er ikke sat op endnu.", "The register follow-up has not been set up yet.");
            await runAndWriteRegister(c.run, c.register, { now: c.now, lang: c.lang });
          },
        },
      ]
    : [];

const summaryPart = (ctx: OverviewContext): OverviewPart[] => [
  {
    id: PART_IDS.summary,
    title: { da: "Ledelsesoverblik", en: "Summary for leaders" },
    dependsOn: [PART_IDS.theory, ...activeId(ctx), PART_IDS.progression, PART_IDS.chain, ...(ctx.register ? [PART_IDS.register] : [])],
    pane: "ledelsesoverblik",
    sheet: SUMMARY_SHEET_NAME,
    async facts(c) {
      const exists = c.owned.has(SUMMARY_SHEET_NAME);
      const stored = await loadSummarySettings(c.run);
      if (!exists && !c.records[this.id]) return { exists, made: null, inputs: { kind: "absent" } };
      const progression = await loadProgressionSettings(c.run);
      // "Holder kæden?" reads the chain's stored counts when the chain sheet exists (partInputs checks the sheet)
      const chain = (await c.inputs.sheetNames()).includes(CHAIN_SHEET_NAME) ? ((await loadChainRecord(c.run).catch(() => null))?.brief ?? null) : null;
      return { exists, made: made(c, this.id), inputs: ok(await c.inputs.summaryFingerprint(stored ?? defaultSummarySettings(c.lang), c.active, progression, chain)) };
    },
    async regenerate(c) {
      const s = (await loadSummarySettings(c.run)) ?? defaultSummarySettings(c.lang);
      await buildSummary(c.run, { followUp: s.followUp, audience: s.audience, threshold: s.threshold, lang: s.lang }, { now: c.now });
    },
  },
];

/** The evaluation's parts in dependency order: theory → randomisation → measurement sheets → analyses (and the register follow-up) → progression → chain → leader page. */
export const PART_SOURCES: PartSource[] = [theoryPart, designPart, measurementPart, (ctx) => (ctx.analyses?.analyses ?? []).map(analysisPart), registerPart, progressionPart, chainPart, summaryPart];

async function context(run: ExcelRun, lang: Lang, now: Date): Promise<OverviewContext> {
  const { records, refusal } = await loadOverviewRecords(run);
  const { owned } = await run((c) => ownedSheetNames(c));
  const analyses = await loadAnalyses(run).catch(() => null);
  const active = analyses?.analyses.find((a) => analysisName(a) === analyses.active) ?? analyses?.analyses[0] ?? null;
  const register = await loadRegisterSettings(run).catch(() => null);
  return { run, lang, now, inputs: new WorkbookInputs(run), records, refusal, owned, analyses, active, register };
}

export interface OverviewLine {
  part: OverviewPart;
  state: PartState;
  /** The fingerprint of its inputs as read now (null when they cannot be read). */
  fingerprint: string | null;
}

/**
 * Every part with its state, from one look at the workbook (each input sheet read once). The last "Opdater
 * alt"'s refusal, as kept, marks its part refused while its inputs are unchanged, and the out-of-date parts
 * after it say they were not reached.
 */
export async function readOverview(run: ExcelRun, opts: { lang: Lang; now?: Date }): Promise<OverviewLine[]> {
  const ctx = await context(run, opts.lang, opts.now ?? new Date());
  const r = ctx.refusal;
  const lines = await linesOf(ctx, new Map(r ? [[r.id, r]] : []));
  const refusedLine = r ? lines.find((l) => l.part.id === r.id && l.state.status === "refused") : undefined;
  return refusedLine ? markNotReached(lines, { id: refusedLine.part.id, title: refusedLine.part.title }) : lines;
}

/** The parts' states as read now; `refusals` (by part id) as decide.ts takes them. */
async function linesOf(ctx: OverviewContext, refusals: ReadonlyMap<string, Refusal>): Promise<OverviewLine[]> {
  const parts = dependencyOrder(PART_SOURCES.flatMap((s) => (typeof s === "function" ? s(ctx) : [s])));
  const facts: PartFacts[] = [];
  for (const p of parts) {
    const base = { id: p.id, title: p.title, dependsOn: p.dependsOn };
    try {
      facts.push({ ...base, ...(await p.facts(ctx)) });
    } catch (e) {
      facts.push({ ...base, exists: ctx.owned.has(p.sheet), made: ctx.records[p.id] ?? null, inputs: { kind: "refused", reason: refusedBy(e) } });
    }
  }
  const states = decideParts(facts, refusals);
  return parts.map((part, i) => {
    const f = facts.find((x) => x.id === part.id)!;
    return { part, state: states.find((s) => s.id === part.id) ?? states[i], fingerprint: f.inputs.kind === "ok" ? f.inputs.fingerprint : null };
  });
}

export interface UpdateReport {
  /** Ids of the parts made again, in order. */
  regenerated: string[];
  /** The part that refused (the update stopped there), with the reason. */
  refused: { id: string; title: Text; reason: Text; fingerprint: string | null } | null;
  /** The states after the update; stale parts after the refusal say they were not reached. */
  lines: OverviewLine[];
  /**
   * Parts shown as out of date (`shown`, or at the update's first look) whose inputs were found unchanged since
   * they were made when their turn came (made meanwhile, in their own pane): not made again, and said so.
   */
  alreadyUpToDate: { id: string; title: Text }[];
}

/**
 * "Opdater alt": before each step the states are read again (a part made earlier changes its dependents'
 * inputs), then the first stale part in dependency order is made again through its store, in its own
 * transaction. Stops at the first refusal (a part refused as read, or its regeneration refused): earlier
 * parts stay made, later ones stay stale and say why. Missing parts are left to their panes.
 */
export async function updateAll(run: ExcelRun, opts: { lang: Lang; now?: Date; onStep?: (title: Text) => void; shown?: readonly string[] }): Promise<UpdateReport> {
  const now = opts.now ?? new Date();
  const regenerated: string[] = [];
  const wasStale = new Set(opts.shown ?? []);
  let refused: UpdateReport["refused"] = null;
  for (;;) {
    const ctx = await context(run, opts.lang, now);
    // the last update's refusal is not in the way: a part refused then is tried again
    const lines = await linesOf(ctx, new Map());
    if (regenerated.length === 0) for (const l of lines) if (l.state.status === "stale") wasStale.add(l.part.id);
    const next = lines.find((l) => !regenerated.includes(l.part.id) && (l.state.status === "stale" || l.state.status === "refused"));
    if (!next) break;
    if (next.state.status === "refused") {
      // refused as read: nothing after it is made from data it cannot vouch for
      if (!lines.slice(lines.indexOf(next) + 1).some((l) => l.state.status === "stale")) break;
      refused = { id: next.part.id, title: next.part.title, reason: next.state.reason ?? { da: "", en: "" }, fingerprint: next.fingerprint };
      break;
    }
    opts.onStep?.(next.part.title);
    try {
      await next.part.regenerate(ctx);
      regenerated.push(next.part.id);
    } catch (e) {
      refused = { id: next.part.id, title: next.part.title, reason: refusedBy(e), fingerprint: next.fingerprint };
      break;
    }
  }
  // kept for the pane's next look (replacing the previous update's): 1 sync
  await keepRefusal(run, refused ? { id: refused.id, fingerprint: refused.fingerprint, at: now.toISOString(), reason: refused.reason } : null);
  const lines = await readOverview(run, { lang: opts.lang, now });
  const alreadyUpToDate = lines.filter((l) => wasStale.has(l.part.id) && !regenerated.includes(l.part.id) && l.state.status === "done").map((l) => ({ id: l.part.id, title: l.part.title }));
  return { regenerated, refused, lines, alreadyUpToDate };
}

function markNotReached(lines: OverviewLine[], refused: { id: string; title: Text }): OverviewLine[] {
  const at = lines.findIndex((l) => l.part.id === refused.id);
  return lines.map((l, i) => (i > at && l.state.status === "stale" ? { ...l, state: { ...l.state, reason: notReached(refused.title) } } : l));
}

/** "Gå til": shows the part's sheet (when it exists): 2 syncs (look it up, then activate). */
export async function showSheet(run: ExcelRun, sheet: string): Promise<boolean> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    await context.sync();
    if (ws.isNullObject) return false;
    ws.activate();
    await context.sync();
    return true;
  });
}
