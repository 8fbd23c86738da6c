/**
 * The current fingerprints of the evaluation's parts (core/overview), read from the workbook through
 * the one chunked reader (read.ts, and the comparison's readSource, which uses it). One instance serves
 * one look at the workbook: every sheet is read at most once, however many parts read it, so opening
 * the Overblik pane costs one read per input sheet. The stores use it to record a part just made.
 *
 * Each fingerprint covers exactly what its part reads (core/overview/decide.ts), settings passed in by
 * the caller (this module imports no store that records, so the stores can import it).
 */
import { analysisFingerprint, keepPresentLabels, outcomeNamesFromTheory, settingsForData, type ComparisonInput, type ComparisonSettings } from "../core/analysis";
import { CHAIN_SHEET_NAME } from "../core/chain";
import type { TrialTable } from "../core/design";
import { RANDOMISATION_SHEET_NAME } from "../core/design/sheet";
import { VirkningError } from "../core/errors";
import { chainFingerprint, measurementFingerprint, progressionFingerprint, summaryFingerprint, theoryFingerprint } from "../core/overview";
import { findHeaderRow, PROGRESSION_SHEET_NAME, scaleItems, scheduleOf } from "../core/progression";
import type { CellScalar } from "../core/report/sheetSpec";
import { parseTheorySheet, THEORY_SHEET_NAME, type ProgrammeTheory } from "../core/theory";
import { readSource } from "./comparisonStore";
import { REGISTER_SHEET_NAME } from "../core/register/sheet";
import { readTrialTable } from "./designStore";
import { loadRegisterSettings, readAndAnalyse } from "./registerStore";
import type { ExcelRun } from "./host";
import { listSheets, readUsedRange } from "./read";

/** The settings of the progression and the leader page that change their numbers (as their stores take them). */
export interface ProgressionFingerprintSettings {
  sheet: string;
  compareGroups: boolean;
  testPolicy: string;
  rater: string;
  transitions: boolean;
  lang: string;
}
export interface SummaryFingerprintSettings {
  followUp: number | null;
  audience: string;
  threshold: number;
  lang: string;
}

const UNREADABLE = "unreadable";

export class WorkbookInputs {
  private readonly grids = new Map<string, Promise<CellScalar[][] | null>>();
  private readonly sources = new Map<string, Promise<ComparisonInput>>();
  private trial: Promise<TrialTable> | null = null;
  private names: Promise<string[]> | null = null;
  private register: Promise<string | null> | null = null;
  private registerSeen: Promise<string | null> | null = null;

  constructor(private readonly run: ExcelRun) {}

  /** What a store has just read itself (a sheet's cells from A1, null: no such sheet), so recording reads nothing again. */
  seedGrid(sheet: string, grid: CellScalar[][] | null): this {
    this.grids.set(sheet, Promise.resolve(grid));
    return this;
  }

  /**
   * A saved analysis's data as a store has just read it (the comparison's readSource), and the allocation table
   * of "Randomisering" when the store read it too (rerunComparison's `trialTable`).
   */
  seedSource(settings: ComparisonSettings, input: ComparisonInput, trialTable?: TrialTable | null): this {
    this.sources.set(analysisKey(settings), Promise.resolve(input));
    if (trialTable) this.trial = Promise.resolve(trialTable);
    return this;
  }

  /** The register line's state as the leader page has just read it (summaryStore.registerPart: "now/ran", null: none). */
  seedRegisterState(state: string | null): this {
    this.registerSeen = Promise.resolve(state);
    return this;
  }

  seedSheetNames(names: string[]): this {
    this.names = Promise.resolve(names);
    return this;
  }

  /** A sheet's used range placed from A1, or null when there is no such sheet: 1 + chunks syncs, once. */
  grid(sheet: string): Promise<CellScalar[][] | null> {
    let g = this.grids.get(sheet);
    if (!g) {
      g = readUsedRange(this.run, sheet).then(
        (r) => [...Array.from({ length: r.rowIndex }, () => [] as CellScalar[]), ...r.values.map((row) => [...new Array<CellScalar>(r.columnIndex).fill(null), ...row])],
        (e: unknown) => {
          if (e instanceof VirkningError && e.code === "SHEET_NOT_FOUND") return null;
          throw e;
        },
      );
      this.grids.set(sheet, g);
    }
    return g;
  }

  sheetNames(): Promise<string[]> {
    return (this.names ??= listSheets(this.run).then((s) => s.map((x) => x.name)));
  }

  async theory(): Promise<ProgrammeTheory | null> {
    const g = await this.grid(THEORY_SHEET_NAME);
    return g ? parseTheorySheet(g, THEORY_SHEET_NAME).theory : null;
  }

  /** The "Programteori" sheet's fingerprint, null when there is none. */
  async theoryFingerprint(): Promise<string | null> {
    const g = await this.grid(THEORY_SHEET_NAME);
    return g ? theoryFingerprint(g) : null;
  }

  /** A saved analysis's data as read now (the comparison's readSource), once per look. */
  private source(settings: ComparisonSettings): Promise<ComparisonInput> {
    const key = analysisKey(settings);
    let f = this.sources.get(key);
    if (!f) {
      f = readSource(this.run, settings.source);
      this.sources.set(key, f);
    }
    return f;
  }

  /** The allocation table of "Randomisering" as the comparison reads it (designStore.readTrialTable), once per look. */
  private trialTable(): Promise<TrialTable> {
    return (this.trial ??= readTrialTable(this.run));
  }

  /**
   * A saved analysis's fingerprint as its "Kør igen" stores it (rerunComparison: the settings applied to the
   * data read now, outcomes from the theory under its names now, labels kept as present, and the allocation
   * table of "Randomisering" when the analysis takes
   * its groups from it); throws as "Kør igen" would when the data or the randomisation cannot be read.
   */
  async analysisFingerprint(settings: ComparisonSettings): Promise<string> {
    const input = await this.source(settings);
    const trial = settings.randomisation ? await this.trialTable() : null;
    return analysisInputsFingerprint(settings, input, trial, await this.outcomeNames(settings));
  }

  /** As "Kør igen" names them (comparisonStore.withTheoryNames): outcomes taken from the theory get its names now. */
  private async outcomeNames(settings: ComparisonSettings): Promise<ProgrammeTheory | null> {
    if (!settings.outcomes.some((o) => o.source)) return null;
    try {
      return await this.theory();
    } catch (e) {
      // a theory that cannot be read leaves the names as stored, as in "Kør igen"
      if (e instanceof VirkningError) return null;
      throw e;
    }
  }

  /**
   * The fingerprint of a saved analysis's case data alone, for the parts that read the data with the settings'
   * own groups (the progression's transitions) or, with `randomised`, with the groups from "Randomisering" when
   * the analysis takes them from there (the chain); the outcomes' names are
   * left out (those parts find an outcome by its statuses or its slutmål, and name it from the theory).
   */
  async analysisDataFingerprint(settings: ComparisonSettings, opts: { randomised?: boolean } = {}): Promise<string> {
    const unnamed = { ...settings, outcomes: settings.outcomes.map((o) => ({ ...o, name: "" })) };
    const trial = opts.randomised && settings.randomisation ? await this.trialTable() : null;
    return analysisInputsFingerprint(unnamed, await this.source(settings), trial);
  }

  /** The measurement sheet's layout inputs, null when the theory has no scale delmål. */
  async measurementFingerprint(startDate: number | null): Promise<string | null> {
    const t = await this.theory();
    const items = t ? scaleItems(t) : [];
    return t && items.length > 0 ? measurementFingerprint(items, scheduleOf(t), startDate) : null;
  }

  /** The progression results' inputs, null when the measurement sheet is missing. */
  async progressionFingerprint(settings: ProgressionFingerprintSettings, active: ComparisonSettings | null): Promise<string | null> {
    const g = await this.grid(settings.sheet);
    if (!g) return null;
    const t = await this.theory();
    const analysis = settings.transitions && active ? await this.analysisDataFingerprint(active).catch(() => UNREADABLE) : null;
    // from the header row on: the lines above it are the add-in's own (the measurement sheet's say when it was made)
    return progressionFingerprint(pickProgression(settings), g.slice(Math.max(0, findHeaderRow(g))), t ? scaleItems(t) : [], analysis);
  }

  /**
   * "Virkningskæden i data"'s inputs (chainStore.runAndWriteChain reads them): the measurement sheet named by the
   * progression settings, the theory, the active analysis's case data (with the randomisation's allocation table when it takes its groups from there). Null when the theory or
   * the measurement sheet is missing; throws as the chain would when the case data cannot be read.
   */
  async chainFingerprint(progression: { sheet: string; rater: string }, active: ComparisonSettings): Promise<string | null> {
    const theory = await this.theoryFingerprint();
    const g = await this.grid(progression.sheet);
    if (!theory || !g) return null;
    // the chain compares the groups as randomised when the analysis takes them from "Randomisering" (chainStore)
    const analysis = await this.analysisDataFingerprint(active, { randomised: true });
    return chainFingerprint(progression, g.slice(Math.max(0, findHeaderRow(g))), theory, analysis);
  }

  /**
   * The register follow-up's inputs as its "Kør igen" fingerprints them (the weekly data classified by
   * "Statuskoder", the start weeks, the settings; registerStore.readAndAnalyse), null when it was never run;
   * throws as "Kør igen" would when the data cannot be read. Once per look.
   */
  registerFingerprint(): Promise<string | null> {
    return (this.register ??= loadRegisterSettings(this.run).then(async (s) => (s?.lastRun ? (await readAndAnalyse(this.run, s)).output.fingerprint : null)));
  }

  /** What the leader page's register line rests on: the data's fingerprint now and at the last run ("now/ran"), null without a run or sheet. */
  async registerState(): Promise<string | null> {
    if (this.registerSeen) return this.registerSeen;
    if (!(await this.sheetNames()).includes(REGISTER_SHEET_NAME)) return null;
    const s = await loadRegisterSettings(this.run).catch(() => null);
    if (!s?.lastRun) return null;
    return `${await this.registerFingerprint().catch(() => UNREADABLE)}/${s.lastRun.fingerprint}`;
  }

  /**
   * The leader page's inputs: its settings, the theory, the active analysis and the progression as it reads them,
   * and the chain's counts (`chain`, the stored brief the page reads for "Holder kæden?") when the chain sheet exists.
   */
  async summaryFingerprint(
    settings: SummaryFingerprintSettings,
    active: ComparisonSettings | null,
    progression: ProgressionFingerprintSettings | null,
    chain: ChainCounts | null = null,
  ): Promise<string> {
    const names = await this.sheetNames();
    const theory = await this.theoryFingerprint();
    // with the analysis's record of its last run: the page shows its numbers only when they are fresh
    const analysis = active ? `${await this.analysisFingerprint(active).catch(() => UNREADABLE)}/${active.lastRun?.fingerprint ?? ""}` : null;
    const p = progression && theory && names.includes(PROGRESSION_SHEET_NAME) ? await this.progressionFingerprint({ ...progression, transitions: false }, null) : null;
    const { followUp, audience, threshold, lang } = settings;
    const c = chain && names.includes(CHAIN_SHEET_NAME) ? chainCounts(chain) : null;
    // the register line is printed only when its run is fresh (summaryStore.registerPart)
    const register = await this.registerState();
    return summaryFingerprint({ followUp, audience, threshold, lang }, { theory, analysis, progression: p, randomised: names.includes(RANDOMISATION_SHEET_NAME), chain: c, register });
  }
}

const analysisKey = (settings: ComparisonSettings): string => JSON.stringify([settings.name ?? "", settings.source]);

/** As rerunComparison stores it: the settings applied to `input`, labels kept as present (throws COLUMNS_CHANGED as it would). */
function analysisInputsFingerprint(settings: ComparisonSettings, input: ComparisonInput, trial: TrialTable | null, theory: ProgrammeTheory | null = null): string {
  const forData = settingsForData(settings, input).settings;
  const named = theory ? { ...forData, outcomes: outcomeNamesFromTheory(forData.outcomes, theory) } : forData;
  return analysisFingerprint(keepPresentLabels(named, input), input, trial);
}

/** The chain's counts per slutmål as the leader page reads them (names left out: they come from the theory). */
export interface ChainCounts {
  sheet: string;
  goals: { id: string; supported: number; notSupported: number; tooLittle: number; name?: string }[];
}

const chainCounts = (c: ChainCounts): ChainCounts => ({ sheet: c.sheet, goals: c.goals.map(({ id, supported, notSupported, tooLittle }) => ({ id, supported, notSupported, tooLittle })) });

function pickProgression(s: ProgressionFingerprintSettings): ProgressionFingerprintSettings {
  const { sheet, compareGroups, testPolicy, rater, transitions, lang } = s;
  return { sheet, compareGroups, testPolicy, rater, transitions, lang };
}
