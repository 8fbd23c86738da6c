/**
 * Emulation of the subset of the Excel JavaScript API that src/excel/ uses, over the preview's
 * in-memory state. Semantics follow Excel:
 *
 * - Setting a property or calling a method queues an action; it takes effect, in order, at
 *   `context.sync()`. Objects returned by methods (getItem, getRange, add, ...) are resolved at
 *   their place in the queue, so `getUsedRange()` sees the writes queued before it.
 * - `load(...)` (string, comma list, array, {select, expand}, or "a/b" paths) is satisfied at sync.
 *   Reading a property that was not loaded and synced throws `PropertyNotLoaded`. Setting a
 *   property forgets its loaded value, so reading it back without a new load also throws
 *   (stricter than office.js, which returns the locally set value; code that passes here is
 *   correct in Excel too).
 * - `getItem` on a missing item rejects the sync with `ItemNotFound` when the object is used;
 *   `getItemOrNullObject` gives a null object: `isNullObject` is readable after the next sync,
 *   actions on it are ignored and its properties read as null.
 * - An error stops the batch at the failing action (earlier actions stay applied, as in Excel),
 *   and nothing loaded in that sync becomes readable.
 * - Payload: the request size is the JSON length of everything written (property values and
 *   method arguments), the response size the JSON length of everything loaded. Above 5 MB the
 *   sync rejects with `RequestPayloadSizeLimitExceeded` (nothing applied) or
 *   `ResponsePayloadSizeLimitExceeded`.
 */
import type { RangeRef } from "../../core/report/address";
import type { PreviewFormat, PreviewValue } from "./model";
import { MAX_COLUMNS, MAX_ROWS, contains, intersect, localAddress, parseAddress, qualifiedAddress, splitSheet } from "./addr";
import { ChartState, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, ShapeState, SheetState, TableState } from "./state";
import type { PreviewWorkbook } from "./workbook";
import { formatCellValue } from "../grid/numberFormat";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** An error shaped like OfficeExtension.Error (name "RichApi.Error", code, message, debugInfo). */
export class EmulatedApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export function apiError(code: string, message: string, location?: string): EmulatedApiError {
  return new EmulatedApiError(code, message, location);
}

function notLoaded(prop: string): EmulatedApiError {
  return apiError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function versionAtMost(version: string, max: string): boolean {
  const a = version.split(".").map(Number);
  const b = max.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return true;
}

/** An API of ExcelApi `version` on a workbook that emulates an older host: Excel answers ApiNotFound. */
function requireSet(book: PreviewWorkbook, version: string, api: string): void {
  if (!versionAtMost(version, book.apiVersion)) {
    throw apiError("ApiNotFound", `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${api}, ExcelApi ${version})`);
  }
}

function invalidArgument(what: string, location?: string): EmulatedApiError {
  return apiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`, location);
}

export function jsonLength(v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v).length;
  if (typeof v === "string") return v.length + 2;
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return 0;
  }
}

/** What one sync collects while running its actions. */
export class SyncRun {
  responseBytes = 0;
  mutated = false;
  readonly commits: (() => void)[] = [];
}

interface Action {
  size: number;
  /** "instantiate" actions only resolve objects; they do not force Excel.run's final sync. */
  kind: "instantiate" | "set" | "method" | "load";
  mutates: boolean;
  run(r: SyncRun): void;
}

export class EmuContext {
  readonly queue: Action[] = [];
  readonly workbook: Workbook;
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  constructor(readonly book: PreviewWorkbook) {
    this.workbook = new Workbook(this, () => book, "nav");
  }
  get application(): Application {
    return this.workbook.application;
  }
  enqueue(a: Action): void {
    this.queue.push(a);
  }
  /** Like RequestContext.sync: resolves with the optional pass-through value. */
  async sync<V>(passThroughValue?: V): Promise<V> {
    await this.book._sync(this);
    return passThroughValue as V;
  }
  /** True when something other than object look-ups is waiting for a sync. */
  hasPendingWork(): boolean {
    return this.queue.some((a) => a.kind !== "instantiate");
  }
}

type Mode = "item" | "orNull" | "nav";

interface PropDef {
  get?: (t: never, o: never) => unknown;
  set?: (t: never, v: never, o: never) => void;
}

function defineProps(cls: { prototype: object }, defs: Record<string, PropDef>): void {
  const proto = cls.prototype as { _propDefs?: Record<string, PropDef> };
  proto._propDefs = { ...(proto._propDefs ?? {}), ...defs };
  for (const name of Object.keys(defs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObj<unknown>) {
        return this._read(name);
      },
      set(this: ClientObj<unknown>, v: unknown) {
        this._write(name, v);
      },
    });
  }
}

function parseLoadSpec(spec: unknown): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoadSpec(s));
  if (typeof spec === "object") {
    const o = spec as { select?: string; expand?: string };
    return [...parseLoadSpec(o.select), ...parseLoadSpec(o.expand)];
  }
  return [];
}

export abstract class ClientObj<T> {
  _state: 0 | 1 | 2 | 3 = 0; // unresolved, ok, null, missing
  _t?: T;
  readonly _loaded = new Map<string, unknown>();
  _nullKnown = false;
  _isNull = false;
  declare _propDefs: Record<string, PropDef>;
  private readonly _children = new Map<string, ClientObj<unknown>>();

  constructor(
    readonly context: EmuContext,
    private readonly _resolver: () => T | undefined,
    private readonly _mode: Mode,
    private readonly _what = "",
  ) {}

  _instantiate(run?: SyncRun): void {
    if (this._state === 0) {
      const t = this._resolver();
      if (t === undefined) this._state = this._mode === "item" ? 3 : 2;
      else {
        this._t = t;
        this._state = 1;
      }
    }
    if (run) {
      const isNull = this._state === 2;
      run.commits.push(() => {
        this._nullKnown = true;
        this._isNull = isNull;
      });
    }
  }

  /** Target for an action; null for a null object; throws ItemNotFound for a missing item. */
  _get(): T | null {
    this._instantiate();
    if (this._state === 3 || (this._state === 1 && !this._alive(this._t as T))) {
      throw apiError("ItemNotFound", `The requested resource doesn't exist.${this._what ? ` (${this._what})` : ""}`);
    }
    return this._state === 2 ? null : (this._t as T);
  }

  _alive(_t: T): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (!this._nullKnown) throw notLoaded("isNullObject");
    return this._isNull;
  }

  _read(name: string): unknown {
    if (this._nullKnown && this._isNull) return null;
    if (this._loaded.has(name)) return this._loaded.get(name);
    throw notLoaded(name);
  }

  _write(name: string, v: unknown): void {
    const def = this._propDefs[name];
    if (!def?.set) throw apiError("InvalidArgument", `The property '${name}' is read-only.`);
    const set = def.set as (t: T, v: unknown, o: this) => void;
    this._loaded.delete(name);
    this._act(jsonLength(v) + name.length, (t) => set(t, v, this), "set");
  }

  /** Queue a mutating action on the target. */
  _act(size: number, fn: (t: T, run: SyncRun) => void, kind: "set" | "method" = "method", mutates = true): void {
    this.context.enqueue({
      size,
      kind,
      mutates,
      run: (run) => {
        const t = this._get();
        if (t === null) return;
        fn(t, run);
      },
    });
  }

  /** Create an object returned by a method; it is resolved at this point of the queue. */
  _make<C extends ClientObj<U>, U>(
    ctor: new (ctx: EmuContext, r: () => U | undefined, m: Mode, what?: string) => C,
    resolver: () => U | undefined,
    mode: Mode = "nav",
    what = "",
  ): C {
    const obj = new ctor(this.context, resolver, mode, what);
    this.context.enqueue({ size: 0, kind: "instantiate", mutates: false, run: (run) => obj._instantiate(run) });
    return obj;
  }

  /** A navigation property (range.format, shape.fill, ...): same lifetime as the parent. */
  _nav<C extends ClientObj<U>, U>(name: string, ctor: new (ctx: EmuContext, r: () => U | undefined, m: Mode) => C, map: (t: T) => U): C {
    let c = this._children.get(name) as C | undefined;
    if (!c) {
      c = new ctor(this.context, () => {
        const t = this._get();
        return t === null ? undefined : map(t);
      }, "nav");
      this._children.set(name, c as unknown as ClientObj<unknown>);
    }
    return c;
  }

  _scalarNames(): string[] {
    return Object.entries(this._propDefs ?? {})
      .filter(([, d]) => d.get)
      .map(([n]) => n);
  }

  load(spec?: unknown): this {
    const paths = parseLoadSpec(spec);
    this.context.enqueue({ size: 0, kind: "load", mutates: false, run: (run) => this._loadNow(paths, run) });
    return this;
  }

  /** Snapshot the requested properties now (inside a sync); they become readable when the sync succeeds. */
  _loadNow(paths: string[], run: SyncRun): void {
    this._instantiate(run);
    const t = this._get();
    if (t === null) return;
    const defs = this._propDefs ?? {};
    const scalars = new Set<string>();
    const nested = new Map<string, string[]>();
    for (const p of paths.length ? paths : this._scalarNames()) {
      const [head, ...rest] = p.split("/");
      if (defs[head]?.get) scalars.add(head);
      else if (head === "isNullObject" || head === "$none") continue;
      else {
        const list = nested.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        nested.set(head, list);
      }
    }
    const snap: [string, unknown][] = [];
    for (const p of scalars) {
      const get = defs[p].get as (t: T, o: this) => unknown;
      const v = get(t, this);
      run.responseBytes += jsonLength(v) + p.length;
      snap.push([p, v]);
    }
    run.commits.push(() => {
      for (const [k, v] of snap) this._loaded.set(k, v);
    });
    for (const [head, sub] of nested) {
      const child = (this as unknown as Record<string, unknown>)[head];
      if (!(child instanceof ClientObj)) throw apiError("InvalidArgument", `Cannot load '${head}': no such property.`);
      child._loadNow(sub, run);
    }
  }

  /** ClientObject.set({...}): sets scalar properties and recurses into navigation properties. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties ?? {})) {
      if (this._propDefs?.[k]) (this as unknown as Record<string, unknown>)[k] = v;
      else {
        const child = (this as unknown as Record<string, unknown>)[k];
        if (child instanceof ClientObj && v && typeof v === "object") child.set(v as Record<string, unknown>);
        else throw apiError("InvalidArgument", `Cannot set '${k}'.`);
      }
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  get _book(): PreviewWorkbook {
    return this.context.book;
  }
}

/** OfficeExtension.ClientResult. */
export class ClientResult<V> {
  _has = false;
  _v?: V;
  get value(): V {
    if (!this._has) throw notLoaded("value");
    return this._v as V;
  }
}

/** Collections: `items` after load; `load("items/name")`, `load("name")` and `load()` load the items. */
abstract class CollectionObj<T, I, C extends ClientObj<I>> extends ClientObj<T> {
  _items?: C[];
  abstract _list(t: T): I[];
  abstract _wrap(i: I): C;

  get items(): C[] {
    if (this._nullKnown && this._isNull) return [];
    if (!this._items) throw notLoaded("items");
    return this._items;
  }

  override _loadNow(paths: string[], run: SyncRun): void {
    const props = paths.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items" && p !== "$none");
    this._instantiate(run);
    const t = this._get();
    const items = (t === null ? [] : this._list(t)).map((target) => this._wrap(target));
    for (const c of items) c._loadNow(props, run);
    run.commits.push(() => {
      this._items = items;
    });
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue({
      size: 0,
      kind: "load",
      mutates: false,
      run: (run) => {
        const t = this._get();
        const n = t === null ? 0 : this._list(t).length;
        run.commits.push(() => {
          r._v = n;
          r._has = true;
        });
      },
    });
    return r;
  }

  /** Wrap an existing target as an already-resolved object. */
  _resolved<X extends ClientObj<U>, U>(ctor: new (ctx: EmuContext, r: () => U | undefined, m: Mode) => X, target: U): X {
    const o = new ctor(this.context, () => target, "item");
    o._instantiate();
    return o;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, settings

export class Application extends ClientObj<PreviewWorkbook> {
  suspendApiCalculationUntilNextSync(): void {}
  suspendScreenUpdatingUntilNextSync(): void {}
  calculate(): void {}
}
defineProps(Application, { calculationMode: { get: () => "Automatic" } });

export class Workbook extends ClientObj<PreviewWorkbook> {
  get worksheets(): WorksheetCollection {
    return this._nav("worksheets", WorksheetCollection, (b) => b);
  }
  get settings(): SettingCollection {
    return this._nav("settings", SettingCollection, (b) => b);
  }
  get tables(): TableCollection {
    return this._nav("tables", TableCollection, (b) => ({ book: b }));
  }
  get application(): Application {
    return this._nav("application", Application, (b) => b);
  }
  getSelectedRange(): Range {
    return this._make(Range, () => {
      const b = this.context.book;
      const sheet = b.findSheet(b.activeSheetName);
      return sheet ? { sheet, ref: b.selectionOf(sheet) } : undefined;
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
      const s = this._get();
      const ref = s?.usedBounds(valuesOnly === true);
      return s && ref ? { sheet: s, ref } : undefined;
    });
  }
  get freezePanes(): FreezePanes {
    return this._nav("freezePanes", FreezePanes, (s) => s);
  }
  get tables(): TableCollection {
    return this._nav("tables", TableCollection, (s): TablesTarget => ({ book: this._book, sheet: s }));
  }
  get charts(): ChartCollection {
    return this._nav("charts", ChartCollection, (s) => s);
  }
  get shapes(): ShapeCollection {
    return this._nav("shapes", ShapeCollection, (s) => s);
  }
  get pageLayout(): PageLayout {
    return this._nav("pageLayout", PageLayout, (s) => s);
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
    get: (s: SheetState) => s.tabColor,
    set: (s: SheetState, v: string) => {
      s.tabColor = normaliseColour(v, true);
    },
  },
  showGridlines: {
    get: (s: SheetState) => s.showGridlines,
    set: (s: SheetState, v: boolean, o: Worksheet) => {
      requireSet(o._book, "1.8", "Worksheet.showGridlines");
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

// ---------------------------------------------------------------------------------------------
// Ranges

export interface RangeTarget {
  sheet: SheetState;
  ref: RangeRef;
}

function validRef(r: RangeRef): boolean {
  return (
    Number.isInteger(r.row) &&
    Number.isInteger(r.column) &&
    Number.isInteger(r.rowCount) &&
    Number.isInteger(r.columnCount) &&
    r.row >= 0 &&
    r.column >= 0 &&
    r.rowCount >= 1 &&
    r.columnCount >= 1 &&
    r.row + r.rowCount <= MAX_ROWS &&
    r.column + r.columnCount <= MAX_COLUMNS
  );
}

/** A Range object or an address on `sheet` (for freezeAt, setPrintArea, ...). */
function refOf(sheet: SheetState, r: Range | string): RangeRef {
  if (typeof r === "string") {
    const ref = parseAddress(r);
    if (!ref) throw invalidArgument(`address '${r}'`);
    return ref;
  }
  const t = r._get();
  if (!t) throw invalidArgument("null range");
  if (t.sheet !== sheet) throw invalidArgument("range on another worksheet");
  return t.ref;
}

/** The part of a range that holds anything (whole rows/columns are clipped to the used area). */
function clipToUsed(t: RangeTarget): RangeRef | undefined {
  const whole = t.ref.rowCount === MAX_ROWS || t.ref.columnCount === MAX_COLUMNS;
  if (!whole) return t.ref;
  const ext = t.sheet.usedExtent();
  return intersect(t.ref, { row: 0, column: 0, rowCount: Math.max(ext.rowCount, 1), columnCount: Math.max(ext.columnCount, 1) });
}

function forCells(t: RangeTarget, fn: (row: number, column: number) => void, clip = true): void {
  const r = clip ? clipToUsed(t) : t.ref;
  if (!r) return;
  for (let i = r.row; i < r.row + r.rowCount; i++) for (let j = r.column; j < r.column + r.columnCount; j++) fn(i, j);
}

function readGrid<V>(t: RangeTarget, fn: (row: number, column: number) => V): V[][] {
  const cells = t.ref.rowCount * t.ref.columnCount;
  if (cells > 5_000_000) {
    throw apiError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit (a range read is limited to 5,000,000 cells).");
  }
  const out: V[][] = new Array<V[]>(t.ref.rowCount);
  for (let i = 0; i < t.ref.rowCount; i++) {
    const row = new Array<V>(t.ref.columnCount);
    for (let j = 0; j < t.ref.columnCount; j++) row[j] = fn(t.ref.row + i, t.ref.column + j);
    out[i] = row;
  }
  return out;
}

/** A 2-D array matching the range or a single value to broadcast (Excel's setter rule). */
function writeGrid(t: RangeTarget, v: unknown, what: string, fn: (row: number, column: number, x: unknown) => void): void {
  if (Array.isArray(v)) {
    if (v.length !== t.ref.rowCount || v.some((row) => !Array.isArray(row) || row.length !== t.ref.columnCount)) {
      throw invalidArgument(
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: range ${t.ref.rowCount}x${t.ref.columnCount})`,
      );
    }
    const rows = v as unknown[][];
    for (let i = 0; i < t.ref.rowCount; i++) {
      const row = rows[i];
      for (let j = 0; j < t.ref.columnCount; j++) {
        const x = row[j];
        if (x === null || x === undefined) continue; // Excel leaves the cell unchanged
        fn(t.ref.row + i, t.ref.column + j, x);
      }
    }
    return;
  }
  if (v === null || v === undefined) throw invalidArgument(`${what} cannot be set to null`);
  forCells(t, (r, c) => fn(r, c, v), false);
}

function checkCellValue(x: unknown): PreviewValue {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw invalidArgument("a value is NaN or infinite");
    return x;
  }
  if (typeof x === "string" || typeof x === "boolean") return x;
  throw invalidArgument(`unsupported cell value ${String(x)}`);
}

/**
 * What Excel stores when a string is written through `values` or `formulas` (en-US parsing, as
 * the API does): "'x" → text "x" (quote prefix); "=..." → formula; "+..."/"-..." → a number
 * when numeric, else a formula (the docs: such values are interpreted as formulas); numeric text
 * ("12", "1.5e3") → number; "TRUE"/"FALSE" → boolean. In a cell formatted as text ("@") the
 * string is kept as is (after removing a quote prefix).
 */
function interpretInput(sheet: SheetState, row: number, column: number, x: unknown): void {
  const v = checkCellValue(x);
  if (typeof v !== "string" || v === "") {
    sheet.write(row, column, v, false);
    return;
  }
  if (v.startsWith("'")) {
    sheet.write(row, column, v.slice(1), false);
    return;
  }
  if (sheet.numberFormatAt(row, column) === "@") {
    sheet.write(row, column, v, false);
    return;
  }
  if (v.startsWith("=") && v.length > 1) {
    sheet.write(row, column, v, true);
    return;
  }
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) {
    sheet.write(row, column, Number(v), false);
    return;
  }
  if ((v.startsWith("+") || v.startsWith("-")) && v.length > 1) {
    sheet.write(row, column, `=${v}`, true);
    return;
  }
  if (/^(true|false)$/i.test(v)) {
    sheet.write(row, column, v.toLowerCase() === "true", false);
    return;
  }
  sheet.write(row, column, v, false);
}

function emptyAsString(v: PreviewValue): string | number | boolean {
  return v === null ? "" : v;
}

function valueType(v: PreviewValue): string {
  if (v === null || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (/^#(DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!)$/.test(v)) return "Error";
  return "String";
}

/** Common value over cells, or null when they differ (Excel's rule for format getters). */
function common<V>(t: RangeTarget, fn: (row: number, column: number) => V): V | null {
  let first = true;
  let out: V | null = null;
  const r = clipToUsed(t) ?? { row: t.ref.row, column: t.ref.column, rowCount: 1, columnCount: 1 };
  for (let i = r.row; i < r.row + r.rowCount; i++) {
    for (let j = r.column; j < r.column + r.columnCount; j++) {
      const v = fn(i, j);
      if (first) {
        out = v;
        first = false;
      } else if (v !== out) return null;
    }
  }
  return out;
}

function checkNotInTable(t: RangeTarget, what: string): void {
  for (const tb of t.sheet.tables) if (intersect(tb.range, t.ref)) throw apiError("InvalidOperation", `Cannot ${what} a range that overlaps a table (${tb.name}).`);
}

export class Range extends ClientObj<RangeTarget> {
  override _alive(t: RangeTarget): boolean {
    return !t.sheet.deleted;
  }
  private derive(fn: (t: RangeTarget) => RangeRef | undefined, mode: Mode = "nav"): Range {
    return this._make(
      Range,
      () => {
        const t = this._get();
        if (!t) return undefined;
        const ref = fn(t);
        if (ref === undefined) return undefined;
        if (!validRef(ref)) throw invalidArgument("the resulting range is outside the worksheet");
        return { sheet: t.sheet, ref };
      },
      mode,
    );
  }
  get format(): RangeFormat {
    return this._nav("format", RangeFormat, (t) => t);
  }
  get worksheet(): Worksheet {
    return this._nav("worksheet", Worksheet, (t) => t.sheet);
  }
  getCell(row: number, column: number): Range {
    return this.derive((t) => ({ row: t.ref.row + row, column: t.ref.column + column, rowCount: 1, columnCount: 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derive((t) => ({ ...t.ref, row: t.ref.row + rowOffset, column: t.ref.column + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive((t) => ({ ...t.ref, rowCount: t.ref.rowCount + deltaRows, columnCount: t.ref.columnCount + deltaColumns }));
  }
  getRow(row: number): Range {
    return this.derive((t) => ({ row: t.ref.row + row, column: t.ref.column, rowCount: 1, columnCount: t.ref.columnCount }));
  }
  getColumn(column: number): Range {
    return this.derive((t) => ({ row: t.ref.row, column: t.ref.column + column, rowCount: t.ref.rowCount, columnCount: 1 }));
  }
  getLastRow(): Range {
    return this.derive((t) => ({ ...t.ref, row: t.ref.row + t.ref.rowCount - 1, rowCount: 1 }));
  }
  getLastColumn(): Range {
    return this.derive((t) => ({ ...t.ref, column: t.ref.column + t.ref.columnCount - 1, columnCount: 1 }));
  }
  getEntireColumn(): Range {
    return this.derive((t) => ({ row: 0, column: t.ref.column, rowCount: MAX_ROWS, columnCount: t.ref.columnCount }));
  }
  getEntireRow(): Range {
    return this.derive((t) => ({ row: t.ref.row, column: 0, rowCount: t.ref.rowCount, columnCount: MAX_COLUMNS }));
  }
  getIntersection(other: Range | string): Range {
    return this.derive((t) => {
      const r = intersect(t.ref, refOf(t.sheet, other));
      if (!r) throw apiError("ItemNotFound", "The ranges do not intersect.");
      return r;
    });
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    return this.derive((t) => intersect(t.ref, refOf(t.sheet, other)));
  }
  getBoundingRect(other: Range | string): Range {
    return this.derive((t) => {
      const o = refOf(t.sheet, other);
      const r1 = Math.min(t.ref.row, o.row);
      const c1 = Math.min(t.ref.column, o.column);
      const r2 = Math.max(t.ref.row + t.ref.rowCount, o.row + o.rowCount);
      const c2 = Math.max(t.ref.column + t.ref.columnCount, o.column + o.columnCount);
      return { row: r1, column: c1, rowCount: r2 - r1, columnCount: c2 - c1 };
    });
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this.derive((t) => {
      const u = t.sheet.usedBounds(valuesOnly === true);
      const r = u && intersect(u, t.ref);
      if (!r) throw apiError("ItemNotFound", "The range has no used cells.");
      return r;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.derive((t) => {
      const u = t.sheet.usedBounds(valuesOnly === true);
      return u && intersect(u, t.ref);
    });
  }
  /**
   * The region around the range's top-left cell bounded by empty rows and columns (Excel's
   * CurrentRegion; ExcelApi 1.7). Diagonal neighbours count, as in Excel.
   */
  getSurroundingRegion(): Range {
    return this.derive((t) => surroundingRegion(t.sheet, t.ref.row, t.ref.column));
  }
  /** ExcelApi 1.13: like Excel, a host below that set rejects the sync with ApiNotFound. */
  getMergedAreasOrNullObject(): RangeAreas {
    const book = this.context.book;
    return this._make(RangeAreas, () => {
      requireSet(book, "1.13", "Range.getMergedAreasOrNullObject");
      const t = this._get();
      if (!t) return undefined;
      const areas = t.sheet.merges.filter((m) => intersect(m, t.ref));
      return areas.length ? { sheet: t.sheet, areas: areas.map((a) => ({ ...a })) } : undefined;
    });
  }
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this._act(jsonLength(applyTo), (t) => {
      if (applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") return;
      t.sheet.clear(t.ref, applyTo);
    });
  }
  delete(shift: "Up" | "Left"): void {
    this._act(jsonLength(shift), (t) => {
      if (shift !== "Up" && shift !== "Left") throw invalidArgument("shift");
      deleteShift(t.sheet, t.ref, shift);
    });
  }
  merge(across = false): void {
    this._act(8, (t) => {
      checkNotInTable(t, "merge");
      const areas: RangeRef[] = across
        ? Array.from({ length: t.ref.rowCount }, (_, i) => ({ row: t.ref.row + i, column: t.ref.column, rowCount: 1, columnCount: t.ref.columnCount }))
        : [t.ref];
      for (const a of areas) {
        if (a.rowCount * a.columnCount <= 1) continue;
        for (let m = t.sheet.merges.length - 1; m >= 0; m--) if (intersect(t.sheet.merges[m], a)) t.sheet.merges.splice(m, 1);
        // Excel keeps the upper-left value and discards the rest.
        for (let i = a.row; i < a.row + a.rowCount; i++)
          for (let j = a.column; j < a.column + a.columnCount; j++) if (i !== a.row || j !== a.column) t.sheet.write(i, j, null, false);
        t.sheet.merges.push({ ...a });
      }
      t.sheet.changed();
    });
  }
  unmerge(): void {
    this._act(0, (t) => {
      for (let m = t.sheet.merges.length - 1; m >= 0; m--) if (intersect(t.sheet.merges[m], t.ref)) t.sheet.merges.splice(m, 1);
      t.sheet.changed();
    });
  }
  select(): void {
    this._act(0, (t) => this._book.select(t.sheet, t.ref));
  }
  /** Excel: Range.getTables is ExcelApi 1.9. */
  getTables(fullyContained = false): TableCollection {
    return this._make(TableCollection, (): TablesTarget | undefined => {
      const t = this._get();
      return t ? { book: this._book, sheet: t.sheet, within: t.ref, fullyContained } : undefined;
    });
  }
}

defineProps(Range, {
  address: { get: (t: RangeTarget) => qualifiedAddress(t.sheet.name, t.ref) },
  addressLocal: { get: (t: RangeTarget) => qualifiedAddress(t.sheet.name, t.ref) },
  rowIndex: { get: (t: RangeTarget) => t.ref.row },
  columnIndex: { get: (t: RangeTarget) => t.ref.column },
  rowCount: { get: (t: RangeTarget) => t.ref.rowCount },
  columnCount: { get: (t: RangeTarget) => t.ref.columnCount },
  cellCount: { get: (t: RangeTarget) => t.ref.rowCount * t.ref.columnCount },
  isEntireColumn: { get: (t: RangeTarget) => t.ref.row === 0 && t.ref.rowCount === MAX_ROWS },
  isEntireRow: { get: (t: RangeTarget) => t.ref.column === 0 && t.ref.columnCount === MAX_COLUMNS },
  values: {
    get: (t: RangeTarget) => readGrid(t, (r, c) => emptyAsString(t.sheet.valueAt(r, c))),
    set: (t: RangeTarget, v: unknown) => {
      // As in Excel, strings are parsed (see interpretInput): "=..." becomes a formula, "12" a number.
      writeGrid(t, v, "values", (r, c, x) => interpretInput(t.sheet, r, c, x));
      t.sheet.changed();
    },
  },
  formulas: {
    get: (t: RangeTarget) => readGrid(t, (r, c) => t.sheet.formulaAt(r, c) ?? emptyAsString(t.sheet.raw(r, c) ?? null)),
    set: (t: RangeTarget, v: unknown) => {
      writeGrid(t, v, "formulas", (r, c, x) => interpretInput(t.sheet, r, c, x));
      t.sheet.changed();
    },
  },
  numberFormat: {
    get: (t: RangeTarget) => readGrid(t, (r, c) => t.sheet.numberFormatAt(r, c)),
    set: (t: RangeTarget, v: unknown) => {
      writeGrid(t, v, "numberFormat", (r, c, x) => t.sheet.setNumberFormat(r, c, String(x)));
      t.sheet.changed();
    },
  },
  valueTypes: { get: (t: RangeTarget) => readGrid(t, (r, c) => valueType(t.sheet.valueAt(r, c))) },
  /** Display text as a Danish user's Excel shows it (decimal comma), via the grid's number-format renderer. */
  text: { get: (t: RangeTarget) => readGrid(t, (r, c) => formatCellValue(t.sheet.valueAt(r, c), t.sheet.numberFormatAt(r, c)).text) },
});

function surroundingRegion(sheet: SheetState, row: number, column: number): RangeRef {
  const filled = (r: number, c: number): boolean => {
    if (r < 0 || c < 0) return false;
    const v = sheet.valueAt(r, c);
    return v !== null && v !== "";
  };
  let r1 = row;
  let r2 = row;
  let c1 = column;
  let c2 = column;
  const ext = sheet.usedExtent();
  for (let changed = true; changed; ) {
    changed = false;
    const colFrom = Math.max(c1 - 1, 0);
    const colTo = Math.min(c2 + 1, ext.columnCount);
    const rowFrom = Math.max(r1 - 1, 0);
    const rowTo = Math.min(r2 + 1, ext.rowCount);
    const rowHas = (r: number): boolean => {
      for (let c = colFrom; c <= colTo; c++) if (filled(r, c)) return true;
      return false;
    };
    const colHas = (c: number): boolean => {
      for (let r = rowFrom; r <= rowTo; r++) if (filled(r, c)) return true;
      return false;
    };
    while (r1 > 0 && rowHas(r1 - 1)) {
      r1--;
      changed = true;
    }
    while (r2 + 1 < ext.rowCount && rowHas(r2 + 1)) {
      r2++;
      changed = true;
    }
    while (c1 > 0 && colHas(c1 - 1)) {
      c1--;
      changed = true;
    }
    while (c2 + 1 < ext.columnCount && colHas(c2 + 1)) {
      c2++;
      changed = true;
    }
  }
  return { row: r1, column: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1 };
}

function deleteShift(sheet: SheetState, ref: RangeRef, shift: "Up" | "Left"): void {
  const ext = sheet.usedExtent();
  const move = (fromR: number, fromC: number, toR: number, toC: number): void => {
    const raw = sheet.raw(fromR, fromC);
    const f = sheet.formulaAt(fromR, fromC);
    const nf = sheet.numberFormatAt(fromR, fromC);
    const fmt = sheet.formatAt(fromR, fromC);
    sheet.clear({ row: toR, column: toC, rowCount: 1, columnCount: 1 }, "All");
    if (f !== undefined) sheet.write(toR, toC, f, true);
    else if (raw !== undefined) sheet.setRaw(toR, toC, raw);
    sheet.setNumberFormat(toR, toC, nf);
    if (fmt) sheet.updateFormat(toR, toC, (x) => Object.assign(x, fmt));
  };
  if (shift === "Up") {
    const c2 = Math.min(ref.column + ref.columnCount, Math.max(ext.columnCount, ref.column + 1));
    for (let r = ref.row; r < ext.rowCount; r++)
      for (let c = ref.column; c < c2; c++) {
        const src = r + ref.rowCount;
        if (src < ext.rowCount) move(src, c, r, c);
        else sheet.clear({ row: r, column: c, rowCount: 1, columnCount: 1 }, "All");
      }
  } else {
    const r2 = Math.min(ref.row + ref.rowCount, Math.max(ext.rowCount, ref.row + 1));
    for (let r = ref.row; r < r2; r++)
      for (let c = ref.column; c < ext.columnCount; c++) {
        const src = c + ref.columnCount;
        if (src < ext.columnCount) move(r, src, r, c);
        else sheet.clear({ row: r, column: c, rowCount: 1, columnCount: 1 }, "All");
      }
  }
  sheet.changed();
}

interface AreasTarget {
  sheet: SheetState;
  areas: RangeRef[];
}

export class RangeAreas extends ClientObj<AreasTarget> {
  get areas(): RangeCollection {
    return this._nav("areas", RangeCollection, (t) => t);
  }
}
defineProps(RangeAreas, {
  address: { get: (t: AreasTarget) => t.areas.map((a) => qualifiedAddress(t.sheet.name, a)).join(",") },
  areaCount: { get: (t: AreasTarget) => t.areas.length },
  cellCount: { get: (t: AreasTarget) => t.areas.reduce((s, a) => s + a.rowCount * a.columnCount, 0) },
});

export class RangeCollection extends CollectionObj<AreasTarget, RangeTarget, Range> {
  _list(t: AreasTarget): RangeTarget[] {
    return t.areas.map((ref) => ({ sheet: t.sheet, ref }));
  }
  _wrap(i: RangeTarget): Range {
    return this._resolved(Range, i);
  }
}

// ---------------------------------------------------------------------------------------------
// Range formatting

const H_ALIGN = new Set(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]);
const V_ALIGN = new Set(["Top", "Center", "Bottom", "Justify", "Distributed"]);

function normaliseColour(v: unknown, allowEmpty = false): string {
  const s = String(v ?? "").trim();
  if (allowEmpty && s === "") return "";
  const named: Record<string, string> = { black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00" };
  if (named[s.toLowerCase()]) return named[s.toLowerCase()];
  if (/^#?[0-9a-fA-F]{6}$/.test(s)) return `#${s.replace("#", "").toUpperCase()}`;
  throw invalidArgument(`colour '${s}'`);
}

function setFmt(t: RangeTarget, f: (fmt: PreviewFormat) => void): void {
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
  columnWidth: {
    get: (t: RangeTarget) => {
      const widths = new Set<number>();
      for (let c = t.ref.column; c < t.ref.column + Math.min(t.ref.columnCount, 1000); c++) widths.add(t.sheet.columnWidth(c));
      return widths.size === 1 ? [...widths][0] : null;
    },
    set: (t: RangeTarget, v: number) => {
      if (typeof v !== "number" || v < 0) throw invalidArgument("columnWidth");
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

// ---------------------------------------------------------------------------------------------
// Tables

interface TablesTarget {
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

// ---------------------------------------------------------------------------------------------
// Charts

export class ChartCollection extends CollectionObj<SheetState, ChartState, Chart> {
  _list(s: SheetState): ChartState[] {
    return [...s.charts];
  }
  _wrap(i: ChartState): Chart {
    return this._resolved(Chart, i);
  }
  add(type: string, sourceData: Range, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): Chart {
    let created: ChartState | undefined;
    this._act(jsonLength(type) + 16, (s) => {
      if (!(sourceData instanceof Range)) throw invalidArgument("sourceData must be a Range");
      const src = sourceData._get();
      if (!src) throw invalidArgument("null sourceData");
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw invalidArgument("seriesBy");
      created = this._book.addChart(s, type, src.sheet, src.ref, seriesBy);
    });
    return this._make(Chart, () => created, "item");
  }
  getItem(name: string): Chart {
    return this._make(Chart, () => (this._get() as SheetState).charts.find((c) => c.name === name), "item", name);
  }
  getItemOrNullObject(name: string): Chart {
    return this._make(Chart, () => this._get()?.charts.find((c) => c.name === name), "orNull", name);
  }
}

export class Chart extends ClientObj<ChartState> {
  override _alive(c: ChartState): boolean {
    return c.sheet.charts.includes(c) && !c.sheet.deleted;
  }
  get title(): ChartTitle {
    return this._nav("title", ChartTitle, (c): TitleTarget => ({ chart: c, which: "chart" }));
  }
  get axes(): ChartAxes {
    return this._nav("axes", ChartAxes, (c) => c);
  }
  get legend(): ChartLegend {
    return this._nav("legend", ChartLegend, (c) => c);
  }
  get worksheet(): Worksheet {
    return this._nav("worksheet", Worksheet, (c) => c.sheet);
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._act(jsonLength(typeof startCell === "string" ? startCell : "") + jsonLength(typeof endCell === "string" ? endCell : ""), (c) => {
      const s = refOf(c.sheet, startCell);
      c.left = c.sheet.columnLeft(s.column);
      c.top = c.sheet.rowTop(s.row);
      if (endCell !== undefined) {
        const e = refOf(c.sheet, endCell);
        const endCol = e.column + e.columnCount - 1;
        const endRow = e.row + e.rowCount - 1;
        c.width = Math.max(1, c.sheet.columnLeft(endCol) + c.sheet.columnWidth(endCol) - c.left);
        c.height = Math.max(1, c.sheet.rowTop(endRow) + c.sheet.rowHeight(endRow) - c.top);
      }
      c.sheet.changed();
    });
  }
  delete(): void {
    this._act(0, (c) => {
      c.sheet.charts.splice(c.sheet.charts.indexOf(c), 1);
      c.sheet.changed();
    });
  }
}
const chartNum = (k: "left" | "top" | "width" | "height"): PropDef => ({
  get: (c: ChartState) => c[k],
  set: (c: ChartState, v: number) => {
    if (typeof v !== "number" || v < 0) throw invalidArgument(k);
    c[k] = v;
    c.sheet.changed();
  },
});
defineProps(Chart, {
  name: {
    get: (c: ChartState) => c.name,
    set: (c: ChartState, v: string) => {
      c.name = String(v);
      c.sheet.changed();
    },
  },
  id: { get: (c: ChartState) => c.id },
  chartType: {
    get: (c: ChartState) => c.type,
    set: (c: ChartState, v: string) => {
      c.type = v;
      c.sheet.changed();
    },
  },
  left: chartNum("left"),
  top: chartNum("top"),
  width: chartNum("width"),
  height: chartNum("height"),
});

interface TitleTarget {
  chart: ChartState;
  which: "chart" | "category" | "value";
}
export class ChartTitle extends ClientObj<TitleTarget> {}
const titleProps: Record<string, PropDef> = {
  text: {
    get: (t: TitleTarget) => (t.which === "chart" ? t.chart.title : t.which === "category" ? (t.chart.categoryAxisTitle ?? "") : (t.chart.valueAxisTitle ?? "")),
    set: (t: TitleTarget, v: string) => {
      if (t.which === "chart") t.chart.title = String(v);
      else if (t.which === "category") t.chart.categoryAxisTitle = String(v);
      else t.chart.valueAxisTitle = String(v);
      t.chart.sheet.changed();
    },
  },
  visible: {
    get: (t: TitleTarget) => (t.which === "chart" ? t.chart.title !== "" : t.which === "category" ? !!t.chart.categoryAxisTitle : !!t.chart.valueAxisTitle),
    set: () => {},
  },
};
defineProps(ChartTitle, titleProps);
export class ChartAxisTitle extends ClientObj<TitleTarget> {}
defineProps(ChartAxisTitle, titleProps);

export class ChartAxes extends ClientObj<ChartState> {
  get categoryAxis(): ChartAxis {
    return this._nav("categoryAxis", ChartAxis, (c): TitleTarget => ({ chart: c, which: "category" }));
  }
  get valueAxis(): ChartAxis {
    return this._nav("valueAxis", ChartAxis, (c): TitleTarget => ({ chart: c, which: "value" }));
  }
}
export class ChartAxis extends ClientObj<TitleTarget> {
  get title(): ChartAxisTitle {
    return this._nav("title", ChartAxisTitle, (t) => t);
  }
}
export class ChartLegend extends ClientObj<ChartState> {}
defineProps(ChartLegend, {
  position: { get: () => "Right", set: () => {} },
  visible: { get: () => true, set: () => {} },
});

// ---------------------------------------------------------------------------------------------
// Shapes

export class ShapeCollection extends CollectionObj<SheetState, ShapeState, Shape> {
  _list(s: SheetState): ShapeState[] {
    return [...s.shapes];
  }
  _wrap(i: ShapeState): Shape {
    return this._resolved(Shape, i);
  }
  addGeometricShape(geometricShapeType: string): Shape {
    let created: ShapeState | undefined;
    this._act(jsonLength(geometricShapeType), (s) => {
      if (typeof geometricShapeType !== "string" || !/^[A-Z][A-Za-z0-9]+$/.test(geometricShapeType)) throw invalidArgument("geometricShapeType");
      created = this._book.addShape(s, "GeometricShape", geometricShapeType);
    });
    return this._make(Shape, () => created, "item");
  }
  addTextBox(text?: string): Shape {
    let created: ShapeState | undefined;
    this._act(jsonLength(text), (s) => {
      created = this._book.addShape(s, "TextBox", "Rectangle");
      created.text = text ?? "";
      // Like Excel: a new text box has a white fill and a thin dark outline.
      created.fill = "#FFFFFF";
      created.lineColor = "#595959";
    });
    return this._make(Shape, () => created, "item");
  }
  addLine(startLeft: number, startTop: number, endLeft: number, endTop: number, connectorType: "Straight" | "Elbow" | "Curve" = "Straight"): Shape {
    let created: ShapeState | undefined;
    this._act(48, (s) => {
      if (![startLeft, startTop, endLeft, endTop].every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0)) throw invalidArgument("line coordinates");
      if (!["Straight", "Elbow", "Curve"].includes(connectorType)) throw invalidArgument("connectorType");
      const sh = this._book.addShape(s, "Line", undefined);
      sh.left = Math.min(startLeft, endLeft);
      sh.top = Math.min(startTop, endTop);
      sh.width = Math.abs(endLeft - startLeft);
      sh.height = Math.abs(endTop - startTop);
      sh.beginX = startLeft;
      sh.beginY = startTop;
      sh.endX = endLeft;
      sh.endY = endTop;
      sh.lineColor = "#000000";
      sh.lineWeight = 0.75;
      created = sh;
    });
    return this._make(Shape, () => created, "item");
  }
  getItem(key: string): Shape {
    return this._make(Shape, () => (this._get() as SheetState).shapes.find((x) => x.name === key || x.id === key), "item", key);
  }
}

export class Shape extends ClientObj<ShapeState> {
  override _alive(s: ShapeState): boolean {
    return this._book.sheets.some((sh) => sh.shapes.includes(s));
  }
  private sheetOf(s: ShapeState): SheetState | undefined {
    return this._book.sheets.find((sh) => sh.shapes.includes(s));
  }
  get fill(): ShapeFill {
    return this._nav("fill", ShapeFill, (s) => s);
  }
  get lineFormat(): ShapeLineFormat {
    return this._nav("lineFormat", ShapeLineFormat, (s) => s);
  }
  get textFrame(): TextFrame {
    return this._nav("textFrame", TextFrame, (s) => s);
  }
  get line(): Line {
    return this._nav("line", Line, (s) => s);
  }
  delete(): void {
    this._act(0, (s) => {
      const sh = this.sheetOf(s);
      if (sh) {
        sh.shapes.splice(sh.shapes.indexOf(s), 1);
        sh.changed();
      }
    });
  }
  _touch(s: ShapeState): void {
    this.sheetOf(s)?.changed();
  }
}
const shapeBox = (k: "left" | "top" | "width" | "height"): PropDef => ({
  get: (s: ShapeState) => s[k],
  set: (s: ShapeState, v: number, o: Shape) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || ((k === "width" || k === "height") && v === 0 && s.type !== "Line")) {
      throw invalidArgument(`shape ${k}`);
    }
    const box = { left: s.left, top: s.top, width: s.width, height: s.height, [k]: v };
    s.setBox(box.left, box.top, box.width, box.height);
    o._touch(s);
  },
});
defineProps(Shape, {
  name: {
    get: (s: ShapeState) => s.name,
    set: (s: ShapeState, v: string, o: Shape) => {
      s.name = String(v);
      o._touch(s);
    },
  },
  id: { get: (s: ShapeState) => s.id },
  type: { get: (s: ShapeState) => (s.type === "TextBox" ? "GeometricShape" : s.type) },
  geometricShapeType: {
    get: (s: ShapeState) => s.geometricShapeType ?? null,
    set: (s: ShapeState, v: string, o: Shape) => {
      if (s.type === "Line") throw apiError("InvalidOperation", "A line has no geometric shape type.");
      s.geometricShapeType = v;
      o._touch(s);
    },
  },
  left: shapeBox("left"),
  top: shapeBox("top"),
  width: shapeBox("width"),
  height: shapeBox("height"),
  visible: { get: () => true, set: () => {} },
});

export class ShapeFill extends ClientObj<ShapeState> {
  setSolidColor(color: string): void {
    this._act(jsonLength(color), (s) => {
      s.fill = normaliseColour(color);
    });
  }
  clear(): void {
    this._act(0, (s) => {
      s.fill = undefined;
    });
  }
}
defineProps(ShapeFill, {
  foregroundColor: {
    get: (s: ShapeState) => s.fill ?? "#FFFFFF",
    set: (s: ShapeState, v: string) => {
      s.fill = normaliseColour(v);
    },
  },
  type: { get: (s: ShapeState) => (s.fill ? "Solid" : "NoFill") },
  transparency: { get: () => 0, set: () => {} },
});

export class ShapeLineFormat extends ClientObj<ShapeState> {}
defineProps(ShapeLineFormat, {
  color: {
    get: (s: ShapeState) => s.lineColor ?? "#000000",
    set: (s: ShapeState, v: string) => {
      s.lineColor = normaliseColour(v);
    },
  },
  weight: {
    get: (s: ShapeState) => s.lineWeight ?? 0.75,
    set: (s: ShapeState, v: number) => {
      if (typeof v !== "number" || v < 0) throw invalidArgument("line weight");
      s.lineWeight = v;
    },
  },
  dashStyle: {
    get: (s: ShapeState) => s.lineDashStyle ?? "Solid",
    set: (s: ShapeState, v: string) => {
      const ok = ["Dash", "DashDot", "DashDotDot", "LongDash", "LongDashDot", "RoundDot", "Solid", "SquareDot", "LongDashDotDot", "SystemDash", "SystemDot", "SystemDashDot"];
      if (!ok.includes(v)) throw invalidArgument("dashStyle");
      s.lineDashStyle = v;
    },
  },
  visible: {
    get: (s: ShapeState) => s.lineColor !== undefined,
    set: (s: ShapeState, v: boolean) => {
      if (!v) s.lineColor = undefined;
    },
  },
});

export class TextFrame extends ClientObj<ShapeState> {
  get textRange(): TextRange {
    return this._nav("textRange", TextRange, (s) => s);
  }
  deleteText(): void {
    this._act(0, (s) => {
      s.text = "";
    });
  }
}
function noTextOnLine(s: ShapeState): void {
  if (s.type === "Line") throw apiError("InvalidOperation", "A line has no text frame.");
}
defineProps(TextFrame, {
  hasText: { get: (s: ShapeState) => s.text.length > 0 },
  horizontalAlignment: {
    get: (s: ShapeState) => s.horizontalAlignment ?? "Left",
    set: (s: ShapeState, v: string) => {
      noTextOnLine(s);
      if (!["Left", "Center", "Right", "Justify", "JustifyLow", "Distributed", "ThaiDistributed"].includes(v)) throw invalidArgument("horizontalAlignment");
      s.horizontalAlignment = v;
    },
  },
  verticalAlignment: {
    get: (s: ShapeState) => s.verticalAlignment ?? "Top",
    set: (s: ShapeState, v: string) => {
      noTextOnLine(s);
      if (!["Top", "Middle", "Bottom", "Justified", "Distributed"].includes(v)) throw invalidArgument("verticalAlignment");
      s.verticalAlignment = v;
    },
  },
  autoSizeSetting: {
    get: (s: ShapeState) => s.autoSizeSetting,
    set: (s: ShapeState, v: string) => {
      if (!["AutoSizeNone", "AutoSizeTextToFitShape", "AutoSizeShapeToFitText"].includes(v)) throw invalidArgument("autoSizeSetting");
      s.autoSizeSetting = v;
    },
  },
});

export class TextRange extends ClientObj<ShapeState> {
  get font(): ShapeFont {
    return this._nav("font", ShapeFont, (s) => s);
  }
}
defineProps(TextRange, {
  text: {
    get: (s: ShapeState) => s.text,
    set: (s: ShapeState, v: string) => {
      noTextOnLine(s);
      s.text = String(v);
    },
  },
});

export class ShapeFont extends ClientObj<ShapeState> {}
defineProps(ShapeFont, {
  bold: {
    get: (s: ShapeState) => s.bold ?? false,
    set: (s: ShapeState, v: boolean) => {
      s.bold = v === true;
    },
  },
  italic: {
    get: (s: ShapeState) => s.italic ?? false,
    set: (s: ShapeState, v: boolean) => {
      s.italic = v === true;
    },
  },
  color: {
    get: (s: ShapeState) => s.fontColor ?? "#000000",
    set: (s: ShapeState, v: string) => {
      s.fontColor = normaliseColour(v);
    },
  },
  size: {
    get: (s: ShapeState) => s.fontSize ?? 11,
    set: (s: ShapeState, v: number) => {
      if (typeof v !== "number" || v < 1 || v > 409) throw invalidArgument("font size");
      s.fontSize = v;
    },
  },
  name: { get: () => "Calibri", set: () => {} },
});

/** Shape.line: only for line shapes; Excel raises InvalidArgument for other shapes. */
export class Line extends ClientObj<ShapeState> {}
function lineOnly(s: ShapeState): void {
  if (s.type !== "Line") throw apiError("InvalidArgument", "The shape is not a line.");
}
const ARROWS = ["None", "Triangle", "Stealth", "Diamond", "Oval", "Open"];
defineProps(Line, {
  endArrowheadStyle: {
    get: (s: ShapeState) => (lineOnly(s), s.endArrowheadStyle ?? "None"),
    set: (s: ShapeState, v: string) => {
      lineOnly(s);
      if (!ARROWS.includes(v)) throw invalidArgument("arrowhead style");
      s.endArrowheadStyle = v;
    },
  },
  beginArrowheadStyle: {
    get: (s: ShapeState) => (lineOnly(s), s.beginArrowheadStyle ?? "None"),
    set: (s: ShapeState, v: string) => {
      lineOnly(s);
      if (!ARROWS.includes(v)) throw invalidArgument("arrowhead style");
      s.beginArrowheadStyle = v;
    },
  },
  connectorType: { get: (s: ShapeState) => (lineOnly(s), "Straight"), set: (s: ShapeState) => lineOnly(s) },
});

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
