/** Public entry points of the preview's spreadsheet grid. */
export { WorkbookView, selectionAddress, type WorkbookViewProps } from "./WorkbookView";
export { formatCellValue, formatNumber, formatGeneral, formatForEditing, isDateFormat, serialToDateParts, type FormattedValue, type CellAlign } from "./numberFormat";
export { GRID_CSS, ensureGridStyles } from "./styles";
