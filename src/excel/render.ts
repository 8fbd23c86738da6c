/**
 * Render SheetSpecs (src/core/report/sheetSpec.ts) into the workbook, transactionally.
 *
 * Only the add-in's own sheets are ever written: ownership is a mark carried by the sheet
 * (ownership.ts). A target name held by a sheet without our mark refuses the whole render with
 * SHEET_NOT_OWNED before anything is written.
 *
 * Steps and sync budget (for any number of specs; "chunks" only for outputs above ~4 MB):
 *   1. look-up: the sheets, the register, the lock;                                   1 sync
 *   2. marks of every sheet, and what the target sheets hold (tables, charts, shapes), and
 *      the defined names we maintain;                                                  1 sync
 *   3. build: the register records the render as pending and takes the lock; leftovers of a
 *      crashed render are deleted; every spec is written complete onto a new hidden, marked
 *      temporary sheet. The old sheets are untouched.                                  1 sync (+ chunks)
 *   4. swap, one existing target at a time: it is unprotected if need be, its tables, charts
 *      and shapes are deleted, its cells cleared, the spec written into it again (and protected
 *      when the spec asks) (the sheet itself stays, so users'
 *      formulas that point into it keep working), and its temporary copy deleted.      1 sync per existing target (+ chunks)
 *   5. finish: new sheets take their names and become visible, the register is written,
 *      the defined names point at their cells, the lock is released.                   1 sync
 * So: 4 syncs for new sheets, 5 when one sheet is regenerated, 6 for two.
 *
 * Failure: in steps 1–3 nothing of the user's has changed; the temporary sheets are deleted
 * and the register is restored exactly (one more sync), and the error says nothing was changed.
 * In step 4 the sheet being swapped may be half written: it is replaced by its complete
 * temporary copy (references to it then show #REF!, as Excel does for a deleted sheet), the
 * later targets keep their old content, and the error says so. In step 5 the new sheets are
 * removed again and the error says which sheets were updated.
 *
 * One render at a time: renders in this pane wait for each other; a render of another pane or
 * co-author (the register's lock, younger than LOCK_TIMEOUT_MS) makes this one refuse.
 */
import { VirkningError } from "../core/errors";
import { refusePersonalData } from "../core/report/personalData";
import { checkSheetSpecs } from "../core/report/specCheck";
import type { SheetSpec } from "../core/report/sheetSpec";
import { isSetSupported, type ExcelRun } from "./host";
import {
  MARK_NAME,
  renderEnded,
  busyError,
  lockHeldByOther,
  newToken,
  ownerEntry,
  parseRegister,
  queueLoadRegister,
  queueMark,
  queueRestoreRegister,
  queueSaveRegister,
  tokenOf,
  type OwnedSheet,
  type Register,
  type SheetInfo,
} from "./ownership";
import { validateExtras } from "./renderExtras";
import { WRITE_BUDGET_BYTES, protectOps, sheetOps, type Op } from "./renderOps";

export { WRITE_BUDGET_BYTES, connectorPoints } from "./renderOps";

/** Prefix of the temporary sheets a render builds (hidden; removed when it ends). */
export const TEMP_PREFIX = "~virkning";

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("da-DK") === b.toLocaleLowerCase("da-DK");
}

/** What the target sheet holds that a rewrite must remove first. */
interface TargetContent {
  tables: string[];
  charts: string[];
  shapes: string[];
  protected: boolean;
}

interface Plan {
  specs: SheetSpec[];
  /** The register as stored (to restore it exactly), and parsed. */
  rawRegister: unknown;
  register: Register;
  /** Register entries that still have their sheet (orphans dropped). */
  kept: OwnedSheet[];
  /** Per spec: the existing sheet of that name (ours), or undefined for a new sheet. */
  targets: (SheetInfo | undefined)[];
  contents: (TargetContent | undefined)[];
  /** Sheets left by a render that crashed (their tokens are pending), to delete. */
  leftovers: SheetInfo[];
  /** Defined names (ours) that exist now. */
  existingNames: Set<string>;
  run: string;
  tokens: string[];
  temps: string[];
  tempIds: string[];
}

/**
 * Check specs before any write: the personal-data gate (every string of every spec, whichever pane built
 * it: src/core/report/personalData.ts), Excel's limits and the host's API support. Nothing is written when
 * they fail.
 */
function checkSpecs(specs: SheetSpec[]): void {
  refusePersonalData(specs);
  checkSheetSpecs(specs);
  for (const s of specs) validateExtras(s);
  if (specs.some((s) => (s.shapes?.length ?? 0) > 0) && !isSetSupported("1.9")) {
    throw new VirkningError(
      "SHAPES_NOT_SUPPORTED",
      "Denne version af Excel kan ikke tegne figurer (kræver ExcelApi 1.9, fx Excel 2021 eller Microsoft 365). Diagrammet kan vises med farvede celler i stedet.",
      "This version of Excel cannot draw shapes (requires ExcelApi 1.9, e.g. Excel 2021 or Microsoft 365). The diagram can be shown with coloured cells instead.",
    );
  }
}

// ---------------------------------------------------------------------------------------------
// One render at a time in this pane

let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(f: () => Promise<T>): Promise<T> {
  const next = queue.then(f, f);
  queue = next.catch(() => undefined);
  return next;
}

// ---------------------------------------------------------------------------------------------
// Steps 1 and 2: look-up

async function lookUp(context: Excel.RequestContext, specs: SheetSpec[]): Promise<Plan> {
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/position");
  const reg = queueLoadRegister(context);
  await context.sync();
  const rawRegister = reg.isNullObject ? undefined : (reg.value as unknown);
  const register = parseRegister(rawRegister);
  const items = sheets.items;
  const marks = items.map((ws) => ws.names.getItemOrNullObject(MARK_NAME).load("formula"));
  const targetIdx = specs.map((s) => items.findIndex((ws) => sameName(ws.name, s.name)));
  const shapesOk = isSetSupported("1.9");
  const loads = targetIdx.map((i) =>
    i < 0
      ? undefined
      : {
          tables: items[i].tables.load("items/name"),
          charts: items[i].charts.load("items/name"),
          shapes: shapesOk ? items[i].shapes.load("items/name") : undefined,
          protection: items[i].protection.load("protected"),
        },
  );
  const nameLoads = [...new Set([...register.names, ...specs.flatMap((s) => (s.names ?? []).map((n) => n.name))])].map((n) => ({
    n,
    item: context.workbook.names.getItemOrNullObject(n).load("name"),
  }));
  await context.sync();
  const infos: SheetInfo[] = items.map((ws, i) => ({ name: ws.name, id: ws.id, position: ws.position, token: marks[i].isNullObject ? "" : tokenOf(marks[i].formula) }));
  return plan(specs, rawRegister, register, infos, targetIdx, loads, new Set(nameLoads.filter((x) => !x.item.isNullObject).map((x) => x.n)));
}

type Loads = ({ tables: Excel.TableCollection; charts: Excel.ChartCollection; shapes?: Excel.ShapeCollection; protection: Excel.WorksheetProtection } | undefined)[];

function plan(specs: SheetSpec[], rawRegister: unknown, register: Register, infos: SheetInfo[], targetIdx: number[], loads: Loads, existingNames: Set<string>): Plan {
  if (lockHeldByOther(register, Date.now())) throw busyError();
  const targets = targetIdx.map((i) => (i < 0 ? undefined : infos[i]));
  for (const t of targets) {
    if (t && !ownerEntry(register, t, infos)) {
      throw new VirkningError(
        "SHEET_NOT_OWNED",
        `Arket "${t.name}" findes allerede og er ikke oprettet af Virkning. Omdøb eller slet det, og prøv igen.`,
        `The sheet "${t.name}" already exists and was not created by Virkning. Rename or delete it, then try again.`,
        { sheet: t.name },
      );
    }
  }
  const kept = register.sheets.filter((o) => infos.some((s) => ownerEntry(register, s, infos) === o));
  const leftovers = infos.filter((s) => s.token !== "" && register.pending.includes(s.token) && s.name.startsWith(TEMP_PREFIX));
  const contents = loads.map((l) =>
    l ? { tables: l.tables.items.map((x) => x.name), charts: l.charts.items.map((x) => x.name), shapes: l.shapes ? l.shapes.items.map((x) => x.name) : [], protected: l.protection.protected } : undefined,
  );
  const run = newToken();
  const tokens = specs.map(() => newToken());
  const taken = infos.map((s) => s.name);
  const temps = specs.map((_, i) => tempName(i, run, taken));
  return { specs, rawRegister, register, kept, targets, contents, leftovers, existingNames, run, tokens, temps, tempIds: [] };
}

function tempName(i: number, run: string, taken: string[]): string {
  for (let k = 0; ; k++) {
    const n = `${TEMP_PREFIX}${run.slice(0, 6)}${i}${k ? `_${k}` : ""}`;
    if (!taken.some((t) => sameName(t, n))) return n;
  }
}

// ---------------------------------------------------------------------------------------------
// Packing operations into syncs

/** Apply ops up to the request budget, sync, and repeat until all are applied. */
async function applyInSyncs(context: Excel.RequestContext, ops: Op[]): Promise<void> {
  let next = 0;
  do {
    let used = 0;
    while (next < ops.length && (used === 0 || used + ops[next].size <= WRITE_BUDGET_BYTES - 8192)) {
      used += ops[next].size;
      ops[next++].apply();
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ~4 MB chunk (Excel on the web's 5 MB limit)
    await context.sync();
  } while (next < ops.length);
}

const op = (apply: () => void, size = 64): Op => ({ size, apply });

/** Table names are workbook-wide: the temporary copy's tables carry this suffix until it takes its place. */
const tableSuffix = (p: Plan): string => `_${p.run.slice(0, 8)}`;

/** Give a temporary copy's tables their final names. */
function tableRenameOps(ws: () => Excel.Worksheet, p: Plan, i: number): Op[] {
  return (p.specs[i].tables ?? []).map((t) => op(() => void (ws().tables.getItem(t.name + tableSuffix(p)).name = t.name)));
}

// ---------------------------------------------------------------------------------------------
// Step 3: build the complete new content on temporary sheets

async function build(context: Excel.RequestContext, p: Plan): Promise<void> {
  const wb = context.workbook;
  const ops: Op[] = [
    op(() => queueSaveRegister(context, { sheets: p.kept, pending: p.tokens, names: p.register.names, lock: { token: p.run, at: Date.now() } }), 4096),
  ];
  for (const l of p.leftovers) ops.push(op(() => wb.worksheets.getItem(l.id).delete()));
  const created: Excel.Worksheet[] = [];
  p.specs.forEach((spec, i) => {
    const ws = wb.worksheets.add(p.temps[i]);
    created.push(ws);
    ops.push(op(() => void (ws.visibility = "Hidden" as Excel.SheetVisibility)));
    ops.push(op(() => queueMark(ws, p.tokens[i])));
    ops.push(op(() => void ws.load("id")));
    ops.push(...sheetOps(ws, spec, tableSuffix(p)));
  });
  await applyInSyncs(context, ops);
  p.tempIds = created.map((ws) => ws.id);
}

/** After a failed build: delete the temporary sheets and restore the register exactly. */
async function rollback(context: Excel.RequestContext, p: Plan, temps: number[]): Promise<void> {
  for (const i of temps) context.workbook.worksheets.getItemOrNullObject(p.temps[i]).delete();
  queueRestoreRegister(context, p.rawRegister);
  await context.sync();
}

// ---------------------------------------------------------------------------------------------
// Step 4: rewrite an existing sheet in place

function clearOps(ws: Excel.Worksheet, c: TargetContent): Op[] {
  return [
    ...(c.protected ? [op(() => ws.protection.unprotect())] : []),
    ...c.tables.map((n) => op(() => ws.tables.getItem(n).delete())),
    ...c.charts.map((n) => op(() => ws.charts.getItem(n).delete())),
    ...c.shapes.map((n) => op(() => ws.shapes.getItem(n).delete())),
    op(() => ws.freezePanes.unfreeze()),
    op(() => ws.getRange().clear("All" as Excel.ClearApplyTo)),
    // Range.clear leaves conditional formats (ExcelApi 1.6) and data validation (1.8) in place.
    ...(isSetSupported("1.6") ? [op(() => ws.getRange().conditionalFormats.clearAll())] : []),
    ...(isSetSupported("1.8") ? [op(() => ws.getRange().dataValidation.clear())] : []),
    op(() => {
      const all = ws.getRange();
      all.format.useStandardWidth = true;
      all.format.useStandardHeight = true;
    }),
  ];
}

async function swap(context: Excel.RequestContext, p: Plan, i: number): Promise<void> {
  const target = p.targets[i] as SheetInfo;
  const ws = context.workbook.worksheets.getItem(target.id);
  const ops = [...clearOps(ws, p.contents[i] as TargetContent), ...sheetOps(ws, p.specs[i]), ...protectOps(ws, p.specs[i])];
  // A sheet of the old register (no mark yet) gets its mark now.
  if (target.token === "") ops.push(op(() => queueMark(ws, p.tokens[i])));
  ops.push(op(() => context.workbook.worksheets.getItem(p.tempIds[i]).delete()));
  await applyInSyncs(context, ops);
}

/** Register entry for spec i once it is in place. */
function entryFor(p: Plan, i: number, viaTemp: boolean): OwnedSheet {
  const t = p.targets[i];
  if (t && !viaTemp) return { token: t.token !== "" ? t.token : p.tokens[i], name: p.specs[i].name, id: t.id };
  return { token: p.tokens[i], name: p.specs[i].name, id: p.tempIds[i] };
}

function withoutTarget(list: OwnedSheet[], p: Plan, i: number): OwnedSheet[] {
  const t = p.targets[i];
  if (!t) return list;
  return list.filter((o) => !((t.token !== "" && o.token === t.token) || (o.token === "" && o.id === t.id)));
}

/**
 * Swap of target k failed: its content may be half written. Replace it by its complete
 * temporary copy; targets after k keep their old content; new sheets are not created.
 */
async function fallback(context: Excel.RequestContext, p: Plan, k: number): Promise<void> {
  const wb = context.workbook;
  const target = p.targets[k] as SheetInfo;
  let sheets = p.kept;
  for (let i = 0; i < k; i++) if (p.targets[i]) sheets = [...withoutTarget(sheets, p, i), entryFor(p, i, false)];
  sheets = [...withoutTarget(sheets, p, k), entryFor(p, k, true)];
  queueSaveRegister(context, { sheets, pending: [], names: p.register.names });
  wb.worksheets.getItem(target.id).delete();
  const copy = wb.worksheets.getItem(p.tempIds[k]);
  copy.name = p.specs[k].name;
  copy.visibility = "Visible" as Excel.SheetVisibility;
  copy.position = target.position;
  for (const o of [...tableRenameOps(() => copy, p, k), ...protectOps(copy, p.specs[k])]) o.apply();
  p.specs.forEach((_, i) => {
    if (i > k) wb.worksheets.getItemOrNullObject(p.temps[i]).delete();
  });
  await context.sync();
}

// ---------------------------------------------------------------------------------------------
// Step 5: finish

function nameOps(context: Excel.RequestContext, p: Plan): Op[] {
  const ops: Op[] = [];
  for (const spec of p.specs) {
    const quoted = `'${spec.name.replace(/'/g, "''")}'`;
    for (const n of spec.names ?? []) {
      const ref = `=${quoted}!${n.cell.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, "$$$1$$$2")}`;
      if (p.existingNames.has(n.name) && p.register.names.includes(n.name)) ops.push(op(() => void (context.workbook.names.getItem(n.name).formula = ref)));
      else if (!p.existingNames.has(n.name)) ops.push(op(() => void context.workbook.names.add(n.name, ref, n.comment ?? "")));
    }
  }
  return ops;
}

async function finish(context: Excel.RequestContext, p: Plan): Promise<void> {
  const wb = context.workbook;
  const ops: Op[] = [];
  p.specs.forEach((spec, i) => {
    if (p.targets[i]) return;
    const ws = (): Excel.Worksheet => wb.worksheets.getItem(p.tempIds[i]);
    ops.push(
      op(() => {
        ws().name = spec.name;
        ws().visibility = "Visible" as Excel.SheetVisibility;
      }),
      ...tableRenameOps(ws, p, i),
      ...protectOps(wb.worksheets.getItem(p.tempIds[i]), spec),
    );
  });
  let sheets = p.kept;
  p.specs.forEach((_, i) => (sheets = [...withoutTarget(sheets, p, i), entryFor(p, i, false)]));
  const names = [...new Set([...p.register.names.filter((n) => p.existingNames.has(n)), ...p.specs.flatMap((s) => (s.names ?? []).map((n) => n.name)).filter((n) => !p.existingNames.has(n) || p.register.names.includes(n))])];
  ops.push(op(() => queueSaveRegister(context, { sheets, pending: [], names }), 4096));
  ops.push(...nameOps(context, p));
  const activate = p.specs.map((s) => s.activate === true).lastIndexOf(true);
  if (activate >= 0) ops.push(op(() => wb.worksheets.getItem(p.targets[activate]?.id ?? p.tempIds[activate]).activate()));
  await applyInSyncs(context, ops);
}

/** After a failed finish: remove the new sheets, keep the swapped ones, release the lock. */
async function undoNew(context: Excel.RequestContext, p: Plan): Promise<void> {
  let sheets = p.kept;
  p.specs.forEach((_, i) => {
    if (p.targets[i]) sheets = [...withoutTarget(sheets, p, i), entryFor(p, i, false)];
    else context.workbook.worksheets.getItemOrNullObject(p.tempIds[i]).delete(); // by id: it may have been renamed already
  });
  // Nothing was swapped: the register goes back to exactly what it was.
  if (p.targets.every((t) => t === undefined)) queueRestoreRegister(context, p.rawRegister);
  else queueSaveRegister(context, { sheets, pending: [], names: p.register.names });
  await context.sync();
}

// ---------------------------------------------------------------------------------------------
// Errors the user sees

function reason(e: unknown): { code: string } {
  const x = e as { code?: unknown };
  return { code: typeof x?.code === "string" ? x.code : "Unknown" };
}

function names(p: Plan, pick: (i: number) => boolean): string {
  return p.specs.filter((_, i) => pick(i)).map((s) => `"${s.name}"`).join(", ");
}

function failedError(e: unknown, p: Plan): VirkningError {
  const r = reason(e);
  return new VirkningError(
    "RENDER_FAILED",
    `Excel afviste skrivningen af ${names(p, () => true)} (${r.code}). Intet er ændret i projektmappen.`,
    `Excel refused writing ${names(p, () => true)} (${r.code}). Nothing in the workbook was changed.`,
  );
}

function keptCopyError(e: unknown, p: Plan, k: number): VirkningError {
  const r = reason(e);
  const later = names(p, (i) => i > k);
  return new VirkningError(
    "RENDER_KEPT_NEW_COPY",
    `Excel afviste opdateringen af arket "${p.specs[k].name}" undervejs (${r.code}). Arket er erstattet af en komplet ny udgave; formler i andre ark, der pegede på det, viser nu #REF!.` +
      (later ? ` ${later} er ikke opdateret.` : ""),
    `Excel refused updating the sheet "${p.specs[k].name}" midway (${r.code}). It was replaced by a complete new copy; formulas on other sheets that pointed to it now show #REF!.` +
      (later ? ` ${later} were not updated.` : ""),
    { sheet: p.specs[k].name },
  );
}

function newNotCreatedError(e: unknown, p: Plan): VirkningError {
  const r = reason(e);
  const updated = names(p, (i) => p.targets[i] !== undefined);
  return new VirkningError(
    "RENDER_FAILED",
    `Excel afviste oprettelsen af ${names(p, (i) => p.targets[i] === undefined)} (${r.code}); de er ikke oprettet.` + (updated ? ` ${updated} er opdateret.` : ""),
    `Excel refused creating ${names(p, (i) => p.targets[i] === undefined)} (${r.code}); they were not created.` + (updated ? ` ${updated} were updated.` : ""),
  );
}

async function quietly(f: () => Promise<void>): Promise<void> {
  try {
    await f();
  } catch {
    // The next render removes what is left (pending tokens, stale lock).
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

async function renderNow(context: Excel.RequestContext, specs: SheetSpec[]): Promise<void> {
  const p = await lookUp(context, specs);
  try {
    await transact(context, p);
  } finally {
    renderEnded(p.run); // a lock this render may have left behind no longer blocks this pane
  }
}

async function transact(context: Excel.RequestContext, p: Plan): Promise<void> {
  const specs = p.specs;
  try {
    await build(context, p);
  } catch (e) {
    await quietly(() => rollback(context, p, p.specs.map((_, i) => i)));
    throw failedError(e, p);
  }
  for (let k = 0; k < specs.length; k++) {
    if (!p.targets[k]) continue;
    try {
      await swap(context, p, k);
    } catch (e) {
      await quietly(() => fallback(context, p, k));
      throw keptCopyError(e, p, k);
    }
  }
  try {
    await finish(context, p);
  } catch (e) {
    await quietly(() => undoNew(context, p));
    throw newNotCreatedError(e, p);
  }
}

/** Render `specs` in an existing request context (see the steps and sync budget at the top of this file). */
export async function renderSpecs(context: Excel.RequestContext, specs: SheetSpec[]): Promise<void> {
  checkSpecs(specs);
  if (specs.length === 0) return;
  await serialised(() => renderNow(context, specs));
}

/** Render one spec inside an existing Excel.run batch. */
export async function renderSheetSpec(context: Excel.RequestContext, spec: SheetSpec): Promise<void> {
  await renderSpecs(context, [spec]);
}

/** Render specs in one Excel.run (see the sync budget at the top of this file). */
export async function renderSheets(run: ExcelRun, specs: SheetSpec[]): Promise<void> {
  checkSpecs(specs);
  await run((context) => renderSpecs(context, specs));
}
