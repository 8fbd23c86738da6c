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

/** The user adds two columns of numbers to the sample data: a score at the start and at 18 months (indsats about 3 points higher). */
function addScores(w: PreviewWorkbook): void {
  const sheet = w.getSheet("Borgere")!;
  const rows: (string | number)[][] = [["Score ved start", "Score 18 mdr"]];
  for (let r = 1; r <= 60; r++) {
    const base = 20 + ((r * 7) % 13);
    const indsats = sheet.getCell(r, 1)?.value === "Indsats";
    rows.push([base, Math.round((0.8 * base + (indsats ? 3 : 0) + (((r * 5) % 7) - 3)) * 10) / 10]);
  }
  w.setValues("Borgere", "N1", rows);
}

describe("Sammenligning pane: numeric outcome with ANCOVA", () => {
  it("off by default; choosing the outcome, its baseline and a Tabel 1 covariate reaches the settings and the sheet", async () => {
    addScores(wb);
    renderInPane(<ComparisonPane />);
    await screen.findByTestId("comparison-pane");
    await waitFor(() => expect(screen.queryByText("Læser data …")).toBeNull());
    const box = (await screen.findByRole("checkbox", { name: "Numerisk resultatmål med justeret analyse (ANCOVA)" })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.queryByTestId("numeric-outcome")).toBeNull();
    fireEvent.click(box);
    const part = within(await screen.findByTestId("numeric-outcome"));
    fireEvent.change(part.getByLabelText("Resultatmål (kolonne med tal)"), { target: { value: "Score 18 mdr" } });
    fireEvent.change(part.getByLabelText("Udgangsniveau (kolonne med tal ved start)"), { target: { value: "Score ved start" } });
    const covs = within(part.getByRole("group", { name: "Også justere for" }));
    fireEvent.click(covs.getByRole("checkbox", { name: "Køn" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    });
    await screen.findByTestId("written");
    const stored = await loadComparisonSettings(wb.run.bind(wb));
    expect(stored?.numericOutcomes).toEqual([{ outcome: "Score 18 mdr", baseline: "Score ved start", covariates: ["Køn"] }]);
    // the outcome is measured after inclusion: it left Tabel 1
    expect(stored?.columns.baseline.map((b) => stored.source.header?.[b.column])).not.toContain("Score 18 mdr");
    const sheet = wb.getSheet("Sammenligning")!;
    const a = Array.from({ length: sheet.usedExtent().rowCount }, (_, r) => String(sheet.getCell(r, 0)?.value ?? ""));
    expect(a).toContain("Numeriske resultatmål: ujusteret og justeret (ANCOVA)");
    expect(a).toContain("Justeret analyse (ANCOVA, lineær regression), justeret for Score ved start, Køn");
    const row = a.lastIndexOf("Score 18 mdr");
    expect(typeof sheet.getCell(row, 5)?.value).toBe("number");
    expect(sheet.getCell(row, 5)?.value as number).toBeGreaterThan(1.5);
    expect(sheet.getCell(row, 10)?.value).toBe(60);
  });
});
