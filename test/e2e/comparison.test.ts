/**
 * End to end in Chromium: the Sammenligning pane beside the sample workbook. Select the data, accept the
 * suggested roles and outcomes, calculate, see the number on "Sammenligning"; change a status on "Borgere",
 * "Kør igen", see the number change.
 */
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPreview, pageErrors, screenshot } from "./harness";
import { sampleCitizens } from "../../src/preview/sampleData";

const OUTCOME = "Afklaret til job/uddannelse";
const REACHED = ["Jobparat", "Fleksjob", "Revalidering", "Uddannelse"];

/** Expected intervention count at 18 months, counted from the sample data (not by the analysis). */
function expectedX(rows: (string | number | null)[][]): number {
  return rows.filter((r) => r[1] === "Indsats" && typeof r[12] === "string" && REACHED.includes(r[12])).length;
}

/** 1-based row on "Sammenligning" of the 18-month line of OUTCOME, found in the workbook the page shows. */
async function resultRow(page: Page): Promise<number> {
  return page.evaluate((outcome) => {
    type Sheet = { getCell(r: number, c: number): { value: unknown } | undefined; usedExtent(): { rowCount: number } };
    const wb = (globalThis as unknown as { __virkningPreview: { getSheet(n: string): Sheet | undefined } }).__virkningPreview;
    const s = wb.getSheet("Sammenligning");
    if (!s) return -1;
    const n = s.usedExtent().rowCount;
    let start = -1;
    for (let r = 0; r < n && start < 0; r++) {
      const v = s.getCell(r, 0)?.value;
      if (typeof v === "string" && v.startsWith(outcome)) start = r;
    }
    for (let r = start + 1; start >= 0 && r < n; r++) if (s.getCell(r, 0)?.value === "18 mdr.") return r + 1;
    return -1;
  }, OUTCOME);
}

async function goTo(page: Page, address: string): Promise<void> {
  const box = page.locator("[data-testid=name-box]");
  await box.click();
  await box.fill(address);
  await box.press("Enter");
}

describe("Sammenligning in the browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("calculates from the sample data and Kør igen follows a changed status", async () => {
    const { rows } = sampleCitizens();
    const x0 = expectedX(rows);
    // An intervention citizen whose 18-month status does not count yet (and who has not moved away).
    const target = rows.findIndex((r) => r[1] === "Indsats" && typeof r[12] === "string" && !REACHED.includes(r[12]) && r[12] !== "Fraflyttet");
    expect(target).toBeGreaterThanOrEqual(0);

    const page = await openPreview(browser, { pane: "sammenligning" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.locator("[data-testid=comparison-pane]").waitFor();

    // Select the data: a cell inside "Borgere", then "Brug markering".
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    await page.locator('[data-cell="C5"]').click();
    await pane.getByRole("button", { name: "Brug markering" }).click();
    await expect(pane.locator("[data-testid=source-range]").innerText()).resolves.toBe("Område: Borgere!A1:M61 (60 rækker med data)");
    // Suggested roles and outcomes are accepted as they are.
    await expect(pane.getByLabel("Rolle: Status 18 mdr").inputValue()).resolves.toBe("timepoint");
    await expect(pane.locator("[data-testid=outcome-0] input[type=text]").first().inputValue()).resolves.toBe(OUTCOME);

    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    await pane.locator("[data-testid=written]").waitFor();
    const tab = page.locator('[role=tab][data-sheet="Sammenligning"]');
    await expect(tab.getAttribute("aria-selected")).resolves.toBe("true");
    const row = await resultRow(page);
    expect(row).toBeGreaterThan(0);
    await goTo(page, `B${row}`);
    await expect(page.locator(`[data-cell="B${row}"]`).innerText()).resolves.toBe(String(x0));
    await expect(pane.locator("[data-testid=summary]").innerText()).resolves.toContain(`Indsats ${x0}/`);

    // Back to the data: change one status (double-click, type, Enter).
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    const cell = `M${target + 2}`;
    await goTo(page, cell);
    await page.locator(`[data-cell="${cell}"]`).dblclick();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Uddannelse");
    await page.keyboard.press("Enter");
    await expect(page.locator(`[data-cell="${cell}"]`).innerText()).resolves.toBe("Uddannelse");

    await pane.getByRole("button", { name: "Kør igen" }).click();
    await pane.locator("[data-testid=written]").waitFor();
    await expect(tab.getAttribute("aria-selected")).resolves.toBe("true");
    await goTo(page, `B${row}`);
    await page.waitForFunction(([a, v]) => document.querySelector(`[data-cell="${a}"]`)?.textContent === v, [`B${row}`, String(x0 + 1)] as const);
    await expect(page.locator(`[data-cell="B${row}"]`).innerText()).resolves.toBe(String(x0 + 1));
    await screenshot(page, "comparison.png");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
