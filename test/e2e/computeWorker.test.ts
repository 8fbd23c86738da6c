/**
 * Issue 23 item 6 in Chromium: a large comparison computes in the Web Worker. While it runs the page
 * answers (a script round trip and a click on a sheet tab are handled, and the progress line is still
 * there afterwards); "Annullér" stops it and nothing is written; run again, it finishes and writes.
 */
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPreview, pageErrors } from "./harness";

const ROWS = 60_000;

/** Fills "Borgere" with ROWS citizens copied from the sample (unique IDs), in the page's workbook. */
async function bigSample(page: Page): Promise<void> {
  await page.evaluate((n) => {
    type Sheet = { getCell(r: number, c: number): { value: unknown } | undefined; usedExtent(): { rowCount: number; columnCount: number } };
    const wb = (globalThis as unknown as { __virkningPreview: { getSheet(n: string): Sheet; setValues(s: string, a: string, v: unknown[][]): void } }).__virkningPreview;
    const s = wb.getSheet("Borgere");
    const { rowCount, columnCount } = s.usedExtent();
    const sample: unknown[][] = [];
    for (let r = 1; r < rowCount; r++) sample.push(Array.from({ length: columnCount }, (_, c) => s.getCell(r, c)?.value ?? null));
    const rows = Array.from({ length: n }, (_, i) => sample[i % sample.length].map((v, c) => (c === 0 ? `B${i + 1}` : v)));
    wb.setValues("Borgere", "A2", rows);
  }, ROWS);
}

const sheetExists = (page: Page, name: string): Promise<boolean> =>
  page.evaluate((n) => Boolean((globalThis as unknown as { __virkningPreview: { getSheet(x: string): unknown } }).__virkningPreview.getSheet(n)), name);

describe("long statistics run in a Web Worker", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the page answers while a large comparison computes; Annullér stops it; run again, it is written", async () => {
    const page = await openPreview(browser, { pane: "sammenligning" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.locator("[data-testid=comparison-pane]").waitFor();
    await bigSample(page);
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    await page.locator('[data-cell="C5"]').click();
    await pane.getByRole("button", { name: "Brug markering" }).click();
    await expect(pane.locator("[data-testid=source-range]").innerText()).resolves.toBe(`Område: Borgere!A1:M${ROWS + 1} (${ROWS} rækker med data)`);

    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    const progress = pane.locator("[data-testid=compute-progress]");
    await progress.waitFor({ timeout: 60_000 });
    // The main thread is free: a script round trip is quick, and a click on another sheet's tab is handled.
    const t0 = Date.now();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(Date.now() - t0).toBeLessThan(1000);
    const noter = page.locator('[role=tab][data-sheet="Noter"]');
    await noter.click();
    await expect(noter.getAttribute("aria-selected")).resolves.toBe("true");
    await expect(progress.isVisible()).resolves.toBe(true);
    await expect(progress.innerText()).resolves.toMatch(/^Beregner …/);
    // The statistics run in the worker's own bundle.
    const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(scripts.some((n) => /virkning-beregning\.[^/]*\.js$/.test(n))).toBe(true);

    await progress.getByRole("button", { name: "Annullér" }).click();
    await expect(pane.locator("[data-testid=compute-cancelled]").innerText()).resolves.toBe("Beregningen er annulleret. Intet er skrevet i projektmappen.");
    await expect(progress.count()).resolves.toBe(0);
    await expect(sheetExists(page, "Sammenligning")).resolves.toBe(false);

    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    await pane.locator("[data-testid=written]").waitFor({ timeout: 120_000 });
    await expect(sheetExists(page, "Sammenligning")).resolves.toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  }, 240_000);
});
