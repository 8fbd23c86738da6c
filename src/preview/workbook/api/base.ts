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
 * - Payload: the request size is an estimate of the serialised request (requestBytes): the UTF-8
 *   bytes of the JSON of everything written (property values and method arguments) plus the
 *   envelope of every action and object, which is what Excel's 5 MB counts too; the response size
 *   is the JSON length of everything loaded. Above 5 MB the sync rejects with
 *   `RequestPayloadSizeLimitExceeded` (nothing applied) or `ResponsePayloadSizeLimitExceeded`.
 */
import { EXCEL_API, apiAvailable, type ExcelApiName } from "../../../excel/requirements";
import { utf8Bytes } from "../coerce";
import { jsonUtf8Bytes } from "../../../core/jsonBytes";
import { type PreviewWorkbook } from "../workbook";
import { EmuContext } from "./context";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * Envelope bytes per queued item, estimated from the shape of the JSON office.js sends ("Actions"
 * and "ObjectPaths" of a request; Microsoft documents the 5 MB limit but not the format, so these
 * are estimates, rounded up):
 * - an action (a property set or a method call) serialises as about
 *   {"Id":123,"ActionType":4,"Name":"…","ObjectPathId":122,"ArgumentInfo":{"Arguments":[…]}}: ~96 bytes
 *   besides its name and arguments (counted in Action.size);
 * - an object (every getItem/getRange/add result) adds an object path, about
 *   {"Id":122,"ObjectPathType":3,"Name":"…","ParentId":121,"ArgumentInfo":{"Arguments":[…]}} plus
 *   the instantiate action that resolves it: ~160 bytes;
 * - a load adds a query action with its select list: ~96 bytes besides the property names.
 * Navigation properties (range.format.font) are object paths too; they are not queued here and
 * are covered by the rounding of the others.
 */
export const ACTION_ENVELOPE_BYTES = 96;
export const OBJECT_ENVELOPE_BYTES = 160;

/** Estimated bytes of the serialised request that carries `actions`. */
export function requestBytes(actions: readonly Action[]): number {
  let n = 32; // {"Actions":[],"ObjectPaths":{}}
  for (const a of actions) n += a.size + (a.kind === "instantiate" ? OBJECT_ENVELOPE_BYTES : ACTION_ENVELOPE_BYTES);
  return n;
}

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

/**
 * An API above the host profile (`book.apiVersion`): Excel answers ApiNotFound. The set of each API
 * comes from the one table in src/excel/requirements.ts.
 */
export function requireApi(book: PreviewWorkbook, api: ExcelApiName): void {
  if (!apiAvailable(api, book.apiVersion)) {
    throw apiError("ApiNotFound", `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${api}, ExcelApi ${EXCEL_API[api]})`);
  }
}

export function invalidArgument(what: string, location?: string): EmulatedApiError {
  return apiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`, location);
}

/** Bytes of `v` as JSON in UTF-8: what Excel on the web's 5 MB payload limit counts (not UTF-16 units). */
export function jsonLength(v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v).length;
  if (typeof v === "string") return utf8Bytes(v) + 2;
  try {
    return jsonUtf8Bytes(v);
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

export interface Action {
  size: number;
  /** "instantiate" actions only resolve objects; they do not force Excel.run's final sync. */
  kind: "instantiate" | "set" | "method" | "load";
  mutates: boolean;
  run(r: SyncRun): void;
}

export type Mode = "item" | "orNull" | "nav";

export interface PropDef {
  get?: (t: never, o: never) => unknown;
  set?: (t: never, v: never, o: never) => void;
}

export function defineProps(cls: { prototype: object }, defs: Record<string, PropDef>): void {
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
    this.context.enqueue({ size: paths.join(",").length + 2, kind: "load", mutates: false, run: (run) => this._loadNow(paths, run) });
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
export abstract class CollectionObj<T, I, C extends ClientObj<I>> extends ClientObj<T> {
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
