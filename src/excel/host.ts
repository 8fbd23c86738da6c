/**
 * Where Excel.run comes from. Inside Excel it is Office's global `Excel.run`; in the browser
 * preview (no Office host) it is the in-memory workbook that the preview page puts on
 * `globalThis.__virkningPreview`. Everything in src/excel takes an ExcelRun, so tests pass a
 * preview workbook's `run` directly.
 */
import { VirkningError } from "../core/errors";
import { EXCEL_API, HOST_PROFILES, compareVersions, defaultPreviewApiVersion, type ExcelApiName } from "./requirements";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the preview page provides (a PreviewWorkbook satisfies it). */
export interface PreviewHost {
  run: ExcelRun;
  /** Highest ExcelApi requirement set the preview claims; the test run's host profile or PREVIEW_API_VERSION when absent. */
  apiVersion?: string;
}

declare global {
  var __virkningPreview: PreviewHost | undefined;
}

/** Highest ExcelApi version the preview emulates by default: Excel on the web, which has every set. */
export const PREVIEW_API_VERSION: string = HOST_PROFILES.current;

function inExcel(): boolean {
  if (typeof Excel === "undefined" || typeof Office === "undefined") return false;
  try {
    return Office.context?.host === Office.HostType.Excel;
  } catch {
    return false;
  }
}

/** Excel.run inside Excel, else the preview workbook's run; throws a VirkningError when neither exists. */
export function getExcelRun(): ExcelRun {
  if (inExcel()) return (batch) => Excel.run(batch);
  const preview = globalThis.__virkningPreview;
  if (preview) return (batch) => preview.run(batch);
  throw new VirkningError(
    "NO_EXCEL",
    "Virkning kører ikke i Excel. Åbn tilføjelsesprogrammet fra Excel, eller brug forhåndsvisningen.",
    "Virkning is not running in Excel. Open the add-in from Excel, or use the preview.",
  );
}

/** Whether requirement set ExcelApi `version` (e.g. "1.9") is available. */
export function isSetSupported(version: string): boolean {
  if (inExcel()) {
    try {
      return Office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }
  const max = globalThis.__virkningPreview?.apiVersion ?? defaultPreviewApiVersion();
  return compareVersions(version, max) <= 0;
}

/** Whether the host has `api` (its requirement set from the one table in requirements.ts). */
export function supports(api: ExcelApiName): boolean {
  return isSetSupported(EXCEL_API[api]);
}
