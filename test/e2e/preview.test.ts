import type { Browser } from "playwright-core";
import { launchBrowser, openPreview, pageErrors, screenshot } from "./harness";

describe("browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the task pane beside the sample sheet of citizens", async () => {
    const page = await openPreview(browser);
    // The pane: product name and the navigation of the panes that exist.
    const pane = page.locator("[data-testid=virkning-pane]");
    await expect(pane.getByText("Virkning", { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(pane.locator("[data-pane=programteori]").isVisible()).resolves.toBe(true);
    await expect(pane.locator("[data-pane=sammenligning]").isVisible()).resolves.toBe(true);
    // The sample workbook: the "Borgere" sheet is active and shows its header and citizens.
    await expect(page.locator('[role=tab][data-sheet="Borgere"]').getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.locator('[data-cell="A1"]').innerText()).resolves.toBe("ID");
    await expect(page.locator('[data-cell="B1"]').innerText()).resolves.toBe("Gruppe");
    const group = await page.locator('[data-cell="B2"]').innerText();
    expect(["Indsats", "Kontrol"]).toContain(group);
    await screenshot(page, "preview");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("switches the pane to English with ?lang=en", async () => {
    const page = await openPreview(browser, { lang: "en" });
    await expect(page.locator("[data-pane=programteori]").innerText()).resolves.toBe("Programme theory");
    await expect(page.locator("[data-pane=sammenligning]").innerText()).resolves.toBe("Comparison");
    await page.close();
  });
});
