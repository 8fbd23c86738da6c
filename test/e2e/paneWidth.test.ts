/**
 * Issue 22 item 1: every pane works at the widths Excel gives a task pane. The task pane alone
 * (preview `?layout=pane`, the window is the pane as in Excel) at 320 × 700 and 500 × 900:
 * - every pane is reachable by mouse (its tab, or the overflow menu when the tab does not fit)
 *   and by keyboard (arrow keys along the tab list, Enter, arrow keys in the menu, Enter);
 * - nothing scrolls sideways: neither the page nor the pane root is wider than the window, and
 *   no visible element of the pane sticks out past its right edge (so clipping cannot hide it);
 * - pop-ups (the overflow menu, the catalogue's drop-down) stay inside the pane;
 * - axe-core finds no serious or critical violation of ours.
 * Screenshots of each pane at each width: test-results/pane-width/<width>-<pane>.png.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, pageErrors, RESULTS_DIR, startPreview } from "./harness";
import { PANES } from "../../src/taskpane/panes";

const SIZES = [
  { width: 320, height: 700 },
  { width: 500, height: 900 },
];
const PANE_ROOT: Record<string, string> = {
  overblik: "overview-pane",
  programteori: "theory-pane",
  sammenligning: "comparison-pane",
  progression: "progression-pane",
  ledelsesoverblik: "summary-pane",
  registeropfoelgning: "register-pane",
  forsoegsdesign: "design-pane",
};
const SHOTS = path.join(RESULTS_DIR, "pane-width");

async function openPane(browser: Browser, size: { width: number; height: number }): Promise<Page> {
  const { url } = await startPreview();
  const page = await browser.newPage({ viewport: size });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  (page as Page & { __errors?: string[] }).__errors = errors;
  await page.goto(`${url}?layout=pane&pane=programteori`);
  await page.locator("[data-testid=virkning-pane]").waitFor();
  await page.getByTestId("theory-templates").waitFor();
  return page;
}

/** What sticks out sideways: page and pane root widths, and the visible elements whose right edge passes the window's. */
async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.scrollingElement as HTMLElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`page scrollWidth ${doc.scrollWidth} > clientWidth ${doc.clientWidth}`);
    const root = document.querySelector("[data-testid=virkning-pane]") as HTMLElement;
    if (root.scrollWidth > root.clientWidth) out.push(`pane root scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`);
    // a box that scrolls (or cuts off) sideways inside the pane is sideways scrolling too
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("*"))) {
      const ox = getComputedStyle(el).overflowX;
      if (ox === "visible" || ox === "clip" || el.scrollWidth <= el.clientWidth + 1 || el.clientWidth <= 1) continue;
      // text cut off with an ellipsis on purpose is not scrolling
      if (ox === "hidden" && getComputedStyle(el).textOverflow === "ellipsis") {
        if (el.clientWidth < 48) out.push(`"${(el.textContent ?? "").slice(0, 30)}" cut to ${el.clientWidth} px`);
        continue;
      }
      const edge = el.getBoundingClientRect().right;
      const culprit = Array.from(el.querySelectorAll<HTMLElement>("*")).find((c) => c.getBoundingClientRect().right > edge + 1);
      const name = (e: HTMLElement | undefined): string => (e ? `${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ""}${e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : ""}` : "?");
      out.push(`${name(el)} scrolls sideways: scrollWidth ${el.scrollWidth} > ${el.clientWidth} (first wide: ${name(culprit)} "${(culprit?.textContent ?? "").slice(0, 30)}")`);
    }
    const limit = document.documentElement.clientWidth + 0.5;
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || r.right <= limit) continue;
      // inside a container that scrolls or clips sideways on purpose (e.g. a wide table in a scroller)
      let clipped = false;
      for (let p = el.parentElement; p && p !== root && !clipped; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if ((ox === "auto" || ox === "scroll") && p.getBoundingClientRect().right <= limit) clipped = true;
      }
      if (!clipped) out.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""} right ${Math.round(r.right)} > ${Math.round(limit)}: ${(el.textContent ?? "").slice(0, 40)}`);
    }
    return out.slice(0, 8);
  });
}

async function axe(page: Page, state: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    // CSP forbids inline scripts; evaluating the source through the DevTools protocol is allowed.
    await page.evaluate(fs.readFileSync(path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js"), "utf8"));
  }
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } };
    return (await w.axe.run({ include: [["[data-testid=virkning-pane]"]] }, { resultTypes: ["violations"] })).violations;
  })) as { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[];
  const ours: string[] = [];
  for (const v of violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    for (const n of v.nodes) {
      // Fluent's focus manager (tabster) puts aria-hidden focusable <i> around a TabList: by design, microsoft/fluentui#27517.
      if (v.id === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy=/.test(n.html)) continue;
      ours.push(`[${state}] ${v.id}: ${v.help} — ${n.target.join(" ")}`);
    }
  }
  return ours;
}

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function isSelected(page: Page, id: string): Promise<void> {
  await page.locator(`[role=tab][data-pane="${id}"][aria-selected=true]`).waitFor();
  await page.getByTestId(PANE_ROOT[id]).waitFor();
}

/** By mouse: the pane's tab when it shows, else the overflow menu's item. Returns how it was reached. */
async function chooseByMouse(page: Page, id: string): Promise<"tab" | "menu"> {
  const tab = page.locator(`[role=tab][data-pane="${id}"]`);
  if (await tab.isVisible()) {
    await tab.click();
    await isSelected(page, id);
    return "tab";
  }
  await page.getByTestId("pane-overflow").click();
  const item = page.locator(`[role=menuitem][data-pane="${id}"]`);
  await item.waitFor();
  const box = await page.locator("[role=menu]").boundingBox();
  const width = page.viewportSize()!.width;
  expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
  await item.click();
  await isSelected(page, id);
  return "menu";
}

/** By keyboard: Tab into the tab list (it lands on the selected tab), Home, arrow right along it (into the overflow menu if need be), Enter. */
async function chooseByKeyboard(page: Page, id: string): Promise<void> {
  await page.locator("[data-testid=virkning-pane] header").click();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-selected"))).toBe("true");
  await page.keyboard.press("Home");
  const active = (): Promise<{ pane: string | null; overflow: boolean }> =>
    page.evaluate(() => ({ pane: document.activeElement?.getAttribute("data-pane") ?? null, overflow: document.activeElement?.getAttribute("data-testid") === "pane-overflow" }));
  for (let i = 0; i <= PANES.length; i++) {
    const a = await active();
    if (a.pane === id) {
      await page.keyboard.press("Enter");
      return isSelected(page, id);
    }
    if (a.overflow) {
      await page.keyboard.press("Enter");
      await page.locator("[role=menu]").waitFor();
      for (let j = 0; j < PANES.length; j++) {
        if ((await active()).pane === id) {
          await page.keyboard.press("Enter");
          return isSelected(page, id);
        }
        await page.keyboard.press("ArrowDown");
      }
      throw new Error(`${id}: not in the overflow menu`);
    }
    await page.keyboard.press("ArrowRight");
  }
  throw new Error(`${id}: not reachable by keyboard`);
}

describe("the task pane at Excel's widths", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const size of SIZES) {
    it(`${size.width} × ${size.height}: every pane reachable by mouse and keyboard, nothing sideways, axe clean`, async () => {
      const page = await openPane(browser, size);
      const problems: string[] = [];
      const how: Record<string, string> = {};
      for (const p of PANES) {
        how[p.id] = await chooseByMouse(page, p.id);
        problems.push(...(await sideways(page)).map((x) => `[${p.id}] ${x}`));
        problems.push(...(await axe(page, p.id)));
        await shoot(page, `${size.width}-${p.id}`);
      }
      // The catalogue drop-down (a wide list of KL's activities) on the Aktiviteter step.
      await chooseByMouse(page, "programteori");
      await page.getByRole("button", { name: /^Brug skabelon/ }).first().click();
      await page.getByTestId("theory-step-tab-aktiviteter").click();
      const catalogue = page.getByTestId("theory-catalogue-aktivitet");
      await catalogue.waitFor();
      const box = (await catalogue.boundingBox())!;
      if (box.x + box.width > size.width) problems.push(`[aktiviteter] catalogue drop-down ends at ${Math.round(box.x + box.width)} px`);
      problems.push(...(await sideways(page)).map((x) => `[aktiviteter] ${x}`));
      problems.push(...(await axe(page, "aktiviteter")));
      await shoot(page, `${size.width}-programteori-aktiviteter`);

      // Keyboard: every pane, from wherever the selection is.
      for (const p of [...PANES].reverse()) await chooseByKeyboard(page, p.id);
      for (const p of PANES) await chooseByKeyboard(page, p.id);

      if (size.width === 320) expect(Object.values(how)).toContain("menu"); // the overflow menu is what makes 320 px work
      expect(problems).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  }
});
