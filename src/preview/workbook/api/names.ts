/** Excel API emulation: defined names (NamedItemCollection, NamedItem; ExcelApi 1.1/1.4/1.7). */
import { checkFormula } from "../formulaCheck";
import { definedNameProblem, nameValue, type NameState } from "../names";
import type { PreviewWorkbook } from "../workbook";
import type { SheetState } from "../state";
import { ClientObj, CollectionObj, apiError, defineProps, invalidArgument, jsonLength, requireApi } from "./base";
import type { Range } from "./range";

export interface NamesTarget {
  book: PreviewWorkbook;
  /** Worksheet scope; undefined = the workbook's names. */
  sheet?: SheetState;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("da-DK") === b.toLocaleLowerCase("da-DK");
}

function referenceFormula(reference: unknown): string {
  if (typeof reference === "string") return reference.startsWith("=") ? reference : `=${reference}`;
  const r = reference as Range | undefined;
  if (r && typeof (r as { _get?: unknown })._get === "function") {
    const t = (r as unknown as { _get(): { sheet: SheetState; ref: { row: number; column: number; rowCount: number; columnCount: number } } | null })._get();
    if (t) {
      const col = (c: number): string => {
        let s = "";
        for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        return s;
      };
      const q = /^[A-Za-z_][\w.]*$/.test(t.sheet.name) ? t.sheet.name : `'${t.sheet.name.replace(/'/g, "''")}'`;
      const a = `$${col(t.ref.column)}$${t.ref.row + 1}`;
      const b = `$${col(t.ref.column + t.ref.columnCount - 1)}$${t.ref.row + t.ref.rowCount}`;
      return `=${q}!${a === b ? a : `${a}:${b}`}`;
    }
  }
  throw invalidArgument("reference");
}

export class NamedItemCollection extends CollectionObj<NamesTarget, NameState, NamedItem> {
  _list(t: NamesTarget): NameState[] {
    return t.book.names.filter((n) => n.sheet === t.sheet);
  }
  _wrap(n: NameState): NamedItem {
    return this._resolved(NamedItem, n);
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    let created: NameState | undefined;
    this._act(jsonLength(name) + jsonLength(typeof reference === "string" ? reference : "") + jsonLength(comment), (t) => {
      requireApi(this._book, "NamedItemCollection.add");
      const problem = definedNameProblem(name);
      if (problem) throw invalidArgument(`name: ${problem}`);
      const formula = referenceFormula(reference);
      const check = checkFormula(formula);
      if (!check.ok) throw invalidArgument(`reference: ${check.reason}`);
      if (this._list(t).some((n) => sameName(n.name, name))) throw apiError("ItemAlreadyExists", `A resource with the same name or identifier already exists: '${name}'.`);
      // Tables and defined names share one namespace in Excel (a table name is a name in formulas).
      if (t.book.allTables().some((x) => sameName(x.name, name))) throw apiError("ItemAlreadyExists", `A table named '${name}' already exists; tables and names share one namespace.`);
      created = { name, formula, visible: true, comment: comment ?? "", sheet: t.sheet };
      t.book.names.push(created);
    });
    return this._make(NamedItem, () => created, "item", name);
  }
  getItem(name: string): NamedItem {
    return this._make(NamedItem, () => this.find(name), "item", name);
  }
  getItemOrNullObject(name: string): NamedItem {
    return this._make(NamedItem, () => this.find(name), "orNull", name);
  }
  private find(name: string): NameState | undefined {
    const t = this._get();
    return t === null ? undefined : this._list(t).find((n) => sameName(n.name, name));
  }
}

export class NamedItem extends ClientObj<NameState> {
  override _alive(n: NameState): boolean {
    return this._book.names.includes(n);
  }
  delete(): void {
    this._act(0, (n) => {
      const i = this._book.names.indexOf(n);
      if (i >= 0) this._book.names.splice(i, 1);
    });
  }
}
defineProps(NamedItem, {
  name: { get: (n: NameState) => n.name },
  scope: { get: (n: NameState) => (n.sheet ? "Worksheet" : "Workbook") },
  type: { get: (n: NameState) => nameValue(n.formula).type },
  value: { get: (n: NameState) => nameValue(n.formula).value },
  formula: {
    get: (n: NameState, o: NamedItem) => (requireApi(o._book, "NamedItem.formula"), n.formula),
    set: (n: NameState, v: unknown, o: NamedItem) => {
      requireApi(o._book, "NamedItem.formula");
      const f = typeof v === "string" ? (v.startsWith("=") ? v : `=${v}`) : "";
      const check = checkFormula(f);
      if (!check.ok) throw invalidArgument(`formula: ${check.reason}`);
      n.formula = f;
    },
  },
  visible: {
    get: (n: NameState) => n.visible,
    set: (n: NameState, v: unknown) => {
      if (typeof v !== "boolean") throw invalidArgument("visible");
      n.visible = v;
    },
  },
  comment: {
    get: (n: NameState) => n.comment,
    set: (n: NameState, v: unknown) => {
      n.comment = String(v ?? "");
    },
  },
});
