/**
 * The preview against Excel where an audit (issue 23, observation 3) found the emulation more
 * lenient or different than Excel; each case names its source in src/preview/workbook:
 * - a defined name (and a formula) into a deleted sheet keeps its address: "=#REF!$B$4" (names.ts);
 * - tables and defined names share one namespace (workbook.ts, api/names.ts);
 * - Range.clear("All") relocks unlocked cells: locking is a format (api/range.ts);
 * - the request size counts every action and object, not only the values (api/base.ts);
 * - PageLayout.setPrintTitleRows takes entire rows only (api/pageLayout.ts);
 * - unprotect() may be refused with AccessDenied on a protected sheet (office-js#6784; injectable);
 * - APIs of ExcelApi 1.9 fail on an older host (see hostProfiles.test.ts for the whole table).
 */
import { renderSheets } from "../../src/excel/render";
import { createPreviewWorkbook, PAYLOAD_LIMIT_BYTES, type PreviewWorkbook } from "../../src/preview/workbook";
import { isLocked } from "../../src/preview/workbook/protectionState";

async function code(wb: PreviewWorkbook, batch: (c: Excel.RequestContext) => void): Promise<string | undefined> {
  try {
    await wb.run(async (c) => {
      batch(c);
      await c.sync();
    });
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe("a reference into a deleted sheet keeps its address", () => {
  test("a defined name reads =#REF!$B$4 with the value #REF!; a cell formula =#REF!B4*2 computes #REF!", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.setValues("Resultat", "B4", [[21]]);
    wb.setCellByUser("Noter", 0, 0, "=Resultat!B4*2");
    await wb.run(async (c) => {
      c.workbook.names.add("Andel", "=Resultat!$B$4");
      await c.sync();
    });
    expect(wb.getSheet("Noter")!.getCell(0, 0)?.value).toBe(42);
    await wb.run(async (c) => {
      c.workbook.worksheets.getItem("Resultat").delete();
      await c.sync();
    });
    const name = await wb.run(async (c) => {
      const n = c.workbook.names.getItem("Andel").load("formula,value,type");
      await c.sync();
      return { formula: n.formula, value: n.value as unknown, type: n.type as string };
    });
    expect(name).toEqual({ formula: "=#REF!$B$4", value: "#REF!", type: "Error" });
    expect(wb.getSheet("Noter")!.getCell(0, 0)).toMatchObject({ formula: "=#REF!B4*2", value: "#REF!" });
    // A new sheet of the old name does not repair them.
    wb.addSheetDirect("Resultat");
    expect(wb.names.find((n) => n.name === "Andel")?.formula).toBe("=#REF!$B$4");
  });
});

describe("tables and defined names share one namespace", () => {
  test("a name cannot take a table's name, nor a table a defined name's; Excel's default table name skips both", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await wb.run(async (c) => {
      c.workbook.worksheets.getItem("Borgere").tables.add("A1:C5", true).name = "tblBorgere";
      c.workbook.names.add("Resultat", "=Noter!$A$1");
      c.workbook.names.add("Tabel2", "=Noter!$A$2");
      await c.sync();
    });
    expect(await code(wb, (c) => c.workbook.names.add("TBLBORGERE", "=Noter!$A$3"))).toBe("ItemAlreadyExists");
    expect(await code(wb, (c) => void (c.workbook.worksheets.getItem("Borgere").tables.getItem("tblBorgere").name = "resultat"))).toBe("InvalidArgument");
    // A worksheet-scoped name counts too.
    await wb.run(async (c) => {
      c.workbook.worksheets.getItem("Noter").names.add("Lokal", "=Noter!$A$4");
      await c.sync();
    });
    expect(await code(wb, (c) => void (c.workbook.worksheets.getItem("Borgere").tables.getItem("tblBorgere").name = "Lokal"))).toBe("InvalidArgument");
    const names = await wb.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Noter");
      ws.getRange("E1:F3").values = [["a", "b"], [1, 2], [3, 4]];
      ws.tables.add("E1:F3", true);
      ws.getRange("H1:I3").values = [["a", "b"], [1, 2], [3, 4]];
      ws.tables.add("H1:I3", true);
      const t = ws.tables.load("items/name");
      await c.sync();
      return t.items.map((x) => x.name);
    });
    expect(names).toEqual(["Tabel1", "Tabel3"]);
    expect(wb.getSheet("Borgere")!.tables.map((t) => t.name)).toEqual(["tblBorgere"]);
  });
});

describe("locking is a cell format", () => {
  test('Range.clear("All") and clear("Formats") lock unlocked cells again; clear("Contents") does not', async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const locked = async (address: string): Promise<boolean | null> =>
      wb.run(async (c) => {
        const p = c.workbook.worksheets.getItem("Noter").getRange(address).format.protection.load("locked");
        await c.sync();
        return p.locked;
      });
    await wb.run(async (c) => {
      c.workbook.worksheets.getItem("Noter").getRange("A1:C1").format.protection.locked = false;
      await c.sync();
    });
    expect(await locked("A1:C1")).toBe(false);
    await wb.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Noter");
      ws.getRange("A1").clear("Contents" as Excel.ClearApplyTo);
      ws.getRange("B1").clear("All" as Excel.ClearApplyTo);
      ws.getRange("C1").clear("Formats" as Excel.ClearApplyTo);
      await c.sync();
    });
    expect([await locked("A1"), await locked("B1"), await locked("C1")]).toEqual([false, true, true]);
    expect(isLocked(wb.getSheet("Noter")!, 0, 1)).toBe(true);
  });
});

describe("the request size counts every action and object, not only the values", () => {
  test("25,000 one-cell writes in one sync are refused (~6 MB of request) although their values are ~25 KB; nothing is applied", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const c = await code(wb, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Noter");
      for (let i = 0; i < 25_000; i++) ws.getRange(`A${i + 101}`).values = [[1]];
    });
    expect(c).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.maxRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(wb.getSheet("Noter")!.getCell(100, 0)).toBeUndefined();
    // The same values as one 2-D write are a small request.
    wb.resetSyncCount();
    expect(await code(wb, (ctx) => void (ctx.workbook.worksheets.getItem("Noter").getRange("A101:A25100").values = Array.from({ length: 25_000 }, () => [1])))).toBeUndefined();
    expect(wb.maxRequestBytes).toBeLessThan(200_000);
  });

  test("the renderer packs many small writes into requests that stay below the budget", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const styles = Array.from({ length: 6_000 }, (_, i) => ({ range: `A${i + 1}`, style: { bold: true, fill: "#DDEEFF", border: "grid" as const } }));
    await renderSheets(wb.run.bind(wb), [{ name: "Mange", cells: [{ address: "A1", values: Array.from({ length: 6_000 }, (_, i) => [`række ${i}`]) }], styles }]);
    expect(wb.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(wb.syncCount).toBeGreaterThan(4); // more than one write request was needed
    expect(wb.getSheet("Mange")!.getCell(5_999, 0)?.value).toBe("række 5999");
  });
});

describe("print titles", () => {
  test("setPrintTitleRows takes entire rows ($1:$2, 1:1) and refuses part of a row (InvalidArgument)", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const set = (rows: string): Promise<string | undefined> => code(wb, (c) => c.workbook.worksheets.getItem("Noter").pageLayout.setPrintTitleRows(rows));
    expect(await set("A1:C1")).toBe("InvalidArgument");
    expect(await set("$1:$2")).toBeUndefined();
    expect(wb.getSheet("Noter")!.pageLayout.printTitleRows).toBe("$1:$2");
    expect(await set("3:3")).toBeUndefined();
    expect(wb.getSheet("Noter")!.pageLayout.printTitleRows).toBe("$3:$3");
  });
});

describe("unprotect refused (office-js#6784)", () => {
  test("with unprotectRefused the preview answers AccessDenied to unprotect() on a protected sheet, and the sheet stays protected", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await wb.run(async (c) => {
      c.workbook.worksheets.getItem("Noter").protection.protect();
      await c.sync();
    });
    wb.unprotectRefused = true;
    expect(await code(wb, (c) => c.workbook.worksheets.getItem("Noter").protection.unprotect())).toBe("AccessDenied");
    const still = await wb.run(async (c) => {
      const p = c.workbook.worksheets.getItem("Noter").protection.load("protected");
      await c.sync();
      return p.protected;
    });
    expect(still).toBe(true);
    wb.unprotectRefused = false;
    expect(await code(wb, (c) => c.workbook.worksheets.getItem("Noter").protection.unprotect())).toBeUndefined();
  });
});

describe("ExcelApi 1.9 on an older host", () => {
  test("shapes, page layout and getSelectedRanges fail with ApiNotFound on ExcelApi 1.8", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.apiVersion = "1.8";
    expect(await code(wb, (c) => void c.workbook.worksheets.getItem("Noter").shapes.addTextBox("x"))).toBe("ApiNotFound");
    expect(await code(wb, (c) => void (c.workbook.worksheets.getItem("Noter").pageLayout.orientation = "Landscape" as Excel.PageOrientation))).toBe("ApiNotFound");
    expect(await code(wb, (c) => void c.workbook.getSelectedRanges().load("areaCount"))).toBe("ApiNotFound");
    wb.apiVersion = "1.9";
    expect(await code(wb, (c) => void c.workbook.getSelectedRanges().load("areaCount"))).toBeUndefined();
  });
});
