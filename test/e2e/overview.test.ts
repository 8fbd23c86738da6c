/**
 * End to end in Chromium (issue 21 item 1): on the sample workbook a KL template is saved as the programme
 * theory and a comparison is computed in its pane; the Overblik pane (first tab) lists both as up to date and
 * the rest as missing; a status edited in the data makes the analysis "Forældet" after "Læs igen"; "Opdater
 * alt" makes it again, and the sheet's header line says it was run again from the same data.
 * Screenshots: test-results/overview-stale.png (the preview with the pane), test-results/overview-pane.png
 * (the pane alone, the stale state) and test-results/overview-updated.png.
 */
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { choosePane, launchBrowser, openPreview, pageErrors, RESULTS_DIR, screenshot, saveTemplateTheory } from "./harness";
import { TEMPLATES } from "../../src/core/theory/templates";

const template = TEMPLATES[0];

type Book = { getSheet(n: string): { getCell(r: number, c: number): { value: unknown } | undefined } | undefined; setCellByUser(s: string, r: number, c: number, t: string): void };

/** Column A of row `row` (0-based) on `sheet`, as the workbook holds it. */
const cellA = (page: Page, sheet: string, row: number): Promise<string> =>
  page.evaluate(([s, r]) => String((globalThis as unknown as { __virkningPreview: Book }).__virkningPreview.getSheet(s as string)?.getCell(r as number, 0)?.value ?? ""), [sheet, row] as const);

describe("Overblik in the browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows each part's state, marks the analysis out of date after a data edit, and Opdater alt makes it again", async () => {
    const page = await openPreview(browser, { pane: "programteori" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await saveTemplateTheory(page, template.title.da);

    await choosePane(page, "sammenligning");
    await pane.locator("[data-testid=comparison-pane]").waitFor();
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    await page.locator('[data-cell="C5"]').click();
    await pane.getByRole("button", { name: "Brug markering" }).click();
    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    await pane.locator("[data-testid=written]").waitFor();
    const runLine = await cellA(page, "Sammenligning", 1);
    expect(runLine).toMatch(/^Data: Borgere!A1:M61 · .* · Kørt \d+\. \w+\. \d{4} kl\. \d\d\.\d\d$/);

    // the Overblik is the first tab
    expect(await page.locator("[role=tab][data-pane]").first().getAttribute("data-pane")).toBe("overblik");
    await choosePane(page, "overblik");
    const part = (id: string) => pane.getByTestId(`overview-part-${id}`);
    await part("theory").waitFor();
    expect(await part("theory").getAttribute("data-status")).toBe("done");
    expect(await part("analysis:Sammenligning").getAttribute("data-status")).toBe("done");
    expect(await part("design").innerText()).toContain("Mangler");
    expect(await pane.getByTestId("overview-update").isDisabled()).toBe(true);

    // a status at 18 months changed in the data, as a user types it
    await page.evaluate(() => {
      const wb = (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview;
      const now = wb.getSheet("Borgere")?.getCell(1, 12)?.value;
      wb.setCellByUser("Borgere", 1, 12, now === "Jobparat" ? "Kontanthjælp" : "Jobparat");
    });
    await pane.getByRole("button", { name: "Læs igen" }).click();
    await pane.locator('[data-testid="overview-part-analysis:Sammenligning"][data-status=stale]').waitFor();
    expect(await part("analysis:Sammenligning").innerText()).toContain("Forældet");
    expect(await part("theory").getAttribute("data-status")).toBe("done");
    await screenshot(page, "overview-stale");
    await pane.getByTestId("overview-pane").screenshot({ path: path.join(RESULTS_DIR, "overview-pane.png") });

    await pane.getByTestId("overview-update").click();
    expect(await pane.getByTestId("overview-report").innerText()).toBe("1 del er opdateret.");
    expect(await part("analysis:Sammenligning").getAttribute("data-status")).toBe("done");
    // the sheet made again says so on its header line, from the same data
    expect(await cellA(page, "Sammenligning", 1)).toMatch(/^Data: Borgere!A1:M61 · .* · Kørt /);
    await screenshot(page, "overview-updated");
    expect(pageErrors(page)).toEqual([]);
  });
});
