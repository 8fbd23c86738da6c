/**
 * Issue 22 item 4: pickers show the current choice and list new sheets without extra clicks; a
 * cut point (a continuous baseline variable) is offered for numeric columns only.
 */
import * as React from "react";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { renderInPane } from "./renderInPane";
import ComparisonPane from "../../src/taskpane/comparison/ComparisonPane";
import DesignPane from "../../src/taskpane/design/DesignPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";

jest.setTimeout(90_000);

let wb: PreviewWorkbook;
beforeEach(() => {
  wb = createPreviewWorkbook({ sample: true });
  globalThis.__virkningPreview = wb;
});
afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

const options = (el: HTMLElement): string[] => Array.from((el as HTMLSelectElement).options).map((o) => o.value);

test("'Ark eller tabel' keeps showing the sheet that was chosen; Køn is categorical only, Alder may be continuous", async () => {
  renderInPane(<ComparisonPane />);
  await screen.findByTestId("comparison-pane");
  await waitFor(() => expect(screen.queryByText("Læser data …")).toBeNull());
  const pick = screen.getByTestId("source-pick") as HTMLSelectElement;
  await act(async () => {
    fireEvent.change(pick, { target: { value: "sheet:Borgere" } });
  });
  await screen.findByTestId("source-range");
  expect((screen.getByTestId("source-pick") as HTMLSelectElement).value).toBe("sheet:Borgere");
  expect(screen.getByTestId("source-pick").querySelector("option:checked")?.textContent).not.toBe("Vælg ark eller tabel");
  expect(options(screen.getByLabelText("Type / måned: Køn"))).toEqual(["categorical"]);
  expect(options(screen.getByLabelText("Type / måned: Alder"))).toEqual(["categorical", "continuous"]);
});

test("Forsøgsdesign lists a sheet added while the pane is open as soon as the list is opened", async () => {
  renderInPane(<DesignPane />);
  await screen.findByTestId("design-pane");
  await waitFor(() => expect(screen.queryByText("Arbejder …")).toBeNull());
  const list = screen.getByTestId("design-sheet");
  expect(options(list)).not.toContain("Nye borgere");
  wb.addSheetDirect("Nye borgere");
  await act(async () => {
    fireEvent.mouseDown(list);
  });
  await waitFor(() => expect(options(screen.getByTestId("design-sheet"))).toContain("Nye borgere"));
});
