/**
 * End to end in Chromium (issue 24): the preview with the weekly register sample (`?data=uger`), the
 * Registeropfølgning pane finds "Ugedata" and its columns, "Beregn" writes "Statuskoder" and
 * "Registeropfølgning" with the Kaplan–Meier chart and the weekly share chart drawn. Screenshots:
 * test-results/register.png (the sheet from its top), test-results/register-km.png (the Kaplan–Meier chart)
 * and test-results/register-statuskoder.png (the mapping sheet). A CPR number typed into the data afterwards is
 * refused by "Kør igen" through the computation worker, naming the cell.
 */
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { choosePane, launchBrowser, openPreview, pageErrors, RESULTS_DIR, screenshot } from "./harness";

describe("Registeropfølgning in the browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("runs on the weekly sample and draws the Kaplan–Meier chart", async () => {
    const page = await openPreview(browser, { data: "uger" });
    await choosePane(page, "registeropfoelgning");
    const pane = page.locator("[data-testid=virkning-pane]");
    await expect(pane.getByTestId("register-layout").innerText()).resolves.toBe("Dataformat: bred (én række pr. borger, 104 ugekolonner).");
    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    const result = pane.getByTestId("register-result");
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain("Uger vundet i selvforsørgelse: ");
    await page.locator('[role=tab][data-sheet="Registeropfølgning"][aria-selected=true]').waitFor();
    await page.locator('[role=tab][data-sheet="Statuskoder"]').waitFor();

    // the sheet from its top: headline and the Kaplan–Meier chart
    await page.locator('[data-cell="A1"]').first().scrollIntoViewIfNeeded();
    await expect(page.locator('[data-cell="A4"]').first().innerText()).resolves.toBe("Hovedresultat");
    await screenshot(page, "register.png");

    // both charts are drawn as SVG with their lines (two groups each)
    await expect(page.locator(".vk-chart").count()).resolves.toBe(2);
    const km = page.locator('[data-chart="KaplanMeier"]');
    await km.scrollIntoViewIfNeeded();
    await expect(km.locator("svg").isVisible()).resolves.toBe(true);
    await expect(km.innerText()).resolves.toContain("Tid til selvforsørgelse (Kaplan–Meier)");
    await expect(km.locator("svg path, svg polyline").count()).resolves.toBeGreaterThanOrEqual(2);
    await km.screenshot({ path: path.join(RESULTS_DIR, "register-km.png") });

    await page.locator('[role=tab][data-sheet="Statuskoder"]').click();
    await page.locator('[data-cell="A5"]').first().waitFor();
    await expect(page.locator('[data-cell="A5"]').first().innerText()).resolves.toBe("Statuskode");
    await screenshot(page, "register-statuskoder.png");

    // a CPR number typed into the data: "Kør igen" is refused through the computation worker, naming the cell
    await page.evaluate(() => {
      const wb = (globalThis as unknown as { __virkningPreview: { setCellByUser(s: string, r: number, c: number, t: string): void } }).__virkningPreview;
      wb.setCellByUser("Ugedata", 4, 0, "010190-1234");
    });
    await pane.getByRole("button", { name: "Kør igen", exact: true }).click();
    const error = pane.getByTestId("error-bar");
    await error.waitFor();
    await expect(error.innerText()).resolves.toContain('Arket "Ugedata", celle A5: ID\'et ligner et CPR-nummer');
    await expect(error.innerText()).resolves.not.toContain("010190");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
