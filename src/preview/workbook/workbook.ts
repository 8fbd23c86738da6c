/**
 * PreviewWorkbook: the preview's in-memory workbook. It is both the read model of the grid
 * (PreviewWorkbookView) and the host of the Excel-API emulation (`run`, like `Excel.run`).
 *
 * Sync counting: every `context.sync()` adds one to `syncCount`. `run()` ends with the implicit
 * final sync that Excel.run performs, and counts it only when something other than object
 * look-ups (a property set, a method call or a load) is still queued, because only then does
 * office.js send a request.
 */
import type { RangeRef } from "../../core/report/address";
import type { PreviewValue, PreviewWorkbookView } from "./model";
import { EmuContext, PAYLOAD_LIMIT_BYTES, SyncRun, apiError, requestBytes } from "./api";
import { ChartState, ShapeState, SheetState, TableState } from "./state";
import { intersect, parseAddress } from "./addr";
import { dropSheetReferences, renameSheetReferences, type NameState } from "./names";

/**
 * A fault to inject (tests): fail the n-th operation (1-based; every queued property set,
 * method call and load counts, object look-ups do not) or the n-th sync, counted from
 * `injectFault`. A failed operation rejects its sync with `code`; the operations before it in
 * the same batch stay applied, as in Excel. A failed sync applies nothing (a dropped connection).
 * The fault fires once; then `then` (if any) is armed, counted from that moment, so a test can
 * fail an operation and then, say, the first sync after it (a double fault: `{ operation: k,
 * then: { sync: 1 } }` fails the recovery's first sync).
 */
export interface Fault {
  operation?: number;
  sync?: number;
  code?: string;
  then?: Fault;
}
import { userMayEdit } from "./protectionState";
import { defaultPreviewApiVersion } from "../../excel/requirements";

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

/** Excel's sheet-name rules; returns a reason (English) or undefined when valid. */
export function sheetNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || name.length === 0) return "the name is empty";
  if (name.length > 31) return "the name is longer than 31 characters";
  if (FORBIDDEN_SHEET_CHARS.test(name)) return "the name contains one of : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "the name starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "'History' is reserved";
  return undefined;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("da-DK") === b.toLocaleLowerCase("da-DK");
}

/**
 * Parse what a Danish user types into a cell, as Excel with a Danish locale does: "'…" → text, "12,5" → 12.5,
 * "1.234" → 1234, "-3" → -3, "12,5 %" → 0.125, "SAND"/"FALSK" → booleans, "=..." → formula,
 * "" → empty; anything else stays text (e.g. "12.5", which Danish Excel does not read as 12.5).
 */
export function parseDanishInput(text: string): { value: PreviewValue; formula?: string; numberFormat?: string } {
  // A leading apostrophe keeps the entry as text, as in Excel (the apostrophe is not part of the value).
  if (text.startsWith("'")) return { value: text.slice(1) === "" ? null : text.slice(1) };
  const t = text.trim();
  if (t === "") return { value: null };
  if (t.startsWith("=") && t.length > 1) return { value: null, formula: t };
  const up = t.toUpperCase();
  if (up === "SAND") return { value: true };
  if (up === "FALSK") return { value: false };
  const pct = /^(.*?)\s*%$/.exec(t);
  const body = pct ? pct[1] : t;
  const m = /^([-+]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(body.replace(/\u00A0/g, ""));
  if (m) {
    const n = Number(`${m[1] === "-" ? "-" : ""}${m[2].replace(/\./g, "")}${m[3] ? `.${m[3]}` : ""}`);
    if (Number.isFinite(n)) {
      if (pct) return { value: n / 100, numberFormat: m[3] ? `0.${"0".repeat(m[3].length)}%` : "0%" };
      return { value: n };
    }
  }
  return { value: text };
}

export class PreviewWorkbook implements PreviewWorkbookView {
  readonly sheets: SheetState[] = [];
  /** Workbook settings as JSON text, like Excel stores them. */
  readonly settings = new Map<string, string>();
  /** Defined names (workbook and worksheet scope). */
  readonly names: NameState[] = [];
  syncCount = 0;
  /** Operations run since the last `injectFault` (see Fault). */
  operationCount = 0;
  private fault?: Fault;
  /** Faults fired since the last `injectFault` (a chain fires one after the other). */
  faultsFired = 0;
  /** Operation count at the start of each sync since `injectFault` (tests sample faults around sync boundaries). */
  readonly syncStarts: number[] = [];
  /**
   * Excel answers AccessDenied to `WorksheetProtection.unprotect()` even on a protected sheet
   * without a password (office-js#6784, a June 2026 regression in Excel): set to emulate it.
   */
  unprotectRefused = false;
  private faultSyncs = 0;
  private faultOps = 0;
  /**
   * Highest ExcelApi requirement set the preview reports through src/excel/host.ts isSetSupported:
   * the host profile (src/excel/requirements.ts HOST_PROFILES). Default: the test run's profile
   * (test/setup/hostProfile.ts), else Excel on the web, which has every set; tests lower it to
   * exercise fallbacks (every API above it then rejects the sync with ApiNotFound, as an older
   * Excel does; the set of each API is in the one table, requirements.ts EXCEL_API).
   */
  apiVersion = defaultPreviewApiVersion();
  /** Largest request and response payload (bytes) seen by a sync; for tests and benchmarks. */
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  private active = "";
  private readonly selections = new Map<SheetState, RangeRef>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  // ------------------------------------------------------------------ Excel.run emulation

  /** Like `Excel.run`: runs the batch with a fresh request context, then syncs what is still queued. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new EmuContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.hasPendingWork()) await ctx.sync();
    return result;
  }

  resetSyncCount(): void {
    this.syncCount = 0;
    this.maxRequestBytes = 0;
    this.maxResponseBytes = 0;
  }

  /** Arm a one-shot fault (see Fault); `undefined` disarms. Resets the operation count. */
  injectFault(fault: Fault | undefined): void {
    this.fault = fault;
    this.operationCount = 0;
    this.faultSyncs = 0;
    this.faultsFired = 0;
    this.faultOps = 0;
    this.syncStarts.length = 0;
  }

  /** Fail here when the armed fault says so. */
  private maybeFail(kind: "sync" | "operation"): void {
    const f = this.fault;
    if (!f) return;
    const hit = kind === "sync" ? f.sync !== undefined && ++this.faultSyncs === f.sync : f.operation !== undefined && ++this.faultOps === f.operation;
    if (!hit) return;
    this.fault = f.then;
    this.faultSyncs = 0;
    this.faultOps = 0;
    this.faultsFired++;
    throw apiError(f.code ?? "GeneralException", `Injected fault at ${kind} ${kind === "sync" ? f.sync : f.operation}.`);
  }

  /** @internal context.sync(): run the queued actions in order. */
  async _sync(ctx: EmuContext): Promise<void> {
    this.syncCount++;
    const actions = ctx.queue.splice(0, ctx.queue.length);
    await Promise.resolve();
    this.maybeFail("sync");
    const request = requestBytes(actions);
    this.maxRequestBytes = Math.max(this.maxRequestBytes, request);
    if (request > PAYLOAD_LIMIT_BYTES) {
      throw apiError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${request} bytes > ${PAYLOAD_LIMIT_BYTES}).`);
    }
    this.syncStarts.push(this.operationCount);
    const run = new SyncRun();
    try {
      for (const a of actions) {
        if (a.kind !== "instantiate") {
          this.operationCount++;
          this.maybeFail("operation");
        }
        a.run(run);
        if (a.mutates) run.mutated = true;
      }
    } finally {
      if (run.mutated) this.notify();
    }
    this.maxResponseBytes = Math.max(this.maxResponseBytes, run.responseBytes);
    if (run.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw apiError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${run.responseBytes} bytes > ${PAYLOAD_LIMIT_BYTES}).`);
    }
    for (const c of run.commits) c();
  }

  // ------------------------------------------------------------------ view (model.ts)

  /** Visible sheets in tab order. */
  sheetNames(): string[] {
    return this.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
  }
  getSheet(name: string): SheetState | undefined {
    return this.findSheet(name);
  }
  get activeSheetName(): string {
    return this.active;
  }
  get selection(): { sheet: string; range: RangeRef } {
    const s = this.findSheet(this.active);
    return { sheet: this.active, range: s ? this.selectionOf(s) : { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  activateSheetByUser(name: string): void {
    const s = this.findSheet(name);
    if (!s || s.visibility !== "Visible") return;
    this.active = s.name;
    this.notify();
  }
  selectByUser(sheet: string, range: RangeRef): void {
    const s = this.findSheet(sheet);
    if (!s) return;
    this.active = s.name;
    this.selections.set(s, { ...range });
    this.notify();
  }
  setCellByUser(sheet: string, row: number, column: number, text: string): void {
    const s = this.findSheet(sheet);
    if (!s || !userMayEdit(s, row, column)) return; // Excel refuses edits of locked cells on a protected sheet
    const p = parseDanishInput(text);
    if (p.formula !== undefined) s.write(row, column, p.formula, true);
    else s.write(row, column, p.value, false);
    if (p.numberFormat) s.setNumberFormat(row, column, p.numberFormat);
    s.changed();
    this.notify();
  }

  // ------------------------------------------------------------------ test and set-up helpers

  /** Add a sheet directly (no API, no sync). */
  addSheetDirect(name: string): SheetState {
    return this.addSheet(name);
  }
  /** Write values (strings starting "=" become formulas) without going through the API. Creates the sheet if needed. */
  setValues(sheet: string, address: string, values: PreviewValue[][]): void {
    const s = this.findSheet(sheet) ?? this.addSheet(sheet);
    const ref = parseAddress(address);
    if (!ref) throw new RangeError(`Invalid address ${address}`);
    values.forEach((row, i) => row.forEach((v, j) => s.write(ref.row + i, ref.column + j, v, true)));
    s.changed();
    this.notify();
  }
  /**
   * Save and open the file again: Excel may give every worksheet a new id (office-js-docs#297,
   * office-js#1390), so the preview always does. Names, settings and contents are kept.
   */
  reopen(): void {
    for (const s of this.sheets) s.id = `{${this.newId().toString(16).toUpperCase().padStart(8, "0")}-0002-0000-0000-000000000000}`;
    this.notify();
  }

  /** The formula a defined name refers to: the sheet's own name first, then the workbook's. */
  nameFormula(name: string, sheet: { name: string }): string | undefined {
    const low = name.toLocaleLowerCase("da-DK");
    const hit = (n: NameState): boolean => n.name.toLocaleLowerCase("da-DK") === low;
    return (this.names.find((n) => n.sheet !== undefined && sameName(n.sheet.name, sheet.name) && hit(n)) ?? this.names.find((n) => n.sheet === undefined && hit(n)))?.formula;
  }

  /** Set a workbook setting directly (value is JSON-serialised). */
  setSettingDirect(key: string, value: unknown): void {
    this.settings.set(key, JSON.stringify(value));
  }

  // ------------------------------------------------------------------ used by the emulation

  notify(): void {
    for (const l of [...this.listeners]) l();
  }

  sheetByName(name: string): SheetState | undefined {
    return this.findSheet(name);
  }

  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  private newId(): number {
    return this.nextId++;
  }

  addSheet(name?: string): SheetState {
    let n = name;
    if (n === undefined) {
      let i = 1;
      while (this.findSheet(`Ark${i}`)) i++;
      n = `Ark${i}`;
    }
    const problem = sheetNameProblem(n);
    if (problem) throw apiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${problem}.`);
    if (this.findSheet(n)) throw apiError("ItemAlreadyExists", `A resource with the same name or identifier already exists: '${n}'.`);
    const id = this.newId();
    const s = new SheetState(this, n, `{${id.toString(16).toUpperCase().padStart(8, "0")}-0001-0000-0000-000000000000}`);
    this.sheets.push(s);
    if (this.active === "") this.active = s.name;
    return s;
  }

  deleteSheet(s: SheetState): void {
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (s.visibility === "Visible" && visible.length === 1) {
      throw apiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    const idx = this.sheets.indexOf(s);
    this.sheets.splice(idx, 1);
    s.deleted = true;
    this.dropReferencesTo(s);
    this.selections.delete(s);
    if (sameName(this.active, s.name)) {
      const next = this.sheets.slice(idx).find((x) => x.visibility === "Visible") ?? [...this.sheets].reverse().find((x) => x.visibility === "Visible");
      this.active = next?.name ?? "";
    }
  }

  /**
   * Excel turns every reference to a deleted sheet into #REF! (in formulas and defined names) and
   * removes the names scoped to it; adding a sheet of the same name later does not repair them.
   */
  private dropReferencesTo(s: SheetState): void {
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i].sheet === s) this.names.splice(i, 1);
    for (const n of this.names) n.formula = dropSheetReferences(n.formula, s.name);
    for (const other of this.sheets) {
      for (const [k, f] of other.formulas) {
        const g = dropSheetReferences(f, s.name);
        if (g !== f) other.formulas.set(k, g);
      }
      other.changed();
    }
  }

  renameSheet(s: SheetState, name: string): void {
    const problem = sheetNameProblem(name);
    if (problem) throw apiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${problem}.`);
    const other = this.findSheet(name);
    if (other && other !== s) throw apiError("ItemAlreadyExists", `A resource with the same name or identifier already exists: '${name}'.`);
    const wasActive = sameName(this.active, s.name);
    // Excel keeps formulas and names pointing at the renamed sheet.
    for (const n of this.names) n.formula = renameSheetReferences(n.formula, s.name, name);
    for (const other of this.sheets) for (const [k, f] of other.formulas) other.formulas.set(k, renameSheetReferences(f, s.name, name));
    s.name = name;
    if (wasActive) this.active = name;
    s.changed();
  }

  moveSheet(s: SheetState, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw apiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format: position.");
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(position, 0, s);
  }

  setVisibility(s: SheetState, v: "Visible" | "Hidden" | "VeryHidden"): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw apiError("InvalidArgument", "visibility");
    if (v !== "Visible" && s.visibility === "Visible" && this.sheets.filter((x) => x.visibility === "Visible").length === 1) {
      throw apiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    s.visibility = v;
    if (v !== "Visible" && sameName(this.active, s.name)) this.active = this.sheets.find((x) => x.visibility === "Visible")?.name ?? "";
  }

  activate(s: SheetState): void {
    if (s.visibility !== "Visible") throw apiError("InvalidOperation", "A hidden worksheet cannot be activated.");
    this.active = s.name;
  }

  select(s: SheetState, ref: RangeRef): void {
    this.activate(s);
    this.selections.set(s, { ...ref });
  }

  selectionOf(s: SheetState): RangeRef {
    return this.selections.get(s) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 };
  }

  allTables(): TableState[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  private tableNameProblem(name: string, self?: TableState): { code: string; why: string } | undefined {
    if (typeof name !== "string" || !/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) || name.length > 255) {
      return { code: "InvalidArgument", why: `'${name}' is not a valid table name` };
    }
    if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) return { code: "InvalidArgument", why: `'${name}' looks like a cell reference` };
    const other = this.allTables().find((t) => t !== self && sameName(t.name, name));
    if (other) return { code: "ItemAlreadyExists", why: `a table named '${name}' already exists` };
    // Tables and defined names share one namespace: a table cannot take a defined name of any scope
    // (Excel's "name conflicts"; office-js#551 reports Excel's code for a name collision as
    // InvalidArgument; ClosedXML#2046: unique across all defined names, workbook or sheet scoped).
    if (this.names.some((n) => sameName(n.name, name))) return { code: "InvalidArgument", why: `'${name}' is already a defined name` };
    return undefined;
  }

  addTable(sheet: SheetState, ref: RangeRef, hasHeaders: boolean): TableState {
    if (!hasHeaders) {
      throw apiError("InvalidArgument", "The preview supports tables whose first row is the header row (hasHeaders = true).");
    }
    if (ref.rowCount < 1 || ref.rowCount > 1_048_575) throw apiError("InvalidArgument", "table range");
    for (const t of sheet.tables) if (intersect(t.range, ref)) throw apiError("InvalidArgument", `A table can't overlap another table (${t.name}).`);
    for (const m of sheet.merges) if (intersect(m, ref)) throw apiError("InvalidArgument", "A table can't overlap a range that contains merged cells.");
    let i = 1;
    while (this.allTables().some((t) => sameName(t.name, `Tabel${i}`)) || this.names.some((n) => sameName(n.name, `Tabel${i}`))) i++;
    const table = new TableState(`Tabel${i}`, String(this.newId()), sheet, { ...ref });
    // Header cells become unique text; empty ones get "KolonneN" as Danish Excel does.
    const seen = new Set<string>();
    for (let j = 0; j < ref.columnCount; j++) {
      const v = sheet.valueAt(ref.row, ref.column + j);
      let name = v === null || v === "" ? `Kolonne${j + 1}` : String(v);
      const base = name;
      for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
      seen.add(name.toLowerCase());
      if (name !== v) sheet.write(ref.row, ref.column + j, name, false);
    }
    sheet.tables.push(table);
    sheet.changed();
    return table;
  }

  renameTable(t: TableState, name: string): void {
    const p = this.tableNameProblem(name, t);
    if (p) throw apiError(p.code, `Invalid table name: ${p.why}.`);
    t.name = name;
    t.sheet.changed();
  }

  removeTable(t: TableState): void {
    const i = t.sheet.tables.indexOf(t);
    if (i >= 0) t.sheet.tables.splice(i, 1);
    t.sheet.changed();
  }

  setTableTotals(t: TableState, on: boolean): void {
    if (on === t.showTotals) return;
    if (on) {
      t.range = { ...t.range, rowCount: t.range.rowCount + 1 };
      const row = t.range.row + t.range.rowCount - 1;
      if (t.sheet.valueAt(row, t.range.column) === null) t.sheet.write(row, t.range.column, "Total", false);
    } else {
      const row = t.range.row + t.range.rowCount - 1;
      t.sheet.clear({ row, column: t.range.column, rowCount: 1, columnCount: t.range.columnCount }, "Contents");
      t.range = { ...t.range, rowCount: t.range.rowCount - 1 };
    }
    t.showTotals = on;
    t.sheet.changed();
  }

  addChart(sheet: SheetState, type: string, dataSheet: SheetState, ref: RangeRef, seriesBy: "Auto" | "Columns" | "Rows"): ChartState {
    let i = 1;
    while (sheet.charts.some((c) => c.name === `Diagram ${i}`)) i++;
    const c = new ChartState(`Diagram ${i}`, String(this.newId()), type, sheet, dataSheet, { ...ref }, seriesBy);
    sheet.charts.push(c);
    sheet.changed();
    return c;
  }

  addShape(sheet: SheetState, type: "GeometricShape" | "Line" | "TextBox", geometricShapeType: string | undefined): ShapeState {
    const base = type === "Line" ? "Straight Connector" : type === "TextBox" ? "TextBox" : (geometricShapeType ?? "Shape");
    const id = this.newId();
    const s = new ShapeState(`${base} ${id}`, String(id), type);
    if (geometricShapeType && type !== "Line") s.geometricShapeType = geometricShapeType;
    sheet.shapes.push(s);
    sheet.changed();
    return s;
  }
}
