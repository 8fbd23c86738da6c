/**
 * End to end in Chromium: a KL template saved as the programme theory, a comparison on the sample
 * workbook in the Sammenligning pane, then the
 * Ledelsesoverblik pane builds the leader's page; the leader types two nøgletal months (one beyond
 * the tolerance) into the sheet, the page is updated, and the entries are still there with the flag.
 * Screenshots: the page, test-results/summary.png; the nøgletal, test-results/summary-noegletal.png.
 */
import type { Browser, Page } from "playwright-core";
import { choosePane, launchBrowser, openPreview, pageErrors, screenshot } from "./harness";
import { KL_KEY_FIGURES } from "../../src/core/summary/keyFigures";
import { TEMPLATES } from "../../src/core/theory/templates";

const template = TEMPLATES[0];

const ACT = KL_KEY_FIGURES[0].da;

async function goTo(page: Page, address: string): Promise<void> {
  const box = page.locator("[data-testid=name-box]");
  await box.click();
  await box.fill(address);
  await box.press("Enter");
}

async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await goTo(page, address);
  await page.locator(`[data-cell="${address}"]`).dblclick();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** 1-based row on Ledelsesoverblik whose column A is `a` (and column B is `b`, when given), read from the page's workbook. */
async function rowOf(page: Page, a: string, b?: string): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      type Sheet = { getCell(r: number, c: number): { value: unknown } | undefined; usedExtent(): { rowCount: number } };
      const wb = (globalThis as unknown as { __virkningPreview: { getSheet(n: string): Sheet | undefined } }).__virkningPreview;
      const s = wb.getSheet("Ledelsesoverblik");
      if (!s) return -1;
      for (let r = 0; r < s.usedExtent().rowCount; r++) {
        if (s.getCell(r, 0)?.value !== a) continue;
        const v = s.getCell(r, 1)?.value;
        if (b === null ? v === undefined || v === null || v === "" : v === b) return r + 1;
      }
      return -1;
    },
    [a, b ?? null] as const,
  );
}

async function cellText(page: Page, address: string): Promise<string> {
  await goTo(page, address);
  return page.locator(`[data-cell="${address}"]`).innerText();
}

describe("Ledelsesoverblik in the browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("builds the page after a comparison, keeps two nøgletal months on update and flags the deviation", async () => {
    const page = await openPreview(browser, { pane: "programteori" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.getByRole("button", { name: `Brug skabelon: ${template.title.da}` }).click();
    await pane.getByRole("button", { name: "Gem i projektmappen" }).click();
    await page.locator('[role=tab][data-sheet="Programteori"]').waitFor();

    await pane.locator('[data-pane="sammenligning"]').click();
    await pane.locator("[data-testid=comparison-pane]").waitFor();
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    await page.locator('[data-cell="C5"]').click();
    await pane.getByRole("button", { name: "Brug markering" }).click();
    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    await pane.locator("[data-testid=written]").waitFor();

    await choosePane(page, "ledelsesoverblik");
    await expect(pane.locator("[data-testid=summary-sources]").innerText()).resolves.toContain("Sammenligning: gemte indstillinger fundet");
    await pane.getByRole("button", { name: "Byg ledelsesoverblik" }).click();
    await pane.locator("[data-testid=summary-report]").waitFor();
    await expect(page.locator('[role=tab][data-sheet="Ledelsesoverblik"]').getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.locator('[data-cell="A1"]').innerText()).resolves.toBe(`Ledelsesoverblik – ${template.build().title}`);
    // the verdict first: the edition on row 2, one line per slutmål from row 3
    await expect(cellText(page, "A2")).resolves.toMatch(/^Intern udgave: må ikke deles uden for kommunen/);
    await expect(cellText(page, "A3")).resolves.toMatch(/^(Indsatsen ser ud til at virke på|Vi kan ikke se en (sikker )?forskel på|For få borgere til at sige noget om) "/);

    // January on KL's row for the activation rate; February (a deviation of −5 against ±2) on the first empty row.
    const jan = await rowOf(page, ACT);
    expect(jan).toBeGreaterThan(0);
    await typeInto(page, `B${jan}`, "2026-01");
    await typeInto(page, `C${jan}`, "30");
    await typeInto(page, `D${jan}`, "31");
    await typeInto(page, `E${jan}`, "2");
    const empty = jan + KL_KEY_FIGURES.length; // KL's other three examples follow; then the empty rows
    await typeInto(page, `A${empty}`, ACT);
    await typeInto(page, `B${empty}`, "2026-02");
    await typeInto(page, `C${empty}`, "30");
    await typeInto(page, `D${empty}`, "25");
    await typeInto(page, `E${empty}`, "2");
    await typeInto(page, `H${empty}`, "To medarbejdere sygemeldt");
    await typeInto(page, `I${empty}`, "Vikar fra marts");
    await expect(cellText(page, `G${empty}`)).resolves.toBe("Afvigelse");

    await pane.getByRole("button", { name: "Opdater ledelsesoverblik" }).click();
    await page.waitForFunction(() => document.querySelector("[data-testid=summary-report]")?.textContent?.includes("Bevaret: 2 nøgletalsrækker"));
    // Both months kept, now next to each other, February flagged, explanation and action kept.
    const jan2 = await rowOf(page, ACT, "2026-01");
    const feb2 = await rowOf(page, ACT, "2026-02");
    expect(jan2).toBeGreaterThan(0);
    expect(feb2).toBe(jan2 + 1);
    await expect(cellText(page, `G${jan2}`)).resolves.toBe("OK");
    await expect(cellText(page, `G${feb2}`)).resolves.toBe("Afvigelse");
    await expect(cellText(page, `H${feb2}`)).resolves.toBe("To medarbejdere sygemeldt");
    await expect(cellText(page, `I${feb2}`)).resolves.toBe("Vikar fra marts");
    // A locked cell (the flag formula) does not open for editing.
    await page.locator(`[data-cell="G${feb2}"]`).dblclick();
    await page.keyboard.type("OK");
    await page.keyboard.press("Enter");
    await expect(cellText(page, `G${feb2}`)).resolves.toBe("Afvigelse");

    await page.setViewportSize({ width: 2000, height: 1150 });
    await goTo(page, `A${jan2 + 25}`);
    await goTo(page, `A${jan2 - 19}`);
    await screenshot(page, "summary-noegletal.png");

    await pane.getByRole("button", { name: "Åbn udskriftsvisning" }).click();
    await pane.locator("[data-testid=summary-print]").waitFor();
    await goTo(page, "A1");
    // wide enough to show the printed columns A–I beside the pane
    await page.locator('[data-cell="I1"]').waitFor();
    await screenshot(page, "summary.png");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
