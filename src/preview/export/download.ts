/**
 * "Hent projektmappen (.xlsx)": the preview workbook saved as a real .xlsx file. Loaded lazily by
 * the preview page when the button is pressed (with ExcelJS and the chart renderer), so none of it
 * is in the preview's first load, and nothing of it is in the task pane.
 */
import type * as ExcelJSTypes from "exceljs";
import type { PreviewWorkbook } from "../workbook/workbook";
import { toExcelJsWorkbook } from "./toExcelJs";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The .xlsx bytes of the preview workbook, charts drawn as the preview shows them. */
export async function workbookXlsx(wb: PreviewWorkbook): Promise<ArrayBuffer> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as typeof ExcelJSTypes & { default?: typeof ExcelJSTypes };
  const ExcelJS = mod.default ?? mod;
  const { chartPicture } = await import("./chartPicture");
  const book = await toExcelJsWorkbook(ExcelJS, wb, { chartPicture });
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Save the preview workbook as `fileName` through the browser's download. */
export async function downloadWorkbookXlsx(wb: PreviewWorkbook, fileName: string): Promise<void> {
  const blob = new Blob([await workbookXlsx(wb)], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
