/**
 * One run of the Registeropfølgning in core, from a sheet's cells to the numbers: the settings' columns
 * found by header text (refused with a message naming each column that is gone or found twice), the
 * weekly data read and classified (layout.ts), every measure computed (weekly.ts), and a fingerprint of
 * what the numbers depend on (the classified weeks, groups and strata, and the settings that change the
 * numbers) so a later reader can tell stale numbers. Plain data in and out: the same call runs in the
 * pane's Web Worker, on the main thread, in the tests and in the bench.
 */
import { VirkningError } from "../errors";
import type { CellScalar } from "../report/sheetSpec";
import { cellAddress } from "../report/address";
import { headerKey } from "../analysis/columns";
import { hashText } from "../analysis/rerun";
import { readWeekly, type WeeklyColumns, type WeeklyLayout } from "./layout";
import { analyseRegister, type CitizenWeeks, type RegisterResult, type WeekClass } from "./weekly";
import type { RegisterSettings } from "./settings";

export interface RegisterRunInput {
  sheet: string;
  /** The sheet's cells from the header row down (header first). */
  cells: CellScalar[][];
  /** Where cells[0][0] is on the sheet (0-based). */
  at: { row: number; column: number };
  settings: RegisterSettings;
  /** The user's classes (from "Statuskoder", else the settings). */
  mapping: Record<string, WeekClass>;
  /** One start week for all (a date serial, week code or number), when the start rule gives one. */
  start?: CellScalar;
}

export interface RegisterRunOutput {
  result: RegisterResult;
  layout: WeeklyLayout;
  /** Labels found, with their class and weeks. */
  labels: { label: string; cls: WeekClass; weeks: number; mapped: boolean }[];
  citizens: number;
  unknownGroup: number;
  fingerprint: string;
}

const ROLES: { key: keyof RegisterSettings["columns"]; da: string; en: string }[] = [
  { key: "id", da: "ID", en: "ID" },
  { key: "group", da: "gruppe", en: "group" },
  { key: "start", da: "startuge", en: "start week" },
  { key: "stratum", da: "stratum", en: "stratum" },
  { key: "week", da: "uge", en: "week" },
  { key: "status", da: "status", en: "status" },
];

/** The settings' columns in `header` (by header text). Throws COLUMNS_CHANGED naming every column not found once. */
export function columnsByHeader(settings: RegisterSettings, header: CellScalar[], at: { row: number; column: number } = { row: 0, column: 0 }): Partial<WeeklyColumns> {
  const keys = header.map((h) => headerKey(h));
  const out: Partial<WeeklyColumns> = { start: -1, stratum: -1, week: -1, status: -1 };
  const lines: { da: string; en: string }[] = [];
  for (const role of ROLES) {
    const text = settings.columns[role.key];
    if (text === undefined) continue;
    const hits = keys.flatMap((k, i) => (k === headerKey(text) ? [i] : []));
    if (hits.length === 1) {
      out[role.key] = hits[0];
      continue;
    }
    const row = at.row + 1;
    lines.push(
      hits.length === 0
        ? { da: `kolonnen "${text}" (${role.da}) findes ikke længere i række ${row}`, en: `the column "${text}" (${role.en}) is no longer in row ${row}` }
        : { da: `kolonnen "${text}" (${role.da}) står ${hits.length} gange i række ${row} (${hits.map((i) => cellAddress(at.row, at.column + i)).join(", ")})`, en: `the column "${text}" (${role.en}) appears ${hits.length} times in row ${row} (${hits.map((i) => cellAddress(at.row, at.column + i)).join(", ")})` },
    );
  }
  if (lines.length > 0) {
    const sheet = settings.source.sheet;
    throw new VirkningError(
      "COLUMNS_CHANGED",
      `Kolonnerne i arket "${sheet}" har ændret sig, siden registeropfølgningen blev gemt: ${lines.map((l) => l.da).join("; ")}. Vælg kolonnerne igen, og tryk på "Beregn".`,
      `The columns of the sheet "${sheet}" have changed since the register follow-up was saved: ${lines.map((l) => l.en).join("; ")}. Choose the columns again and press "Calculate".`,
      { sheet },
    );
  }
  return out;
}

/** Character codes of the classes in the fingerprint ("s", "p", "a"; "." for a week not observed). */
const CODE: Record<WeekClass, number> = { selvforsoergende: 115, paaVej: 112, andet: 97 };

/** What the numbers depend on (see the module note), as 16 letters a–p. */
export function registerFingerprint(settings: RegisterSettings, citizens: CitizenWeeks[], start: CellScalar | undefined): string {
  const { lastRun: _l, source, columns: _c, ...numbers } = settings;
  const parts: string[] = [];
  for (const c of citizens) {
    const codes = new Array<number>(c.weeks.length);
    for (let i = 0; i < c.weeks.length; i++) {
      const w = c.weeks[i];
      codes[i] = w === null ? 46 : CODE[w];
    }
    parts.push(`${c.group}${c.stratum ?? ""}:${String.fromCharCode(...codes)}`);
  }
  const weeks = parts.join("|");
  return hashText(JSON.stringify({ sheet: source.sheet, layout: source.layout, numbers, start: start ?? null }) + weeks);
}

/** Read, classify and analyse (see the module note). Throws the data's problems (naming their cells) and COLUMNS_CHANGED. */
export function runRegisterCore(input: RegisterRunInput): RegisterRunOutput {
  const { settings } = input;
  const columns = columnsByHeader(settings, input.cells[0] ?? [], input.at);
  const data = readWeekly({ sheet: input.sheet, cells: input.cells, mapping: input.mapping, columns, at: input.at, ...(input.start !== undefined ? { start: input.start } : {}) });
  const result = analyseRegister(data.citizens, { windows: settings.windows, spellWeeks: settings.spellWeeks, ...(settings.tau ? { tau: settings.tau } : {}), ...(settings.durable ? { durable: settings.durable } : {}) });
  return { result, layout: data.layout, labels: data.labels, citizens: data.citizens.length, unknownGroup: data.unknownGroup, fingerprint: registerFingerprint(settings, data.citizens, input.start) };
}
