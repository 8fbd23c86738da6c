/**
 * Weekly status data in either layout people receive, from a sheet's cells to CitizenWeeks:
 * - wide: one row per citizen, one column per week (register extracts: headers such as "2024W05",
 *   "2024-W05", "202405", "uge 5", a week number, or a date);
 * - long: one row per citizen and week, with columns for the citizen, the week (code, number or
 *   date) and the status.
 * A column named like "gruppe"/"arm" gives the group, one like "start" the start week (otherwise
 * the `start` option: one week for all, or each citizen's first observed week). A blank status is a
 * week without benefit, i.e. self-supporting (as in DREAM); "NA", "-", "ikke observeret",
 * "udvandret", "død" mark a week that was not observed. Statuses are
 * classified through the user's mapping (label → class), with `defaultWeekClass` for labels it does
 * not have; the labels found are returned so the mapping sheet can list them. Every error names the
 * sheet and cell; an ID that is a CPR number is refused without echoing it.
 */
import { VirkningError, VirkningValidationError } from "../errors";
import { cellHasCpr } from "../data/cpr";
import { mapGroupLabel, type Arm } from "../data/groups";
import type { CellValue } from "../report/sheetSpec";
import { cellAddress } from "../report/address";
import { defaultWeekClass, type CitizenWeeks, type WeekClass } from "./weekly";

export type WeeklyLayout = "wide" | "long";

export interface WeeklyInput {
  sheet: string;
  /** The sheet's cells, header in the first row. */
  cells: CellValue[][];
  /** Label (as written, trimmed) → class; labels not in it get their default class. */
  mapping?: Record<string, WeekClass>;
  /** One start week for all (as a week code, number or date); default: the start column, else the first observed week. */
  start?: CellValue;
  /** Normalised group label → arm, as the comparison's group mapping. */
  groupMap?: Record<string, Arm>;
  /**
   * Columns chosen by the user (0-based; -1 = none), overriding those found by header text; a stratum
   * column gives each citizen's stratum (for the stratified log-rank test).
   */
  columns?: Partial<WeeklyColumns>;
  /** Where `cells[0][0]` is on the sheet (0-based), so that messages name the sheet's own cell; default A1. */
  at?: { row: number; column: number };
}

/** The columns of a weekly sheet (0-based; -1 = none). */
export interface WeeklyColumns {
  id: number;
  group: number;
  start: number;
  stratum: number;
  /** Long layout: the week (code, number or date) and the status. */
  week: number;
  status: number;
}

/** What the header row shows: the layout, the role columns found by header text and the week columns. */
export interface WeeklyHeader {
  layout: WeeklyLayout;
  columns: WeeklyColumns;
  weekColumns: { col: number; week: number }[];
}

export interface WeeklyData {
  layout: WeeklyLayout;
  citizens: CitizenWeeks[];
  /** Every status label found, with its class and how many weeks carry it. */
  labels: { label: string; cls: WeekClass; weeks: number; mapped: boolean }[];
  /** Citizens whose group is neither indsatsgruppe nor kontrolgruppe (left out). */
  unknownGroup: number;
}

const ISO_WEEK = /^(\d{4})\s*[-_ ]?\s*[wW]?\s*(\d{1,2})$/;
const UGE = /^(?:uge|week|u)\s*(\d{1,3})$/i;

/** Monday of ISO week 1 of a year, as days since 1899-12-30 (Excel's serial origin). */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4) / 86400000 + 25569;
  const weekday = (new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday;
}

/** A week as an absolute index (Monday serial / 7, or a plain week number); null when the cell is no week. */
export function weekIndex(v: CellValue | undefined): number | null {
  if (typeof v === "number" && Number.isFinite(v)) {
    if (Number.isInteger(v) && v >= 1 && v <= 1000) return v; // a week number
    if (v > 1000) return Math.floor((Math.floor(v) - 2) / 7); // a date serial: weeks counted from Monday
    return null;
  }
  if (typeof v !== "string") return null;
  const s = v.trim();
  let m = UGE.exec(s);
  if (m) return Number(m[1]);
  m = ISO_WEEK.exec(s.replace(/^y_/i, ""));
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (year < 1900 || year > 2200 || week < 1 || week > 53) return null;
    return Math.floor((isoWeekOneMonday(year) - 2) / 7) + week - 1;
  }
  if (/^\d{1,4}$/.test(s)) return Number(s) >= 1 ? Number(s) : null;
  const d = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s) ?? null;
  if (d) return Math.floor((Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1])) / 86400000 + 25569 - 2) / 7);
  return null;
}

const norm = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
const findColumn = (header: CellValue[], re: RegExp): number => header.findIndex((h) => re.test(norm(h).toLowerCase()));

interface Raw {
  id: string;
  group: CellValue;
  stratum: CellValue;
  start: number | null;
  /** absolute week → label */
  weeks: WeekLabels;
  row: number;
}

function problem(input: WeeklyInput, row: number, col: number, da: string, en: string): VirkningError {
  const cell = cellAddress(row + (input.at?.row ?? 0), col + (input.at?.column ?? 0));
  return new VirkningError("REG_DATA", `Arket "${input.sheet}", celle ${cell}: ${da}`, `Sheet "${input.sheet}", cell ${cell}: ${en}`, { sheet: input.sheet, cell: `${input.sheet}!${cell}` });
}

function checkId(input: WeeklyInput, row: number, col: number, problems: VirkningError[]): string | null {
  const v = input.cells[row][col];
  if (cellHasCpr(v)) {
    problems.push(problem(input, row, col, "ID'et ligner et CPR-nummer. Brug et løbenummer i stedet; CPR-numre må ikke bruges i analysen.", "The ID looks like a CPR number. Use a serial number instead; CPR numbers must not be used in the analysis."));
    return null;
  }
  const id = norm(v);
  return id === "" ? null : id;
}

/**
 * The distinct labels of a sheet, each with a number, so that a citizen's weeks are numbers: a register
 * extract has 10,000 × 156 cells and a dozen labels. A cell value is trimmed once per distinct value.
 */
class LabelTable {
  readonly texts: string[] = [];
  private readonly byValue = new Map<CellValue, number>();
  private readonly byText = new Map<string, number>();

  id(v: CellValue | undefined): number {
    const key = v ?? null;
    let id = this.byValue.get(key);
    if (id === undefined) {
      const text = norm(key);
      id = this.byText.get(text);
      if (id === undefined) {
        id = this.texts.length;
        this.texts.push(text);
        this.byText.set(text, id);
      }
      this.byValue.set(key, id);
    }
    return id;
  }
}

/** A citizen's labels (numbers in the sheet's LabelTable) by absolute week. */
interface WeekLabels {
  size: number;
  /** First and last week with a label. */
  first: number;
  last: number;
  /** The label's number, or -1 when the week has none. */
  get(week: number): number;
}

function mapLabels(m: Map<number, number>): WeekLabels {
  let first = Infinity;
  let last = -Infinity;
  for (const w of m.keys()) {
    if (w < first) first = w;
    if (w > last) last = w;
  }
  return { size: m.size, first, last, get: (w) => m.get(w) ?? -1 };
}

/**
 * The wide layout's week columns as one lookup shared by every row (week → position among the week
 * columns), so that a row's labels are a plain array: 10,000 rows × 156 weeks need no map per citizen.
 */
function wideSlots(weekCols: { col: number; week: number }[]): (labels: Int32Array) => WeekLabels {
  const first = Math.min(...weekCols.map((w) => w.week));
  const last = Math.max(...weekCols.map((w) => w.week));
  const slot = new Int32Array(last - first + 1).fill(-1);
  weekCols.forEach((w, i) => {
    if (slot[w.week - first] < 0) slot[w.week - first] = i;
  });
  return (labels) => ({
    size: labels.length,
    first,
    last,
    get: (w) => {
      const i = w - first;
      const at = i >= 0 && i < slot.length ? slot[i] : -1;
      return at < 0 ? -1 : labels[at];
    },
  });
}

const cellAt = (row: CellValue[], col: number): CellValue => (col >= 0 ? (row[col] ?? null) : null);

/** weekIndex, remembered per distinct cell value (a start column repeats a few dozen weeks). */
function weekCache(): (v: CellValue | undefined) => number | null {
  const known = new Map<CellValue, number | null>();
  return (v) => {
    const key = v ?? null;
    let w = known.get(key);
    if (w === undefined) {
      w = weekIndex(key);
      known.set(key, w);
    }
    return w;
  };
}

function readWide(input: WeeklyInput, c: WeeklyColumns, weekCols: { col: number; week: number }[], table: LabelTable, problems: VirkningError[]): Raw[] {
  const out: Raw[] = [];
  const labelsOf = wideSlots(weekCols);
  const startOf = weekCache();
  for (let r = 1; r < input.cells.length; r++) {
    const id = checkId(input, r, c.id, problems);
    if (id === null) continue;
    const row = input.cells[r];
    const labels = new Int32Array(weekCols.length);
    for (let i = 0; i < weekCols.length; i++) labels[i] = table.id(row[weekCols[i].col]);
    out.push({ id, group: cellAt(row, c.group), stratum: cellAt(row, c.stratum), start: c.start >= 0 ? startOf(row[c.start]) : null, weeks: labelsOf(labels), row: r });
  }
  return out;
}

function readLong(input: WeeklyInput, c: WeeklyColumns, table: LabelTable, problems: VirkningError[]): Raw[] {
  const byId = new Map<string, Omit<Raw, "weeks"> & { weeks: Map<number, number> }>();
  const startOf = weekCache();
  for (let r = 1; r < input.cells.length; r++) {
    const id = checkId(input, r, c.id, problems);
    if (id === null) continue;
    const row = input.cells[r];
    const week = weekIndex(row[c.week] ?? undefined);
    if (week === null) {
      problems.push(problem(input, r, c.week, "ugen kan ikke læses (skriv fx 2024W05, uge 5 eller en dato).", "the week cannot be read (write e.g. 2024W05, week 5 or a date)."));
      continue;
    }
    const raw = byId.get(id) ?? { id, group: cellAt(row, c.group), stratum: cellAt(row, c.stratum), start: c.start >= 0 ? startOf(row[c.start]) : null, weeks: new Map(), row: r };
    if (raw.weeks.has(week)) {
      problems.push(problem(input, r, c.week, "samme borger og uge står to gange.", "the same citizen and week appear twice."));
      continue;
    }
    raw.weeks.set(week, table.id(row[c.status]));
    byId.set(id, raw);
  }
  return [...byId.values()].map((raw) => ({ ...raw, weeks: mapLabels(raw.weeks) }));
}

function classify(label: string, mapping: Record<string, WeekClass> | undefined): { cls: WeekClass; mapped: boolean } {
  const own = mapping && Object.prototype.hasOwnProperty.call(mapping, label) ? mapping[label] : undefined;
  return own ? { cls: own, mapped: true } : { cls: defaultWeekClass(label), mapped: false };
}

/** The layout and columns a header row shows, found by header text (see the module note). */
export function weeklyHeader(header: CellValue[], chosen: Partial<WeeklyColumns> = {}): WeeklyHeader {
  const found: WeeklyColumns = {
    id: findColumn(header, /^(id|borger|borger[- ]?id|løbenummer|lbnr|person)/),
    group: findColumn(header, /^(gruppe|arm|indsats|group)/),
    start: findColumn(header, /^(start|startuge|inklusion)/),
    stratum: findColumn(header, /^(stratum|strata|lag)$/),
    week: findColumn(header, /^(uge|week|dato|date|periode)$/),
    status: findColumn(header, /^(status|ydelse|forsørgelse|forsoergelse)/),
  };
  const columns = { ...found, ...chosen };
  const used = new Set([columns.id, columns.group, columns.start, columns.stratum]);
  const weekColumns = header.map((h, col) => ({ col, week: weekIndex(h ?? undefined) })).filter((x): x is { col: number; week: number } => !used.has(x.col) && x.week !== null);
  const layout: WeeklyLayout = columns.status >= 0 && columns.week >= 0 ? "long" : "wide";
  return { layout, columns, weekColumns };
}

/** Reads weekly status data in either layout (see the module note). */
export function readWeekly(input: WeeklyInput): WeeklyData {
  const header = input.cells[0] ?? [];
  const problems: VirkningError[] = [];
  const { layout, columns, weekColumns } = weeklyHeader(header, input.columns);
  if (columns.id < 0) throw new VirkningError("REG_NO_ID", `Arket "${input.sheet}" har ingen kolonne med borgerens ID i række 1 (fx "ID" eller "Borger").`, `The sheet "${input.sheet}" has no column with the citizen's ID in row 1 (e.g. "ID").`);
  if (layout === "wide" && weekColumns.length === 0) {
    throw new VirkningError("REG_NO_WEEKS", `Arket "${input.sheet}" har hverken ugekolonner (fx "2024W05") eller kolonnerne Uge og Status i række 1.`, `The sheet "${input.sheet}" has neither week columns (e.g. "2024W05") nor the columns Week and Status in row 1.`);
  }
  const table = new LabelTable();
  const raws = layout === "wide" ? readWide(input, columns, weekColumns, table, problems) : readLong(input, columns, table, problems);
  if (problems.length > 0) throw new VirkningValidationError(problems);
  const data = assemble(raws, table.texts, input, layout);
  refuseCprLabels(input, data.labels);
  return data;
}

/**
 * A status label is listed on "Statuskoder" and may be kept in the settings: one that holds a CPR number
 * (typed into a status cell by mistake) is refused, naming its cells (at most 20) and never the value.
 * Only the few distinct labels are checked; the cells are searched only when one of them is hit.
 */
function refuseCprLabels(input: WeeklyInput, labels: { label: string }[]): void {
  const hits = new Set(labels.filter((l) => cellHasCpr(l.label)).map((l) => l.label));
  if (hits.size === 0) return;
  const problems: VirkningError[] = [];
  for (let r = 1; r < input.cells.length && problems.length < 20; r++) {
    const row = input.cells[r];
    for (let c = 0; c < row.length && problems.length < 20; c++) {
      if (hits.has(norm(row[c]))) {
        problems.push(problem(input, r, c, "statuskoden ligner et CPR-nummer. Ret cellen; CPR-numre må ikke stå i statuskoderne.", "the status code looks like a CPR number. Correct the cell; CPR numbers must not be in the status codes."));
      }
    }
  }
  throw new VirkningValidationError(problems);
}

/** Labels that mean the citizen was not observed that week (moved away, died, no data). */
const NOT_OBSERVED = /^(na|n\/a|\.|-|–|ikke observeret|ingen data|udvandret|død|doed|fraflyttet)$/i;

/** A label's class, looked up once per distinct label (null: the week was not observed). */
type Seen = { cls: WeekClass; weeks: number; mapped: boolean } | null;

function assemble(raws: Raw[], texts: string[], input: WeeklyInput, layout: WeeklyLayout): WeeklyData {
  const common = input.start !== undefined ? weekIndex(input.start ?? undefined) : null;
  // one entry per distinct label: classifying is costly (defaultWeekClass), a sheet has few labels and many cells
  const seen: (Seen | undefined)[] = new Array<Seen | undefined>(texts.length);
  const lookup = (id: number): Seen => {
    let s = seen[id];
    if (s === undefined) {
      const label = texts[id];
      s = NOT_OBSERVED.test(label) ? null : { ...classify(label, input.mapping), weeks: 0 };
      seen[id] = s;
    }
    return s;
  };
  const arms = new Map<string, Arm | null>();
  const armOf = (v: CellValue): Arm | null => {
    const text = norm(v);
    let arm = arms.get(text);
    if (arm === undefined) {
      arm = mapGroupLabel(text, input.groupMap);
      arms.set(text, arm);
    }
    return arm;
  };
  const citizens: CitizenWeeks[] = [];
  let unknownGroup = 0;
  for (const raw of raws) {
    const arm = armOf(raw.group);
    if (arm !== "intervention" && arm !== "control") {
      unknownGroup++;
      continue;
    }
    if (raw.weeks.size === 0) continue;
    const end = raw.weeks.last;
    const start = raw.start ?? common ?? raw.weeks.first;
    const weeks = new Array<WeekClass | null>(Math.max(0, end - start + 1));
    for (let w = start; w <= end; w++) {
      const label = raw.weeks.get(w);
      const s = label < 0 ? null : lookup(label);
      if (s !== null) s.weeks++;
      weeks[w - start] = s === null ? null : s.cls;
    }
    const stratum = norm(raw.stratum);
    citizens.push({ id: raw.id, group: arm === "intervention" ? 1 : 0, weeks, ...(stratum !== "" ? { stratum } : {}) });
  }
  const labels = texts
    .flatMap((label, id) => {
      const c = seen[id];
      return c && c.weeks > 0 ? [{ label, ...c }] : [];
    })
    .sort((a, b) => b.weeks - a.weeks);
  return { layout, citizens, labels, unknownGroup };
}
