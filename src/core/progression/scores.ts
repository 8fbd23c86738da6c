/**
 * Scores from a range (the measurement sheet, or any range with citizen, round and score columns)
 * into ProgressionInput, with the checks the comparison makes: every problem is a VirkningError with
 * a Danish message naming sheet and cell, and nothing is analysed while there are problems.
 *
 * Checks: a score outside the scale or typed as text that is not one of the scale's labels; a round
 * that is not a whole number ≥ 1; a round out of order (its actual date is before an earlier round's
 * date); two rows for the same citizen, round and rater; a citizen without a group when groups are
 * compared; an actual date that is not a date. A CPR number anywhere refuses the whole range.
 * Rows without any score (rounds not yet held) are skipped.
 */
import { VirkningError } from "../errors";
import { assertNoCpr, cellText, isBlank, isDateFormat, MAX_PROBLEMS, normaliseKey, parseDanishDateText, sheetCell } from "../data";
import type { CellScalar as CellValue } from "../report/sheetSpec";
import { parseRange } from "../report/address";
import { itemIdOf } from "./measurementSheet";
import type { ProgressionInput, Rater, ScaleItem, ScoreRow } from "./types";

export interface ScoreSource {
  sheet: string;
  /** Top-left cell of the range (its header row). */
  address: string;
  header: CellValue[];
  rows: CellValue[][];
  numberFormats?: string[][];
}

export interface ScoreColumns {
  citizen: number;
  round: number;
  group: number | null;
  rater: number | null;
  date: number | null;
  /** Score columns and the delmål (scale) each holds. */
  items: { column: number; item: ScaleItem }[];
}

const CITIZEN = ["borger-id", "id", "borger", "citizen", "citizen id"];
const ROUND = ["runde", "måling", "round"];
const GROUP = ["gruppe", "group"];
const RATER = ["vurderet af", "scored by", "rater"];
const DATE = ["faktisk dato", "dato", "date"];

/** Columns found by their headers; delmål columns by id ("D1: …") or name. Null when citizen or round is missing. */
export function suggestScoreColumns(header: CellValue[], items: ScaleItem[]): ScoreColumns | null {
  const keys = header.map((h) => normaliseKey(h));
  const find = (names: string[]): number | null => {
    const i = keys.findIndex((k) => names.includes(k));
    return i >= 0 ? i : null;
  };
  const citizen = find(CITIZEN);
  const round = find(ROUND);
  if (citizen === null || round === null) return null;
  const found: ScoreColumns["items"] = [];
  header.forEach((h, column) => {
    const id = itemIdOf(h);
    const item = items.find((i) => (id !== null && i.id === id) || normaliseKey(i.name) === keys[column]);
    if (item && !found.some((f) => f.item.id === item.id)) found.push({ column, item });
  });
  return { citizen, round, group: find(GROUP), rater: find(RATER), date: find(DATE), items: found };
}

export function raterOf(v: CellValue): Rater | null | undefined {
  const k = normaliseKey(v);
  if (k === "") return null;
  if (k === "borger" || k === "citizen") return "borger";
  if (k === "sagsbehandler" || k === "caseworker") return "sagsbehandler";
  if (k.startsWith("anden") || k === "other" || k === "other body") return "anden";
  return undefined;
}

/** Score of a cell on the item's scale: a label or a whole number in range; NaN when invalid; null when blank. */
export function scoreOf(v: CellValue, item: ScaleItem): number | null {
  if (isBlank(v)) return null;
  if (typeof v === "number") return Number.isInteger(v) && v >= item.min && v <= item.max ? v : NaN;
  const k = normaliseKey(v);
  const i = item.labels.findIndex((l) => normaliseKey(l) === k);
  if (i >= 0) return item.min + i;
  const n = /^-?\d+$/.test(k) ? Number(k) : NaN;
  return n >= item.min && n <= item.max ? n : NaN;
}

function dateOf(v: CellValue, format: string | undefined): number | null | typeof NaN {
  if (isBlank(v)) return null;
  if (typeof v === "number") return format === undefined || isDateFormat(format) || format === "General" ? v : NaN;
  return parseDanishDateText(v) ?? NaN;
}

class Problems {
  readonly list: VirkningError[] = [];
  private more = 0;
  add(code: string, da: string, en: string, sheet: string, cell: string): void {
    if (this.list.length >= MAX_PROBLEMS) {
      this.more++;
      return;
    }
    this.list.push(new VirkningError(code, da, en, { sheet, cell }));
  }
  done(): VirkningError[] {
    if (this.more > 0) this.list.push(new VirkningError("MORE_PROBLEMS", `… og ${this.more} problemer mere.`, `… and ${this.more} more problems.`));
    return this.list;
  }
}

interface Seen {
  cell: string;
  round: number;
  date: number | null;
}

/** Read and check the scores. `requireGroup`: every citizen must have a group (groups are compared). */
export function readScores(src: ScoreSource, columns: ScoreColumns, opts: { requireGroup?: boolean } = {}): { input: ProgressionInput; problems: VirkningError[] } {
  assertNoCpr({ sheet: src.sheet, address: src.address, header: src.header, rows: src.rows });
  const origin = parseRange(src.address);
  const at = (r: number, c: number): string => sheetCell(src.sheet, origin.row + 1 + r, origin.column + c);
  const P = new Problems();
  const rows: ScoreRow[] = [];
  const seen = new Map<string, Seen>();
  const byCitizen = new Map<string, Seen[]>();
  const groupOf = new Map<string, string | null>();
  src.rows.forEach((row, r) => {
    const cells = columns.items.map(({ column }) => row[column] ?? null);
    if (cells.every((v) => isBlank(v))) return;
    const citizen = cellText(row[columns.citizen]);
    if (citizen === "") {
      P.add("PROGRESSION_NO_CITIZEN", `Cellen ${at(r, columns.citizen)} mangler borger-ID, men rækken har scorer. Skriv borgerens ID.`, `Cell ${at(r, columns.citizen)} has no citizen ID, but the row has scores. Enter the citizen's ID.`, src.sheet, at(r, columns.citizen));
      return;
    }
    const roundV = row[columns.round];
    const round = typeof roundV === "number" ? roundV : Number(cellText(roundV));
    if (!Number.isInteger(round) || round < 1) {
      P.add("PROGRESSION_BAD_ROUND", `Cellen ${at(r, columns.round)} skal være et helt rundenummer (1, 2, 3 …), men indeholder "${cellText(roundV)}".`, `Cell ${at(r, columns.round)} must be a whole round number (1, 2, 3 …), but holds "${cellText(roundV)}".`, src.sheet, at(r, columns.round));
      return;
    }
    const scores = columns.items.map(({ column, item }, k) => {
      const s = scoreOf(cells[k], item);
      if (Number.isNaN(s)) {
        const text = typeof cells[k] === "string" && !/^\s*-?\d+\s*$/.test(cells[k] as string);
        const what = text ? `er tekst, der ikke er en af skalaens værdier (${item.labels.join(", ")})` : `ligger uden for skalaen ${item.min}–${item.max}`;
        const whatEn = text ? `is text that is not one of the scale's values (${item.labels.join(", ")})` : `is outside the scale ${item.min}–${item.max}`;
        P.add("PROGRESSION_BAD_SCORE", `Cellen ${at(r, column)} ("${cellText(cells[k])}") ${what}. Vælg en værdi fra listen.`, `Cell ${at(r, column)} ("${cellText(cells[k])}") ${whatEn}. Choose a value from the list.`, src.sheet, at(r, column));
        return null;
      }
      return s;
    });
    let rater: Rater | null = null;
    if (columns.rater !== null) {
      const rv = raterOf(row[columns.rater] ?? null);
      if (rv === undefined) {
        P.add("PROGRESSION_BAD_RATER", `Cellen ${at(r, columns.rater)} ("${cellText(row[columns.rater])}") skal være Borger, Sagsbehandler eller Anden aktør.`, `Cell ${at(r, columns.rater)} ("${cellText(row[columns.rater])}") must be Borger, Sagsbehandler or Anden aktør.`, src.sheet, at(r, columns.rater));
      } else rater = rv;
    }
    let date: number | null = null;
    if (columns.date !== null) {
      const d = dateOf(row[columns.date] ?? null, src.numberFormats?.[r]?.[columns.date]);
      if (Number.isNaN(d)) {
        P.add("PROGRESSION_BAD_DATE", `Cellen ${at(r, columns.date)} ("${cellText(row[columns.date])}") er ikke en dato. Skriv datoen som dd-mm-åååå.`, `Cell ${at(r, columns.date)} ("${cellText(row[columns.date])}") is not a date. Enter the date as dd-mm-yyyy.`, src.sheet, at(r, columns.date));
      } else date = d;
    }
    const key = `${citizen}\u0000${round}\u0000${rater ?? ""}`;
    const here: Seen = { cell: at(r, columns.round), round, date };
    const before = seen.get(key);
    if (before) {
      P.add("PROGRESSION_DUPLICATE", `Borger ${citizen} har to rækker for runde ${round}${rater ? ` (${rater})` : ""}: ${before.cell} og ${here.cell}. Slet eller ret den ene.`, `Citizen ${citizen} has two rows for round ${round}${rater ? ` (${rater})` : ""}: ${before.cell} and ${here.cell}. Delete or correct one of them.`, src.sheet, here.cell);
      return;
    }
    seen.set(key, here);
    const list = byCitizen.get(citizen) ?? [];
    list.push(here);
    byCitizen.set(citizen, list);
    const group = columns.group !== null && !isBlank(row[columns.group]) ? cellText(row[columns.group]) : null;
    if (!groupOf.has(citizen) || (groupOf.get(citizen) === null && group !== null)) groupOf.set(citizen, group);
    rows.push({ citizen, group, round, rater, scores });
  });
  checkOrder(byCitizen, P, src.sheet);
  if (opts.requireGroup) {
    for (const [citizen, g] of groupOf) {
      if (g !== null) continue;
      const cell = byCitizen.get(citizen)?.[0]?.cell ?? src.sheet;
      P.add("PROGRESSION_NO_GROUP", `Borger ${citizen} har ingen gruppe (række med ${cell}), men grupperne sammenlignes. Skriv gruppen i kolonnen Gruppe.`, `Citizen ${citizen} has no group (row of ${cell}), but the groups are compared. Enter the group in the Gruppe column.`, src.sheet, cell);
    }
  }
  return { input: { items: columns.items.map((i) => i.item), rows }, problems: P.done() };
}

/** A later round dated before an earlier round of the same citizen is out of order. */
function checkOrder(byCitizen: Map<string, Seen[]>, P: Problems, sheet: string): void {
  for (const [citizen, list] of byCitizen) {
    const dated = list.filter((s) => s.date !== null).sort((a, b) => a.round - b.round);
    for (let i = 1; i < dated.length; i++) {
      const a = dated[i - 1];
      const b = dated[i];
      if (b.round > a.round && (b.date as number) < (a.date as number)) {
        P.add("PROGRESSION_ROUND_ORDER", `Runde ${b.round} for borger ${citizen} (${b.cell}) er dateret før runde ${a.round} (${a.cell}). Ret rundenummer eller dato.`, `Round ${b.round} of citizen ${citizen} (${b.cell}) is dated before round ${a.round} (${a.cell}). Correct the round number or the date.`, sheet, b.cell);
      }
    }
  }
}
