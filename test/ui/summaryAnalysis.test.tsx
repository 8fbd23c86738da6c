/**
 * The Ledelsesoverblik pane says what the page says (issue 20 item 5): when the saved analysis is
 * refused or stale, the page shows no numbers and the pane warns in the same words.
 */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { renderInPane } from "./renderInPane";
import SummaryPane from "../../src/taskpane/summary/SummaryPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { suggestSettings } from "../../src/core/analysis";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";

jest.setTimeout(60000);

let wb: PreviewWorkbook;

beforeEach(() => {
  wb = createPreviewWorkbook({ sample: true });
  globalThis.__virkningPreview = wb;
});

afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

test("a status column renamed after the run: the pane warns that the analysis must be run again, as the page does", async () => {
  const run = wb.run.bind(wb);
  const s = suggestSettings((await readSheetSource(run, "Borgere"))!);
  await saveComparisonSettings(run, (await runAndWriteComparison(run, s, { lang: "da" })).settings);
  wb.setCellByUser("Borgere", 0, 10, "Status ved 6 mdr");
  renderInPane(<SummaryPane />);
  await screen.findByTestId("summary-sources");
  fireEvent.click(screen.getByRole("button", { name: "Byg ledelsesoverblik" }));
  const warning = await screen.findByTestId("summary-analysis", undefined, { timeout: 10_000 });
  expect(warning.textContent).toContain('Analysen "Sammenligning" skal køres igen, før dens tal kan vises her.');
  expect(warning.textContent).toContain('"Status 6 mdr" (var kolonne K) findes ikke længere');
  const page = wb.getSheet(SUMMARY_SHEET_NAME)!;
  const colA = Array.from({ length: page.usedExtent().rowCount }, (_, r) => String(page.getCell(r, 0)?.value ?? ""));
  expect(colA).toContain('Analysen "Sammenligning" skal køres igen, før dens tal kan vises her.');
});
