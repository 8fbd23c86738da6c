/**
 * The forsøgsdesign's workbook I/O against the preview workbook: randomising the sample list writes a
 * protected "Randomisering" sheet whose arms and hash equal the independent Python implementation
 * (test/fixtures/design/allocation.json), declines call in the next reserve and are logged in the
 * audit block, and bad input or a changed list writes nothing.
 */
import fixture from "../fixtures/design/allocation.json";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { DESIGN_STATE_KEY, loadDesignSettings, randomise, readTrialMembers, registerDecline, type DesignSettings } from "../../src/excel/designStore";
import { saveState } from "../../src/excel/state";
import { VirkningError } from "../../src/core/errors";
import { designSettingsFor } from "./helpers/designSettings";

const ARM: Record<string, string> = { I: "Indsatsgruppe", C: "Kontrolgruppe", R: "Reserve" };
const NOW = new Date("2026-11-30T08:00:00Z");

function settingsFor(name: string): DesignSettings {
  return designSettingsFor(name);
}

/** The rows of the sheet as displayed values. */
function sheetRows(wb: PreviewWorkbook, name = "Randomisering"): unknown[][] {
  const s = wb.getSheet(name)!;
  const { rowCount, columnCount } = s.usedExtent();
  return Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => s.valueAt(r, c)));
}
/** The allocation list: ID → [Gruppe, Status]. */
function listOf(rows: unknown[][]): Map<string, [unknown, unknown]> {
  const head = rows.findIndex((r) => r[2] === "Tilfældigt tal");
  const out = new Map<string, [unknown, unknown]>();
  for (const r of rows.slice(head + 1)) if (typeof r[0] === "string" && r[0] !== "") out.set(r[0], [r[6], r[7]]);
  return out;
}
const audit = (rows: unknown[][], label: string): unknown => rows.find((r) => r[9] === label)?.[10];

function snapshot(wb: PreviewWorkbook): string {
  return JSON.stringify([wb.sheetNames(), wb.sheetNames().map((n) => sheetRows(wb, n)), [...wb.settings.entries()]]);
}

async function rejection(p: Promise<unknown>): Promise<VirkningError & { code: string }> {
  try {
    await p;
  } catch (e) {
    return e as VirkningError;
  }
  throw new Error("expected a rejection");
}

test("randomising the sample list gives the independent implementation's arms and hash, on a protected sheet", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const name = "sample: Køn x Alder<30, pairs";
  const c = fixture.cases.find((x) => x.name === name)!;
  await randomise(wb.run.bind(wb), settingsFor(name), { lang: "da", now: NOW });
  const rows = sheetRows(wb);
  const list = listOf(rows);
  expect(list.size).toBe(60);
  for (const a of c.allocation) expect(list.get(a.id)?.[0]).toBe(ARM[a.arm]);
  expect(audit(rows, "SHA-256 af listen")).toBe(c.hash);
  expect(audit(rows, "Seed")).toBe(c.seed);
  expect(audit(rows, "Liste")).toBe("Borgere!A1:M61");
  expect(audit(rows, "Randomiseret")).toBe("30. nov. 2026 kl. 09.00");
  // the arms cannot be edited by accident: Excel refuses the write
  const e = await rejection(wb.run(async (context) => {
    context.workbook.worksheets.getItem("Randomisering").getRange("G20").values = [["Indsatsgruppe"]];
    await context.sync();
  }));
  expect(e.code).toBe("AccessDenied");
  const stored = await loadDesignSettings(wb.run.bind(wb));
  expect(stored).toMatchObject({ seed: c.seed, hash: c.hash, createdAt: NOW.toISOString(), declines: [] });
  // the user's list is untouched
  expect(wb.getSheet("Borgere")?.valueAt(1, 0)).toBe("B001");
});

test("declines call in the next reserve of the stratum; the audit block logs them and the sheet stays protected", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  const name = "sample: Køn, seed 2^32-1, 2 reserves, declines";
  const c = fixture.cases.find((x) => x.name === name)! as (typeof fixture.cases)[number] & { declines: string[]; afterDeclines: { log: { declined: string; replacement: string; stratum: number; arm: string }[] } };
  let s = (await randomise(run, settingsFor(name), { lang: "da", now: NOW })).settings;
  s = (await registerDecline(run, s, c.declines[0], { lang: "da", now: new Date("2026-12-01T10:15:00Z") })).settings;
  await registerDecline(run, s, c.declines[1], { lang: "da", now: new Date("2026-12-03T13:45:00Z") });
  const rows = sheetRows(wb);
  const logHead = rows.findIndex((r) => r[9] === "Tidspunkt");
  const log = rows.slice(logHead + 1, logHead + 3).map((r) => r.slice(9, 14));
  expect(log).toEqual(
    c.afterDeclines.log.map((e, i) => [i === 0 ? "1. dec. 2026 kl. 11.15" : "3. dec. 2026 kl. 14.45", e.declined, e.replacement, e.stratum, ARM[e.arm]]),
  );
  const list = listOf(rows);
  const [first, second] = c.afterDeclines.log;
  expect(list.get(first.declined)?.[1]).toBe(`Afslået; erstattet af ${first.replacement}`);
  expect(list.get(second.replacement)?.[1]).toBe(`Kaldt ind i stedet for ${second.declined}`);
  expect(list.get(second.replacement)?.[0]).toBe(ARM[first.arm]);
  expect((await loadDesignSettings(run))?.declines.map((d) => d.id)).toEqual(c.declines);
  await wb.run(async (context) => {
    const p = context.workbook.worksheets.getItem("Randomisering").protection.load("protected");
    await context.sync();
    expect(p.protected).toBe(true);
  });
});

test("bad input is refused and nothing is written: duplicate ID, a second randomisation, a changed list, an unknown ID", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  const settings = settingsFor("sample: Køn, seed 2^32-1, 2 reserves, declines");
  wb.setValues("Borgere", "A5", [["B001"]]);
  let before = snapshot(wb);
  const dup = await rejection(randomise(run, settings, { lang: "da" }));
  expect(dup.code).toBe("DESIGN_DUPLICATE_ID");
  expect(dup.message).toContain("Borgere!A2 og Borgere!A5");
  expect(snapshot(wb)).toBe(before);

  wb.setValues("Borgere", "A5", [["B004"]]);
  const s = (await randomise(run, settings, { lang: "da", now: NOW })).settings;
  before = snapshot(wb);
  expect((await rejection(randomise(run, { ...settings, seed: 1 }, { lang: "da" }))).code).toBe("DESIGN_EXISTS");
  expect((await rejection(registerDecline(run, s, "B999", { lang: "da" }))).message).toContain('ingen borger med ID "B999"');
  expect(snapshot(wb)).toBe(before);

  // B001's Køn changed after the randomisation
  wb.setValues("Borgere", "C2", [[wb.getSheet("Borgere")?.valueAt(1, 2) === "Mand" ? "Kvinde" : "Mand"]]);
  before = snapshot(wb);
  const changed = await rejection(registerDecline(run, s, "B005", { lang: "da" }));
  expect(changed.code).toBe("DESIGN_LIST_CHANGED");
  expect(snapshot(wb)).toBe(before);
});

test("a user's own sheet named Randomisering is neither unprotected nor overwritten", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  wb.setValues("Randomisering", "A1", [["Mine noter"]]);
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem("Randomisering").protection.protect();
    await context.sync();
  });
  const e = await rejection(randomise(wb.run.bind(wb), settingsFor("sample: Køn x Alder<30, pairs"), { lang: "da" }));
  expect(e.code).toBe("SHEET_NOT_OWNED");
  expect(wb.getSheet("Randomisering")?.valueAt(0, 0)).toBe("Mine noter");
  await wb.run(async (context) => {
    const p = context.workbook.worksheets.getItem("Randomisering").protection.load("protected");
    await context.sync();
    expect(p.protected).toBe(true);
  });
  expect(await loadDesignSettings(wb.run.bind(wb))).toBeNull();
});

describe("each kind of bad input is reported with sheet and cell, and the workbook stays as it was", () => {
  const base = settingsFor("sample: Køn x Alder<30, pairs");
  const cases: [string, (wb: PreviewWorkbook) => void, DesignSettings, RegExp][] = [
    ["an empty stratification column", (wb) => wb.setValues("Borgere", "N1", [["Ikke-vestlig"]]), { ...base, strata: [{ index: 13, header: "Ikke-vestlig" }] }, /Kolonnen "Ikke-vestlig" \(Borgere!N1\) er tom/],
    ["an empty cell in a stratification column", (wb) => wb.setValues("Borgere", "C7", [[""]]), base, /Borgere!C7 er tom/],
    ["a stratum with one citizen", () => undefined, { ...base, strata: [{ index: 3, header: "Alder", cuts: [19] }] }, /har kun én borger \(Borgere!A\d+\)/],
    ["a seed that is not an integer", () => undefined, { ...base, seed: 2.5 }, /Seed skal være et helt tal/],
    ["fewer than two citizens", (wb) => wb.getSheet("Borgere")!.clear({ row: 2, column: 0, rowCount: 60, columnCount: 13 }, "All"), base, /har 1 borger\(e\)/],
  ];
  test.each(cases)("%s", async (_name, change, settings, message) => {
    const wb = createPreviewWorkbook({ sample: true });
    change(wb);
    const before = snapshot(wb);
    const e = await rejection(randomise(wb.run.bind(wb), settings, { lang: "da" }));
    expect(e.message).toMatch(message);
    expect(snapshot(wb)).toBe(before);
  });
});

test("damaged stored settings are reported, not used; only an explicit new randomisation replaces them", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  const settings = settingsFor("sample: Køn x Alder<30, pairs");
  await saveState(run, DESIGN_STATE_KEY, { ...settings, seed: "abc", createdAt: "2026-11-01T00:00:00Z" });
  const e = await rejection(loadDesignSettings(run));
  expect(e.code).toBe("DESIGN_SETTINGS_DAMAGED");
  expect(e.message).toContain("(seed)");
  const before = snapshot(wb);
  expect((await rejection(randomise(run, settings, { lang: "da" }))).code).toBe("DESIGN_SETTINGS_DAMAGED");
  expect(snapshot(wb)).toBe(before);
  await randomise(run, settings, { lang: "da", overwrite: true });
  expect((await loadDesignSettings(run))?.seed).toBe(settings.seed);
});

test("for the comparison: the trial's members with arm and stratum, read back from the sheet after declines", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  const name = "sample: Køn, seed 2^32-1, 2 reserves, declines";
  const c = fixture.cases.find((x) => x.name === name)! as (typeof fixture.cases)[number] & { declines: string[]; afterDeclines: { arms: Record<string, string>; status: Record<string, string> } };
  expect((await rejection(readTrialMembers(run))).code).toBe("DESIGN_NO_RANDOMISATION_SHEET");
  let s = (await randomise(run, settingsFor(name), { lang: "da", now: NOW })).settings;
  for (const id of c.declines) s = (await registerDecline(run, s, id, { lang: "da", now: NOW })).settings;
  const m = await readTrialMembers(run);
  const expected = c.allocation.filter((a) => c.afterDeclines.arms[a.id] !== "R" && c.afterDeclines.status[a.id] !== "declined");
  expect(m.size).toBe(expected.length);
  for (const a of expected) expect(m.get(a.id)).toEqual({ arm: c.afterDeclines.arms[a.id] === "I" ? "intervention" : "control", stratum: a.stratum });
});
