/**
 * The Sammenligning pane against the preview workbook with the sample sheet "Borgere" (jsdom).
 */
import * as React from "react";
import { renderInPane } from "./renderInPane";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { type Lang } from "../../src/taskpane/i18n";
import ComparisonPane from "../../src/taskpane/comparison/ComparisonPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { insertColumnByUser } from "../../src/preview/workbook/userEdits";
import { loadComparisonSettings, readSelectionSource, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { suggestSettings } from "../../src/core/analysis";
import { saveTheory } from "../../src/excel/theoryStore";
import { TEMPLATES } from "../../src/core/theory/templates";

// Rendering the whole pane (about a hundred Fluent controls) takes seconds in jsdom.
jest.setTimeout(60000);

let wb: PreviewWorkbook;

beforeEach(() => {
  wb = createPreviewWorkbook({ sample: true });
  globalThis.__virkningPreview = wb;
});

afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

async function renderPane(lang: Lang = "da"): Promise<void> {
  renderInPane(<ComparisonPane />, lang);
  await screen.findByTestId("comparison-pane");
  await waitFor(() => expect(screen.queryByText("Læser data …")).toBeNull());
}

function select(label: string): HTMLSelectElement {
  return screen.getByLabelText(label) as HTMLSelectElement;
}

function button(name: string | RegExp): HTMLButtonElement {
  return screen.getByRole("button", { name }) as HTMLButtonElement;
}

describe("Sammenligning pane: data step", () => {
  it("finds the Borgere range around the selection with roles, types, months and groups prefilled", async () => {
    wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
    await renderPane();
    expect(screen.getByTestId("source-range").textContent).toBe("Område: Borgere!A1:M61 (60 rækker med data)");
    expect(select("Rolle: ID").value).toBe("id");
    expect(select("Rolle: Gruppe").value).toBe("group");
    for (const name of ["Køn", "Alder", "Etnicitet", "Uddannelse", "Tolkebehov", "Civilstand", "År i ordinært arbejde"]) {
      expect(select(`Rolle: ${name}`).value).toBe("baseline");
    }
    expect(select("Type / måned: Køn").value).toBe("categorical");
    expect(select("Type / måned: Alder").value).toBe("continuous");
    expect(select("Type / måned: År i ordinært arbejde").value).toBe("continuous");
    const months = ["Status 0 mdr", "Status 6 mdr", "Status 12 mdr", "Status 18 mdr"].map((n) => {
      expect(select(`Rolle: ${n}`).value).toBe("timepoint");
      return (screen.getByLabelText(`Måned: ${n}`) as HTMLInputElement).value;
    });
    expect(months).toEqual(["0", "6", "12", "18"]);
    expect(select("Gruppe: Indsats").value).toBe("intervention");
    expect(select("Gruppe: Kontrol").value).toBe("control");
    expect(screen.queryByTestId("unmapped-groups")).toBeNull();
    expect(button("Beregn").disabled).toBe(false);
  });

  it("shows an unknown group label with its count and blocks until it is mapped", async () => {
    wb.setCellByUser("Borgere", 9, 1, "Ukendt");
    wb.setCellByUser("Borgere", 10, 1, " ukendt ");
    await renderPane();
    const warning = screen.getByTestId("unmapped-groups");
    expect(warning.textContent).toContain("\u201cUkendt\u201d (2)");
    expect(select("Gruppe: Ukendt").value).toBe("none");
    expect(button("Beregn").disabled).toBe(true);
    await act(async () => {
      fireEvent.change(select("Gruppe: Ukendt"), { target: { value: "control" } });
    });
    expect(screen.queryByTestId("unmapped-groups")).toBeNull();
    expect(button("Beregn").disabled).toBe(false);
  });

  it("Brug markering on an empty cell says so and keeps the setup; on the data it reads the range again", async () => {
    await renderPane();
    expect(screen.queryByTestId("no-data")).toBeNull();
    wb.selectByUser("Borgere", { row: 30, column: 20, rowCount: 1, columnCount: 1 });
    await act(async () => {
      fireEvent.click(button("Brug markering"));
    });
    await screen.findByTestId("no-data");
    expect(select("Rolle: ID").value).toBe("id");
    wb.selectByUser("Borgere", { row: 2, column: 2, rowCount: 1, columnCount: 1 });
    await act(async () => {
      fireEvent.click(button("Brug markering"));
    });
    await waitFor(() => expect(screen.queryByTestId("no-data")).toBeNull());
    expect(screen.getByTestId("source-range").textContent).toBe("Område: Borgere!A1:M61 (60 rækker med data)");
    // The sheet list: "Noter" has no header row, which is said in Danish with the range.
    await act(async () => {
      fireEvent.change(screen.getByTestId("source-pick"), { target: { value: "sheet:Noter" } });
    });
    const alert = await screen.findByTestId("error-bar");
    expect(alert.textContent).toContain("Der er ingen overskriftsrække i Noter!A1:A3.");
    await act(async () => {
      fireEvent.change(screen.getByTestId("source-pick"), { target: { value: "sheet:Borgere" } });
    });
    await waitFor(() => expect(screen.queryByTestId("error-bar")).toBeNull());
    expect(screen.getByTestId("source-range").textContent).toBe("Område: Borgere!A1:M61 (60 rækker med data)");
  });

  it("changing a role updates the columns live: without an ID column it asks for one", async () => {
    await renderPane();
    await act(async () => {
      fireEvent.change(select("Rolle: ID"), { target: { value: "ignore" } });
    });
    expect(screen.getByTestId("column-issues").textContent).toContain("Vælg den kolonne, der har borgerens ID.");
    expect(button("Beregn").disabled).toBe(true);
    expect(button("Gem indstillinger").disabled).toBe(true);
    await act(async () => {
      fireEvent.change(select("Rolle: ID"), { target: { value: "id" } });
    });
    expect(screen.queryByTestId("column-issues")).toBeNull();
  });
});

describe("Sammenligning pane: months", () => {
  it("a month typed twice is flagged live; a new month is used by the calculation", async () => {
    await renderPane();
    const month = screen.getByLabelText("Måned: Status 18 mdr") as HTMLInputElement;
    await act(async () => {
      fireEvent.change(month, { target: { value: "" } });
    });
    expect(month.value).toBe("");
    await act(async () => {
      fireEvent.change(month, { target: { value: "6" } });
    });
    expect(screen.getByTestId("column-issues").textContent).toContain("To statuskolonner har samme måned.");
    expect(button("Beregn").disabled).toBe(true);
    await act(async () => {
      fireEvent.change(month, { target: { value: "24" } });
      fireEvent.blur(month);
    });
    expect(screen.queryByTestId("column-issues")).toBeNull();
    expect((screen.getByLabelText("Måned: Status 18 mdr") as HTMLInputElement).value).toBe("24");
    await act(async () => {
      fireEvent.click(button("Beregn"));
    });
    await screen.findByTestId("written");
    expect(screen.getByTestId("summary").textContent).toContain("Ved 24 mdr.");
  });
});

describe("Sammenligning pane: long layout", () => {
  it("recognises ID, time and status columns, and calculates from them", async () => {
    const rows: (string | number)[][] = [["ID", "Gruppe", "Tidspunkt", "Status"]];
    const later = ["Jobparat", "Kontanthjælp", "Uddannelse", "Kontanthjælp", "Fleksjob"];
    for (let i = 0; i < 20; i++) {
      const id = `L${i + 1}`;
      const group = i % 2 === 0 ? "I" : "K";
      rows.push([id, group, 0, "Kontanthjælp"], [id, group, 6, later[i % later.length]], [id, group, 12, later[(i + 2) % later.length]]);
    }
    wb.addSheetDirect("Lang");
    wb.setValues("Lang", "A1", rows);
    wb.activateSheetByUser("Lang");
    wb.selectByUser("Lang", { row: 2, column: 1, rowCount: 1, columnCount: 1 });
    await renderPane();
    expect(screen.getByTestId("source-range").textContent).toBe("Område: Lang!A1:D61 (60 rækker med data)");
    expect((screen.getByRole("radio", { name: /^Lang:/ }) as HTMLInputElement).checked).toBe(true);
    expect(select("Rolle: ID").value).toBe("id");
    expect(select("Rolle: Gruppe").value).toBe("group");
    expect(select("Rolle: Tidspunkt").value).toBe("time");
    expect(select("Rolle: Status").value).toBe("status");
    // "I" and "K" are known group labels.
    expect(select("Gruppe: I").value).toBe("intervention");
    expect(select("Gruppe: K").value).toBe("control");
    await act(async () => {
      fireEvent.click(button("Beregn"));
    });
    await screen.findByTestId("written");
    expect(screen.getByTestId("summary").textContent).toContain("Ved 12 mdr.");
    expect(wb.sheetNames()).toContain("Sammenligning");
  });
});

describe("Sammenligning pane: outcomes and run", () => {
  it("offers the four suggested outcomes and the statuses found, with Fraflyttet as moved away", async () => {
    await renderPane();
    const names = [0, 1, 2, 3].map((i) => (within(screen.getByTestId(`outcome-${i}`)).getByRole("textbox") as HTMLInputElement).value);
    expect(names).toEqual(["Afklaret til job/uddannelse", "Afklaret fra kontanthjælp", "Progression mod job", "Progression mod afklaring"]);
    // every included status is spelled out under its outcome
    expect(screen.getByTestId("outcome-2-included").textContent).toContain("Kontanthjælp – i praktik");
    expect(screen.getByTestId("outcome-2-included").textContent).not.toContain("FØP");
    expect(screen.getByTestId("outcome-3-included").textContent).toContain("FØP");
    expect(select("Statusser i data: Fraflyttet").value).toBe("movedAway");
    expect(select("Statusser i data: Jobparat").value).toBe("valid");
    const first = within(screen.getByTestId("outcome-0"));
    expect((first.getByRole("checkbox", { name: "Jobparat" }) as HTMLInputElement).checked).toBe(true);
    expect((first.getByRole("checkbox", { name: "Kontanthjælp" }) as HTMLInputElement).checked).toBe(false);
    // Auto is the default test policy; baseline p-values are off.
    expect((screen.getByRole("radio", { name: /Automatisk/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("switch", { name: "Vis p-værdier i baggrundstabellen" }) as HTMLInputElement).checked).toBe(false);
  });

  it("Beregn writes the Sammenligning sheet, shows a summary, and stores the settings", async () => {
    await renderPane();
    await act(async () => {
      fireEvent.click(screen.getByRole("radio", { name: /^Fishers eksakte test/ }));
    });
    await act(async () => {
      fireEvent.click(button("Beregn"));
    });
    await screen.findByTestId("written");
    expect(wb.sheetNames()).toContain("Sammenligning");
    const summary = screen.getByTestId("summary");
    expect(summary.textContent).toContain("Ved 18 mdr.");
    expect(summary.textContent).toContain("Afklaret til job/uddannelse");
    expect(summary.textContent).toMatch(/Indsats \d+\/\d+ \(\d+,\d %\) · Kontrol \d+\/\d+ \(\d+,\d %\) · p = \d,\d+ \(Fisher/);
    const stored = await loadComparisonSettings(wb.run.bind(wb));
    expect(stored?.testPolicy).toBe("fisher");
    expect(stored?.source).toMatchObject({ sheet: "Borgere", address: "A1:M61", layout: "wide" });
    expect(stored?.source.header?.[0]).toBe("ID");
  });

  it("the pane says what the sheet says: every caveat under the summary is a sentence on the Sammenligning sheet, the interval's first", async () => {
    await renderPane();
    await act(async () => {
      fireEvent.click(button("Beregn"));
    });
    await screen.findByTestId("written");
    const caveats = screen.getAllByTestId("summary-caveat").map((e) => e.textContent ?? "");
    expect(caveats.length).toBeGreaterThanOrEqual(screen.getByTestId("summary").querySelectorAll("li").length);
    expect(caveats[0]).toMatch(/^Ved 18 mdr\. indeholder 95 %-konfidensintervallet for forskellen \(.+ procentpoint\) (ikke )?0/);
    const sheet = wb.getSheet("Sammenligning");
    if (!sheet) throw new Error("no sheet");
    const cells = new Set<string>();
    for (let r = 0; r < sheet.usedExtent().rowCount; r++) cells.add(String(sheet.getCell(r, 0)?.value ?? ""));
    expect(caveats.filter((c) => !cells.has(c))).toEqual([]);
  });

  it("Gem indstillinger stores the edited settings without calculating", async () => {
    await renderPane();
    await act(async () => {
      fireEvent.click(screen.getByRole("switch", { name: "Vis p-værdier i baggrundstabellen" }));
    });
    await act(async () => {
      fireEvent.change(select("Statusser i data: Ordinære timer"), { target: { value: "excluded" } });
    });
    await act(async () => {
      fireEvent.click(button("Gem indstillinger"));
    });
    await screen.findByText("Indstillingerne er gemt i projektmappen.");
    const stored = await loadComparisonSettings(wb.run.bind(wb));
    expect(stored?.baselinePValues).toBe(true);
    expect(stored?.statusClasses["Ordinære timer"]).toBe("excluded");
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
    expect(button("Kør igen").disabled).toBe(false);
  });

  it("restores the stored settings when the pane opens again", async () => {
    const input = await readSelectionSource(wb.run.bind(wb));
    const settings = suggestSettings(input!, "da");
    await saveComparisonSettings(wb.run.bind(wb), { ...settings, testPolicy: "yates", outcomes: [{ id: "job", name: "Kun job", statuses: ["Jobparat"] }] });
    await renderPane();
    expect(screen.getByText("Gemte indstillinger indlæst (Borgere!A1:M61).")).toBeTruthy();
    expect((screen.getByRole("radio", { name: /Yates/ }) as HTMLInputElement).checked).toBe(true);
    expect((within(screen.getByTestId("outcome-0")).getByRole("textbox") as HTMLInputElement).value).toBe("Kun job");
    expect(screen.queryByTestId("outcome-1")).toBeNull();
  });

  it("an unclassified status blocks with a Danish message listing it, and Kør igen writes nothing", async () => {
    const input = await readSelectionSource(wb.run.bind(wb));
    await saveComparisonSettings(wb.run.bind(wb), suggestSettings(input!, "da"));
    wb.setCellByUser("Borgere", 3, 11, "Sygedagpenge");
    await renderPane();
    expect(screen.getByTestId("unclassified").textContent).toBe(
      "Disse statusser er ikke klassificeret: \u201cSygedagpenge\u201d (1). Vælg en klasse for hver, før du beregner.",
    );
    expect(button("Beregn").disabled).toBe(true);
    await act(async () => {
      fireEvent.click(button("Kør igen"));
    });
    const alert = await screen.findByTestId("error-bar");
    expect(alert.textContent).toContain("Statusværdien \"Sygedagpenge\"");
    expect(alert.textContent).toContain("Borgere!L4");
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
    await act(async () => {
      fireEvent.change(select("Statusser i data: Sygedagpenge"), { target: { value: "valid" } });
    });
    expect(screen.queryByTestId("unclassified")).toBeNull();
    expect(button("Beregn").disabled).toBe(false);
  });

  it("a CPR-like ID blocks the analysis with the explanation and nothing is written", async () => {
    wb.setCellByUser("Borgere", 5, 0, "010190-1234");
    await renderPane();
    const alert = screen.getByTestId("error-bar");
    expect(alert.textContent).toContain("CPR-numre");
    expect(alert.textContent).toContain("A6");
    expect(alert.textContent).toContain("pseudonym");
    expect(screen.queryByTestId("outcome-0")).toBeNull();
    const calc = screen.queryByRole("button", { name: "Beregn" }) as HTMLButtonElement | null;
    expect(calc === null || calc.disabled).toBe(true);
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
  });

  it.each([
    ["a merged cell", async (): Promise<void> => {
      await wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Borgere").getRange("C5:C6").merge();
        await ctx.sync();
      });
    }, "Borgere!C5:C6 er flettet"],
    ["an empty row inside the data", async (): Promise<void> => {
      for (let c = 0; c < 13; c++) wb.setCellByUser("Borgere", 9, c, "");
    }, "Række 10 (Borgere!A10) er tom"],
  ] as const)("%s: the pane names sheet and cell, and Beregn writes nothing", async (_what, spoil, message) => {
    await spoil();
    wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
    await renderPane();
    await waitFor(() => expect(document.body.textContent).toContain(message));
    const calc = screen.queryByRole("button", { name: "Beregn" }) as HTMLButtonElement | null;
    if (calc && !calc.disabled) {
      await act(async () => {
        fireEvent.click(calc);
      });
    }
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
  });

  it("takes outcomes from the programme theory's slutmål and delmål with status indicators", async () => {
    const theory = TEMPLATES[0].build();
    const expected = [...theory.finalGoals, ...theory.subGoals].filter((g) => g.indicator?.reached.kind === "statuses").map((g) => g.name);
    expect(expected.length).toBeGreaterThan(0);
    await saveTheory(wb.run.bind(wb), theory, "da", { shapes: false });
    wb.activateSheetByUser("Borgere");
    await renderPane();
    const shown = (): string[] => expected.map((_, i) => (within(screen.getByTestId(`outcome-${i}`)).getByRole("textbox") as HTMLInputElement).value);
    // a new setup starts with the theory's outcomes (issue 21 item 4); the button takes them again after edits
    expect(shown()).toEqual(expected);
    expect(screen.queryByTestId(`outcome-${expected.length}`)).toBeNull();
    await act(async () => {
      fireEvent.click(button("Hent fra programteorien"));
    });
    const names = shown();
    expect(names).toEqual(expected);
    expect(screen.queryByTestId(`outcome-${expected.length}`)).toBeNull();
    // Add, rename and remove an outcome.
    await act(async () => {
      fireEvent.click(button("Tilføj udfald"));
    });
    const added = within(screen.getByTestId(`outcome-${expected.length}`));
    await act(async () => {
      fireEvent.change(added.getByRole("textbox"), { target: { value: "I job" } });
    });
    expect(screen.getByRole("group", { name: "I job" })).toBeTruthy();
    await act(async () => {
      fireEvent.click(button("Fjern udfaldet I job"));
    });
    expect(screen.queryByRole("group", { name: "I job" })).toBeNull();
  });

  it("without a programme theory only the suggestions are offered", async () => {
    await renderPane();
    expect(screen.queryByRole("button", { name: "Hent fra programteorien" })).toBeNull();
    expect(button("Brug de fire forslag")).toBeTruthy();
  });

  it("speaks English when asked", async () => {
    await renderPane("en");
    expect(screen.getByTestId("source-range").textContent).toBe("Range: Borgere!A1:M61 (60 data rows)");
    expect(button("Calculate")).toBeTruthy();
    expect(screen.getByRole("radio", { name: /Pearson's χ² \(as SAS\)/ })).toBeTruthy();
  });
});

describe("Sammenligning pane: read errors when it opens", () => {
  it("a selection without a header row is reported with the range, not swallowed", async () => {
    wb.setValues("Noter", "B2", [
      [1, 2],
      [3, 4],
    ]);
    wb.selectByUser("Noter", { row: 1, column: 1, rowCount: 1, columnCount: 1 });
    await renderPane();
    await waitFor(() => expect(document.body.textContent).toMatch(/Fejl.*Der er ingen overskriftsrække i Noter!A1:C3/));
  });
});

describe("Sammenligning pane: Kør igen after changes", () => {
  it("a column inserted since the settings were saved: found by its header, said in the pane, and Kør igen stores the new positions", async () => {
    const input = await readSelectionSource(wb.run.bind(wb));
    await saveComparisonSettings(wb.run.bind(wb), suggestSettings(input!, "da"));
    insertColumnByUser(wb, "Borgere", 10, ["Status 3 mdr", ...Array.from({ length: 60 }, () => "Kontanthjælp")]);
    await renderPane();
    expect(screen.getByTestId("columns-moved").textContent).toBe(
      "Kolonner fundet ved deres overskrift, fordi de er flyttet: \u201cStatus 6 mdr\u201d, \u201cStatus 12 mdr\u201d, \u201cStatus 18 mdr\u201d.",
    );
    await act(async () => {
      fireEvent.click(button("Kør igen"));
    });
    await screen.findByTestId("written");
    const stored = await loadComparisonSettings(wb.run.bind(wb));
    expect(stored?.source.address).toBe("A1:N61");
    expect(stored?.columns.timepoints.map((t) => t.column)).toEqual([9, 11, 12, 13]);
  });

  it("after the user changed the setup so it cannot run, Kør igen says that Beregn is needed and writes nothing", async () => {
    const input = await readSelectionSource(wb.run.bind(wb));
    await saveComparisonSettings(wb.run.bind(wb), suggestSettings(input!, "da"));
    await renderPane();
    await act(async () => {
      fireEvent.change(select("Rolle: ID"), { target: { value: "ignore" } });
    });
    await act(async () => {
      fireEvent.click(button("Kør igen"));
    });
    expect((await screen.findByTestId("error-bar")).textContent).toContain("Du har ændret opsætningen, siden den blev gemt");
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
  });
});

describe("Sammenligning pane: stored settings that cannot be used", () => {
  it("shows a Danish message with Nulstil; Nulstil deletes them and sets up from the data", async () => {
    const input = await readSelectionSource(wb.run.bind(wb));
    const s = suggestSettings(input!, "da");
    wb.setSettingDirect("virkning.comparison", JSON.stringify({ ...s, outcomes: [{ ...s.outcomes[0], statuses: "Jobparat" }] }));
    wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
    await renderPane();
    const box = screen.getByTestId("invalid-settings");
    expect(box.textContent).toContain("De gemte indstillinger for sammenligningen i projektmappen kan ikke bruges: outcomes.0.statuses");
    expect(button("Kør igen").disabled).toBe(true);
    await act(async () => {
      fireEvent.click(within(box).getByRole("button", { name: "Nulstil" }));
    });
    await waitFor(() => expect(screen.queryByTestId("invalid-settings")).toBeNull());
    expect(await loadComparisonSettings(wb.run.bind(wb))).toBeNull();
    expect(screen.getByTestId("source-range").textContent).toBe("Område: Borgere!A1:M61 (60 rækker med data)");
    expect(button("Beregn").disabled).toBe(false);
  });
});

describe("Sammenligning pane: data stored in the workbook", () => {
  it("shows everything the add-in stored, and deletes it", async () => {
    const input = await readSelectionSource(wb.run.bind(wb));
    await saveComparisonSettings(wb.run.bind(wb), suggestSettings(input!, "da"));
    wb.setSettingDirect("virkning.ownedSheets", JSON.stringify([{ id: "x", name: "Sammenligning" }]));
    await renderPane();
    await act(async () => {
      fireEvent.click(button("Vis data gemt i projektmappen"));
    });
    const view = await screen.findByTestId("stored-data");
    expect(within(view).getByTestId("stored-virkning.comparison").textContent).toMatch(/^Indstillinger for sammenligningen \(virkning\.comparison, [\d.]+ tegn\)/);
    expect(within(view).getByTestId("stored-virkning.comparison").textContent).toContain('"Status 6 mdr"');
    expect(within(view).getByTestId("stored-virkning.ownedSheets").textContent).toContain("Listen indeholder kun arknavne");
    await act(async () => {
      fireEvent.click(within(view).getByRole("button", { name: "Slet alt undtagen listen over Virknings ark" }));
    });
    await waitFor(() => expect(within(view).queryByTestId("stored-virkning.comparison")).toBeNull());
    expect([...wb.settings.keys()]).toEqual(["virkning.ownedSheets"]);
    expect(await loadComparisonSettings(wb.run.bind(wb))).toBeNull();
    expect(button("Kør igen").disabled).toBe(true);
  });
});

describe("Sammenligning pane: every stored value in full", () => {
  it("a 300,000-character value is shown to its last character (a name at character 299,988 is visible)", async () => {
    const stored = { label: `${"x".repeat(299_977)}Hans Hansen` };
    const value = JSON.stringify(stored);
    expect(value.length).toBe(300_000);
    wb.setSettingDirect("virkning.andet", stored);
    await renderPane();
    await act(async () => {
      fireEvent.click(button("Vis data gemt i projektmappen"));
    });
    const view = await screen.findByTestId("stored-data");
    const text = within(view).getByTestId("stored-text-virkning.andet").textContent ?? "";
    expect(text).toBe(value);
    expect(text.indexOf("Hans Hansen")).toBe(299_987);
  });
});

describe("Sammenligning pane: ikke CPR-numre", () => {
  it("a column flagged as CPR numbers can be confirmed as not CPR; the confirmation is in the results' header block", async () => {
    wb.setValues("Borgere", "N1", [["Journalnr."], ...Array.from({ length: 60 }, (_, i) => [`${String(1 + (i % 28)).padStart(2, "0")}0185-${1000 + i}`])]);
    wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
    await renderPane();
    expect((await screen.findByTestId("error-bar")).textContent).toContain("Borgere!N2");
    await act(async () => {
      fireEvent.click(button("Kolonnen \u201cJournalnr.\u201d indeholder ikke CPR-numre …"));
    });
    expect(screen.getByTestId("not-cpr").textContent).toContain("Bekræft, at du har tjekket kolonnen \u201cJournalnr.\u201d");
    await act(async () => {
      fireEvent.click(button("Bekræft: ikke CPR-numre"));
    });
    await waitFor(() => expect(button("Beregn").disabled).toBe(false));
    await act(async () => {
      fireEvent.click(button("Beregn"));
    });
    await screen.findByTestId("written");
    const sheet = wb.getSheet("Sammenligning")!;
    // the settings block (last on the sheet, issue 11) records the confirmation
    const rows = Array.from({ length: sheet.usedExtent().rowCount }, (_, r) => `${String(sheet.getCell(r, 0)?.value ?? "")}: ${String(sheet.getCell(r, 1)?.value ?? "")}`);
    const settingsAt = rows.indexOf("Indstillinger: ");
    expect(settingsAt).toBeGreaterThan(0);
    expect(rows.slice(settingsAt).join("\n")).toContain('Ikke CPR-numre: "Journalnr.": brugeren har bekræftet, at kolonnen ikke indeholder CPR-numre');
    expect((await loadComparisonSettings(wb.run.bind(wb)))?.notCpr).toEqual(["Journalnr."]);
  });
});

describe("Sammenligning pane: columns renamed since the settings were saved", () => {
  it("Kør igen refuses naming the column; choosing the column again and Beregn works", async () => {
    const input = await readSelectionSource(wb.run.bind(wb));
    await saveComparisonSettings(wb.run.bind(wb), suggestSettings(input!, "da"));
    wb.setCellByUser("Borgere", 0, 10, "Status ved 6 mdr");
    await renderPane();
    expect((await screen.findByTestId("error-bar")).textContent).toContain('"Status 6 mdr" (var kolonne K) findes ikke længere');
    await act(async () => {
      fireEvent.click(button("Kør igen"));
    });
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
    await waitFor(() => expect(button("Beregn").disabled).toBe(false));
    await act(async () => {
      fireEvent.click(button("Beregn"));
    });
    await screen.findByTestId("written");
    expect((await loadComparisonSettings(wb.run.bind(wb)))?.source.header?.[10]).toBe("Status ved 6 mdr");
  });
});

describe("Sammenligning pane: labels that identify a citizen", () => {
  it("a name as a status is flagged with its cell; Beregn waits until it is counted as Andet, and neither sheet nor settings hold the name", async () => {
    const header = wb.getSheet("Borgere")!;
    const col = Array.from({ length: header.usedExtent().columnCount }, (_, c) => header.getCell(0, c)?.value).indexOf("Status 12 mdr");
    wb.setCellByUser("Borgere", 6, col, "Lars Larsen");
    wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
    await renderPane();
    const box = await screen.findByTestId("identifying-labels");
    expect(box.textContent).toContain("\u201cLars Larsen\u201d");
    expect(box.textContent).toContain("ligner fritekst eller et navn (første gang i Borgere!");
    expect(button("Beregn").disabled).toBe(true);
    await act(async () => {
      fireEvent.click(within(screen.getByTestId("identifying-lars larsen")).getByRole("button", { name: "Tæl som \u201cAndet\u201d" }));
    });
    await waitFor(() => expect(screen.queryByTestId("identifying-lars larsen")).toBeNull());
    await waitFor(() => expect(button("Beregn").disabled).toBe(false));
    await act(async () => {
      fireEvent.click(button("Beregn"));
    });
    await waitFor(() => expect(wb.getSheet("Sammenligning")).toBeDefined());
    const sheet = wb.getSheet("Sammenligning")!;
    const text: string[] = [];
    for (let r = 0; r < sheet.usedExtent().rowCount; r++) for (let c = 0; c < sheet.usedExtent().columnCount; c++) text.push(String(sheet.getCell(r, c)?.value ?? ""));
    expect(text.join("|")).not.toContain("Lars Larsen");
    expect([...wb.settings.values()].join("|")).not.toContain("Lars Larsen");
  });

  it("a status held by one citizen (FØP in the sample) is flagged but does not block; Bekræft keeps it", async () => {
    wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
    await renderPane();
    const item = await screen.findByTestId("identifying-føp");
    expect(item.textContent).toContain("kun hos én borger (første gang i Borgere!L30)");
    expect(button("Beregn").disabled).toBe(false);
    await act(async () => {
      fireEvent.click(within(item).getByRole("button", { name: "Bekræft" }));
    });
    await waitFor(() => expect(screen.queryByTestId("identifying-labels")).toBeNull());
  });
});
