/** Workbook state, error mapping, host selection and the sample data. */
import type { ExcelRun } from "../../src/excel/host";
import { VirkningError } from "../../src/core/errors";
import { toUserError } from "../../src/excel/errors";
import { getExcelRun, isSetSupported } from "../../src/excel/host";
import { deleteState, loadState, saveState, STATE_MAX_CHARS, STATE_PART_CHARS } from "../../src/excel/state";
import { SETTINGS_LIMIT_BYTES } from "../../src/preview/workbook/api/settingsLimit";
import { createPreviewWorkbook, EmulatedApiError, type PreviewWorkbook } from "../../src/preview/workbook";
import { sampleCitizens, SAMPLE_STATUSES } from "../../src/preview/sampleData";

const runOf = (wb: PreviewWorkbook): ExcelRun => wb.run.bind(wb);

describe("saveState / loadState", () => {
  test("round trip of analysis settings in 1 sync each; missing key → undefined", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const settings = { version: 1, source: { sheet: "Borgere", address: "A1:M61" }, outcomes: ["Ordinære timer"], alpha: 0.05, note: "æøå" };
    await saveState(runOf(wb), "virkning.test", settings);
    expect(wb.syncCount).toBe(1);
    wb.resetSyncCount();
    expect(await loadState(runOf(wb), "virkning.test")).toEqual(settings);
    expect(wb.syncCount).toBe(1);
    expect(await loadState(runOf(wb), "virkning.andet")).toBeUndefined();
  });

  test("a value above STATE_MAX_CHARS is refused with a Danish message, nothing written; Excel's ~2 MB is never approached", async () => {
    const wb = createPreviewWorkbook();
    const big = { rows: Array.from({ length: 20_000 }, (_, i) => ({ id: `B${i}`, status: "Kontanthjælp – i praktik" })) };
    expect(JSON.stringify(big).length).toBeGreaterThan(STATE_MAX_CHARS);
    const err = (await saveState(runOf(wb), "virkning.big", big).catch((e: unknown) => e)) as VirkningError;
    expect(err.code).toBe("STATE_TOO_LARGE");
    expect(err.message).toMatch(/^Indstillingerne \(virkning\.big\) fylder [\d.]+ tegn, mere end de 300\.000, Virkning gemmer i projektmappen/);
    expect([...wb.settings.keys()]).toEqual([]);
    expect(STATE_MAX_CHARS * 2).toBeLessThan(SETTINGS_LIMIT_BYTES / 3); // ≤ 0.6 MB UTF-8 per value
  });

  test("values stored in parts by earlier versions are read whole; saving again removes the parts", async () => {
    const wb = createPreviewWorkbook();
    const big = { rows: Array.from({ length: 24_000 }, (_, i) => ({ id: `B${i}`, status: "Kontanthjælp – i praktik" })) };
    const json = JSON.stringify(big);
    const parts = Math.ceil(json.length / STATE_PART_CHARS);
    expect(parts).toBe(2);
    wb.setSettingDirect("virkning.old", { $virkningParts: parts });
    for (let i = 0; i < parts; i++) wb.setSettingDirect(`virkning.old#${i + 1}`, json.slice(i * STATE_PART_CHARS, (i + 1) * STATE_PART_CHARS));
    expect(await loadState(runOf(wb), "virkning.old")).toEqual(big);
    await saveState(runOf(wb), "virkning.old", { small: true });
    expect([...wb.settings.keys()]).toEqual(["virkning.old"]);
    expect(await loadState(runOf(wb), "virkning.old")).toEqual({ small: true });
    await deleteState(runOf(wb), "virkning.old");
    expect(await loadState(runOf(wb), "virkning.old")).toBeUndefined();
  });

  test("a damaged value is reported (STATE_DAMAGED), never read as 'nothing stored'", async () => {
    const wb = createPreviewWorkbook();
    wb.setSettingDirect("virkning.x", "{ikke json");
    await expect(loadState(runOf(wb), "virkning.x")).rejects.toMatchObject({ code: "STATE_DAMAGED" });
  });

  test("the preview refuses settings above Excel's ~2 MB in all (office-js#621)", async () => {
    const wb = createPreviewWorkbook();
    const err = await wb
      .run(async (context) => {
        context.workbook.settings.add("a", "x".repeat(1_200_000));
        context.workbook.settings.add("b", "x".repeat(1_200_000));
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect((err as { code: string }).code).toBe("GeneralException");
  });
});

describe("toUserError", () => {
  test("cell edit mode gets the Danish instruction", () => {
    const e = toUserError(new EmulatedApiError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode."));
    expect(e).toBeInstanceOf(VirkningError);
    expect(e.message).toBe("Afslut redigeringen af cellen i Excel, og prøv igen.");
    expect(e.messageEn).toMatch(/^Finish editing the cell in Excel, then try again\./);
    expect(e.code).toBe("EXCEL_InvalidOperationInCellEditMode");
  });

  test("payload, not-found, exists and unknown codes map to Danish sentences; VirkningErrors pass through", () => {
    for (const code of ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "ItemNotFound", "ItemAlreadyExists", "GeneralException", "SomethingNew"]) {
      const e = toUserError({ code, message: "x" });
      expect(e.code).toBe(`EXCEL_${code}`);
      expect(e.message).toMatch(/[æøå]|Excel/);
      expect(e.messageEn).toContain(code === "SomethingNew" ? "SomethingNew" : "");
    }
    const own = new VirkningError("SHEET_NOT_OWNED", "da", "en");
    expect(toUserError(own)).toBe(own);
    expect(toUserError(new Error("boom")).message).toContain("boom");
  });

  test("a real rejection from the emulation maps by its code", async () => {
    const wb = createPreviewWorkbook();
    const err = await wb
      .run(async (context) => {
        context.workbook.worksheets.getItem("Mangler").load("name");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(toUserError(err).code).toBe("EXCEL_ItemNotFound");
  });
});

describe("host", () => {
  afterEach(() => {
    globalThis.__virkningPreview = undefined;
  });

  test("without Office, getExcelRun uses the preview workbook on globalThis, else explains in Danish", async () => {
    expect(() => getExcelRun()).toThrow(/Virkning kører ikke i Excel/);
    const wb = createPreviewWorkbook({ sample: true });
    globalThis.__virkningPreview = wb;
    const names = await getExcelRun()(async (context) => {
      const s = context.workbook.worksheets.load("items/name");
      await context.sync();
      return s.items.map((x) => x.name);
    });
    expect(names).toEqual(["Borgere", "Noter"]);
  });

  test("isSetSupported: the preview claims what Excel on the web has (ExcelApi 1.17) unless lowered", () => {
    expect(isSetSupported("1.9")).toBe(true);
    expect(isSetSupported("1.13")).toBe(true);
    expect(isSetSupported("1.17")).toBe(true);
    expect(isSetSupported("1.18")).toBe(false);
    const wb = createPreviewWorkbook();
    globalThis.__virkningPreview = wb;
    expect(isSetSupported("1.13")).toBe(true);
    wb.apiVersion = "1.8";
    globalThis.__virkningPreview = wb;
    expect(isSetSupported("1.7")).toBe(true);
    expect(isSetSupported("1.9")).toBe(false);
  });
});

describe("sample data", () => {
  const { header, rows } = sampleCitizens();

  test("60 citizens, 30/30 groups, deterministic, IDs not CPR-like", () => {
    expect(rows).toHaveLength(60);
    expect(rows.filter((r) => r[1] === "Indsats")).toHaveLength(30);
    expect(sampleCitizens()).toEqual({ header, rows });
    for (const r of rows) expect(String(r[0])).toMatch(/^B\d{3}$/);
    expect(new Set(rows.map((r) => r[0])).size).toBe(60);
  });

  test("values are in range and statuses start at Kontanthjælp", () => {
    const allowed = new Set<string>(SAMPLE_STATUSES);
    for (const r of rows) {
      expect(r[3]).toEqual(expect.any(Number));
      expect(r[3] as number).toBeGreaterThanOrEqual(18);
      expect(r[3] as number).toBeLessThanOrEqual(64);
      expect(r[8] as number).toBeGreaterThanOrEqual(0);
      expect(r[8] as number).toBeLessThanOrEqual(20);
      expect(r[9]).toBe("Kontanthjælp");
      for (const s of r.slice(10, 13)) if (s !== null) expect(allowed.has(String(s))).toBe(true);
    }
    expect(rows.some((r) => r[12] === null)).toBe(true);
    expect(rows.some((r) => !Number.isInteger(r[8]))).toBe(true);
  });

  test("the intervention group does better at 18 months (fewer still on kontanthjælp)", () => {
    const stillOnBenefit = (g: string): number => rows.filter((r) => r[1] === g && r[12] === "Kontanthjælp").length;
    expect(stillOnBenefit("Indsats")).toBeLessThan(stillOnBenefit("Kontrol"));
  });

  test("the sample workbook: bold header, frozen top row, Noter sheet with text, Borgere active", () => {
    const wb = createPreviewWorkbook({ sample: true });
    const s = wb.getSheet("Borgere")!;
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
    expect(wb.activeSheetName).toBe("Borgere");
    expect(s.frozen).toEqual({ rows: 1, columns: 0 });
    expect(header.map((_, j) => s.getCell(0, j)?.format.bold)).toEqual(header.map(() => true));
    expect(s.columnWidths.get(12)).toBeGreaterThan(48);
    expect(wb.getSheet("Noter")!.getCell(0, 0)?.value).toBe("Noter til evalueringen");
  });
});
