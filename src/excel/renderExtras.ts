/**
 * Render the SheetSpec extras (src/core/report/sheetSpecExtras.ts): data-validation lists
 * (Range.dataValidation, ExcelApi 1.8) and conditional fills (Range.conditionalFormats, ExcelApi
 * 1.6). Called by renderOps.ts (finishOps) and validated by render.ts before anything is written;
 * each rule is one queued operation in the renderer's request budget, after the values and formats.
 *
 * Without ExcelApi 1.8 (the manifest asks for 1.7) the dropdowns are left out: the sheet still works,
 * entries are checked when the analysis reads them. A list that Excel cannot take inline (a comma in
 * an entry, more than 255 characters) is refused before anything is written.
 */
import { VirkningError } from "../core/errors";
import { listSource } from "../core/report/sheetSpecExtras";
import type { SheetSpec } from "../core/report/sheetSpec";
import { supports } from "./host";

import type { Op } from "./renderOps";

/** Excel's limits for the error alert of a data validation (title 32, message 225 characters). */
const TITLE_MAX = 32;
const MESSAGE_MAX = 225;

function cut(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Check the extras of a spec (throws RENDER_INVALID_SPEC before anything is written). */
export function validateExtras(spec: SheetSpec): void {
  for (const v of spec.dataValidations ?? []) {
    const s = listSource(v.list);
    if (!s.ok) {
      throw new VirkningError(
        "RENDER_INVALID_SPEC",
        `Arket "${spec.name}" kan ikke skrives: rullelisten i ${v.range} kan ikke bruges (${s.reason}).`,
        `The sheet "${spec.name}" cannot be written: the dropdown list in ${v.range} cannot be used (${s.reason}).`,
        { sheet: spec.name },
      );
    }
  }
}

/** Operations for the data validations and conditional formats of `spec`. */
export function extrasOps(ws: Excel.Worksheet, spec: SheetSpec): Op[] {
  // (validateExtras ran in render.ts before anything was written)
  const ops: Op[] = [];
  if (supports("Range.dataValidation")) {
    for (const v of spec.dataValidations ?? []) {
      const s = listSource(v.list);
      if (!s.ok) continue;
      ops.push({
        size: 160 + s.source.length + (v.errorMessage?.length ?? 0),
        apply: () => {
          const dv = ws.getRange(v.range).dataValidation;
          dv.clear();
          dv.rule = { list: { inCellDropDown: true, source: s.source } };
          dv.ignoreBlanks = v.ignoreBlanks ?? true;
          if (v.errorTitle !== undefined || v.errorMessage !== undefined) {
            dv.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: cut(v.errorTitle ?? "", TITLE_MAX), message: cut(v.errorMessage ?? "", MESSAGE_MAX) };
          }
        },
      });
    }
  }
  for (const c of supports("Range.conditionalFormats") ? (spec.conditionalFormats ?? []) : []) {
    ops.push({
      size: 160 + c.formula.formula.length,
      apply: () => {
        const cf = ws.getRange(c.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        cf.custom.rule.formula = c.formula.formula;
        cf.custom.format.fill.color = c.fill;
        if (c.fontColor !== undefined) cf.custom.format.font.color = c.fontColor;
      },
    });
  }
  return ops;
}
