/**
 * Issue 9, observation 7: with the pane open, "Gem i projektmappen" wrote the pane's older copy over edits
 * made on the sheet, and dropped anything outside the recognised tables, without a word.
 */
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { changedCells, loadTheory, saveTheory, TheoryConflictError } from "../../src/excel/theoryStore";
import { TEMPLATES } from "../../src/core/theory/templates";

function setup() {
  const wb = createPreviewWorkbook();
  return { wb, run: wb.run.bind(wb), theory: TEMPLATES[0].build() };
}

describe("saving over edits made on the sheet", () => {
  it("an unchanged sheet saves; the snapshot returned is what a later load reads", async () => {
    const { wb, run, theory } = setup();
    const first = await saveTheory(run, theory, "da", { shapes: true, expected: null });
    const loaded = await loadTheory(run);
    expect(changedCells(first, loaded!.snapshot)).toEqual([]);
    await saveTheory(run, { ...theory, title: "Ny titel" }, "da", { shapes: true, expected: first });
    expect((await loadTheory(run))?.theory.title).toBe("Ny titel");
    expect(wb.sheetNames()).toContain("Programteori");
  });

  it("a cell edited on the sheet since the pane read it is named, and nothing is written", async () => {
    const { wb, run, theory } = setup();
    const snapshot = await saveTheory(run, theory, "da", { shapes: true, expected: null });
    const loaded = await loadTheory(run);
    const cell = loaded!.cells![theory.activities[0].id]; // "Programteori!B30"
    const [, addr] = cell.split("!");
    const col = addr.charCodeAt(0) - 65;
    const row = Number(addr.slice(1)) - 1;
    wb.setCellByUser("Programteori", row, col, "Virksomhedspraktik, rettet i arket");
    const err = (await saveTheory(run, theory, "da", { shapes: true, expected: snapshot }).catch((e: unknown) => e)) as TheoryConflictError;
    expect(err).toBeInstanceOf(TheoryConflictError);
    expect(err.changed).toEqual([cell]);
    expect(err.message).toBe(`Arket "Programteori" er ændret, siden panelet læste det: ${cell}.`);
    expect(wb.getSheet("Programteori")?.getCell(row, col)?.value).toBe("Virksomhedspraktik, rettet i arket");
    // "behold panelets version": force
    await saveTheory(run, theory, "da", { shapes: true, expected: snapshot, force: true });
    expect(wb.getSheet("Programteori")?.getCell(row, col)?.value).toBe(theory.activities[0].name);
  });

  it("a note written outside the tables is named before a save would drop it", async () => {
    const { wb, run, theory } = setup();
    await saveTheory(run, theory, "da", { shapes: true, expected: null });
    wb.setCellByUser("Programteori", 2, 8, "Husk: drøftes på teammødet");
    const loaded = await loadTheory(run);
    const err = (await saveTheory(run, loaded!.theory, "da", { shapes: true, expected: loaded!.snapshot }).catch((e: unknown) => e)) as TheoryConflictError;
    expect(err.lost).toEqual(["Programteori!I3"]);
    expect(err.changed).toEqual([]);
  });

  it("a sheet created by someone else after the pane opened without one is a conflict too", async () => {
    const { run, theory } = setup();
    await saveTheory(run, theory, "da", { shapes: true });
    await expect(saveTheory(run, theory, "da", { shapes: true, expected: null })).rejects.toBeInstanceOf(TheoryConflictError);
  });
});
