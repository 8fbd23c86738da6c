/** Excel API emulation: table (see base.ts for the shared semantics). */
import { type RangeRef } from "../../../core/report/address";
import { contains, intersect, parseAddress, splitSheet } from "../addr";
import { SheetState, TableState } from "../state";
import { type PreviewWorkbook } from "../workbook";
import { ClientObj, CollectionObj, Mode, apiError, defineProps, invalidArgument, jsonLength } from "./base";
import { Range } from "./range";
import { Worksheet } from "./worksheet";

// ---------------------------------------------------------------------------------------------
// Tables

export interface TablesTarget {
  book: PreviewWorkbook;
  sheet?: SheetState;
  within?: RangeRef;
  fullyContained?: boolean;
}

export class TableCollection extends CollectionObj<TablesTarget, TableState, Table> {
  _list(t: TablesTarget): TableState[] {
    const all = t.sheet ? [...t.sheet.tables] : t.book.allTables();
    if (!t.within) return all;
    const w = t.within;
    return all.filter((tb) => (t.fullyContained ? contains(w, tb.range) : intersect(w, tb.range)));
  }
  _wrap(i: TableState): Table {
    return this._resolved(Table, i);
  }
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: TableState | undefined;
    this._act(jsonLength(typeof address === "string" ? address : "range") + 8, (t) => {
      let sheet: SheetState | undefined;
      let ref: RangeRef;
      if (typeof address === "string") {
        const { sheet: name } = splitSheet(address);
        sheet = name !== undefined ? t.book.findSheet(name) : (t.sheet ?? t.book.findSheet(t.book.activeSheetName));
        if (!sheet) throw apiError("ItemNotFound", `Worksheet '${name}' not found.`);
        if (t.sheet && sheet !== t.sheet) throw invalidArgument("address on another worksheet");
        const r = parseAddress(address);
        if (!r) throw invalidArgument(`address '${address}'`);
        ref = r;
      } else {
        const r = address._get();
        if (!r) throw invalidArgument("null range");
        sheet = r.sheet;
        ref = r.ref;
      }
      created = t.book.addTable(sheet, ref, hasHeaders === true);
    });
    return this._make(Table, () => created, "item");
  }
  getItem(key: string): Table {
    return this._make(Table, () => this._list(this._get() as TablesTarget).find((tb) => sameName(tb.name, key) || tb.id === key), "item", key);
  }
  getItemOrNullObject(key: string): Table {
    return this._make(
      Table,
      () => {
        const t = this._get();
        return t ? this._list(t).find((tb) => sameName(tb.name, key) || tb.id === key) : undefined;
      },
      "orNull",
      key,
    );
  }
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("da-DK") === b.toLocaleLowerCase("da-DK");
}

export class Table extends ClientObj<TableState> {
  override _alive(t: TableState): boolean {
    return t.sheet.tables.includes(t) && !t.sheet.deleted;
  }
  get worksheet(): Worksheet {
    return this._nav("worksheet", Worksheet, (t) => t.sheet);
  }
  private part(fn: (t: TableState) => RangeRef | undefined, mode: Mode = "nav"): Range {
    return this._make(
      Range,
      () => {
        const t = this._get();
        if (!t) return undefined;
        const ref = fn(t);
        return ref ? { sheet: t.sheet, ref } : undefined;
      },
      mode,
    );
  }
  getRange(): Range {
    return this.part((t) => t.range);
  }
  getHeaderRowRange(): Range {
    return this.part((t) => (t.showHeaders ? { ...t.range, rowCount: 1 } : undefined));
  }
  getDataBodyRange(): Range {
    return this.part((t) => {
      const head = t.showHeaders ? 1 : 0;
      const tot = t.showTotals ? 1 : 0;
      return { ...t.range, row: t.range.row + head, rowCount: Math.max(1, t.range.rowCount - head - tot) };
    });
  }
  getTotalRowRange(): Range {
    return this.part((t) => (t.showTotals ? { ...t.range, row: t.range.row + t.range.rowCount - 1, rowCount: 1 } : undefined));
  }
  /** Excel: deleting a table deletes its cells' contents and formats too. */
  delete(): void {
    this._act(0, (t) => {
      t.sheet.clear(t.range, "All");
      this._book.removeTable(t);
    });
  }
  convertToRange(): Range {
    this._act(0, (t) => this._book.removeTable(t));
    return this.part((t) => t.range);
  }
}
defineProps(Table, {
  name: {
    get: (t: TableState) => t.name,
    set: (t: TableState, v: string, o: Table) => o._book.renameTable(t, v),
  },
  id: { get: (t: TableState) => t.id },
  style: {
    get: (t: TableState) => t.style,
    set: (t: TableState, v: string) => {
      if (!/^(TableStyle(Light|Medium|Dark)\d{1,2})$/.test(v)) throw invalidArgument(`table style '${v}'`);
      t.style = v;
      t.sheet.changed();
    },
  },
  showHeaders: {
    get: (t: TableState) => t.showHeaders,
    set: (t: TableState, v: boolean) => {
      t.showHeaders = v;
      t.sheet.changed();
    },
  },
  showTotals: {
    get: (t: TableState) => t.showTotals,
    set: (t: TableState, v: boolean, o: Table) => o._book.setTableTotals(t, v === true),
  },
});
