/**
 * Headless LibreOffice for the engine tests: conversions with a private user profile (so no other
 * LibreOffice run and no user settings interfere) that recalculates every formula when a file is
 * loaded, and page counts of PDFs with poppler's pdfinfo. Both are installed by
 * scripts/ensure-libreoffice.mjs.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

/** Generous: a cold LibreOffice start on a busy 2-core machine takes 10–20 s, each file a few more. */
const CONVERT_TIMEOUT_MS = 240_000;

/**
 * registrymodifications.xcu for the private profile: recalculate OOXML and ODF files on load
 * ("Always recalculate", org.openoffice.Office.Calc/Formula/Load, 0 = always), so no cached value
 * in a file can stand in for LibreOffice's own result.
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function haveTools(): { soffice: boolean; pdfinfo: boolean } {
  const has = (bin: string) => spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0;
  return { soffice: has("soffice"), pdfinfo: has("pdfinfo") };
}

/** A private LibreOffice profile under `dir`, set to recalculate on load. */
export function makeProfile(dir: string): string {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, "registrymodifications.xcu"), PROFILE_SETTINGS);
  return pathToFileURL(dir).href;
}

/**
 * Convert `files` with one headless soffice run (`to`: "pdf", or "xlsx" for a recalculated copy)
 * into `outDir`; returns the output paths. Throws with soffice's output when a file is missing.
 */
export function convert(files: string[], to: "pdf" | "xlsx", outDir: string, profileUrl: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const filter = to === "pdf" ? "pdf:calc_pdf_Export" : "xlsx:Calc MS Excel 2007 XML";
  const r = spawnSync("soffice", [`-env:UserInstallation=${profileUrl}`, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--convert-to", filter, "--outdir", outDir, ...files], {
    encoding: "utf8",
    timeout: CONVERT_TIMEOUT_MS,
    env: { ...process.env, HOME: path.dirname(outDir), SAL_USE_VCLPLUGIN: "svp" },
  });
  const outs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${to}`));
  const missing = outs.filter((o) => !fs.existsSync(o));
  if (missing.length > 0) {
    throw new Error(`soffice did not write ${missing.join(", ")} (status ${r.status}, signal ${r.signal}${r.error ? `, ${r.error.message}` : ""}):\n${r.stdout}\n${r.stderr}`);
  }
  return outs;
}

export interface PdfPage {
  /** Points. */
  width: number;
  height: number;
}

/** The pages of a PDF with their sizes (pdfinfo -f 1 -l <many>). */
export function pdfPages(pdf: string): PdfPage[] {
  const r = spawnSync("pdfinfo", ["-f", "1", "-l", "10000", pdf], { encoding: "utf8", timeout: 30_000 });
  if (r.status !== 0) throw new Error(`pdfinfo failed on ${pdf}: ${r.stderr}`);
  const pages: PdfPage[] = [];
  for (const m of r.stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)) pages.push({ width: Number(m[1]), height: Number(m[2]) });
  const count = Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1] ?? NaN);
  if (pages.length !== count) throw new Error(`pdfinfo listed ${pages.length} page sizes for ${count} pages`);
  return pages;
}

/** The text LibreOffice printed on one page (1-based) of a PDF, white space folded (poppler's pdftotext). */
export function pdfPageText(pdf: string, page: number): string {
  const r = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8", timeout: 30_000 });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${r.stderr}`);
  return r.stdout.replace(/\s+/g, " ");
}

/** A4 in points (ISO 216: 210 × 297 mm), within a point. */
export function isA4Landscape(p: PdfPage): boolean {
  return Math.abs(p.width - 841.89) < 1.5 && Math.abs(p.height - 595.28) < 1.5;
}
