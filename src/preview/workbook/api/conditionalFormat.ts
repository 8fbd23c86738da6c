/**
 * Excel API emulation: Range.conditionalFormats (ExcelApi 1.6), the kinds the add-in uses: Custom
 * (a formula relative to the range's top-left cell) and CellValue (operator with formula1/2), each
 * with a fill and font colour. Refusals (Microsoft Learn, Excel.ConditionalFormatCollection.add,
 * ConditionalFormatRule, ConditionalCellValueRule): an unknown type, a formula that does not start
 * with "=" or that the preview cannot evaluate (see extrasState.ts), an unknown operator, and a host
 * below ExcelApi 1.6 (ApiNotFound) fail the sync.
 */
import { extrasOf, newFormatId, parseCfFormula, type CellValueOperator, type ConditionalFormatState } from "../extrasState";
import { ClientObj, CollectionObj, defineProps, invalidArgument, jsonLength, requireApi } from "./base";
import { normaliseColour } from "./format";
import type { RangeTarget } from "./range";

const TYPES = ["Custom", "CellValue"];
const NOT_EMULATED = ["DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText"];
const OPERATORS: CellValueOperator[] = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];

function overlaps(f: ConditionalFormatState, t: RangeTarget): boolean {
  const a = f.ref;
  const b = t.ref;
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

export class ConditionalFormatCollection extends CollectionObj<RangeTarget, ConditionalFormatState, ConditionalFormat> {
  _list(t: RangeTarget): ConditionalFormatState[] {
    return extrasOf(t.sheet).formats.filter((f) => overlaps(f, t));
  }
  _wrap(i: ConditionalFormatState): ConditionalFormat {
    return this._resolved(ConditionalFormat, i);
  }
  add(type: string): ConditionalFormat {
    let created: ConditionalFormatState | undefined;
    this._act(jsonLength(type) + 8, (t) => {
      requireApi(this._book, "Range.conditionalFormats");
      if (NOT_EMULATED.includes(type)) throw invalidArgument(`conditional format type '${type}' is not emulated by the preview`);
      if (!TYPES.includes(type)) throw invalidArgument(`conditional format type '${type}'`);
      created = { id: newFormatId(), ref: { ...t.ref }, type: type as "Custom" | "CellValue", formula: "", expr: null, cellValue: null, fill: null, fontColor: null };
      extrasOf(t.sheet).formats.push(created);
      t.sheet.changed();
    });
    return this._make(ConditionalFormat, () => created, "item");
  }
  clearAll(): void {
    this._act(0, (t) => {
      requireApi(this._book, "Range.conditionalFormats");
      const e = extrasOf(t.sheet);
      e.formats = e.formats.filter((f) => !overlaps(f, t));
      t.sheet.changed();
    });
  }
}

export class ConditionalFormat extends ClientObj<ConditionalFormatState> {
  get custom(): CustomConditionalFormat {
    return this._nav("custom", CustomConditionalFormat, (f) => {
      if (f.type !== "Custom") throw invalidArgument("not a custom conditional format");
      return f;
    });
  }
  get cellValue(): CellValueConditionalFormat {
    return this._nav("cellValue", CellValueConditionalFormat, (f) => {
      if (f.type !== "CellValue") throw invalidArgument("not a cell value conditional format");
      return f;
    });
  }
}
defineProps(ConditionalFormat, {
  type: { get: (f: ConditionalFormatState) => f.type },
  id: { get: (f: ConditionalFormatState) => String(f.id) },
});

export class CustomConditionalFormat extends ClientObj<ConditionalFormatState> {
  get rule(): ConditionalFormatRule {
    return this._nav("rule", ConditionalFormatRule, (f) => f);
  }
  get format(): ConditionalRangeFormat {
    return this._nav("format", ConditionalRangeFormat, (f) => f);
  }
}

export class ConditionalFormatRule extends ClientObj<ConditionalFormatState> {}
defineProps(ConditionalFormatRule, {
  formula: {
    get: (f: ConditionalFormatState) => f.formula,
    set: (f: ConditionalFormatState, v: unknown) => {
      const s = String(v ?? "");
      if (!s.startsWith("=")) throw invalidArgument("a conditional format formula starts with '='");
      try {
        f.expr = parseCfFormula(s);
      } catch (e) {
        throw invalidArgument(`conditional format formula '${s}': ${(e as Error).message}`);
      }
      f.formula = s;
    },
  },
});

export class CellValueConditionalFormat extends ClientObj<ConditionalFormatState> {
  get format(): ConditionalRangeFormat {
    return this._nav("format", ConditionalRangeFormat, (f) => f);
  }
}
defineProps(CellValueConditionalFormat, {
  rule: {
    get: (f: ConditionalFormatState) => (f.cellValue ? { ...f.cellValue } : null),
    set: (f: ConditionalFormatState, v: unknown) => {
      const r = (v ?? {}) as { formula1?: unknown; formula2?: unknown; operator?: unknown };
      if (typeof r.formula1 !== "string" || r.formula1 === "") throw invalidArgument("cellValue.rule.formula1");
      if (!OPERATORS.includes(r.operator as CellValueOperator)) throw invalidArgument("cellValue.rule.operator");
      const between = r.operator === "Between" || r.operator === "NotBetween";
      if (between && typeof r.formula2 !== "string") throw invalidArgument("cellValue.rule.formula2 is required for Between");
      f.cellValue = { formula1: r.formula1, formula2: between ? String(r.formula2) : undefined, operator: r.operator as CellValueOperator };
    },
  },
});

export class ConditionalRangeFormat extends ClientObj<ConditionalFormatState> {
  get fill(): ConditionalFill {
    return this._nav("fill", ConditionalFill, (f) => f);
  }
  get font(): ConditionalFont {
    return this._nav("font", ConditionalFont, (f) => f);
  }
}
export class ConditionalFill extends ClientObj<ConditionalFormatState> {
  clear(): void {
    this._act(0, (f) => void (f.fill = null));
  }
}
defineProps(ConditionalFill, {
  color: { get: (f: ConditionalFormatState) => f.fill, set: (f: ConditionalFormatState, v: unknown) => void (f.fill = normaliseColour(v)) },
});
export class ConditionalFont extends ClientObj<ConditionalFormatState> {}
defineProps(ConditionalFont, {
  color: { get: (f: ConditionalFormatState) => f.fontColor, set: (f: ConditionalFormatState, v: unknown) => void (f.fontColor = normaliseColour(v)) },
});
