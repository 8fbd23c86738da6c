/**
 * A real spreadsheet engine beside the emulation (issue 23, item 3): the sample workbook's generated
 * sheets, built in the preview workbook through the real stores, are exported as .xlsx (without the
 * emulation's formula results, so nothing can stand in for LibreOffice's own) and opened by headless
 * LibreOffice, which recalculates, saves a copy and prints each sheet to PDF. Checked: every formula
 * recalculates to the emulation's value, text stays text and numbers numbers, validation lists,
 * conditional formats and protection survive, and the sheets print on the pages README documents.
 * Install LibreOffice with `node scripts/ensure-libreoffice.mjs`; run alone with `npm run test:engine`.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";
import { toExcelJsWorkbook } from "../../src/preview/export/toExcelJs";
import { extrasOf } from "../../src/preview/workbook/extrasState";
import { protectionOf, unlockedCells } from "../../src/preview/workbook/protectionState";
import type { SheetState } from "../../src/preview/workbook/state";
import type { PreviewWorkbook } from "../../src/preview/workbook/workbook";
import { convert, haveTools, isA4Landscape, makeProfile, pdfPages, pdfPageText, type PdfPage } from "./libreoffice";
import { buildSampleBook, USER_FORMULAS, USER_SHEET, type SampleBook } from "./sampleBook";

const ROOT = path.resolve(__dirname, "..", "..");
/** The generated sheets whose print is documented in README ("Engine checks"). */
const PRINTED = ["Programteori", "Sammenligning", "Progressionsmåling", "Progression", "Ledelsesoverblik", "Randomisering"];

let sample: SampleBook;
let wb: PreviewWorkbook;
/** LibreOffice's recalculated copy, read back with ExcelJS. */
let lo: ExcelJS.Workbook;
/** The PDF pages of each printed sheet. */
const pages = new Map<string, PdfPage[]>();
/** The PDF file of each printed sheet. */
const pdfs = new Map<string, string>();
let tmp: string;

beforeAll(async () => {
  const tools = haveTools();
  if (!tools.soffice || !tools.pdfinfo) throw new Error("LibreOffice (soffice) and pdfinfo are needed: run `node scripts/ensure-libreoffice.mjs` (npm test does).");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "virkning-engine-"));
  sample = await buildSampleBook();
  wb = sample.wb;
  const book = await toExcelJsWorkbook(ExcelJS, wb, { cachedResults: false });
  const file = path.join(tmp, "eksempel.xlsx");
  fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  // One file per printed sheet with every other sheet hidden (LibreOffice prints visible sheets only).
  const printFiles: string[] = [];
  for (const name of PRINTED) {
    const at = book.worksheets.findIndex((w) => w.name === name);
    book.worksheets.forEach((w, j) => (w.state = j === at ? "visible" : "hidden"));
    book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: at, visibility: "visible" }];
    const f = path.join(tmp, `print-${PRINTED.indexOf(name)}.xlsx`);
    fs.writeFileSync(f, Buffer.from(await book.xlsx.writeBuffer()));
    printFiles.push(f);
  }
  const profile = makeProfile(path.join(tmp, "profile"));
  const [recalculated] = convert([file], "xlsx", path.join(tmp, "recalculated"), profile);
  lo = await readLibreOfficeXlsx(recalculated);
  convert(printFiles, "pdf", path.join(tmp, "pdf"), profile).forEach((pdf, i) => {
    pages.set(PRINTED[i], pdfPages(pdf));
    pdfs.set(PRINTED[i], pdf);
  });
}, 600_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// ----- helpers -------------------------------------------------------------------------------

/**
 * LibreOffice's .xlsx read back with ExcelJS. LibreOffice spells XML booleans "true"/"false" (valid
 * xsd:boolean); ExcelJS's reader understands only "1"/"0" (it would read sheet="true" as
 * unprotected and locked="false" as locked), so the spelling is normalised first.
 */
async function readLibreOfficeXlsx(file: string): Promise<ExcelJS.Workbook> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/.*\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(/(\s[\w:]+)="true"/g, '$1="1"').replace(/(\s[\w:]+)="false"/g, '$1="0"'));
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ExcelJS.Buffer);
  return book;
}

type Scalar = string | number | boolean | null | { error: string };

/** Excel's serial number of a date ExcelJS made of a date-formatted number (1900 system, UTC). */
const serial = (d: Date): number => d.getTime() / 86_400_000 + 25_569;

/** The value of a LibreOffice cell as the emulation represents values (formulas: their result). */
function loValue(cell: ExcelJS.Cell): Scalar {
  let v = cell.value as unknown;
  if (v && typeof v === "object" && "formula" in v) v = (v as { result?: unknown }).result ?? null;
  if (v && typeof v === "object" && "sharedFormula" in v) v = (v as { result?: unknown }).result ?? null;
  if (v instanceof Date) return serial(v);
  if (v && typeof v === "object" && "richText" in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  if (v && typeof v === "object" && "error" in v) return { error: String((v as { error: string }).error) };
  return (v ?? null) as Scalar;
}

function emulated(s: SheetState, r: number, c: number): Scalar {
  const v = s.valueAt(r, c);
  return v !== null && s.isError(r, c) ? { error: String(v) } : v;
}

function same(a: Scalar, b: Scalar): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  // An empty text result ("") is an empty cell to LibreOffice's file writer.
  if ((a === "" || a === null) && (b === "" || b === null)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function eachCell(s: SheetState, f: (r: number, c: number) => void): void {
  const { rowCount, columnCount } = s.usedExtent();
  for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) f(r, c);
}

const address = (s: SheetState, r: number, c: number): string => `${s.name}!${lo.getWorksheet(s.name)!.getCell(r + 1, c + 1).address}`;
const sheets = (): SheetState[] => wb.sheets.filter((s) => !s.deleted);

/** README's table of printed pages: sheet → pages (between the engine-pages markers). */
function documentedPages(): Map<string, number> {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = /<!-- engine-pages:start -->([\s\S]*?)<!-- engine-pages:end -->/.exec(readme)?.[1] ?? "";
  const out = new Map<string, number>();
  for (const m of block.matchAll(/^\|\s*([^|]+?)\s*\|\s*(\d+)\s*\|/gm)) out.set(m[1], Number(m[2]));
  return out;
}

// ----- the checks ----------------------------------------------------------------------------

describe("LibreOffice recalculates what the emulation computed", () => {
  it("every formula cell of every sheet has the emulation's value", () => {
    const wrong: string[] = [];
    let formulas = 0;
    for (const s of sheets()) {
      const ws = lo.getWorksheet(s.name)!;
      eachCell(s, (r, c) => {
        const f = s.formulaAt(r, c);
        if (f === undefined) return;
        formulas++;
        const mine = emulated(s, r, c);
        const theirs = loValue(ws.getCell(r + 1, c + 1));
        if (mine === f) wrong.push(`${address(s, r, c)} ${f}: the emulation cannot compute it; LibreOffice gives ${JSON.stringify(theirs)}`);
        else if (!same(mine, theirs)) wrong.push(`${address(s, r, c)} ${f}: emulation ${JSON.stringify(mine)}, LibreOffice ${JSON.stringify(theirs)}`);
      });
    }
    expect(wrong).toEqual([]);
    // the leader page's nøgletal, the comparison's and progression's formulas, the user's sheet
    expect(formulas).toBeGreaterThan(30);
  });

  it("the nøgletal flags and status line on the leader page: a deviation beyond the tolerance is flagged in LibreOffice too", () => {
    const s = wb.getSheet(SUMMARY_SHEET_NAME)!;
    const ws = lo.getWorksheet(SUMMARY_SHEET_NAME)!;
    const [k0] = sample.summary.keyRows;
    const formulaCells: [number, number][] = [];
    eachCell(s, (r, c) => void (s.formulaAt(r, c) !== undefined && formulaCells.push([r, c])));
    // the typed entries' rows hold formulas (difference and flag), and they agree
    expect(formulaCells.filter(([r]) => r === k0 || r === k0 + 1).length).toBeGreaterThanOrEqual(4);
    const differ = formulaCells.filter(([r, c]) => !same(emulated(s, r, c), loValue(ws.getCell(r + 1, c + 1)))).map(([r, c]) => address(s, r, c));
    expect(differ).toEqual([]);
    expect(loValue(ws.getCell(k0 + 1, 6))).toBeCloseTo(-3.5, 10);
    expect(loValue(ws.getCell(k0 + 1, 7))).toBe("Afvigelse");
    expect(loValue(ws.getCell(k0 + 1, 7))).toBe(emulated(s, k0, 6));
    expect(loValue(ws.getCell(k0 + 2, 7))).toBe(emulated(s, k0 + 1, 6));
    expect(loValue(ws.getCell(k0 + 2, 7))).not.toBe("Afvigelse");
  });

  it("a user's own formulas on the named results (Virkning.Udfald…) give the emulation's values", () => {
    const s = wb.getSheet(USER_SHEET)!;
    const ws = lo.getWorksheet(USER_SHEET)!;
    const cmp = wb.getSheet("Sammenligning")!;
    const differ = USER_FORMULAS.map((_, i) => ({ row: i + 1, lo: loValue(ws.getCell(i + 1, 2)), emulation: emulated(s, i, 1) })).filter((x) => !same(x.lo, x.emulation));
    expect(differ).toEqual([]);
    // and the first is computed from the cells the names point at (D16 and G16 on the comparison sheet)
    expect(loValue(ws.getCell(1, 2))).toBeCloseTo(((cmp.valueAt(15, 3) as number) - (cmp.valueAt(15, 6) as number)) * 100, 9);
    expect(["ja", "nej"]).toContain(loValue(ws.getCell(2, 2)));
  });
});

describe("text is text in a real engine", () => {
  it("every string cell is a string in LibreOffice, with the same text; every number a number", () => {
    const wrong: string[] = [];
    let strings = 0;
    for (const s of sheets()) {
      const ws = lo.getWorksheet(s.name)!;
      eachCell(s, (r, c) => {
        if (s.formulaAt(r, c) !== undefined || s.isError(r, c)) return;
        const mine = s.valueAt(r, c);
        if (mine === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        const theirs = loValue(cell);
        if (typeof mine === "string") {
          strings++;
          if (cell.type !== ExcelJS.ValueType.String && cell.type !== ExcelJS.ValueType.RichText) wrong.push(`${address(s, r, c)} "${mine}" became ${JSON.stringify(theirs)}`);
          else if (theirs !== mine) wrong.push(`${address(s, r, c)} "${mine}" reads "${String(theirs)}"`);
        } else if (!same(mine, theirs)) wrong.push(`${address(s, r, c)} ${JSON.stringify(mine)} reads ${JSON.stringify(theirs)}`);
      });
    }
    expect(wrong).toEqual([]);
    expect(strings).toBeGreaterThan(500);
  });
});

describe("what LibreOffice keeps of the sheets' rules", () => {
  it("every list validation is present, with its items", () => {
    const missing: string[] = [];
    let cells = 0;
    for (const s of sheets()) {
      const ws = lo.getWorksheet(s.name)!;
      for (const v of extrasOf(s).validations) {
        const want = v.list.source.startsWith("=") ? v.list.source.slice(1).replace(/\$/g, "") : `"${v.list.source}"`;
        for (let r = v.ref.row; r < v.ref.row + v.ref.rowCount; r++) {
          for (let c = v.ref.column; c < v.ref.column + v.ref.columnCount; c++) {
            cells++;
            const dv = ws.getCell(r + 1, c + 1).dataValidation;
            const got = String(dv?.formulae?.[0] ?? "").replace(/\$/g, "");
            if (dv?.type !== "list" || got !== want) missing.push(`${address(s, r, c)}: want list ${want}, got ${dv?.type} ${got}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(cells).toBeGreaterThan(10);
  });

  it("every conditional format is present on its range", () => {
    const missing: string[] = [];
    let count = 0;
    for (const s of sheets()) {
      const ws = lo.getWorksheet(s.name)! as ExcelJS.Worksheet & { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] };
      const theirs = ws.conditionalFormattings.flatMap((cf) => cf.ref.split(/\s+/).flatMap((ref) => cf.rules.map((rule) => ({ ref: ref.replace(/\$/g, ""), rule }))));
      for (const f of extrasOf(s).formats) {
        count++;
        const ref = `${cellName(f.ref.row, f.ref.column)}:${cellName(f.ref.row + f.ref.rowCount - 1, f.ref.column + f.ref.columnCount - 1)}`;
        const want = f.type === "Custom" ? "expression" : "cellIs";
        const hit = theirs.some((t) => (t.ref === ref || (t.ref === ref.split(":")[0] && f.ref.rowCount * f.ref.columnCount === 1)) && t.rule.type === want);
        if (!hit) missing.push(`${s.name}!${ref}: ${f.type} ${f.formula} (LibreOffice has ${theirs.map((t) => `${t.ref} ${t.rule.type}`).join(", ") || "none"})`);
      }
    }
    expect(missing).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(2);
  });

  it("protected sheets stay protected, with the leader's and the user-fill cells unlocked", () => {
    const wrong: string[] = [];
    let protectedSheets = 0;
    for (const s of sheets()) {
      const ws = lo.getWorksheet(s.name)! as ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean } | null };
      const p = protectionOf(s);
      if (Boolean(p) !== Boolean(ws.sheetProtection?.sheet)) wrong.push(`${s.name}: protected ${Boolean(p)} in the preview, ${Boolean(ws.sheetProtection?.sheet)} in LibreOffice`);
      if (!p) continue;
      protectedSheets++;
      for (const [r, c] of unlockedCells(s)) if (ws.getCell(r + 1, c + 1).protection?.locked !== false) wrong.push(`${address(s, r, c)} is locked in LibreOffice`);
    }
    expect(wrong).toEqual([]);
    expect(protectedSheets).toBeGreaterThanOrEqual(2);
  });
});

function cellName(r: number, c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

describe("printing (PDF from LibreOffice, pages counted)", () => {
  it("README documents the printed pages of every checked sheet", () => {
    expect([...documentedPages().keys()].sort()).toEqual([...PRINTED].sort());
  });

  it.each(PRINTED.filter((n) => n !== SUMMARY_SHEET_NAME))("%s prints on A4 landscape, as many pages as README says", (name) => {
    const got = pages.get(name)!;
    expect({ name, pages: got.length, allA4Landscape: got.every(isA4Landscape) }).toEqual({ name, pages: documentedPages().get(name), allA4Landscape: true });
  });

  // Issue 20 / 23: the leader page's promise is one page for the leader: page 1 holds the whole
  // summary (verdict first, basis, decisions, key table, charts, theory chain); nøgletal and the
  // checklist follow on their own pages (manual page breaks) with the title rows repeated.
  it("Ledelsesoverblik: the whole summary prints on page 1 (A4 landscape); Nøgletal starts page 2", () => {
    const got = pages.get(SUMMARY_SHEET_NAME)!;
    expect({ pages: got.length, a4Landscape: got.every(isA4Landscape) }).toEqual({ pages: documentedPages().get(SUMMARY_SHEET_NAME), a4Landscape: true });
    const s = wb.getSheet(SUMMARY_SHEET_NAME)!;
    const colA = Array.from({ length: s.usedExtent().rowCount }, (_, r) => String(s.getCell(r, 0)?.value ?? "").trim());
    const keyTitle = colA.indexOf("Nøgletal");
    expect(keyTitle).toBeGreaterThan(2);
    const summary = colA.slice(2, keyTitle).filter((t) => t !== "");
    const fold = (t: string): string => t.replace(/\s+/g, " ").slice(0, 40);
    const page1 = pdfPageText(pdfs.get(SUMMARY_SHEET_NAME)!, 1);
    // the sample's analysis ran: page 1 opens with the verdict lines, not a request to run it again
    expect(summary[0]).toMatch(/^(Indsatsen ser ud til at virke på|Vi kan ikke se|For få borgere til at sige noget om|Indsatsgruppen klarer sig dårligere på)/);
    const missing = [summary[0], summary[summary.length - 1]].filter((t) => !page1.includes(fold(t)));
    expect({ firstAndLastOfSummaryNotOnPage1: missing }).toEqual({ firstAndLastOfSummaryNotOnPage1: [] });
    expect(page1).not.toContain(fold(colA[keyTitle + 1]));
    expect(pdfPageText(pdfs.get(SUMMARY_SHEET_NAME)!, 2)).toContain(fold(colA[keyTitle + 1]));
  });
});
