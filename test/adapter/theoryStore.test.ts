/**
 * The programme theory in the workbook (src/excel/theoryStore.ts) against the preview workbook:
 * both sheets are written in one render, user sheets stay untouched, the sheet reads back to the
 * same theory, and edits made directly in the sheet (good and bad) come back with their cells.
 */
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import type { PreviewWorkbook } from "../../src/preview/workbook";
import { VirkningError } from "../../src/core/errors";
import {
  DIAGRAM_NO_SHAPES_NOTE,
  DIAGRAM_SHEET_NAME,
  THEORY_SHEET_NAME,
  THEORY_TABLE_NAMES,
  TEMPLATES,
  addItem,
  emptyTheory,
  itemsOf,
  setLink,
  setTitle,
  updateTargetGroup,
  type ProgrammeTheory,
} from "../../src/core/theory";
import { loadTheory, saveTheory } from "../../src/excel/theoryStore";

function snapshot(sheet: PreviewSheet | undefined): unknown {
  if (!sheet) return undefined;
  const { rowCount, columnCount } = sheet.usedExtent();
  const cells: unknown[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < columnCount; c++) {
      const cell = sheet.getCell(r, c);
      row.push(cell ? { v: cell.value, f: cell.formula ?? null, n: cell.numberFormat, fmt: cell.format } : null);
    }
    cells.push(row);
  }
  return { cells, tables: sheet.tables.map((t) => ({ ...t })), shapes: sheet.shapes.length, merges: sheet.merges };
}

/** Every cell of a sheet as text, row by row (what a user sees). */
function textOf(sheet: PreviewSheet): string[][] {
  const { rowCount, columnCount } = sheet.usedExtent();
  const out: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row: string[] = [];
    for (let c = 0; c < columnCount; c++) {
      const v = sheet.getCell(r, c)?.value;
      row.push(v === null || v === undefined ? "" : String(v));
    }
    out.push(row);
  }
  return out;
}

/** Row/column of the first cell whose text equals `text`. */
function find(sheet: PreviewSheet, text: string, column?: number): { row: number; column: number } {
  const cells = textOf(sheet);
  for (let r = 0; r < cells.length; r++) {
    for (let c = 0; c < cells[r].length; c++) {
      if ((column === undefined || c === column) && cells[r][c] === text) return { row: r, column: c };
    }
  }
  throw new Error(`"${text}" not found on ${sheet.name}`);
}

function a1(row: number, column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}

/** A theory with `perKind` items of each kind, every delmål linked to a slutmål and every aktivitet to a delmål. */
function bigTheory(perKind: number): ProgrammeTheory {
  let t = updateTargetGroup(setTitle(emptyTheory(), "Stor programteori"), { name: "Aktivitetsparate", size: 300 });
  for (let i = 1; i <= perKind; i++) {
    t = addItem(t, "slutmaal", `Slutmål nummer ${i}`);
    t = addItem(t, "delmaal", `Borgeren kan skridt ${i}`);
    t = addItem(t, "aktivitet", `Aktivitet ${i}`);
    t = addItem(t, "mekanisme", `Mekanisme ${i}`);
  }
  const fin = itemsOf(t, "slutmaal");
  const sub = itemsOf(t, "delmaal");
  const act = itemsOf(t, "aktivitet");
  for (let i = 0; i < perKind; i++) {
    t = setLink(t, "delmaal-slutmaal", sub[i].id, fin[i].id, true);
    t = setLink(t, "aktivitet-delmaal", act[i].id, sub[i].id, true);
  }
  return t;
}

const klTemplate = TEMPLATES.find((t) => t.id.startsWith("kl-")) ?? TEMPLATES[0];

describe("theoryStore against the preview workbook", () => {
  let wb: PreviewWorkbook;
  beforeEach(() => {
    wb = createPreviewWorkbook({ sample: true });
    (globalThis as { __virkningPreview?: unknown }).__virkningPreview = wb;
  });
  afterEach(() => {
    delete (globalThis as { __virkningPreview?: unknown }).__virkningPreview;
  });

  it("returns null when the workbook has no programme theory", async () => {
    wb.resetSyncCount();
    await expect(loadTheory(wb.run.bind(wb))).resolves.toBeNull();
    expect(wb.syncCount).toBe(1);
  });

  it("writes the theory sheet with its tables and the diagram sheet with one shape per box and a connector per link", async () => {
    const theory = klTemplate.build();
    await saveTheory(wb.run.bind(wb), theory, "da", { shapes: true });
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(["Borgere", "Noter", THEORY_SHEET_NAME, DIAGRAM_SHEET_NAME]));

    const sheet = wb.getSheet(THEORY_SHEET_NAME) as PreviewSheet;
    expect(sheet.tables.map((t) => t.name).sort()).toEqual(Object.values(THEORY_TABLE_NAMES).sort());
    // The title and every item name are in the sheet, each item next to its Nr.
    const text = textOf(sheet);
    expect(text.flat()).toContain(theory.title);
    for (const item of [...theory.finalGoals, ...theory.subGoals, ...theory.activities, ...theory.mechanisms]) {
      const at = find(sheet, item.id, 0);
      expect(text[at.row]).toContain(item.name);
    }
    // Each link is a row: from Nr. and to Nr. on the same row.
    for (const l of theory.links) {
      const at = find(sheet, l.id, 0);
      expect(text[at.row]).toEqual(expect.arrayContaining([l.from, l.to]));
    }

    const diagram = wb.getSheet(DIAGRAM_SHEET_NAME) as PreviewSheet;
    const items = theory.finalGoals.length + theory.subGoals.length + theory.activities.length + theory.mechanisms.length;
    const boxes = diagram.shapes.filter((s) => s.type === "GeometricShape");
    expect(boxes).toHaveLength(items + 1); // + the target group
    for (const item of theory.subGoals) {
      const box = boxes.find((b) => b.text.replace(/\s+/g, " ").includes(item.name.split(" ")[0]));
      expect(box).toBeDefined();
    }
    // One connector per link ("Pil_L3", or segments "Pil_L3_1" … for an elbow), each ending in one arrowhead.
    const lines = diagram.shapes.filter((s) => s.type === "Line");
    const linkOf = (name: string): string => name.replace(/^Pil_/, "").replace(/_\d+$/, "");
    expect(new Set(lines.map((l) => linkOf(l.name)))).toEqual(new Set(theory.links.map((l) => l.id)));
    for (const l of theory.links) {
      expect(lines.filter((s) => linkOf(s.name) === l.id && s.endArrowheadStyle === "Triangle")).toHaveLength(1);
    }
    expect(diagram.pageLayout.orientation).toBe("Landscape");
  });

  it("re-saving replaces only the add-in's own sheets and leaves Borgere and Noter cell for cell untouched", async () => {
    const before = { borgere: snapshot(wb.getSheet("Borgere")), noter: snapshot(wb.getSheet("Noter")) };
    const run = wb.run.bind(wb);
    await saveTheory(run, klTemplate.build(), "da", { shapes: true });
    const smaller = bigTheory(2);
    await saveTheory(run, smaller, "da", { shapes: true });
    expect(wb.sheetNames().filter((n) => n === THEORY_SHEET_NAME || n === DIAGRAM_SHEET_NAME)).toHaveLength(2);
    expect(wb.sheetNames()).toHaveLength(4);
    expect(snapshot(wb.getSheet("Borgere"))).toEqual(before.borgere);
    expect(snapshot(wb.getSheet("Noter"))).toEqual(before.noter);
    // Nothing of the first theory is left on the replaced sheets.
    const loaded = await loadTheory(run);
    expect(loaded?.theory).toEqual(smaller);
    const diagram = wb.getSheet(DIAGRAM_SHEET_NAME) as PreviewSheet;
    expect(diagram.shapes.filter((s) => s.type === "GeometricShape")).toHaveLength(2 * 4 + 1);
  });

  it("refuses to overwrite a user's own sheet called Programteori and writes nothing", async () => {
    wb.addSheetDirect(THEORY_SHEET_NAME);
    wb.setValues(THEORY_SHEET_NAME, "A1", [["Mine egne noter"]]);
    const err = await saveTheory(wb.run.bind(wb), klTemplate.build(), "da", { shapes: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirkningError);
    expect((err as VirkningError).code).toBe("SHEET_NOT_OWNED");
    expect(wb.getSheet(THEORY_SHEET_NAME)?.getCell(0, 0)?.value).toBe("Mine egne noter");
    expect(wb.sheetNames()).not.toContain(DIAGRAM_SHEET_NAME);
  });

  it("uses the same number of syncs for 5 and for 100 items", async () => {
    const counts: Record<string, { save: number; load: number }> = {};
    for (const perKind of [1, 25]) {
      const book = createPreviewWorkbook({ sample: true });
      const run = book.run.bind(book);
      const theory = bigTheory(perKind);
      book.resetSyncCount();
      await saveTheory(run, theory, "da", { shapes: true });
      const save = book.syncCount;
      book.resetSyncCount();
      const loaded = await loadTheory(run);
      const load = book.syncCount;
      expect(loaded?.theory).toEqual(theory);
      counts[String(perKind * 4 + 1)] = { save, load };
    }
    // save: the renderer's syncs + 1 for the Overblik's record of the part (partRecords.ts)
    expect(counts).toEqual({ "5": { save: 5, load: 2 }, "101": { save: 5, load: 2 } });
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("round trip of template %s: saveTheory → loadTheory gives the same theory", async (_id, template) => {
    const theory = template.build();
    const run = wb.run.bind(wb);
    await saveTheory(run, theory, "da", { shapes: true });
    const loaded = await loadTheory(run);
    expect(loaded?.theory).toEqual(theory);
    expect(loaded?.issues).toEqual([]);
  });

  it("round trip in English labels too", async () => {
    const theory = klTemplate.build();
    const run = wb.run.bind(wb);
    await saveTheory(run, theory, "en", { shapes: true });
    expect((await loadTheory(run))?.theory).toEqual(theory);
  });

  it("picks up edits made directly in the sheet, and reports a bad size with its cell address", async () => {
    const theory = klTemplate.build();
    const run = wb.run.bind(wb);
    await saveTheory(run, theory, "da", { shapes: true });
    const sheet = wb.getSheet(THEORY_SHEET_NAME) as PreviewSheet;

    // The size: the value cell to the right of its label.
    const label = find(sheet, "Størrelse (antal borgere)");
    wb.setCellByUser(THEORY_SHEET_NAME, label.row, label.column + 1, "120");
    // A delmål renamed in its table row.
    const d = theory.subGoals[0];
    const dName = find(sheet, d.name);
    wb.setCellByUser(THEORY_SHEET_NAME, dName.row, dName.column, "Borgeren kan møde til tiden");

    let loaded = await loadTheory(run);
    expect(loaded?.theory.targetGroup.size).toBe(120);
    expect(loaded?.theory.subGoals.find((g) => g.id === d.id)?.name).toBe("Borgeren kan møde til tiden");
    expect(loaded?.issues).toEqual([]);

    wb.setCellByUser(THEORY_SHEET_NAME, label.row, label.column + 1, "mange");
    loaded = await loadTheory(run);
    const address = `${THEORY_SHEET_NAME}!${a1(label.row, label.column + 1)}`;
    const issue = loaded?.issues.find((i) => i.cell === address);
    expect(issue).toBeDefined();
    expect(issue?.message.da).toContain(address);
    expect(issue?.message.da).toContain("mange");
  });

  it("without shape support the diagram sheet is drawn with cells and says so", async () => {
    wb.apiVersion = "1.8";
    const theory = klTemplate.build();
    await saveTheory(wb.run.bind(wb), theory, "da", { shapes: false });
    const diagram = wb.getSheet(DIAGRAM_SHEET_NAME) as PreviewSheet;
    expect(diagram.shapes).toHaveLength(0);
    const text = textOf(diagram).flat().join("\n");
    expect(text).toContain(DIAGRAM_NO_SHAPES_NOTE.da);
    for (const g of theory.finalGoals) expect(text).toContain(g.name);
    // The cells carry the element colours (filled cells exist).
    const { rowCount, columnCount } = diagram.usedExtent();
    let filled = 0;
    for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) if (diagram.getCell(r, c)?.format.fill) filled++;
    expect(filled).toBeGreaterThan(0);
  });
});
