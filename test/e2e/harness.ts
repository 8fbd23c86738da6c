/**
 * End-to-end harness: the preview page (built and served by globalSetup.ts) driven by
 * playwright-core in a locally installed Chromium (Debian's /usr/bin/chromium on Linux).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findBrowser, HOW_TO } = require("../../scripts/browser-path.cjs") as { findBrowser(): string | undefined; HOW_TO: string };

export const RESULTS_DIR = path.resolve(__dirname, "../../test-results");

export async function startPreview(): Promise<{ url: string; close(): Promise<void> }> {
  const url = process.env.VIRKNING_PREVIEW_URL;
  if (!url) throw new Error("VIRKNING_PREVIEW_URL is not set: run the e2e tests through jest's e2e project (globalSetup builds and serves the preview).");
  return { url, close: async () => undefined };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/** Opens the preview with query parameters (e.g. { pane: "sammenligning" }) and waits for grid and pane. */
export async function openPreview(browser: Browser, query: Record<string, string> = {}): Promise<Page> {
  const { url } = await startPreview();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  (page as Page & { __errors?: string[] }).__errors = errors;
  const q = new URLSearchParams(query).toString();
  await page.goto(q ? `${url}?${q}` : url);
  await page.locator("[data-testid=virkning-pane]").waitFor();
  await page.locator("[role=grid]").first().waitFor();
  return page;
}

/** JavaScript errors the page threw since it was opened. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { __errors?: string[] }).__errors ?? [];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name.endsWith(".png") ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Opens a pane as a user would at any pane width: its tab when it shows, else the "…" overflow
 * menu's item (tabs that do not fit collapse into it).
 */
export async function choosePane(page: Page, id: string): Promise<void> {
  const tab = page.locator(`[role=tab][data-pane="${id}"]`);
  if (await tab.isVisible()) await tab.click();
  else {
    await page.getByTestId("pane-overflow").click();
    await page.locator(`[role=menuitem][data-pane="${id}"]`).click();
  }
  await page.locator(`[role=tab][data-pane="${id}"][aria-selected=true]`).waitFor({ state: "attached" });
}

/** The programme theory from the KL template titled `title`, saved in the workbook (the Programteori pane is open). */
export async function saveTemplateTheory(page: Page, title: string): Promise<void> {
  const pane = page.locator("[data-testid=virkning-pane]");
  await pane.getByRole("button", { name: `Brug skabelon: ${title}` }).click();
  await pane.getByRole("button", { name: "Gem i projektmappen" }).click();
  await page.locator('[role=tab][data-sheet="Programteori"]').waitFor();
}
