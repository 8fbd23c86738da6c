/**
 * End to end in Chromium: save a KL template as the programme theory, make the measurement sheet in the
 * Progression pane for four typed citizens, pick scores from the cells' dropdowns across two rounds,
 * compute, and see the tables and charts on "Progression". Screenshot: test-results/progression.png.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { choosePane, launchBrowser, openPreview, pageErrors, screenshot, saveTemplateTheory } from "./harness";
import { TEMPLATES } from "../../src/core/theory/templates";
import { scaleItems } from "../../src/core/progression";

const template = TEMPLATES[0];
const items = scaleItems(template.build());
const labels = items[0].labels;

async function goTo(page: Page, address: string): Promise<void> {
  const box = page.locator("[data-testid=name-box]");
  await box.click();
  await box.fill(address);
  await box.press("Enter");
}

/** Pick `label` from the dropdown of `address` (the cell must be active for its dropdown to show). */
async function pick(page: Page, address: string, label: string): Promise<void> {
  await goTo(page, address);
  await page.locator(`[data-dropdown="${address}"]`).selectOption(label);
  await page.locator(`[data-cell="${address}"]`).filter({ hasText: label }).waitFor();
}

describe("Progression in the browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("measurement sheet from a KL template, scores from the dropdowns, tables and charts", async () => {
    const page = await openPreview(browser, { pane: "programteori" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await saveTemplateTheory(page, template.title.da);

    await choosePane(page, "progression");
    await expect(pane.locator("[data-testid=progression-items]").innerText()).resolves.toContain(`${items.length} delmål med skala`);
    await pane.getByLabel(/Borger-ID'er/).fill(["K1;Indsats", "K2;Kontrol", "K3;Indsats", "K4;Kontrol"].join("\n"));
    await pane.getByLabel("Startdato (runde 1)").fill("05-01-2026");
    await pane.getByRole("button", { name: "Lav målingsark" }).click();
    await pane.locator("[data-testid=progression-report]").waitFor();
    await expect(page.locator('[role=tab][data-sheet="Progressionsmåling"]').getAttribute("aria-selected")).resolves.toBe("true");
    // Overdue rounds are filled orange before anything is scored.
    await expect(page.locator('[data-cell="A5"]').evaluate((el) => (el as HTMLElement).style.background)).resolves.toBe("rgb(252, 228, 214)");

    // Eight rounds per citizen: K1 rows 5–12, K2 13–20, K3 21–28, K4 29–36. Delmål D1 is column G.
    const first = [0, 1, 0, 2];
    const second = [3, 1, 4, 3];
    for (let i = 0; i < 4; i++) {
      await pick(page, `G${5 + 8 * i}`, labels[first[i]]);
      await pick(page, `G${6 + 8 * i}`, labels[second[i]]);
    }
    await expect(page.locator('[data-cell="A5"]').evaluate((el) => (el as HTMLElement).style.background)).resolves.not.toBe("rgb(252, 228, 214)");

    await goTo(page, "G6");
    await screenshot(page, "progression-measurement.png");

    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    const result = pane.locator("[data-testid=progression-result]");
    await result.waitFor();
    // Changes +3, 0, +4, +1: three of four improved.
    await expect(result.innerText()).resolves.toContain(`${items[0].id}: 3 af 4 forbedret`);
    await expect(page.locator('[role=tab][data-sheet="Progression"]').getAttribute("aria-selected")).resolves.toBe("true");
    await page.locator('[data-cell="A4"]').filter({ hasText: "Ændring fra første til seneste måling" }).waitFor();
    await goTo(page, "E40");
    await page.locator(`[data-chart="Progression ${items[0].id}"]`).first().waitFor();
    await goTo(page, "A1");
    await screenshot(page, "progression.png");

    // The pane passes axe's WCAG 2 A/AA rules.
    // (evaluated through the DevTools protocol: the preview's CSP rightly blocks injected script tags)
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const r = await axe.run({ include: [["[data-testid=progression-pane]"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });
});
