/**
 * Approximate Excel table styles (TableStyleLight1–21, Medium1–28, Dark1–11) from the Office
 * theme colours: header row, banded rows, total row and a thin outline.
 */
import type { PreviewTable } from "../workbook/model";

export interface TableCellLook {
  fill?: string;
  color?: string;
  bold?: boolean;
  borderTop?: string;
  borderBottom?: string;
  borderLeft?: string;
  borderRight?: string;
  isHeader: boolean;
}

// Index 0 is the neutral (black/grey) variant; 1–6 are Accent 1–6 of the Office theme.
const ACCENTS = ["#000000", "#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function rgbToHex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}

/** Mix with white: t = 0 keeps the colour, t = 1 gives white. */
export function tint(hex: string, t: number): string {
  const [r, g, b] = hexToRgb(hex);
  return rgbToHex(r + (255 - r) * t, g + (255 - g) * t, b + (255 - b) * t);
}

/** Mix with black: s = 0 keeps the colour. */
export function shade(hex: string, s: number): string {
  const [r, g, b] = hexToRgb(hex);
  return rgbToHex(r * (1 - s), g * (1 - s), b * (1 - s));
}

interface Palette {
  family: "light" | "medium" | "dark";
  variant: number; // 0-based block of 7 within the family
  accent: string;
  neutral: boolean;
}

function palette(style: string): Palette {
  const m = /^TableStyle(Light|Medium|Dark)(\d+)$/i.exec(style.trim());
  if (!m) return { family: "medium", variant: 0, accent: ACCENTS[1], neutral: false };
  const family = m[1].toLowerCase() as Palette["family"];
  const n = Math.max(1, Number(m[2]));
  const idx = (n - 1) % 7;
  return { family, variant: Math.floor((n - 1) / 7), accent: ACCENTS[idx], neutral: idx === 0 };
}

/** Look of one cell inside a table; row/column are 0-based sheet coordinates inside table.range. */
export function tableCellLook(table: PreviewTable, row: number, column: number): TableCellLook {
  const { range } = table;
  const p = palette(table.style);
  const rel = row - range.row;
  const lastRow = range.row + range.rowCount - 1;
  const isHeader = table.showHeaders && rel === 0;
  const isTotal = table.showTotals && row === lastRow && !isHeader;
  const dataIndex = rel - (table.showHeaders ? 1 : 0);
  const banded = !isHeader && !isTotal && dataIndex % 2 === 0;
  const accent = p.accent;
  const light = p.neutral ? "#D9D9D9" : tint(accent, 0.8);
  const line = p.neutral ? "#A6A6A6" : tint(accent, 0.4);
  const look: TableCellLook = { isHeader };
  const outline = `1px solid ${line}`;

  if (p.family === "light") {
    if (p.variant === 1) {
      // Light 8–14: solid accent header, accent outline.
      if (isHeader) Object.assign(look, { fill: accent, color: "#FFFFFF", bold: true });
      look.borderTop = row === range.row ? `1px solid ${accent}` : undefined;
      look.borderBottom = row === lastRow || isHeader ? `1px solid ${accent}` : undefined;
      if (column === range.column) look.borderLeft = `1px solid ${accent}`;
      if (column === range.column + range.columnCount - 1) look.borderRight = `1px solid ${accent}`;
    } else {
      // Light 1–7 (and 15–21 with inner grid): bold header with an accent rule, banded rows.
      if (isHeader) Object.assign(look, { bold: true, color: "#000000" });
      if (banded) look.fill = light;
      if (row === range.row) look.borderTop = `1px solid ${accent}`;
      if (isHeader || row === lastRow) look.borderBottom = `1px solid ${accent}`;
      if (p.variant === 2) {
        look.borderLeft = `1px solid ${line}`;
        look.borderRight = `1px solid ${line}`;
        look.borderBottom = `1px solid ${line}`;
      }
    }
  } else if (p.family === "medium") {
    const headerFill = p.variant === 3 ? tint(accent, 0.6) : accent;
    const headerText = p.variant === 3 ? "#000000" : "#FFFFFF";
    if (isHeader) Object.assign(look, { fill: p.neutral && p.variant !== 3 ? "#000000" : headerFill, color: headerText, bold: true });
    else if (p.variant === 1) look.fill = banded ? tint(accent, p.neutral ? 0.6 : 0.6) : light;
    else if (banded) look.fill = light;
    if (p.variant === 1 && !isHeader) {
      look.borderBottom = "1px solid #FFFFFF";
      look.borderRight = "1px solid #FFFFFF";
    } else {
      if (row === range.row) look.borderTop = outline;
      if (!isHeader) look.borderBottom = outline;
      if (column === range.column) look.borderLeft = outline;
      if (column === range.column + range.columnCount - 1) look.borderRight = outline;
    }
  } else {
    // Dark: black header, accent body in white text.
    const body = p.neutral ? "#595959" : shade(accent, 0.25);
    const band = p.neutral ? "#404040" : accent;
    if (isHeader) Object.assign(look, { fill: "#000000", color: "#FFFFFF", bold: true });
    else Object.assign(look, { fill: banded ? band : body, color: "#FFFFFF" });
  }
  if (isTotal) {
    look.bold = true;
    look.borderTop = `2px double ${p.family === "dark" ? "#FFFFFF" : accent}`;
    if (p.family !== "dark") look.fill = undefined;
  }
  return look;
}
