/** Excel API emulation: pageLayout (see base.ts for the shared semantics). */
import { MAX_COLUMNS, localAddress, parseAddress } from "../addr";
import { SheetState } from "../state";
import { ClientObj, PropDef, defineProps, invalidArgument, jsonLength, requireApi } from "./base";
import { Range, RangeAreas, refOf } from "./range";

// ---------------------------------------------------------------------------------------------
// Page layout

export class PageLayout extends ClientObj<SheetState> {
  get headersFooters(): HeaderFooterGroup {
    return this._nav("headersFooters", HeaderFooterGroup, (s) => s);
  }
  setPrintArea(printArea: Range | string): void {
    this._act(jsonLength(typeof printArea === "string" ? printArea : ""), (s) => {
      s.pageLayout = { ...s.pageLayout, printArea: localAddress(refOf(s, printArea)) };
      s.changed();
    });
  }
  setPrintTitleRows(printTitleRows: Range | string): void {
    this._act(jsonLength(typeof printTitleRows === "string" ? printTitleRows : ""), (s) => {
      const ref = refOf(s, printTitleRows);
      // @types/office-js, PageLayout.setPrintTitleRows: "The range must span the entire row to be valid"
      // (VBA's PageSetup.PrintTitleRows widens a partial row; the JavaScript API does not).
      if (ref.column !== 0 || ref.columnCount !== MAX_COLUMNS) throw invalidArgument(`setPrintTitleRows: '${typeof printTitleRows === "string" ? printTitleRows : "range"}' is not entire rows`, "PageLayout.setPrintTitleRows");
      s.pageLayout = { ...s.pageLayout, printTitleRows: `$${ref.row + 1}:$${ref.row + ref.rowCount}` };
      s.changed();
    });
  }
  getPrintAreaOrNullObject(): RangeAreas {
    return this._make(RangeAreas, () => {
      const s = this._get();
      const ref = s?.pageLayout.printArea ? parseAddress(s.pageLayout.printArea) : undefined;
      return s && ref ? { sheet: s, areas: [ref] } : undefined;
    });
  }
}
defineProps(PageLayout, {
  orientation: {
    get: (s: SheetState) => s.pageLayout.orientation,
    set: (s: SheetState, v: string) => {
      if (v !== "Portrait" && v !== "Landscape") throw invalidArgument("orientation");
      s.pageLayout = { ...s.pageLayout, orientation: v };
      s.changed();
    },
  },
  paperSize: {
    get: (s: SheetState) => s.pageLayout.paperSize,
    set: (s: SheetState, v: string) => {
      s.pageLayout = { ...s.pageLayout, paperSize: String(v) };
      s.changed();
    },
  },
  zoom: {
    get: (s: SheetState) => ({ ...s.zoom }),
    set: (s: SheetState, v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) => {
      if (v === null || typeof v !== "object") throw invalidArgument("zoom");
      // Excel's "Adjust to" accepts whole percentages from 10 to 400 (PageLayoutZoomOptions.scale)
      if (v.scale !== undefined && (!Number.isInteger(v.scale) || v.scale < 10 || v.scale > 400)) throw invalidArgument("zoom.scale");
      s.zoom = { ...v };
      const h = v.horizontalFitToPages;
      const vert = v.verticalFitToPages;
      s.pageLayout = {
        ...s.pageLayout,
        fitToWidth: h === 1 && (vert === 0 || vert === undefined),
        fitToOnePage: h === 1 && vert === 1,
      };
      s.changed();
    },
  },
  // Margins in points (ExcelApi 1.9); Excel refuses negative values.
  ...Object.fromEntries(
    (["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"] as const).map((k) => [
      k,
      {
        get: (s: SheetState) => s.margins[k] ?? (k === "leftMargin" || k === "rightMargin" ? 50.4 : k === "topMargin" || k === "bottomMargin" ? 54 : 21.6),
        set: (s: SheetState, v: unknown) => {
          if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1000) throw invalidArgument(k);
          s.margins[k] = v;
          s.changed();
        },
      },
    ]),
  ),
  printGridlines: { get: () => false, set: () => {} },
  centerHorizontally: { get: () => false, set: () => {} },
});

export class HeaderFooterGroup extends ClientObj<SheetState> {
  get defaultForAllPages(): HeaderFooter {
    return this._nav("defaultForAllPages", HeaderFooter, (s) => s);
  }
}
export class HeaderFooter extends ClientObj<SheetState> {}
const hf = (k: "centerHeader" | "centerFooter" | "leftHeader" | "rightHeader" | "leftFooter" | "rightFooter"): PropDef => ({
  get: (s: SheetState) => s.headersFooters[k] ?? "",
  set: (s: SheetState, v: string) => {
    s.headersFooters[k] = String(v);
    if (k === "centerHeader" || k === "centerFooter") s.pageLayout = { ...s.pageLayout, [k]: String(v) };
    s.changed();
  },
});
defineProps(HeaderFooter, {
  centerHeader: hf("centerHeader"),
  centerFooter: hf("centerFooter"),
  leftHeader: hf("leftHeader"),
  rightHeader: hf("rightHeader"),
  leftFooter: hf("leftFooter"),
  rightFooter: hf("rightFooter"),
});

/**
 * Worksheet.horizontalPageBreaks (ExcelApi 1.9; learn.microsoft.com, Excel.PageBreakCollection):
 * `add` "adds a page break before the top-left cell of the range specified" (an address that cannot
 * be parsed is refused like any range argument); `removePageBreaks` "resets all manual page breaks".
 * A break above row 1 starts no page and is not recorded.
 */
export class PageBreakCollection extends ClientObj<SheetState> {
  add(pageBreakRange: Range | string): void {
    requireApi(this._book, "Worksheet.horizontalPageBreaks");
    this._act(jsonLength(typeof pageBreakRange === "string" ? pageBreakRange : ""), (s) => {
      const ref = refOf(s, pageBreakRange);
      if (ref.row > 0 && !s.rowBreaks.includes(ref.row)) s.rowBreaks = [...s.rowBreaks, ref.row].sort((a, b) => a - b);
      s.changed();
    });
  }
  removePageBreaks(): void {
    requireApi(this._book, "Worksheet.horizontalPageBreaks");
    this._act(0, (s) => {
      s.rowBreaks = [];
      s.changed();
    });
  }
}
