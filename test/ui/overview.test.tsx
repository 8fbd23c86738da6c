/**
 * The Overblik pane against the preview workbook (jsdom): one line per part with its state in words (not
 * colour alone) and the date it was made; an edited data cell shows as "Forældet" after "Læs igen";
 * "Opdater alt" makes it again and says so; "Gå til" switches the pane and shows the part's sheet.
 */
import * as React from "react";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { renderInPane } from "./renderInPane";
import OverviewPane from "../../src/taskpane/overview/OverviewPane";
import { PaneNavigationProvider } from "../../src/taskpane/navigation";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { saveTheory } from "../../src/excel/theoryStore";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { outcomesFromTheory, suggestSettings } from "../../src/core/analysis";
import { TEMPLATES } from "../../src/core/theory/templates";

jest.setTimeout(60000);

let wb: PreviewWorkbook;
const theory = TEMPLATES[0].build();
const MADE = new Date("2026-11-30T08:00:00Z");

beforeEach(async () => {
  wb = createPreviewWorkbook({ sample: true });
  globalThis.__virkningPreview = wb;
  const run = wb.run.bind(wb);
  await saveTheory(run, theory, "da", { shapes: true, now: MADE });
  const s = suggestSettings((await readSheetSource(run, "Borgere"))!);
  s.outcomes = outcomesFromTheory(theory);
  await saveComparisonSettings(run, (await runAndWriteComparison(run, s, { lang: "da", now: MADE })).settings);
});

afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

const line = (id: string): HTMLElement => screen.getByTestId(`overview-part-${id}`);

test("lists the parts with state words and dates; an edited data cell is Forældet after Læs igen; Opdater alt makes it again", async () => {
  renderInPane(<OverviewPane />);
  await screen.findByTestId("overview-parts");
  expect(line("theory").textContent).toContain("Opdateret · Lavet 30. nov. 2026 kl. 09.00");
  expect(line("analysis:Sammenligning").textContent).toContain("Opdateret");
  expect(line("design").textContent).toContain("Mangler · Ikke lavet endnu");
  expect(line("summary").textContent).toContain("Mangler");
  // the chain between the progression and the leader page, not made yet
  expect(line("chain").textContent).toContain("Virkningskæden i data");
  expect(line("chain").textContent).toContain("Mangler · Ikke lavet endnu");
  expect(line("chain").compareDocumentPosition(line("summary")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(screen.getByTestId("overview-update").hasAttribute("disabled")).toBe(true);

  // a status at 18 months changed in the data
  const b = wb.getSheet("Borgere")!;
  wb.setCellByUser("Borgere", 1, 12, b.getCell(1, 12)?.value === "Jobparat" ? "Kontanthjælp" : "Jobparat");
  fireEvent.click(screen.getByRole("button", { name: "Læs igen" }));
  await waitFor(() => expect(line("analysis:Sammenligning").dataset.status).toBe("stale"));
  expect(line("analysis:Sammenligning").textContent).toContain("Forældet");
  expect(line("theory").dataset.status).toBe("done");
  expect(screen.getByText("1 del er forældet. Den laves igen med de samme indstillinger.")).toBeTruthy();

  fireEvent.click(screen.getByTestId("overview-update"));
  const report = await screen.findByTestId("overview-report");
  expect(report.textContent).toBe("1 del er opdateret.");
  expect(line("analysis:Sammenligning").dataset.status).toBe("done");
  expect(line("analysis:Sammenligning").textContent).not.toContain("30. nov. 2026");
});

test("Gå til switches to the part's pane and shows its sheet; every button is a real button reachable by Tab", async () => {
  const went: string[] = [];
  renderInPane(
    <PaneNavigationProvider goTo={(id) => went.push(id)}>
      <OverviewPane />
    </PaneNavigationProvider>,
  );
  await screen.findByTestId("overview-parts");
  const go = within(line("analysis:Sammenligning")).getByRole("button", { name: 'Gå til Analyse "Sammenligning"' });
  expect(go.tabIndex).toBe(0);
  fireEvent.click(go);
  expect(went).toEqual(["sammenligning"]);
  await waitFor(() => expect(wb.activeSheetName).toBe("Sammenligning"));
  fireEvent.click(within(line("theory")).getByRole("button", { name: "Gå til Programteori" }));
  expect(went).toEqual(["sammenligning", "programteori"]);
  await waitFor(() => expect(wb.activeSheetName).toBe("Programteori"));
  // the chain is made in the Progression pane's chain step
  fireEvent.click(within(line("chain")).getByRole("button", { name: "Gå til Virkningskæden i data" }));
  expect(went).toEqual(["sammenligning", "programteori", "progression"]);
});

test("in English: the same parts with English words", async () => {
  renderInPane(<OverviewPane />, "en");
  await screen.findByTestId("overview-parts");
  expect(line("theory").textContent).toContain("Programme theory");
  expect(line("theory").textContent).toContain("Up to date · Made 30 Nov 2026, 09:00");
  expect(screen.getByRole("button", { name: "Update all" })).toBeTruthy();
});

test("a refused update: the pane says where it stopped and why in Danish, and says it again when opened later; Opdater alt stays available to try again", async () => {
  // a CPR number typed into the data: the analysis's "Kør igen" refuses, naming the cell, never the number
  wb.setCellByUser("Borgere", 1, 12, "010190-1234");
  const first = renderInPane(<OverviewPane />);
  await waitFor(() => expect(line("analysis:Sammenligning").dataset.status).toBe("stale"));
  fireEvent.click(screen.getByTestId("overview-update"));
  const report = await screen.findByTestId("overview-report");
  expect(report.textContent).toMatch(/^Opdateringen stoppede ved Analyse "Sammenligning": .*CPR.* De dele, der kom før, er opdateret; resten er ikke rørt\.$/);
  expect(line("analysis:Sammenligning").textContent).toContain("Afvist");
  first.unmount();

  renderInPane(<OverviewPane />);
  await screen.findByTestId("overview-parts");
  const refused = line("analysis:Sammenligning");
  expect(refused.dataset.status).toBe("refused");
  expect(refused.textContent).toMatch(/Afvist · Lavet 30\. nov\. 2026 kl\. 09\.00.*CPR/);
  expect(refused.textContent).not.toContain("010190");
  expect(screen.getByTestId("overview-update").hasAttribute("disabled")).toBe(false);
});
