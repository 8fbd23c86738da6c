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
 *   4. swap, one existing target at a time: a protected target is unprotected in a sync of its
 *      own; then the register names its complete temporary copy as its backup, its tables,
 *      charts and shapes are deleted, its cells cleared, the spec written into it again (and
 *      protected when the spec asks) (the sheet itself stays, so users' formulas that point
 *      into it keep working), its temporary copy deleted and the backup dropped.
 *                                                        1 sync per existing target (+1 if protected, + chunks)
 *   5. finish: new sheets take their names and become visible, the register is written,
 *      the defined names point at their cells, the lock is released.                   1 sync
 * So: 4 syncs for new sheets, 5 when one sheet is regenerated, 6 for two.
 *
 * Failure: in steps 1–3 nothing of the user's has changed; the temporary sheets are deleted
 * and the register is restored exactly (one more sync), and the error says nothing was changed.
 * In step 4, when Excel refuses to unprotect the target (office-js#6784), nothing of it has
 * changed: the render stops and says so (RENDER_UNPROTECT_REFUSED). Any other failure may leave
 * the target half written: it is rewritten in place from the complete content (tried twice),
 * so formulas into it keep working (RENDER_REWRITTEN_IN_PLACE); only when that fails is it
 * replaced by its complete copy (references to it then show #REF!: RENDER_KEPT_NEW_COPY); when
 * that fails too, the copy stays hidden as the registered backup and the error names it
 * (RENDER_BACKUP_KEPT). Later targets keep their old content. In step 5 the new sheets are
 * removed again and the error says which sheets were updated.
 *
 * A registered backup is never deleted as a leftover while its copy exists: the next render
 * first puts the copy in the sheet's place and stops (RENDER_RESTORED_BACKUP), because what a
 * store read from the incomplete sheet (users' entries) must not be written back.
 *
 * One render at a time: renders in this pane wait for each other; a render of another pane or
 * co-author (the register's lock, younger than LOCK_TIMEOUT_MS) makes this one refuse.
 */
import { VirkningError } from "../core/errors";
import { refusePersonalData } from "../core/report/personalData";
import { checkSheetSpecs } from "../core/report/specCheck";
import type { SheetSpec } from "../core/report/sheetSpec";
import { supports, type ExcelRun } from "./host";
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
  type Backup,
  type OwnedSheet,
  type Register,
  type SheetInfo,
} from "./ownership";
import { validateExtras } from "./renderExtras";
import { CALL_ENVELOPE_BYTES, WRITE_BUDGET_BYTES, protectOps, sheetOps, type Op } from "./renderOps";

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
  if (specs.some((s) => (s.shapes?.length ?? 0) > 0) && !supports("Worksheet.shapes")) {
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
  const shapesOk = supports("Worksheet.shapes");
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
  if (lockHeldByOther(register, Date.now())) throw busyError();
  await restoreBackups(context, register, infos);
  return plan(specs, rawRegister, register, infos, targetIdx, loads, new Set(nameLoads.filter((x) => !x.item.isNullObject).map((x) => x.n)));
}

/**
 * Before anything else: a registered backup whose copy still exists means an earlier render
 * stopped while rewriting that sheet, which may be incomplete (and what was read from it for this
 * render too). The copy takes the sheet's place, and this render stops and says so: run again.
 */
async function restoreBackups(context: Excel.RequestContext, register: Register, infos: SheetInfo[]): Promise<void> {
  const live = (register.backups ?? [])
    .map((b) => ({ b, copy: infos.find((s) => s.token === b.copy && (s.name.startsWith(TEMP_PREFIX) || s.id !== b.ofId)) }))
    .filter((x): x is { b: Backup; copy: SheetInfo } => x.copy !== undefined);
  if (live.length === 0) return;
  const wb = context.workbook;
  const copies = live.map(({ copy }) => {
    const ws = wb.worksheets.getItem(copy.id);
    return { ws, protection: ws.protection.load("protected"), tables: ws.tables.load("items/name") };
  });
  await context.sync();
  let sheets = register.sheets;
  live.forEach(({ b, copy }, i) => {
    const { ws, protection, tables } = copies[i];
    const target = infos.find((s) => s !== copy && (b.of !== "" ? s.token === b.of : s.id === b.ofId));
    if (target) wb.worksheets.getItem(target.id).delete();
    ws.name = b.name;
    ws.visibility = "Visible" as Excel.SheetVisibility;
    if (target) ws.position = Math.min(target.position, infos.length - 2);
    const have = new Set(tables.items.map((t) => t.name));
    for (const [from, to] of b.tables) if (have.has(from)) ws.tables.getItem(from).name = to;
    if (b.protection && !protection.protected) for (const o of protectOps(ws, { name: b.name, cells: [], protection: b.protection })) o.apply();
    sheets = [...sheets.filter((o) => !(o.token === b.copy || (b.of !== "" ? o.token === b.of : o.token === "" && o.id === b.ofId))), { token: b.copy, name: b.name, id: copy.id }];
  });
  // Last: the backups stay registered until their copies are in place.
  queueSaveRegister(context, { sheets, pending: [], names: register.names });
  try {
    await context.sync();
  } catch (e) {
    throw new VirkningError(
      "RENDER_RESTORE_FAILED",
      `Virkning skal først sætte den komplette udgave af ${live.map((x) => `"${x.b.name}"`).join(", ")} (i det skjulte ark ${live.map((x) => `"${x.copy.name}"`).join(", ")}) på plads, men Excel afviste det (${reason(e).code}). Den komplette udgave er bevaret; prøv igen.`,
      `Virkning must first put the complete copy of ${live.map((x) => `"${x.b.name}"`).join(", ")} (in the hidden sheet ${live.map((x) => `"${x.copy.name}"`).join(", ")}) in place, but Excel refused (${reason(e).code}). The complete copy is kept; try again.`,
    );
  }
  const restored = live.map((x) => `"${x.b.name}"`).join(", ");
  throw new VirkningError(
    "RENDER_RESTORED_BACKUP",
    `En tidligere opdatering af ${restored} blev afbrudt. Virkning har sat den komplette udgave, den efterlod, i stedet for arket; formler i andre ark, der pegede på det gamle ark, viser nu #REF!. Intet andet er skrevet. Kør igen for at opdatere.`,
    `An earlier update of ${restored} was interrupted. Virkning has put the complete copy it left in the sheet's place; formulas on other sheets that pointed to the old sheet now show #REF!. Nothing else was written. Run again to update.`,
    { sheet: live[0].b.name },
  );
}

type Loads = ({ tables: Excel.TableCollection; charts: Excel.ChartCollection; shapes?: Excel.ShapeCollection; protection: Excel.WorksheetProtection } | undefined)[];

function plan(specs: SheetSpec[], rawRegister: unknown, register: Register, infos: SheetInfo[], targetIdx: number[], loads: Loads, existingNames: Set<string>): Plan {
  if (lockHeldByOther(register, Date.now())) throw busyError();
  const targets = targetIdx.map((i) => (i < 0 ? undefined : infos[i]));
  for (const t of targets) {
    // A sheet of a render whose finish step failed half-way holds complete content and a pending token: it is ours.
    if (t && !ownerEntry(register, t, infos) && !(t.token !== "" && register.pending.includes(t.token))) {
      throw new VirkningError(
        "SHEET_NOT_OWNED",
        `Arket "${t.name}" findes allerede og er ikke oprettet af Virkning. Omdøb eller slet det, og prøv igen.`,
        `The sheet "${t.name}" already exists and was not created by Virkning. Rename or delete it, then try again.`,
        { sheet: t.name },
      );
    }
  }
  const kept = register.sheets.filter((o) => infos.some((s) => ownerEntry(register, s, infos) === o));
  // A crashed render's temporary sheets carry a pending token, or (when it stopped between adding
  // a sheet and marking it) the crashed run's name prefix; its register entry is saved before any sheet is added.
  const crashedPrefix = register.lock && register.pending.length > 0 ? `${TEMP_PREFIX}${register.lock.token.slice(0, 6)}` : undefined;
  const leftovers = infos.filter((s) => s.name.startsWith(TEMP_PREFIX) && ((s.token !== "" && register.pending.includes(s.token)) || (crashedPrefix !== undefined && s.name.startsWith(crashedPrefix))));
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
    while (next < ops.length && (used === 0 || used + ops[next].size + 2 * CALL_ENVELOPE_BYTES <= WRITE_BUDGET_BYTES - 8192)) {
      used += ops[next].size + 2 * CALL_ENVELOPE_BYTES;
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
  // First in the queue, before any sheet is added: the register records the render as pending
  // (and takes the lock), so that whatever a render stopped here leaves is recognised as its leftover.
  queueSaveRegister(context, { sheets: p.kept, pending: p.tokens, names: p.register.names, lock: { token: p.run, at: Date.now() } });
  const ops: Op[] = [op(() => undefined, 4096)]; // (the register save above, counted in the first request)
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
    ...c.tables.map((n) => op(() => ws.tables.getItem(n).delete())),
    ...c.charts.map((n) => op(() => ws.charts.getItem(n).delete())),
    ...c.shapes.map((n) => op(() => ws.shapes.getItem(n).delete())),
    ...(supports("Worksheet.freezePanes") ? [op(() => ws.freezePanes.unfreeze())] : []),
    op(() => ws.getRange().clear("All" as Excel.ClearApplyTo)),
    // Range.clear leaves conditional formats (ExcelApi 1.6) and data validation (1.8) in place.
    ...(supports("Range.conditionalFormats") ? [op(() => ws.getRange().conditionalFormats.clearAll())] : []),
    ...(supports("Range.dataValidation") ? [op(() => ws.getRange().dataValidation.clear())] : []),
    op(() => {
      const all = ws.getRange();
      all.format.useStandardWidth = true;
      all.format.useStandardHeight = true;
    }),
  ];
}

/** Clear sheet `ws` and write spec k into it (protected at the end when the spec asks). */
function rewriteOps(p: Plan, k: number, ws: Excel.Worksheet, c: TargetContent): Op[] {
  return [...clearOps(ws, c), ...sheetOps(ws, p.specs[k]), ...protectOps(ws, p.specs[k])];
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

/** The complete copy of spec k, as the register names it while target k is being rewritten. */
function backupOf(p: Plan, k: number): Backup {
  const t = p.targets[k] as SheetInfo;
  const spec = p.specs[k];
  return {
    copy: p.tokens[k],
    of: t.token,
    ofId: t.id,
    name: spec.name,
    tables: (spec.tables ?? []).map((x): [string, string] => [x.name + tableSuffix(p), x.name]),
    ...(spec.protection ? { protection: { unlocked: spec.protection.unlocked ?? [] } } : {}),
  };
}

/** Register entries once targets before k (and k itself, when `k` says how) hold their new content. */
function sheetsAfter(p: Plan, k: number, kNow: "old" | "inPlace" | "copy"): OwnedSheet[] {
  let sheets = p.kept;
  for (let i = 0; i < k; i++) if (p.targets[i]) sheets = [...withoutTarget(sheets, p, i), entryFor(p, i, false)];
  if (kNow !== "old") sheets = [...withoutTarget(sheets, p, k), entryFor(p, k, kNow === "copy")];
  return sheets;
}

/** While target k is rewritten: the render is pending and k's complete copy is its backup (armed). */
function armOp(context: Excel.RequestContext, p: Plan, k: number): Op {
  return op(() => queueSaveRegister(context, { sheets: sheetsAfter(p, k, "old"), pending: p.tokens, names: p.register.names, lock: { token: p.run, at: Date.now() }, backups: [backupOf(p, k)] }), 4096);
}

/** Target k is done; the render goes on (pending, locked, no backup armed). */
function disarmOp(context: Excel.RequestContext, p: Plan, k: number): Op {
  return op(() => queueSaveRegister(context, { sheets: sheetsAfter(p, k, "inPlace"), pending: p.tokens, names: p.register.names, lock: { token: p.run, at: Date.now() } }), 4096);
}

/** The render stops after target k (k as `kNow` says); later targets keep their old content, new sheets are not created. */
function stopOps(context: Excel.RequestContext, p: Plan, k: number, kNow: "old" | "inPlace" | "copy"): Op[] {
  const wb = context.workbook;
  return [
    ...(kNow === "copy" ? [] : [op(() => wb.worksheets.getItemOrNullObject(p.tempIds[k]).delete())]),
    ...p.specs.flatMap((_, i) => (i > k ? [op(() => wb.worksheets.getItemOrNullObject(p.temps[i]).delete())] : [])),
    // Last: until the register is saved, the backup stays armed (a copy is never a leftover while it may be needed).
    op(() => queueSaveRegister(context, { sheets: sheetsAfter(p, k, kNow), pending: [], names: p.register.names }), 4096),
  ];
}

/** unprotect() was refused (office-js#6784: Excel may answer AccessDenied even on a protected sheet); the sheet is untouched. */
class UnprotectRefused extends Error {
  constructor(readonly original: unknown) {
    super("unprotect refused");
  }
}

/**
 * Step 4 for target k. A protected sheet is unprotected in a sync of its own, before anything
 * else: when Excel refuses, nothing of the sheet has changed and the render stops there. Then
 * the backup is armed (first operation), the sheet cleared and rewritten, its copy deleted and
 * the backup disarmed (last operations).
 */
async function swap(context: Excel.RequestContext, p: Plan, k: number): Promise<void> {
  const target = p.targets[k] as SheetInfo;
  const ws = context.workbook.worksheets.getItem(target.id);
  const c = p.contents[k] as TargetContent;
  if (c.protected) {
    ws.protection.unprotect();
    try {
      await context.sync();
    } catch (e) {
      throw new UnprotectRefused(e);
    }
  }
  const ops = [armOp(context, p, k), ...rewriteOps(p, k, ws, { ...c, protected: false })];
  // A sheet of the old register (no mark yet) gets its mark now.
  if (target.token === "") ops.push(op(() => queueMark(ws, p.tokens[k])));
  ops.push(op(() => context.workbook.worksheets.getItem(p.tempIds[k]).delete()), disarmOp(context, p, k));
  await applyInSyncs(context, ops);
}

/**
 * Recovery 1 (after a failed swap of k): rewrite the sheet in place from the complete content
 * (the spec its copy was built from), so formulas that point into it keep working. What the sheet
 * holds now is loaded first. A protected sheet is already complete: the swap protects it last.
 */
async function rewriteInPlace(context: Excel.RequestContext, p: Plan, k: number): Promise<void> {
  const target = p.targets[k] as SheetInfo;
  const ws = context.workbook.worksheets.getItem(target.id);
  const tables = ws.tables.load("items/name");
  const charts = ws.charts.load("items/name");
  const shapes = supports("Worksheet.shapes") ? ws.shapes.load("items/name") : undefined;
  const protection = ws.protection.load("protected");
  const mark = ws.names.getItemOrNullObject(MARK_NAME).load("formula");
  await context.sync();
  const ops = [armOp(context, p, k)];
  if (!protection.protected) {
    const now: TargetContent = { tables: tables.items.map((x) => x.name), charts: charts.items.map((x) => x.name), shapes: shapes ? shapes.items.map((x) => x.name) : [], protected: false };
    ops.push(...rewriteOps(p, k, ws, now));
  }
  if (target.token === "" && mark.isNullObject) ops.push(op(() => queueMark(ws, p.tokens[k])));
  ops.push(...stopOps(context, p, k, "inPlace"));
  await applyInSyncs(context, ops);
}

/** Recovery 2 (only when rewriting in place failed twice): replace the sheet by its complete copy. */
async function replaceByCopy(context: Excel.RequestContext, p: Plan, k: number): Promise<void> {
  const wb = context.workbook;
  const target = p.targets[k] as SheetInfo;
  const copy = wb.worksheets.getItem(p.tempIds[k]);
  const ops: Op[] = [
    armOp(context, p, k),
    op(() => wb.worksheets.getItem(target.id).delete()),
    op(() => {
      copy.name = p.specs[k].name;
      copy.visibility = "Visible" as Excel.SheetVisibility;
      copy.position = target.position;
    }),
    ...tableRenameOps(() => copy, p, k),
    ...protectOps(copy, p.specs[k]),
    ...stopOps(context, p, k, "copy"),
  ];
  await applyInSyncs(context, ops);
}

/** The swap stopped before anything of the sheet changed: remove the copies, restore its protection, record the earlier targets. */
async function abandon(context: Excel.RequestContext, p: Plan, k: number): Promise<void> {
  const ws = context.workbook.worksheets.getItem((p.targets[k] as SheetInfo).id);
  const protection = ws.protection.load("protected");
  await context.sync();
  const ops = protection.protected ? [] : [op(() => ws.protection.protect())];
  await applyInSyncs(context, [...ops, ...stopOps(context, p, k, "old")]);
}

/** Run a recovery step; false when it failed too. */
async function attempt(f: () => Promise<void>): Promise<boolean> {
  try {
    await f();
    return true;
  } catch {
    return false;
  }
}

/**
 * After the swap of target k failed: a refused unprotect stops the render (nothing of the sheet
 * changed). Otherwise the sheet is rewritten in place (tried twice: a dropped request is worth
 * one retry); only when that fails is it replaced by its complete copy; when that fails too, the
 * copy stays as the registered backup, which the next render puts in place first. The error
 * says which of these happened.
 */
async function recoverSwap(context: Excel.RequestContext, p: Plan, k: number, e: unknown): Promise<never> {
  if (e instanceof UnprotectRefused) {
    const cleaned = await attempt(() => abandon(context, p, k));
    throw unprotectRefusedError(e.original, p, k, cleaned);
  }
  for (let tries = 0; tries < 2; tries++) if (await attempt(() => rewriteInPlace(context, p, k))) throw rewrittenInPlaceError(e, p, k);
  if (await attempt(() => replaceByCopy(context, p, k))) throw keptCopyError(e, p, k);
  throw backupKeptError(e, p, k);
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

function failedError(e: unknown, p: Plan, cleaned: boolean): VirkningError {
  const r = reason(e);
  const rest = cleaned ? "" : " Skjulte midlertidige ark fra forsøget fjernes, næste gang Virkning skriver.";
  const restEn = cleaned ? "" : " Hidden temporary sheets of the attempt are removed the next time Virkning writes.";
  return new VirkningError(
    "RENDER_FAILED",
    `Excel afviste skrivningen af ${names(p, () => true)} (${r.code}). Intet er ændret i projektmappen.${rest}`,
    `Excel refused writing ${names(p, () => true)} (${r.code}). Nothing in the workbook was changed.${restEn}`,
  );
}

function notUpdated(p: Plan, k: number): { da: string; en: string } {
  const later = names(p, (i) => i > k);
  return later ? { da: ` ${later} er ikke opdateret.`, en: ` ${later} were not updated.` } : { da: "", en: "" };
}

function rewrittenInPlaceError(e: unknown, p: Plan, k: number): VirkningError {
  const r = reason(e);
  const n = p.specs[k].name;
  const later = notUpdated(p, k);
  return new VirkningError(
    "RENDER_REWRITTEN_IN_PLACE",
    `Excel afviste opdateringen af arket "${n}" undervejs (${r.code}). Arket er skrevet færdigt igen på sin plads med det nye indhold; formler, der peger på det, virker stadig.${later.da}`,
    `Excel refused updating the sheet "${n}" midway (${r.code}). The sheet was written again in place with the new content; formulas that point to it still work.${later.en}`,
    { sheet: n },
  );
}

function keptCopyError(e: unknown, p: Plan, k: number): VirkningError {
  const r = reason(e);
  const n = p.specs[k].name;
  const later = notUpdated(p, k);
  return new VirkningError(
    "RENDER_KEPT_NEW_COPY",
    `Excel afviste opdateringen af arket "${n}" undervejs (${r.code}), og arket kunne heller ikke skrives igen på sin plads. Det er derfor erstattet af en komplet ny udgave; formler i andre ark, der pegede på det, viser nu #REF!.${later.da}`,
    `Excel refused updating the sheet "${n}" midway (${r.code}), and it could not be written again in place either. It was therefore replaced by a complete new copy; formulas on other sheets that pointed to it now show #REF!.${later.en}`,
    { sheet: n },
  );
}

function backupKeptError(e: unknown, p: Plan, k: number): VirkningError {
  const r = reason(e);
  const n = p.specs[k].name;
  const later = notUpdated(p, k);
  return new VirkningError(
    "RENDER_BACKUP_KEPT",
    `Excel afviste opdateringen af arket "${n}" undervejs (${r.code}), og genopretningen mislykkedes også. Arket "${n}" kan være ufuldstændigt; en komplet ny udgave ligger i det skjulte ark "${p.temps[k]}". Næste gang Virkning skriver, sættes den i stedet for arket, før noget andet skrives; indtastninger i den går ikke tabt.${later.da}`,
    `Excel refused updating the sheet "${n}" midway (${r.code}), and the recovery failed too. The sheet "${n}" may be incomplete; a complete new copy is in the hidden sheet "${p.temps[k]}". The next time Virkning writes, it takes the sheet's place before anything else is written; entries in it are not lost.${later.en}`,
    { sheet: n },
  );
}

function unprotectRefusedError(e: unknown, p: Plan, k: number, cleaned: boolean): VirkningError {
  const r = reason(e);
  const n = p.specs[k].name;
  const done = names(p, (i) => i < k && p.targets[i] !== undefined);
  const rest = (cleaned ? "" : " Skjulte midlertidige ark fra forsøget fjernes, næste gang Virkning skriver.") + (done ? ` ${done} er opdateret.` : "");
  const restEn = (cleaned ? "" : " Hidden temporary sheets of the attempt are removed the next time Virkning writes.") + (done ? ` ${done} were updated.` : "");
  return new VirkningError(
    "RENDER_UNPROTECT_REFUSED",
    `Excel afviste at ophæve beskyttelsen af arket "${n}" (${r.code}), så arket er ikke opdateret og ikke ændret. Ophæv beskyttelsen selv (Gennemse > Fjern arkbeskyttelse), og prøv igen.${rest}`,
    `Excel refused to unprotect the sheet "${n}" (${r.code}), so the sheet was neither updated nor changed. Unprotect it yourself (Review > Unprotect Sheet) and try again.${restEn}`,
    { sheet: n },
  );
}

function newNotCreatedError(e: unknown, p: Plan, cleaned: boolean): VirkningError {
  const r = reason(e);
  const fresh = names(p, (i) => p.targets[i] === undefined);
  const updated = names(p, (i) => p.targets[i] !== undefined);
  const what = cleaned
    ? { da: `${fresh} er ikke oprettet.`, en: `they were not created.` }
    : { da: `${fresh} kan være oprettet eller ej; kør igen for at gøre dem færdige.`, en: `they may or may not exist; run again to complete them.` };
  return new VirkningError(
    "RENDER_FAILED",
    `Excel afviste oprettelsen af ${fresh} (${r.code}); ${what.da}` + (updated ? ` ${updated} er opdateret.` : ""),
    `Excel refused creating ${fresh} (${r.code}); ${what.en}` + (updated ? ` ${updated} were updated.` : ""),
  );
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

/** Steps 3–5 (see the top of this file), each with its own recovery. */
async function transact(context: Excel.RequestContext, p: Plan): Promise<void> {
  await stepBuild(context, p);
  await stepSwaps(context, p);
  await stepFinish(context, p);
}

async function stepBuild(context: Excel.RequestContext, p: Plan): Promise<void> {
  try {
    await build(context, p);
  } catch (e) {
    const cleaned = await attempt(() => rollback(context, p, p.specs.map((_, i) => i)));
    throw failedError(e, p, cleaned);
  }
}

async function stepSwaps(context: Excel.RequestContext, p: Plan): Promise<void> {
  for (let k = 0; k < p.specs.length; k++) {
    if (!p.targets[k]) continue;
    try {
      await swap(context, p, k);
    } catch (e) {
      await recoverSwap(context, p, k, e);
    }
  }
}

async function stepFinish(context: Excel.RequestContext, p: Plan): Promise<void> {
  try {
    await finish(context, p);
  } catch (e) {
    const cleaned = await attempt(() => undoNew(context, p));
    throw newNotCreatedError(e, p, cleaned);
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
