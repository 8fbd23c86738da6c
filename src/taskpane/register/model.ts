/**
 * The Registeropfølgning pane's form (what the user types and picks, as text) and its way to and from the
 * stored settings (core/register/settings.ts). Pure: no React, no Excel.
 */
import { defaultRegisterSettings, formatWindows, parseWeeks, parseWindows, type RegisterSettings, type StartRule } from "../../core/register/settings";
import type { WeeklyLayout } from "../../core/register/layout";
import type { WeekClass } from "../../core/register/weekly";

export type ColumnRole = "id" | "group" | "start" | "stratum" | "week" | "status";

export interface RegisterForm {
  sheet: string;
  layout: WeeklyLayout;
  /** Header text per role; "" = none. */
  columns: Record<ColumnRole, string>;
  startRule: StartRule["rule"];
  startDate: string;
  windows: string;
  spellWeeks: string;
  tau: string;
  durable: boolean;
  m: string;
  n: string;
  at: string;
}

export type FormField = "windows" | "spellWeeks" | "tau" | "durable" | "startDate" | "columns";
export type FormProblems = Partial<Record<FormField, { da: string; en: string }>>;

const NO_COLUMNS: Record<ColumnRole, string> = { id: "", group: "", start: "", stratum: "", week: "", status: "" };

export function emptyForm(sheet = ""): RegisterForm {
  const d = defaultRegisterSettings(sheet || "Ark", "wide", { id: "ID", group: "Gruppe" });
  return { sheet, layout: "wide", columns: { ...NO_COLUMNS }, startRule: "data", startDate: "", windows: formatWindows(d.windows), spellWeeks: String(d.spellWeeks), tau: "", durable: false, m: "10", n: "13", at: "52" };
}

/** The form for stored settings. */
export function formFromSettings(s: RegisterSettings): RegisterForm {
  return {
    sheet: s.source.sheet,
    layout: s.source.layout,
    columns: { ...NO_COLUMNS, ...Object.fromEntries(Object.entries(s.columns).filter(([, v]) => v !== undefined)) },
    startRule: s.start.rule,
    startDate: s.start.rule === "date" ? s.start.date : "",
    windows: formatWindows(s.windows),
    spellWeeks: String(s.spellWeeks),
    tau: s.tau === undefined ? "" : String(s.tau),
    durable: s.durable !== undefined,
    m: String(s.durable?.m ?? 10),
    n: String(s.durable?.n ?? 13),
    at: String(s.durable?.at ?? 52),
  };
}

/** The columns the layout needs, by header text, for the settings. */
function columnsOf(f: RegisterForm): RegisterSettings["columns"] | null {
  const c = f.columns;
  if (c.id === "" || c.group === "" || (f.layout === "long" && (c.week === "" || c.status === ""))) return null;
  return {
    id: c.id,
    group: c.group,
    ...(c.start !== "" ? { start: c.start } : {}),
    ...(c.stratum !== "" ? { stratum: c.stratum } : {}),
    ...(f.layout === "long" ? { week: c.week, status: c.status } : {}),
  };
}

function durableOf(f: RegisterForm, problems: FormProblems): RegisterSettings["durable"] {
  if (!f.durable) return undefined;
  const [m, n, at] = [parseWeeks(f.m, 1, 1000), parseWeeks(f.n, 1, 1000), parseWeeks(f.at, 1, 1000)];
  if (m.value === null || n.value === null || at.value === null || m.value > n.value || n.value > at.value) {
    problems.durable = { da: "Skriv hele uger med m ≤ n ≤ ugen, fx 10 af 13 ved uge 52.", en: "Enter whole weeks with m ≤ n ≤ the week, e.g. 10 of 13 at week 52." };
    return undefined;
  }
  return { m: m.value, n: n.value, at: at.value };
}

/** Settings from the form (keeping the user's classes), or the problems to show beside the fields. */
export function settingsFromForm(f: RegisterForm, mapping: Record<string, WeekClass>): { settings: RegisterSettings | null; problems: FormProblems } {
  const problems: FormProblems = {};
  const windows = parseWindows(f.windows);
  if (windows.problem) problems.windows = windows.problem;
  const k = parseWeeks(f.spellWeeks, 1, 52);
  if (k.problem) problems.spellWeeks = k.problem;
  const tau = parseWeeks(f.tau, 1, 1000, true);
  if (tau.problem) problems.tau = tau.problem;
  const durable = durableOf(f, problems);
  if (f.startRule === "date" && f.startDate.trim() === "") problems.startDate = { da: "Skriv en dato (dd-mm-åååå) eller en uge (fx 2026-W02).", en: "Enter a date (dd-mm-yyyy) or a week (e.g. 2026-W02)." };
  const columns = columnsOf(f);
  if (!columns) problems.columns = { da: "Vælg kolonnerne for borger-ID og gruppe (lang form: også uge og status).", en: "Choose the columns of the citizen ID and the group (long layout: also week and status)." };
  if (Object.keys(problems).length > 0 || !columns || windows.value === null || k.value === null) return { settings: null, problems };
  const start: StartRule = f.startRule === "date" ? { rule: "date", date: f.startDate.trim() } : { rule: f.startRule };
  const base = defaultRegisterSettings(f.sheet, f.layout, columns);
  return {
    settings: { ...base, mapping, start, windows: windows.value, spellWeeks: k.value, ...(tau.value !== null ? { tau: tau.value } : {}), ...(durable ? { durable } : {}) },
    problems,
  };
}
