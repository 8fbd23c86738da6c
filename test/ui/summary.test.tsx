/**
 * The Ledelsesoverblik pane against the preview workbook (jsdom): it says what the page is built
 * from, builds the sheet at the chosen follow-up and threshold, keeps the leader's entries on
 * update, refuses a bad threshold, and shows the sheet for printing.
 */
import * as React from "react";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { renderInPane } from "./renderInPane";
import SummaryPane from "../../src/taskpane/summary/SummaryPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { saveTheory } from "../../src/excel/theoryStore";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { loadSummarySettings } from "../../src/excel/summaryStore";
import { outcomesFromTheory, suggestSettings } from "../../src/core/analysis";
import { TEMPLATES } from "../../src/core/theory/templates";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";

jest.setTimeout(60000);

let wb: PreviewWorkbook;
const theory = TEMPLATES[0].build();

beforeEach(() => {
  wb = createPreviewWorkbook({ sample: true });
  globalThis.__virkningPreview = wb;
});

afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

async function renderPane(): Promise<void> {
  renderInPane(<SummaryPane />);
  await screen.findByTestId("summary-sources");
}

function cellText(r: number, c: number): unknown {
  return wb.getSheet(SUMMARY_SHEET_NAME)?.getCell(r, c)?.value;
}

function rowStarting(text: string): number {
  const s = wb.getSheet(SUMMARY_SHEET_NAME)!;
  for (let r = 0; r < s.usedExtent().rowCount; r++) if (String(s.getCell(r, 0)?.value ?? "").startsWith(text)) return r;
  return -1;
}

test("without theory or comparison: says what is missing, builds a page that says so too", async () => {
  await renderPane();
  expect(screen.getByTestId("summary-sources").textContent).toContain("Programteori: mangler – byg den i panelet Programteori");
  expect(screen.getByTestId("summary-sources").textContent).toContain("Sammenligning: mangler");
  expect(screen.getByRole("button", { name: "Åbn udskriftsvisning" }).hasAttribute("disabled")).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "Byg ledelsesoverblik" }));
  await screen.findByTestId("summary-report");
  expect(rowStarting("Der er ingen programteori")).toBeGreaterThan(0);
  expect(rowStarting("Der er ingen gemt sammenligning")).toBeGreaterThan(0);
});

test("with a comparison: choose 6 months, the edition for publication and threshold 10 (1–2 refused), build, update keeps an entry, open the print view", async () => {
  const run = wb.run.bind(wb);
  await saveTheory(run, theory, "da", { shapes: true });
  const s = suggestSettings((await readSheetSource(run, "Borgere"))!);
  s.outcomes = outcomesFromTheory(theory);
  await saveComparisonSettings(run, (await runAndWriteComparison(run, s, { lang: "da" })).settings);
  await renderPane();
  expect(screen.getByTestId("summary-sources").textContent).toContain("Programteori: fundet");
  fireEvent.change(screen.getByLabelText("Opfølgning til nøgleresultaterne"), { target: { value: "6" } });
  // the threshold belongs to the edition for publication only
  expect(screen.queryByLabelText("Skjul antal under")).toBeNull();
  fireEvent.change(screen.getByLabelText("Udgave"), { target: { value: "public" } });
  const threshold = screen.getByLabelText("Skjul antal under");
  for (const bad of ["0", "1", "2"]) {
    fireEvent.change(threshold, { target: { value: bad } });
    expect(screen.getByText("Skriv et helt tal fra 3 til 50 (1 og 2 beskytter ingen).")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Byg ledelsesoverblik" }).hasAttribute("disabled")).toBe(true);
  }
  fireEvent.change(threshold, { target: { value: "10" } });
  fireEvent.click(screen.getByRole("button", { name: "Byg ledelsesoverblik" }));
  await screen.findByTestId("summary-report");
  expect(String(cellText(1, 0))).toMatch(/^Til offentliggørelse: antal under 10 borgere og tal, de kan regnes ud fra, er skjult \(–\)/);
  expect(cellText(rowStarting("Periode"), 1)).toBe("opfølgning ved 6, 12, 18 mdr.; resultaterne ovenfor ved 6 mdr. (valgt i panelet Ledelsesoverblik)");
  expect(await loadSummarySettings(run)).toMatchObject({ followUp: 6, audience: "public", threshold: 10 });

  // the leader answers a checklist question; the update keeps it
  const sheet = wb.getSheet(SUMMARY_SHEET_NAME)!;
  let item = -1;
  for (let r = 0; r < sheet.usedExtent().rowCount; r++) if (sheet.getCell(r, 1)?.value === "6.2") item = r;
  wb.setCellByUser(SUMMARY_SHEET_NAME, item, 8, "Sidst i foråret");
  fireEvent.click(screen.getByRole("button", { name: "Opdater ledelsesoverblik" }));
  // the update runs the saved analysis again and reads the leader's cells with their formulas: allow it time on a busy machine
  await waitFor(() => expect(screen.getByTestId("summary-report").textContent).toContain("1 svar i tjeklisten"), { timeout: 10_000 });
  expect(cellText(item, 8)).toBe("Sidst i foråret");

  wb.activateSheetByUser("Borgere");
  fireEvent.click(screen.getByRole("button", { name: "Åbn udskriftsvisning" }));
  await screen.findByTestId("summary-print");
  expect(wb.activeSheetName).toBe(SUMMARY_SHEET_NAME);
});
