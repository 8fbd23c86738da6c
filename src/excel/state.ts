/**
 * Add-in state kept in the workbook (saved with the file) through `workbook.settings`
 * (ExcelApi 1.4), and the register of the sheets the add-in owns.
 *
 * State values are stored as JSON text. Text longer than STATE_PART_CHARS is split over parts
 * "<key>#1", "<key>#2", … and the key itself holds {"$virkningParts": n}. Sync budget:
 * - saveState: 1 sync while the JSON is below ~3 MB (larger values: one more sync per ~3.5 MB
 *   of parts as sent, to stay under the 5 MB request limit); stale parts of a longer earlier value are deleted
 *   in the same sync (deleting a null object is a no-op in Excel).
 * - loadState: 1 sync while the value has at most 3 parts, then 1 more per 3 parts.
 */
import { VirkningError } from "../core/errors";
import type { ExcelRun } from "./host";
import { MARK_NAME, ownerEntry, parseRegister, queueLoadRegister, tokenOf, type Register, type SheetInfo } from "./ownership";

/** Characters per settings part (~1 MB). */
export const STATE_PART_CHARS = 1_000_000;
/** Most parts a state value may use (about 32 MB of JSON). */
export const STATE_MAX_PARTS = 32;
const PARTS_PER_SYNC = 3;
const WRITE_BUDGET = 3_500_000;
const PARTS_MARKER = "$virkningParts";

const partKey = (key: string, i: number): string => `${key}#${i}`;

/** Store `value` (JSON-serialisable) under `key`. */
export async function saveState(run: ExcelRun, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`saveState: value for ${key} is not JSON-serialisable`);
  const parts: string[] = [];
  if (json.length > STATE_PART_CHARS) for (let i = 0; i < json.length; i += STATE_PART_CHARS) parts.push(json.slice(i, i + STATE_PART_CHARS));
  if (parts.length > STATE_MAX_PARTS) {
    throw new VirkningError(
      "STATE_TOO_LARGE",
      `Indstillingerne (${key}) er for store til at gemme i projektmappen.`,
      `The settings (${key}) are too large to store in the workbook.`,
    );
  }
  await run(async (context) => {
    const settings = context.workbook.settings;
    let pending = 0;
    for (let i = 0; i < parts.length; i++) {
      const size = JSON.stringify(parts[i]).length; // as sent: the part is JSON-escaped again
      if (pending > 0 && pending + size > WRITE_BUDGET) {
        // Keep each request below Excel on the web's 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        pending = 0;
      }
      settings.add(partKey(key, i + 1), parts[i]);
      pending += size;
    }
    if (parts.length > 0) settings.add(key, { [PARTS_MARKER]: parts.length });
    else settings.add(key, json);
    for (let i = parts.length + 1; i <= STATE_MAX_PARTS; i++) settings.getItemOrNullObject(partKey(key, i)).delete();
    await context.sync();
  });
}

/** The value stored under `key`, or undefined when there is none (or it cannot be read). */
export async function loadState<T>(run: ExcelRun, key: string): Promise<T | undefined> {
  return run(async (context) => {
    const settings = context.workbook.settings;
    const head = settings.getItemOrNullObject(key).load("value");
    const first: Excel.Setting[] = [];
    for (let i = 1; i <= PARTS_PER_SYNC; i++) first.push(settings.getItemOrNullObject(partKey(key, i)).load("value"));
    await context.sync();
    if (head.isNullObject) return undefined;
    const v: unknown = head.value;
    let json: string;
    if (typeof v === "object" && v !== null && typeof (v as Record<string, unknown>)[PARTS_MARKER] === "number") {
      const n = (v as Record<string, number>)[PARTS_MARKER];
      const loaded: Excel.Setting[] = first.slice(0, n);
      for (let i = PARTS_PER_SYNC + 1; i <= n; i += PARTS_PER_SYNC) {
        for (let j = i; j < i + PARTS_PER_SYNC && j <= n; j++) loaded.push(settings.getItemOrNullObject(partKey(key, j)).load("value"));
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
      if (loaded.some((s) => s.isNullObject || typeof s.value !== "string")) return undefined;
      json = loaded.map((s) => s.value as string).join("");
    } else if (typeof v === "string") {
      json = v;
    } else {
      return v as T;
    }
    try {
      return JSON.parse(json) as T;
    } catch {
      return undefined;
    }
  });
}

/** Delete the value stored under `key` (and its parts). 1 sync. */
export async function deleteState(run: ExcelRun, key: string): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.getItemOrNullObject(key).delete();
    for (let i = 1; i <= STATE_MAX_PARTS; i++) context.workbook.settings.getItemOrNullObject(partKey(key, i)).delete();
    await context.sync();
  });
}

// ---------------------------------------------------------------------------------------------
// Owned sheets (see ownership.ts)

/**
 * Names of all sheets, and of those the add-in owns (marked and registered, see ownership.ts): 2 syncs. Data
 * is never read from them and they are not offered as data sources.
 */
export async function ownedSheetNames(context: Excel.RequestContext): Promise<{ all: string[]; owned: Set<string> }> {
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/position");
  const reg = queueLoadRegister(context);
  await context.sync();
  const marks = sheets.items.map((ws) => ws.names.getItemOrNullObject(MARK_NAME).load("formula"));
  await context.sync();
  const register = parseRegister(reg.isNullObject ? undefined : reg.value);
  const infos: SheetInfo[] = sheets.items.map((ws, i) => ({ name: ws.name, id: ws.id, position: ws.position, token: marks[i].isNullObject ? "" : tokenOf(marks[i].formula) }));
  return { all: infos.map((s) => s.name), owned: new Set(infos.filter((s) => ownerEntry(register, s, infos) !== undefined).map((s) => s.name)) };
}

/** The register as stored: 1 sync. */
export async function readRegister(run: ExcelRun): Promise<Register> {
  return run(async (context) => {
    const s = queueLoadRegister(context);
    await context.sync();
    return parseRegister(s.isNullObject ? undefined : s.value);
  });
}
