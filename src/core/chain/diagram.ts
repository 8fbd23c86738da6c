/**
 * The theory's diagram with each link drawn by its status in the data ("Virkningskæden – diagram").
 * The layout is the theory diagram's own (layoutDiagram); only the links are restyled: each status
 * has a colour, a line style (solid / dashed / dotted) and a weight, and every assessed link carries
 * its status word as a label, so colour is never the only carrier. A legend below the drawing says
 * what each style means. Links the chain does not assess (delmål → delmål) are thin grey, "ikke vurderet".
 */
import { diagramShapes, layoutDiagram, type ConnectorOverlay, type DiagramConnector } from "../theory/diagram";
import type { ProgrammeTheory } from "../theory/model";
import { pageFooter } from "../report/pageFooter";
import type { ShapeSpec, SheetSpec } from "../report/sheetSpec";
import { TERMS } from "../vocabulary";
import type { Text } from "../stats";
import { LINK_STATUS_TEXT } from "./sheet";
import type { ChainResult, LinkStatus, MovedStatus } from "./types";

type Lang = "da" | "en";

export const CHAIN_DIAGRAM_SHEET_NAME = "Virkningskæden – diagram";

export type LinkStyleKey = "supported" | "notSupported" | "tooLittle" | "notAssessed";

/** The four styles: colour, line style and weight differ, and the label says it in words. */
export const LINK_STYLES: Record<LinkStyleKey, ConnectorOverlay & { word: Text; meaning: Text }> = {
  supported: { lineColor: "#2E7D32", weight: 2.25, dashStyle: "solid", labelColor: "#2E7D32", word: TERMS.linkSupported, meaning: { da: "støttet / flyttet: data viser forbindelsen", en: "supported / moved: the data show the link" } },
  notSupported: { lineColor: "#C00000", weight: 1.5, dashStyle: "dash", labelColor: "#C00000", word: TERMS.linkNotSupported, meaning: { da: "ikke støttet / ikke flyttet: data viser ikke forbindelsen", en: "not supported / not moved: the data do not show the link" } },
  tooLittle: { lineColor: "#7F6000", weight: 1.5, dashStyle: "dot", labelColor: "#7F6000", word: TERMS.tooLittleData, meaning: { da: "for lidt data til at vurdere forbindelsen", en: "too little data to judge the link" } },
  notAssessed: { lineColor: "#A6A6A6", weight: 0.75, dashStyle: "solid", labelColor: "#7F7F7F", word: TERMS.notAssessed, meaning: { da: "ikke vurderet (delmål → delmål)", en: "not assessed (sub-goal → sub-goal)" } },
};

const STYLE_OF: Record<LinkStatus | MovedStatus, LinkStyleKey> = {
  stoettet: "supported",
  flyttet: "supported",
  ikkeStoettet: "notSupported",
  ikkeFlyttet: "notSupported",
  forLidtData: "tooLittle",
};

/** Status word per link id (every link of the theory: assessed ones by their status, the rest "ikke vurderet"). */
export function linkStatusWords(theory: ProgrammeTheory, res: ChainResult, lang: Lang): Map<string, { style: LinkStyleKey; word: string }> {
  const out = new Map<string, { style: LinkStyleKey; word: string }>();
  for (const l of theory.links) out.set(l.id, { style: "notAssessed", word: TERMS.notAssessed[lang] });
  for (const l of [...res.outcomeLinks, ...res.activityLinks]) out.set(l.linkId, { style: STYLE_OF[l.status], word: LINK_STATUS_TEXT[l.status][lang] });
  return out;
}

const round = (x: number): number => Math.round(x * 10) / 10;

function legendShapes(top: number, left: number, lang: Lang): ShapeSpec[] {
  const shapes: ShapeSpec[] = [{ kind: "textBox", id: "Forklaring", left, top, width: 200, height: 18, text: lang === "da" ? "Forklaring" : "Legend", fontSize: 10, bold: true, fontColor: "#1F4E79", horizontalAlignment: "left" }];
  (Object.keys(LINK_STYLES) as LinkStyleKey[]).forEach((k, i) => {
    const s = LINK_STYLES[k];
    const y = top + 22 + i * 18;
    shapes.push({ kind: "connector", id: `Forklaring_linje_${i + 1}`, from: "", to: "", x1: left + 4, y1: y + 8, x2: left + 54, y2: y + 8, lineColor: s.lineColor, weight: s.weight, dashStyle: s.dashStyle, arrow: true });
    shapes.push({ kind: "textBox", id: `Forklaring_tekst_${i + 1}`, left: left + 60, top: y, width: 420, height: 16, text: `${s.word[lang]}: ${s.meaning[lang]}`, fontSize: 9, fontColor: s.labelColor, horizontalAlignment: "left" });
  });
  return shapes;
}

/** "Virkningskæden – diagram": the theory diagram with every link styled and labelled by its status, and a legend. */
export function chainDiagramSheetSpec(theory: ProgrammeTheory, res: ChainResult, lang: Lang = "da"): SheetSpec {
  const words = linkStatusWords(theory, res, lang);
  // The status word takes the place of the mechanism label, so the layout makes room for it.
  const labelled: ProgrammeTheory = { ...theory, links: theory.links.map((l) => ({ ...l, mechanismIds: [words.get(l.id)?.word ?? ""] })) };
  const layout = layoutDiagram(labelled, { lang });
  const overlay = (c: DiagramConnector): ConnectorOverlay => LINK_STYLES[words.get(c.id)?.style ?? "notAssessed"];
  const shapes = diagramShapes(layout, overlay).map((s) => (s.kind === "textBox" && s.id.startsWith("Mek_") ? { ...s, id: `Status_${s.id.slice(4)}` } : s));
  const bottom = Math.max(...layout.boxes.map((b) => b.y + b.height), layout.margin);
  shapes.push(...legendShapes(round(bottom + 16), round(layout.margin), lang));
  // 18 columns × 48 pt ≥ 842 pt; 52 rows × 15 pt hold the drawing and the legend below it.
  return {
    name: CHAIN_DIAGRAM_SHEET_NAME,
    tabColor: "#2E7D32",
    cells: [],
    shapes,
    columnWidths: [{ columns: "A:R", width: 48 }],
    showGridlines: false,
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToOnePage: true, printArea: `A1:R${Math.ceil((bottom + 16 + 22 + 4 * 18 + 20) / 15)}`, footer: pageFooter(lang, theory.title) },
  };
}
