/**
 * The Registeropfølgning's workbook I/O (src/excel/registerStore.ts) against the preview workbook with the
 * weekly sample "Ugedata" (wide layout, ISO year-week headers): a full run writes "Statuskoder" and
 * "Registeropfølgning" and stores the settings with a record of the run; a CPR number in an ID or a status
 * cell is refused naming the sheet and cell, without echoing it, and nothing is written; "Kør igen" after the
 * user edits a data cell, picks a class on "Statuskoder" and inserts a column finds the columns by header,
 * keeps the user's class and gives the new numbers. The counts the tests expect are taken from the cells of
 * "Ugedata" by the test's own scan, not from the code under test.
 */
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { insertColumnByUser } from "../../src/preview/workbook/userEdits";
import { WEEKLY_SHEET } from "../../src/preview/sampleData";
import { loadRegisterSettings, registerFreshness, REGISTER_STATE_KEY, runAndWriteRegister, MAPPING_SHEET_NAME, REGISTER_SHEET_NAME } from "../../src/excel/registerStore";
import { defaultRegisterSettings, type RegisterSettings } from "../../src/core/register/settings";
import type { VirkningError, VirkningValidationError } from "../../src/core/errors";
import { randomise } from "../../src/excel/designStore";
import { saveState } from "../../src/excel/state";
import { designSettingsFor } from "./helpers/designSettings";

const NOW = new Date("2026-12-07T10:00:00Z");
const CPR = "010190-1234";

function book(): { wb: PreviewWorkbook; run: PreviewWorkbook["run"] } {
  const wb = createPreviewWorkbook({ sample: true, weekly: true });
  return { wb, run: wb.run.bind(wb) };
}

const settingsFor = (): RegisterSettings => defaultRegisterSettings(WEEKLY_SHEET, "wide", { id: "ID", group: "Gruppe", start: "Startuge" });

/** All values of a sheet (used range from A1). */
function grid(wb: PreviewWorkbook, name: string): unknown[][] {
  const s = wb.getSheet(name)!;
  const { rowCount, columnCount } = s.usedExtent();
  return Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => s.getCell(r, c)?.value ?? null));
}

/** Row (0-based) on `sheet` whose column A is `text`, searching from `from`. */
function rowOf(wb: PreviewWorkbook, sheet: string, text: string, from = 0): number {
  const g = grid(wb, sheet);
  for (let r = from; r < g.length; r++) if (g[r][0] === text) return r;
  throw new Error(`no row "${text}" on ${sheet}`);
}

/** Whether a citizen's row has a run of 4 self-supporting weeks from the start week (a blank cell, or a label in `selfLabels`; NA/Udvandret break a run). */
function becameSelfSupporting(header: string[], row: unknown[], selfLabels: string[]): boolean {
  let run = 0;
  for (let c = header.indexOf(String(row[header.indexOf("Startuge")])); c < header.length; c++) {
    const v = String(row[c] ?? "").trim();
    if (v === "NA" || v === "Udvandret") run = 0;
    else run = v === "" || selfLabels.includes(v) ? run + 1 : 0;
    if (run === 4) return true;
  }
  return false;
}

/** Counted from the cells of "Ugedata": per group, citizens, and citizens who became self-supporting. */
function countOnSheet(wb: PreviewWorkbook, selfLabels: string[]): Record<string, { citizens: number; events: number }> {
  const g = grid(wb, WEEKLY_SHEET);
  const header = g[0].map((h) => String(h ?? ""));
  const out: Record<string, { citizens: number; events: number }> = {};
  for (const row of g.slice(1)) {
    const group = String(row[header.indexOf("Gruppe")]);
    out[group] ??= { citizens: 0, events: 0 };
    out[group].citizens++;
    if (becameSelfSupporting(header, row, selfLabels)) out[group].events++;
  }
  return out;
}

/** The median table's rows on the result sheet: group → [citizens, became self-supporting]. */
function medianTable(wb: PreviewWorkbook): Record<string, [number, number]> {
  const g = grid(wb, REGISTER_SHEET_NAME);
  const r = rowOf(wb, REGISTER_SHEET_NAME, "Mediantid til selvforsørgelse");
  return { Indsatsgruppe: [g[r + 2][1] as number, g[r + 2][2] as number], Kontrolgruppe: [g[r + 3][1] as number, g[r + 3][2] as number] };
}

/** The Statuskoder table: label → [weeks, Klasse (the user's), Forslag]. */
function mappingTable(wb: PreviewWorkbook): Record<string, [unknown, unknown, unknown]> {
  const g = grid(wb, MAPPING_SHEET_NAME);
  const h = rowOf(wb, MAPPING_SHEET_NAME, "Statuskode");
  return Object.fromEntries(g.slice(h + 1).map((row) => [String(row[0]), [row[1], row[2], row[3]]]));
}

describe("Registeropfølgning on the weekly sample", () => {
  test("a full run: both sheets, the counts of the data, the codes without a class listed, the settings with the run", async () => {
    const { wb, run } = book();
    const out = await runAndWriteRegister(run, settingsFor(), { now: NOW });
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter", WEEKLY_SHEET, MAPPING_SHEET_NAME, REGISTER_SHEET_NAME]);
    const counted = countOnSheet(wb, ["SU"]);
    expect(counted.Indsatsgruppe.citizens).toBe(60);
    expect(medianTable(wb)).toEqual({
      Indsatsgruppe: [counted.Indsatsgruppe.citizens, counted.Indsatsgruppe.events],
      Kontrolgruppe: [counted.Kontrolgruppe.citizens, counted.Kontrolgruppe.events],
    });
    // numbers at risk at week 0: every citizen of the group
    const atRisk = rowOf(wb, REGISTER_SHEET_NAME, "Antal i risiko (endnu ikke selvforsørgende og fulgt)");
    const g = grid(wb, REGISTER_SHEET_NAME);
    expect([g[atRisk + 2][0], g[atRisk + 2][1], g[atRisk + 3][0], g[atRisk + 3][1]]).toEqual(["Indsatsgruppe", 60, "Kontrolgruppe", 60]);
    expect(typeof g[rowOf(wb, REGISTER_SHEET_NAME, "Log-rank")][1]).toBe("number");
    expect(wb.getSheet(REGISTER_SHEET_NAME)!.charts.map((c) => c.name).length).toBe(2);
    // Statuskoder: every label of the data with its weeks counted from the cells; none chosen yet, all listed as such
    const table = mappingTable(wb);
    const ugedata = grid(wb, WEEKLY_SHEET);
    const suWeeks = ugedata.slice(1).reduce<number>((n, row) => {
      const from = ugedata[0].indexOf(row[2]);
      return n + row.slice(from).filter((v) => v === "SU").length;
    }, 0);
    expect(table.SU).toEqual([suWeeks, null, "Selvforsørgende"]);
    expect(table["(tom celle)"][2]).toBe("Selvforsørgende");
    expect(table.Kontanthjælp[2]).toBe("Anden ydelse");
    expect(table.NA).toBeUndefined();
    expect(out.unmapped).toHaveLength(Object.keys(table).length);
    expect(String(grid(wb, MAPPING_SHEET_NAME)[2][0])).toMatch(/^Uden valgt klasse \(forslaget bruges\): 11 koder: Kontanthjælp, \(tom celle\), /);
    const stored = await loadRegisterSettings(run);
    expect(stored?.lastRun?.at).toBe(NOW.toISOString());
    expect(stored?.lastRun?.fingerprint).toMatch(/^[a-p]{16}$/);
    expect(JSON.stringify(wb.settings.get(REGISTER_STATE_KEY))).not.toMatch(/U0\d\d/); // no citizen IDs stored
  });

  test.each([
    ["an ID", "A8"],
    ["a status", "Q12"],
  ])("a CPR number in %s cell is refused naming Ugedata and the cell, never echoed; nothing is written", async (_what, cell) => {
    const { wb, run } = book();
    await runAndWriteRegister(run, settingsFor(), { now: NOW });
    const before = { sheets: wb.sheetNames(), result: grid(wb, REGISTER_SHEET_NAME), mapping: grid(wb, MAPPING_SHEET_NAME), settings: JSON.stringify(wb.settings.get(REGISTER_STATE_KEY)) };
    wb.setValues(WEEKLY_SHEET, cell, [[CPR]]);
    const err = (await runAndWriteRegister(run, settingsFor(), { now: new Date("2026-12-08T10:00:00Z") }).catch((e: unknown) => e)) as VirkningValidationError;
    expect(err.problems?.map((p: VirkningError) => p.location?.cell)).toEqual([`${WEEKLY_SHEET}!${cell}`]);
    expect(err.message).toContain(`Arket "${WEEKLY_SHEET}", celle ${cell}: `);
    expect(err.message).toMatch(/CPR-nummer/);
    expect(err.message + err.messageEn).not.toContain(CPR);
    expect(wb.sheetNames()).toEqual(before.sheets);
    expect(grid(wb, REGISTER_SHEET_NAME)).toEqual(before.result);
    expect(grid(wb, MAPPING_SHEET_NAME)).toEqual(before.mapping);
    expect(JSON.stringify(wb.settings.get(REGISTER_STATE_KEY))).toBe(before.settings);
  });

  test("a CPR number on a first run: nothing is created, no settings", async () => {
    const { wb, run } = book();
    wb.setValues(WEEKLY_SHEET, "A3", [[CPR]]);
    const err = (await runAndWriteRegister(run, settingsFor()).catch((e: unknown) => e)) as VirkningError;
    expect(err.message).toContain(`Arket "${WEEKLY_SHEET}", celle A3: ID'et ligner et CPR-nummer`);
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter", WEEKLY_SHEET]);
    expect(wb.settings.get(REGISTER_STATE_KEY)).toBeUndefined();
  });

  test("Kør igen after editing a data cell, choosing a class on Statuskoder and inserting a column: columns by header, the class kept, new numbers", async () => {
    const { wb, run } = book();
    await runAndWriteRegister(run, settingsFor(), { now: NOW });
    const first = await loadRegisterSettings(run);
    const firstTable = medianTable(wb);
    // the user says SU is not self-support here, on the sheet made for it
    const su = rowOf(wb, MAPPING_SHEET_NAME, "SU");
    wb.setCellByUser(MAPPING_SHEET_NAME, su, 2, "Anden ydelse");
    // a citizen of the kontrolgruppe on Kontanthjælp all along becomes self-supporting from their start week
    const ugedata = grid(wb, WEEKLY_SHEET);
    const header = ugedata[0].map(String);
    const r = ugedata.findIndex((row, i) => i > 0 && row[1] === "Kontrolgruppe" && !becameSelfSupporting(header, row, []));
    expect(r).toBeGreaterThan(0);
    const from = ugedata[0].indexOf(ugedata[r][2]);
    for (let c = from; c < from + 6; c++) wb.setCellByUser(WEEKLY_SHEET, r, c, "");
    // and a column before the data ("Sagsbehandler"): every column moves one to the right
    insertColumnByUser(wb, WEEKLY_SHEET, 0, ["Sagsbehandler", "Anne", "Bo"]);

    const stored = await loadRegisterSettings(run);
    const again = await runAndWriteRegister(run, stored!, { now: new Date("2026-12-08T10:00:00Z") });
    const counted = countOnSheet(wb, []);
    expect(medianTable(wb)).toEqual({
      Indsatsgruppe: [counted.Indsatsgruppe.citizens, counted.Indsatsgruppe.events],
      Kontrolgruppe: [counted.Kontrolgruppe.citizens, counted.Kontrolgruppe.events],
    });
    expect(medianTable(wb)).not.toEqual(firstTable);
    expect(mappingTable(wb).SU[1]).toBe("Anden ydelse");
    expect(again.unmapped).not.toContain("SU");
    const after = await loadRegisterSettings(run);
    expect(after?.mapping).toEqual({ SU: "andet" });
    expect(after?.lastRun?.fingerprint).not.toBe(first?.lastRun?.fingerprint);
  });

  test("Kør igen when the group column was renamed: refused naming the column, nothing written", async () => {
    const { wb, run } = book();
    await runAndWriteRegister(run, settingsFor(), { now: NOW });
    const before = grid(wb, REGISTER_SHEET_NAME);
    wb.setCellByUser(WEEKLY_SHEET, 0, 1, "Hold");
    const err = (await runAndWriteRegister(run, (await loadRegisterSettings(run))!).catch((e: unknown) => e)) as VirkningError;
    expect(err.message).toContain(`Kolonnerne i arket "${WEEKLY_SHEET}" har ændret sig`);
    expect(err.message).toContain(`kolonnen "Gruppe" (gruppe) findes ikke længere i række 1`);
    expect(grid(wb, REGISTER_SHEET_NAME)).toEqual(before);
  });

  test("start week from the randomisation's date: the same numbers as that week typed as one date for all; refused without a randomisation", async () => {
    const { wb, run } = book();
    const fromRandomisation: RegisterSettings = { ...settingsFor(), columns: { id: "ID", group: "Gruppe" }, start: { rule: "randomisation" } };
    const err = (await runAndWriteRegister(run, fromRandomisation).catch((e: unknown) => e)) as VirkningError;
    expect(err.message).toMatch(/Randomisering/);
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter", WEEKLY_SHEET]);

    await randomise(run, designSettingsFor("sample: no strata, seed 0"), { lang: "da", now: new Date("2024-03-06T09:00:00Z") }); // Wednesday of 2024-W10
    await runAndWriteRegister(run, fromRandomisation, { now: NOW });
    const byRandomisation = grid(wb, REGISTER_SHEET_NAME).slice(3);
    await runAndWriteRegister(run, { ...fromRandomisation, start: { rule: "date", date: "2024-W10" } }, { now: NOW });
    expect(grid(wb, REGISTER_SHEET_NAME).slice(3)).toEqual(byRandomisation);
    await runAndWriteRegister(run, { ...fromRandomisation, start: { rule: "data" } }, { now: NOW });
    expect(grid(wb, REGISTER_SHEET_NAME).slice(3)).not.toEqual(byRandomisation);
  });

  test("the long layout (citizen, week, status): the same numbers as the wide sheet it was made from", async () => {
    const { wb, run } = book();
    await runAndWriteRegister(run, settingsFor(), { now: NOW });
    const wide = grid(wb, REGISTER_SHEET_NAME).slice(3);
    // the same data in the long layout on a sheet of the user's: one row per citizen and week
    const g = grid(wb, WEEKLY_SHEET);
    const long: unknown[][] = [["Borger", "Gruppe", "Startuge", "Uge", "Ydelse"]];
    for (const row of g.slice(1)) for (let c = 3; c < g[0].length; c++) long.push([row[0], row[1], row[2], g[0][c], row[c]]);
    wb.addSheetDirect("Lang");
    wb.setValues("Lang", "A1", long as (string | number | null)[][]);
    const settings: RegisterSettings = { ...defaultRegisterSettings("Lang", "long", { id: "Borger", group: "Gruppe", start: "Startuge", week: "Uge", status: "Ydelse" }) };
    await runAndWriteRegister(run, settings, { now: NOW });
    const rows = grid(wb, REGISTER_SHEET_NAME).slice(3);
    // the settings block names the sheet and the layout; everything above it is the same
    const until = rows.findIndex((r) => r[0] === "Indstillinger");
    expect(until).toBeGreaterThan(0);
    expect(rows.slice(0, until)).toEqual(wide.slice(0, until));
    expect(rows.slice(until).map((r) => r[1])).toContain("Lang");
  });

  test("a class on Statuskoder that is none of the three (pasted past the dropdown) is refused naming its cell; nothing is written", async () => {
    const { wb, run } = book();
    await runAndWriteRegister(run, settingsFor(), { now: NOW });
    const before = grid(wb, REGISTER_SHEET_NAME);
    const su = rowOf(wb, MAPPING_SHEET_NAME, "SU");
    wb.setValues(MAPPING_SHEET_NAME, `C${su + 1}`, [["Job"]]);
    const err = (await runAndWriteRegister(run, (await loadRegisterSettings(run))!).catch((e: unknown) => e)) as VirkningError;
    expect(err.message).toBe(`Arket "${MAPPING_SHEET_NAME}", celle C${su + 1}: klassen er ikke en af "Selvforsørgende", "På vej", "Anden ydelse". Vælg en af dem på listen i cellen, eller gør cellen tom for at bruge forslaget.`);
    expect(grid(wb, REGISTER_SHEET_NAME)).toEqual(before);
    expect(mappingTable(wb).SU[1]).toBe("Job");
  });

  test("stored settings are checked against the schema when read: a misspelt or wrong field is named", async () => {
    const { run } = book();
    await runAndWriteRegister(run, settingsFor(), { now: NOW });
    const stored = (await loadRegisterSettings(run))!;
    await saveState(run, REGISTER_STATE_KEY, { ...stored, spellWeeks: 0, windoes: [{ from: 1, to: 26 }] });
    const err = (await loadRegisterSettings(run).catch((e: unknown) => e)) as VirkningError;
    expect(err.code).toBe("SETTINGS_INVALID");
    expect(err.message).toMatch(/^De gemte indstillinger for registeropfølgningen kan ikke bruges \(felterne (spellWeeks, windoes|windoes, spellWeeks)\)/);
  });

  test("freshness for the Overblik: none before a run, ok after it, unchanged by a relabel within a class, stale once a week changes class", async () => {
    const { wb, run } = book();
    await expect(registerFreshness(run)).resolves.toEqual({ status: "none" });
    await runAndWriteRegister(run, settingsFor(), { now: NOW });
    await expect(registerFreshness(run)).resolves.toEqual({ status: "ok", ranAt: NOW.toISOString() });
    // a week on Kontanthjælp after the citizen's start week: another benefit of the same class changes no number
    const g = grid(wb, WEEKLY_SHEET);
    const [r, c] = g.flatMap((row, i) => row.map((v, j) => [i, j, v] as const)).find(([i, j, v]) => i > 0 && j > g[0].indexOf(g[i][2]) && v === "Kontanthjælp")!;
    wb.setCellByUser(WEEKLY_SHEET, r, c, "Sygedagpenge");
    await expect(registerFreshness(run)).resolves.toEqual({ status: "ok", ranAt: NOW.toISOString() });
    wb.setCellByUser(WEEKLY_SHEET, r, c, "");
    await expect(registerFreshness(run)).resolves.toEqual({ status: "stale", ranAt: NOW.toISOString() });
  });

  test("a user's own sheet named Statuskoder is neither read nor overwritten: the run is refused, naming it", async () => {
    const { wb, run } = book();
    wb.addSheetDirect(MAPPING_SHEET_NAME);
    wb.setValues(MAPPING_SHEET_NAME, "A1", [["Statuskode", "Uger", "Klasse"], ["SU", 3, "Job"]]);
    const err = (await runAndWriteRegister(run, settingsFor()).catch((e: unknown) => e)) as VirkningError;
    expect(err.message).toBe(`Arket "${MAPPING_SHEET_NAME}" findes allerede og er ikke oprettet af Virkning. Omdøb eller slet det, og prøv igen.`);
    expect(grid(wb, MAPPING_SHEET_NAME)).toEqual([["Statuskode", "Uger", "Klasse"], ["SU", 3, "Job"]]);
    expect(wb.getSheet(REGISTER_SHEET_NAME)).toBeUndefined();
    expect(wb.settings.get(REGISTER_STATE_KEY)).toBeUndefined();
  });
});
