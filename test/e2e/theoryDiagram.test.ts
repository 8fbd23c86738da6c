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

  it("copies the diagram as a PNG picture, or shows the picture to copy by hand where the host refuses the clipboard (Excel for Mac ignores downloads)", async () => {
    const page = await openPreview(browser, { pane: "programteori" });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.getByTestId("theory-templates").waitFor();
    await pane.getByRole("button", { name: `Brug skabelon: ${TEMPLATES[0].title.da}` }).click();
    await pane.getByRole("tab", { name: "Diagram" }).click();
    await pane.getByTestId("theory-copy-picture").click();
    await pane.getByTestId("theory-copied").waitFor();
    const clip = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const blob = await items[0].getType("image/png");
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const view = new DataView(bytes.buffer);
      return { types: items[0].types, magic: String.fromCharCode(...bytes.slice(1, 4)), width: view.getUint32(16), height: view.getUint32(20) };
    });
    expect(clip).toEqual({ types: ["image/png"], magic: "PNG", width: 842 * 2, height: 595 * 2 });

    // A host that refuses the clipboard: the picture itself is shown, with how to copy it.
    await page.evaluate(() => {
      navigator.clipboard.write = () => Promise.reject(new DOMException("Denied", "NotAllowedError"));
    });
    await pane.getByTestId("theory-copy-picture").click();
    const picture = pane.getByTestId("theory-picture");
    await picture.waitFor();
    expect(await picture.locator("img").getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    expect(await picture.textContent()).toContain("Højreklik på billedet");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
