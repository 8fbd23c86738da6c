/**
 * Diagram of a programme theory: pure geometry (points, A4 landscape) shared by the SVG in the
 * task pane and the Excel sheet "Programteori – diagram" (native shapes, or coloured cells when
 * the Excel version cannot draw shapes).
 *
 * Columns run Målgruppe → Aktiviteter → Delmål → Slutmål; a delmål that leads to another delmål
 * is placed in a sub-column to its left (at most three sub-columns; deeper chains are stacked in
 * the last one). The virksomme mekanismer form a band along the bottom. Text is wrapped with an
 * average-character-width estimate for Calibri; the font shrinks (10 → 6 pt) until every column
 * fits the page, and if even 6 pt does not fit the whole drawing is scaled down.
 */
import { columnLetter } from "../report/address";
import { BoxShapeSpec, CellValue, ConnectorSpec, ShapeSpec, SheetSpec, StyleRange } from "../report/sheetSpec";
import { Lang, LinkKind, MechanismCategory, ProgrammeTheory, Text } from "./model";
import { gapNeeds, labelGap, portSpan, Rect, routeLinks, RouteLink } from "./route";
import { pageFooter } from "../report/pageFooter";
import { madeFromLine, type Made } from "../vocabulary";

export const DIAGRAM_SHEET_NAME = "Programteori – diagram";

export type DiagramBoxKind = "maalgruppe" | "aktivitet" | "delmaal" | "slutmaal" | "mekanisme";

export interface DiagramBox {
  /** Item id ("A1", "D2", …); the target group is "MG". */
  id: string;
  kind: DiagramBoxKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text wrapped to fit the box at `fontSize`. */
  lines: string[];
  fontSize: number;
  /** Target group and final goals are drawn in bold. */
  bold: boolean;
  /** For mechanisms. */
  category?: MechanismCategory | null;
}

export interface DiagramPoint {
  x: number;
  y: number;
}

export interface DiagramConnector {
  /** The link id ("L3"). */
  id: string;
  kind: LinkKind;
  from: string;
  to: string;
  /** From the edge of `from` to the edge of `to`: horizontal and vertical runs (see route.ts). */
  points: DiagramPoint[];
  /** Mechanisms attached to the link, e.g. "M2, M5", drawn at `labelFontSize` inside `labelBox`. */
  label?: string;
  /** Centre of `labelBox`. */
  labelAt?: DiagramPoint;
  /** The visible extent of the label's text (it overlaps no arrow, arrowhead or box). */
  labelBox?: Rect;
  labelFontSize?: number;
}

export interface DiagramHeading {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  bold: boolean;
}

export interface DiagramLayout {
  /** Page size in points (A4 landscape by default). */
  pageWidth: number;
  pageHeight: number;
  margin: number;
  /** Extent of the drawing (≤ page). */
  width: number;
  height: number;
  /** 1 unless the drawing had to be scaled down below 6 pt text. */
  scale: number;
  fontSize: number;
  headings: DiagramHeading[];
  boxes: DiagramBox[];
  connectors: DiagramConnector[];
}

export interface DiagramOptions {
  lang?: Lang;
  pageWidth?: number;
  pageHeight?: number;
  margin?: number;
  /** Largest font size tried (default 12 pt). */
  maxFontSize?: number;
}

/** Average character width as a fraction of the font size (kept for rough estimates). */
export const CHAR_WIDTH_EM = 0.5;
export const LINE_HEIGHT_EM = 1.25;
/**
 * Text insets of an Excel shape: 0.1" left and right, 0.05" top and bottom (Excel's defaults;
 * the renderer does not change them), so the text of a box is 2 × 7.2 pt narrower than the box.
 */
export const BOX_PADDING_X = 7.2;
export const BOX_PADDING_Y = 3.6;
/** @deprecated horizontal inset; use BOX_PADDING_X / BOX_PADDING_Y. */
export const BOX_PADDING = BOX_PADDING_X;
const MIN_FONT = 6;

/**
 * Advance widths (em) of Arial/Helvetica, a conservative stand-in for Calibri: Calibri is
 * narrower for every letter, so text that fits under these widths fits in Excel (Calibri) and in
 * browsers that fall back to Arial or Liberation Sans. Bold adds 10 %.
 */
const GLYPH_EM: Record<string, number> = (() => {
  const t: Record<string, number> = {};
  const set = (chars: string, w: number): void => {
    for (const ch of chars) t[ch] = w;
  };
  set("ijl'|", 0.23);
  set("ftI!.,:;/[]\\ ", 0.28);
  set("r()-{}*\"", 0.34);
  set("ckszvxyJ", 0.5);
  set("abdeghnopqu0123456789?$_#+=<>~^«»–åøéüöä", 0.56);
  set("LFTZ", 0.62);
  set("ABEKPSVXYÅ&", 0.67);
  set("CDHNRUw", 0.73);
  set("GOQØÖÄÜ", 0.78);
  set("mM", 0.84);
  set("æ%@", 0.89);
  set("W—", 0.95);
  set("Æ", 1.0);
  return t;
})();
const DEFAULT_GLYPH_EM = 0.6;
const BOLD_FACTOR = 1.1;

/** Estimated width in points of a text line at `fontSize` (a safe upper bound for Calibri). */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += GLYPH_EM[ch] ?? DEFAULT_GLYPH_EM;
  return em * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** Width in points of the longest word of `text`. */
export function longestWordWidth(text: string, fontSize: number, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => estimateTextWidth(w, fontSize, bold)));
}

/**
 * Greedy word wrap so every line's estimated width is at most `width`. A word wider than the
 * line is split only as a last resort (the layout widens columns and shrinks the font first).
 */
export function wrapText(text: string, width: number, fontSize: number, bold = false): string[] {
  const fits = (s: string): boolean => estimateTextWidth(s, fontSize, bold) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (let word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      while (!fits(word)) {
        if (line !== "") {
          lines.push(line);
          line = "";
        }
        let n = 1;
        while (n < word.length && fits(word.slice(0, n + 1))) n++;
        lines.push(word.slice(0, n));
        word = word.slice(n);
      }
      if (line === "") line = word;
      else if (fits(`${line} ${word}`)) line = `${line} ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line !== "" || lines.length === 0) lines.push(line);
  }
  return lines;
}

/** Whether a box of this kind is drawn with bold text (target group and final goals). */
export function isBoldBox(kind: DiagramBoxKind): boolean {
  return kind === "maalgruppe" || kind === "slutmaal";
}

/** Height of a one-line heading text box at `fontSize`, with Excel's text insets. */
export function headingHeight(fontSize: number): number {
  return fontSize * LINE_HEIGHT_EM + 2 * BOX_PADDING_Y + 1;
}

export const DIAGRAM_COLORS: Record<DiagramBoxKind, { fill: string; line: string }> = {
  maalgruppe: { fill: "#DDEBF7", line: "#2F5597" },
  aktivitet: { fill: "#E2EFDA", line: "#548235" },
  delmaal: { fill: "#FFF2CC", line: "#BF9000" },
  slutmaal: { fill: "#FCE4D6", line: "#C55A11" },
  mekanisme: { fill: "#EDE7F6", line: "#7030A0" },
};

const CATEGORY_TEXT: Record<MechanismCategory, Text> = {
  kompetencer: { da: "kompetencer", en: "competences" },
  ressourcer: { da: "ressourcer", en: "resources" },
  tilgange: { da: "tilgange", en: "approaches" },
  "organisatoriske rammer": { da: "organisatoriske rammer", en: "organisational frameworks" },
};

/** "M1: Navn" and, on its own line, the category in parentheses. */
function mechanismText(id: string, name: string, category: MechanismCategory | null, lang: Lang): string {
  return category === null ? `${id}: ${name}` : `${id}: ${name}\n(${CATEGORY_TEXT[category][lang]})`;
}

const HEAD: Record<"maalgruppe" | "aktiviteter" | "delmaal" | "slutmaal" | "mekanismer", Text> = {
  maalgruppe: { da: "Målgruppe", en: "Target group" },
  aktiviteter: { da: "Aktiviteter", en: "Activities" },
  delmaal: { da: "Delmål", en: "Sub-goals" },
  slutmaal: { da: "Slutmål", en: "Final goals" },
  mekanismer: { da: "Virksomme mekanismer", en: "Active mechanisms" },
};

const COLUMN_GAP = 28;
/** Size of the mechanism labels on arrows. */
export const LINK_LABEL_FONT = 7;
const DEFAULT_MAX_FONT = 12;
/** Column headings are 1.1 × the box font. */
const HEADING_EM = 1.1;
/** The font may shrink to this size rather than split a word across lines. */
const WORD_FONT = 8;
const BOX_GAP = 8;
const MAX_SUBGOAL_COLUMNS = 3;

/** Sub-column of each sub-goal: the longest chain of delmål → delmål links leading into it (cycles ignored), capped. */
export function subGoalLevels(theory: ProgrammeTheory): Map<string, number> {
  const ids = theory.subGoals.map((g) => g.id);
  const known = new Set(ids);
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const l of theory.links) if (l.kind === "delmaal-delmaal" && known.has(l.from) && known.has(l.to) && l.from !== l.to) preds.get(l.to)?.push(l.from);
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const done = level.get(id);
    if (done !== undefined) return done;
    if (visiting.has(id)) return 0; // a cycle: stop here
    visiting.add(id);
    let d = 0;
    for (const p of preds.get(id) ?? []) d = Math.max(d, depth(p) + 1);
    visiting.delete(id);
    level.set(id, d);
    return d;
  };
  for (const id of ids) depth(id);
  return new Map(ids.map((id) => [id, Math.min(level.get(id) ?? 0, MAX_SUBGOAL_COLUMNS - 1)]));
}

interface Draft {
  id: string;
  kind: DiagramBoxKind;
  text: string;
  column: number;
  category?: MechanismCategory | null;
}

function targetGroupText(theory: ProgrammeTheory, lang: Lang): string {
  const tg = theory.targetGroup;
  const name = tg.name.trim() === "" ? (lang === "da" ? "(målgruppe ikke beskrevet)" : "(target group not described)") : tg.name;
  if (tg.size === null) return name;
  const n = new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB").format(tg.size);
  return `${name}\n${lang === "da" ? `${n} borgere` : `${n} citizens`}`;
}

export function layoutDiagram(theory: ProgrammeTheory, opts: DiagramOptions = {}): DiagramLayout {
  const lang = opts.lang ?? "da";
  const pageWidth = opts.pageWidth ?? 842;
  const pageHeight = opts.pageHeight ?? 595;
  const margin = opts.margin ?? 28;
  const innerW = pageWidth - 2 * margin;
  const innerH = pageHeight - 2 * margin;

  const levels = subGoalLevels(theory);
  const subCols = Math.max(1, ...[...levels.values()].map((l) => l + 1));
  // Columns: 0 målgruppe, 1 aktiviteter, 2 … 2+subCols-1 delmål, then slutmål.
  const nCols = 3 + subCols;
  const finalCol = 2 + subCols;

  const mechOfActivity = new Map<string, string[]>();
  for (const p of theory.activityMechanisms) mechOfActivity.set(p.activityId, [...(mechOfActivity.get(p.activityId) ?? []), p.mechanismId]);

  const drafts: Draft[] = [{ id: "MG", kind: "maalgruppe", text: targetGroupText(theory, lang), column: 0 }];
  for (const a of theory.activities) {
    const ms = mechOfActivity.get(a.id);
    drafts.push({ id: a.id, kind: "aktivitet", text: ms && ms.length > 0 ? `${a.name}\n(${ms.join(", ")})` : a.name, column: 1 });
  }
  for (const g of theory.subGoals) drafts.push({ id: g.id, kind: "delmaal", text: g.name, column: 2 + (levels.get(g.id) ?? 0) });
  for (const g of theory.finalGoals) drafts.push({ id: g.id, kind: "slutmaal", text: g.name, column: finalCol });

  // Links as the router sees them, and the width each gap needs for its tracks and labels.
  const columnOf = new Map<string, number>(drafts.map((d) => [d.id, d.column]));
  const routeInput: RouteLink[] = theory.links
    .filter((l) => columnOf.has(l.from) && columnOf.has(l.to))
    .map((l) => ({ id: l.id, kind: l.kind, from: l.from, to: l.to, ...(l.mechanismIds.length > 0 ? { label: l.mechanismIds.join(", ") } : {}) }));
  const labelWidth = (text: string): number => estimateTextWidth(text, LINK_LABEL_FONT);
  const gapWs = gapNeeds(routeInput, columnOf, nCols - 1, labelWidth, COLUMN_GAP);
  const portH = drafts.map((d) => portSpan(d.id, routeInput, columnOf, LINK_LABEL_FONT));

  // Column widths grow with the amount of text in each column (square-root damped, within
  // 0.8–1.8 × the average), so a long list of activities gets more room than the target group.
  const chars = new Array<number>(nCols).fill(0);
  for (const d of drafts) chars[d.column] += d.text.length + 20;
  const meanChars = chars.reduce((s, c) => s + c, 0) / nCols;
  const weights = chars.map((c) => Math.min(1.8, Math.max(0.8, meanChars > 0 ? Math.sqrt(c / meanChars) : 1)));
  // At each font size, a column is at least wide enough for its longest word (bold where the box
  // is bold) and for its heading; the others share the rest by weight.
  const avail = innerW - gapWs.reduce((sum, w) => sum + w, 0);
  const columnWidths = (font: number): number[] => {
    const minWs = new Array<number>(nCols).fill(0);
    for (const d of drafts) {
      minWs[d.column] = Math.max(minWs[d.column], longestWordWidth(d.text, font, isBoldBox(d.kind)) + 2 * BOX_PADDING_X + 0.5);
    }
    for (const [c, t] of [[0, HEAD.maalgruppe[lang]], [1, HEAD.aktiviteter[lang]], [finalCol, HEAD.slutmaal[lang]]] as const) {
      minWs[c] = Math.max(minWs[c], estimateTextWidth(t, font * HEADING_EM, true) + 2 * BOX_PADDING_X + 0.5);
    }
    const fixed = new Set<number>();
    let ws = weights.map((w) => (avail * w) / weights.reduce((s, x) => s + x, 0));
    for (let pass = 0; pass < nCols; pass++) {
      const short = ws.findIndex((w, c) => !fixed.has(c) && w < minWs[c]);
      if (short < 0 || minWs.reduce((s, w) => s + w, 0) > avail) break;
      fixed.add(short);
      const rest = avail - [...fixed].reduce((s, c) => s + minWs[c], 0);
      const freeWeight = weights.reduce((s, w, c) => s + (fixed.has(c) ? 0 : w), 0);
      ws = weights.map((w, c) => (fixed.has(c) ? minWs[c] : (rest * w) / freeWeight));
    }
    return ws;
  };

  const mechPerRow = Math.min(Math.max(theory.mechanisms.length, 1), Math.max(4, Math.ceil(theory.mechanisms.length / 2)));
  const mechRows = Math.ceil(theory.mechanisms.length / mechPerRow);
  const mechW = (innerW - BOX_GAP * (mechPerRow - 1)) / mechPerRow;

  const hasTitle = theory.title.trim() !== "";

  // Try font sizes from the largest down; measure the natural height at each.
  const measure = (font: number) => {
    const colWs = columnWidths(font);
    const colW = (c: number): number => colWs[c];
    const lineH = font * LINE_HEIGHT_EM;
    const boxH = (lines: number): number => lines * lineH + 2 * BOX_PADDING_Y;
    const wrapped = drafts.map((d) => wrapText(d.text, colW(d.column) - 2 * BOX_PADDING_X, font, isBoldBox(d.kind)));
    const mechWrapped = theory.mechanisms.map((mm) => wrapText(mechanismText(mm.id, mm.name, mm.category, lang), mechW - 2 * BOX_PADDING_X, font));
    // The title is one line: 1.6 × the box font, smaller when the title is long.
    const titleFont = Math.min(font * 1.6, (innerW - 2 * BOX_PADDING_X - 1) / Math.max(0.01, estimateTextWidth(theory.title.trim(), 1, true)));
    const titleH = hasTitle ? headingHeight(titleFont) + 2 : 0;
    const headH = headingHeight(font * HEADING_EM) + 2;
    const heights = drafts.map((_, i) => Math.max(boxH(wrapped[i].length), portH[i]));
    const colHeights = new Array<number>(nCols).fill(0);
    drafts.forEach((d, i) => (colHeights[d.column] += heights[i] + BOX_GAP));
    const mainH = Math.max(0, ...colHeights.map((h) => h - BOX_GAP));
    const mechRowHeights: number[] = [];
    for (let r = 0; r < mechRows; r++) {
      mechRowHeights.push(Math.max(...mechWrapped.slice(r * mechPerRow, (r + 1) * mechPerRow).map((l) => boxH(l.length))));
    }
    const bandH = mechRows === 0 ? 0 : 12 + headH + mechRowHeights.reduce((s, h) => s + h, 0) + BOX_GAP * (mechRows - 1);
    // Does some word not fit on a line (and had to be split)?
    const splitsWords =
      drafts.some((d) => longestWordWidth(d.text, font, isBoldBox(d.kind)) > colW(d.column) - 2 * BOX_PADDING_X) ||
      theory.mechanisms.some((mm) => longestWordWidth(mechanismText(mm.id, mm.name, mm.category, lang), font) > mechW - 2 * BOX_PADDING_X);
    return { colWs, font, lineH, boxH, heights, wrapped, mechWrapped, titleFont, titleH, headH, mainH, bandH, mechRowHeights, splitsWords, total: titleH + headH + mainH + bandH };
  };

  // Largest font at which everything fits the page; long words may shrink the font to 8 pt
  // rather than be split across lines.
  const maxFont = opts.maxFontSize ?? DEFAULT_MAX_FONT;
  let m = measure(maxFont);
  for (let f = maxFont - 0.5; (m.total > innerH || (m.splitsWords && f >= WORD_FONT)) && f >= MIN_FONT; f -= 0.5) m = measure(f);
  const scale = m.total > innerH ? innerH / m.total : 1;
  const colX = (c: number): number => margin + m.colWs.slice(0, c).reduce((s, w) => s + w, 0) + gapWs.slice(0, c).reduce((s, w) => s + w, 0);
  const colW = (c: number): number => m.colWs[c];

  const headings: DiagramHeading[] = [];
  const boxes: DiagramBox[] = [];
  let y = margin;
  if (hasTitle) {
    headings.push({ text: theory.title.trim(), x: margin, y, width: innerW, height: m.titleH - 2, fontSize: m.titleFont, bold: true });
    y += m.titleH;
  }
  const headY = y;
  const heads: [string, number, number][] = [
    [HEAD.maalgruppe[lang], 0, 1],
    [HEAD.aktiviteter[lang], 1, 1],
    [HEAD.delmaal[lang], 2, subCols],
    [HEAD.slutmaal[lang], finalCol, 1],
  ];
  for (const [t, c, span] of heads) {
    headings.push({ text: t, x: colX(c), y: headY, width: colX(c + span - 1) + colW(c + span - 1) - colX(c), height: m.headH - 2, fontSize: m.font * HEADING_EM, bold: true });
  }
  const top = headY + m.headH;

  // The main area takes the height the page leaves; each column spreads its boxes over it.
  const mainH = scale === 1 ? Math.max(m.mainH, innerH - m.titleH - m.headH - m.bandH) : m.mainH;
  const byColumn = new Map<number, number[]>();
  drafts.forEach((d, i) => byColumn.set(d.column, [...(byColumn.get(d.column) ?? []), i]));
  for (const [c, idx] of byColumn) {
    const sumH = idx.reduce((s, i) => s + m.heights[i], 0);
    const between = Math.max(BOX_GAP, (mainH - sumH) / (idx.length + 1));
    let cy = top + (mainH - sumH - between * (idx.length - 1)) / 2;
    for (const i of idx) {
      const h = m.heights[i];
      const d = drafts[i];
      boxes.push({ id: d.id, kind: d.kind, x: colX(c), y: cy, width: colW(c), height: h, lines: m.wrapped[i], fontSize: m.font, bold: isBoldBox(d.kind) });
      cy += h + between;
    }
  }

  if (mechRows > 0) {
    let by = top + mainH + 12;
    headings.push({ text: HEAD.mekanismer[lang], x: margin, y: by, width: innerW, height: m.headH - 2, fontSize: m.font * HEADING_EM, bold: true });
    by += m.headH;
    for (let r = 0; r < mechRows; r++) {
      for (let k = 0; k < mechPerRow; k++) {
        const i = r * mechPerRow + k;
        const mech = theory.mechanisms[i];
        if (!mech) break;
        boxes.push({
          id: mech.id,
          kind: "mekanisme",
          x: margin + k * (mechW + BOX_GAP),
          y: by,
          width: mechW,
          height: m.mechRowHeights[r],
          lines: m.mechWrapped[i],
          fontSize: m.font,
          bold: false,
          category: mech.category,
        });
      }
      by += m.mechRowHeights[r] + BOX_GAP;
    }
  }

  const connectors = connectLinks(theory, routeInput, boxes, columnOf, gapWs, { top, bottom: top + mainH }, labelWidth);

  const layout: DiagramLayout = {
    pageWidth,
    pageHeight,
    margin,
    width: pageWidth,
    height: pageHeight,
    scale,
    fontSize: m.font,
    headings,
    boxes,
    connectors,
  };
  return scale === 1 ? layout : scaleLayout(layout, scale);
}

/** The routed arrows of the main area (see route.ts), as diagram connectors. */
function connectLinks(
  theory: ProgrammeTheory,
  routeInput: RouteLink[],
  boxes: DiagramBox[],
  columnOf: Map<string, number>,
  gapWs: number[],
  area: { top: number; bottom: number },
  labelWidth: (text: string) => number,
): DiagramConnector[] {
  const main = boxes.filter((b) => b.kind !== "mekanisme").map((b) => ({ id: b.id, x: b.x, y: b.y, width: b.width, height: b.height, column: columnOf.get(b.id) ?? 0 }));
  const colRight = new Map<number, number>();
  for (const b of main) colRight.set(b.column, Math.max(colRight.get(b.column) ?? -Infinity, b.x + b.width));
  const gapBounds = gapWs.map((w, g) => {
    // A column may be empty: its right edge is the next column's left edge minus the gap.
    const right = colRight.get(g);
    const left = right ?? (main.find((b) => b.column === g + 1)?.x ?? 0) - w;
    const labelled = routeInput.filter((l) => l.label !== undefined && labelGap(columnOf.get(l.from) ?? 0, columnOf.get(l.to) ?? 0) === g);
    const labelWidthOfGap = Math.max(0, ...labelled.map((l) => labelWidth(l.label as string) + 4));
    return { left, right: left + w, labelWidth: labelWidthOfGap };
  });
  const routed = routeLinks(routeInput, main, gapBounds, area, LINK_LABEL_FONT, labelWidth);
  const linkById = new Map(theory.links.map((l) => [l.id, l]));
  return routed.map((r) => {
    const l = linkById.get(r.id) as (typeof theory.links)[number];
    const c: DiagramConnector = { id: l.id, kind: l.kind, from: l.from, to: l.to, points: r.points };
    if (l.mechanismIds.length > 0 && r.labelBox) {
      c.label = l.mechanismIds.join(", ");
      c.labelBox = r.labelBox;
      c.labelAt = { x: r.labelBox.x + r.labelBox.width / 2, y: r.labelBox.y + r.labelBox.height / 2 };
      c.labelFontSize = LINK_LABEL_FONT;
    }
    return c;
  });
}

/** Shrinks a layout about the top-left margin corner (geometry and font sizes). */
function scaleLayout(l: DiagramLayout, s: number): DiagramLayout {
  const px = (x: number): number => l.margin + (x - l.margin) * s;
  return {
    ...l,
    scale: s,
    fontSize: l.fontSize * s,
    headings: l.headings.map((h) => ({ ...h, x: px(h.x), y: px(h.y), width: h.width * s, height: h.height * s, fontSize: h.fontSize * s })),
    boxes: l.boxes.map((b) => ({ ...b, x: px(b.x), y: px(b.y), width: b.width * s, height: b.height * s, fontSize: b.fontSize * s })),
    connectors: l.connectors.map((c) => ({
      ...c,
      points: c.points.map((p) => ({ x: px(p.x), y: px(p.y) })),
      ...(c.labelAt ? { labelAt: { x: px(c.labelAt.x), y: px(c.labelAt.y) } } : {}),
      ...(c.labelBox ? { labelBox: { x: px(c.labelBox.x), y: px(c.labelBox.y), width: c.labelBox.width * s, height: c.labelBox.height * s } } : {}),
      ...(c.labelFontSize ? { labelFontSize: c.labelFontSize * s } : {}),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The diagram sheet

const SHAPE_KIND: Record<DiagramBoxKind, BoxShapeSpec["kind"]> = {
  maalgruppe: "rectangle",
  aktivitet: "roundedRectangle",
  delmaal: "roundedRectangle",
  slutmaal: "rectangle",
  mekanisme: "rectangle",
};

export const DIAGRAM_NO_SHAPES_NOTE: Text = {
  da: "Figurer understøttes ikke i denne version af Excel; diagrammet er tegnet med celler.",
  en: "Shapes are not supported in this version of Excel; the diagram is drawn with cells.",
};

const round = (x: number): number => Math.round(x * 10) / 10;

/**
 * "Programteori – diagram": native shapes (A4 landscape, one page) or, without shape support, coloured cells.
 * With `made`, the sheet says when it was drawn and from which sheet (vocabulary.madeFromLine): a small text
 * box in the page's top margin, or the note line (A2) of the cell drawing.
 */
export function diagramSheetSpec(theory: ProgrammeTheory, lang: Lang = "da", opts: { shapes: boolean; made?: Made } = { shapes: true }): SheetSpec {
  const made = opts.made ? madeFromLine(opts.made.at, opts.made.sources, lang) : null;
  return opts.shapes ? shapesSheet(theory, lang, made) : cellsSheet(theory, lang, made);
}

/** How a connector is drawn instead of the default grey line (the chain sheet's status overlay). */
export interface ConnectorOverlay {
  lineColor: string;
  weight: number;
  dashStyle: "solid" | "dash" | "dot";
  /** Colour of the link's label text. */
  labelColor: string;
}

/** The made line as a text box in the top margin (above the title, which starts at the margin), right-aligned. */
export function madeBox(text: string): ShapeSpec {
  const margin = 28;
  return { kind: "textBox", id: "Lavet", left: margin, top: 6, width: 842 - 2 * margin, height: 18, text, fontSize: 8, bold: false, fontColor: "#595959", horizontalAlignment: "right" };
}

function shapesSheet(theory: ProgrammeTheory, lang: Lang, made: string | null): SheetSpec {
  const shapes = [...(made ? [madeBox(made)] : []), ...diagramShapes(layoutDiagram(theory, { lang }))];
  // Default column width 48 pt: 18 columns × 48 pt ≥ 842 pt; 40 rows × 15 pt ≥ 595 pt.
  return {
    name: DIAGRAM_SHEET_NAME,
    tabColor: "#1F4E79",
    cells: [],
    shapes,
    columnWidths: [{ columns: "A:R", width: 48 }],
    showGridlines: false,
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToOnePage: true, printArea: "A1:R40", footer: pageFooter(lang, theory.title) },
  };
}

/** The shapes of a laid-out diagram: headings, boxes, one line per connector segment and the links' labels; `overlay` restyles connectors. */
export function diagramShapes(layout: DiagramLayout, overlay?: (c: DiagramConnector) => ConnectorOverlay | undefined): ShapeSpec[] {
  const shapes: ShapeSpec[] = [];
  layout.headings.forEach((h, i) => {
    shapes.push({
      kind: "textBox",
      id: `Overskrift_${i + 1}`,
      left: round(h.x),
      top: round(h.y),
      width: round(h.width),
      height: round(h.height),
      text: h.text,
      fontSize: round(h.fontSize),
      bold: h.bold,
      fontColor: "#1F4E79",
      horizontalAlignment: "left",
    });
  });
  for (const b of layout.boxes) {
    shapes.push({
      kind: SHAPE_KIND[b.kind],
      id: `Boks_${b.id}`,
      left: round(b.x),
      top: round(b.y),
      width: round(b.width),
      height: round(b.height),
      text: b.lines.join("\n"),
      fill: DIAGRAM_COLORS[b.kind].fill,
      lineColor: DIAGRAM_COLORS[b.kind].line,
      fontColor: "#000000",
      fontSize: round(b.fontSize),
      bold: b.bold,
      horizontalAlignment: "center",
    });
  }
  for (const c of layout.connectors) {
    const o = overlay?.(c);
    // One straight line per segment; the arrow head on the last. Names: Pil_L3 (or Pil_L3_1, Pil_L3_2 …).
    const segments = c.points.length - 1;
    for (let i = 0; i < segments; i++) {
      const p = c.points[i];
      const q = c.points[i + 1];
      const conn: ConnectorSpec = {
        kind: "connector",
        id: segments === 1 ? `Pil_${c.id}` : `Pil_${c.id}_${i + 1}`,
        from: `Boks_${c.from}`,
        to: `Boks_${c.to}`,
        x1: round(p.x),
        y1: round(p.y),
        x2: round(q.x),
        y2: round(q.y),
        lineColor: o?.lineColor ?? "#595959",
        weight: o?.weight ?? 1,
        arrow: i === segments - 1,
        ...(o ? { dashStyle: o.dashStyle } : { dashed: c.kind === "delmaal-delmaal" }),
      };
      shapes.push(conn);
    }
    if (c.label && c.labelBox) {
      // A text box whose text (inside Excel's insets) covers exactly the label's box.
      const fs = c.labelFontSize ?? LINK_LABEL_FONT;
      shapes.push({
        kind: "textBox",
        id: `Mek_${c.id}`,
        left: round(c.labelBox.x - BOX_PADDING_X),
        top: round(c.labelBox.y - BOX_PADDING_Y),
        width: round(c.labelBox.width + 2 * BOX_PADDING_X + 1),
        height: round(c.labelBox.height + 2 * BOX_PADDING_Y),
        text: c.label,
        fontSize: round(fs),
        fontColor: o?.labelColor ?? DIAGRAM_COLORS.mekanisme.line,
        horizontalAlignment: "center",
      });
    }
  }
  return shapes;
}

/** The diagram drawn with cells: one column per element type, "→ D1, D2" arrow columns, mechanisms below. */
function cellsSheet(theory: ProgrammeTheory, lang: Lang, made: string | null): SheetSpec {
  const levels = subGoalLevels(theory);
  const subCols = Math.max(1, ...[...levels.values()].map((l) => l + 1));
  // Element columns at even indexes, arrow columns between them.
  const elementCount = 3 + subCols;
  const width = elementCount * 2 - 1;
  const elementCol = (k: number): number => 2 * k;
  const rows: CellValue[][] = [];
  const styles: StyleRange[] = [];
  const merges: string[] = [];
  const blank = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const last = columnLetter(width - 1);

  rows.push(blank());
  rows[0][0] = theory.title.trim() === "" ? (lang === "da" ? "Programteori" : "Programme theory") : theory.title;
  styles.push({ range: "A1", style: { bold: true, fontSize: 14, fontColor: "#1F4E79" } });
  rows.push(blank());
  rows[1][0] = made ? `${DIAGRAM_NO_SHAPES_NOTE[lang]} ${made}` : DIAGRAM_NO_SHAPES_NOTE[lang];
  merges.push(`A2:${last}2`);
  styles.push({ range: `A2:${last}2`, style: { italic: true, fontColor: "#595959" } });
  rows.push(blank());

  const headRow = rows.length;
  rows.push(blank());
  const headCells: [number, string][] = [
    [elementCol(0), HEAD.maalgruppe[lang]],
    [elementCol(1), HEAD.aktiviteter[lang]],
    [elementCol(2), HEAD.delmaal[lang]],
    [elementCol(2 + subCols), HEAD.slutmaal[lang]],
  ];
  for (const [c, t] of headCells) rows[headRow][c] = t;
  if (subCols > 1) merges.push(`${columnLetter(elementCol(2))}${headRow + 1}:${columnLetter(elementCol(1 + subCols))}${headRow + 1}`);
  styles.push({ range: `A${headRow + 1}:${last}${headRow + 1}`, style: { bold: true, fontColor: "#1F4E79", border: "bottom", borderColor: "#1F4E79" } });

  const targets = new Map<string, string[]>();
  for (const l of theory.links) targets.set(l.from, [...(targets.get(l.from) ?? []), l.to]);
  const mechOfActivity = new Map<string, string[]>();
  for (const p of theory.activityMechanisms) mechOfActivity.set(p.activityId, [...(mechOfActivity.get(p.activityId) ?? []), p.mechanismId]);

  interface Cellbox {
    text: string;
    kind: DiagramBoxKind;
    arrow?: string;
  }
  const columns: Cellbox[][] = Array.from({ length: elementCount }, () => []);
  columns[0].push({ text: targetGroupText(theory, lang), kind: "maalgruppe", arrow: theory.activities.length > 0 ? "→" : undefined });
  for (const a of theory.activities) {
    const ms = mechOfActivity.get(a.id);
    const to = targets.get(a.id);
    columns[1].push({ text: `${a.id}: ${a.name}${ms && ms.length > 0 ? `\n(${ms.join(", ")})` : ""}`, kind: "aktivitet", arrow: to ? `→ ${to.join(", ")}` : undefined });
  }
  for (const g of theory.subGoals) {
    const to = targets.get(g.id);
    columns[2 + (levels.get(g.id) ?? 0)].push({ text: `${g.id}: ${g.name}`, kind: "delmaal", arrow: to ? `→ ${to.join(", ")}` : undefined });
  }
  for (const g of theory.finalGoals) columns[2 + subCols].push({ text: `${g.id}: ${g.name}`, kind: "slutmaal" });

  const top = rows.length;
  // Rows a box needs: one 15 pt row per line of 11 pt text in a 140 pt column (6 pt padding), at least 2.
  const rowsFor = (text: string): number =>
    Math.max(2, text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(estimateTextWidth(part, 11) / (140 - 6))), 0));
  let bottom = top;
  columns.forEach((list, k) => {
    let r = top;
    for (const box of list) {
      const n = rowsFor(box.text);
      while (rows.length < r + n + 1) rows.push(blank());
      const c = elementCol(k);
      rows[r][c] = box.text;
      const range = `${columnLetter(c)}${r + 1}:${columnLetter(c)}${r + n}`;
      merges.push(range);
      styles.push({ range, style: { fill: DIAGRAM_COLORS[box.kind].fill, border: "box", borderColor: DIAGRAM_COLORS[box.kind].line, wrapText: true, verticalAlignment: "center", horizontalAlignment: "center" } });
      if (box.arrow && c + 1 < width) {
        rows[r][c + 1] = box.arrow;
        styles.push({ range: `${columnLetter(c + 1)}${r + 1}`, style: { fontColor: "#595959", wrapText: true, verticalAlignment: "top" } });
      }
      r += n + 1;
    }
    bottom = Math.max(bottom, r);
  });
  while (rows.length < bottom) rows.push(blank());

  if (theory.mechanisms.length > 0) {
    rows.push(blank());
    const mh = rows.length;
    rows.push(blank());
    rows[mh][0] = HEAD.mekanismer[lang];
    styles.push({ range: `A${mh + 1}:${last}${mh + 1}`, style: { bold: true, fontColor: "#1F4E79", border: "bottom", borderColor: "#1F4E79" } });
    // Each mechanism box spans as many rows as its text needs (9 pt text); a band row is as tall as its tallest box.
    const span = (text: string): number => Math.max(2, rowsFor(text) - 1);
    let r = rows.length;
    let k = 0;
    let bandRows = 0;
    for (const mech of theory.mechanisms) {
      if (k === elementCount) {
        k = 0;
        r += bandRows + 1;
        bandRows = 0;
      }
      const text = mechanismText(mech.id, mech.name, mech.category, lang);
      const n = span(text);
      bandRows = Math.max(bandRows, n);
      while (rows.length < r + n) rows.push(blank());
      const c = elementCol(k);
      rows[r][c] = text;
      const range = `${columnLetter(c)}${r + 1}:${columnLetter(c)}${r + n}`;
      merges.push(range);
      styles.push({ range, style: { fill: DIAGRAM_COLORS.mekanisme.fill, border: "box", borderColor: DIAGRAM_COLORS.mekanisme.line, wrapText: true, verticalAlignment: "center", horizontalAlignment: "center", fontSize: 9 } });
      k++;
    }
  }

  const columnWidths = [];
  for (let c = 0; c < width; c++) columnWidths.push({ columns: columnLetter(c), width: c % 2 === 0 ? 140 : 44 });
  return {
    name: DIAGRAM_SHEET_NAME,
    tabColor: "#1F4E79",
    cells: [{ address: "A1", values: rows }],
    styles,
    merges,
    columnWidths,
    showGridlines: false,
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToOnePage: true, printArea: `A1:${last}${rows.length}`, footer: pageFooter(lang, theory.title) },
  };
}
