/**
 * The Programteori pane in jsdom against the preview workbook: templates, the five guided steps,
 * live validation, linking with checkboxes, removing, the SVG diagram and its download, saving to
 * and reading from the workbook.
 */
import * as React from "react";
import { renderInPane } from "./renderInPane";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LangProvider } from "../../src/taskpane/i18n";
import TheoryPane from "../../src/taskpane/theory/TheoryPane";
import { createPreviewWorkbook, type PreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { DIAGRAM_SHEET_NAME, STEPS, TEMPLATES, THEORY_SHEET_NAME, type ProgrammeTheory } from "../../src/core/theory";
import { saveTheory } from "../../src/excel/theoryStore";

const template = TEMPLATES.find((t) => t.id === "kl-over30-virksomhed") ?? TEMPLATES[0];

// jsdom with Fluent UI is slow on a busy machine; each test renders the whole pane.
jest.setTimeout(90_000);

let wb: PreviewWorkbook;
beforeEach(() => {
  localStorage.clear();
  wb = createPreviewWorkbook({ sample: true });
  globalThis.__virkningPreview = wb;
});
afterEach(() => {
  delete globalThis.__virkningPreview;
});

function renderPane(lang: "da" | "en" = "da"): void {
  renderInPane(<TheoryPane />, lang);
}

async function pickTemplate(title = template.title.da): Promise<ProgrammeTheory> {
  await screen.findByTestId("theory-templates", {}, { timeout: 20000 });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: `Brug skabelon: ${title}` }));
  });
  return (TEMPLATES.find((t) => t.title.da === title) ?? template).build();
}

async function goToStep(n: number): Promise<void> {
  // The step tabs name their step (queried directly: role queries are slow in jsdom).
  const tab = screen.getByTestId(`theory-step-tab-${STEPS[n].id}`);
  // (Fluent repeats a tab's content in a hidden span that reserves space for bold text.)
  expect(tab.querySelector(".fui-Tab__content")?.textContent).toMatch(new RegExp(`^${n + 1} ${["Målgruppe", "Slutmål", "Delmål", "Aktiviteter", "Mekanismer"][n]} \\((tomt|ufærdigt|færdigt)\\)$`));
  await act(async () => {
    fireEvent.click(tab);
  });
  expect(screen.getByTestId("theory-step-title").textContent).toBe(STEPS[n].title.da);
}

/** jsdom's Blob has no text(); FileReader works. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(blob);
  });
}

function validationCodes(): string[] {
  return Array.from(screen.getByTestId("theory-validation").querySelectorAll("li[data-code]")).map((li) => li.getAttribute("data-code") as string);
}

function validationText(): string {
  return screen.getByTestId("theory-validation").textContent ?? "";
}

describe("Programteori pane", () => {
  it("offers the templates with their source and 'Start tomt' when the workbook has no theory", async () => {
    renderPane();
    const picker = await screen.findByTestId("theory-templates", {}, { timeout: 20000 });
    for (const t of TEMPLATES) {
      expect(within(picker).getByText(t.title.da)).toBeTruthy();
      expect(within(picker).getByText(t.description.da)).toBeTruthy();
    }
    expect(within(picker).getAllByText(/^Kilde: En effektiv beskæftigelsesindsats for udsatte borgere/).length).toBeGreaterThan(0);
    // The source reads as a reference: title, publisher, year, without parentheses nested in parentheses.
    const sources = within(picker).getAllByText(/^Kilde: /).map((e) => e.textContent ?? "");
    expect(sources).toContain("Kilde: En effektiv beskæftigelsesindsats for udsatte borgere. KL (udarbejdet af New Insight A/S), 2013.");
    for (const line of sources) expect([line, /\([^)]*\(/.test(line)]).toEqual([line, false]);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Start tomt" }));
    });
    // An empty theory: step 1, and validation says there is no final goal yet.
    expect(screen.getByTestId("theory-step-title").textContent).toBe(STEPS[0].title.da);
    expect(validationCodes()).toContain("NO_FINAL_GOAL");
  });

  it("picking a KL template fills every step, with badges telling source items from suggestions", async () => {
    renderPane();
    const theory = await pickTemplate();
    expect(screen.getByTestId("theory-source").textContent).toContain(theory.source?.title ?? "");
    expect((screen.getByLabelText("Navn på målgruppen") as HTMLInputElement).value).toBe(theory.targetGroup.name);
    const lists: [number, { id: string; name: string; origin: string }[]][] = [
      [1, theory.finalGoals],
      [2, theory.subGoals],
      [3, theory.activities],
      [4, theory.mechanisms],
    ];
    for (const [step, items] of lists) {
      await goToStep(step);
      for (const item of items) {
        const card = screen.getByTestId(`theory-item-${item.id}`);
        // (queried by element: role/label queries over the whole pane are slow in jsdom)
        expect((card.querySelector("input") as HTMLInputElement).value).toBe(item.name);
        const badge = card.querySelector("[data-origin]");
        expect(badge?.getAttribute("data-origin")).toBe(item.origin);
        expect(badge?.textContent).toBe(item.origin === "kilde" ? "kilde" : item.origin === "forslag" ? "forslag" : "egen");
      }
    }
    // The template mixes both kinds, and both are shown.
    const origins = new Set([...theory.finalGoals, ...theory.subGoals, ...theory.activities, ...theory.mechanisms].map((i) => i.origin));
    expect(origins.has("kilde") && origins.has("forslag")).toBe(true);
  });

  it("says 'no issues' only when all five steps are done, and shows each step's status on its tab", async () => {
    renderPane();
    await pickTemplate();
    const tabStatus = (id: string) => screen.getByTestId(`theory-step-tab-${id}`).getAttribute("data-status");
    // A KL template leaves the local size of the target group open: step 1 is not done.
    expect(screen.getByTestId("theory-validation-count").textContent).toBe("0 fejl, 1 advarsel 4 af 5 trin er færdige.");
    expect(STEPS.map((st) => tabStatus(st.id))).toEqual(["incomplete", "done", "done", "done", "done"]);
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Størrelse (antal borgere)"), { target: { value: "120" } });
    });
    expect(screen.getByTestId("theory-validation-count").textContent).toBe("Ingen fejl eller advarsler.");
    expect(STEPS.map((st) => tabStatus(st.id))).toEqual(["done", "done", "done", "done", "done"]);
  });

  it("an empty theory is never 'without issues': every empty step is named, and a jump opens the step's list", async () => {
    renderPane();
    const empty = await screen.findByRole("button", { name: "Start tomt" }, { timeout: 20000 });
    await act(async () => {
      fireEvent.click(empty);
    });
    expect(validationCodes()).toEqual(expect.arrayContaining(["NO_FINAL_GOAL", "NO_SUBGOAL", "NO_ACTIVITY", "NO_MECHANISM", "TARGET_GROUP_NO_CHARACTERISTICS"]));
    expect(screen.getByTestId("theory-validation-count").textContent).toMatch(/0 af 5 trin er færdige\.$/);
    expect(STEPS.map((st) => screen.getByTestId(`theory-step-tab-${st.id}`).getAttribute("data-status"))).toEqual(Array(5).fill("empty"));
    const li = screen.getByTestId("theory-validation").querySelector('li[data-code="NO_ACTIVITY"] button') as HTMLButtonElement;
    await act(async () => {
      fireEvent.click(li);
    });
    expect(screen.getByTestId("theory-step-title").textContent).toBe(STEPS[3].title.da);
    // the focus follows the jump to the step's list (it must not stay on the link)
    expect(document.activeElement?.id).toBe("theory-section-aktivitet");
    const kendetegn = screen.getByTestId("theory-validation").querySelector('li[data-code="TARGET_GROUP_NO_CHARACTERISTICS"] button') as HTMLButtonElement;
    await act(async () => {
      fireEvent.click(kendetegn);
    });
    expect(screen.getByTestId("theory-step-title").textContent).toBe(STEPS[0].title.da);
    expect(document.activeElement?.id).toBe("theory-tg-characteristics");
  });

  it("a delmål no activity works towards is reported in step 4, and the jump opens the activities", async () => {
    renderPane();
    const theory = await pickTemplate(TEMPLATES.find((t) => t.id === "kl-unge-helhed")!.title.da);
    // D4 is served by A4 alone.
    expect(theory.links.filter((l) => l.to === "D4" && l.kind === "aktivitet-delmaal").map((l) => l.from)).toEqual(["A4"]);
    await goToStep(3);
    const d4 = theory.subGoals.find((g) => g.id === "D4")!;
    await act(async () => {
      fireEvent.click(within(screen.getByTestId("theory-item-A4")).getByRole("checkbox", { name: `D4 ${d4.name}` }));
    });
    expect(validationText()).toContain(`Ingen aktivitet arbejder hen imod Delmål D4 »${d4.name}«`);
    expect(screen.getByTestId("theory-step-tab-aktiviteter").getAttribute("data-status")).toBe("incomplete");
    await goToStep(0);
    const item = screen.getByTestId("theory-validation").querySelector('li[data-code="SUBGOAL_NO_ACTIVITY"] button') as HTMLButtonElement;
    await act(async () => {
      fireEvent.click(item);
    });
    expect(screen.getByTestId("theory-step-title").textContent).toBe(STEPS[3].title.da);
  });

  it("the size warning disappears when the size is filled in and comes back when it is cleared; text is refused", async () => {
    renderPane();
    const theory = await pickTemplate();
    expect(theory.targetGroup.size).toBeNull();
    expect(validationText()).toContain("Målgruppens størrelse er ikke udfyldt");
    const size = screen.getByLabelText("Størrelse (antal borgere)") as HTMLInputElement;
    // Under the field: the warning alone, not also the hint asking the same question.
    expect(screen.queryByText("Hvor mange borgere er i målgruppen?")).toBeNull();
    await act(async () => {
      fireEvent.change(size, { target: { value: "120" } });
    });
    expect(validationText()).not.toContain("Målgruppens størrelse er ikke udfyldt");
    expect(screen.getByText("Hvor mange borgere er i målgruppen?")).toBeTruthy();
    expect(validationCodes()).not.toContain("TARGET_GROUP_NO_SIZE");
    await act(async () => {
      fireEvent.change(size, { target: { value: "" } });
    });
    expect(validationCodes()).toContain("TARGET_GROUP_NO_SIZE");
    await act(async () => {
      fireEvent.change(size, { target: { value: "mange" } });
    });
    expect(screen.getByText("Skriv et helt tal (antal borgere), fx 120.")).toBeTruthy();
    expect(validationCodes()).toContain("TARGET_GROUP_NO_SIZE");
  });

  it("a new delmål is reported as leading nowhere until it is linked to a slutmål with a checkbox", async () => {
    renderPane();
    const theory = await pickTemplate();
    await goToStep(2);
    const before = validationCodes().filter((c) => c === "SUBGOAL_NO_FINAL_GOAL").length;
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Tilføj delmål" }));
    });
    const newId = `D${theory.subGoals.length + 1}`;
    const card = screen.getByTestId(`theory-item-${newId}`);
    // The new item's name field has the focus, ready for typing.
    expect(document.activeElement).toBe(within(card).getByLabelText("Navn"));
    await act(async () => {
      fireEvent.change(within(card).getByLabelText("Navn"), { target: { value: "Borgeren kan tale om sine mål" } });
    });
    expect(validationText()).toContain(`Delmål ${newId} »Borgeren kan tale om sine mål« fører ikke til et slutmål`);
    expect(validationCodes().filter((c) => c === "SUBGOAL_NO_FINAL_GOAL")).toHaveLength(before + 1);

    const final = theory.finalGoals[0];
    const box = within(card).getByRole("checkbox", { name: `${final.id} ${final.name}` });
    await act(async () => {
      fireEvent.click(box);
    });
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(validationText()).not.toContain(`Delmål ${newId} »Borgeren kan tale om sine mål« fører ikke til et slutmål`);
    expect(validationCodes().filter((c) => c === "SUBGOAL_NO_FINAL_GOAL")).toHaveLength(before);

    // The new delmål can now be served by an activity (step 4 lists it as a checkbox).
    await goToStep(3);
    const a1 = screen.getByTestId(`theory-item-${theory.activities[0].id}`);
    expect(within(a1).getByRole("checkbox", { name: `${newId} Borgeren kan tale om sine mål` })).toBeTruthy();
  });

  it("removing a delmål removes its links: activities no longer offer it and the diagram loses its arrows", async () => {
    renderPane();
    const theory = await pickTemplate();
    const victim = theory.subGoals[0];
    const linksOfVictim = theory.links.filter((l) => l.from === victim.id || l.to === victim.id).length;
    expect(linksOfVictim).toBeGreaterThan(0);
    const servedBy = theory.links.find((l) => l.kind === "aktivitet-delmaal" && l.to === victim.id);
    expect(servedBy).toBeDefined();

    await goToStep(2);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: `Fjern: ${victim.id}` }));
    });
    expect(screen.queryByTestId(`theory-item-${victim.id}`)).toBeNull();

    await goToStep(3);
    const act1 = screen.getByTestId(`theory-item-${servedBy?.from}`);
    expect(within(act1).queryByRole("checkbox", { name: `${victim.id} ${victim.name}` })).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Diagram" }));
    });
    const svg = screen.getByTestId("theory-diagram");
    expect(svg.querySelectorAll("path[data-link]")).toHaveLength(theory.links.length - linksOfVictim);
    expect(svg.querySelector(`[data-box="${victim.id}"]`)).toBeNull();
  });

  it("guided mode walks through KL's five steps in order with their help texts", async () => {
    renderPane();
    await pickTemplate();
    for (let i = 0; i < STEPS.length; i++) {
      expect(screen.getByTestId("theory-step-title").textContent).toBe(STEPS[i].title.da);
      expect(screen.getByTestId("theory-step-status").textContent).toMatch(new RegExp(`^Trin ${i + 1} af 5 · (tomt|ufærdigt|færdigt)$`));
      expect(screen.getByText(STEPS[i].help.da)).toBeTruthy();
      const next = screen.getByText("Næste trin").closest("button") as HTMLButtonElement;
      if (i < STEPS.length - 1) {
        await act(async () => {
          fireEvent.click(next);
        });
      } else {
        expect(next.disabled).toBe(true);
      }
    }
    await act(async () => {
      fireEvent.click(screen.getByText("Forrige trin").closest("button") as HTMLButtonElement);
    });
    expect(screen.getByTestId("theory-step-title").textContent).toBe(STEPS[3].title.da);
    // Free mode shows every part at once (as accordion sections).
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Fri redigering" }));
    });
    // Each header names its step and says how far it has come.
    const headers = Array.from(screen.getByTestId("theory-free").querySelectorAll("button[aria-expanded]")).map((b) => b.textContent);
    expect(headers).toEqual(STEPS.map((st) => expect.stringMatching(new RegExp(`^${st.title.da.replace(".", "\\.")} \\((tomt|ufærdigt|færdigt)\\)$`))));
  });

  it("clicking a validation issue jumps to the item and focuses its name", async () => {
    renderPane();
    const empty = await screen.findByRole("button", { name: "Start tomt" }, { timeout: 20000 });
    await act(async () => {
      fireEvent.click(empty);
    });
    await goToStep(3);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Tilføj aktivitet" }));
    });
    await goToStep(0);
    expect(screen.queryByTestId("theory-item-A1")).toBeNull();
    const issue = screen.getByRole("button", { name: /Aktivitet A1 understøtter intet delmål/ });
    await act(async () => {
      fireEvent.click(issue);
    });
    expect(screen.getByTestId("theory-step-title").textContent).toBe(STEPS[3].title.da);
    expect(document.activeElement).toBe(within(screen.getByTestId("theory-item-A1")).getByLabelText("Navn"));
  });

  it("the diagram has one box per item and one arrow per link, and downloads as an SVG file", async () => {
    renderPane();
    const theory = await pickTemplate();
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Diagram" }));
    });
    const svg = screen.getByTestId("theory-diagram");
    const items = [...theory.finalGoals, ...theory.subGoals, ...theory.activities, ...theory.mechanisms];
    expect(svg.querySelectorAll("[data-box]")).toHaveLength(items.length + 1);
    for (const it of items) expect(svg.querySelector(`[data-box="${it.id}"] rect`)).not.toBeNull();
    expect(svg.querySelectorAll("path[data-link]")).toHaveLength(theory.links.length);
    expect(svg.querySelectorAll("path")).toHaveLength(theory.links.length);
    // Colour per element type.
    const fill = (kind: string) => svg.querySelector(`[data-kind="${kind}"] rect`)?.getAttribute("fill");
    expect(new Set(["maalgruppe", "aktivitet", "delmaal", "slutmaal", "mekanisme"].map(fill)).size).toBe(5);

    const blobs: Blob[] = [];
    const names: string[] = [];
    const url = URL as unknown as { createObjectURL: (b: Blob) => string; revokeObjectURL: (u: string) => void };
    const origCreate = url.createObjectURL;
    const origRevoke = url.revokeObjectURL;
    url.createObjectURL = (b: Blob) => {
      blobs.push(b);
      return "blob:test";
    };
    url.revokeObjectURL = () => undefined;
    jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: "Hent SVG" }));
      });
    } finally {
      jest.runOnlyPendingTimers();
      jest.useRealTimers();
      click.mockRestore();
      url.createObjectURL = origCreate;
      url.revokeObjectURL = origRevoke;
    }
    expect(names).toEqual(["programteori.svg"]);
    expect(blobs[0].type).toContain("image/svg+xml");
    const text = await readBlob(blobs[0]);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain("font-family=\"Calibri");
    expect(text).toContain(theory.finalGoals[0].name.split(" ")[0]);
    // A standalone document: parseable XML with the same number of arrows.
    const doc = new DOMParser().parseFromString(text.replace(/^<\?xml[^>]*>\s*/, ""), "image/svg+xml");
    expect(doc.querySelector("parsererror")).toBeNull();
    expect(doc.querySelectorAll("path")).toHaveLength(theory.links.length);
  });

  it("saving writes both sheets to the workbook (draft with errors allowed) in at most 4 syncs", async () => {
    renderPane();
    const theory = await pickTemplate();
    await goToStep(2);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Tilføj delmål" }));
    });
    expect(validationCodes()).toContain("EMPTY_NAME");
    expect(screen.getByText(/Du kan gemme en kladde, selvom der er fejl/)).toBeTruthy();
    expect(screen.getByTestId("theory-unsaved")).toBeTruthy();
    wb.resetSyncCount();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Gem i projektmappen" }));
    });
    await screen.findByText(`Gemt i arkene "${THEORY_SHEET_NAME}" og "${DIAGRAM_SHEET_NAME}".`);
    expect(screen.queryByTestId("theory-unsaved")).toBeNull();
    // 4 to write new sheets, after the save-conflict check read the sheet (1 sync: there is none yet; issue 9),
    // then the Overblik's record of the part (1 sync, src/excel/partRecords.ts)
    expect(wb.syncCount).toBeLessThanOrEqual(4 + 1 + 1);
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(["Borgere", "Noter", THEORY_SHEET_NAME, DIAGRAM_SHEET_NAME]));
    const sheet = wb.getSheet(THEORY_SHEET_NAME) as PreviewSheet;
    const { rowCount, columnCount } = sheet.usedExtent();
    const cells: string[] = [];
    for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) cells.push(String(sheet.getCell(r, c)?.value ?? ""));
    expect(cells).toContain(theory.targetGroup.name);
    expect(cells).toContain(`D${theory.subGoals.length + 1}`);
    const diagram = wb.getSheet(DIAGRAM_SHEET_NAME) as PreviewSheet;
    expect(diagram.shapes.filter((s) => s.type === "GeometricShape").length).toBe(
      theory.finalGoals.length + theory.subGoals.length + 1 + theory.activities.length + theory.mechanisms.length + 1,
    );
    expect(screen.queryByTestId("theory-shapes-fallback")).toBeNull();
  });

  it("without shape support (ExcelApi below 1.9) says so and saves the diagram as cells", async () => {
    wb.apiVersion = "1.8";
    renderPane();
    await pickTemplate();
    expect(screen.getByTestId("theory-shapes-fallback").textContent).toContain("ExcelApi 1.9");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Gem i projektmappen" }));
    });
    await screen.findByText(/Gemt i arkene/);
    const diagram = wb.getSheet(DIAGRAM_SHEET_NAME) as PreviewSheet;
    expect(diagram.shapes).toHaveLength(0);
    expect(diagram.usedExtent().rowCount).toBeGreaterThan(3);
  });

  it("opens with the theory from the sheet, shows bad cells with their address, and 'Læs fra arket' picks up edits", async () => {
    const theory = template.build();
    await saveTheory(wb.run.bind(wb), theory, "da", { shapes: true });
    const sheet = wb.getSheet(THEORY_SHEET_NAME) as PreviewSheet;
    // Find the size value cell beside its label, as a user would.
    let sizeRow = -1;
    for (let r = 0; r < sheet.usedExtent().rowCount; r++) if (sheet.getCell(r, 0)?.value === "Størrelse (antal borgere)") sizeRow = r;
    expect(sizeRow).toBeGreaterThan(0);
    wb.setCellByUser(THEORY_SHEET_NAME, sizeRow, 1, "mange");

    renderPane();
    await screen.findByText(`Programteorien er læst fra arket "${THEORY_SHEET_NAME}".`, {}, { timeout: 20000 });
    expect((screen.getByLabelText("Navn på målgruppen") as HTMLInputElement).value).toBe(theory.targetGroup.name);
    expect(validationText()).toContain(`${THEORY_SHEET_NAME}!B${sizeRow + 1}`);
    expect(validationText()).toContain("mange");

    // Nothing unsaved right after reading; an edit in the pane is marked "Ikke gemt".
    expect(screen.queryByTestId("theory-unsaved")).toBeNull();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Navn på målgruppen"), { target: { value: "Rettet i ruden" } });
    });
    expect(screen.getByTestId("theory-unsaved").textContent).toBe("Ikke gemt");

    // Reading the sheet again would discard that edit, so the pane asks first.
    wb.setCellByUser(THEORY_SHEET_NAME, sizeRow, 1, "75");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Læs fra arket" }));
    });
    expect(screen.getByText(/Ændringer i ruden, som ikke er gemt, forsvinder/)).toBeTruthy();
    expect((screen.getByLabelText("Navn på målgruppen") as HTMLInputElement).value).toBe("Rettet i ruden");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Læs alligevel" }));
    });
    await waitFor(() => expect((screen.getByLabelText("Navn på målgruppen") as HTMLInputElement).value).toBe(theory.targetGroup.name));
    expect(screen.queryByTestId("theory-unsaved")).toBeNull();
    await waitFor(() => expect((screen.getByLabelText("Størrelse (antal borgere)") as HTMLInputElement).value).toBe("75"));
    expect(validationText()).not.toContain("mange");
    expect(validationCodes()).not.toContain("TARGET_GROUP_NO_SIZE");
  });

  it("a user's own sheet called Programteori is reported, never overwritten", async () => {
    wb.addSheetDirect(THEORY_SHEET_NAME);
    wb.setValues(THEORY_SHEET_NAME, "A1", [["Mødereferat"], ["Punkt 1"]]);
    renderPane();
    await screen.findByText(`Programteorien er læst fra arket "${THEORY_SHEET_NAME}".`, {}, { timeout: 20000 });
    expect(validationCodes()).toContain("SHEET_NOT_THEORY");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Gem i projektmappen" }));
    });
    const message = await screen.findByText(new RegExp(`Arket "${THEORY_SHEET_NAME}" findes allerede og er ikke oprettet af Virkning`));
    expect(message.closest("[data-testid=error-bar]")).not.toBeNull();
    expect(wb.getSheet(THEORY_SHEET_NAME)?.getCell(0, 0)?.value).toBe("Mødereferat");
    expect(wb.sheetNames()).not.toContain(DIAGRAM_SHEET_NAME);
  });

  it("a slutmål indicator offers the statuses as the workbook's case data spell them when a comparison exists", async () => {
    wb.setSettingDirect(
      "virkning.comparison",
      JSON.stringify({ version: 2, active: "A", analyses: [{ name: "A", statusClasses: { "Kth. i praktik": "valid", "Jobparat (visiteret)": "valid", Fraflyttet: "movedAway" } }] }),
    );
    renderPane();
    const empty = await screen.findByRole("button", { name: "Start tomt" }, { timeout: 20000 });
    await act(async () => {
      fireEvent.click(empty);
    });
    await goToStep(1);
    await act(async () => {
      fireEvent.click(screen.getByText("Tilføj slutmål").closest("button") as HTMLButtonElement);
    });
    const s1 = screen.getByTestId("theory-item-S1");
    await act(async () => {
      fireEvent.click(within(s1).getByText("Tilføj indikator").closest("button") as HTMLButtonElement);
    });
    await within(s1).findByText("Statusser, der tæller som nået (som de står i sagsdataene i Sammenligning)");
    expect(within(s1).getByRole("checkbox", { name: "Kth. i praktik" })).toBeTruthy();
    expect(within(s1).getByRole("checkbox", { name: "Jobparat (visiteret)" })).toBeTruthy();
    // Not a valid status in the data (moved away), and not the standard list's spellings.
    expect(within(s1).queryByRole("checkbox", { name: "Fraflyttet" })).toBeNull();
    expect(within(s1).queryByRole("checkbox", { name: "Ordinær beskæftigelse" })).toBeNull();
  });

  it("from empty: goals with indicators, reordering, activities and mechanisms with category and attachments", async () => {
    renderPane();
    const empty = await screen.findByRole("button", { name: "Start tomt" }, { timeout: 20000 });
    await act(async () => {
      fireEvent.click(empty);
    });
    const clickText = async (label: string): Promise<void> => {
      await act(async () => {
        fireEvent.click(screen.getByText(label).closest("button") as HTMLButtonElement);
      });
    };
    const typeName = async (id: string, name: string): Promise<void> => {
      await act(async () => {
        fireEvent.change(document.getElementById(`theory-name-${id}`) as HTMLInputElement, { target: { value: name } });
      });
    };

    // Step 2: two slutmål; the second is moved above the first.
    await goToStep(1);
    await clickText("Tilføj slutmål");
    await typeName("S1", "Uddannelse");
    await clickText("Tilføj slutmål");
    await typeName("S2", "Ordinært job");
    expect(validationCodes()).not.toContain("NO_FINAL_GOAL");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Flyt op: S2" }));
    });
    const order = () => Array.from(document.querySelectorAll("[data-testid^=theory-item-S]")).map((e) => e.getAttribute("data-testid"));
    expect(order()).toEqual(["theory-item-S2", "theory-item-S1"]);

    // An indicator on S2: without statuses it is incomplete; one status makes it complete.
    const s2 = screen.getByTestId("theory-item-S2");
    expect(validationText()).toContain("Slutmål S2 »Ordinært job« har ingen indikator");
    await act(async () => {
      fireEvent.click(within(s2).getByText("Tilføj indikator").closest("button") as HTMLButtonElement);
    });
    expect(validationText()).not.toContain("Slutmål S2 »Ordinært job« har ingen indikator");
    expect(within(s2).getByRole("checkbox", { name: "18 mdr." })).toBeTruthy();
    expect(validationText()).toContain("Indikatoren for Slutmål S2 »Ordinært job« er ufuldstændig");
    // The default: forsørgelsesstatus at 6, 12 and 18 months; the statuses are picked from the standard list.
    expect((within(s2).getByRole("checkbox", { name: "6 mdr." }) as HTMLInputElement).checked).toBe(true);
    expect((within(s2).getByRole("checkbox", { name: "0 mdr." }) as HTMLInputElement).checked).toBe(false);
    await act(async () => {
      fireEvent.click(within(s2).getByRole("checkbox", { name: "Ordinær beskæftigelse" }));
    });
    expect(validationText()).not.toContain("Indikatoren for Slutmål S2 »Ordinært job« er ufuldstændig");

    // Step 3 and 4: a delmål leading to S2, an activity serving it.
    await goToStep(2);
    await clickText("Tilføj delmål");
    await typeName("D1", "Borgeren kan møde stabilt");
    await act(async () => {
      fireEvent.click(within(screen.getByTestId("theory-item-D1")).getByRole("checkbox", { name: "S2 Ordinært job" }));
    });
    // S1 is now the one final goal no delmål leads to.
    expect(validationText()).toContain("Intet delmål fører til Slutmål S1 »Uddannelse«");
    await act(async () => {
      fireEvent.click(within(screen.getByTestId("theory-item-D1")).getByRole("checkbox", { name: "S1 Uddannelse" }));
    });
    expect(validationCodes()).not.toContain("FINAL_GOAL_NO_SUBGOAL");
    await goToStep(3);
    await clickText("Tilføj aktivitet");
    await typeName("A1", "Virksomhedspraktik");
    expect(validationCodes()).toContain("ACTIVITY_NO_SUBGOAL");
    await act(async () => {
      fireEvent.click(within(screen.getByTestId("theory-item-A1")).getByRole("checkbox", { name: "D1 Borgeren kan møde stabilt" }));
    });
    expect(validationCodes()).not.toContain("ACTIVITY_NO_SUBGOAL");

    // Step 5: a mechanism needs a category; attach it to the activity and to the link A1 → D1.
    await goToStep(4);
    await clickText("Tilføj mekanisme");
    await typeName("M1", "Tæt virksomhedskontakt");
    expect(validationCodes()).toContain("MECHANISM_NO_CATEGORY");
    const m1 = screen.getByTestId("theory-item-M1");
    await act(async () => {
      fireEvent.change(within(m1).getByRole("combobox"), { target: { value: "organisatoriske rammer" } });
    });
    expect(validationCodes()).not.toContain("MECHANISM_NO_CATEGORY");
    await act(async () => {
      fireEvent.click(within(m1).getByRole("checkbox", { name: "A1 Virksomhedspraktik" }));
    });
    await act(async () => {
      fireEvent.click(within(m1).getByRole("checkbox", { name: "A1 Virksomhedspraktik → D1 Borgeren kan møde stabilt" }));
    });
    // Only warnings are left (no size, no target-group name, indicators on S1 and D1).
    expect(screen.getByTestId("theory-validation").querySelectorAll('li[data-severity="error"]')).toHaveLength(0);
    expect(screen.getByTestId("theory-validation-count").textContent).toMatch(/^0 fejl, \d+ advarsl/);

    // The diagram shows the mechanism on the activity and on the arrow.
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Diagram" }));
    });
    const svg = screen.getByTestId("theory-diagram");
    expect(svg.querySelector('[data-box="A1"]')?.textContent).toContain("(M1)");
    expect(svg.querySelector('[data-box="M1"]')?.textContent).toContain("Tæt virksomhedskontakt");
    expect(svg.querySelectorAll("path[data-link]")).toHaveLength(3);
    expect(Array.from(svg.querySelectorAll("[data-connector] text")).map((t) => t.textContent)).toContain("M1");
  });

  it("offers KL's mechanisms and example activities to pick, and focuses what was added", async () => {
    renderPane();
    const empty = await screen.findByRole("button", { name: "Start tomt" }, { timeout: 20000 });
    await act(async () => {
      fireEvent.click(empty);
    });
    await goToStep(4);
    const mechSelect = screen.getByTestId("theory-catalogue-mekanisme") as HTMLSelectElement;
    const groups = Array.from(mechSelect.querySelectorAll("optgroup")).map((g) => [g.label, g.querySelectorAll("option").length]);
    expect(groups).toEqual([
      ["Udsatte unge (KL)", 8],
      ["Udsatte borgere over 30 år (KL)", 8],
    ]);
    expect(mechSelect.textContent).toContain("Fleksibilitet og tilgængelighed for borgeren (ressourcer)");
    await act(async () => {
      fireEvent.change(mechSelect, { target: { value: "over30-m6" } });
    });
    const m1 = screen.getByTestId("theory-item-M1");
    expect((document.getElementById("theory-name-M1") as HTMLInputElement).value).toBe("Fleksibilitet og tilgængelighed for borgeren");
    expect((within(m1).getByRole("combobox") as HTMLSelectElement).value).toBe("ressourcer");
    expect(m1.querySelector("[data-origin]")?.getAttribute("data-origin")).toBe("kilde");
    await waitFor(() => expect(document.activeElement?.id).toBe("theory-name-M1"));
    // What is in the theory is not offered again.
    expect(mechSelect.querySelectorAll("option[value=over30-m6]")).toHaveLength(0);

    await goToStep(3);
    const actSelect = screen.getByTestId("theory-catalogue-aktivitet") as HTMLSelectElement;
    expect(actSelect.querySelectorAll('optgroup[label="Udsatte unge (KL)"] option')).toHaveLength(10);
    await act(async () => {
      fireEvent.change(actSelect, { target: { value: "unge-a7" } });
    });
    expect((document.getElementById("theory-name-A1") as HTMLInputElement).value).toBe("Vejledning om personlig optræden og hygiejne");
  });

  it("undoes and redoes a deletion (with its links) and typing; focus goes to the neighbour of what was deleted", async () => {
    renderPane();
    const theory = await pickTemplate();
    await goToStep(2);
    const victim = theory.subGoals[1];
    const next = theory.subGoals[2];
    const linkCount = () => screen.getByTestId("theory-guided").querySelectorAll("input[type=checkbox]:checked").length;
    const checkedBefore = linkCount();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: `Fjern: ${victim.id}` }));
    });
    expect(screen.queryByTestId(`theory-item-${victim.id}`)).toBeNull();
    const links = theory.links.filter((l) => l.from === victim.id || l.to === victim.id).length;
    expect(screen.getByTestId("theory-status").textContent).toContain(`Delmål ${victim.id} »${victim.name}« er slettet sammen med ${links} sammenhænge.`);
    expect(document.activeElement?.id).toBe(`theory-name-${next.id}`);
    // "Fortryd" in the message brings the item back with every link.
    await act(async () => {
      fireEvent.click(within(screen.getByTestId("theory-status")).getByRole("button", { name: "Fortryd" }));
    });
    expect(screen.getByTestId(`theory-item-${victim.id}`)).toBeTruthy();
    expect(linkCount()).toBe(checkedBefore);
    // Redo (Ctrl+Y) deletes it again, undo (Ctrl+Z) restores it.
    await act(async () => {
      fireEvent.keyDown(screen.getByTestId("theory-pane"), { key: "y", ctrlKey: true });
    });
    expect(screen.queryByTestId(`theory-item-${victim.id}`)).toBeNull();
    await act(async () => {
      fireEvent.keyDown(screen.getByTestId("theory-pane"), { key: "z", ctrlKey: true });
    });
    expect(screen.getByTestId(`theory-item-${victim.id}`)).toBeTruthy();

    // Typing a name is one step to undo, however many keystrokes it took.
    const name = document.getElementById(`theory-name-${next.id}`) as HTMLInputElement;
    for (const v of ["B", "Bo", "Bor"]) {
      await act(async () => {
        fireEvent.change(name, { target: { value: v } });
      });
    }
    await act(async () => {
      fireEvent.click(screen.getByTestId("theory-undo"));
    });
    expect((document.getElementById(`theory-name-${next.id}`) as HTMLInputElement).value).toBe(next.name);
    await act(async () => {
      fireEvent.click(screen.getByTestId("theory-redo"));
    });
    expect((document.getElementById(`theory-name-${next.id}`) as HTMLInputElement).value).toBe("Bor");
    // Deleting the last item of a list sends the focus to "Tilføj …".
    await goToStep(1);
    for (const g of theory.finalGoals) {
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: `Fjern: ${g.id}` }));
      });
    }
    expect(document.activeElement?.id).toBe("theory-add-slutmaal");
  });

  it("moves the focus to what was created and to the heading of a new step", async () => {
    renderPane();
    const empty = await screen.findByRole("button", { name: "Start tomt" }, { timeout: 20000 });
    await act(async () => {
      fireEvent.click(empty);
    });
    // "Tilføj linje" (kendetegn): the new line.
    const kendetegn = document.getElementById("theory-tg-characteristics") as HTMLElement;
    await act(async () => {
      fireEvent.click(within(kendetegn).getByText("Tilføj linje").closest("button") as HTMLButtonElement);
    });
    expect(document.activeElement).toBe(within(kendetegn).getByLabelText("Kendetegn 1"));
    // "Næste trin": the heading of step 2.
    await act(async () => {
      fireEvent.click(screen.getByText("Næste trin").closest("button") as HTMLButtonElement);
    });
    expect(document.activeElement?.textContent).toBe(STEPS[1].title.da);
    // "Tilføj slutmål": its name; "Tilføj indikator": the indicator's name.
    await act(async () => {
      fireEvent.click(screen.getByText("Tilføj slutmål").closest("button") as HTMLButtonElement);
    });
    expect(document.activeElement?.id).toBe("theory-name-S1");
    await act(async () => {
      fireEvent.click(within(screen.getByTestId("theory-item-S1")).getByText("Tilføj indikator").closest("button") as HTMLButtonElement);
    });
    expect(document.activeElement?.id).toBe("theory-indicator-name-S1");
  });

  it("offers unsaved work back after the pane was closed, from a draft outside the workbook", async () => {
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <LangProvider lang="da">
          <TheoryPane />
        </LangProvider>
      </FluentProvider>,
    );
    await pickTemplate();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Navn på målgruppen"), { target: { value: "Kladdens målgruppe" } });
    });
    // The draft is written shortly after the last edit.
    await waitFor(() => expect(localStorage.length).toBe(1), { timeout: 3000 });
    unmount();
    // Excel closed the pane: the in-memory state is gone (a fresh workbook object stands for that here).
    wb = createPreviewWorkbook({ sample: true });
    globalThis.__virkningPreview = wb;
    renderPane();
    const offer = await screen.findByTestId("theory-draft-offer", {}, { timeout: 20000 });
    expect(offer.textContent).toMatch(/Der er en kladde fra .* som ikke blev gemt i projektmappen/);
    await act(async () => {
      fireEvent.click(within(offer).getByRole("button", { name: "Gendan kladden" }));
    });
    expect((screen.getByLabelText("Navn på målgruppen") as HTMLInputElement).value).toBe("Kladdens målgruppe");
    expect(screen.getByTestId("theory-unsaved")).toBeTruthy();
    // Saving clears the draft.
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Gem i projektmappen" }));
    });
    await screen.findByText(/Gemt i arkene/, {}, { timeout: 20000 });
    expect([localStorage.length, localStorage.key(0), screen.queryByTestId("theory-unsaved")]).toEqual([0, null, null]);
  });

  it("keeps unsaved work when the user switches to another pane and back", async () => {
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <LangProvider lang="da">
          <TheoryPane />
        </LangProvider>
      </FluentProvider>,
    );
    await pickTemplate();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Navn på målgruppen"), { target: { value: "Vores egen målgruppe" } });
    });
    unmount();
    renderPane();
    expect((screen.getByLabelText("Navn på målgruppen") as HTMLInputElement).value).toBe("Vores egen målgruppe");
    expect(screen.getByTestId("theory-unsaved")).toBeTruthy();
  });

  it("speaks English when asked", async () => {
    renderPane("en");
    await screen.findByTestId("theory-templates", {}, { timeout: 20000 });
    expect(screen.getByRole("button", { name: "Start empty" })).toBeTruthy();
    expect(screen.getByText(TEMPLATES[0].title.en)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Start empty" }));
    });
    // The steps keep the Danish domain words, like the rest of the pane.
    expect(screen.getByTestId("theory-step-title").textContent).toBe("1. Målgruppe (target group)");
    expect(screen.getByTestId("theory-step-status").textContent).toBe("Step 1 of 5 · empty");
    expect(screen.getByText(STEPS[0].help.en)).toBeTruthy();
  });
});

describe("save conflict (issue 9)", () => {
  it("an edit made on the sheet since the pane read it is named; the user keeps the sheet's version, or the pane's", async () => {
    const run = wb.run.bind(wb);
    const theory = TEMPLATES[0].build();
    await saveTheory(run, theory, "da", { shapes: true });
    renderPane();
    await screen.findByText(`Programteorien er læst fra arket "${THEORY_SHEET_NAME}".`, {}, { timeout: 20000 });
    wb.setCellByUser(THEORY_SHEET_NAME, 2, 8, "Husk: drøftes på teammødet");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Gem i projektmappen" }));
    });
    const box = await screen.findByTestId("theory-save-conflict");
    expect(box.textContent).toContain('Arket "Programteori" er ændret, siden panelet læste det: Programteori!I3.');
    expect(wb.getSheet(THEORY_SHEET_NAME)?.getCell(2, 8)?.value).toBe("Husk: drøftes på teammødet");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Annullér" }));
    });
    expect(screen.queryByTestId("theory-save-conflict")).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Gem i projektmappen" }));
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole("button", { name: "Behold panelets version (overskriv arket)" }));
    });
    await waitFor(() => expect(wb.getSheet(THEORY_SHEET_NAME)?.getCell(2, 8)?.value ?? null).toBeNull());
  });
});
