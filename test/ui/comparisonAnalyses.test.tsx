/**
 * The analysis list of the Sammenligning pane (issue 11): new, open, duplicate, rename and delete named
 * analyses; each writes its own results sheet; delete asks first.
 */
import * as React from "react";
import { renderInPane } from "./renderInPane";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import ComparisonPane from "../../src/taskpane/comparison/ComparisonPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { loadAnalyses } from "../../src/excel/comparisonStore";
import { analysisName } from "../../src/core/analysis";

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

async function renderPane(): Promise<void> {
  renderInPane(<ComparisonPane />);
  await screen.findByTestId("comparison-pane");
  await waitFor(() => expect(screen.queryByText("Læser data …")).toBeNull());
}
const list = (): HTMLElement => screen.getByTestId("analyses");
const button = (name: string): HTMLButtonElement => within(list()).getByRole("button", { name }) as HTMLButtonElement;
async function named(action: string, name: string): Promise<void> {
  fireEvent.change(within(list()).getByLabelText("Navn på analysen"), { target: { value: name } });
  await act(async () => {
    fireEvent.click(button(action));
  });
  await waitFor(() => expect(button("Slet").disabled).toBe(false));
}
const stored = async (): Promise<string[]> => ((await loadAnalyses(wb.run.bind(wb)))?.analyses ?? []).map(analysisName);

describe("Sammenligning pane: named analyses", () => {
  it("creates two analyses, lists them, and Beregn writes each one's own sheet", async () => {
    await renderPane();
    await named("Ny analyse", "Hele gruppen");
    expect(screen.getByTestId("analysis-sheet").textContent).toBe("Resultatark: Sammenligning – Hele gruppen");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    });
    await screen.findByTestId("written");
    await named("Dupliker", "Kopi");
    expect(await stored()).toEqual(["Hele gruppen", "Kopi"]);
    const options = within(list()).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["Hele gruppen", "Kopi"]);
    expect((within(list()).getByRole("combobox") as HTMLSelectElement).value).toBe("Kopi");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    });
    await screen.findByTestId("written");
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(["Sammenligning – Hele gruppen", "Sammenligning – Kopi"]));
    expect(wb.sheetNames()).not.toContain("Sammenligning");
  });

  it("a name in use is refused with a Danish message; rename keeps the sheet; delete asks first", async () => {
    await renderPane();
    await named("Ny analyse", "A");
    fireEvent.change(within(list()).getByLabelText("Navn på analysen"), { target: { value: "a" } });
    await act(async () => {
      fireEvent.click(button("Ny analyse"));
    });
    expect(await screen.findByText(/Der er allerede en analyse, der hedder "a"/)).toBeTruthy();
    await named("Omdøb", "Unge under 30");
    expect(await stored()).toEqual(["Unge under 30"]);
    expect(screen.getByTestId("analysis-sheet").textContent).toBe("Resultatark: Sammenligning – A");
    fireEvent.click(button("Slet"));
    const confirm = screen.getByTestId("analysis-delete-confirm");
    expect(confirm.textContent).toContain("Slet analysen \u201cUnge under 30\u201d? Dens indstillinger slettes; arket \u201cSammenligning – A\u201d bliver stående.");
    fireEvent.click(within(confirm).getByRole("button", { name: "Annuller" }));
    expect(await stored()).toEqual(["Unge under 30"]);
    fireEvent.click(button("Slet"));
    await act(async () => {
      fireEvent.click(within(screen.getByTestId("analysis-delete-confirm")).getByRole("button", { name: "Slet" }));
    });
    await waitFor(async () => expect(await stored()).toEqual([]));
  });
});

describe("Sammenligning pane: Tabel 1 options and stratification", () => {
  it("summary, cut points and strata chosen in the pane reach the sheet", async () => {
    await renderPane();
    fireEvent.change(screen.getByLabelText("Resumé: Alder"), { target: { value: "medianIqr" } });
    fireEvent.change(screen.getByLabelText("Skæringspunkter: Alder"), { target: { value: "30" } });
    const strata = within(await screen.findByTestId("strata-options"));
    fireEvent.click(strata.getByRole("checkbox", { name: "Køn" }));
    fireEvent.click(strata.getByRole("checkbox", { name: "Alder" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    });
    await screen.findByTestId("written");
    const sheet = wb.getSheet("Sammenligning")!;
    const col = (c: number): string[] => Array.from({ length: sheet.usedExtent().rowCount }, (_, r) => String(sheet.getCell(r, c)?.value ?? ""));
    const a = col(0);
    // the median and its quartiles, one measure per row
    expect(col(1).slice(a.indexOf("Alder"), a.indexOf("Alder") + 3)).toEqual(["Median", "Nedre kvartil", "Øvre kvartil"]);
    expect(typeof sheet.getCell(a.indexOf("Alder"), 3)?.value).toBe("number");
    expect(a).toContain("Alder (grupperet)");
    expect(a.some((x) => x.startsWith("Stratificeret analyse (Mantel–Haenszel) efter: Køn × Alder (grupperet)"))).toBe(true);
  });
});

describe("Sammenligning pane: one vocabulary, new sheets, status counts", () => {
  it("a sheet added while the pane is open is offered as soon as the picker gets focus", async () => {
    await renderPane();
    const pick = screen.getByTestId("source-pick");
    expect(within(pick).queryByRole("option", { name: "Ark: Unge" })).toBeNull();
    wb.addSheetDirect("Unge");
    await act(async () => {
      fireEvent.focus(pick);
    });
    await waitFor(() => expect(within(pick).getByRole("option", { name: "Ark: Unge" })).toBeTruthy());
  });

  it("uses the sheet's words (Resultatmål, Dataformat, Udgået) and explains the status counts", async () => {
    await renderPane();
    expect(screen.getByRole("heading", { name: "2. Resultatmål" })).toBeTruthy();
    expect(screen.getByText("Dataformat")).toBeTruthy();
    expect(within(screen.getByTestId("statuses")).getAllByRole("option", { name: "Udgået" }).length).toBeGreaterThan(0);
    expect(screen.queryByText(/Udfald/)).toBeNull();
    expect(screen.getByText(/Tallet ved hver status er borgere pr\. tidspunkt lagt sammen over alle tidspunkter/)).toBeTruthy();
    expect(screen.getAllByLabelText(/borgere pr\. tidspunkt i alt$/).length).toBeGreaterThan(0);
  });
});

describe("Sammenligning pane: the sheet's title and headline", () => {
  it("the effort's name is in the title; the chosen outcome and follow-up are the headline", async () => {
    await renderPane();
    fireEvent.change(screen.getByLabelText("Indsatsens navn (i arkets titel)"), { target: { value: "Virksomhedsrettet indsats" } });
    fireEvent.change(screen.getByLabelText("Hovedresultat"), { target: { value: "6|progression-mod-job" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
    });
    await screen.findByTestId("written");
    const sheet = wb.getSheet("Sammenligning")!;
    expect(sheet.getCell(0, 0)?.value).toBe("Virksomhedsrettet indsats: indsatsgruppe og kontrolgruppe");
    const a = Array.from({ length: 12 }, (_, r) => String(sheet.getCell(r, 0)?.value ?? ""));
    // under "Hovedresultat": the outcome's name, the table's header, the row of the chosen follow-up
    const head = a.indexOf("Resultatmål: Progression mod job");
    expect(head).toBeGreaterThan(a.indexOf("Hovedresultat"));
    expect(a.indexOf("Hovedresultat")).toBeGreaterThan(0);
    expect([sheet.getCell(head + 1, 0)?.value, sheet.getCell(head + 2, 0)?.value]).toEqual(["Opfølgning", "6 mdr."]);
  });
});
