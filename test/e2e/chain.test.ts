/**
 * End to end in Chromium on the sample workbook: a KL template saved as the programme theory, the
 * comparison computed in the Sammenligning pane with the slutmål as outcomes ("Hent fra
 * programteorien"), the measurement sheet made for the comparison's citizens in the Progression pane
 * and two rounds scored (typed into the sheet; citizens who reached a slutmål score high), then step 3 makes "Virkningskæden i data" and its
 * diagram; the pane's count of supported links equals the sheet's status column, the diagram shows
 * each delmål → slutmål link's status label and the legend, and the leader page gets its "Holder
 * kæden?" lines. The chain step passes axe and fits a 320 px pane. Screenshots: test-results/chain-diagram.png (the
 * coloured diagram), test-results/chain.png (the chain sheet), test-results/chain-pane-320.png.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { choosePane, launchBrowser, openPreview, pageErrors, RESULTS_DIR, screenshot, saveTemplateTheory } from "./harness";
import { outcomesFromTheory } from "../../src/core/analysis";
import { CHAIN_DIAGRAM_SHEET_NAME, CHAIN_SHEET_NAME } from "../../src/core/chain";
import { scaleItems } from "../../src/core/progression";
import { TEMPLATES } from "../../src/core/theory/templates";
import { TERMS } from "../../src/core/vocabulary";
import { linesStartingWith, scoreTwoRounds, statusesOnSheet } from "./workbookReads";

const template = TEMPLATES[0];
const theory = template.build();
const items = scaleItems(theory);
const outcomeLinks = theory.links.filter((l) => l.kind === "delmaal-slutmaal");

/** Elements of the chain step whose right edge passes the visible pane's, or a pane that scrolls sideways. */
async function outsidePane(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector("[data-testid=virkning-pane]") as HTMLElement;
    const section = document.querySelector("[data-testid=chain-section]") as HTMLElement;
    const out: string[] = [];
    if (pane.scrollWidth > pane.clientWidth) out.push(`pane scrollWidth ${pane.scrollWidth} > ${pane.clientWidth}`);
    // the pane's visible width: the preview's side panel without its border and scroll bar
    const aside = document.querySelector("aside") as HTMLElement;
    const right = aside.getBoundingClientRect().left + aside.clientLeft + aside.clientWidth + 0.5;
    for (const el of [section, ...Array.from(section.querySelectorAll<HTMLElement>("*"))]) {
      const r = el.getBoundingClientRect();
      if (r.width > 1 && r.right > right) out.push(`${el.tagName.toLowerCase()} right ${Math.round(r.right)} > ${Math.round(right)}: ${(el.textContent ?? "").slice(0, 40)}`);
    }
    return out;
  });
}

describe("Virkningskæden i data in the browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("theory → comparison → measurement rounds → chain sheet and coloured diagram → Holder kæden? on the leader page", async () => {
    const page = await openPreview(browser, { pane: "programteori" });
    const pane = page.locator("[data-testid=virkning-pane]");
    await saveTemplateTheory(page, template.title.da);

    await choosePane(page, "sammenligning");
    await pane.locator("[data-testid=comparison-pane]").waitFor();
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    await page.locator('[data-cell="C5"]').click();
    await pane.getByRole("button", { name: "Brug markering" }).click();
    await pane.getByRole("button", { name: "Hent fra programteorien" }).click();
    await expect(pane.locator("[data-testid=outcome-0] input[type=text]").first().inputValue()).resolves.toBe(outcomesFromTheory(theory)[0].name);
    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    await pane.locator("[data-testid=written]").waitFor();

    await choosePane(page, "progression");
    await pane.getByLabel(/Fra sammenligningens data \(60 borgere\)/).check();
    await pane.getByLabel("Startdato (runde 1)").fill("05-01-2026");
    await pane.getByRole("button", { name: "Lav målingsark" }).click();
    await pane.locator("[data-testid=progression-report]").waitFor();
    expect(await scoreTwoRounds(page, theory)).toBe(60 * 2 * items.length);

    const step = pane.getByRole("region", { name: `3. ${TERMS.chain.da}` });
    await step.getByRole("button", { name: `Lav "${TERMS.chain.da}"` }).click();
    const done = step.getByTestId("chain-result");
    await done.waitFor();
    const statuses = await statusesOnSheet(page);
    expect(statuses.length).toBe(outcomeLinks.length);
    const supported = statuses.filter((s) => s === TERMS.linkSupported.da).length;
    // the scores follow the slutmål, so the data support at least one link
    expect(supported).toBeGreaterThan(0);
    await expect(done.innerText()).resolves.toBe(`${supported} af ${outcomeLinks.length} forbindelser fra delmål til slutmål er ${TERMS.linkSupported.da} i data. Se arkene "${CHAIN_SHEET_NAME}" og "${CHAIN_DIAGRAM_SHEET_NAME}".`);

    // A wide window, so the whole diagram and the chain sheet's tables show beside the pane.
    await page.setViewportSize({ width: 2000, height: 1150 });
    // The coloured diagram: each delmål → slutmål link carries its status as a label, and the legend explains the styles.
    await page.locator(`[role=tab][data-sheet="${CHAIN_DIAGRAM_SHEET_NAME}"]`).click();
    for (const [k, l] of outcomeLinks.entries()) await expect(page.locator(`[data-shape="Status_${l.id}"]`).innerText()).resolves.toBe(statuses[k]);
    await expect(page.locator('[data-shape^="Forklaring_tekst_"]').count()).resolves.toBe(4);
    await expect(page.locator('[data-shape^="Forklaring_tekst_"]').first().innerText()).resolves.toMatch(new RegExp(`^${TERMS.linkSupported.da}`));
    await screenshot(page, "chain-diagram.png");

    await page.locator(`[role=tab][data-sheet="${CHAIN_SHEET_NAME}"]`).click();
    await expect(page.locator('[data-cell="A1"]').innerText()).resolves.toBe(TERMS.chain.da);
    await screenshot(page, "chain.png");

    // The step with its message passes axe's WCAG 2 A/AA rules (evaluated through the DevTools protocol, as in progression.test.ts).
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const r = await axe.run({ include: [["[data-testid=chain-section]"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);

    // At a 320 px pane the chain step and its message stay inside the pane.
    await page.locator("aside").evaluate((el) => ((el as HTMLElement).style.width = "320px"));
    await step.scrollIntoViewIfNeeded();
    await expect(outsidePane(page)).resolves.toEqual([]);
    await page.locator("aside").screenshot({ path: path.join(RESULTS_DIR, "chain-pane-320.png") });

    await choosePane(page, "ledelsesoverblik");
    await pane.getByRole("button", { name: "Byg ledelsesoverblik" }).click();
    await pane.locator("[data-testid=summary-report]").waitFor();
    const lines = await linesStartingWith(page, "Ledelsesoverblik", TERMS.chainHolds.da);
    const goals = [...new Set(outcomeLinks.map((l) => l.to))];
    expect(lines.length).toBe(goals.length);
    for (const g of goals) expect(lines.filter((x) => x.startsWith(`${TERMS.chainHolds.da} ${g} `)).length).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
