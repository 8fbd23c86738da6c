/**
 * Which sheets are the add-in's. Every sheet the add-in creates carries a mark that travels with
 * the sheet: a hidden worksheet-scoped defined name `Virkning_ejer` (ExcelApi 1.4) whose value is
 * a random token. Names are saved in the file, survive renaming, moving, saving and reopening in
 * another Excel version; `Worksheet.id` does not (it is constant only within a session:
 * office-js-docs#297, office-js#1390), so ids are never used to decide ownership.
 *
 * The register (workbook setting "virkning.ownedSheets") records each owned sheet's token; a
 * sheet is the add-in's only when its mark holds a registered token. A sheet without a valid
 * mark is the user's, whatever its name. When the user copies one of our sheets, the copy
 * carries the same mark: then only the sheet with the registered name is ours.
 *
 * The register also holds the tokens of a render in progress ("pending": temporary sheets not
 * yet swapped into place), so that leftovers of a crash are recognised and removed next time,
 * the workbook names the add-in maintains, and a lock so that two renders never write at once.
 *
 * While an existing sheet is rewritten in place, the register names its complete temporary copy
 * as a backup ("backups"). A backup is never deleted as a crash leftover: as long as its copy
 * exists, the sheet it backs up may be incomplete, so the next render first puts the copy in the
 * sheet's place (render.ts, restoreBackups) and only then writes anything else.
 */
import { VirkningError } from "../core/errors";

export const OWNED_SHEETS_KEY = "virkning.ownedSheets";
/** The worksheet-scoped defined name that marks a sheet as the add-in's. */
export const MARK_NAME = "Virkning_ejer";
/** A lock older than this is a crashed render's and is ignored (a render takes seconds). */
export const LOCK_TIMEOUT_MS = 2 * 60_000;

/** Locks of renders of this pane that have ended (a crashed one may have left its lock behind). */
const endedRuns = new Set<string>();
export function renderEnded(runToken: string): void {
  endedRuns.add(runToken);
}

export interface OwnedSheet {
  /** The token in the sheet's mark; "" for an entry of the old register (id-based, this session only). */
  token: string;
  name: string;
  /** Worksheet id when last written (valid within that session only; informative). */
  id: string;
}

/** A complete copy (temporary sheet) of the content being written into an existing sheet. */
export interface Backup {
  /** Token in the copy's mark. */
  copy: string;
  /** Token of the sheet it backs up ("" for a sheet of the old register: then `ofId`). */
  of: string;
  ofId: string;
  /** The sheet's name (the copy takes it when restored). */
  name: string;
  /** The copy's tables: [name on the copy, final name]. */
  tables: [string, string][];
  /** Cells to unlock and protect when restored (the spec's protection), or undefined. */
  protection?: { unlocked: string[] };
}

export interface Register {
  sheets: OwnedSheet[];
  /** Tokens of temporary sheets of a render that has not finished. */
  pending: string[];
  /** Workbook-scoped defined names the add-in created (so it only ever changes its own). */
  names: string[];
  lock?: { token: string; at: number };
  /** Complete copies that back up a sheet being rewritten (see the file comment). */
  backups?: Backup[];
}

export const emptyRegister = (): Register => ({ sheets: [], pending: [], names: [] });

function parseBackups(v: unknown): Backup[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (b): b is Backup =>
      isObj(b) &&
      typeof b.copy === "string" &&
      typeof b.of === "string" &&
      typeof b.ofId === "string" &&
      typeof b.name === "string" &&
      Array.isArray(b.tables) &&
      b.tables.every((t) => Array.isArray(t) && t.length === 2 && t.every((x) => typeof x === "string")) &&
      (b.protection === undefined || (isObj(b.protection) && strings(b.protection.unlocked).length === (b.protection.unlocked as unknown[] | undefined)?.length)),
  );
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Parse the stored register; tolerates the old format (a list of {id, name}) and damage (nothing owned then). */
export function parseRegister(value: unknown): Register {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return emptyRegister();
    }
  }
  if (Array.isArray(v)) {
    // Old register: ids only. An entry with an empty id was a render that stopped: it owns nothing.
    const sheets = v.filter((x): x is { id: string; name: string } => isObj(x) && typeof x.id === "string" && x.id !== "" && typeof x.name === "string");
    return { ...emptyRegister(), sheets: sheets.map((x) => ({ token: "", name: x.name, id: x.id })) };
  }
  if (!isObj(v)) return emptyRegister();
  const sheets = (Array.isArray(v.sheets) ? v.sheets : []).filter(
    (x): x is OwnedSheet => isObj(x) && typeof x.token === "string" && typeof x.name === "string" && typeof x.id === "string",
  );
  const lock = isObj(v.lock) && typeof v.lock.token === "string" && typeof v.lock.at === "number" ? { token: v.lock.token, at: v.lock.at } : undefined;
  const backups = parseBackups(v.backups);
  return { sheets, pending: strings(v.pending), names: strings(v.names), lock, ...(backups.length ? { backups } : {}) };
}

export function serialiseRegister(r: Register): string {
  return JSON.stringify({ version: 2, ...r });
}

/** A fresh random token (128 bits, hex). */
export function newToken(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The formula stored in a mark. */
export const markFormula = (token: string): string => `="${token}"`;

/** The token in a mark's formula or value ('="abc"' or 'abc'); "" when it is not a mark. */
export function tokenOf(markValue: unknown): string {
  if (typeof markValue !== "string") return "";
  const m = /^(?:=")?([0-9a-f]{32})"?$/.exec(markValue);
  return m ? m[1] : "";
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("da-DK") === b.toLocaleLowerCase("da-DK");
}

export interface SheetInfo {
  name: string;
  id: string;
  position: number;
  /** Token in the sheet's mark, "" when it has none. */
  token: string;
}

/**
 * The register entry that makes `sheet` the add-in's, or undefined when it is the user's. A
 * marked sheet is ours when its token is registered and, if several sheets carry that token
 * (a user's copy), it has the registered name. An old-format entry (no token) owns the sheet
 * with its id and name in this session only; the next render marks it.
 */
export function ownerEntry(reg: Register, sheet: SheetInfo, all: SheetInfo[]): OwnedSheet | undefined {
  if (sheet.token !== "") {
    const e = reg.sheets.find((o) => o.token === sheet.token);
    if (!e) return undefined;
    const carriers = all.filter((s) => s.token === sheet.token);
    if (carriers.length === 1) return e;
    return sameName(e.name, sheet.name) ? e : undefined;
  }
  return reg.sheets.find((o) => o.token === "" && o.id === sheet.id && sameName(o.name, sheet.name));
}

export function lockHeldByOther(reg: Register, now: number): boolean {
  return reg.lock !== undefined && !endedRuns.has(reg.lock.token) && now - reg.lock.at < LOCK_TIMEOUT_MS;
}

export function busyError(): VirkningError {
  return new VirkningError(
    "RENDER_BUSY",
    "Virkning skriver allerede i projektmappen (fra en anden rude eller en medforfatter). Vent et øjeblik, og prøv igen.",
    "Virkning is already writing to the workbook (from another pane or a co-author). Wait a moment and try again.",
  );
}

/** Queue a load of the register setting. */
export function queueLoadRegister(context: Excel.RequestContext): Excel.Setting {
  return context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_KEY).load("value");
}

/** Queue writing the register. */
export function queueSaveRegister(context: Excel.RequestContext, r: Register): void {
  context.workbook.settings.add(OWNED_SHEETS_KEY, serialiseRegister(r));
}

/** Queue restoring the register exactly as it was read (`raw` undefined: there was none). */
export function queueRestoreRegister(context: Excel.RequestContext, raw: unknown): void {
  if (raw === undefined) context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_KEY).delete();
  else context.workbook.settings.add(OWNED_SHEETS_KEY, raw as string);
}

/** Queue marking a sheet with `token` (hidden worksheet-scoped name). */
export function queueMark(ws: Excel.Worksheet, token: string): void {
  const mark = ws.names.add(MARK_NAME, markFormula(token));
  mark.visible = false;
}
