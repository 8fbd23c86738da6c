/**
 * Sheet protection in the preview workbook behaves like Excel's (see api/protection.ts for the
 * sources): protect/unprotect and their refusals, AccessDenied for writes to locked cells and for
 * formatting, unlocked cells stay editable, and the earlier actions of a failing batch stay applied.
 */
import { createPreviewWorkbook } from "../../src/preview/workbook";

async function rejection(p: Promise<unknown>): Promise<{ code?: string; message?: string; debugInfo?: { errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message?: string };
  }
  throw new Error("expected a rejection");
}

function book() {
  const wb = createPreviewWorkbook();
  wb.setValues("Ark1", "A1:B2", [["Gruppe", "Note"], ["Indsats", ""]]);
  return wb;
}

test("protected reads false, then true after protect(); options default to false and keep what was given", async () => {
  const wb = book();
  await wb.run(async (context) => {
    const p = context.workbook.worksheets.getItem("Ark1").protection.load("protected");
    await context.sync();
    expect(p.protected).toBe(false);
    p.protect({ allowFormatColumns: true });
    p.load("protected,options");
    await context.sync();
    expect(p.protected).toBe(true);
    expect(p.options.allowFormatColumns).toBe(true);
    expect(p.options.allowFormatCells).toBe(false);
  });
});

test("writing values or formulas to a locked cell of a protected sheet fails with AccessDenied; nothing changes", async () => {
  const wb = book();
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem("Ark1").protection.protect();
    await context.sync();
  });
  for (const write of [
    (ws: Excel.Worksheet) => (ws.getRange("A2").values = [["Kontrol"]]),
    (ws: Excel.Worksheet) => (ws.getRange("A2").formulas = [["=1+1"]]),
    (ws: Excel.Worksheet) => ws.getRange("A2").clear(),
    (ws: Excel.Worksheet) => (ws.getRange("A2").format.fill.color = "#FF0000"),
    (ws: Excel.Worksheet) => (ws.getRange("A2").numberFormat = [["0.0"]]),
    (ws: Excel.Worksheet) => (ws.getRange("A:A").format.columnWidth = 80),
  ]) {
    const e = await rejection(wb.run(async (context) => {
      write(context.workbook.worksheets.getItem("Ark1") as unknown as Excel.Worksheet);
      await context.sync();
    }));
    expect(e.code).toBe("AccessDenied");
    expect(e.message).toBe("You cannot perform the requested operation.");
  }
  expect(wb.getSheet("Ark1")?.valueAt(1, 0)).toBe("Indsats");
  expect(wb.getSheet("Ark1")?.formatAt(1, 0)?.fill).toBeUndefined();
});

test("cells unlocked before protection stay editable; locking on a protected sheet is refused", async () => {
  const wb = book();
  await wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Ark1");
    ws.getRange("B2").format.protection.locked = false;
    ws.protection.protect();
    ws.getRange("B2").values = [["ringet op"]];
    const l = ws.getRange("A2:B2").format.protection.load("locked");
    const b = ws.getRange("B2").format.protection.load("locked");
    await context.sync();
    expect(l.locked).toBeNull();
    expect(b.locked).toBe(false);
  });
  expect(wb.getSheet("Ark1")?.valueAt(1, 1)).toBe("ringet op");
  const e = await rejection(wb.run(async (context) => {
    context.workbook.worksheets.getItem("Ark1").getRange("B2").format.protection.locked = true;
    await context.sync();
  }));
  expect(e.code).toBe("AccessDenied");
  // a range with a locked cell is refused as a whole
  const e2 = await rejection(wb.run(async (context) => {
    context.workbook.worksheets.getItem("Ark1").getRange("A2:B2").values = [["x", "y"]];
    await context.sync();
  }));
  expect(e2.code).toBe("AccessDenied");
  expect(wb.getSheet("Ark1")?.valueAt(1, 1)).toBe("ringet op");
});

test("protect on a protected sheet and unprotect on an unprotected one fail; a password must match; earlier actions of the batch stay", async () => {
  const wb = book();
  const e = await rejection(wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Ark1");
    ws.getRange("B2").values = [["før"]];
    ws.protection.unprotect();
    await context.sync();
  }));
  expect(e.code).toBe("AccessDenied");
  expect(wb.getSheet("Ark1")?.valueAt(1, 1)).toBe("før");
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem("Ark1").protection.protect(undefined, "hemmelig");
    await context.sync();
  });
  expect((await rejection(wb.run(async (c) => void c.workbook.worksheets.getItem("Ark1").protection.protect()))).code).toBe("AccessDenied");
  expect((await rejection(wb.run(async (c) => void c.workbook.worksheets.getItem("Ark1").protection.unprotect("forkert")))).code).toBe("AccessDenied");
  await wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Ark1");
    ws.protection.unprotect("hemmelig");
    ws.getRange("A2").values = [["Kontrol"]];
    await context.sync();
  });
  expect(wb.getSheet("Ark1")?.valueAt(1, 0)).toBe("Kontrol");
});

test("a user's edit of a locked cell in the grid is ignored on a protected sheet", async () => {
  const wb = book();
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem("Ark1").protection.protect();
    await context.sync();
  });
  wb.setCellByUser("Ark1", 1, 0, "Kontrol");
  expect(wb.getSheet("Ark1")?.valueAt(1, 0)).toBe("Indsats");
});
