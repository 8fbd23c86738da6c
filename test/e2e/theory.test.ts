/**
 * Programteori end to end in Chromium: the preview page with the pane opened on ?pane=programteori.
 * A project manager picks a KL template, fills in the size, adds and links a delmål while the
 * validation follows along, saves, and finds both sheets in the workbook (the diagram as shapes).
 */
import * as fs from "node:fs";
import type { Browser } from "playwright-core";
import { launchBrowser, openPreview, pageErrors, screenshot } from "./harness";
import { TEMPLATES } from "../../src/core/theory";

const template = TEMPLATES.find((t) => t.id === "kl-over30-virksomhed") ?? TEMPLATES[0];

describe("Programteori in the preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("builds a theory from a KL template, validates live, saves both sheets and downloads the diagram", async () => {
    const theory = template.build();
    const page = await openPreview(browser, { pane: "programteori" });
    const pane = page.locator("[data-testid=virkning-pane]");
    const validation = pane.getByTestId("theory-validation");

    // 1. Template picker → KL template.
    await pane.getByTestId("theory-templates").waitFor();
    await pane.getByRole("button", { name: `Brug skabelon: ${template.title.da}` }).click();
    await pane.getByTestId("theory-step-title").filter({ hasText: "1. Målgruppe" }).waitFor();

    // 2. The size warning goes away when the size is filled in.
    await validation.getByText(/Målgruppens størrelse er ikke udfyldt/).waitFor();
    await pane.getByLabel("Størrelse (antal borgere)").fill("120");
    await validation.getByText(/Målgruppens størrelse er ikke udfyldt/).waitFor({ state: "detached" });

    // 3. Step 3: add a delmål; it leads nowhere until it is linked to a slutmål.
    // The step tab names its step and its status.
    await pane.getByRole("tab", { name: "3 Delmål (færdigt)", exact: true }).click();
    await pane.getByTestId("theory-step-title").filter({ hasText: "3. Delmål" }).waitFor();
    await pane.getByRole("button", { name: "Tilføj delmål" }).click();
    const newId = `D${theory.subGoals.length + 1}`;
    const card = pane.getByTestId(`theory-item-${newId}`);
    await card.getByLabel("Navn").fill("Borgeren kan tale om sine mål");
    const unlinked = validation.getByText(`Delmål ${newId} »Borgeren kan tale om sine mål« fører ikke til et slutmål`, { exact: false });
    await unlinked.waitFor();
    const final = theory.finalGoals[0];
    await card.getByRole("checkbox", { name: `${final.id} ${final.name}` }).check();
    await unlinked.waitFor({ state: "detached" });

    // 4. Save: both sheets appear as tabs in the grid.
    await pane.getByRole("button", { name: "Gem i projektmappen" }).click();
    await pane.getByText('Gemt i arkene "Programteori" og "Programteori – diagram".').waitFor();
    const theoryTab = page.locator('[role=tab][data-sheet="Programteori"]');
    const diagramTab = page.locator('[role=tab][data-sheet="Programteori – diagram"]');
    await theoryTab.click();
    await page.locator('[data-cell="A1"]').filter({ hasText: "Programteori" }).waitFor();
    // The new delmål is a row of the Delmål table (below the target group, whose lists take a
    // line each: scroll down to it as a user would).
    const newRow = page.locator("[data-cell]").filter({ hasText: /^Borgeren kan tale om sine mål$/ });
    await page.locator("[role=grid]").first().hover();
    for (let i = 0; i < 30 && (await newRow.count()) === 0; i++) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(50);
    }
    await newRow.first().waitFor();
    await diagramTab.click();
    await expect(diagramTab.getAttribute("aria-selected")).resolves.toBe("true");
    await page.locator(`[data-shape="Boks_${newId}"]`).waitFor();
    await page.locator(`[data-shape="Boks_${final.id}"]`).waitFor();
    const shapes = await page.locator("[data-shape^=Boks_]").count();
    expect(shapes).toBe(theory.finalGoals.length + theory.subGoals.length + 1 + theory.activities.length + theory.mechanisms.length + 1);
    await screenshot(page, "theory.png");

    // 5. The pane's diagram: SVG and PNG downloads.
    await pane.getByRole("tab", { name: "Diagram" }).click();
    const svg = pane.getByTestId("theory-diagram");
    await svg.waitFor();
    expect(await svg.locator("path[data-link]").count()).toBe(theory.links.length + 1);
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), pane.getByRole("button", { name: "Hent SVG" }).click()]);
    expect(svgDownload.suggestedFilename()).toBe("programteori.svg");
    const svgText = fs.readFileSync(await svgDownload.path(), "utf8");
    expect(svgText.startsWith("<?xml")).toBe(true);
    // The new delmål's box in the file, its lines read together (wherever they break).
    const group = new RegExp(`<g data-box="${newId}"[^>]*>(.*?)</g>`, "s").exec(svgText);
    expect(group?.[1].replace(/<[^>]+>/g, " ").split(/\s+/).filter((w) => w !== "").join(" ")).toBe("Borgeren kan tale om sine mål");
    const [pngDownload] = await Promise.all([page.waitForEvent("download"), pane.getByRole("button", { name: "Hent PNG" }).click()]);
    expect(pngDownload.suggestedFilename()).toBe("programteori.png");
    const png = fs.readFileSync(await pngDownload.path());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    // Width at 2×: A4 landscape is 842 pt wide.
    expect(png.readUInt32BE(16)).toBe(842 * 2);

    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
