/**
 * Issue 9, observation 1, end to end in Chromium: calculate from the sample, insert a column "Status 3 mdr"
 * before "Status 6 mdr" (what the user does in Excel with "Indsæt kolonne"; the preview grid has no such
 * command, so the test moves the cells as Excel would), "Kør igen": the 6- and 18-month numbers are still
 * those counted on the sheet, and the pane says which columns it found by their header. Renaming a column
 * instead gives the message naming it, and nothing is written.
 */
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPreview, pageErrors } from "./harness";
import { sampleCitizens } from "../../src/preview/sampleData";

const OUTCOME = "Afklaret til job/uddannelse";
const REACHED = ["Jobparat", "Fleksjob", "Revalidering", "Uddannelse"];

type Sheet = { getCell(r: number, c: number): { value: unknown } | undefined; usedExtent(): { rowCount: number; columnCount: number } };
type Book = { getSheet(n: string): Sheet | undefined; setValues(sheet: string, address: string, values: unknown[][]): void; setCellByUser(s: string, r: number, c: number, t: string): void };

/** Intervention "n" of OUTCOME at `month` on the results sheet, read from the workbook the page shows. */
async function resultX(page: Page, month: number): Promise<number | null> {
  return page.evaluate(
    ([outcome, label]) => {
      const s = (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview.getSheet("Sammenligning");
      if (!s) return null;
      let inOutcome = false;
      for (let r = 0; r < s.usedExtent().rowCount; r++) {
        const v = s.getCell(r, 0)?.value;
        if (typeof v === "string" && v.startsWith(outcome)) inOutcome = true;
        if (inOutcome && v === label) return s.getCell(r, 1)?.value as number;
      }
      return null;
    },
    [OUTCOME, `${month} mdr.`] as const,
  );
}

/** Insert a column at K on "Borgere": K:M move to L:N, K gets "Status 3 mdr" and Kontanthjælp for everybody. */
async function insertColumnK(page: Page): Promise<void> {
  await page.evaluate(() => {
    const wb = (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview;
    const s = wb.getSheet("Borgere")!;
    const rows = s.usedExtent().rowCount;
    const moved: unknown[][] = [];
    for (let r = 0; r < rows; r++) moved.push([r === 0 ? "Status 3 mdr" : "Kontanthjælp", ...[10, 11, 12].map((c) => s.getCell(r, c)?.value ?? null)]);
    wb.setValues("Borgere", "K1", moved);
  });
}

describe("Kør igen after a column was inserted (browser preview)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds the moved columns by header and gives the numbers counted on the sheet; a renamed column gives the message", async () => {
    const { rows } = sampleCitizens();
    const count = (col: number): number => rows.filter((r) => r[1] === "Indsats" && typeof r[col] === "string" && REACHED.includes(r[col] as string)).length;
    const page = await openPreview(browser, { pane: "sammenligning" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.locator("[data-testid=comparison-pane]").waitFor();
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    await page.locator('[data-cell="C5"]').click();
    await pane.getByRole("button", { name: "Brug markering" }).click();
    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    await pane.locator("[data-testid=written]").waitFor();
    expect(await resultX(page, 6)).toBe(count(10));
    expect(await resultX(page, 18)).toBe(count(12));

    await insertColumnK(page);
    await pane.getByRole("button", { name: "Kør igen" }).click();
    await pane.locator("[data-testid=columns-moved]").waitFor();
    await expect(pane.locator("[data-testid=columns-moved]").innerText()).resolves.toContain("\u201cStatus 6 mdr\u201d, \u201cStatus 12 mdr\u201d, \u201cStatus 18 mdr\u201d");
    await pane.locator("[data-testid=written]").waitFor();
    expect(await resultX(page, 6)).toBe(count(10));
    expect(await resultX(page, 18)).toBe(count(12));

    // Renamed: the message names the column; the results sheet is not rewritten
    await page.evaluate(() => (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview.setCellByUser("Borgere", 0, 11, "Status ved 6 mdr"));
    await pane.getByRole("button", { name: "Kør igen" }).click();
    const alert = pane.getByTestId("error-bar");
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('"Status 6 mdr" (var kolonne L) findes ikke længere');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
