/** Excel API emulation: format (see base.ts for the shared semantics). */
import { contains } from "../addr";
import { type PreviewFormat } from "../model";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from "../state";
import { ClientObj, defineProps, invalidArgument, requireApi } from "./base";
import { FormatProtection, assertFormattable } from "./protection";
import { RangeTarget, clipToUsed, common, forCells } from "./range";

// ---------------------------------------------------------------------------------------------
// Range formatting

const H_ALIGN = new Set(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]);
const V_ALIGN = new Set(["Top", "Center", "Bottom", "Justify", "Distributed"]);

export function normaliseColour(v: unknown, allowEmpty = false): string {
  const s = String(v ?? "").trim();
  if (allowEmpty && s === "") return "";
  const named: Record<string, string> = { black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00" };
  if (named[s.toLowerCase()]) return named[s.toLowerCase()];
  if (/^#?[0-9a-fA-F]{6}$/.test(s)) return `#${s.replace("#", "").toUpperCase()}`;
  throw invalidArgument(`colour '${s}'`);
}

function setFmt(t: RangeTarget, f: (fmt: PreviewFormat) => void): void {
  assertFormattable(t, "cells", "RangeFormat");
  forCells(t, (r, c) => t.sheet.updateFormat(r, c, f), t.ref.rowCount * t.ref.columnCount > 1_000_000);
  t.sheet.changed();
}

export class RangeFormat extends ClientObj<RangeTarget> {
  get font(): RangeFont {
    return this._nav("font", RangeFont, (t) => t);
  }
  get fill(): RangeFill {
    return this._nav("fill", RangeFill, (t) => t);
  }
  get borders(): RangeBorderCollection {
    return this._nav("borders", RangeBorderCollection, (t) => t);
  }
  get protection(): FormatProtection {
    return this._nav("protection", FormatProtection, (t) => {
      requireApi(this._book, "RangeFormat.protection");
      return t;
    });
  }
  /** Estimate the width each column needs from its longest text (about 6 pt per character at 11 pt). */
  autofitColumns(): void {
    this._act(0, (t) => {
      const clip = clipToUsed(t);
      if (!clip) return;
      for (let c = clip.column; c < clip.column + clip.columnCount; c++) {
        let chars = 0;
        for (let r = clip.row; r < clip.row + clip.rowCount; r++) {
          if (t.sheet.merges.some((m) => m.columnCount > 1 && contains(m, { row: r, column: c, rowCount: 1, columnCount: 1 }))) continue;
          const v = t.sheet.valueAt(r, c);
          if (v === null) continue;
          const size = t.sheet.formatAt(r, c)?.fontSize ?? 11;
          chars = Math.max(chars, (String(typeof v === "number" ? Math.round(v * 1000) / 1000 : v).length * size) / 11);
        }
        t.sheet.columnWidths.set(c, chars === 0 ? DEFAULT_COLUMN_WIDTH : Math.max(12, Math.round(chars * 6 + 6)));
      }
      t.sheet.changed();
    });
  }
  autofitRows(): void {
    this._act(0, (t) => {
      const clip = clipToUsed(t);
      if (!clip) return;
      for (let r = clip.row; r < clip.row + clip.rowCount; r++) {
        let h = DEFAULT_ROW_HEIGHT;
        for (let c = clip.column; c < clip.column + clip.columnCount; c++) {
          const size = t.sheet.formatAt(r, c)?.fontSize ?? 11;
          h = Math.max(h, Math.round(size * 1.36));
        }
        t.sheet.rowHeights.set(r, h);
      }
      t.sheet.changed();
    });
  }
}
defineProps(RangeFormat, {
  /** ExcelApi 1.7 (@types/office-js): true resets the columns to the sheet's standard width (false is ignored, as in Excel). */
  useStandardWidth: {
    get: (t: RangeTarget, o: RangeFormat) => (requireApi(o._book, "RangeFormat.useStandardWidth"), [...t.sheet.columnWidths.keys()].every((c) => c < t.ref.column || c >= t.ref.column + t.ref.columnCount)),
    set: (t: RangeTarget, v: unknown, o: RangeFormat) => {
      requireApi(o._book, "RangeFormat.useStandardWidth");
      if (typeof v !== "boolean") throw invalidArgument("useStandardWidth");
      if (v) for (const c of [...t.sheet.columnWidths.keys()]) if (c >= t.ref.column && c < t.ref.column + t.ref.columnCount) t.sheet.columnWidths.delete(c);
      t.sheet.changed();
    },
  },
  useStandardHeight: {
    get: (t: RangeTarget, o: RangeFormat) => (requireApi(o._book, "RangeFormat.useStandardHeight"), [...t.sheet.rowHeights.keys()].every((r) => r < t.ref.row || r >= t.ref.row + t.ref.rowCount)),
    set: (t: RangeTarget, v: unknown, o: RangeFormat) => {
      requireApi(o._book, "RangeFormat.useStandardHeight");
      if (typeof v !== "boolean") throw invalidArgument("useStandardHeight");
      if (v) for (const r of [...t.sheet.rowHeights.keys()]) if (r >= t.ref.row && r < t.ref.row + t.ref.rowCount) t.sheet.rowHeights.delete(r);
      t.sheet.changed();
    },
  },
  columnWidth: {
    get: (t: RangeTarget) => {
      const widths = new Set<number>();
      for (let c = t.ref.column; c < t.ref.column + Math.min(t.ref.columnCount, 1000); c++) widths.add(t.sheet.columnWidth(c));
      return widths.size === 1 ? [...widths][0] : null;
    },
    set: (t: RangeTarget, v: number) => {
      if (typeof v !== "number" || v < 0) throw invalidArgument("columnWidth");
      assertFormattable(t, "columns", "RangeFormat.columnWidth");
      for (let c = t.ref.column; c < t.ref.column + t.ref.columnCount; c++) t.sheet.columnWidths.set(c, v);
      t.sheet.changed();
    },
  },
  rowHeight: {
    get: (t: RangeTarget) => {
      const hs = new Set<number>();
      for (let r = t.ref.row; r < t.ref.row + Math.min(t.ref.rowCount, 10000); r++) hs.add(t.sheet.rowHeight(r));
      return hs.size === 1 ? [...hs][0] : null;
    },
    set: (t: RangeTarget, v: number) => {
      if (typeof v !== "number" || v < 0) throw invalidArgument("rowHeight");
      assertFormattable(t, "rows", "RangeFormat.rowHeight");
      for (let r = t.ref.row; r < t.ref.row + t.ref.rowCount; r++) t.sheet.rowHeights.set(r, v);
      t.sheet.changed();
    },
  },
  horizontalAlignment: {
    get: (t: RangeTarget) => common(t, (r, c) => t.sheet.formatAt(r, c)?.horizontalAlignment ?? "General"),
    set: (t: RangeTarget, v: string) => {
      if (!H_ALIGN.has(v)) throw invalidArgument("horizontalAlignment");
      setFmt(t, (f) => {
        if (v === "General") delete f.horizontalAlignment;
        else f.horizontalAlignment = v as PreviewFormat["horizontalAlignment"];
      });
    },
  },
  verticalAlignment: {
    get: (t: RangeTarget) => common(t, (r, c) => t.sheet.formatAt(r, c)?.verticalAlignment ?? "Bottom"),
    set: (t: RangeTarget, v: string) => {
      if (!V_ALIGN.has(v)) throw invalidArgument("verticalAlignment");
      setFmt(t, (f) => {
        if (v === "Bottom") delete f.verticalAlignment;
        else f.verticalAlignment = v as PreviewFormat["verticalAlignment"];
      });
    },
  },
  wrapText: {
    get: (t: RangeTarget) => common(t, (r, c) => t.sheet.formatAt(r, c)?.wrapText ?? false),
    set: (t: RangeTarget, v: boolean) =>
      setFmt(t, (f) => {
        if (v) f.wrapText = true;
        else delete f.wrapText;
      }),
  },
});

export class RangeFont extends ClientObj<RangeTarget> {}
defineProps(RangeFont, {
  bold: {
    get: (t: RangeTarget) => common(t, (r, c) => t.sheet.formatAt(r, c)?.bold ?? false),
    set: (t: RangeTarget, v: boolean) =>
      setFmt(t, (f) => {
        if (v) f.bold = true;
        else delete f.bold;
      }),
  },
  italic: {
    get: (t: RangeTarget) => common(t, (r, c) => t.sheet.formatAt(r, c)?.italic ?? false),
    set: (t: RangeTarget, v: boolean) =>
      setFmt(t, (f) => {
        if (v) f.italic = true;
        else delete f.italic;
      }),
  },
  color: {
    get: (t: RangeTarget) => common(t, (r, c) => t.sheet.formatAt(r, c)?.fontColor ?? "#000000"),
    set: (t: RangeTarget, v: string) => {
      const col = normaliseColour(v);
      setFmt(t, (f) => {
        f.fontColor = col;
      });
    },
  },
  size: {
    get: (t: RangeTarget) => common(t, (r, c) => t.sheet.formatAt(r, c)?.fontSize ?? 11),
    set: (t: RangeTarget, v: number) => {
      if (typeof v !== "number" || v < 1 || v > 409) throw invalidArgument("font size");
      setFmt(t, (f) => {
        f.fontSize = v;
      });
    },
  },
  name: {
    get: (t: RangeTarget) => common(t, (r, c) => (t.sheet.formatAt(r, c) as { fontName?: string } | undefined)?.fontName ?? "Calibri"),
    set: (t: RangeTarget, v: string) =>
      setFmt(t, (f) => {
        (f as { fontName?: string }).fontName = String(v);
      }),
  },
});

export class RangeFill extends ClientObj<RangeTarget> {
  clear(): void {
    this._act(0, (t) =>
      setFmt(t, (f) => {
        delete f.fill;
      }),
    );
  }
}
defineProps(RangeFill, {
  color: {
    // Excel reports "#FFFFFF" for cells without a fill.
    get: (t: RangeTarget) => common(t, (r, c) => t.sheet.formatAt(r, c)?.fill ?? "#FFFFFF"),
    set: (t: RangeTarget, v: string) => {
      if (v === null || v === undefined) throw invalidArgument("fill colour cannot be null");
      // "" resets the property (Excel: an empty string clears the fill).
      const col = normaliseColour(v, true);
      setFmt(t, (f) => {
        if (col === "") delete f.fill;
        else f.fill = col;
      });
    },
  },
});

type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";
const BORDER_INDEXES = new Set<string>(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"]);

interface BorderTarget {
  range: RangeTarget;
  index: BorderIndex;
}

/** The cells and side that a border index covers. */
function borderCells(b: BorderTarget): { row: number; column: number; side: "top" | "bottom" | "left" | "right" }[] {
  const r = b.range.ref;
  const out: { row: number; column: number; side: "top" | "bottom" | "left" | "right" }[] = [];
  const last = (n: number, c: number): number => n + c - 1;
  switch (b.index) {
    case "EdgeTop":
      for (let c = r.column; c <= last(r.column, r.columnCount); c++) out.push({ row: r.row, column: c, side: "top" });
      break;
    case "EdgeBottom":
      for (let c = r.column; c <= last(r.column, r.columnCount); c++) out.push({ row: last(r.row, r.rowCount), column: c, side: "bottom" });
      break;
    case "EdgeLeft":
      for (let i = r.row; i <= last(r.row, r.rowCount); i++) out.push({ row: i, column: r.column, side: "left" });
      break;
    case "EdgeRight":
      for (let i = r.row; i <= last(r.row, r.rowCount); i++) out.push({ row: i, column: last(r.column, r.columnCount), side: "right" });
      break;
    case "InsideHorizontal":
      for (let i = r.row; i < last(r.row, r.rowCount); i++)
        for (let c = r.column; c <= last(r.column, r.columnCount); c++) out.push({ row: i, column: c, side: "bottom" });
      break;
    case "InsideVertical":
      for (let i = r.row; i <= last(r.row, r.rowCount); i++)
        for (let c = r.column; c < last(r.column, r.columnCount); c++) out.push({ row: i, column: c, side: "right" });
      break;
    default:
      break; // diagonals are accepted and not drawn in the preview
  }
  return out;
}

export class RangeBorderCollection extends ClientObj<RangeTarget> {
  getItem(index: BorderIndex): RangeBorder {
    return this._make(
      RangeBorder,
      () => {
        if (!BORDER_INDEXES.has(index)) throw invalidArgument(`border index '${index}'`);
        const t = this._get();
        return t ? { range: t, index } : undefined;
      },
      "nav",
    );
  }
}

/**
 * Borders are stored as a colour per cell side (PreviewBorders). `style` reads back "Continuous"
 * when every cell on the edge has a border, "None" when none has, null when mixed; `weight`
 * reads "Thin".
 */
export class RangeBorder extends ClientObj<BorderTarget> {}
defineProps(RangeBorder, {
  style: {
    get: (b: BorderTarget) => {
      const cells = borderCells(b);
      const n = cells.filter((x) => b.range.sheet.formatAt(x.row, x.column)?.borders?.[x.side] !== undefined).length;
      return n === 0 ? "None" : n === cells.length ? "Continuous" : null;
    },
    set: (b: BorderTarget, v: string) => {
      assertFormattable(b.range, "cells", "RangeBorder.style");
      for (const x of borderCells(b))
        b.range.sheet.updateFormat(x.row, x.column, (f) => {
          const borders = { ...(f.borders ?? {}) };
          if (v === "None") delete borders[x.side];
          else borders[x.side] = borders[x.side] ?? "#000000";
          f.borders = borders;
        });
      b.range.sheet.changed();
    },
  },
  color: {
    get: (b: BorderTarget) => {
      const cols = new Set(borderCells(b).map((x) => b.range.sheet.formatAt(x.row, x.column)?.borders?.[x.side] ?? "#000000"));
      return cols.size === 1 ? [...cols][0] : null;
    },
    set: (b: BorderTarget, v: string) => {
      const col = normaliseColour(v);
      assertFormattable(b.range, "cells", "RangeBorder.color");
      for (const x of borderCells(b))
        b.range.sheet.updateFormat(x.row, x.column, (f) => {
          f.borders = { ...(f.borders ?? {}), [x.side]: col };
        });
      b.range.sheet.changed();
    },
  },
  weight: {
    get: () => "Thin",
    set: (_b: BorderTarget, v: string) => {
      if (!["Hairline", "Thin", "Medium", "Thick"].includes(v)) throw invalidArgument("border weight");
    },
  },
});
