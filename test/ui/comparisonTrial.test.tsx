/**
 * The Sammenligning pane offers the "Randomisering" sheet as the source of groups (issue 21 item 2):
 * offered only when the sheet exists; ticked, the groups are the randomised arms (the data's group
 * mapping gives way), the design's strata are ticked, the differences are shown as counts (no ID), the
 * adjusted analysis starts with the design's strata, and the choice reaches the stored settings and the sheet.
 */
import * as React from "react";
import { renderInPane } from "./renderInPane";
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import ComparisonPane from "../../src/taskpane/comparison/ComparisonPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { loadComparisonSettings } from "../../src/excel/comparisonStore";
import { randomise, registerDecline } from "../../src/excel/designStore";
import { designSettingsFor } from "../adapter/helpers/designSettings";

jest.setTimeout(60000);

const CASE = "sample: Køn, seed 2^32-1, 2 reserves, declines";
const SOURCE = "Grupper fra arket Randomisering (som randomiseret)";
const NOW = new Date("2026-12-01T08:00:00Z");

let wb: PreviewWorkbook;
beforeEach(() => {
  wb = createPreviewWorkbook({ sample: true });
  wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
  globalThis.__virkningPreview = wb;
});
afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

async function opened(): Promise<void> {
  renderInPane(<ComparisonPane />);
  await screen.findByTestId("comparison-pane");
  await waitFor(() => expect(screen.queryByText("Læser data …")).toBeNull());
  await screen.findByTestId("roles");
}

describe("Sammenligning pane: groups from Randomisering", () => {
  it("is not offered without a Randomisering sheet", async () => {
    await opened();
    expect(screen.queryByRole("checkbox", { name: SOURCE })).toBeNull();
    expect(screen.getByTestId("groups")).toBeTruthy();
  });

  it("ticked: counts without IDs, the design's strata, the adjusted analysis's default, stored and on the sheet", async () => {
    const run = wb.run.bind(wb);
    let s = (await randomise(run, designSettingsFor(CASE), { lang: "da", now: NOW })).settings;
    for (const id of ["B005", "B015"]) s = (await registerDecline(run, s, id, { lang: "da", now: NOW })).settings;
    wb.activateSheetByUser("Borgere");
    wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
    await opened();
    const box = (await screen.findByRole("checkbox", { name: SOURCE })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    const bar = await screen.findByTestId("trial-mismatch");
    // 60 on the list, 2 reserves per stratum (2 strata) of which 2 were called in for the 2 declines: 56 in the trial
    expect(bar.textContent).toContain("56 borgere i forsøget fundet i data, 2 strata.");
    expect(bar.textContent).toContain("4 ID'er i data står på Randomisering, men er ikke med i forsøget");
    expect(bar.textContent).not.toMatch(/B0\d\d/);
    // the data's group mapping gives way to the randomised groups; the design's strata are used
    expect(screen.queryByTestId("groups")).toBeNull();
    expect((screen.getByRole("checkbox", { name: /Stratificér efter randomiseringens strata/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId("strata-options")).toBeNull();
    fireEvent.click(await screen.findByRole("checkbox", { name: "Justér for baggrundsvariable (logistisk regression)" }));
    const covariates = within(await screen.findByTestId("adjust-covariates"));
    const ticked = (covariates.getAllByRole("checkbox") as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.labels?.[0]?.textContent);
    expect(ticked).toEqual(["Stratum (randomiseret)"]);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    });
    await screen.findByTestId("written");
    const stored = await loadComparisonSettings(run);
    expect(stored?.randomisation).toEqual({ strata: true });
    expect(stored?.adjustment).toEqual({ covariates: ["Stratum (randomiseret)"] });
    const sheet = wb.getSheet("Sammenligning")!;
    const text = Array.from({ length: sheet.usedExtent().rowCount }, (_, r) => String(sheet.getCell(r, 0)?.value ?? "")).join("\n");
    expect(text).toContain("Grupper fra arket Randomisering (intention to treat)");
    expect(text).not.toMatch(/B0\d\d/);
  });

  it("the sheet deleted since: the data is still read, the pane says why, and unticking gives the data's groups back", async () => {
    const run = wb.run.bind(wb);
    await randomise(run, designSettingsFor(CASE), { lang: "da", now: NOW });
    wb.activateSheetByUser("Borgere");
    wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
    await opened();
    fireEvent.click(await screen.findByRole("checkbox", { name: SOURCE }));
    await screen.findByTestId("trial-mismatch");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Gem indstillinger" }));
    });
    await waitFor(async () => expect((await loadComparisonSettings(run))?.randomisation).toEqual({ strata: true }));
    cleanup();
    await run(async (context) => {
      context.workbook.worksheets.getItem("Randomisering").delete();
      await context.sync();
    });
    await opened();
    expect((await screen.findAllByText(/Der er intet ark "Randomisering"/)).length).toBeGreaterThan(0);
    const box = (await screen.findByRole("checkbox", { name: SOURCE })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(screen.queryByTestId("groups")).toBeNull();
    fireEvent.click(box);
    expect(await screen.findByTestId("groups")).toBeTruthy();
  });
});
