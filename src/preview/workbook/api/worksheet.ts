/** Excel API emulation: worksheet (see base.ts for the shared semantics). */
import { NamedItemCollection, type NamesTarget } from "./names";
import { MAX_COLUMNS, MAX_ROWS, parseAddress } from "../addr";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, SheetState } from "../state";
import { type PreviewWorkbook } from "../workbook";
import type { ExcelApiName } from "../../../excel/requirements";
import { ClientObj, CollectionObj, defineProps, invalidArgument, jsonLength, requireApi } from "./base";
import { ChartCollection } from "./chart";
import { normaliseColour } from "./format";
import { PageBreakCollection, PageLayout } from "./pageLayout";
import { WorksheetProtection } from "./protection";
import { Range, refOf, validRef } from "./range";
import { ShapeCollection } from "./shape";
import { TableCollection, TablesTarget } from "./table";

// ---------------------------------------------------------------------------------------------
// Worksheets

export class WorksheetCollection extends CollectionObj<PreviewWorkbook, SheetState, Worksheet> {
  _list(b: PreviewWorkbook): SheetState[] {
    return [...b.sheets];
  }
  _wrap(s: SheetState): Worksheet {
    return this._resolved(Worksheet, s);
  }
  add(name?: string): Worksheet {
    let created: SheetState | undefined;
    this._act(jsonLength(name), (b) => {
      created = b.addSheet(name);
    });
    return this._make(Worksheet, () => created, "item", name);
  }
  getItem(key: string): Worksheet {
    return this._make(Worksheet, () => this.context.book.findSheet(key) ?? this.context.book.sheets.find((s) => s.id === key), "item", key);
  }
  getItemOrNullObject(key: string): Worksheet {
    return this._make(Worksheet, () => this.context.book.findSheet(key) ?? this.context.book.sheets.find((s) => s.id === key), "orNull", key);
  }
  getActiveWorksheet(): Worksheet {
    return this._make(Worksheet, () => this.context.book.findSheet(this.context.book.activeSheetName), "item");
  }
  getFirst(visibleOnly?: boolean): Worksheet {
    return this._make(Worksheet, () => this.context.book.sheets.find((s) => !visibleOnly || s.visibility === "Visible"), "item");
  }
  getLast(visibleOnly?: boolean): Worksheet {
    return this._make(Worksheet, () => [...this.context.book.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible"), "item");
  }
}

export class Worksheet extends ClientObj<SheetState> {
  override _alive(t: SheetState): boolean {
    return !t.deleted;
  }
  activate(): void {
    this._act(0, (s) => this._book.activate(s));
  }
  delete(): void {
    this._act(0, (s) => this._book.deleteSheet(s));
  }
  getRange(address?: string): Range {
    return this._make(Range, () => {
      const s = this._get();
      if (!s) return undefined;
      if (address === undefined || address === "") return { sheet: s, ref: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
      const ref = parseAddress(address);
      if (!ref) throw invalidArgument(`address '${address}'`);
      return { sheet: s, ref };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this._make(Range, () => {
      requireApi(this._book, "Worksheet.getRangeByIndexes");
      const s = this._get();
      if (!s) return undefined;
      const ref = { row: startRow, column: startColumn, rowCount, columnCount };
      if (!validRef(ref)) throw invalidArgument("getRangeByIndexes");
      return { sheet: s, ref };
    });
  }
  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this._make(Range, () => {
      const s = this._get();
      if (!s) return undefined;
      return { sheet: s, ref: s.usedBounds(valuesOnly === true) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._make(Range, () => {
      requireApi(this._book, "Worksheet.getUsedRangeOrNullObject");
      const s = this._get();
      const ref = s?.usedBounds(valuesOnly === true);
      return s && ref ? { sheet: s, ref } : undefined;
    });
  }
  get freezePanes(): FreezePanes {
    return this._nav("freezePanes", FreezePanes, (s) => this._gate("Worksheet.freezePanes", s));
  }
  /** The target, or ApiNotFound when `api` is above the host profile (src/excel/requirements.ts). */
  _gate<T>(api: ExcelApiName, t: T): T {
    requireApi(this._book, api);
    return t;
  }
  get tables(): TableCollection {
    return this._nav("tables", TableCollection, (s): TablesTarget => ({ book: this._book, sheet: s }));
  }
  get names(): NamedItemCollection {
    return this._nav("names", NamedItemCollection, (s): NamesTarget => this._gate("Worksheet.names", { book: this._book, sheet: s }));
  }
  get charts(): ChartCollection {
    return this._nav("charts", ChartCollection, (s) => s);
  }
  get shapes(): ShapeCollection {
    return this._nav("shapes", ShapeCollection, (s) => this._gate("Worksheet.shapes", s));
  }
  get pageLayout(): PageLayout {
    return this._nav("pageLayout", PageLayout, (s) => this._gate("Worksheet.pageLayout", s));
  }
  get horizontalPageBreaks(): PageBreakCollection {
    return this._nav("horizontalPageBreaks", PageBreakCollection, (s) => s);
  }
  get protection(): WorksheetProtection {
    return this._nav("protection", WorksheetProtection, (s) => this._gate("Worksheet.protection", s));
  }
}
defineProps(Worksheet, {
  name: {
    get: (s: SheetState) => s.name,
    set: (s: SheetState, v: string, o: Worksheet) => o._book.renameSheet(s, v),
  },
  id: { get: (s: SheetState) => s.id },
  position: {
    get: (s: SheetState, o: Worksheet) => o._book.sheets.indexOf(s),
    set: (s: SheetState, v: number, o: Worksheet) => o._book.moveSheet(s, v),
  },
  visibility: {
    get: (s: SheetState) => s.visibility,
    set: (s: SheetState, v: "Visible" | "Hidden" | "VeryHidden", o: Worksheet) => o._book.setVisibility(s, v),
  },
  tabColor: {
    get: (s: SheetState, o: Worksheet) => o._gate("Worksheet.tabColor", s.tabColor),
    set: (s: SheetState, v: string, o: Worksheet) => {
      requireApi(o._book, "Worksheet.tabColor");
      s.tabColor = normaliseColour(v, true);
    },
  },
  showGridlines: {
    get: (s: SheetState, o: Worksheet) => o._gate("Worksheet.showGridlines", s.showGridlines),
    set: (s: SheetState, v: boolean, o: Worksheet) => {
      requireApi(o._book, "Worksheet.showGridlines");
      s.showGridlines = v === true;
    },
  },
  standardWidth: { get: () => DEFAULT_COLUMN_WIDTH },
  standardHeight: { get: () => DEFAULT_ROW_HEIGHT },
});

export class FreezePanes extends ClientObj<SheetState> {
  freezeRows(count = 1): void {
    this._act(8, (s) => {
      s.frozen = { rows: count, columns: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this._act(8, (s) => {
      s.frozen = { rows: 0, columns: count };
    });
  }
  freezeAt(frozenRange: Range | string): void {
    this._act(jsonLength(typeof frozenRange === "string" ? frozenRange : ""), (s) => {
      const ref = refOf(s, frozenRange);
      s.frozen = { rows: ref.row + ref.rowCount, columns: ref.column + ref.columnCount };
    });
  }
  unfreeze(): void {
    this._act(0, (s) => {
      s.frozen = { rows: 0, columns: 0 };
    });
  }
  getLocationOrNullObject(): Range {
    return this._make(Range, () => {
      const s = this._get();
      if (!s || (s.frozen.rows === 0 && s.frozen.columns === 0)) return undefined;
      return {
        sheet: s,
        ref: {
          row: 0,
          column: 0,
          rowCount: s.frozen.rows || MAX_ROWS,
          columnCount: s.frozen.columns || MAX_COLUMNS,
        },
      };
    });
  }
}
