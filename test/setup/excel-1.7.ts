/** The "adapter-excel-1.7" project: Excel 2019 / Microsoft 365 1801, the manifest's minimum (ExcelApi 1.7). */
import { applyHostProfile } from "./hostProfile";

applyHostProfile("1.7");
