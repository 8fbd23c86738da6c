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
import { RATERS, type ProgressionInput, type Rater, type ScaleItem, type ScoreRow } from "./types";

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

/** Columns found by their headers; delmål columns by id ("D1: …" or "D1") or name. Null when citizen or round is missing. */
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
    const item = items.find((i) => (id !== null && i.id === id) || normaliseKey(i.name) === keys[column] || normaliseKey(i.id) === keys[column]);
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
export function scoreOf(v: CellValue, item: ScaleItem, labels: Map<string, number> = labelMap(item)): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= item.min && v <= item.max ? v : NaN;
  if (typeof v === "string") {
    const exact = labels.get(v);
    if (exact !== undefined) return exact;
  }
  if (isBlank(v)) return null;
  const k = normaliseKey(v);
  const byKey = labels.get(k);
  if (byKey !== undefined) return byKey;
  const n = /^-?\d+$/.test(k) ? Number(k) : NaN;
  return n >= item.min && n <= item.max ? n : NaN;
}

/** Labels as written and normalised → score (the dropdown writes the label exactly). */
export function labelMap(item: ScaleItem): Map<string, number> {
  const m = new Map<string, number>();
  item.labels.forEach((l, i) => {
    m.set(normaliseKey(l), item.min + i);
    m.set(l, item.min + i);
  });
  return m;
}

/** cellText, without the regular expressions for the common case of clean text. */
function textOf(v: CellValue | undefined, cache: Map<string, string>): string {
  if (typeof v !== "string") return cellText(v);
  let t = cache.get(v);
  if (t === undefined) {
    t = cellText(v);
    if (cache.size < 100_000) cache.set(v, t);
  }
  return t;
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
  /** 0-based data row (its round cell names it in messages). */
  row: number;
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
  const seen = new Map<number, Seen>();
  const citizenIndex = new Map<string, number>();
  const byCitizen = new Map<string, Seen[]>();
  const groupOf = new Map<string, string | null>();
  const maps = columns.items.map(({ item }) => labelMap(item));
  const texts = new Map<string, string>();
  const raters = new Map<string, Rater | null | undefined>();
  const roundCell = (x: Seen): string => at(x.row, columns.round);
  for (let r = 0; r < src.rows.length; r++) {
    const row = src.rows[r];
    let any = false;
    for (let k = 0; k < columns.items.length && !any; k++) {
      const v = row[columns.items[k].column];
      any = v !== null && v !== undefined && (typeof v !== "string" || !isBlank(v));
    }
    if (!any) continue;
    const citizen = textOf(row[columns.citizen], texts);
    if (citizen === "") {
      P.add("PROGRESSION_NO_CITIZEN", `Cellen ${at(r, columns.citizen)} mangler borger-ID, men rækken har scorer. Skriv borgerens ID.`, `Cell ${at(r, columns.citizen)} has no citizen ID, but the row has scores. Enter the citizen's ID.`, src.sheet, at(r, columns.citizen));
      continue;
    }
    const roundV = row[columns.round];
    const round = typeof roundV === "number" ? roundV : Number(cellText(roundV));
    if (!Number.isInteger(round) || round < 1 || round > 1_048_576) {
      P.add("PROGRESSION_BAD_ROUND", `Cellen ${at(r, columns.round)} skal være et helt rundenummer (1, 2, 3 …), men indeholder "${cellText(roundV)}".`, `Cell ${at(r, columns.round)} must be a whole round number (1, 2, 3 …), but holds "${cellText(roundV)}".`, src.sheet, at(r, columns.round));
      continue;
    }
    const scores = new Array<number | null>(columns.items.length);
    for (let k = 0; k < columns.items.length; k++) {
      const { column, item } = columns.items[k];
      scores[k] = scoreCell(row[column] ?? null, item, maps[k], r, column);
    }
    let rater: Rater | null = null;
    if (columns.rater !== null) {
      const raw = row[columns.rater] ?? null;
      const key = typeof raw === "string" ? raw : String(raw);
      let rv = raters.get(key);
      if (!raters.has(key)) raters.set(key, (rv = raterOf(raw)));
      if (rv === undefined) {
        P.add("PROGRESSION_BAD_RATER", `Cellen ${at(r, columns.rater)} ("${cellText(raw)}") skal være Borger, Sagsbehandler eller Anden aktør.`, `Cell ${at(r, columns.rater)} ("${cellText(raw)}") must be Borger, Sagsbehandler or Anden aktør.`, src.sheet, at(r, columns.rater));
      } else rater = rv;
    }
    let date: number | null = null;
    if (columns.date !== null) {
      const d = dateOf(row[columns.date] ?? null, src.numberFormats?.[r]?.[columns.date]);
      if (Number.isNaN(d)) {
        P.add("PROGRESSION_BAD_DATE", `Cellen ${at(r, columns.date)} ("${cellText(row[columns.date])}") er ikke en dato. Skriv datoen som dd-mm-åååå.`, `Cell ${at(r, columns.date)} ("${cellText(row[columns.date])}") is not a date. Enter the date as dd-mm-yyyy.`, src.sheet, at(r, columns.date));
      } else date = d;
    }
    let ci = citizenIndex.get(citizen);
    if (ci === undefined) citizenIndex.set(citizen, (ci = citizenIndex.size));
    // citizen, round and rater in one number: exact below 2^53 for any sheet (≤ 1,048,576 rows)
    const key = (ci * 1_048_576 + round) * 4 + (rater === null ? 0 : RATERS.indexOf(rater) + 1);
    const here: Seen = { row: r, round, date };
    const before = seen.get(key);
    if (before) {
      P.add("PROGRESSION_DUPLICATE", `Borger ${citizen} har to rækker for runde ${round}${rater ? ` (${rater})` : ""}: ${roundCell(before)} og ${roundCell(here)}. Slet eller ret den ene.`, `Citizen ${citizen} has two rows for round ${round}${rater ? ` (${rater})` : ""}: ${roundCell(before)} and ${roundCell(here)}. Delete or correct one of them.`, src.sheet, roundCell(here));
      continue;
    }
    seen.set(key, here);
    const list = byCitizen.get(citizen);
    if (list) list.push(here);
    else byCitizen.set(citizen, [here]);
    const group = columns.group !== null && !isBlank(row[columns.group] ?? null) ? textOf(row[columns.group], texts) : null;
    if (!groupOf.has(citizen) || (groupOf.get(citizen) === null && group !== null)) groupOf.set(citizen, group);
    rows.push({ citizen, group, round, rater, scores });
  }

  function scoreCell(v: CellValue, item: ScaleItem, labels: Map<string, number>, r: number, column: number): number | null {
    const sc = scoreOf(v, item, labels);
    if (!Number.isNaN(sc)) return sc;
    const cell = (): string => at(r, column);
    const text = typeof v === "string" && !/^\s*-?\d+\s*$/.test(v);
    const what = text ? `er tekst, der ikke er en af skalaens værdier (${item.labels.join(", ")})` : `ligger uden for skalaen ${item.min}–${item.max}`;
    const whatEn = text ? `is text that is not one of the scale's values (${item.labels.join(", ")})` : `is outside the scale ${item.min}–${item.max}`;
    P.add("PROGRESSION_BAD_SCORE", `Cellen ${cell()} ("${cellText(v)}") ${what}. Vælg en værdi fra listen.`, `Cell ${cell()} ("${cellText(v)}") ${whatEn}. Choose a value from the list.`, src.sheet, cell());
    return null;
  }
  checkOrder(byCitizen, P, src.sheet, roundCell);
  if (opts.requireGroup) {
    for (const [citizen, g] of groupOf) {
      if (g !== null) continue;
      const first = byCitizen.get(citizen)?.[0];
      const cell = first ? roundCell(first) : src.sheet;
      P.add("PROGRESSION_NO_GROUP", `Borger ${citizen} har ingen gruppe (række med ${cell}), men grupperne sammenlignes. Skriv gruppen i kolonnen Gruppe.`, `Citizen ${citizen} has no group (row of ${cell}), but the groups are compared. Enter the group in the Gruppe column.`, src.sheet, cell);
    }
  }
  return { input: { items: columns.items.map((i) => i.item), rows }, problems: P.done() };
}

/** A later round dated before an earlier round of the same citizen is out of order. */
function checkOrder(byCitizen: Map<string, Seen[]>, P: Problems, sheet: string, cellOf: (s: Seen) => string): void {
  for (const [citizen, list] of byCitizen) {
    const dated = list.filter((s) => s.date !== null).sort((a, b) => a.round - b.round);
    for (let i = 1; i < dated.length; i++) {
      const a = dated[i - 1];
      const b = dated[i];
      if (b.round > a.round && (b.date as number) < (a.date as number)) {
        P.add("PROGRESSION_ROUND_ORDER", `Runde ${b.round} for borger ${citizen} (${cellOf(b)}) er dateret før runde ${a.round} (${cellOf(a)}). Ret rundenummer eller dato.`, `Round ${b.round} of citizen ${citizen} (${cellOf(b)}) is dated before round ${a.round} (${cellOf(a)}). Correct the round number or the date.`, sheet, cellOf(b));
      }
    }
  }
}
