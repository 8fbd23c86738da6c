/**
 * Every store that writes sheets, as a scenario for fault sweeps: `setup` makes a sample
 * workbook in which the store's sheets already exist, with a user's entries on the sheets meant
 * for filling in and a user's formula (on "Noter") into each sheet; `rerun` regenerates them
 * with different content (what a user does with "Opdater" / "Kør igen"); `entries` reads the
 * user's entries by key (citizen/round/item, key figure/month, checklist number), not position.
 */
import fixture from "../../fixtures/design/allocation.json";
import { outcomesFromTheory, suggestSettings } from "../../../src/core/analysis";
import { MEASUREMENT_SHEET_NAME, PROGRESSION_SHEET_NAME, scaleItems } from "../../../src/core/progression";
import { KL_KEY_FIGURES, SUMMARY_SHEET_NAME, type SummarySettings } from "../../../src/core/summary";
import { TEMPLATES, type ProgrammeTheory } from "../../../src/core/theory";
import { supports, type ExcelRun } from "../../../src/excel/host";
import { readSelectionSource, readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../../src/excel/comparisonStore";
import { randomise, registerDecline, type DesignSettings } from "../../../src/excel/designStore";
import { defaultProgressionSettings, generateMeasurementSheet, runAndWriteProgression } from "../../../src/excel/progressionStore";
import { buildSummary } from "../../../src/excel/summaryStore";
import { saveTheory } from "../../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../../src/preview/workbook";
import { designSettingsFor } from "./designSettings";

export const runOf = (wb: PreviewWorkbook): ExcelRun => wb.run.bind(wb) as ExcelRun;

export interface StoreScenario {
  store: string;
  /** The sheets the store writes (all exist after setup). */
  sheets: string[];
  /** Sheets a user fills in (their entries must never be lost). */
  userFill: boolean;
  setup(): Promise<PreviewWorkbook>;
  rerun(wb: PreviewWorkbook): Promise<void>;
  /** The user's entries by key ([] when the sheet is not for filling in). */
  entries(wb: PreviewWorkbook): unknown[];
}

const NOW = new Date("2026-11-30T08:00:00Z");
const theory = TEMPLATES[0].build();
const items = scaleItems(theory);
const START = 46023;
const citizens = [
  { id: "P01", group: "Indsats" },
  { id: "P02", group: "Kontrol" },
  { id: "P03", group: "Indsats" },
  { id: "P04", group: "Kontrol" },
];

/** A user formula on "Noter" into A1 of every sheet (row 40 onwards). */
export function pointInto(wb: PreviewWorkbook, sheets: string[]): void {
  sheets.forEach((s, i) => wb.setCellByUser("Noter", 40 + i, 0, `='${s}'!A1`));
}

/** The user's formulas into the sheets: their text and what they compute. */
export function userFormulas(wb: PreviewWorkbook, sheets: string[]): { formula?: string; value: unknown }[] {
  return sheets.map((_, i) => {
    const c = wb.getSheet("Noter")!.getCell(40 + i, 0);
    return { formula: c?.formula, value: c?.value };
  });
}

// ------------------------------------------------------------------------------ measurement sheet

function header(wb: PreviewWorkbook): string[] {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  return Array.from({ length: s.usedExtent().columnCount }, (_, c) => String(s.getCell(3, c)?.value ?? ""));
}

function typeScore(wb: PreviewWorkbook, citizen: string, round: number, head: string, text: string): void {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  const col = header(wb).findIndex((h) => h.startsWith(head));
  for (let r = 4; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 0)?.value === citizen && s.getCell(r, 2)?.value === round) return wb.setCellByUser(MEASUREMENT_SHEET_NAME, r, col, text);
  throw new Error(`no row ${citizen}/${round}`);
}

/** Every non-empty entry of the measurement sheet as [citizen, round, header, value]. */
function measurementEntries(wb: PreviewWorkbook): unknown[] {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME);
  if (!s) return [];
  const h = header(wb);
  const out: unknown[] = [];
  const entryColumns = h.map((x, c) => (/^D\d+:|^Faktisk dato|^Vurderet af|^Noter/.test(x) ? c : -1)).filter((c) => c >= 0);
  for (let r = 4; r < s.usedExtent().rowCount; r++) for (const c of entryColumns) if ((s.getCell(r, c)?.value ?? null) !== null) out.push([s.getCell(r, 0)?.value, s.getCell(r, 2)?.value, h[c], s.getCell(r, c)?.value]);
  return out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function measurementWithEntries(): Promise<PreviewWorkbook> {
  const wb = createPreviewWorkbook({ sample: true });
  await generateMeasurementSheet(runOf(wb), { citizens, startDate: START, theory, now: NOW });
  typeScore(wb, "P01", 1, `${items[0].id}:`, items[0].labels[0]);
  typeScore(wb, "P01", 2, `${items[0].id}:`, items[0].labels[2]);
  typeScore(wb, "P02", 1, `${items[1].id}:`, items[1].labels[1]);
  typeScore(wb, "P02", 2, `${items[1].id}:`, items[1].labels[3]);
  typeScore(wb, "P03", 1, `${items[0].id}:`, items[0].labels[1]);
  typeScore(wb, "P03", 2, `${items[0].id}:`, items[0].labels[3]);
  typeScore(wb, "P04", 1, `${items[2].id}:`, items[2].labels[0]);
  typeScore(wb, "P04", 2, `${items[2].id}:`, items[2].labels[1]);
  typeScore(wb, "P02", 3, "Noter", "Syg, ny tid aftalt");
  typeScore(wb, "P01", 1, "Vurderet af", "Borger");
  return wb;
}

// ------------------------------------------------------------------------------ leader page

const summarySettings: SummarySettings = { followUp: null, threshold: 5, lang: "da", audience: "internal" };

function summaryRow(wb: PreviewWorkbook, col: number, text: string): number {
  const s = wb.getSheet(SUMMARY_SHEET_NAME)!;
  for (let r = 0; r < s.usedExtent().rowCount; r++) if (s.getCell(r, col)?.value === text) return r;
  return -1;
}

/** Nøgletal rows with a month typed, and checklist answers, by key. */
function summaryEntries(wb: PreviewWorkbook): unknown[] {
  const s = wb.getSheet(SUMMARY_SHEET_NAME);
  if (!s) return [];
  const out: unknown[] = [];
  const names = new Set(KL_KEY_FIGURES.map((k) => k.da));
  for (let r = 0; r < s.usedExtent().rowCount; r++) {
    const a = s.getCell(r, 0)?.value;
    if (typeof a === "string" && names.has(a) && s.getCell(r, 1)?.value) out.push(["nøgletal", a, s.getCell(r, 1)?.value, ...[2, 3, 4, 7, 8].map((c) => s.getCell(r, c)?.value ?? null)]);
    const b = s.getCell(r, 1)?.value;
    if (typeof b === "string" && /^\d\.\d$/.test(b) && (s.getCell(r, 2)?.value ?? null) !== null) out.push(["tjekliste", b, s.getCell(r, 2)?.value, s.getCell(r, 8)?.value ?? null]);
  }
  return out;
}

async function withComparisonSettings(run: ExcelRun, t: ProgrammeTheory): Promise<void> {
  const input = (await readSheetSource(run, "Borgere"))!;
  const s = suggestSettings(input);
  s.outcomes = outcomesFromTheory(t);
  await saveComparisonSettings(run, s);
}

// ------------------------------------------------------------------------------ design

function designSettings(): DesignSettings {
  return designSettingsFor("sample: Køn, seed 2^32-1, 2 reserves, declines");
}
const designCase = fixture.cases.find((x) => x.name === "sample: Køn, seed 2^32-1, 2 reserves, declines")! as unknown as { declines: string[] };
const designState = new WeakMap<PreviewWorkbook, DesignSettings>();

// ------------------------------------------------------------------------------ the scenarios

export const STORES: StoreScenario[] = [
  {
    store: "theory (Programteori and its diagram)",
    sheets: ["Programteori", "Programteori – diagram"],
    userFill: false,
    async setup() {
      const wb = createPreviewWorkbook({ sample: true });
      // As the pane does: shapes where the host has them (ExcelApi 1.9), coloured cells otherwise.
      await saveTheory(runOf(wb), theory, "da", { shapes: supports("Worksheet.shapes"), now: NOW });
      return wb;
    },
    async rerun(wb) {
      await saveTheory(runOf(wb), { ...theory, title: `${theory.title} (revideret)` }, "da", { shapes: supports("Worksheet.shapes"), now: NOW });
    },
    entries: () => [],
  },
  {
    store: "comparison (Sammenligning)",
    sheets: ["Sammenligning"],
    userFill: false,
    async setup() {
      const wb = createPreviewWorkbook({ sample: true });
      wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
      const input = await readSelectionSource(runOf(wb));
      await runAndWriteComparison(runOf(wb), suggestSettings(input!, "da"), { lang: "da", now: NOW });
      // The data changes before the rerun, so the sheet's content changes.
      const b = wb.getSheet("Borgere")!;
      const other = [4, 5, 6, 7, 8, 9, 10].map((r) => b.getCell(r, 12)?.value).find((v) => typeof v === "string" && v !== b.getCell(3, 12)?.value);
      wb.setCellByUser("Borgere", 3, 12, String(other));
      return wb;
    },
    async rerun(wb) {
      const input = await readSheetSource(runOf(wb), "Borgere");
      await runAndWriteComparison(runOf(wb), suggestSettings(input!, "da"), { lang: "da", now: NOW });
    },
    entries: () => [],
  },
  {
    store: "progression measurement sheet (Progressionsmåling)",
    sheets: [MEASUREMENT_SHEET_NAME],
    userFill: true,
    setup: measurementWithEntries,
    async rerun(wb) {
      await generateMeasurementSheet(runOf(wb), { citizens: [{ id: "N01", group: "Indsats" }, ...citizens], startDate: START, theory, now: NOW });
    },
    entries: measurementEntries,
  },
  {
    store: "progression results (Progression)",
    sheets: [PROGRESSION_SHEET_NAME],
    userFill: false,
    async setup() {
      const wb = await measurementWithEntries();
      await runAndWriteProgression(runOf(wb), defaultProgressionSettings(), { theory, now: NOW });
      typeScore(wb, "P03", 3, `${items[0].id}:`, items[0].labels[4]);
      return wb;
    },
    async rerun(wb) {
      await runAndWriteProgression(runOf(wb), defaultProgressionSettings(), { theory, now: NOW });
    },
    entries: () => [],
  },
  {
    store: "leader page (Ledelsesoverblik: nøgletal and checklist)",
    sheets: [SUMMARY_SHEET_NAME],
    userFill: true,
    async setup() {
      const wb = createPreviewWorkbook({ sample: true });
      const run = runOf(wb);
      const first = await buildSummary(run, summarySettings, { now: NOW });
      const [k0] = first.keyRows;
      const type = (r: number, c: number, t: string): void => wb.setCellByUser(SUMMARY_SHEET_NAME, r, c, t);
      type(k0, 1, "2026-01");
      type(k0, 2, "30");
      type(k0, 3, "26,5");
      type(k0, 4, "2");
      type(k0, 7, "Sygdom i teamet");
      const item = summaryRow(wb, 1, "3.4");
      type(item, 2, "Delvist");
      type(item, 8, "Nyhedsbrev hver måned");
      // The workbook gains a theory and comparison settings: the rerun's layout moves.
      await saveTheory(run, theory, "da", { shapes: false, now: NOW });
      await withComparisonSettings(run, theory);
      return wb;
    },
    async rerun(wb) {
      await buildSummary(runOf(wb), summarySettings, { now: NOW });
    },
    entries: summaryEntries,
  },
  {
    store: "design (Randomisering, protected)",
    sheets: ["Randomisering"],
    userFill: false,
    async setup() {
      const wb = createPreviewWorkbook({ sample: true });
      const s = (await randomise(runOf(wb), designSettings(), { lang: "da", now: NOW })).settings;
      designState.set(wb, s);
      return wb;
    },
    async rerun(wb) {
      await registerDecline(runOf(wb), designState.get(wb) as DesignSettings, designCase.declines[0], { lang: "da", now: new Date("2026-12-01T10:15:00Z") });
    },
    entries: () => [],
  },
];
