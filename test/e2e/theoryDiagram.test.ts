/**
 * The diagram of every template as the user gets it from "Hent PNG" in the pane, saved under
 * test-results/diagram-<template>.png for review, and checked as a real A4-landscape PNG.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, openPreview, pageErrors, RESULTS_DIR } from "./harness";
import { TEMPLATES } from "../../src/core/theory";

describe("Programteori diagram PNGs", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("downloads a PNG of the diagram for each template", async () => {
    const page = await openPreview(browser, { pane: "programteori" });
    const pane = page.locator("[data-testid=virkning-pane]");
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await pane.getByTestId("theory-templates").waitFor();
    for (const [i, t] of TEMPLATES.entries()) {
      if (i > 0) await pane.getByRole("button", { name: "Ny programteori …" }).click();
      await pane.getByRole("button", { name: `Brug skabelon: ${t.title.da}` }).click();
      await pane.getByRole("tab", { name: "Diagram" }).click();
      const svg = pane.getByTestId("theory-diagram");
      await svg.waitFor();
      expect(await svg.locator("path[data-link]").count()).toBe(t.build().links.length);
      const [download] = await Promise.all([page.waitForEvent("download"), pane.getByRole("button", { name: "Hent PNG" }).click()]);
      const file = path.join(RESULTS_DIR, `diagram-${t.id}.png`);
      fs.copyFileSync(await download.path(), file);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([842 * 2, 595 * 2]);
      await pane.getByRole("tab", { name: "Trin for trin" }).click();
    }
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
