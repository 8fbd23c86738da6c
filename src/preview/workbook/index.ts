/**
 * The preview's in-memory workbook: `createPreviewWorkbook()` gives a PreviewWorkbook that the
 * grid reads (PreviewWorkbookView) and that src/excel/ drives through `run`, an emulation of
 * `Excel.run`. See api.ts for the emulated semantics and workbook.ts for sync counting.
 */
import { PreviewWorkbook } from "./workbook";
import { installSample } from "../sampleData";

export { PreviewWorkbook, parseDanishInput, sheetNameProblem } from "./workbook";
export { EmulatedApiError, PAYLOAD_LIMIT_BYTES } from "./api";
export type * from "./model";

/**
 * A new workbook: one empty sheet "Ark1", or with `sample` the user sheets "Borgere" and "Noter" (and,
 * with `weekly` too, the weekly register sample "Ugedata").
 */
export function createPreviewWorkbook(opts?: { sample?: boolean; weekly?: boolean }): PreviewWorkbook {
  const wb = new PreviewWorkbook();
  if (opts?.sample) installSample(wb, { weekly: opts.weekly });
  else wb.addSheetDirect("Ark1");
  return wb;
}
