/**
 * Observation 4 of issue 9: a free-text column was suggested as a categorical baseline variable (citizen
 * names in 58 result cells), a second unique ID made a 20,064-row Tabel 1, and the stored settings kept
 * every status label ever classified (sentences from a notes column) invisibly in the workbook.
 */
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { COMPARISON_STATE_KEY, readSelectionSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { MAX_CATEGORY_LEVELS } from "../../src/core/data";
import { suggestSettings, type ComparisonSettings } from "../../src/core/analysis";
import type { VirkningValidationError } from "../../src/core/errors";

const NAMES = ["Jens Hansen", "Mette Olsen", "Ali Khan", "Sofie Berg", "Peter Lund", "Hanne Holm"];

/** The sample with a notes column N (free text naming the citizen) and a second ID column O (case numbers). */
function withNotes(): PreviewWorkbook {
  const wb = createPreviewWorkbook({ sample: true });
  const notes = Array.from({ length: 60 }, (_, i) => [`${NAMES[i % NAMES.length]}: misbrug og gæld, samtale ${i + 1}`, 4_700_000 + i]);
  wb.setValues("Borgere", "N1", [["Noter", "Sagsnr."], ...notes]);
  return wb;
}

async function suggested(wb: PreviewWorkbook): Promise<ComparisonSettings> {
  wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
  return suggestSettings((await readSelectionSource(wb.run.bind(wb)))!, "da");
}

describe("privacy by default", () => {
  it("free text and a second ID column are not suggested as baseline variables; no name reaches the sheet", async () => {
    const wb = withNotes();
    const s = await suggested(wb);
    expect(s.columns.baseline.map((b) => b.column)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    await runAndWriteComparison(wb.run.bind(wb), s, { lang: "da" });
    const sheet = wb.getSheet("Sammenligning")!;
    const { rowCount, columnCount } = sheet.usedExtent();
    let cells = "";
    for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) cells += `${String(sheet.getCell(r, c)?.value ?? "")}|`;
    for (const n of NAMES) expect(cells).not.toContain(n);
  });

  it(`a categorical baseline variable with more than ${MAX_CATEGORY_LEVELS} levels is refused, naming the column`, async () => {
    const wb = withNotes();
    const s = await suggested(wb);
    const chosen: ComparisonSettings = { ...s, columns: { ...s.columns, baseline: [...s.columns.baseline, { column: 13, type: "categorical" }] } };
    const err = (await runAndWriteComparison(wb.run.bind(wb), chosen, { lang: "da" }).catch((e: unknown) => e)) as VirkningValidationError;
    expect(err.problems.map((p) => p.message)).toContain(
      `Kolonnen "Noter" (Borgere!N1) har 60 forskellige værdier, men en kategorisk baggrundsvariabel må højst have ${MAX_CATEGORY_LEVELS}. Så mange kategorier er fritekst eller et ID og kan udpege enkelte borgere i Tabel 1. Vælg "Bruges ikke" for kolonnen, eller gør den kontinuert, hvis den indeholder tal.`,
    );
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
  });

  it("stored settings keep only the labels present in the data's role columns", async () => {
    const wb = withNotes();
    const run = wb.run.bind(wb);
    const s = await suggested(wb);
    // the notes column was once a status column: its sentences were classified
    const once: ComparisonSettings = { ...s, statusClasses: { ...s.statusClasses, "Jens Hansen: misbrug og gæld, samtale 1": "valid" }, groupMap: { ...s.groupMap, "hold b": "control" } };
    const out = await runAndWriteComparison(run, once, { lang: "da" });
    await saveComparisonSettings(run, out.settings);
    const stored = JSON.stringify(wb.settings.get(COMPARISON_STATE_KEY));
    expect(stored).not.toContain("Jens Hansen");
    expect(stored).not.toContain("hold b");
    expect(Object.keys(out.settings.statusClasses).sort()).toEqual(Object.keys(s.statusClasses).sort());
  });
});
