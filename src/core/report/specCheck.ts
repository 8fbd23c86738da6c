/**
 * Checks a SheetSpec against Excel's limits before anything is written (Microsoft, "Excel
 * specifications and limits"; Office JS Worksheet.name and PageLayout headers/footers):
 * 1,048,576 rows, 16,384 columns, 32,767 characters per cell, sheet names of 1–31 characters
 * without : \ / ? * [ ] and not starting or ending with an apostrophe, header/footer sections of
 * at most 255 characters (after "&" is doubled, see `headerFooterText`), and defined names
 * following Excel's naming rules. Every problem is a Danish message naming the sheet and cell.
 */
import { VirkningError } from "../errors";
import { parseCell, parseRange, rangeAddress, type RangeRef } from "./address";
import { isFormula, type CellBlock, type ChartSpec, type HeaderFooterCode, type HeaderFooterPart, type HeaderFooterSpec, type SheetSpec } from "./sheetSpec";
import { isValidSheetName } from "./sheetName";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;
export const MAX_HEADER_FOOTER_CHARS = 255;
/** Excel's largest row height in points (Microsoft, "Excel specifications and limits"). */
export const MAX_ROW_HEIGHT = 409;

/**
 * Plain text as a page header/footer section: "&" starts a code in Excel ("&P" is the page
 * number, "&D" the date), so a literal "&" is written "&&"; line breaks become spaces.
 */
export function headerFooterText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/&/g, "&&");
}

/** Excel's header/footer codes (Microsoft, "Insert headers and footers": &P page, &N pages, &D date, &T time, &A sheet). */
const CODES: Record<HeaderFooterCode, string> = { pageNumber: "&P", pageCount: "&N", date: "&D", time: "&T", sheetName: "&A" };

/**
 * A header/footer section as Excel takes it: text parts escaped (`headerFooterText`), codes as
 * codes. Text right after "&P"/"&N" that starts with a digit, "+" or "-" would be read as page
 * arithmetic ("&P+1"), so it gets a leading space.
 */
export function headerFooterCode(parts: readonly HeaderFooterPart[]): string {
  let out = "";
  let afterPage = false;
  for (const p of parts) {
    if ("code" in p) {
      out += CODES[p.code];
      afterPage = p.code === "pageNumber" || p.code === "pageCount";
    } else {
      const t = headerFooterText(p.text);
      out += afterPage && /^[-+\d]/.test(t) ? ` ${t}` : t;
      afterPage = false;
    }
  }
  return out;
}

/** The sections of a header/footer spec that are set, as [section, composed code string]. */
export function headerFooterSections(spec: HeaderFooterSpec | undefined): ["left" | "center" | "right", string][] {
  if (!spec) return [];
  return (["left", "center", "right"] as const).filter((k) => spec[k] !== undefined).map((k) => [k, headerFooterCode(spec[k] as HeaderFooterPart[])]);
}

function invalid(sheet: string, da: string, en: string): VirkningError {
  return new VirkningError("RENDER_INVALID_SPEC", `Arket "${sheet}" kan ikke skrives: ${da}`, `The sheet "${sheet}" cannot be written: ${en}`, { sheet });
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("da-DK") === b.toLocaleLowerCase("da-DK");
}

function checkName(n: unknown): void {
  if (typeof n !== "string" || !isValidSheetName(n)) {
    throw invalid(
      String(n),
      "navnet skal have 1–31 tegn, må ikke indeholde : \\ / ? * [ ] eller usynlige tegn, må ikke begynde eller slutte med apostrof (') og må ikke være History.",
      "the name must have 1–31 characters, must not contain : \\ / ? * [ ] or invisible characters, must not begin or end with an apostrophe (') and must not be History.",
    );
  }
}

function range(sheet: string, address: string, parse: (a: string) => RangeRef): RangeRef {
  let r: RangeRef;
  try {
    r = parse(address);
  } catch {
    throw invalid(sheet, `adressen "${address}" er ugyldig.`, `the address "${address}" is invalid.`);
  }
  if (r.row + r.rowCount > MAX_ROWS || r.column + r.columnCount > MAX_COLUMNS) {
    throw invalid(
      sheet,
      `"${address}" går ud over Excels grænse på ${MAX_ROWS.toLocaleString("da-DK")} rækker og ${MAX_COLUMNS.toLocaleString("da-DK")} kolonner.`,
      `"${address}" goes beyond Excel's limit of ${MAX_ROWS} rows and ${MAX_COLUMNS} columns.`,
    );
  }
  return r;
}

const cellRange = (a: string): RangeRef => ({ ...parseCell(a), rowCount: 1, columnCount: 1 });

function checkBlock(sheet: string, b: CellBlock): void {
  const top = range(sheet, b.address, cellRange);
  const w = b.values[0]?.length ?? 0;
  if (b.values.some((r) => r.length !== w)) throw invalid(sheet, `rækkerne i blokken ved ${b.address} har forskellig længde.`, `the rows of the block at ${b.address} differ in length.`);
  range(sheet, rangeAddress(top.row, top.column, Math.max(1, b.values.length), Math.max(1, w)), parseRange);
  b.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const cell = (): string => rangeAddress(top.row + i, top.column + j, 1, 1);
      if (typeof v === "number" && !Number.isFinite(v)) {
        throw invalid(sheet, `cellen ${cell()} skulle have et tal, men beregningen gav intet tal (${v}).`, `cell ${cell()} should hold a number, but the computation gave none (${v}).`);
      }
      const len = typeof v === "string" ? v.length : isFormula(v) ? v.formula.length : 0;
      if (len > MAX_CELL_CHARS) {
        throw invalid(sheet, `teksten til cellen ${cell()} har ${len.toLocaleString("da-DK")} tegn; en celle kan højst rumme ${MAX_CELL_CHARS.toLocaleString("da-DK")}.`, `the text for cell ${cell()} has ${len} characters; a cell holds at most ${MAX_CELL_CHARS}.`);
      }
    }),
  );
}

function checkPage(sheet: string, spec: SheetSpec): void {
  const p = spec.pageSetup;
  if (!p) return;
  for (const [what, hf] of [["sidehoved", p.header], ["sidefod", p.footer]] as const) {
    if (headerFooterSections(hf).some(([, code]) => code.length > MAX_HEADER_FOOTER_CHARS)) {
      throw invalid(sheet, `teksten i ${what}et er for lang (højst ${MAX_HEADER_FOOTER_CHARS} tegn).`, `the ${what === "sidehoved" ? "header" : "footer"} text is too long (at most ${MAX_HEADER_FOOTER_CHARS} characters).`);
    }
  }
  if (p.printArea !== undefined) range(sheet, p.printArea, parseRange);
  const m = p.margins;
  if (m && [m.top, m.bottom, m.left, m.right].some((x) => !Number.isFinite(x) || x < 0 || x > 200)) {
    throw invalid(sheet, "sidemargenerne skal være mellem 0 og 200 punkter.", "page margins must be between 0 and 200 points.");
  }
  // Excel's "Adjust to" takes whole percentages from 10 to 400 (PageLayoutZoomOptions.scale)
  if (p.scale !== undefined && (!Number.isInteger(p.scale) || p.scale < 10 || p.scale > 400)) {
    throw invalid(sheet, "udskriftsskalaen skal være et helt tal fra 10 til 400 %.", "the print scale must be a whole number from 10 to 400 %.");
  }
  if (p.rowBreaks?.some((r) => !Number.isInteger(r) || r < 2 || r > MAX_ROWS)) {
    throw invalid(sheet, "sideskift skal ligge over en række fra 2 til den sidste.", "page breaks must lie above a row from 2 to the last.");
  }
}

const CHART_KINDS: readonly ChartSpec["type"][] = ["line", "columnClustered", "barClustered", "columnStacked", "barStacked", "xyScatterLines"];

/**
 * A chart's kind, ranges and, for an XY chart, its series: each series' x and y values one column or one row,
 * of the same length, inside the chart's data block (the cells the chart is said to show, which the
 * personal-data gate and the export see); the other kinds take their series from the data block and may
 * not carry a series list.
 */
function checkChart(sheet: string, c: ChartSpec): void {
  const what = `diagrammet "${c.name}"`;
  if (!CHART_KINDS.includes(c.type)) throw invalid(sheet, `${what} har en ukendt type.`, `the chart "${c.name}" has an unknown type.`);
  const block = range(sheet, c.dataRange, parseRange);
  range(sheet, c.topLeft, cellRange);
  range(sheet, c.bottomRight, cellRange);
  if (c.type !== "xyScatterLines") {
    if (c.series !== undefined) throw invalid(sheet, `${what} tager sine serier fra dataområdet og kan ikke have en serieliste.`, `the chart "${c.name}" takes its series from its data range and cannot have a series list.`);
    return;
  }
  if (!c.series || c.series.length === 0) throw invalid(sheet, `${what} (XY-punktdiagram) har ingen serier.`, `the chart "${c.name}" (XY scatter) has no series.`);
  const inside = (r: RangeRef): boolean => r.row >= block.row && r.column >= block.column && r.row + r.rowCount <= block.row + block.rowCount && r.column + r.columnCount <= block.column + block.columnCount;
  for (const sr of c.series) {
    const x = range(sheet, sr.xValues, parseRange);
    const y = range(sheet, sr.yValues, parseRange);
    const cells = (r: RangeRef): number => (r.rowCount === 1 || r.columnCount === 1 ? r.rowCount * r.columnCount : -1);
    if (cells(x) < 0 || cells(y) < 0) throw invalid(sheet, `serien "${sr.name}" i ${what} skal have sine x- og y-værdier i én kolonne eller én række.`, `the series "${sr.name}" of the chart "${c.name}" must have its x and y values in one column or one row.`);
    if (cells(x) !== cells(y)) throw invalid(sheet, `serien "${sr.name}" i ${what} har ${cells(x)} x-værdier men ${cells(y)} y-værdier.`, `the series "${sr.name}" of the chart "${c.name}" has ${cells(x)} x values but ${cells(y)} y values.`);
    if (!inside(x) || !inside(y)) throw invalid(sheet, `serien "${sr.name}" i ${what} ligger uden for diagrammets dataområde ${c.dataRange}.`, `the series "${sr.name}" of the chart "${c.name}" lies outside the chart's data range ${c.dataRange}.`);
    if (sr.color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(sr.color)) throw invalid(sheet, `serien "${sr.name}" i ${what} har en ugyldig farve.`, `the series "${sr.name}" of the chart "${c.name}" has an invalid colour.`);
  }
}

/** Excel's rules for a defined name (Microsoft, "Names in formulas"). */
export function definedNameValid(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    /^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d{1,7}$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name)
  );
}

function checkNames(sheet: string, spec: SheetSpec, seen: string[]): void {
  for (const n of spec.names ?? []) {
    if (!definedNameValid(n.name)) throw invalid(sheet, `navnet "${n.name}" kan ikke bruges som navn i Excel.`, `"${n.name}" cannot be used as an Excel name.`);
    if (seen.some((x) => sameName(x, n.name))) throw invalid(sheet, `navnet "${n.name}" bruges to gange.`, `the name "${n.name}" is used twice.`);
    seen.push(n.name);
    range(sheet, n.cell, cellRange);
  }
}

/** Throw a Danish RENDER_INVALID_SPEC error for the first problem in `specs`; nothing has been written then. */
export function checkSheetSpecs(specs: SheetSpec[]): void {
  const seen: string[] = [];
  const names: string[] = [];
  for (const s of specs) {
    checkName(s.name);
    if (seen.some((x) => sameName(x, s.name))) throw invalid(s.name, "navnet bruges to gange.", "the name is used twice.");
    seen.push(s.name);
    for (const b of s.cells) checkBlock(s.name, b);
    for (const st of s.styles ?? []) range(s.name, st.range, parseRange);
    for (const m of s.merges ?? []) range(s.name, m, parseRange);
    for (const t of s.tables ?? []) {
      range(s.name, t.range, parseRange);
      if (!definedNameValid(t.name)) throw invalid(s.name, `tabelnavnet "${t.name}" kan ikke bruges i Excel.`, `the table name "${t.name}" cannot be used in Excel.`);
    }
    for (const c of s.charts ?? []) checkChart(s.name, c);
    for (const h of s.rowHeights ?? []) {
      range(s.name, `A${h.row}`, cellRange);
      if (!Number.isFinite(h.height) || h.height < 0 || h.height > MAX_ROW_HEIGHT) throw invalid(s.name, `rækkehøjden i række ${h.row} skal være mellem 0 og ${MAX_ROW_HEIGHT} punkter.`, `the height of row ${h.row} must be between 0 and ${MAX_ROW_HEIGHT} points.`);
    }
    checkPage(s.name, s);
    for (const r of s.protection?.unlocked ?? []) range(s.name, r, parseRange);
    checkNames(s.name, s, names);
    const boxes = new Set((s.shapes ?? []).filter((x) => x.kind !== "connector").map((x) => x.id));
    for (const sh of s.shapes ?? []) {
      if (sh.kind === "connector" && (sh.x1 === undefined || sh.y1 === undefined || sh.x2 === undefined || sh.y2 === undefined) && (!boxes.has(sh.from) || !boxes.has(sh.to))) {
        throw invalid(s.name, `forbindelsen "${sh.id}" henviser til en figur, der ikke findes.`, `the connector "${sh.id}" refers to a shape that does not exist.`);
      }
    }
  }
}
