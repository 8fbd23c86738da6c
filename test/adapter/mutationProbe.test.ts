/**
 * Issue 23 item 7: behaviours of the Excel layer that a one-line bug could break without any other
 * test noticing. Each test names the one-line bug it was seen to fail on (applied alone).
 */
import type { SheetSpec } from "../../src/core/report/sheetSpec";
import type { ExcelRun } from "../../src/excel/host";
import { FIRST_CHUNK_BYTES_PER_CELL, jsonBytes, READ_BUDGET_BYTES, readCells, rowsPerChunk } from "../../src/excel/read";
import { renderSheets } from "../../src/excel/render";
import { readRegister } from "../../src/excel/state";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { Range } from "../../src/preview/workbook/api/range";
import { utf8Bytes } from "../../src/preview/workbook/coerce";

const runOf = (wb: PreviewWorkbook): ExcelRun => wb.run.bind(wb) as ExcelRun;

function spec(label: string, name = "Resultater"): SheetSpec {
  return {
    name,
    cells: [{ address: "A1", values: [["Overskrift", label]] }, { address: "A3", values: [["Gruppe", "Andel"], ["Indsats", 0.3]] }],
    names: [{ name: "Virkning.Resultater.Andel", cell: "B4" }],
  };
}

const markOf = (wb: PreviewWorkbook, sheet: string): string | undefined =>
  wb.names.find((n) => n.sheet?.name === sheet && n.name === "Virkning_ejer")?.formula;

describe("ownership and the names we maintain", () => {
  test("a user's own defined name with one of our names is never repointed", async () => {
    // Catches: `if (p.existingNames.has(n.name))` without `&& p.register.names.includes(n.name)` in render.ts.
    const wb = createPreviewWorkbook({ sample: true });
    await wb.run(async (context) => {
      context.workbook.names.add("Virkning.Resultater.Andel", context.workbook.worksheets.getItem("Noter").getRange("A1"));
      await context.sync();
    });
    const before = wb.names.find((n) => n.name === "Virkning.Resultater.Andel")!.formula;
    expect(before).toMatch(/^=Noter!\$A\$1$/);
    await renderSheets(runOf(wb), [spec("ny")]);
    expect(wb.getSheet("Resultater")!.getCell(0, 1)?.value).toBe("ny");
    expect(wb.names.filter((n) => n.name === "Virkning.Resultater.Andel").map((n) => n.formula)).toEqual([before]);
    await renderSheets(runOf(wb), [spec("igen")]);
    expect(wb.names.find((n) => n.name === "Virkning.Resultater.Andel")!.formula).toBe(before);
    expect((await readRegister(runOf(wb))).names).not.toContain("Virkning.Resultater.Andel");
  });

  test("a sheet from the old register (ids only) is marked when rewritten, so it stays ours after reopening", async () => {
    // Catches: the `if (target.token === "") ops.push(op(() => queueMark(...)))` line in render.ts dropped.
    const wb = createPreviewWorkbook({ sample: true });
    const old = wb.addSheetDirect("Resultater");
    wb.setSettingDirect("virkning.ownedSheets", JSON.stringify([{ id: old.id, name: "Resultater" }]));
    expect(markOf(wb, "Resultater")).toBeUndefined();
    await renderSheets(runOf(wb), [spec("omskrevet")]);
    const reg = await readRegister(runOf(wb));
    const entry = reg.sheets.find((s) => s.name === "Resultater")!;
    expect(entry.token).toMatch(/^[0-9a-f]{32}$/);
    expect(markOf(wb, "Resultater")).toBe(`="${entry.token}"`);
    wb.reopen();
    await renderSheets(runOf(wb), [spec("efter genåbning")]);
    expect(wb.getSheet("Resultater")!.getCell(0, 1)?.value).toBe("efter genåbning");
  });

  test("a user's copy of one of our sheets (same mark, another name) is the user's", async () => {
    // Catches: `if (carriers.length === 1) return e;` made unconditional (`return e;`) in ownerEntry.
    const wb = createPreviewWorkbook({ sample: true });
    await renderSheets(runOf(wb), [spec("vores")]);
    const mark = markOf(wb, "Resultater")!;
    // Excel's Worksheet.copy() copies the sheet's scoped names, our mark included.
    await wb.run(async (context) => {
      const copy = context.workbook.worksheets.add("Resultater (2)");
      copy.getRange("A1:B1").values = [["Min kopi", "mine tal"]];
      copy.names.add("Virkning_ejer", mark).visible = false;
      await context.sync();
    });
    expect(markOf(wb, "Resultater (2)")).toBe(mark);
    await expect(renderSheets(runOf(wb), [spec("over kopien", "Resultater (2)")])).rejects.toMatchObject({ code: "SHEET_NOT_OWNED" });
    expect(wb.getSheet("Resultater (2)")!.getCell(0, 1)?.value).toBe("mine tal");
    await renderSheets(runOf(wb), [spec("vores igen")]);
    expect(wb.getSheet("Resultater")!.getCell(0, 1)?.value).toBe("vores igen");
    expect(wb.getSheet("Resultater (2)")!.getCell(0, 1)?.value).toBe("mine tal");
  });
});

describe("a block's number format is set before its values", () => {
  // Catches: the `range.numberFormat = …` line moved after `range.values = …` in renderOps.ts valueOps.
  test('text in a block formatted "@" stays the text the user sees, not a number or date Excel made of it', async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const texts = ["00123", "1-2", "3/4", "1e5", "12,5", "TRUE"];
    await renderSheets(runOf(wb), [{ name: "Resultater", cells: [{ address: "A1", values: texts.map((t) => [t]), numberFormat: "@" }] }]);
    const s = wb.getSheet("Resultater")!;
    expect(texts.map((_, i) => s.getCell(i, 0)?.value)).toEqual(texts);
    expect(texts.map((_, i) => s.getCell(i, 0)?.numberFormat)).toEqual(texts.map(() => "@"));
  });

  test("on every range of a block, the format is queued before the values or formulas", async () => {
    // Excel converts an entry by the cell's format at the time it is written (notes: "write it … into
    // cells formatted '@' first"); the quote prefix covers today's strings, the order covers the rest.
    const wb = createPreviewWorkbook({ sample: true });
    const order = new Map<object, string[]>();
    const proto = Range.prototype as unknown as { _write: (name: string, v: unknown) => void };
    const base = proto._write;
    const write = jest.spyOn(proto, "_write").mockImplementation(function (this: object, name: string, v: unknown) {
      order.set(this, [...(order.get(this) ?? []), name]);
      base.call(this, name, v);
    });
    try {
      await renderSheets(runOf(wb), [{ name: "Resultater", cells: [{ address: "A1", values: [["00123"], [0.25]], numberFormat: "@" }, { address: "C1", values: [[0.5]], numberFormat: "0%" }] }]);
    } finally {
      write.mockRestore();
    }
    const blocks = [...order.values()].filter((names) => names.includes("numberFormat") && names.some((n) => n === "values" || n === "formulas"));
    expect(blocks).toHaveLength(2);
    for (const names of blocks) expect(names.indexOf("numberFormat")).toBeLessThan(names.findIndex((n) => n === "values" || n === "formulas"));
    expect(wb.getSheet("Resultater")!.getCell(0, 0)?.value).toBe("00123");
  });
});

describe("payload bytes are UTF-8 bytes: æ, ø, å count 2", () => {
  // Catches: `n += c >= 0x800 ? 2 : 1` changed to count 2-byte characters as 1 (jsonBytes, read.ts),
  // and `else if (c < 0x800) n += 2` changed to `n += 1` (utf8Bytes, the preview's payload count).
  const samples: unknown[] = [["æøå"], ["Kontanthjælp", "Fraflyttet", 12.5, null], ["€ 100"], ["borger 😀"], ["ÆØÅ", "é", "ß"], "plain"];
  test.each(samples.map((s) => [JSON.stringify(s), s]))("the reader's estimate of %s is Node's UTF-8 byte length", (_l, s) => {
    expect(jsonBytes(s)).toBe(Buffer.byteLength(JSON.stringify(s), "utf8"));
  });
  test.each(["æøå", "Kontanthjælp – i praktik", "€", "😀", "ÆØÅ é ß"])("the preview counts %s as Node's UTF-8 byte length", (s) => {
    expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, "utf8"));
  });
  test("a read of æ-heavy text stays below the reader's budget without a rejected chunk", async () => {
    const wb = createPreviewWorkbook();
    const long = "æ".repeat(30_000);
    // Short rows fill the first chunk (41,666 rows); the one long row among them sizes the next chunks.
    const first = rowsPerChunk(FIRST_CHUNK_BYTES_PER_CELL * 2);
    const rows = [["ID", "Noter"], ["B0", long], ...Array.from({ length: first - 2 }, (_, i) => [`B${i + 1}`, "kort"]), ...Array.from({ length: 200 }, (_, i) => [`C${i}`, long])];
    wb.setValues("Data", "A1", rows);
    wb.resetSyncCount();
    const read = await wb.run(async (context) => readCells(context, context.workbook.worksheets.getItem("Data"), { row: 0, column: 0, rowCount: rows.length, columnCount: 2 }));
    expect(read.values).toHaveLength(rows.length);
    expect(read.values[rows.length - 1][1]).toBe(long);
    expect(wb.maxResponseBytes).toBeLessThan(READ_BUDGET_BYTES);
    // 1 first chunk + 200 long rows in chunks of 55 (60,011 bytes a row × 1.2 against 4 MB)
    expect(rowsPerChunk(Math.ceil((jsonBytes(["C0", long]) + 1) * 1.2))).toBe(55);
    expect(read.chunks).toBe(1 + Math.ceil(200 / 55));
  }, 60_000);
});

describe("after a payload error the reader keeps the halved chunk size", () => {
  // Catches: `n = cap = Math.ceil(count / 2)` changed to `n = Math.ceil(count / 2)` in readCells.
  // Excel's limit counts more than the values (issue 23: operations and objects), so a host may refuse
  // a chunk the reader's estimate allowed. Fake host: refuses any read of more than 700 rows.
  test("one refused chunk, then every chunk at most half of it, and no further refusal", async () => {
    const ROWS = 40_000;
    const requested: number[] = [];
    const refused: number[] = [];
    let pending: { count: number; start: number; range: { values?: unknown[][] } } | undefined;
    const ws = {
      getRangeByIndexes: (row: number, _c: number, count: number) => {
        const range: { values?: unknown[][]; load: () => void } = { load: () => (pending = { count, start: row, range }) };
        return range;
      },
    } as unknown as Excel.Worksheet;
    const context = {
      sync: async () => {
        const p = pending!;
        requested.push(p.count);
        if (p.count > 700) {
          refused.push(p.count);
          throw Object.assign(new Error("too large"), { code: "ResponsePayloadSizeLimitExceeded" });
        }
        p.range.values = Array.from({ length: p.count }, (_, i) => [`B${p.start + i}`, 1]);
      },
    } as unknown as Excel.RequestContext;
    const r = await readCells(context, ws, { row: 0, column: 0, rowCount: ROWS, columnCount: 2 });
    expect(r.values).toHaveLength(ROWS);
    expect(r.values[ROWS - 1][0]).toBe(`B${ROWS - 1}`);
    const firstOk = requested.findIndex((c) => c <= 700);
    const cap = requested[firstOk];
    expect(requested.slice(firstOk).every((c) => c <= cap)).toBe(true);
    expect(refused).toEqual(requested.slice(0, firstOk));
    expect(r.chunks).toBe(firstOk + Math.ceil(ROWS / cap));
  });
});
