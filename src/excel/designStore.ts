/**
 * Workbook I/O of the forsøgsdesign: read the eligibility list (through read.ts, the one reader),
 * keep the randomisation settings and the registered declines in the workbook (state.ts), write the
 * "Randomisering" sheet (renderSheets) and protect it against accidental edits (no password).
 *
 * Sync budget: reading the list 1 + chunks; settings 1 to load, 1 to save; writing the sheet
 * renderSheets' budget (the renderer unprotects the sheet before regenerating it and protects it again).
 * Nothing is written when the input is refused: the allocation is computed completely before the
 * first write. A decline is only registered when the list still has the hash stored at randomisation.
 */
import * as v from "valibot";
import { VirkningError } from "../core/errors";
import { cellText, detectHeaderRow, isBlank, normaliseKey, quoteSheet } from "../core/data";
import { allocate, applyDeclines, MAX_SEED, randomisationSheetSpec, RANDOMISATION_SHEET_NAME, trialTableFromRows, type TrialMember, type TrialTable, type AllocationOptions, type AppliedDeclines, type Decline, type EligibilityInput, type Lang, type RandomisationMeta } from "../core/design";
import { rangeAddress } from "../core/report/address";
import type { SheetSpec } from "../core/report/sheetSpec";
import type { ExcelRun } from "./host";
import { readUsedRange } from "./read";
import { renderSheets } from "./render";
import { loadState, ownedSheetNames, saveState } from "./state";
import { designFingerprint } from "../core/overview";
import { PART_IDS, recordPart } from "./partRecords";

export const DESIGN_STATE_KEY = "virkning.design";

export interface StoredColumn {
  index: number;
  header: string;
  cuts?: number[];
}

export interface DesignSettings {
  version: 1;
  /** The sheet with the eligibility list (its used range; the header row is found in it). */
  sheet: string;
  idColumn: StoredColumn;
  strata: StoredColumn[];
  seed: number;
  blockSize: 2 | 4;
  reserves: number;
  protect: boolean;
  /** Set by the randomisation. */
  createdAt?: string;
  /** SHA-256 of the list at randomisation. */
  hash?: string;
  /** Address of the list at randomisation (sheet-qualified). */
  source?: string;
  declines: Decline[];
}

/** Sheets the list can come from: every sheet the add-in did not create. 2 syncs. */
export async function listEligibilitySheets(run: ExcelRun): Promise<string[]> {
  return run(async (context) => {
    const { all, owned } = await ownedSheetNames(context);
    return all.filter((s) => !owned.has(s));
  });
}

/** The list on `sheet`: its used range from the header row down (trailing empty rows dropped). 1 + chunks syncs. */
export async function readEligibility(run: ExcelRun, sheet: string): Promise<EligibilityInput> {
  const read = await readUsedRange(run, sheet);
  let values = read.values;
  while (values.length > 0 && values[values.length - 1].every((v) => isBlank(v))) values = values.slice(0, -1);
  const h = detectHeaderRow(values);
  if (h < 0) {
    throw new VirkningError(
      "DESIGN_NO_HEADER",
      `Der er ingen overskriftsrække i arket "${sheet}". Listen skal have én række med kolonnenavne (fx ID, Køn, Alder) øverst og én række pr. borger under den.`,
      `There is no header row on the sheet "${sheet}". The list needs one row of column names (e.g. ID, Køn, Alder) at the top and one row per citizen below it.`,
      { sheet },
    );
  }
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const rows = values.slice(h + 1).map((r) => (r.length === width ? r : [...r, ...new Array(width - r.length).fill(null)]));
  return { sheet: read.sheet, address: rangeAddress(read.rowIndex + h, read.columnIndex, rows.length + 1, width), header: values[h], rows };
}

/** The stored column in the list as read now: by position when the header still matches, else by header. */
function resolve(input: EligibilityInput, c: StoredColumn): number {
  if (normaliseKey(input.header[c.index]) === normaliseKey(c.header)) return c.index;
  const i = input.header.findIndex((h) => normaliseKey(h) === normaliseKey(c.header));
  if (i >= 0) return i;
  throw new VirkningError(
    "DESIGN_COLUMN_MISSING",
    `Kolonnen "${c.header}" findes ikke længere i listen i arket "${input.sheet}". Vælg kolonnerne igen.`,
    `The column "${c.header}" is no longer in the list on the sheet "${input.sheet}". Choose the columns again.`,
    { sheet: input.sheet },
  );
}

export function optionsFor(input: EligibilityInput, s: DesignSettings): AllocationOptions {
  return {
    idColumn: resolve(input, s.idColumn),
    strata: s.strata.map((c) => ({ column: resolve(input, c), ...(c.cuts && c.cuts.length > 0 ? { cuts: [...c.cuts] } : {}) })),
    seed: s.seed,
    blockSize: s.blockSize,
    reserves: s.reserves,
  };
}

const int = (min: number, max = Number.MAX_SAFE_INTEGER) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const ColumnSchema = v.object({ index: int(0), header: v.string(), cuts: v.optional(v.array(v.pipe(v.number(), v.finite()))) });
/** Schema of the stored settings (checked when read: a damaged setting is reported, not used). */
export const DesignSettingsSchema = v.object({
  version: v.literal(1),
  sheet: v.pipe(v.string(), v.minLength(1)),
  idColumn: ColumnSchema,
  strata: v.array(ColumnSchema),
  seed: int(0, MAX_SEED),
  blockSize: v.picklist([2, 4]),
  reserves: int(0),
  protect: v.boolean(),
  createdAt: v.optional(v.string()),
  hash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  source: v.optional(v.string()),
  declines: v.array(v.object({ id: v.string(), at: v.string() })),
});

/** The stored settings, or null when none are stored; a damaged setting is refused (DESIGN_SETTINGS_DAMAGED). 1 sync. */
export async function loadDesignSettings(run: ExcelRun): Promise<DesignSettings | null> {
  const stored = await loadState<unknown>(run, DESIGN_STATE_KEY);
  if (stored === undefined || stored === null) return null;
  const r = v.safeParse(DesignSettingsSchema, stored);
  if (r.success) return r.output;
  const path = v.getDotPath(r.issues[0]) ?? "";
  throw new VirkningError(
    "DESIGN_SETTINGS_DAMAGED",
    `De gemte indstillinger for forsøgsdesign i projektmappen kan ikke læses (${path || "opbygning"}). Arket "Randomisering" er ikke ændret; vælg indstillingerne igen for at randomisere på ny.`,
    `The stored trial-design settings in the workbook cannot be read (${path || "structure"}). The sheet "Randomisering" is unchanged; choose the settings again to randomise anew.`,
  );
}

/** 1 sync. */
export async function saveDesignSettings(run: ExcelRun, s: DesignSettings): Promise<void> {
  await saveState(run, DESIGN_STATE_KEY, s);
}

/** Writes `spec`, protected against accidental edits when asked (the renderer unprotects and protects again on regeneration). */
export async function writeProtectedSheet(run: ExcelRun, spec: SheetSpec, protect: boolean): Promise<void> {
  await renderSheets(run, [protect ? { ...spec, protection: {} } : spec]);
}

/**
 * The Overblik's fingerprint of a randomisation: the list's ID and strata columns (found as the allocation
 * finds them; DESIGN_COLUMN_MISSING when one is gone) and the settings that decide the allocation and the sheet.
 */
export function designInputsFingerprint(input: EligibilityInput, s: DesignSettings): string {
  const o = optionsFor(input, s);
  const columns = [o.idColumn, ...o.strata.map((x) => x.column)].map((i) => ({ header: String(input.header[i] ?? ""), values: input.rows.map((r) => r[i] ?? null) }));
  const { sheet, strata, seed, blockSize, reserves, protect, declines } = s;
  return designFingerprint(columns, { sheet, strata: strata.map((c) => ({ header: c.header, cuts: c.cuts ?? [] })), seed, blockSize, reserves, protect, declines });
}

async function recordDesign(run: ExcelRun, input: EligibilityInput, s: DesignSettings, now: Date): Promise<void> {
  await recordPart(run, PART_IDS.design, { madeAt: now.toISOString(), fingerprint: designInputsFingerprint(input, s) });
}

export interface DesignRun {
  input: EligibilityInput;
  result: AppliedDeclines;
  settings: DesignSettings;
}

function meta(s: DesignSettings, input: EligibilityInput, now: Date | undefined): RandomisationMeta {
  return { source: `${quoteSheet(input.sheet)}!${input.address}`, createdAt: s.createdAt ?? "", protect: s.protect, madeAt: (now ?? new Date()).toISOString() };
}

/**
 * "Randomisér": reads the list, allocates, writes and protects the sheet, stores the settings with the
 * date and hash. Refuses (DESIGN_EXISTS, nothing written) when a randomisation is stored, unless `overwrite`.
 */
export async function randomise(run: ExcelRun, settings: DesignSettings, opts: { lang: Lang; now?: Date; overwrite?: boolean }): Promise<DesignRun> {
  // with overwrite, stored settings (even damaged ones) are replaced without being read
  const stored = opts.overwrite ? null : await loadDesignSettings(run);
  if (stored?.createdAt) {
    throw new VirkningError(
      "DESIGN_EXISTS",
      `Der er allerede randomiseret (${stored.createdAt.slice(0, 10)}, seed ${stored.seed}). En ny randomisering erstatter den gamle fordeling; vælg "Randomisér igen", hvis det er meningen.`,
      `A randomisation already exists (${stored.createdAt.slice(0, 10)}, seed ${stored.seed}). A new one replaces the old allocation; choose "Randomise again" if that is what you want.`,
    );
  }
  const input = await readEligibility(run, settings.sheet);
  const allocation = allocate(input, optionsFor(input, settings), opts.lang);
  const next: DesignSettings = { ...settings, createdAt: (opts.now ?? new Date()).toISOString(), hash: allocation.hash, source: `${quoteSheet(input.sheet)}!${input.address}`, declines: [] };
  const result = { allocation, log: [] };
  await writeProtectedSheet(run, randomisationSheetSpec(allocation, [], meta(next, input, opts.now), opts.lang), next.protect);
  await saveDesignSettings(run, next);
  await recordDesign(run, input, next, opts.now ?? new Date());
  return { input, result, settings: next };
}

/** The stored randomisation recomputed from the list as it is now; refuses when the list has changed since. */
export async function reproduce(run: ExcelRun, settings: DesignSettings, lang: Lang): Promise<{ input: EligibilityInput; result: AppliedDeclines }> {
  if (!settings.createdAt || !settings.hash) {
    throw new VirkningError("DESIGN_NOT_RANDOMISED", "Der er ikke randomiseret endnu. Tryk på \"Randomisér\" først.", "Nothing has been randomised yet. Press \"Randomise\" first.");
  }
  const input = await readEligibility(run, settings.sheet);
  const allocation = allocate(input, optionsFor(input, settings), lang);
  if (allocation.hash !== settings.hash) {
    throw new VirkningError(
      "DESIGN_LIST_CHANGED",
      `Listen i arket "${input.sheet}" er ændret siden randomiseringen (SHA-256 ${allocation.hash.slice(0, 12)}… i stedet for ${settings.hash.slice(0, 12)}…), så fordelingen kan ikke genskabes. Sæt listen tilbage, som den var; intet er ændret.`,
      `The list on the sheet "${input.sheet}" has changed since the randomisation (SHA-256 ${allocation.hash.slice(0, 12)}… instead of ${settings.hash.slice(0, 12)}…), so the allocation cannot be reproduced. Restore the list as it was; nothing has been changed.`,
      { sheet: input.sheet },
    );
  }
  return { input, result: applyDeclines(allocation, settings.declines) };
}

/**
 * The Overblik's "Opdater alt": the stored randomisation written again from the list as it is now (the same
 * allocation and declines; refuses DESIGN_LIST_CHANGED when the list has changed, so no citizen's group moves).
 */
export async function rewriteRandomisation(run: ExcelRun, settings: DesignSettings, opts: { lang: Lang; now?: Date }): Promise<void> {
  const { input, result } = await reproduce(run, settings, opts.lang);
  await writeProtectedSheet(run, randomisationSheetSpec(result.allocation, result.log, meta(settings, input, opts.now), opts.lang), settings.protect);
  await recordDesign(run, input, settings, opts.now ?? new Date());
}

/** "Afslået": registers the decline of `id`, calls in the next reserve of the stratum, rewrites the sheet and logs it. */
export async function registerDecline(run: ExcelRun, settings: DesignSettings, id: string, opts: { lang: Lang; now?: Date }): Promise<DesignRun> {
  const declines = [...settings.declines, { id: cellText(id), at: (opts.now ?? new Date()).toISOString() }];
  const next: DesignSettings = { ...settings, declines };
  const { input, result } = await reproduce(run, next, opts.lang);
  next.declines[next.declines.length - 1].id = result.log[result.log.length - 1].declined; // the ID as on the list
  await writeProtectedSheet(run, randomisationSheetSpec(result.allocation, result.log, meta(next, input, opts.now), opts.lang), next.protect);
  await saveDesignSettings(run, next);
  await recordDesign(run, input, next, opts.now ?? new Date());
  return { input, result, settings: next };
}

/** For the comparison: the citizens in the trial (ID → arm and stratum); see readTrialTable. */
export async function readTrialMembers(run: ExcelRun): Promise<Map<string, TrialMember>> {
  return (await readTrialTable(run)).members;
}

/** Whether the workbook has a "Randomisering" sheet that Virkning made (the comparison offers it as the source of groups). 2 syncs. */
export async function hasRandomisationSheet(run: ExcelRun): Promise<boolean> {
  const { all, owned } = await run((context) => ownedSheetNames(context));
  const sheet = all.find((x) => x.toLocaleLowerCase("da-DK") === RANDOMISATION_SHEET_NAME.toLocaleLowerCase("da-DK"));
  return sheet !== undefined && owned.has(sheet);
}

/**
 * For the comparison: the allocation table on the add-in's own "Randomisering" sheet, read through the
 * one reader: who is in the trial (ID → arm and stratum) and who is listed but not in it (declined, or a
 * reserve never called in). 2 (ownership) + 1 + chunks syncs.
 */
export async function readTrialTable(run: ExcelRun): Promise<TrialTable> {
  const { all, owned } = await run((context) => ownedSheetNames(context));
  const sheet = all.find((x) => x.toLocaleLowerCase("da-DK") === RANDOMISATION_SHEET_NAME.toLocaleLowerCase("da-DK"));
  if (!sheet || !owned.has(sheet)) {
    throw new VirkningError(
      "DESIGN_NO_RANDOMISATION_SHEET",
      `Der er intet ark "${RANDOMISATION_SHEET_NAME}", som Virkning har lavet. Randomisér under Forsøgsdesign først, eller vælg grupperne selv.`,
      `There is no sheet "${RANDOMISATION_SHEET_NAME}" made by Virkning. Randomise under Trial design first, or choose the groups yourself.`,
    );
  }
  const { values } = await readUsedRange(run, sheet);
  const isHeader = (row: readonly unknown[]): boolean => {
    const keys = row.map((x) => normaliseKey(x as string));
    return keys.includes("stratum") && keys.includes("status") && (keys.includes("gruppe") || keys.includes("group"));
  };
  const h = values.findIndex(isHeader);
  const header = h < 0 ? [] : values[h];
  const width = header.findIndex((x) => isBlank(x));
  const cut = (r: (typeof values)[number]): (typeof values)[number] => (width < 0 ? r : r.slice(0, width));
  const body: typeof values = [];
  for (const r of values.slice(h + 1)) {
    if (isBlank(r[0])) break;
    body.push(cut(r));
  }
  return trialTableFromRows(cut(header), body);
}

export { RANDOMISATION_SHEET_NAME };
