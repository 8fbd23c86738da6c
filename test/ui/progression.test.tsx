/**
 * The Progression pane against the preview workbook (jsdom): make the measurement sheet from the saved
 * KL theory for typed citizens, fill scores, compute, and see bad entries named by their cell.
 */
import * as React from "react";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { renderInPane } from "./renderInPane";
import ProgressionPane from "../../src/taskpane/progression/ProgressionPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { saveTheory } from "../../src/excel/theoryStore";
import { TEMPLATES } from "../../src/core/theory/templates";
import { MEASUREMENT_SHEET_NAME, PROGRESSION_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { loadProgressionSettings } from "../../src/excel/progressionStore";

jest.setTimeout(60000);

let wb: PreviewWorkbook;
const theory = TEMPLATES[0].build();
const items = scaleItems(theory);

beforeEach(async () => {
  wb = createPreviewWorkbook({ sample: true });
  globalThis.__virkningPreview = wb;
  await saveTheory(wb.run.bind(wb), theory, "da", { shapes: true });
});

afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

async function renderPane(): Promise<void> {
  renderInPane(<ProgressionPane />);
  await screen.findByTestId("progression-items");
}

function rowOf(citizen: string, round: number): number {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let r = 4; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 0)?.value === citizen && s.getCell(r, 2)?.value === round) return r;
  throw new Error("row not found");
}

async function makeSheet(ids: string[]): Promise<void> {
  await renderPane();
  expect(screen.getByTestId("progression-items").textContent).toBe(`${items.length} delmål med skala i programteorien: ${items.map((i) => i.id).join(", ")}.`);
  fireEvent.change(screen.getByLabelText(/Borger-ID'er/), { target: { value: ids.join("\n") } });
  fireEvent.change(screen.getByLabelText("Startdato (runde 1)"), { target: { value: "05-01-2026" } });
  fireEvent.click(screen.getByRole("button", { name: "Lav målingsark" }));
  await screen.findByTestId("progression-report");
}

test("makes the measurement sheet for typed citizens and computes the progression", async () => {
  const ids = ["K1;Indsats", "K2;Kontrol", "K3;Indsats", "K4;Kontrol"];
  await makeSheet(ids);
  expect(screen.getByTestId("progression-report").textContent).toContain("Målingsarket har 32 rækker");
  ["K1", "K2", "K3", "K4"].forEach((id, i) => {
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(id, 1), 6, items[0].labels[0]);
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(id, 2), 6, items[0].labels[1 + (i % 3)]);
  });
  fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
  const result = await screen.findByTestId("progression-result");
  expect(result.textContent).toContain("Resultaterne står i arket Progression.");
  expect(result.textContent).toContain(`${items[0].id}: 4 af 4 forbedret, p = `);
  expect(wb.getSheet(PROGRESSION_SHEET_NAME)).toBeDefined();
  await waitFor(async () => expect(await loadProgressionSettings(wb.run.bind(wb))).toMatchObject({ sheet: MEASUREMENT_SHEET_NAME, testPolicy: "auto" }));
});

test("a score typed as text is named by its cell, and no results sheet is written", async () => {
  await makeSheet(["K1;Indsats", "K2;Kontrol"]);
  wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf("K2", 1), 6, "godt");
  fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
  const alert = await screen.findByTestId("error-bar");
  expect(alert.textContent).toContain(`Cellen ${MEASUREMENT_SHEET_NAME}!G${rowOf("K2", 1) + 1} ("godt") er tekst`);
  expect(wb.getSheet(PROGRESSION_SHEET_NAME)).toBeUndefined();
});

test("without scale delmål in the theory the pane says what to do and offers no sheet", async () => {
  const bare = { ...theory, subGoals: theory.subGoals.map((g) => ({ ...g, indicator: undefined })) };
  await saveTheory(wb.run.bind(wb), bare, "da", { shapes: true });
  await renderPane();
  expect(screen.getByTestId("progression-items").textContent).toMatch(/ingen delmål med en skala/);
  expect((screen.getByRole("button", { name: "Lav målingsark" }) as HTMLButtonElement).disabled).toBe(true);
});

test("after the theory changes, the pane says which delmål are new or gone and that entries are kept", async () => {
  await makeSheet(["K1;Indsats"]);
  const base = theory.subGoals.find((g) => g.indicator?.reached.kind === "scale")!;
  const changed = { ...theory, subGoals: [...theory.subGoals.filter((g) => g.id !== items[1].id), { id: "D9", name: "Borgeren kan bede om hjælp", description: "", origin: "bruger" as const, indicator: base.indicator }] };
  await saveTheory(wb.run.bind(wb), changed, "da", { shapes: true });
  cleanup();
  await renderPane();
  const warning = await screen.findByTestId("progression-theory-changed");
  expect(warning.textContent).toContain("nye delmål: D9");
  expect(warning.textContent).toContain(`fjernede delmål: ${items[1].id}`);
  expect(screen.getByRole("button", { name: "Opdater målingsark" })).toBeDefined();
});

test("the ANCOVA option: checked, computed, stored, and the Progression sheet shows the adjusted difference beside the unadjusted", async () => {
  const ids = Array.from({ length: 24 }, (_, i) => `K${i + 1};${i % 2 === 0 ? "Indsats" : "Kontrol"}`);
  await makeSheet(ids);
  ids.forEach((entry, i) => {
    const id = entry.split(";")[0];
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(id, 1), 6, items[0].labels[i % 3]);
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(id, 2), 6, items[0].labels[Math.min(items[0].labels.length - 1, (i % 3) + (i % 2 === 0 ? 2 : (i >> 2) % 2))]);
  });
  const box = screen.getByLabelText(/Justeret analyse \(ANCOVA\)/) as HTMLInputElement;
  expect(box.checked).toBe(false);
  fireEvent.click(box);
  expect(box.checked).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
  await screen.findByTestId("progression-result");
  const sheet = wb.getSheet(PROGRESSION_SHEET_NAME)!;
  let head = -1;
  for (let r = 0; r < sheet.usedExtent().rowCount && head < 0; r++) if (sheet.getCell(r, 0)?.value === "Justeret analyse (ANCOVA, lineær regression)") head = r;
  expect(head).toBeGreaterThan(0);
  expect(sheet.getCell(head + 1, 0)?.value).toBe("Score ved runde 2, justeret for score ved runde 1");
  let row = head;
  while (sheet.getCell(row, 0)?.value !== `${items[0].id}: ${items[0].name}`) row++;
  expect(sheet.getCell(row - 1, 5)?.value).toBe("Forskel i gennemsnit, justeret");
  // the adjusted difference is a number (indsats scored 2 steps up from round 1, kontrol 0 or 1)
  expect(typeof sheet.getCell(row, 5)?.value).toBe("number");
  expect(sheet.getCell(row, 5)?.value as number).toBeGreaterThan(1);
  expect(sheet.getCell(row, 10)?.value).toBe(24);
  await waitFor(async () => expect(await loadProgressionSettings(wb.run.bind(wb))).toMatchObject({ adjustForBaseline: true }));
});

test("the ANCOVA option is off and disabled while the groups are not compared", async () => {
  await renderPane();
  fireEvent.click(screen.getByLabelText("Sammenlign indsatsgruppe og kontrolgruppe"));
  const box = screen.getByLabelText(/Justeret analyse \(ANCOVA\)/) as HTMLInputElement;
  expect(box.disabled).toBe(true);
  expect(box.checked).toBe(false);
});
