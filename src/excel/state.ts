/**
 * Add-in state kept in the workbook (saved with the file) through `workbook.settings`
 * (ExcelApi 1.4), and the register of the sheets the add-in owns.
 *
 * State values are stored as JSON text, each at most STATE_MAX_CHARS characters: Excel keeps only about
 * 2 MB of settings in all (office-js#621), so a value is refused with a Danish message long before that
 * is reached. Values written by earlier versions as parts ("<key>#1", … with {"$virkningParts": n} under
 * the key) are still read. Sync budget:
 * - saveState: 1 sync (parts of an older, longer value are deleted in the same sync; deleting a null
 *   object is a no-op in Excel).
 * - loadState: 1 sync while the value has at most 3 parts, then 1 more per 3 parts.
 */
import { personalDataPaths } from "../core/data/personalData";
import { VirkningError } from "../core/errors";
import type { ExcelRun } from "./host";
import { MARK_NAME, ownerEntry, parseRegister, queueLoadRegister, tokenOf, type Register, type SheetInfo } from "./ownership";

/** Characters per settings part (~1 MB) of values written by earlier versions. */
export const STATE_PART_CHARS = 1_000_000;
/** Most parts a stored value may have (earlier versions). */
export const STATE_MAX_PARTS = 32;
/**
 * Most JSON characters of one state value (UTF-16 code units; at most ~0.6 MB as UTF-8). A few such
 * values (comparison, progression, design) stay well below Excel's ~2 MB of settings in all. The
 * comparison settings of a typical evaluation take 5–20 KB.
 */
export const STATE_MAX_CHARS = 300_000;
const PARTS_PER_SYNC = 3;
const PARTS_MARKER = "$virkningParts";

const partKey = (key: string, i: number): string => `${key}#${i}`;

/**
 * The personal-data gate of the settings store (issue 19): every string, number and map key of a value to
 * be stored is checked by the one detector; a hit refuses the write (PERSONAL_DATA) naming the setting and
 * the field, never the value. Nothing is written.
 */
export function refusePersonalDataInState(key: string, value: unknown): void {
  const paths = personalDataPaths(value);
  if (paths.length === 0) return;
  const list = paths.map((p) => `"${p}"`).join(", ");
  throw new VirkningError(
    "PERSONAL_DATA",
    `Indstillingerne (${key}) blev ikke gemt: feltet ${list} indeholder noget, der ligner et CPR-nummer. CPR-numre må ikke ligge i projektmappen: ret det i ruden eller i data, og gem igen. Intet er gemt.`,
    `The settings (${key}) were not saved: the field ${list} holds what looks like a CPR number. CPR numbers must not be in the workbook: correct it in the pane or in the data and save again. Nothing was saved.`,
  );
}

/**
 * Store `value` (JSON-serialisable) under `key`; refuses a value holding a CPR number (PERSONAL_DATA) and
 * values above STATE_MAX_CHARS (STATE_TOO_LARGE).
 */
export async function saveState(run: ExcelRun, key: string, value: unknown): Promise<void> {
  refusePersonalDataInState(key, value);
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`saveState: value for ${key} is not JSON-serialisable`);
  if (json.length > STATE_MAX_CHARS) {
    const n = json.length.toLocaleString("da-DK");
    const max = STATE_MAX_CHARS.toLocaleString("da-DK");
    throw new VirkningError(
      "STATE_TOO_LARGE",
      `Indstillingerne (${key}) fylder ${n} tegn, mere end de ${max}, Virkning gemmer i projektmappen (Excel har kun plads til omkring 2 MB indstillinger i alt). Fjern fx resultatmål, statusværdier eller kolonner, der ikke bruges, og gem igen.`,
      `The settings (${key}) take ${json.length.toLocaleString("en-GB")} characters, more than the ${STATE_MAX_CHARS.toLocaleString("en-GB")} Virkning stores in the workbook (Excel has room for only about 2 MB of settings in all). Remove, for example, outcomes, status values or columns that are not used, and save again.`,
    );
  }
  await run(async (context) => {
    const settings = context.workbook.settings;
    settings.add(key, json);
    for (let i = 1; i <= STATE_MAX_PARTS; i++) settings.getItemOrNullObject(partKey(key, i)).delete();
    await context.sync();
  });
}

function damaged(key: string): VirkningError {
  return new VirkningError(
    "STATE_DAMAGED",
    `Det, Virkning har gemt i projektmappen under "${key}", er beskadiget og kan ikke læses.`,
    `What Virkning stored in the workbook under "${key}" is damaged and cannot be read.`,
  );
}

/** The value stored under `key`, or undefined when there is none. A damaged value throws STATE_DAMAGED (never silently "none"). */
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
      const n = Math.min((v as Record<string, number>)[PARTS_MARKER], STATE_MAX_PARTS);
      const loaded: Excel.Setting[] = first.slice(0, n);
      for (let i = PARTS_PER_SYNC + 1; i <= n; i += PARTS_PER_SYNC) {
        for (let j = i; j < i + PARTS_PER_SYNC && j <= n; j++) loaded.push(settings.getItemOrNullObject(partKey(key, j)).load("value"));
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
      if (loaded.some((s) => s.isNullObject || typeof s.value !== "string")) throw damaged(key);
      json = loaded.map((s) => s.value as string).join("");
    } else if (typeof v === "string") {
      json = v;
    } else {
      return v as T;
    }
    try {
      return JSON.parse(json) as T;
    } catch {
      throw damaged(key);
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
