/**
 * Issue 21 item 2: the comparison takes its groups from the "Randomisering" sheet (intention to treat)
 * and the design's strata as its default stratified analysis, against the preview workbook. The expected
 * arms, strata and trial membership come from the independent Python implementation of the design
 * (test/fixtures/design/allocation.json, the case with reserves and two declines), not from the code
 * under test; the expected numbers from a comparison run on a table built by hand from those arms.
 */
import fixture from "../fixtures/design/allocation.json";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { randomise, registerDecline } from "../../src/excel/designStore";
import { COMPARISON_STATE_KEY, loadComparisonSettings, readSelectionSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { runComparison, suggestSettings, type ComparisonSettings } from "../../src/core/analysis";
import { designSettingsFor } from "./helpers/designSettings";

const CASE = "sample: Køn, seed 2^32-1, 2 reserves, declines";
const c = fixture.cases.find((x) => x.name === CASE)! as (typeof fixture.cases)[number] & { declines: string[]; afterDeclines: { arms: Record<string, string>; status: Record<string, string> } };
const NOW = new Date("2026-12-01T08:00:00Z");
const STATUSES = ["Jobparat", "Fleksjob", "Revalidering", "Uddannelse"];
const COLS = { id: 0, group: 1, status6: 10, status12: 11 };

/** In the trial per the fixture: not a reserve left over, not declined. */
const members = c.allocation.filter((a) => c.afterDeclines.arms[a.id] !== "R" && c.afterDeclines.status[a.id] !== "declined");
const armOf = new Map(members.map((a) => [a.id, c.afterDeclines.arms[a.id] === "I" ? "Indsats" : "Kontrol"]));
const stratumOf = new Map(members.map((a) => [a.id, a.stratum]));

async function randomised(): Promise<PreviewWorkbook> {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  let s = (await randomise(run, designSettingsFor(CASE), { lang: "da", now: NOW })).settings;
  for (const id of c.declines) s = (await registerDecline(run, s, id, { lang: "da", now: NOW })).settings;
  return wb;
}

async function settingsFor(wb: PreviewWorkbook, extra: Partial<ComparisonSettings>): Promise<ComparisonSettings> {
  wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
  const s = suggestSettings((await readSelectionSource(wb.run.bind(wb)))!, "da");
  return { ...s, outcomes: [{ id: "udfald", name: "Udfald", statuses: STATUSES }], ...extra };
}

/** Every cell of a sheet as text. */
function sheetText(wb: PreviewWorkbook, name: string): string[] {
  const s = wb.getSheet(name)!;
  const { rowCount, columnCount } = s.usedExtent();
  const out: string[] = [];
  for (let r = 0; r < rowCount; r++) for (let col = 0; col < columnCount; col++) out.push(String(s.getCell(r, col)?.value ?? ""));
  return out;
}

/** The data sheet's rows as the test sees them (header row 0). */
function dataRows(wb: PreviewWorkbook): unknown[][] {
  const s = wb.getSheet("Borgere")!;
  const { rowCount, columnCount } = s.usedExtent();
  return Array.from({ length: rowCount - 1 }, (_, r) => Array.from({ length: columnCount }, (_, col) => s.getCell(r + 1, col)?.value ?? null));
}

/** The comparison by hand: the trial's citizens in the data with the fixture's arms and strata as plain columns. */
function byHand(wb: PreviewWorkbook, settings: ComparisonSettings) {
  const rows = dataRows(wb).filter((r) => armOf.has(String(r[COLS.id])));
  const input = {
    sheet: "Hånd",
    address: `A1:D${rows.length + 1}`,
    header: ["ID", "Gruppe", "Stratum", "Status 6 mdr"],
    rows: rows.map((r) => [r[COLS.id], armOf.get(String(r[COLS.id]))!, `S${stratumOf.get(String(r[COLS.id]))}`, r[COLS.status6]] as (string | number | null)[]),
  };
  const s: ComparisonSettings = {
    ...settings,
    source: { sheet: "Hånd", address: input.address, layout: "wide", header: input.header },
    columns: { id: 0, group: 1, baseline: [{ column: 2, type: "categorical" }], timepoints: [{ column: 3, month: 6 }] },
    groupMap: {},
    strata: [2],
  };
  return { rows, result: runComparison(input, s, NOW) };
}

describe("the comparison from Randomisering", () => {
  it("analyses as randomised (ITT), stratifies by the design's strata, counts mismatches and stores no IDs", async () => {
    const wb = await randomised();
    const run = wb.run.bind(wb);
    // the data sheet: one trial member's ID mistyped (so one ID not randomised, one member missing from the data)
    const victim = members[3].id;
    const row = dataRows(wb).findIndex((r) => r[COLS.id] === victim) + 1;
    wb.setCellByUser("Borgere", row, COLS.id, "X901");
    const base = await settingsFor(wb, { randomisation: { strata: true }, adjustment: { covariates: [] } });
    const only6 = { ...base, columns: { ...base.columns, timepoints: base.columns.timepoints.filter((t) => t.month === 6) } };
    const out = await runAndWriteComparison(run, only6, { lang: "da", now: NOW });

    // ITT: N per arm and the outcome counts are those of the fixture's arms, not the data's Gruppe column
    const hand = byHand(wb, only6);
    const got = out.result.outcomes[0].rows[0];
    const want = hand.result.outcomes[0].rows[0];
    expect(got.counts).toEqual(want.counts);
    expect(out.result.header.citizens).toEqual(hand.result.header.citizens);
    expect(out.result.header.citizens.total).toBe(members.length - 1);
    // the design's strata are the stratified analysis, and the adjusted analysis's covariate by default
    expect(out.result.stratification?.variables).toEqual(["Stratum (randomiseret)"]);
    expect(got.stratified?.strata).toBe(want.stratified?.strata);
    expect(got.stratified?.riskDifference?.estimate).toBeCloseTo(want.stratified!.riskDifference!.estimate, 12);
    expect(got.stratified?.test?.pValue).toBeCloseTo(want.stratified!.test!.pValue, 12);
    expect(out.result.adjustment?.covariates).toEqual(["Stratum (randomiseret)"]);

    // mismatch counts, computed here from the fixture and the data sheet
    const data = dataRows(wb);
    const dataIds = new Set(data.map((r) => String(r[COLS.id])));
    const outside = data.filter((r) => !armOf.has(String(r[COLS.id])) && c.allocation.some((a) => a.id === r[COLS.id])).length;
    const other = data.filter((r) => armOf.has(String(r[COLS.id])) && armOf.get(String(r[COLS.id])) !== r[COLS.group]).length;
    expect(out.trial?.mismatch).toEqual({ notRandomised: 1, outsideTrial: outside, missingFromData: members.filter((m) => !dataIds.has(m.id)).length, otherGroup: other });
    expect(outside).toBe(60 - members.length);
    expect(other).toBeGreaterThan(0);

    // the result sheet's notes give the counts, never an ID
    const cells = sheetText(wb, "Sammenligning");
    const text = cells.join("\n");
    expect(text).toContain("Grupper fra arket Randomisering (intention to treat)");
    expect(text).toContain(`1 ID i data findes ikke på arket Randomisering`);
    expect(text).toContain(`${outside} ID'er i data står på Randomisering, men er ikke med i forsøget`);
    expect(text).toContain(`${other} borgere har en anden gruppe i data end den randomiserede`);
    expect(text).toContain("randomiseringens 2 strata");
    const ids = [...c.allocation.map((a) => a.id), "X901"];
    for (const id of ids) expect(cells.some((v) => v.includes(id))).toBe(false);
    // the stored settings hold the choice, not an ID
    await saveComparisonSettings(run, out.settings);
    const stored = String(wb.settings.get(COMPARISON_STATE_KEY));
    expect((JSON.parse(JSON.parse(stored) as string) as { analyses: ComparisonSettings[] }).analyses[0].randomisation).toEqual({ strata: true });
    for (const id of ids) expect(stored.includes(id)).toBe(false);
  });

  it("Kør igen keeps the source: the stored settings run from Randomisering again with the same numbers", async () => {
    const wb = await randomised();
    const run = wb.run.bind(wb);
    const first = await runAndWriteComparison(run, await settingsFor(wb, { randomisation: { strata: true } }), { lang: "da", now: NOW });
    await saveComparisonSettings(run, first.settings);
    const loaded = (await loadComparisonSettings(run))!;
    expect(loaded.randomisation).toEqual({ strata: true });
    const again = await runAndWriteComparison(run, loaded, { lang: "da", now: NOW });
    expect(again.result.outcomes).toEqual(first.result.outcomes);
    expect(again.result.header.citizens.total).toBe(members.length);
    expect(again.trial?.mismatch.missingFromData).toBe(0);
    expect(sheetText(wb, "Sammenligning").join("\n")).toContain("Grupper fra arket Randomisering");
  });

  it("without the design's strata the user's own strata stay; a damaged choice is refused by the schema", async () => {
    const wb = await randomised();
    const run = wb.run.bind(wb);
    const out = await runAndWriteComparison(run, await settingsFor(wb, { randomisation: { strata: false } }), { lang: "da", now: NOW });
    expect(out.result.stratification).toBeUndefined();
    expect(out.result.header.citizens.total).toBe(members.length);
    wb.setSettingDirect(COMPARISON_STATE_KEY, JSON.stringify({ ...(await settingsFor(wb, {})), randomisation: { strata: "ja" } }));
    const err = (await loadComparisonSettings(run).catch((e: unknown) => e)) as { code: string; message: string };
    expect(err.code).toBe("SETTINGS_INVALID");
    expect(err.message).toContain("randomisation.strata");
  });

  it("refuses plainly when the settings ask for Randomisering and there is none; nothing is written", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const before = wb.sheetNames();
    const err = await runAndWriteComparison(wb.run.bind(wb), await settingsFor(wb, { randomisation: { strata: true } }), { lang: "da", now: NOW }).then(() => ({ code: "none" }), (e: unknown) => e as { code: string });
    expect(err.code).toBe("DESIGN_NO_RANDOMISATION_SHEET");
    expect(wb.sheetNames()).toEqual(before);
  });
});
