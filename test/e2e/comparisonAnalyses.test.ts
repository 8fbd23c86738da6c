/**
 * End to end in Chromium (issue 11): two named analyses on the sample data, each calculated onto its own
 * sheet with its charts visible; screenshots test-results/comparison-analyses.png and, at the size of an
 * A4 landscape page, test-results/comparison-a4.png (the preview grid, not Excel's print rendering).
 */
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPreview, pageErrors, screenshot } from "./harness";

async function newAnalysis(page: Page, action: string, name: string): Promise<void> {
  const list = page.locator("[data-testid=analyses]");
  await list.getByLabel("Navn på analysen").fill(name);
  await list.getByRole("button", { name: action, exact: true }).click();
  await page.locator("[data-testid=analysis-sheet]").filter({ hasText: name }).waitFor();
}

async function calculate(page: Page, sheet: string): Promise<void> {
  const pane = page.locator("[data-testid=virkning-pane]");
  await pane.getByRole("button", { name: "Beregn", exact: true }).click();
  await pane.locator("[data-testid=written]").waitFor();
  await page.locator(`[role=tab][data-sheet="${sheet}"][aria-selected=true]`).waitFor();
}

describe("named analyses in the browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("two analyses on the sample data, each with its own sheet and charts", async () => {
    const page = await openPreview(browser, { pane: "sammenligning" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.locator("[data-testid=comparison-pane]").waitFor();
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    await page.locator('[data-cell="C5"]').click();
    await pane.getByRole("button", { name: "Brug markering" }).click();
    await pane.locator("[data-testid=source-range]").waitFor();

    await newAnalysis(page, "Ny analyse", "Hele gruppen");
    await calculate(page, "Sammenligning – Hele gruppen");
    await newAnalysis(page, "Dupliker", "Kun Fisher");
    await pane.getByRole("radio", { name: /^Fishers eksakte test/ }).check();
    await calculate(page, "Sammenligning – Kun Fisher");
    // the second analysis has its own test policy: its summary names Fisher, the first's settings are unchanged
    await expect(pane.locator("[data-testid=summary]").innerText()).resolves.toContain("Fishers eksakte test");

    // both sheets exist; the open one shows its charts (one per outcome and the status chart)
    await page.locator('[role=tab][data-sheet="Sammenligning – Hele gruppen"]').waitFor();
    const charts = page.locator(".vk-chart");
    await expect(charts.count()).resolves.toBe(5);
    await page.locator('[data-chart="Udfald1"]').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-chart="Udfald1"] svg').isVisible()).resolves.toBe(true);
    await expect(pane.locator("[data-testid=analyses] select option").allInnerTexts()).resolves.toEqual(["Hele gruppen", "Kun Fisher"]);
    await page.locator('[data-chart="Udfald1"]').scrollIntoViewIfNeeded();
    await screenshot(page, "comparison-analyses.png");

    // the first page of the sheet at A4 landscape size (842 × 595 pt = 1123 × 794 px)
    await page.locator('[role=tab][data-sheet="Sammenligning – Hele gruppen"]').click();
    await page.setViewportSize({ width: 1123 + 420, height: 794 });
    await page.locator('[data-cell="A1"]').first().scrollIntoViewIfNeeded();
    await screenshot(page, "comparison-a4.png");
    // the status distribution by time point and group, stacked: go to its chart (the first blank row after the
    // status section's title, its table and its blocks per time point) through the name box
    const chartRow = await page.evaluate(() => {
      type Sheet = { getCell(r: number, c: number): { value: unknown } | undefined; usedExtent(): { rowCount: number } };
      const wb = (globalThis as unknown as { __virkningPreview: { getSheet(n: string): Sheet | undefined } }).__virkningPreview;
      const sh = wb.getSheet("Sammenligning – Hele gruppen");
      let r = 0;
      while (sh && r < sh.usedExtent().rowCount && sh.getCell(r, 0)?.value !== "Status ved hvert tidspunkt") r++;
      if (!sh || r >= sh.usedExtent().rowCount) return -1;
      while (r < sh.usedExtent().rowCount && String(sh.getCell(r, 0)?.value ?? "") !== "") r++;
      return r + 1;
    });
    expect(chartRow).toBeGreaterThan(0);
    const box = page.locator("[data-testid=name-box]");
    await box.click();
    await box.fill(`A${chartRow + 12}`);
    await box.press("Enter");
    await expect(page.locator('[data-chart="Status"] svg').isVisible()).resolves.toBe(true);
    await screenshot(page, "comparison-status-chart.png");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
