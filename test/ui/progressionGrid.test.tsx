/**
 * The preview grid shows the measurement sheet's data validation and conditional format: a dropdown
 * on a validated active cell that writes the chosen label, Excel's Stop alert for a typed entry not on
 * the list, and the overdue fill on rows whose planned date has passed without a score.
 */
import * as React from "react";
import { act, fireEvent, render } from "@testing-library/react";
import { WorkbookView } from "../../src/preview/grid";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { generateMeasurementSheet } from "../../src/excel/progressionStore";
import { MEASUREMENT_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { TEMPLATES } from "../../src/core/theory/templates";

const theory = TEMPLATES[0].build();
const items = scaleItems(theory);
let wb: PreviewWorkbook;

beforeEach(async () => {
  wb = createPreviewWorkbook({ sample: true });
  await generateMeasurementSheet(wb.run.bind(wb), { citizens: [{ id: "K1", group: "Indsats" }], startDate: 46023, theory });
});

function cell(container: HTMLElement, address: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-cell="${address}"]`);
  if (!el) throw new Error(`cell ${address} is not rendered`);
  return el;
}

test("a validated cell gets a dropdown with the scale; picking a label writes it and clears the overdue fill", () => {
  const { container } = render(<WorkbookView workbook={wb} height={600} />);
  // Round 1 (01-01-2026) has passed without a score: the row is filled.
  expect(cell(container, "A5").style.background).toBe("rgb(252, 228, 214)");
  expect(container.querySelector('[data-dropdown="G5"]')).toBeNull();
  act(() => wb.selectByUser(MEASUREMENT_SHEET_NAME, { row: 4, column: 6, rowCount: 1, columnCount: 1 }));
  const dropdown = container.querySelector<HTMLSelectElement>('[data-dropdown="G5"]');
  expect(dropdown).not.toBeNull();
  expect([...(dropdown as HTMLSelectElement).options].map((o) => o.value).filter(Boolean)).toEqual(items[0].labels);
  fireEvent.change(dropdown as HTMLSelectElement, { target: { value: items[0].labels[3] } });
  expect(wb.getSheet(MEASUREMENT_SHEET_NAME)?.getCell(4, 6)?.value).toBe(items[0].labels[3]);
  expect(cell(container, "A5").style.background).not.toBe("rgb(252, 228, 214)");
});

test("typing an entry that is not on the list shows Excel's Stop alert and keeps the cell", () => {
  const alert = jest.spyOn(window, "alert").mockImplementation(() => undefined);
  const { container } = render(<WorkbookView workbook={wb} height={600} />);
  act(() => wb.selectByUser(MEASUREMENT_SHEET_NAME, { row: 4, column: 6, rowCount: 1, columnCount: 1 }));
  const g = container.querySelector<HTMLElement>('[role="grid"]') as HTMLElement;
  fireEvent.keyDown(g, { key: "x" });
  const editor = container.querySelector<HTMLInputElement>("input.vk-editor, textarea.vk-editor, [data-testid='cell-editor']");
  expect(editor).not.toBeNull();
  fireEvent.change(editor as HTMLInputElement, { target: { value: "godt" } });
  fireEvent.keyDown(editor as HTMLInputElement, { key: "Enter" });
  expect(alert).toHaveBeenCalledWith(expect.stringContaining("Vælg en værdi på skalaen"));
  expect(wb.getSheet(MEASUREMENT_SHEET_NAME)?.getCell(4, 6)?.value ?? null).toBeNull();
  alert.mockRestore();
});
