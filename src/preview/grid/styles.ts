/** The grid's stylesheet, injected once as a <style> element (no CSS loader in the build). */

export const GRID_FONT = "Calibri, Carlito, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";
export const GRIDLINE_COLOR = "#E1E1E1";
export const HEADER_BG = "#F3F3F3";
export const HEADER_SELECTED_BG = "#D2D2D2";
export const HEADER_BORDER = "#C8C8C8";
export const SELECTION_COLOR = "#217346";

export const GRID_CSS = `
.vk-wb { display: flex; flex-direction: column; font-family: ${GRID_FONT}; color: #000; background: #fff;
  border: 1px solid ${HEADER_BORDER}; box-sizing: border-box; min-height: 0; user-select: none; }
.vk-wb *, .vk-wb *::before, .vk-wb *::after { box-sizing: border-box; }
.vk-bar { display: flex; align-items: stretch; gap: 0; height: 26px; border-bottom: 1px solid ${HEADER_BORDER}; background: #fff; flex: none; }
.vk-namebox { width: 110px; border: none; border-right: 1px solid ${HEADER_BORDER}; padding: 0 6px; font: 13px ${GRID_FONT}; outline: none; }
.vk-namebox:focus { background: #F7FBF9; }
.vk-fx { width: 30px; display: flex; align-items: center; justify-content: center; color: #6B6B6B; font: italic 13px Cambria, Georgia, serif;
  border-right: 1px solid ${HEADER_BORDER}; }
.vk-formula { flex: 1; border: none; padding: 0 6px; font: 13px ${GRID_FONT}; outline: none; min-width: 0; user-select: text; }
.vk-scroller { position: relative; overflow: auto; flex: 1 1 auto; min-height: 0; outline: none; }
.vk-viewport { position: sticky; left: 0; top: 0; overflow: hidden; }
.vk-pane { position: absolute; overflow: hidden; contain: strict; }
.vk-pane-inner { position: absolute; will-change: transform; }
.vk-cell { position: absolute; overflow: hidden; display: flex; align-items: flex-end; padding: 0 3px 0 3px; line-height: 1.15;
  white-space: nowrap; font-size: 11pt; cursor: cell; border-style: solid; border-width: 0 1px 1px 0; border-color: transparent; }
.vk-scroller[data-gridlines="on"] .vk-cell { border-color: ${GRIDLINE_COLOR}; }
.vk-cell-text { width: 100%; max-height: 100%; overflow: hidden; white-space: pre; }
.vk-cell-text.vk-wrap { white-space: pre-wrap; overflow-wrap: anywhere; }
.vk-cell-edges { position: absolute; left: -1px; top: -1px; right: -1px; bottom: -1px; pointer-events: none; }
.vk-colhead, .vk-rowhead { position: absolute; background: ${HEADER_BG}; color: #444; font-size: 12px; display: flex;
  align-items: center; justify-content: center; border-right: 1px solid ${HEADER_BORDER}; border-bottom: 1px solid ${HEADER_BORDER}; cursor: default; }
.vk-colhead.vk-sel, .vk-rowhead.vk-sel { background: ${HEADER_SELECTED_BG}; color: ${SELECTION_COLOR}; font-weight: 600; }
.vk-colhead.vk-sel { box-shadow: inset 0 -2px 0 ${SELECTION_COLOR}; }
.vk-rowhead.vk-sel { box-shadow: inset -2px 0 0 ${SELECTION_COLOR}; }
.vk-corner { position: absolute; left: 0; top: 0; background: ${HEADER_BG}; border-right: 1px solid ${HEADER_BORDER}; border-bottom: 1px solid ${HEADER_BORDER}; }
.vk-freeze-h { position: absolute; height: 1px; background: #9B9B9B; z-index: 6; pointer-events: none; }
.vk-freeze-v { position: absolute; width: 1px; background: #9B9B9B; z-index: 6; pointer-events: none; }
.vk-selection { position: absolute; border: 2px solid ${SELECTION_COLOR}; background: rgba(33, 115, 70, 0.08); pointer-events: none; z-index: 5; }
.vk-active { position: absolute; border: 2px solid ${SELECTION_COLOR}; pointer-events: none; z-index: 5; }
.vk-editor { position: absolute; z-index: 7; border: 2px solid ${SELECTION_COLOR}; padding: 0 2px; font: 11pt ${GRID_FONT}; outline: none;
  background: #fff; user-select: text; }
.vk-tabs { display: flex; align-items: stretch; height: 28px; background: ${HEADER_BG}; border-top: 1px solid ${HEADER_BORDER};
  overflow-x: auto; overflow-y: hidden; flex: none; padding-left: 8px; }
.vk-tab { position: relative; border: none; background: transparent; padding: 0 14px; font: 13px ${GRID_FONT}; color: #333; cursor: pointer;
  border-right: 1px solid ${HEADER_BORDER}; white-space: nowrap; }
.vk-tab:hover { background: #E6E6E6; }
.vk-tab[aria-selected="true"] { background: #fff; color: ${SELECTION_COLOR}; font-weight: 600; box-shadow: inset 0 -2px 0 ${SELECTION_COLOR}; }
.vk-tab-stripe { position: absolute; left: 4px; right: 4px; bottom: 3px; height: 3px; border-radius: 1px; }
.vk-empty { padding: 16px; color: #666; font-size: 13px; }
`;

let injected = false;

/** Add the stylesheet to document.head once (idempotent; safe in tests). */
export function ensureGridStyles(doc: Document | undefined = typeof document === "undefined" ? undefined : document): void {
  if (!doc) return;
  if (injected && doc.getElementById("vk-grid-styles")) return;
  if (doc.getElementById("vk-grid-styles")) {
    injected = true;
    return;
  }
  const el = doc.createElement("style");
  el.id = "vk-grid-styles";
  el.textContent = GRID_CSS;
  doc.head.appendChild(el);
  injected = true;
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
const measureCache = new Map<string, number>();

/**
 * Width in pixels of text in the grid font as the browser will draw it (canvas measureText), so
 * overflow decisions hold when Calibri is not installed. Falls back to `fallback` where there is
 * no canvas (jsdom).
 */
export function measureGridText(text: string, fontPt: number, bold: boolean, fallback: (t: string, pt: number, b: boolean) => number): number {
  if (measureCtx === undefined) {
    measureCtx = null;
    const jsdom = typeof navigator !== "undefined" && /jsdom/i.test(navigator.userAgent);
    if (typeof document !== "undefined" && !jsdom) {
      try {
        measureCtx = document.createElement("canvas").getContext("2d");
      } catch {
        measureCtx = null;
      }
    }
  }
  if (!measureCtx) return fallback(text, fontPt, bold);
  const key = `${bold ? "b" : ""}${fontPt}|${text}`;
  const hit = measureCache.get(key);
  if (hit !== undefined) return hit;
  measureCtx.font = `${bold ? "bold " : ""}${fontPt}pt ${GRID_FONT}`;
  const w = measureCtx.measureText(text).width;
  if (measureCache.size > 20000) measureCache.clear();
  measureCache.set(key, w);
  return w;
}
