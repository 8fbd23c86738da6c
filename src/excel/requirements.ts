/**
 * The one table of ExcelApi requirement sets: every Excel API above ExcelApi 1.1 that src/excel
 * uses or the preview emulates, with the set that brings it. src/excel asks `supports(api)`
 * (host.ts) before using one; the preview (src/preview/workbook) rejects it with ApiNotFound on
 * a host profile below its set, as an older Excel does.
 *
 * Source: the `[Api set: ExcelApi x.y]` annotations of @types/office-js (1.0.x, the reference
 * the project builds against), checked against the requirement-set table in the project's notes
 * (notes/office-js.md: settings/names/getItemOrNullObject 1.4, conditional formats 1.6,
 * getRangeByIndexes/freezePanes/workbook properties 1.7, data validation 1.8, shapes/page
 * layout/suspendScreenUpdating 1.9, worksheet custom properties 1.12).
 *
 * This file is plain data (no office-js import), so the preview can use it too.
 */
export const EXCEL_API = {
  "Range.merge": "1.2",
  "RangeFormat.protection": "1.2",
  "Worksheet.protection": "1.2",
  "Workbook.settings": "1.4",
  "Worksheet.names": "1.4",
  "NamedItemCollection.add": "1.4",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Range.conditionalFormats": "1.6",
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.tabColor": "1.7",
  "Range.getSurroundingRegion": "1.7",
  "NamedItem.formula": "1.7",
  "RangeFormat.useStandardWidth": "1.7",
  "RangeFormat.useStandardHeight": "1.7",
  "WorksheetProtection.unprotect(password)": "1.7",
  "ChartSeriesCollection.add": "1.7",
  "ChartSeries.setValues": "1.7",
  "ChartSeries.setXAxisValues": "1.7",
  "ChartSeries.delete": "1.7",
  "ChartLineFormat.lineStyle": "1.7",
  "Range.dataValidation": "1.8",
  "Worksheet.showGridlines": "1.8",
  "Worksheet.shapes": "1.9",
  "Worksheet.pageLayout": "1.9",
  "Worksheet.horizontalPageBreaks": "1.9",
  "Workbook.getSelectedRanges": "1.9",
  "Application.suspendScreenUpdatingUntilNextSync": "1.9",
  "Range.getMergedAreasOrNullObject": "1.13",
} as const;

export type ExcelApiName = keyof typeof EXCEL_API;

/**
 * Host profiles for tests and the preview: the highest ExcelApi set of the Excel a user may have.
 * 1.7 ≈ Excel 2019 / Microsoft 365 1801 (the manifest's minimum), 1.8 ≈ M365 1808, 1.9 ≈ Excel
 * 2021 / M365 1903, current = Excel on the web and Microsoft 365 today.
 */
export const HOST_PROFILES = { "1.7": "1.7", "1.8": "1.8", "1.9": "1.9", current: "1.17" } as const;

export type HostProfile = keyof typeof HOST_PROFILES;

/** -1, 0 or 1 as ExcelApi version `a` is below, equal to or above `b` ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Whether `api` exists on a host whose highest requirement set is `max`. */
export function apiAvailable(api: ExcelApiName, max: string): boolean {
  return compareVersions(EXCEL_API[api], max) <= 0;
}

declare global {
  /** Host profile chosen for a test run (test/setup/hostProfile.ts); the preview's default ExcelApi version. */
  var __virkningHostProfile: string | undefined;
}

/** The ExcelApi version the preview emulates when nothing else says: the chosen host profile, else Excel on the web. */
export function defaultPreviewApiVersion(): string {
  return globalThis.__virkningHostProfile ?? HOST_PROFILES.current;
}
