/**
 * Workbook I/O of "Virkningskæden i data" (issue 21 item 3). Reads the programme theory (theoryStore),
 * the measurement sheet (progressionStore's reader) and the comparison's saved settings and case data
 * (comparisonStore's reader): every read goes through read.ts. Writes the chain sheet and its diagram
 * in one renderSheets call (transactional: both or neither), then stores the last run
 * {at, fingerprint} as the comparison does, so readers can tell stale numbers, and the Overblik's record
 * of the part (partRecords, the same fingerprint: partInputs.chainFingerprint over what was read here).
 *
 * Refusals (nothing written): no theory, no delmål → slutmål link, no saved comparison, no
 * measurement sheet, bad cells (the readers' messages name sheet and cell), and no citizen ID of the
 * measurement sheet found in the case data (the message names both ID columns' header cells).
 */
import * as v from "valibot";
import { VirkningError } from "../core/errors";
import { settingsForData, type ComparisonSettings } from "../core/analysis";
import { chainBrief, chainDiagramSheetSpec, chainSheetSpec, runChain, type ChainResult } from "../core/chain";
import { sheetCell } from "../core/data";
import { fingerprintOf } from "../core/overview";
import type { ChainBrief } from "../core/summary/types";
import { THEORY_SHEET_NAME, type ProgrammeTheory } from "../core/theory";
import type { ExcelRun } from "./host";
import { joinTrial, loadComparisonSettings, readSource } from "./comparisonStore";
import { WorkbookInputs } from "./partInputs";
import { PART_IDS, recordPart } from "./partRecords";
import { defaultProgressionSettings, loadProgressionSettings, readProgressionScores } from "./progressionStore";
import { renderSheets } from "./render";
import { loadState, saveState } from "./state";
import { loadTheory } from "./theoryStore";

export const CHAIN_STATE_KEY = "virkning.chain";

const RecordSchema = v.object({
  version: v.literal(1),
  lastRun: v.object({ at: v.string(), fingerprint: v.pipe(v.string(), v.regex(/^[a-p]{16}$/)) }),
  /** Per slutmål (by id; names come from the theory when read), its links counted by status: the leader page's "Holder kæden?". */
  brief: v.object({
    sheet: v.string(),
    goals: v.array(v.object({ id: v.string(), supported: v.number(), notSupported: v.number(), tooLittle: v.number() })),
  }),
});
export type ChainRecord = v.InferOutput<typeof RecordSchema>;

function refuse(code: string, da: string, en: string, cell?: string): VirkningError {
  return new VirkningError(code, da, en, cell ? { cell } : undefined);
}

export interface ChainRun {
  result: ChainResult;
  record: ChainRecord;
}

async function theoryOrRefuse(run: ExcelRun): Promise<NonNullable<Awaited<ReturnType<typeof loadTheory>>>> {
  const loaded = await loadTheory(run);
  if (!loaded) throw refuse("CHAIN_NO_THEORY", 'Der er ingen programteori i projektmappen (arket "Programteori"). Lav programteorien først.', 'The workbook has no programme theory (the sheet "Programteori"). Make the programme theory first.');
  if (!loaded.theory.links.some((l) => l.kind === "delmaal-slutmaal")) {
    throw refuse("CHAIN_NO_LINKS", 'Programteorien har ingen forbindelse fra et delmål til et slutmål (arket "Programteori"). Tilføj mindst én under Programteori.', 'The programme theory has no link from a sub-goal to a final goal (the sheet "Programteori"). Add at least one under Programme theory.');
  }
  return loaded;
}

/** The refusal when no comparison is saved (also the Overblik's reason for the chain part). */
export const noComparison = (): VirkningError =>
  refuse("CHAIN_NO_COMPARISON", "Sammenligningen er ikke sat op: vælg sagsdata (ID, gruppe og status) under Sammenligning og tryk Beregn først.", "The comparison is not set up: choose the case data (ID, group and status) under Comparison and press Calculate first.");

async function comparisonOrRefuse(run: ExcelRun): Promise<ComparisonSettings> {
  const settings = await loadComparisonSettings(run);
  if (!settings) throw noComparison();
  return settings;
}

/**
 * Reads everything, runs the chain analysis and writes "Virkningskæden i data" and "Virkningskæden –
 * diagram" (shapes; without shape support only the table sheet). Nothing is written on a refusal.
 */
export async function runAndWriteChain(run: ExcelRun, opts: { lang: "da" | "en"; now?: Date; shapes?: boolean } = { lang: "da" }): Promise<ChainRun> {
  const { theory, snapshot } = await theoryOrRefuse(run);
  const stored = await comparisonOrRefuse(run);
  const caseData = await readSource(run, stored.source);
  const { settings } = settingsForData(stored, caseData);
  const progression = (await loadProgressionSettings(run)) ?? defaultProgressionSettings(opts.lang);
  const scores = await readProgressionScores(run, { ...progression, compareGroups: false }, { theory });
  // with the groups from "Randomisering", the intervention's effects compare the groups as randomised (as the comparison does)
  const trial = await joinTrial(run, caseData, settings);
  const now = opts.now ?? new Date();
  const result = runChain({ theory, measurement: scores.input, caseData: trial?.input ?? caseData, settings: trial?.settings ?? settings, rater: progression.rater === "auto" ? undefined : progression.rater }, now);
  if (result.join.matched === 0) {
    const caseCell = sheetCell(caseData.sheet, 0, settings.columns.id);
    throw refuse(
      "CHAIN_NO_MATCH",
      `Ingen borger-ID'er på målingsarket (kolonnen under ${scores.idCell}) findes i sagsdata (kolonnen under ${caseCell}). Brug de samme borger-ID'er begge steder, og prøv igen.`,
      `No citizen ID of the measurement sheet (the column under ${scores.idCell}) occurs in the case data (the column under ${caseCell}). Use the same citizen IDs in both places, then try again.`,
      scores.idCell,
    );
  }
  const specs = [chainSheetSpec(result, opts.lang), ...(opts.shapes === false ? [] : [chainDiagramSheetSpec(theory, result, opts.lang)])];
  await renderSheets(run, specs);
  // the fingerprint of what was read above (nothing is read again), as the Overblik computes it when it looks
  const inputs = new WorkbookInputs(run).seedGrid(THEORY_SHEET_NAME, snapshot).seedGrid(progression.sheet, scores.grid).seedSource(stored, caseData);
  // (never null here: the theory and the measurement sheet were just read)
  const fingerprint = (await inputs.chainFingerprint(progression, stored)) ?? fingerprintOf("chain", null);
  const brief = chainBrief(theory, result);
  const record: ChainRecord = { version: 1, lastRun: { at: now.toISOString(), fingerprint }, brief: { sheet: brief.sheet, goals: brief.goals.map(({ name: _name, ...counts }) => counts) } };
  await saveState(run, CHAIN_STATE_KEY, v.parse(RecordSchema, record));
  await recordPart(run, PART_IDS.chain, { madeAt: record.lastRun.at, fingerprint });
  return { result, record };
}

/** The stored record of the last chain run, or null (none, or not valid). */
export async function loadChainRecord(run: ExcelRun): Promise<ChainRecord | null> {
  const stored = await loadState<unknown>(run, CHAIN_STATE_KEY);
  const r = v.safeParse(RecordSchema, stored);
  return r.success ? r.output : null;
}

/** The leader page's "Holder kæden?" input from the last chain run, named from `theory` (null when the chain was never run). */
export async function loadChainBrief(run: ExcelRun, theory: ProgrammeTheory | null): Promise<ChainBrief | null> {
  const r = await loadChainRecord(run);
  if (!r) return null;
  const name = (id: string): string => theory?.finalGoals.find((g) => g.id === id)?.name ?? id;
  return { sheet: r.brief.sheet, goals: r.brief.goals.map((g) => ({ ...g, name: name(g.id) })) };
}
