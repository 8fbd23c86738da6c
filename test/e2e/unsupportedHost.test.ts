/**
 * Issue 22 item 6: a host whose webview cannot parse the ES2022 bundle gets a short Danish and
 * English page (which Excel versions work, what to ask IT for), not a blank pane. The production
 * task pane is loaded in Chromium under its CSP with the bundle replaced by one that fails to
 * parse (as Internet Explorer 11, EdgeHTML or an old Safari would fail on the real one); the
 * same page with the real bundle starts the pane and shows no such message.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, RESULTS_DIR } from "./harness";

const MESSAGE = "Virkning kan ikke køre i denne version af Excel";

async function openTaskPane(browser: Browser, breakBundle: boolean): Promise<{ page: Page; csp: string[] }> {
  const url = process.env.VIRKNING_TASKPANE_URL;
  if (!url) throw new Error("VIRKNING_TASKPANE_URL is not set: run the e2e tests through jest's e2e project.");
  const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  await page.route(/^https?:\/\/(?!localhost[:/])/, (route) => route.abort()); // no office.js: offline
  if (breakBundle) {
    // ES2022 a 2019 webview cannot parse (a class static block), standing in for the real bundle
    await page.route(/\/addin\/taskpane\.[0-9a-f]+\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: "class A { static { window.__virkningStarted = true; } #x = 1; ]" }),
    );
  }
  const csp: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  await page.goto(url);
  return { page, csp };
}

describe("a host that cannot run the bundle", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows which Excel versions work and what to ask IT for, in Danish and English", async () => {
    const { page, csp } = await openTaskPane(browser, true);
    const box = page.locator("#virkning-unsupported");
    await box.waitFor({ timeout: 10000 });
    const text = await box.innerText();
    expect(text).toContain(MESSAGE);
    expect(text).toContain("Microsoft Edge WebView2");
    expect(text).toContain("it-afdeling");
    expect(text).toContain("Virkning cannot run in this version of Excel");
    expect(text).toContain("Ask your IT department");
    await expect(box.locator("section[lang=da] h1").innerText()).resolves.toBe(MESSAGE);
    expect(await page.locator("[data-testid=virkning-pane]").count()).toBe(0);
    // it fits the pane: nothing sideways at 320 px
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth)).toBe(true);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, "pane-width", "320-unsupported-host.png"), fullPage: true });
    expect(csp).toEqual([]); // the script is a file of our own origin: the CSP allows it without 'unsafe-inline'
    await page.close();
  });

  it("stays out of the way when the bundle runs", async () => {
    const { page } = await openTaskPane(browser, false);
    await page.locator("[data-testid=virkning-pane]").waitFor();
    await page.waitForLoadState("load");
    await page.waitForTimeout(1500);
    expect(await page.locator("#virkning-unsupported").count()).toBe(0);
    await page.close();
  });
});
