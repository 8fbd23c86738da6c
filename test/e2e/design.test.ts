/**
 * End to end in Chromium: the Forsøgsdesign pane beside the sample workbook. Randomise the sample list
 * (stratified by Køn, two reserves per stratum, a fixed seed), mark a citizen as declined, and see the
 * replacement on the protected "Randomisering" sheet and in its audit block. Expected IDs and arms come
 * from the independent implementation (test/fixtures/design/allocation.json).
 * Screenshot: test-results/design.png.
 */
import type { Browser, Page } from "playwright-core";
import allocation from "../fixtures/design/allocation.json";
import { launchBrowser, openPreview, pageErrors, screenshot } from "./harness";

type Case = (typeof allocation.cases)[number] & { afterDeclines: { log: { declined: string; replacement: string; stratum: number; arm: string }[] } };
const CASE = allocation.cases.find((c) => c.name.startsWith("sample: Køn, seed 2^32-1")) as Case;
const ARM: Record<string, string> = { I: "Indsatsgruppe", C: "Kontrolgruppe" };

/** 1-based row on "Randomisering" whose column A (list) or J (audit log) holds `text`. */
async function rowOf(page: Page, text: string, column: number): Promise<number> {
  return page.evaluate(
    ([t, c]) => {
      type Sheet = { getCell(r: number, c: number): { value: unknown } | undefined; usedExtent(): { rowCount: number } };
      const wb = (globalThis as unknown as { __virkningPreview: { getSheet(n: string): Sheet | undefined } }).__virkningPreview;
      const s = wb.getSheet("Randomisering");
      if (!s) return -1;
      for (let r = 0; r < s.usedExtent().rowCount; r++) if (s.getCell(r, c as number)?.value === t) return r + 1;
      return -1;
    },
    [text, column] as const,
  );
}

describe("Forsøgsdesign in the browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("randomises the sample list, replaces a declined citizen and shows the protected sheet", async () => {
    const e = CASE.afterDeclines.log[0];
    const page = await openPreview(browser, { pane: "forsoegsdesign" });
    await page.setViewportSize({ width: 1920, height: 1000 });
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.locator("[data-testid=design-pane]").waitFor();

    await pane.locator("[data-testid=design-sheet]").selectOption("Borgere");
    await expect(pane.locator("[data-testid=design-list-info]").innerText()).resolves.toBe("Liste: Borgere!A1:M61 (60 borgere)");
    await pane.getByLabel("Køn", { exact: true }).check();
    await pane.getByLabel("Seed", { exact: true }).fill(String(CASE.seed));
    await pane.getByLabel("Reserver pr. stratum", { exact: true }).fill(String(CASE.reserves));
    await pane.getByRole("button", { name: "Randomisér", exact: true }).click();
    await expect(pane.locator("[data-testid=design-message]").innerText()).resolves.toBe('Fordelingen er skrevet i arket "Randomisering".');
    await expect(page.locator('[role=tab][data-sheet="Randomisering"]').getAttribute("aria-selected")).resolves.toBe("true");

    await pane.getByLabel("ID på borgeren, der har afslået").fill(e.declined);
    await pane.getByRole("button", { name: "Markér som afslået og kald næste ind" }).click();
    await expect(pane.locator("[data-testid=design-message]").innerText()).resolves.toContain(`${e.replacement} er kaldt ind i stedet`);

    // The list shows the replacement in the decliner's arm; the audit block logs it.
    const r = await rowOf(page, e.replacement, 0);
    expect(r).toBeGreaterThan(0);
    await expect(page.locator(`[data-cell="G${r}"]`).innerText()).resolves.toBe(ARM[e.arm]);
    await expect(page.locator(`[data-cell="H${r}"]`).innerText()).resolves.toBe(`Kaldt ind i stedet for ${e.declined}`);
    const logRow = await rowOf(page, e.declined, 10);
    expect(logRow).toBeGreaterThan(0);
    await expect(page.locator(`[data-cell="L${logRow}"]`).innerText()).resolves.toBe(e.replacement);

    // The sheet is protected: typing over an arm changes nothing.
    await page.locator(`[data-cell="G${r}"]`).dblclick();
    await page.keyboard.type("Kontrol");
    await page.keyboard.press("Enter");
    await expect(page.locator(`[data-cell="G${r}"]`).innerText()).resolves.toBe(ARM[e.arm]);

    await page.locator(`[data-cell="I${logRow + 2}"]`).click();
    const file = await screenshot(page, "design.png");
    expect(file).toMatch(/test-results[\\/]design\.png$/);
    expect(pageErrors(page)).toEqual([]);
  });
});
