/**
 * The preview workbook behaves like Excel's JavaScript API where src/excel depends on it:
 * load/sync, null objects, errors, sync counting, payload limits, input parsing.
 */
import { createPreviewWorkbook, parseDanishInput } from "../../src/preview/workbook";

async function rejection(p: Promise<unknown>): Promise<{ code?: string; name?: string; message?: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; name?: string; message?: string };
  }
  throw new Error("expected a rejection");
}

describe("load and sync", () => {
  test("reading a property before load+sync throws PropertyNotLoaded; after sync it is readable", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Borgere").getRange("A1:B2");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(/call the load method on the containing object and call "context.sync\(\)"/);
      await context.sync();
      expect(r.values).toEqual([
        ["ID", "Gruppe"],
        ["B001", expect.stringMatching(/^(Indsats|Kontrol)$/)],
      ]);
      // Not loaded: still throws.
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded", name: "RichApi.Error" }));
    });
  });

  test("load accepts comma lists, arrays, {select} and nested paths", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Borgere");
      const a = ws.getRange("A1").load("address, values");
      const b = ws.getRange("B1:C1").load(["rowCount", "columnCount"]);
      const c = ws.getRange("A1").load({ select: "rowIndex,columnIndex" });
      const d = ws.getRange("A1").load("format/font/bold");
      await context.sync();
      expect(a.address).toBe("Borgere!A1");
      expect(a.values).toEqual([["ID"]]);
      expect([b.rowCount, b.columnCount]).toEqual([1, 2]);
      expect([c.rowIndex, c.columnIndex]).toEqual([0, 0]);
      expect(d.format.font.bold).toBe(true);
    });
  });

  test("writes are queued and take effect only at sync; a value just set cannot be read without load", async () => {
    const wb = createPreviewWorkbook();
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Ark1").getRange("B2");
      r.values = [[42]];
      expect(wb.getSheet("Ark1")!.getCell(1, 1)).toBeUndefined();
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(wb.getSheet("Ark1")!.getCell(1, 1)?.value).toBe(42);
    });
  });

  test("queued actions run in order: a used range instantiated after a write sees it", async () => {
    const wb = createPreviewWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Ark1");
      ws.getRange("C5").values = [["x"]];
      const used = ws.getUsedRange().load("address");
      await context.sync();
      expect(used.address).toBe("Ark1!C5");
    });
  });

  test("loaded values are a snapshot at the sync, not live", async () => {
    const wb = createPreviewWorkbook();
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Ark1").getRange("A1").load("values");
      await context.sync();
      wb.setValues("Ark1", "A1", [[7]]);
      expect(r.values).toEqual([[""]]);
    });
  });
});

describe("items, null objects and errors", () => {
  test("getItemOrNullObject: isNullObject needs a sync; then true for a missing sheet and false for an existing one", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await wb.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Findes ikke");
      const there = context.workbook.worksheets.getItemOrNullObject("noter"); // case-insensitive like Excel
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  test("getItem on a missing sheet rejects the sync with ItemNotFound (RichApi.Error)", async () => {
    const wb = createPreviewWorkbook();
    const e = await rejection(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      }),
    );
    expect(e).toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
  });

  test("adding an existing sheet name (any case) rejects with ItemAlreadyExists; invalid names with InvalidArgument", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const dup = await rejection(
      wb.run(async (context) => {
        context.workbook.worksheets.add("BORGERE");
        await context.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
    for (const bad of ["a/b", "x".repeat(32), "[x]", "Hvad?"]) {
      const e = await rejection(
        wb.run(async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
  });

  test("table names are unique in the workbook", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Ark1", "A1", [["a"], [1]]);
    wb.setValues("Ark2", "A1", [["b"], [2]]);
    const e = await rejection(
      wb.run(async (context) => {
        const t1 = context.workbook.worksheets.getItem("Ark1").tables.add("A1:A2", true);
        t1.name = "Data";
        const t2 = context.workbook.worksheets.getItem("Ark2").tables.add("A1:A2", true);
        t2.name = "data";
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemAlreadyExists");
    expect(wb.getSheet("Ark1")!.tables.map((t) => t.name)).toEqual(["Data"]);
  });

  test("an error stops the batch at the failing action; earlier actions stay applied", async () => {
    const wb = createPreviewWorkbook();
    await rejection(
      wb.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Ark1");
        ws.getRange("A1").values = [["før"]];
        ws.getRange("A2:B2").values = [[1]]; // wrong dimensions
        ws.getRange("A3").values = [["efter"]];
        await context.sync();
      }),
    );
    const s = wb.getSheet("Ark1")!;
    expect(s.getCell(0, 0)?.value).toBe("før");
    expect(s.getCell(2, 0)).toBeUndefined();
  });
});

describe("sync counting", () => {
  test("every context.sync counts; Excel.run's final sync counts only with pending work", async () => {
    const wb = createPreviewWorkbook();
    await wb.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    expect(wb.syncCount).toBe(2);
    wb.resetSyncCount();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1").getRange("A1").values = [[1]];
    });
    expect(wb.syncCount).toBe(1);
    expect(wb.getSheet("Ark1")!.getCell(0, 0)?.value).toBe(1);
    wb.resetSyncCount();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1"); // a look-up alone sends nothing
    });
    expect(wb.syncCount).toBe(0);
  });

  test("subscribers hear about syncs that changed something, not about read-only syncs", async () => {
    const wb = createPreviewWorkbook();
    const calls: number[] = [];
    const off = wb.subscribe(() => calls.push(wb.syncCount));
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1").getRange("A1").load("values");
      await context.sync();
      context.workbook.worksheets.getItem("Ark1").getRange("A1").values = [["x"]];
      await context.sync();
    });
    off();
    expect(calls).toEqual([2]);
  });
});

describe("payload limits (Excel on the web: 5 MB)", () => {
  test("a write above 5 MB in one sync is rejected and nothing is applied", async () => {
    const wb = createPreviewWorkbook();
    const big = Array.from({ length: 150_000 }, (_, i) => [`tekst nummer ${i} med lidt fyld`, i, i * 2.5]);
    const e = await rejection(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Ark1").getRange(`A1:C${big.length}`).values = big;
        await context.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.getSheet("Ark1")!.usedExtent()).toEqual({ rowCount: 0, columnCount: 0 });
  });

  test("a read above 5 MB in one sync is rejected; half of it passes", async () => {
    const wb = createPreviewWorkbook();
    const rows = Array.from({ length: 150_000 }, (_, i) => [`borger ${i} med en lang tekst`, i, i % 7]);
    expect(JSON.stringify(rows).length).toBeGreaterThan(5 * 1024 * 1024);
    wb.setValues("Ark1", "A1", rows);
    const e = await rejection(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Ark1").getRange("A1:C150000").load("values");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    const half = await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Ark1").getRange("A1:C75000").load("values");
      await context.sync();
      return r.values;
    });
    expect(half).toHaveLength(75_000);
    expect(half[74_999]).toEqual(["borger 74999 med en lang tekst", 74_999, 74_999 % 7]);
  });
});

describe("cells", () => {
  test("values broadcast a single value; numberFormat too; empty cells read as empty strings", async () => {
    const wb = createPreviewWorkbook();
    const out = await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Ark1").getRange("A1:B2");
      r.values = 5 as unknown as number[][];
      r.numberFormat = "0.0" as unknown as string[][];
      const e = context.workbook.worksheets.getItem("Ark1").getRange("C1");
      r.load("values,numberFormat");
      e.load("values");
      await context.sync();
      return { v: r.values, nf: r.numberFormat, e: e.values };
    });
    expect(out.v).toEqual([
      [5, 5],
      [5, 5],
    ]);
    expect(out.nf).toEqual([
      ["0.0", "0.0"],
      ["0.0", "0.0"],
    ]);
    expect(out.e).toEqual([[""]]);
  });

  test("formulas are computed (SUM, COUNTIF, AVERAGE, arithmetic, references to other sheets)", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const v = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.add("Beregn");
      ws.getRange("A1:A3").values = [[1], [2], [4]];
      const f = ws.getRange("B1:B5");
      f.formulas = [["=SUM(A1:A3)"], ["=AVERAGE(A1:A3)"], ['=COUNTIF(Borgere!B:B,"Indsats")'], ["=A3/A1*10%"], ["=A1/0"]];
      f.load("values,formulas");
      await context.sync();
      return { values: f.values, formulas: f.formulas };
    });
    expect(v.values).toEqual([[7], [7 / 3], [30], [0.4], ["#DIV/0!"]]);
    expect(v.formulas[2]).toEqual(['=COUNTIF(Borgere!B:B,"Indsats")']);
  });

  test("text written through values is parsed like Excel: numbers, quote prefix, '-' as formula", async () => {
    const wb = createPreviewWorkbook();
    const v = await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Ark1").getRange("A1:D1");
      r.values = [["12", "'12", "hej", "TRUE"]];
      r.load("values,valueTypes");
      await context.sync();
      return { values: r.values, types: r.valueTypes };
    });
    expect(v.values).toEqual([[12, "12", "hej", true]]);
    expect(v.types).toEqual([["Double", "String", "String", "Boolean"]]);
  });

  test("getSurroundingRegion finds the block bounded by empty rows and columns", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Ark1", "B2", [
      ["a", "b", "c"],
      [1, null, 3],
      [4, 5, 6],
    ]);
    wb.setValues("Ark1", "G10", [["langt væk"]]);
    const address = await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Ark1").getRange("C3").getSurroundingRegion().load("address");
      await context.sync();
      return r.address;
    });
    expect(address).toBe("Ark1!B2:D4");
  });

  test("merge keeps the upper-left value; getMergedAreasOrNullObject reports merges", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Ark1", "A1", [
      ["titel", "x"],
      [1, 2],
    ]);
    const r = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Ark1");
      ws.getRange("A1:B1").merge();
      const m = ws.getRange("A1:B2").getMergedAreasOrNullObject().load("address,areaCount");
      const none = ws.getRange("A2:B2").getMergedAreasOrNullObject();
      await context.sync();
      return { address: m.address, count: m.areaCount, noneIsNull: none.isNullObject };
    });
    expect(r).toEqual({ address: "Ark1!A1:B1", count: 1, noneIsNull: true });
    expect(wb.getSheet("Ark1")!.getCell(0, 1)?.value ?? null).toBeNull();
    expect(wb.getSheet("Ark1")!.getCell(0, 0)?.value).toBe("titel");
  });
});

describe("typing into the grid (Danish locale)", () => {
  test.each([
    ["12,5", 12.5],
    ["1.234", 1234],
    ["-3", -3],
    ["1.234.567,25", 1234567.25],
    ["12.5", "12.5"],
    ["Kontanthjælp", "Kontanthjælp"],
    ["", null],
    ["SAND", true],
  ])("%j → %j", (text, value) => {
    expect(parseDanishInput(text).value).toEqual(value);
  });

  test("setCellByUser stores the parsed value and notifies", () => {
    const wb = createPreviewWorkbook({ sample: true });
    let n = 0;
    wb.subscribe(() => n++);
    wb.setCellByUser("Borgere", 1, 3, "45,5");
    expect(wb.getSheet("Borgere")!.getCell(1, 3)?.value).toBe(45.5);
    wb.setCellByUser("Borgere", 1, 3, "");
    expect(wb.getSheet("Borgere")!.getCell(1, 3)?.value ?? null).toBeNull();
    expect(n).toBe(2);
  });
});

describe("object helpers", () => {
  test("set({...}) sets properties including nested format; sync passes a value through", async () => {
    const wb = createPreviewWorkbook();
    const out = await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Ark1").getRange("A1:B1");
      r.set({ values: [["a", "b"]], format: { font: { bold: true }, fill: { color: "#FFEE00" } } } as unknown as Excel.Interfaces.RangeUpdateData);
      return context.sync("videre");
    });
    expect(out).toBe("videre");
    expect(wb.getSheet("Ark1")!.getCell(0, 1)).toMatchObject({ value: "b", format: { bold: true, fill: "#FFEE00" } });
  });

  test("collections: items need a load; items/name loads names; nested item paths work", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await wb.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Noter").tables.add("A1:A3", true);
      t.name = "tblNoter";
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      const tables = context.workbook.tables.load("items/name,items/worksheet/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Borgere", "Noter"]);
      expect(() => sheets.items[0].id).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(tables.items.map((x) => [x.name, x.worksheet.name])).toEqual([["tblNoter", "Noter"]]);
    });
  });
});

describe("Range.text", () => {
  test("shows values with their number format as a Danish user sees them", async () => {
    const wb = createPreviewWorkbook();
    const text = await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Ark1").getRange("A1:C1");
      r.values = [[0.125, 1234.5, "tekst"]];
      r.numberFormat = [["0.0%", "#,##0.00", "General"]];
      r.load("text");
      await context.sync();
      return r.text;
    });
    expect(text).toEqual([["12,5%", "1.234,50", "tekst"]]);
  });
});
