/**
 * End to end in Chromium on the sample workbook, the whole evaluation as a user drives it through the
 * panes (issue 21 "Done when"): a KL template saved as the programme theory → the sample's citizens
 * randomised in Forsøgsdesign → the comparison taking its groups and strata from "Randomisering" →
 * the measurement sheet for the comparison's citizens, two rounds typed → Progression → the chain step
 * ("Virkningskæden i data" and its coloured diagram) → Ledelsesoverblik with one "Holder kæden?" line
 * per slutmål → Overblik lists every part (the chain included) as Opdateret. Then one status in the case
 * data is edited: the Overblik marks exactly the parts that read it as Forældet, and "Opdater alt" makes
 * them again. Also saved: test-results/evaluation-overblik-stale.png (the pane after the edit).
 * Screenshots in test-results/: evaluation-overblik.png, evaluation-diagram.png,
 * evaluation-chain.png, evaluation-leader.png.
 */
import * as path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { choosePane, launchBrowser, openPreview, pageErrors, RESULTS_DIR, screenshot, saveTemplateTheory } from "./harness";
import { linesStartingWith, scoreTwoRounds, statusesOnSheet, type Book } from "./workbookReads";
import { outcomesFromTheory } from "../../src/core/analysis";
import { CHAIN_DIAGRAM_SHEET_NAME, CHAIN_SHEET_NAME } from "../../src/core/chain";
import { MEASUREMENT_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { TEMPLATES } from "../../src/core/theory/templates";
import { TERMS } from "../../src/core/vocabulary";

const template = TEMPLATES[0];
const theory = template.build();
const items = scaleItems(theory);
const outcomeLinks = theory.links.filter((l) => l.kind === "delmaal-slutmaal");
const goals = [...new Set(outcomeLinks.map((l) => l.to))];
const ARM = { I: "Indsatsgruppe", C: "Kontrolgruppe" };

/** Citizen ID → randomised arm ("Indsatsgruppe"/"Kontrolgruppe") of every citizen in the trial on "Randomisering". */
async function randomisedArms(page: Page): Promise<Map<string, string>> {
  const pairs = await page.evaluate(
    ([arms]) => {
      const s = (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview.getSheet("Randomisering")!;
      const out: [string, string][] = [];
      for (let r = 0; r < s.usedExtent().rowCount; r++) {
        const id = s.getCell(r, 0)?.value;
        const arm = s.getCell(r, 6)?.value;
        if (typeof id === "string" && /^B\d{3}$/.test(id) && arms.includes(String(arm))) out.push([id, String(arm)]);
      }
      return out;
    },
    [Object.values(ARM)] as const,
  );
  return new Map(pairs);
}

/** Citizen ID → group of each row on the measurement sheet (columns A and B below its header row). */
async function measurementGroups(page: Page): Promise<Map<string, string>> {
  const pairs = await page.evaluate(
    ([name]) => {
      const s = (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview.getSheet(name)!;
      const out: [string, string][] = [];
      for (let r = 4; r < s.usedExtent().rowCount; r++) {
        const id = s.getCell(r, 0)?.value;
        if (typeof id === "string" && id !== "") out.push([id, String(s.getCell(r, 1)?.value ?? "")]);
      }
      return out;
    },
    [MEASUREMENT_SHEET_NAME] as const,
  );
  return new Map(pairs);
}

/** The Overblik's parts as (id → data-status), read from the pane. */
async function partStates(pane: Locator): Promise<Record<string, string>> {
  const parts = pane.locator("[data-testid^=overview-part-]");
  const out: Record<string, string> = {};
  for (const el of await parts.all()) out[(await el.getAttribute("data-testid"))!.replace("overview-part-", "")] = (await el.getAttribute("data-status")) ?? "";
  return out;
}

describe("One evaluation from theory to leader page in the browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("theory → randomisation → comparison from Randomisering → measurement rounds → progression → chain → leader page, kept up to date by the Overblik", async () => {
    const page = await openPreview(browser, { pane: "programteori" });
    await page.setViewportSize({ width: 2000, height: 1150 });
    const pane = page.locator("[data-testid=virkning-pane]");

    // 1. Programme theory from a template
    await saveTemplateTheory(page, template.title.da);

    // 2. Forsøgsdesign: the sample list randomised, stratified by Køn, no reserves
    await choosePane(page, "forsoegsdesign");
    await pane.locator("[data-testid=design-pane]").waitFor();
    await pane.locator("[data-testid=design-sheet]").selectOption("Borgere");
    await expect(pane.locator("[data-testid=design-list-info]").innerText()).resolves.toBe("Liste: Borgere!A1:M61 (60 borgere)");
    await pane.getByLabel("Køn", { exact: true }).check();
    await pane.getByLabel("Seed", { exact: true }).fill("20261207");
    await pane.getByLabel("Reserver pr. stratum", { exact: true }).fill("0");
    await pane.getByRole("button", { name: "Randomisér", exact: true }).click();
    await expect(pane.locator("[data-testid=design-message]").innerText()).resolves.toBe('Fordelingen er skrevet i arket "Randomisering".');
    const arms = await randomisedArms(page);
    expect(arms.size).toBe(60);
    const inArm = (a: string) => [...arms.values()].filter((x) => x === a).length;
    expect(inArm(ARM.I)).toBe(30);
    expect(inArm(ARM.C)).toBe(30);

    // 3. Sammenligning: the pane offers the randomisation as the source of groups; the slutmål as outcomes
    await choosePane(page, "sammenligning");
    await pane.locator("[data-testid=comparison-pane]").waitFor();
    await page.locator('[role=tab][data-sheet="Borgere"]').click();
    await page.locator('[data-cell="C5"]').click();
    await pane.getByRole("button", { name: "Brug markering" }).click();
    const trialBox = pane.getByTestId("trial-source").getByLabel("Grupper fra arket Randomisering (som randomiseret)");
    await trialBox.check();
    const matched = pane.getByTestId("trial-mismatch");
    await expect(matched.innerText()).resolves.toMatch(/^60 borgere i forsøget fundet i data, 2 strata\. /);
    await pane.getByTestId("trial-source").getByLabel(/^Stratificér efter randomiseringens strata/).check();
    await pane.getByRole("button", { name: "Hent fra programteorien" }).click();
    await expect(pane.locator("[data-testid=outcome-0] input[type=text]").first().inputValue()).resolves.toBe(outcomesFromTheory(theory)[0].name);
    await pane.getByRole("button", { name: "Beregn", exact: true }).click();
    await pane.locator("[data-testid=written]").waitFor();
    // the comparison sheet says where its groups and strata came from
    expect(await linesStartingWith(page, "Sammenligning", "Data: Borgere!A1:M61 · ")).toHaveLength(1);
    expect(await linesStartingWith(page, "Sammenligning", "Grupper fra arket Randomisering (intention to treat): hver af de 60 borgere")).toHaveLength(1);
    expect(await linesStartingWith(page, "Sammenligning", "Den stratificerede analyse bruger randomiseringens 2 strata")).toHaveLength(1);

    // 4. Progression: the measurement sheet for the comparison's citizens, in the groups they were randomised to
    await choosePane(page, "progression");
    await pane.getByLabel(/Fra sammenligningens data \(60 borgere\)/).check();
    await pane.getByLabel("Startdato (runde 1)").fill("05-01-2026");
    await pane.getByRole("button", { name: "Lav målingsark" }).click();
    await pane.locator("[data-testid=progression-report]").waitFor();
    const groups = await measurementGroups(page);
    expect(groups.size).toBe(60);
    for (const [id, arm] of arms) expect([id, groups.get(id)]).toEqual([id, arm]);
    expect(await scoreTwoRounds(page, theory)).toBe(60 * 2 * items.length);
    await pane.getByRole("region", { name: "2. Beregn progression" }).getByRole("button", { name: "Beregn", exact: true }).click();
    await pane.getByText("Resultaterne står i arket Progression.").waitFor();

    // 5. The chain step: "Virkningskæden i data" and the coloured diagram
    const step = pane.getByRole("region", { name: `3. ${TERMS.chain.da}` });
    await step.getByRole("button", { name: `Lav "${TERMS.chain.da}"` }).click();
    const done = step.getByTestId("chain-result");
    await done.waitFor();
    const statuses = await statusesOnSheet(page);
    expect(statuses.length).toBe(outcomeLinks.length);
    const supported = statuses.filter((s) => s === TERMS.linkSupported.da).length;
    await expect(done.innerText()).resolves.toBe(`${supported} af ${outcomeLinks.length} forbindelser fra delmål til slutmål er ${TERMS.linkSupported.da} i data. Se arkene "${CHAIN_SHEET_NAME}" og "${CHAIN_DIAGRAM_SHEET_NAME}".`);
    // clicking the chain step at the pane's foot scrolled the page; back to its top for the screenshots
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(`[role=tab][data-sheet="${CHAIN_DIAGRAM_SHEET_NAME}"]`).click();
    for (const [k, l] of outcomeLinks.entries()) await expect(page.locator(`[data-shape="Status_${l.id}"]`).innerText()).resolves.toBe(statuses[k]);
    await expect(page.locator('[data-shape^="Forklaring_tekst_"]').count()).resolves.toBe(4);
    await screenshot(page, "evaluation-diagram.png");
    await page.locator(`[role=tab][data-sheet="${CHAIN_SHEET_NAME}"]`).click();
    await expect(page.locator('[data-cell="A1"]').innerText()).resolves.toBe(TERMS.chain.da);
    await screenshot(page, "evaluation-chain.png");

    // 6. Ledelsesoverblik: one "Holder kæden?" line per slutmål
    await choosePane(page, "ledelsesoverblik");
    await pane.getByRole("button", { name: "Byg ledelsesoverblik" }).click();
    await pane.locator("[data-testid=summary-report]").waitFor();
    const lines = await linesStartingWith(page, "Ledelsesoverblik", TERMS.chainHolds.da);
    expect(lines.length).toBe(goals.length);
    for (const g of goals) expect(lines.filter((x) => x.startsWith(`${TERMS.chainHolds.da} ${g} `)).length).toBe(1);
    await page.locator('[role=tab][data-sheet="Ledelsesoverblik"]').click();
    await screenshot(page, "evaluation-leader.png");

    // 7. Overblik: every part made and up to date
    await choosePane(page, "overblik");
    const part = (id: string) => pane.getByTestId(`overview-part-${id}`);
    await part("theory").waitFor();
    const allDone = { theory: "done", design: "done", measurement: "done", "analysis:Sammenligning": "done", progression: "done", chain: "done", summary: "done" };
    expect(await partStates(pane)).toEqual(allDone);
    for (const id of Object.keys(allDone)) expect(await part(id).innerText()).toContain("Opdateret");
    expect(await pane.getByTestId("overview-update").isDisabled()).toBe(true);
    await screenshot(page, "evaluation-overblik.png");

    // 8. One status in the case data edited as a user types it: the parts reading it are out of date (the
    // analysis; the progression, whose status transitions come from the case data by default; the chain; the leader page)
    await page.evaluate(() => {
      const wb = (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview;
      const now = wb.getSheet("Borgere")?.getCell(1, 12)?.value;
      wb.setCellByUser("Borgere", 1, 12, now === "Jobparat" ? "Kontanthjælp" : "Jobparat");
    });
    await pane.getByRole("button", { name: "Læs igen" }).click();
    await pane.locator('[data-testid="overview-part-analysis:Sammenligning"][data-status=stale]').waitFor();
    const stale = await partStates(pane);
    expect(stale).toEqual({ ...allDone, "analysis:Sammenligning": "stale", progression: "stale", chain: "stale", summary: "stale" });
    expect(await part("analysis:Sammenligning").innerText()).toContain("Forældet");
    await pane.getByTestId("overview-pane").screenshot({ path: path.join(RESULTS_DIR, "evaluation-overblik-stale.png") });

    await pane.getByTestId("overview-update").click();
    expect(await pane.getByTestId("overview-report").innerText()).toBe("4 dele er opdateret.");
    expect(await partStates(pane)).toEqual(allDone);
    // made again from the randomisation, with the one leader line per slutmål
    expect(await linesStartingWith(page, "Sammenligning", "Grupper fra arket Randomisering (intention to treat): hver af de 60 borgere")).toHaveLength(1);
    expect(await linesStartingWith(page, "Ledelsesoverblik", TERMS.chainHolds.da)).toHaveLength(goals.length);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
