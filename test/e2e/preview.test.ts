import type { Browser } from "playwright-core";
import { launchBrowser, openPreview, pageErrors, screenshot } from "./harness";

describe("browser preview", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the task pane beside the sample sheet of citizens", async () => {
    const page = await openPreview(browser);
    // The pane: product name and the navigation of the panes that exist.
    const pane = page.locator("[data-testid=virkning-pane]");
    await expect(pane.getByText("Virkning", { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(pane.locator("[data-pane=programteori]").isVisible()).resolves.toBe(true);
    await expect(pane.locator("[data-pane=sammenligning]").isVisible()).resolves.toBe(true);
    // The sample workbook: the "Borgere" sheet is active and shows its header and citizens.
    await expect(page.locator('[role=tab][data-sheet="Borgere"]').getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.locator('[data-cell="A1"]').innerText()).resolves.toBe("ID");
    await expect(page.locator('[data-cell="B1"]').innerText()).resolves.toBe("Gruppe");
    const group = await page.locator('[data-cell="B2"]').innerText();
    expect(["Indsats", "Kontrol"]).toContain(group);
    await screenshot(page, "preview");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("switches the pane to English with ?lang=en", async () => {
    const page = await openPreview(browser, { lang: "en" });
    await expect(page.locator("[data-pane=programteori]").innerText()).resolves.toBe("Programme theory");
    await expect(page.locator("[data-pane=sammenligning]").innerText()).resolves.toBe("Comparison");
    // The preview's own chrome follows too: banner, page title and the document language.
    await expect(page.locator("[data-testid=preview-banner]").innerText()).resolves.toContain("Sample workbook in the browser");
    await expect(page.title()).resolves.toBe("Virkning – preview");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await page.close();
  });
  it("starts the production task pane without office.js (offline), under its CSP, and says it is not in Excel", async () => {
    const url = process.env.VIRKNING_TASKPANE_URL;
    if (!url) throw new Error("VIRKNING_TASKPANE_URL is not set: run the e2e tests through jest's e2e project.");
    const page = await browser.newPage({ viewport: { width: 420, height: 800 } });
    // No network: office.js from Microsoft's CDN fails to load, as on a machine offline.
    const blocked: string[] = [];
    await page.route(/^https?:\/\/(?!localhost[:/])/, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    const csp: string[] = [];
    const errors: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(url);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(policy).not.toContain("unsafe-eval");
    const pane = page.locator("[data-testid=virkning-pane]");
    await pane.waitFor();
    await expect(pane.locator("[data-pane=programteori]").isVisible()).resolves.toBe(true);
    // Without Excel the pane explains itself in Danish instead of going blank.
    await expect(page.getByTestId("error-bar").first().innerText()).resolves.toContain("Virkning kører ikke i Excel");
    await page.locator("[data-pane=sammenligning]").click();
    await expect(page.getByTestId("error-bar").first().innerText()).resolves.toContain("Virkning kører ikke i Excel");
    await screenshot(page, "taskpane-offline");
    expect(blocked).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(csp).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
