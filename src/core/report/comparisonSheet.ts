/**
 * The "Sammenligning" sheet: header block (what, from where, when, which version and settings), then the
 * status table, the outcomes with effect measures and p-values, Tabel 1 (baseline), missing data and the
 * footnotes naming the tests. Counts are numbers, shares are numbers with a percent format in the outcome
 * tables (usable for further work); combined cells "12 (40,0 %)" are text where that reads best.
 */
import type { ComparisonResult, ContinuousSummary, EffectValue, OutcomeRow } from "../analysis/types";
import { confLabel } from "../analysis/settings";
import { formatSerialDate } from "../data/values";
import { formatNumber, formatP, formatPercent, type Text } from "../stats";
import { columnLetter } from "./address";
import type { CellValue, DefinedNameSpec, SheetSpec, StyleRange } from "./sheetSpec";

type Lang = "da" | "en";

export const COMPARISON_SHEET_NAME = "Sammenligning";

const HEAD_FILL = "#DDEBF7";
const NOTE_COLOUR = "#595959";
const NOTE_CHARS = 150;

const L = {
  data: { da: "Data", en: "Data" },
  rows: { da: "Rækker (borgere)", en: "Rows (citizens)" },
  groups: { da: "Indsatsgruppe / kontrolgruppe", en: "Intervention / control group" },
  run: { da: "Kørt", en: "Run" },
  version: { da: "Virkning-version", en: "Virkning version" },
  settings: { da: "Indstillinger", en: "Settings" },
  statusTitle: { da: "Status ved hvert tidspunkt", en: "Status at each time point" },
  status: { da: "Status", en: "Status" },
  blank: { da: "(tom – ikke fulgt op endnu)", en: "(empty – not yet followed up)" },
  months: { da: "mdr.", en: "months" },
  atInclusion: { da: "ved inklusion", en: "at inclusion" },
  intervention: { da: "Indsatsgruppe", en: "Intervention group" },
  control: { da: "Kontrolgruppe", en: "Control group" },
  interventionShort: { da: "Indsats", en: "Intervention" },
  controlShort: { da: "Kontrol", en: "Control" },
  outcomesTitle: { da: "Resultatmål ved opfølgning", en: "Outcomes at follow-up" },
  followUp: { da: "Opfølgning", en: "Follow-up" },
  difference: { da: "Forskel, procentpoint", en: "Difference, percentage points" },
  rr: { da: "Relativ risiko", en: "Relative risk" },
  or: { da: "Oddsratio", en: "Odds ratio" },
  p: { da: "p-værdi", en: "p-value" },
  test: { da: "Test", en: "Test" },
  reachedBy: { da: "nået ved status", en: "reached by status" },
  noFollowUps: { da: "Ingen opfølgningstidspunkter (kun tidspunkt 0).", en: "No follow-up time points (only time 0)." },
  noOutcomes: { da: "Ingen resultatmål er valgt.", en: "No outcomes are chosen." },
  baselineTitle: { da: "Tabel 1. Baggrundskarakteristika ved inklusion", en: "Table 1. Baseline characteristics at inclusion" },
  variable: { da: "Variabel", en: "Variable" },
  category: { da: "Kategori / mål", en: "Category / measure" },
  missingValue: { da: "Mangler", en: "Missing" },
  meanSd: { da: "Gennemsnit (SD)", en: "Mean (SD)" },
  medianRange: { da: "Median (min–maks)", en: "Median (min–max)" },
  noBaseline: { da: "Ingen baggrundsvariable er valgt.", en: "No baseline variables are chosen." },
  missingTitle: { da: "Manglende data og nævnere", en: "Missing data and denominators" },
  timepoint: { da: "Tidspunkt", en: "Time point" },
  group: { da: "Gruppe", en: "Group" },
  total: { da: "Borgere i alt", en: "Citizens in total" },
  valid: { da: "Gyldig status (N)", en: "Valid status (N)" },
  notFollowed: { da: "Ikke fulgt op endnu", en: "Not yet followed up" },
  moved: { da: "Fraflyttet", en: "Moved away" },
  excluded: { da: "Udgået eller udelukket", en: "Excluded" },
  notesTitle: { da: "Noter", en: "Notes" },
  note: { da: "Note", en: "Note" },
  dash: { da: "–", en: "–" },
} satisfies Record<string, Text>;

/** "Relativ risiko (90 % KI)": the interval's level as set, never a fixed 95 %. */
function withCi(label: { da: string; en: string }, level: number, lang: "da" | "en"): string {
  return lang === "da" ? `${label.da} (${confLabel(level, "da")} KI)` : `${label.en} (${confLabel(level, "en")} CI)`;
}

function tx(t: Text, lang: Lang): string {
  return lang === "en" ? t.en : t.da;
}

function monthLabel(m: number, lang: Lang): string {
  return m === 0 ? `0 ${tx(L.months, lang)} (${tx(L.atInclusion, lang)})` : `${m} ${tx(L.months, lang)}`;
}

function nPct(n: number, N: number, lang: Lang): string {
  return N > 0 ? `${n} (${formatPercent(n / N, 1, lang)})` : `${n}`;
}

function ci(e: EffectValue | null, scale: number, decimals: number, lang: Lang): string {
  if (!e) return "–";
  const f = (v: number): string => formatNumber(v * scale, decimals, lang);
  return `${f(e.estimate)} (${f(e.lower)} ${lang === "da" ? "til" : "to"} ${f(e.upper)})`;
}

function describe(s: ContinuousSummary, kind: "meanSd" | "medianRange", isDate: boolean, lang: Lang): string {
  if (s.n === 0 || s.median === null) return "–";
  if (isDate) return `${formatSerialDate(s.median)} (${formatSerialDate(s.min as number)}–${formatSerialDate(s.max as number)})`;
  const d = (v: number): string => formatNumber(v, 1, lang);
  if (kind === "meanSd") return `${d(s.mean as number)} (${s.sd === null ? "–" : d(s.sd)})`;
  return `${d(s.median)} (${d(s.min as number)}–${d(s.max as number)})`;
}

/** Split a long note into lines of at most `max` characters at word boundaries (text beyond column L is not printed). */
export function wrapNote(text: string, max = NOTE_CHARS): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur.length > 0 && cur.length + 1 + w.length > max) {
      lines.push(cur);
      cur = w;
    } else cur = cur.length > 0 ? `${cur} ${w}` : w;
  }
  if (cur.length > 0) lines.push(cur);
  return lines;
}

function formatRunTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(d);
}

/**
 * Stable workbook names for the key results of an outcome row, so that other sheets (a leader's
 * overview, a budget) can refer to them and keep working after "Kør igen" moves the rows:
 * Virkning.Udfald<k>.<m>mdr.Indsats / .Kontrol (the shares, numbers) — k is the outcome's
 * number on the sheet, m the follow-up in months. The comment says what the number is.
 */
function resultNames(k: number, outcome: string, o: OutcomeRow, r: number, lang: Lang): DefinedNameSpec[] {
  const base = `Virkning.Udfald${k + 1}.${o.month}mdr`;
  const what = (arm: Text): string => `${tx(arm, lang)}: ${tx(L.reachedBy, lang)} "${outcome}", ${monthLabel(o.month, lang)}`.slice(0, 255);
  const out: DefinedNameSpec[] = [];
  if (o.counts.intervention.n > 0) out.push({ name: `${base}.Indsats`, cell: `D${r}`, comment: what(L.intervention) });
  if (o.counts.control.n > 0) out.push({ name: `${base}.Kontrol`, cell: `G${r}`, comment: what(L.control) });
  return out;
}

export function comparisonSheetSpec(result: ComparisonResult, lang: Lang = result.lang): SheetSpec {
  // columns A..L, wider when the status table has more than five time points
  const W = Math.max(12, 1 + 2 * result.months.length);
  const grid: CellValue[][] = [];
  const names: DefinedNameSpec[] = [];
  const styles: StyleRange[] = [];
  const merges: string[] = [];
  const row = (...cells: CellValue[]): number => {
    const r = new Array<CellValue>(W).fill("");
    cells.forEach((v, i) => (r[i] = v));
    grid.push(r);
    return grid.length; // 1-based Excel row
  };
  const style = (range: string, s: StyleRange["style"]): void => {
    styles.push({ range, style: s });
  };
  const rowRange = (r: number, from = 0, to = W - 1): string => `${columnLetter(from)}${r}:${columnLetter(to)}${r}`;
  const headerRow = (cells: CellValue[]): number => {
    const r = row(...cells);
    style(rowRange(r, 0, cells.length - 1), { bold: true, fill: HEAD_FILL, border: "bottom", wrapText: true, verticalAlignment: "bottom" });
    return r;
  };
  // A line of text alone in its row (title, section title, outcome title, note) is merged across the sheet's
  // columns, so that it reads as one line on screen and in print whatever column A's width is.
  const spanRow = (r: number): void => {
    merges.push(rowRange(r));
  };
  const section = (title: Text): void => {
    row();
    const r = row(tx(title, lang));
    spanRow(r);
    style(`A${r}`, { bold: true, fontSize: 12 });
  };
  const noteLines = (texts: Text[], prefix = ""): void => {
    const seen = new Set<string>();
    for (const t of texts) {
      const s = tx(t, lang);
      if (seen.has(s)) continue;
      seen.add(s);
      for (const line of wrapNote(prefix + s)) {
        const r = row(line);
        spanRow(r);
        style(`A${r}`, { italic: true, fontColor: NOTE_COLOUR });
      }
    }
  };

  // ---- header block
  const h = result.header;
  const title = row(tx(h.title, lang));
  spanRow(title);
  style(`A${title}`, { bold: true, fontSize: 14 });
  const meta: [Text, CellValue][] = [
    [L.data, h.dataRange],
    [L.rows, h.rowCount],
    [L.groups, `${h.citizens.intervention} / ${h.citizens.control}`],
    [L.run, formatRunTime(h.generatedAt, lang)],
    [L.version, h.version],
  ];
  const metaStart = grid.length + 1;
  for (const [label, value] of meta) row(tx(label, lang), value);
  for (const s of h.settingsSummary) row(`${tx(L.settings, lang)}: ${tx(s.label, lang)}`, tx(s.value, lang));
  style(`A${metaStart}:A${grid.length}`, { bold: true });
  style(`B${metaStart}:B${grid.length}`, { horizontalAlignment: "left" });

  // ---- status table
  section(L.statusTitle);
  const st = result.statusTable;
  const months = result.months;
  const hdr1 = headerRow([tx(L.status, lang), ...months.flatMap((m) => [monthLabel(m, lang), ""])]);
  months.forEach((_, i) => merges.push(`${columnLetter(1 + 2 * i)}${hdr1}:${columnLetter(2 + 2 * i)}${hdr1}`));
  style(rowRange(hdr1, 1, 2 * months.length), { horizontalAlignment: "center" });
  headerRow(["", ...st.columns.map((c) => `${tx(c.arm === "intervention" ? L.interventionShort : L.controlShort, lang)} (N = ${c.N})`)]);
  const stStart = grid.length + 1;
  st.rows.forEach((sr, i) => {
    const label = sr.class === "blank" ? tx(L.blank, lang) : sr.label;
    row(label, ...st.columns.map((c, j) => nPct(st.counts[i][j], c.N, lang)));
  });
  if (st.rows.length > 0) style(`B${stStart}:${columnLetter(2 * months.length)}${grid.length}`, { horizontalAlignment: "right" });

  // ---- outcomes
  section(L.outcomesTitle);
  if (result.outcomes.length === 0) noteLines([L.noOutcomes]);
  else if (result.followUps.length === 0) noteLines([L.noFollowUps]);
  result.outcomes.forEach((o, k) => {
    const r0 = row(`${o.name} (${tx(L.reachedBy, lang)}: ${o.statuses.join(", ")})`);
    spanRow(r0);
    style(`A${r0}`, { bold: true });
    if (result.followUps.length === 0) return;
    const I = tx(L.interventionShort, lang);
    const K = tx(L.controlShort, lang);
    headerRow([tx(L.followUp, lang), `${I} n`, `${I} N`, `${I} %`, `${K} n`, `${K} N`, `${K} %`, withCi(L.difference, result.confLevel, lang), withCi(L.rr, result.confLevel, lang), withCi(L.or, result.confLevel, lang), tx(L.p, lang), tx(L.test, lang)]);
    const first = grid.length + 1;
    for (const orow of o.rows) {
      const r = outcomeLine(orow);
      names.push(...resultNames(k, o.name, orow, r, lang));
    }
    const last = grid.length;
    style(`B${first}:C${last}`, { numberFormat: "0" });
    style(`E${first}:F${last}`, { numberFormat: "0" });
    style(`D${first}:D${last}`, { numberFormat: "0.0%" });
    style(`G${first}:G${last}`, { numberFormat: "0.0%" });
    style(`H${first}:K${last}`, { horizontalAlignment: "right" });
    noteLines([...o.notes, ...o.rows.flatMap((x) => x.notes)], `${tx(L.note, lang)}: `);
  });
  function outcomeLine(o: OutcomeRow): number {
    const a = o.counts.intervention;
    const c = o.counts.control;
    return row(
      monthLabel(o.month, lang),
      a.x,
      a.n,
      a.n > 0 ? a.x / a.n : "–",
      c.x,
      c.n,
      c.n > 0 ? c.x / c.n : "–",
      ci(o.riskDifference, 100, 1, lang),
      ci(o.relativeRisk, 1, 2, lang),
      ci(o.oddsRatio, 1, 2, lang),
      o.test ? formatP(o.test.pValue, lang) : "–",
      o.test ? tx(o.test.method, lang) : "–",
    );
  }

  // ---- baseline (Tabel 1)
  section(L.baselineTitle);
  const b = result.baseline;
  if (b.variables.length === 0) noteLines([L.noBaseline]);
  else {
    const cols = [tx(L.variable, lang), tx(L.category, lang), `${tx(L.intervention, lang)}\n(N = ${b.N.intervention})`, `${tx(L.control, lang)}\n(N = ${b.N.control})`, "SMD"];
    if (b.pValues) cols.push(tx(L.p, lang), tx(L.test, lang));
    headerRow(cols);
    const first = grid.length + 1;
    for (const v of b.variables) {
      const p = b.pValues ? [v.test ? formatP(v.test.pValue, lang) : "–", v.test ? tx(v.test.method, lang) : "–"] : [];
      if (v.type === "categorical") {
        const nI = v.levels.reduce((s, l) => s + l.count.intervention, 0);
        const nK = v.levels.reduce((s, l) => s + l.count.control, 0);
        const r = row(v.name, "", "", "", "", ...p);
        style(`A${r}`, { bold: true });
        for (const l of v.levels) row("", l.label, nPct(l.count.intervention, nI, lang), nPct(l.count.control, nK, lang), l.smd === null ? "–" : l.smd);
        if (v.missing.intervention + v.missing.control > 0) row("", tx(L.missingValue, lang), v.missing.intervention, v.missing.control);
      } else {
        const r = row(
          v.name,
          tx(v.summary === "meanSd" ? L.meanSd : L.medianRange, lang),
          describe(v.stats.intervention, v.summary, v.isDate, lang),
          describe(v.stats.control, v.summary, v.isDate, lang),
          v.smd === null ? "–" : v.smd,
          ...p,
        );
        style(`A${r}`, { bold: true });
        if (v.missing.intervention + v.missing.control > 0) row("", tx(L.missingValue, lang), v.missing.intervention, v.missing.control);
      }
    }
    const last = grid.length;
    style(`C${first}:D${last}`, { horizontalAlignment: "right" });
    style(`E${first}:E${last}`, { numberFormat: "0.00", horizontalAlignment: "right" });
    noteLines([...b.variables.flatMap((v) => v.notes)], `${tx(L.note, lang)}: `);
    noteLines(b.notes);
  }

  // ---- missing data
  section(L.missingTitle);
  headerRow([tx(L.timepoint, lang), tx(L.group, lang), tx(L.total, lang), tx(L.valid, lang), tx(L.notFollowed, lang), tx(L.moved, lang), tx(L.excluded, lang)]);
  const mFirst = grid.length + 1;
  for (const m of result.missing) row(monthLabel(m.month, lang), tx(m.arm === "intervention" ? L.intervention : L.control, lang), m.total, m.valid, m.notFollowedUp, m.movedAway, m.excluded);
  if (result.missing.length > 0) style(`C${mFirst}:G${grid.length}`, { numberFormat: "0" });

  // ---- notes
  section(L.notesTitle);
  noteLines(result.notes);

  const lastRow = grid.length;
  return {
    name: COMPARISON_SHEET_NAME,
    tabColor: "#2E75B6",
    cells: [{ address: "A1", values: grid }],
    styles,
    merges,
    columnWidths: [
      { columns: "A", width: 190 },
      { columns: "B:G", width: 105 },
      { columns: "H", width: 150 },
      { columns: "I:J", width: 130 },
      { columns: "K", width: 60 },
      { columns: "L", width: 170 },
    ],
    freeze: { rows: 1, columns: 1 },
    names,
    pageSetup: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      printArea: `A1:${columnLetter(W - 1)}${lastRow}`,
      printTitleRows: "$1:$1",
      centerFooter: `Virkning ${result.header.version}`,
    },
    activate: true,
  };
}
