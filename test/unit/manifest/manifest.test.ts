/**
 * @jest-environment jsdom
 *
 * Offline manifest checks (`npm run validate` needs Microsoft's online service): well-formed XML,
 * the elements Office requires, resource ids that resolve, icons that exist at their sizes,
 * consistent URLs, Danish default strings with en-US overrides, and the production URL rewrite.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "../../..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

const all = (name: string): Element[] => Array.from(doc.getElementsByTagName(name));
const one = (name: string): Element => {
  const found = all(name);
  expect(found.length).toBeGreaterThan(0);
  return found[0];
};

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp root of type TaskPaneApp", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");
  });

  it("has the required elements in a valid form", () => {
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const name of ["ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "Hosts", "DefaultSettings", "Permissions", "VersionOverrides"]) {
      expect(all(name).length).toBeGreaterThan(0);
    }
    expect(one("DefaultLocale").textContent).toBe("da-DK");
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    expect(all("Host")[0].getAttribute("Name")).toBe("Workbook");
  });

  it("requires ExcelApi 1.9 or higher, so Office 2019 (at most 1.8, webviews that cannot parse the bundle) does not offer it", () => {
    const set = all("Set").find((s) => s.getAttribute("Name") === "ExcelApi");
    expect(set).toBeDefined();
    const [major, minor] = (set!.getAttribute("MinVersion") ?? "0").split(".").map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(9);
  });

  it("has a Home-tab button that opens the task pane", () => {
    const tab = one("OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const action = tab.getElementsByTagName("Action")[0];
    expect(action.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("ShowTaskpane");
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set(Array.from(doc.getElementsByTagNameNS(BT, "*")).map((e) => e.getAttribute("id")).filter(Boolean));
    const refs = Array.from(doc.getElementsByTagName("*")).map((e) => e.getAttribute("resid")).filter((r): r is string => !!r);
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(ids.has(r)).toBe(true);
    // and every resource is used
    for (const id of ids) expect(refs).toContain(id);
  });

  it("gives every string an en-US override", () => {
    const strings = [...all("DisplayName"), ...all("Description"), ...Array.from(doc.getElementsByTagNameNS(BT, "String"))].filter((e) => e.hasAttribute("DefaultValue"));
    expect(strings.length).toBeGreaterThanOrEqual(7);
    for (const s of strings) {
      const overrides = Array.from(s.children).filter((c) => c.localName === "Override" && c.getAttribute("Locale") === "en-US");
      expect(overrides).toHaveLength(1);
      expect(overrides[0].getAttribute("Value")).toBeTruthy();
    }
  });

  it("uses one origin for every URL, and the icons exist at their declared sizes", () => {
    const urls = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("DefaultValue"))
      .filter((v): v is string => !!v && v.startsWith("http"));
    const appDomain = one("AppDomain").textContent;
    for (const u of urls) expect(new URL(u).origin).toBe(appDomain);
    const images = Array.from(doc.getElementsByTagNameNS(BT, "Image")).filter((e) => e.getAttribute("id"));
    for (const img of images) {
      const size = Number(/(\d+)x\d+/.exec(img.getAttribute("id")!)![1]);
      const file = path.join(root, new URL(img.getAttribute("DefaultValue")!).pathname);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect(pngSize(path.join(root, new URL(one("IconUrl").getAttribute("DefaultValue")!).pathname)).width).toBe(32);
    expect(pngSize(path.join(root, new URL(one("HighResolutionIconUrl").getAttribute("DefaultValue")!).pathname)).width).toBe(64);
    for (const u of urls.filter((x) => x.endsWith(".html"))) {
      const page = new URL(u).pathname;
      expect(["/taskpane.html", "/commands.html", "/assets/help.html"]).toContain(page);
    }
  });

  it("points SupportUrl and the Get Started link at the bilingual help page, not at the pane", () => {
    const support = new URL(one("SupportUrl").getAttribute("DefaultValue")!).pathname;
    const learnMore = Array.from(doc.getElementsByTagNameNS(BT, "Url")).find((u) => u.getAttribute("id") === "GetStarted.LearnMoreUrl");
    expect(support).toBe("/assets/help.html");
    expect(new URL(learnMore!.getAttribute("DefaultValue")!).pathname).toBe(support);
    const help = new DOMParser().parseFromString(fs.readFileSync(path.join(root, support), "utf8"), "text/html");
    expect(help.querySelector('section[lang="da"]')?.textContent).toContain("fanen Hjem");
    expect(help.querySelector('section[lang="en"]')?.textContent).toContain("Home tab");
  });

  it("is rewritten to the production URL by the production build", () => {
    process.env.ADDIN_PRODUCTION_URL = "https://virkning.kommune.dk/addin";
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(root, "webpack.config.js"))({}, { mode: "production" });
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
    const pattern = copy.patterns.find((p: { from: string }) => p.from.startsWith("manifest"));
    const out = String(pattern.transform(Buffer.from(xml)));
    expect(out).not.toContain("localhost");
    // The development comments do not survive into the production manifest.
    expect(out).not.toContain("<!--");
    expect(out).not.toContain("development server");
    expect(out).toContain("https://virkning.kommune.dk/addin/taskpane.html");
    expect(new DOMParser().parseFromString(out, "application/xml").getElementsByTagName("parsererror")).toHaveLength(0);
    delete process.env.ADDIN_PRODUCTION_URL;
  });
});

describe("task pane Content-Security-Policy (config/addin.cjs)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { contentSecurityPolicy, DEV_URL } = require(path.join(root, "config", "addin.cjs"));
  const directives = (csp: string): Map<string, string[]> =>
    new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

  it("lets the production pane load office.js from Microsoft's CDN and nothing else remote as script", () => {
    const csp = directives(contentSecurityPolicy({ officeJs: true, dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com", "https://officeapis.public.onecdn.static.microsoft", "https://ajax.aspnetcdn.com"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("worker-src")).toEqual(["'self'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("gives the preview no office.js at all", () => {
    const csp = directives(contentSecurityPolicy({ officeJs: false, dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });

  it("uses the manifest's development URL", () => {
    expect(xml).toContain(`${DEV_URL}taskpane.html`);
  });
});
