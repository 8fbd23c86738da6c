/** Excel API emulation: shape (see base.ts for the shared semantics). */
import { ShapeState, SheetState } from "../state";
import { ClientObj, CollectionObj, PropDef, apiError, defineProps, invalidArgument, jsonLength } from "./base";
import { normaliseColour } from "./format";

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
