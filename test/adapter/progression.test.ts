/**
 * The progression's workbook I/O (src/excel/progressionStore.ts) against the preview workbook: the
 * measurement sheet arrives with its dropdown lists and the overdue conditional format, regeneration
 * after adding a delmål and two citizens keeps every entered score, the analysis writes tables and
 * charts, bad entries are refused with their cell and nothing is written. Also the emulation's
 * refusals for data validation and conditional formats (Excel's rules).
 */
import { TEMPLATES, type ProgrammeTheory } from "../../src/core/theory";
import { MEASUREMENT_SHEET_NAME, PROGRESSION_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { citizensFromComparison, defaultProgressionSettings, generateMeasurementSheet, runAndWriteProgression } from "../../src/excel/progressionStore";
import { readSheetSource, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { suggestSettings } from "../../src/core/analysis";
import { labelHash } from "../../src/core/data";
import { sampleCitizens } from "../../src/preview/sampleData";
import { renderSheets } from "../../src/excel/render";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { conditionalFormatAt, validationAt } from "../../src/preview/workbook/extrasState";
import type { SheetSpec } from "../../src/core/report/sheetSpec";

const theory = TEMPLATES[0].build();
const items = scaleItems(theory);
const START = 46023; // 01-01-2026
const citizens = [
  { id: "P01", group: "Indsats" },
  { id: "P02", group: "Kontrol" },
];

function book(): { wb: PreviewWorkbook; run: PreviewWorkbook["run"] } {
  const wb = createPreviewWorkbook({ sample: true });
  return { wb, run: wb.run.bind(wb) };
}

/** Column of the header that starts with `text` on the measurement sheet (header row 4). */
function col(wb: PreviewWorkbook, text: string): number {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let c = 0; c < s.usedExtent().columnCount; c++) if (String(s.getCell(3, c)?.value ?? "").startsWith(text)) return c;
  throw new Error(`no column ${text}`);
}

/** Row of citizen/round (and rater) on the measurement sheet. */
function rowOf(wb: PreviewWorkbook, citizen: string, round: number): number {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let r = 4; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 0)?.value === citizen && s.getCell(r, 2)?.value === round) return r;
  throw new Error(`no row ${citizen}/${round}`);
}

function type(wb: PreviewWorkbook, citizen: string, round: number, header: string, text: string): void {
  wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(wb, citizen, round), col(wb, header), text);
}

function withItem(t: ProgrammeTheory): ProgrammeTheory {
  const base = t.subGoals.find((g) => g.indicator?.reached.kind === "scale")!;
  return { ...t, subGoals: [...t.subGoals, { id: "D9", name: "Borgeren kan bede om hjælp", description: "", origin: "bruger", indicator: base.indicator }] };
}

describe("measurement sheet", () => {
  test("from a KL template: one row per citizen and round, dropdowns with the scale, overdue rows filled", async () => {
    const { wb, run } = book();
    const report = await generateMeasurementSheet(run, { citizens, startDate: START, theory });
    expect(report.rows).toBe(2 * 8);
    const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
    expect(s.getCell(4, 0)?.value).toBe("P01");
    expect(s.getCell(5, 3)?.value).toBe(START + 42);
    // Through the API, as Excel would answer.
    const dv = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(MEASUREMENT_SHEET_NAME).getRange("G5:G20").dataValidation.load("type,rule");
      const cfs = ctx.workbook.worksheets.getItem(MEASUREMENT_SHEET_NAME).getRange("A5").conditionalFormats.load("items/type");
      await ctx.sync();
      return { type: r.type, rule: r.rule, cf: cfs.items.map((c) => c.type) };
    });
    expect(dv.type).toBe("List");
    expect(dv.rule.list?.source).toBe(items[0].labels.join(","));
    expect(dv.cf).toEqual(["Custom"]);
    expect(validationAt(s, 4, col(wb, "Vurderet af"))?.list.source).toBe("Borger,Sagsbehandler,Anden aktør");
    // Every planned date of 2026 lies before today (30-11-2026 or later) except late rounds; an unscored row
    // whose date has passed is filled, a scored one is not.
    expect(conditionalFormatAt(s, 4, 0)?.fill).toBe("#FCE4D6");
    type(wb, "P01", 1, `${items[0].id}:`, items[0].labels[1]);
    expect(conditionalFormatAt(s, 4, 0)).toBeUndefined();
  });

  test("regeneration after adding a delmål and two citizens keeps every entered score, date and note", async () => {
    const { wb, run } = book();
    await generateMeasurementSheet(run, { citizens, startDate: START, theory });
    type(wb, "P01", 1, `${items[0].id}:`, items[0].labels[0]);
    type(wb, "P01", 2, `${items[0].id}:`, items[0].labels[2]);
    type(wb, "P01", 2, `${items[1].id}:`, items[1].labels[3]);
    type(wb, "P02", 1, `${items[2].id}:`, items[2].labels[4]);
    type(wb, "P02", 1, "Faktisk dato", "05-01-2026");
    type(wb, "P02", 1, "Vurderet af", "Borger");
    type(wb, "P02", 3, "Noter", "Syg, ny tid aftalt");
    const typedDate = wb.getSheet(MEASUREMENT_SHEET_NAME)!.getCell(rowOf(wb, "P02", 1), col(wb, "Faktisk dato"))?.value;
    expect(typedDate).toBeTruthy();
    const before = wb.syncCount;
    const more = [{ id: "N01", group: "Indsats" }, ...citizens, { id: "N02", group: "Kontrol" }];
    const report = await generateMeasurementSheet(run, { citizens: more, startDate: START, theory: withItem(theory) });
    expect(wb.syncCount - before).toBeLessThanOrEqual(2 + 5 + 1); // read (1 + chunks) + regenerating render (5) + the Overblik's record (1)
    expect(report.rows).toBe(4 * 8);
    expect(report.unplaced).toEqual([]);
    const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
    const at = (c: string, r: number, h: string) => s.getCell(rowOf(wb, c, r), col(wb, h))?.value;
    expect(at("P01", 1, `${items[0].id}:`)).toBe(items[0].labels[0]);
    expect(at("P01", 2, `${items[0].id}:`)).toBe(items[0].labels[2]);
    expect(at("P01", 2, `${items[1].id}:`)).toBe(items[1].labels[3]);
    expect(at("P02", 1, `${items[2].id}:`)).toBe(items[2].labels[4]);
    expect(at("P02", 1, "Faktisk dato")).toBe(typedDate);
    expect(at("P02", 1, "Vurderet af")).toBe("Borger");
    expect(at("P02", 3, "Noter")).toBe("Syg, ny tid aftalt");
    expect(at("N02", 8, "D9:")).toBeNull();
    expect(validationAt(s, rowOf(wb, "N02", 8), col(wb, "D9:"))?.list.source).toBe(items[0].labels.join(","));
  });

  test("a user sheet with the name is never overwritten", async () => {
    const { wb, run } = book();
    await run(async (ctx) => {
      ctx.workbook.worksheets.add(MEASUREMENT_SHEET_NAME).getRange("A1").values = [["mine egne tal"]];
      await ctx.sync();
    });
    await expect(generateMeasurementSheet(run, { citizens, startDate: START, theory })).rejects.toMatchObject({ code: "SHEET_NOT_OWNED" });
    expect(wb.getSheet(MEASUREMENT_SHEET_NAME)?.getCell(0, 0)?.value).toBe("mine egne tal");
  });
});

describe("analysis", () => {
  async function filled(): Promise<{ wb: PreviewWorkbook; run: PreviewWorkbook["run"] }> {
    const b = book();
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `C${i + 1}`, group: i % 2 ? "Kontrol" : "Indsats" }));
    await generateMeasurementSheet(b.run, { citizens: many, startDate: START, theory });
    many.forEach((c, i) => {
      type(b.wb, c.id, 1, `${items[0].id}:`, items[0].labels[i % 2]);
      type(b.wb, c.id, 2, `${items[0].id}:`, items[0].labels[(i % 3) + 1]);
      type(b.wb, c.id, 3, `${items[0].id}:`, items[0].labels[Math.min(4, (i % 4) + 1)]);
    });
    return b;
  }

  test("writes the tables with N and test names, and native charts", async () => {
    const { wb, run } = await filled();
    const { result } = await runAndWriteProgression(run, defaultProgressionSettings(), { theory });
    expect(result.citizens).toBe(8);
    const s = wb.getSheet(PROGRESSION_SHEET_NAME)!;
    const text = Array.from({ length: s.usedExtent().rowCount }, (_, r) => Array.from({ length: 12 }, (_, c) => String(s.getCell(r, c)?.value ?? "")).join("|")).join("\n");
    expect(text).toContain("Ændring fra første til seneste måling");
    expect(text).toContain("Wilcoxons test for parrede observationer");
    expect(text).toContain("Indsatsgruppe og kontrolgruppe");
    expect(text).not.toContain("C1|"); // citizen IDs are not copied
    expect(s.charts.length).toBeGreaterThanOrEqual(1);
    expect(s.charts[0].type).toBe("Line");
  });

  test("the results sheet's footer prints page x of y and the date: codes written as codes, read back through the API", async () => {
    const { run } = await filled();
    await runAndWriteProgression(run, defaultProgressionSettings(), { theory });
    const footer = await run(async (ctx) => {
      const hf = ctx.workbook.worksheets.getItem(PROGRESSION_SHEET_NAME).pageLayout.headersFooters.defaultForAllPages.load("leftFooter,centerFooter,rightFooter");
      await ctx.sync();
      return { left: hf.leftFooter, center: hf.centerFooter, right: hf.rightFooter };
    });
    // before: centerFooter "&P / &N" escaped to "&&P / &&N", which prints the letters instead of the numbers
    expect(footer).toEqual({ left: "Virkning 0.1.0", center: "", right: "Side &P af &N · &D" });
  });

  test("a score outside the scale is refused with its cell, and nothing is written", async () => {
    const { wb, run } = await filled();
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(wb, "C3", 2), col(wb, `${items[0].id}:`), "7");
    const err = await runAndWriteProgression(run, defaultProgressionSettings(), { theory }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VALIDATION", message: expect.stringContaining(`${MEASUREMENT_SHEET_NAME}!G${rowOf(wb, "C3", 2) + 1}`) });
    expect(wb.getSheet(PROGRESSION_SHEET_NAME)).toBeUndefined();
  });
});

describe("emulation of Range.dataValidation and conditionalFormats", () => {
  const spec = (extra: Partial<SheetSpec>): SheetSpec => ({ name: "Udfyld", cells: [{ address: "A1", values: [["x"]] }], ...extra });

  test("a list longer than 255 characters is refused by the renderer before anything is written", async () => {
    const { wb, run } = book();
    const long = Array.from({ length: 60 }, (_, i) => `valg${i}`);
    await expect(renderSheets(run, [spec({ dataValidations: [{ range: "A2:A5", list: long }] })])).rejects.toMatchObject({ code: "RENDER_INVALID_SPEC" });
    expect(wb.getSheet("Udfyld")).toBeUndefined();
  });

  test.each([
    ["two criteria in one rule", { list: { inCellDropDown: true, source: "a,b" }, wholeNumber: { formula1: 1, operator: "Between", formula2: 5 } }],
    ["an empty list", { list: { inCellDropDown: true, source: "" } }],
    ["a list over 255 characters", { list: { inCellDropDown: true, source: "x".repeat(256) } }],
  ])("Excel refuses %s (InvalidArgument)", async (_what, rule) => {
    const { run } = book();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Noter").getRange("A1").dataValidation.rule = rule as Excel.DataValidationRule;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("below ExcelApi 1.8 the API is missing, and the renderer leaves the dropdowns out", async () => {
    const { wb, run } = book();
    wb.apiVersion = "1.7";
    globalThis.__virkningPreview = wb;
    try {
      await expect(
        run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Noter").getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "ApiNotFound" });
      await renderSheets(run, [spec({ dataValidations: [{ range: "A2:A5", list: ["a", "b"] }] })]);
      expect(validationAt(wb.getSheet("Udfyld")!, 1, 0)).toBeUndefined();
    } finally {
      globalThis.__virkningPreview = undefined;
    }
  });

  test("a conditional-format formula Excel cannot parse fails the sync; a cell-value rule fills matching cells", async () => {
    const { wb, run } = book();
    await expect(
      run(async (ctx) => {
        const cf = ctx.workbook.worksheets.getItem("Noter").getRange("A1:A3").conditionalFormats.add("Custom");
        cf.custom.rule.formula = "A1>";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Noter");
      ws.getRange("C1:C3").values = [[1], [5], [9]];
      const cf = ws.getRange("C1:C3").conditionalFormats.add("CellValue");
      cf.cellValue.rule = { formula1: "4", formula2: "6", operator: "Between" };
      cf.cellValue.format.fill.color = "#FFC7CE";
      await ctx.sync();
    });
    const s = wb.getSheet("Noter")!;
    expect([0, 1, 2].map((r) => conditionalFormatAt(s, r, 2)?.fill ?? null)).toEqual([null, "#FFC7CE", null]);
  });
});

describe("with the comparison's case data", () => {
  async function setUpComparison(wb: PreviewWorkbook): Promise<void> {
    const input = await readSheetSource(wb.run.bind(wb), "Borgere");
    await saveComparisonSettings(wb.run.bind(wb), suggestSettings(input!, "da"));
  }

  test("citizens come from the data sheet with their groups", async () => {
    const { wb, run } = book();
    await setUpComparison(wb);
    const list = await citizensFromComparison(run);
    const { rows } = sampleCitizens();
    expect(list).toHaveLength(rows.length);
    expect(list[0]).toEqual({ id: String(rows[0][0]), group: String(rows[0][1]) });
  });

  test("a status the user counted as Andet in the comparison (FØP, one citizen) is Andet in the transition tables, and not on the sheet", async () => {
    const { wb, run } = book();
    const input = await readSheetSource(run, "Borgere");
    const settings = suggestSettings(input!, "da");
    const statusClasses = Object.fromEntries(Object.entries(settings.statusClasses).filter(([k]) => k !== "FØP"));
    await saveComparisonSettings(run, { ...settings, statusClasses: { ...statusClasses, Andet: "valid" }, otherLabels: [labelHash("FØP")] });
    const citizens = await citizensFromComparison(run);
    await generateMeasurementSheet(run, { citizens: citizens.slice(0, 6), startDate: START, theory });
    citizens.slice(0, 6).forEach((c, i) => {
      type(wb, c.id, 1, `${items[0].id}:`, items[0].labels[0]);
      type(wb, c.id, 2, `${items[0].id}:`, items[0].labels[1 + (i % 4)]);
    });
    const { transitions } = await runAndWriteProgression(run, { ...defaultProgressionSettings(), compareGroups: false }, { theory });
    expect(transitions!.statuses).toContain("Andet");
    expect(transitions!.statuses).not.toContain("FØP");
    const s = wb.getSheet(PROGRESSION_SHEET_NAME)!;
    const text = Array.from({ length: s.usedExtent().rowCount }, (_, r) => Array.from({ length: s.usedExtent().columnCount }, (_, c) => String(s.getCell(r, c)?.value ?? "")).join("|")).join("\n");
    expect(text).not.toContain("FØP");
  });

  test("status transitions per pair of time points and group, with row totals, and the stacked status chart", async () => {
    const { wb, run } = book();
    await setUpComparison(wb);
    const citizens = await citizensFromComparison(run);
    await generateMeasurementSheet(run, { citizens: citizens.slice(0, 6), startDate: START, theory });
    citizens.slice(0, 6).forEach((c, i) => {
      type(wb, c.id, 1, `${items[0].id}:`, items[0].labels[0]);
      type(wb, c.id, 2, `${items[0].id}:`, items[0].labels[1 + (i % 4)]);
    });
    const { transitions } = await runAndWriteProgression(run, { ...defaultProgressionSettings(), compareGroups: false }, { theory });
    expect(transitions?.groups).toEqual(["intervention", "control"]);
    // Every citizen of a group is in each table once: the row totals add up to the group's size.
    const { rows } = sampleCitizens();
    const nI = rows.filter((r) => r[1] === "Indsats").length;
    for (const t of transitions!.tables.filter((x) => x.group === "intervention")) expect(t.rowTotals.reduce((a, b) => a + b, 0)).toBe(nI);
    // From the data directly: intervention citizens with status S at 0 months and T at 6 months.
    const first = transitions!.tables.find((x) => x.fromMonth === 0 && x.toMonth === 6 && x.group === "intervention")!;
    const labels = transitions!.statuses;
    const a = labels.indexOf(String(rows.find((r) => r[1] === "Indsats")![9]));
    const b = labels.indexOf(String(rows.find((r) => r[1] === "Indsats")![10]));
    const expected = rows.filter((r) => r[1] === "Indsats" && r[9] === labels[a] && r[10] === labels[b]).length;
    expect(first.counts[a][b]).toBe(expected);
    const s = wb.getSheet(PROGRESSION_SHEET_NAME)!;
    expect(s.charts.map((c) => c.type)).toContain("ColumnStacked");
  });
});

