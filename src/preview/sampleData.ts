/**
 * Synthetic sample data for the preview: 60 made-up citizens in an intervention group
 * (Indsats) and a control group (Kontrol), with background variables and their status
 * (forsørgelsesstatus) at inclusion and after 6, 12 and 18 months. Deterministic (seeded PRNG),
 * so tests can rely on it. IDs are "B001"…, never CPR-like.
 */
import type { PreviewWorkbook } from "./workbook/workbook";

export const SAMPLE_SHEET = "Borgere";
export const NOTES_SHEET = "Noter";
/** The weekly register sample (Registeropfølgning): installed with `weekly` (preview page: `?data=uger`). */
export const WEEKLY_SHEET = "Ugedata";

export const SAMPLE_HEADER = [
  "ID",
  "Gruppe",
  "Køn",
  "Alder",
  "Etnicitet",
  "Uddannelse",
  "Tolkebehov",
  "Civilstand",
  "År i ordinært arbejde",
  "Status 0 mdr",
  "Status 6 mdr",
  "Status 12 mdr",
  "Status 18 mdr",
];

export const SAMPLE_STATUSES = [
  "Kontanthjælp",
  "Kontanthjælp – i praktik",
  "Kontanthjælp – afventer praktik",
  "Ordinære timer",
  "Jobparat",
  "Fleksjob",
  "Revalidering",
  "Uddannelse",
  "FØP",
  "Fraflyttet",
] as const;

type Status = (typeof SAMPLE_STATUSES)[number];

/** mulberry32: a small, well-known 32-bit PRNG; deterministic for a given seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1][0];
}

/** Where a citizen moves at the next follow-up. The intervention group moves towards work more often. */
function nextStatus(rnd: () => number, current: Status, indsats: boolean): Status {
  if (current === "Fraflyttet" || current === "FØP") return current;
  const sticky: Partial<Record<Status, number>> = { "Ordinære timer": 0.8, Uddannelse: 0.8, Fleksjob: 0.9, Revalidering: 0.6, Jobparat: 0.5 };
  if (rnd() < (sticky[current] ?? 0.3)) return current;
  const w: readonly (readonly [Status, number])[] = indsats
    ? [
        ["Kontanthjælp", 16],
        ["Kontanthjælp – i praktik", 16],
        ["Kontanthjælp – afventer praktik", 8],
        ["Ordinære timer", 26],
        ["Jobparat", 12],
        ["Fleksjob", 4],
        ["Revalidering", 4],
        ["Uddannelse", 9],
        ["FØP", 2],
        ["Fraflyttet", 2],
      ]
    : [
        ["Kontanthjælp", 42],
        ["Kontanthjælp – i praktik", 8],
        ["Kontanthjælp – afventer praktik", 12],
        ["Ordinære timer", 8],
        ["Jobparat", 8],
        ["Fleksjob", 4],
        ["Revalidering", 4],
        ["Uddannelse", 5],
        ["FØP", 3],
        ["Fraflyttet", 3],
      ];
  return pick(rnd, w);
}

/** The 60 synthetic citizens: header and rows (null = not yet followed up at 18 months). */
export function sampleCitizens(): { header: string[]; rows: (string | number | null)[][] } {
  const rnd = prng(20241128);
  const n = 60;
  // 30/30 randomisation: shuffle a balanced list (Fisher–Yates).
  const groups: string[] = Array.from({ length: n }, (_, i) => (i < n / 2 ? "Indsats" : "Kontrol"));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [groups[i], groups[j]] = [groups[j], groups[i]];
  }
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const indsats = groups[i] === "Indsats";
    const kon = rnd() < 0.52 ? "Kvinde" : "Mand";
    const alder = 18 + Math.floor(rnd() * 47);
    const etnicitet = rnd() < 0.62 ? "Dansk" : "Anden";
    const uddannelse = pick(rnd, [
      ["Grundskole", 55],
      ["Erhvervsuddannelse", 32],
      ["Videregående", 13],
    ] as const);
    const tolk = etnicitet === "Anden" && rnd() < 0.45 ? "Ja" : "Nej";
    const civil = rnd() < 0.6 ? "Enlig" : "Gift/samlevende";
    const maxYears = Math.min(20, alder - 18);
    let aar: number = rnd() * maxYears * 0.6;
    aar = rnd() < 0.4 ? Math.round(aar * 10) / 10 : Math.round(aar);
    const s0: Status = "Kontanthjælp";
    const s6 = nextStatus(rnd, s0, indsats);
    const s12 = nextStatus(rnd, s6, indsats);
    const s18 = nextStatus(rnd, s12, indsats);
    const followed18 = rnd() > 0.12;
    rows.push([
      `B${String(i + 1).padStart(3, "0")}`,
      groups[i],
      kon,
      alder,
      etnicitet,
      uddannelse,
      tolk,
      civil,
      aar,
      s0,
      s6,
      s12,
      followed18 ? s18 : null,
    ]);
  }
  return { header: [...SAMPLE_HEADER], rows };
}

export const SAMPLE_NOTES = [
  ["Noter til evalueringen"],
  ["Data er syntetiske og kun til afprøvning af Virkning."],
  ["Status er forsørgelsesstatus ved inklusion og efter 6, 12 og 18 måneder; tom = endnu ikke fulgt op."],
];

/** ISO year-week code of the `i`-th week (0-based) from 2024-W01 ("2024-W01" … "2026-W52"). */
export function weekCode(i: number): string {
  // 2024 and 2025 have 52 ISO weeks, 2026 has 53
  const lengths = [52, 52, 53, 52];
  let year = 2024;
  let w = i;
  for (const n of lengths) {
    if (w < n) break;
    w -= n;
    year++;
  }
  return `${year}-W${String(w + 1).padStart(2, "0")}`;
}

/** Benefit labels as DREAM extracts name them (a blank week is a week without benefit: self-supporting). */
export const WEEKLY_BENEFITS = [
  ["Kontanthjælp", 40],
  ["Uddannelseshjælp", 12],
  ["Sygedagpenge", 12],
  ["Jobafklaringsforløb", 6],
  ["Ressourceforløb", 8],
  ["Virksomhedspraktik", 8],
  ["Løntilskud", 6],
  ["Ledighedsydelse", 4],
  ["Revalidering", 4],
] as const;

export interface WeeklySampleOptions {
  citizens?: number;
  weeks?: number;
  seed?: number;
}

/**
 * Synthetic weekly register data in the wide layout (one row per citizen, one column per week from
 * 2024-W01): ID ("U001"…, never CPR-like), Gruppe (Indsatsgruppe/Kontrolgruppe, balanced), Startuge
 * (entries spread over the first 12 weeks), then a status per week. Before the start everybody is on a
 * benefit; from the start a citizen leaves benefits for a spell of self-support (a blank week, or "SU")
 * with 3.5 % chance a week in the indsatsgruppe and 1.8 % in the kontrolgruppe, and falls back with 5 %,
 * so the Kaplan–Meier curves separate. A few citizens have gaps ("NA") and a few emigrate ("Udvandret",
 * then NA). Deterministic (seeded PRNG).
 */
export function weeklySample(opts: WeeklySampleOptions = {}): { header: string[]; rows: (string | null)[][] } {
  const n = opts.citizens ?? 120;
  const weeks = opts.weeks ?? 104;
  const rnd = prng(opts.seed ?? 20240101);
  const header = ["ID", "Gruppe", "Startuge", ...Array.from({ length: weeks }, (_, i) => weekCode(i))];
  const rows: (string | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const indsats = i % 2 === 0;
    const start = Math.floor(rnd() * 12);
    const benefit = (): string => pick(rnd, WEEKLY_BENEFITS);
    let status: string | null = benefit();
    const gappy = rnd() < 0.06;
    const emigrates = rnd() < 0.03 ? start + 20 + Math.floor(rnd() * (weeks - start - 20)) : Infinity;
    const row: (string | null)[] = [`U${String(i + 1).padStart(Math.max(3, String(n).length), "0")}`, indsats ? "Indsatsgruppe" : "Kontrolgruppe", weekCode(start)];
    for (let w = 0; w < weeks; w++) {
      if (w > emigrates) {
        row.push("NA");
        continue;
      }
      if (w === emigrates) {
        row.push("Udvandret");
        continue;
      }
      if (w >= start) {
        const self = status === null || status === "SU";
        if (self && rnd() < 0.05) status = benefit();
        else if (!self && rnd() < (indsats ? 0.035 : 0.018)) status = rnd() < 0.15 ? "SU" : null;
        else if (!self && rnd() < 0.04) status = benefit();
      }
      row.push(gappy && rnd() < 0.08 ? "NA" : status);
    }
    rows.push(row);
  }
  return { header, rows };
}

function installWeekly(wb: PreviewWorkbook): void {
  const { header, rows } = weeklySample();
  const sheet = wb.addSheetDirect(WEEKLY_SHEET);
  wb.setValues(WEEKLY_SHEET, "A1", [header, ...rows]);
  header.forEach((_, j) => {
    sheet.updateFormat(0, j, (f) => {
      f.bold = true;
      f.borders = { bottom: "#000000" };
    });
    sheet.columnWidths.set(j, j < 3 ? 90 : 110);
  });
  sheet.frozen = { rows: 1, columns: 1 };
  sheet.changed();
}

/**
 * Put the sample sheets into a workbook (directly, without the API); "Borgere" becomes active. With
 * `weekly`, also the weekly register sample "Ugedata" (after "Noter").
 */
export function installSample(wb: PreviewWorkbook, opts: { weekly?: boolean } = {}): void {
  const { header, rows } = sampleCitizens();
  const sheet = wb.addSheetDirect(SAMPLE_SHEET);
  wb.setValues(SAMPLE_SHEET, "A1", [header, ...rows]);
  header.forEach((h, j) => {
    sheet.updateFormat(0, j, (f) => {
      f.bold = true;
      f.borders = { bottom: "#000000" };
    });
    sheet.columnWidths.set(j, h.startsWith("Status") ? 150 : h.length > 12 ? 110 : 70);
  });
  sheet.frozen = { rows: 1, columns: 0 };
  sheet.changed();
  const notes = wb.addSheetDirect(NOTES_SHEET);
  wb.setValues(NOTES_SHEET, "A1", SAMPLE_NOTES);
  notes.updateFormat(0, 0, (f) => {
    f.bold = true;
    f.fontSize = 14;
  });
  notes.columnWidths.set(0, 400);
  notes.changed();
  if (opts.weekly) installWeekly(wb);
  wb.activateSheetByUser(SAMPLE_SHEET);
}
