/** Excel API emulation: workbook (see base.ts for the shared semantics). */
import { type PreviewWorkbook } from "../workbook";
import { ClientObj, CollectionObj, defineProps, invalidArgument, requireApi } from "./base";
import { NamedItemCollection, type NamesTarget } from "./names";
import { Range, RangeAreas } from "./range";
import { selectedRangeRefusal, specialSelection } from "./selection";
import { checkSettingsLimit } from "./settingsLimit";
import { TableCollection } from "./table";
import { WorksheetCollection } from "./worksheet";

// ---------------------------------------------------------------------------------------------
// Workbook, application, settings

export class Application extends ClientObj<PreviewWorkbook> {
  suspendApiCalculationUntilNextSync(): void {
    this._act(0, (b) => requireApi(b, "Application.suspendApiCalculationUntilNextSync"), "method", false);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._act(0, (b) => requireApi(b, "Application.suspendScreenUpdatingUntilNextSync"), "method", false);
  }
  calculate(): void {}
}
defineProps(Application, { calculationMode: { get: () => "Automatic" } });

export class Workbook extends ClientObj<PreviewWorkbook> {
  get worksheets(): WorksheetCollection {
    return this._nav("worksheets", WorksheetCollection, (b) => b);
  }
  get settings(): SettingCollection {
    return this._nav("settings", SettingCollection, (b) => {
      requireApi(b, "Workbook.settings");
      return b;
    });
  }
  get tables(): TableCollection {
    return this._nav("tables", TableCollection, (b) => ({ book: b }));
  }
  get application(): Application {
    return this._nav("application", Application, (b) => b);
  }
  get names(): NamedItemCollection {
    return this._nav("names", NamedItemCollection, (b): NamesTarget => ({ book: b }));
  }
  getSelectedRange(): Range {
    return this._make(Range, () => {
      const b = this.context.book;
      const refusal = selectedRangeRefusal(b); // several areas or a shape selected (selection.ts)
      if (refusal) throw refusal;
      const sheet = b.findSheet(b.activeSheetName);
      return sheet ? { sheet, ref: b.selectionOf(sheet) } : undefined;
    });
  }
  /** ExcelApi 1.9: every area of the selection; refused like getSelectedRange when a shape is selected. */
  getSelectedRanges(): RangeAreas {
    return this._make(RangeAreas, () => {
      const b = this.context.book;
      requireApi(b, "Workbook.getSelectedRanges");
      const sp = specialSelection(b);
      if (sp?.kind === "shape") throw selectedRangeRefusal(b)!;
      const sheet = b.findSheet(b.activeSheetName);
      return sheet ? { sheet, areas: sp?.kind === "areas" ? sp.areas : [b.selectionOf(sheet)] } : undefined;
    });
  }
  getActiveCell(): Range {
    return this._make(Range, () => {
      const b = this.context.book;
      const sheet = b.findSheet(b.activeSheetName);
      if (!sheet) return undefined;
      const s = b.selectionOf(sheet);
      return { sheet, ref: { row: s.row, column: s.column, rowCount: 1, columnCount: 1 } };
    });
  }
}
defineProps(Workbook, { name: { get: () => "Preview.xlsx" } });

interface SettingTarget {
  book: PreviewWorkbook;
  key: string;
}

export class Setting extends ClientObj<SettingTarget> {
  override _alive(t: SettingTarget): boolean {
    return t.book.settings.has(t.key);
  }
  delete(): void {
    this._act(0, (t) => {
      t.book.settings.delete(t.key);
    });
  }
}
defineProps(Setting, {
  key: { get: (t: SettingTarget) => t.key },
  value: {
    get: (t: SettingTarget) => JSON.parse(t.book.settings.get(t.key) ?? "null") as unknown,
    set: (t: SettingTarget, v: unknown) => {
      t.book.settings.set(t.key, JSON.stringify(v));
    },
  },
});

export class SettingCollection extends CollectionObj<PreviewWorkbook, SettingTarget, Setting> {
  _list(b: PreviewWorkbook): SettingTarget[] {
    return [...b.settings.keys()].map((key) => ({ book: b, key }));
  }
  _wrap(i: SettingTarget): Setting {
    return this._resolved(Setting, i);
  }
  add(key: string, value: unknown): Setting {
    if (typeof key !== "string" || key.length === 0) throw invalidArgument("key");
    const json = JSON.stringify(value ?? null);
    this._act(json.length + key.length, (b) => {
      checkSettingsLimit(b, key, json); // ~2 MB in all (settingsLimit.ts)
      b.settings.set(key, json);
    });
    return this._make(Setting, () => ({ book: this.context.book, key }), "item", key);
  }
  getItem(key: string): Setting {
    return this._make(Setting, () => (this.context.book.settings.has(key) ? { book: this.context.book, key } : undefined), "item", key);
  }
  getItemOrNullObject(key: string): Setting {
    return this._make(Setting, () => (this.context.book.settings.has(key) ? { book: this.context.book, key } : undefined), "orNull", key);
  }
}
