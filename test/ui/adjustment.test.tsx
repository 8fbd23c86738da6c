/**
 * The adjusted analysis in the Sammenligning pane (issue 25 item 1): the checkbox, the covariates it
 * starts with (Tabel 1's variables when there are no strata), unticking one, and what reaches the
 * stored settings and the sheet.
 */
import * as React from "react";
import { renderInPane } from "./renderInPane";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import ComparisonPane from "../../src/taskpane/comparison/ComparisonPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { loadComparisonSettings } from "../../src/excel/comparisonStore";

jest.setTimeout(60000);

let wb: PreviewWorkbook;
beforeEach(() => {
  wb = createPreviewWorkbook({ sample: true });
  wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
  globalThis.__virkningPreview = wb;
});
afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

const CHECKBOX = "Justér for baggrundsvariable (logistisk regression)";

describe("Sammenligning pane: adjusted analysis", () => {
  it("off by default; ticked it offers Tabel 1's variables, all ticked; the choice reaches the settings and the sheet", async () => {
    renderInPane(<ComparisonPane />);
    await screen.findByTestId("comparison-pane");
    await waitFor(() => expect(screen.queryByText("Læser data …")).toBeNull());
    const box = (await screen.findByRole("checkbox", { name: CHECKBOX })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.queryByTestId("adjust-covariates")).toBeNull();
    fireEvent.click(box);
    const group = within(await screen.findByTestId("adjust-covariates"));
    const boxes = group.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    expect(boxes.every((b) => b.checked)).toBe(true);
    // untick the first: the others stay
    fireEvent.click(boxes[0]);
    await waitFor(() => expect((group.getAllByRole("checkbox")[0] as HTMLInputElement).checked).toBe(false));
    const kept = boxes.slice(1).map((b) => b.labels?.[0]?.textContent ?? "");
    expect(kept.every((k) => k.length > 0)).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    });
    await screen.findByTestId("written");
    const stored = await loadComparisonSettings(wb.run.bind(wb));
    expect(stored?.adjustment).toEqual({ covariates: kept });
    const sheet = wb.getSheet("Sammenligning")!;
    const a = Array.from({ length: sheet.usedExtent().rowCount }, (_, r) => String(sheet.getCell(r, 0)?.value ?? ""));
    expect(a).toContain("Justeret analyse (logistisk regression)");
    expect(a).toContain(`Justeret for: ${kept.join(", ")}`);
  });
});
