/**
 * The Registeropfølgning pane against the preview workbook with the weekly sample (jsdom): the sheet and its
 * columns are found by header text, "Beregn" writes both sheets and shows the headline and the status codes
 * without a class; a field typed wrong is named beside the field and nothing is written; a CPR number in the
 * data is refused naming the cell; "Kør igen" appears with stored settings and uses them.
 */
import * as React from "react";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { renderInPane } from "./renderInPane";
import RegisterPane from "../../src/taskpane/register/RegisterPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { WEEKLY_SHEET } from "../../src/preview/sampleData";
import { loadRegisterSettings, MAPPING_SHEET_NAME, REGISTER_SHEET_NAME } from "../../src/excel/registerStore";

jest.setTimeout(60000);

let wb: PreviewWorkbook;

beforeEach(() => {
  wb = createPreviewWorkbook({ sample: true, weekly: true });
  globalThis.__virkningPreview = wb;
});

afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

async function renderPane(): Promise<void> {
  renderInPane(<RegisterPane />);
  await screen.findByTestId("register-layout");
}

const select = (label: string): HTMLSelectElement => screen.getByLabelText(label) as HTMLSelectElement;

test("finds Ugedata and its columns, computes, and shows the headline and the codes without a class", async () => {
  await renderPane();
  expect(select("Ark med ugedata").value).toBe(WEEKLY_SHEET);
  expect(screen.getByTestId("register-layout").textContent).toBe("Dataformat: bred (én række pr. borger, 104 ugekolonner).");
  expect([select("Borger-ID").value, select("Gruppe").value, select("Startuge").value, select("Stratum (valgfrit)").value]).toEqual(["ID", "Gruppe", "Startuge", ""]);
  fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
  const result = await screen.findByTestId("register-result");
  expect(result.textContent).toContain(`Resultaterne står i arket ${REGISTER_SHEET_NAME}, statuskodernes klasser i arket ${MAPPING_SHEET_NAME}.`);
  // the pane says what the sheet's headline says (weeks gained, from column D of the headline row)
  const sheet = wb.getSheet(REGISTER_SHEET_NAME)!;
  let headline = -1;
  for (let r = 0; r < 20; r++) if (String(sheet.getCell(r, 0)?.value ?? "").startsWith("Uger vundet i selvforsørgelse")) headline = r;
  const gained = sheet.getCell(headline, 3)?.value as number;
  expect(result.textContent).toContain(`Uger vundet i selvforsørgelse: ${gained.toFixed(1).replace(".", ",")} (95 % KI `);
  expect(within(result).getByTestId("register-unmapped").textContent).toMatch(/^11 statuskoder uden valgt klasse \(forslaget bruges\): Kontanthjælp, \(tom celle\), /);
  expect(screen.getByRole("button", { name: "Kør igen" })).toBeDefined();
  await waitFor(async () => expect((await loadRegisterSettings(wb.run.bind(wb)))?.columns).toEqual({ id: "ID", group: "Gruppe", start: "Startuge" }));
});

test("a period typed wrong is named beside its field, and nothing is written", async () => {
  await renderPane();
  fireEvent.change(screen.getByLabelText("Perioder (uger)"), { target: { value: "26-1" } });
  fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
  expect(await screen.findByText("Vinduet 26-1 skal gå fra en uge til en senere uge (uge 1 til 1000).")).toBeDefined();
  expect(wb.sheetNames()).toEqual(["Borgere", "Noter", WEEKLY_SHEET]);
});

test("a CPR number in the data is refused naming the cell, nothing written", async () => {
  wb.setValues(WEEKLY_SHEET, "A5", [["010190-1234"]]);
  await renderPane();
  fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
  const alert = await screen.findByTestId("error-bar");
  expect(alert.textContent).toContain(`Arket "${WEEKLY_SHEET}", celle A5: ID'et ligner et CPR-nummer`);
  expect(alert.textContent).not.toContain("010190");
  expect(wb.sheetNames()).toEqual(["Borgere", "Noter", WEEKLY_SHEET]);
});

test("with stored settings the pane offers Kør igen, which uses them (one date for all)", async () => {
  await renderPane();
  fireEvent.click(screen.getByLabelText("Én dato for alle"));
  fireEvent.change(screen.getByLabelText("Startdato eller -uge"), { target: { value: "2024-W10" } });
  fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
  await screen.findByTestId("register-result");
  const stored = await loadRegisterSettings(wb.run.bind(wb));
  expect(stored?.start).toEqual({ rule: "date", date: "2024-W10" });
  // a new pane (reopened workbook): restored settings, Kør igen
  cleanup();
  await renderPane();
  expect(screen.getByText(/Gemte indstillinger fundet \(ugedata i arket "Ugedata"\)/)).toBeDefined();
  expect((screen.getByLabelText("Startdato eller -uge") as HTMLInputElement).value).toBe("2024-W10");
  fireEvent.click(screen.getByRole("button", { name: "Kør igen" }));
  expect((await screen.findByTestId("register-result")).textContent).toContain("Uger vundet i selvforsørgelse");
});

test("a workbook without weekly data: the pane says what a weekly sheet looks like", async () => {
  wb = createPreviewWorkbook({ sample: true });
  globalThis.__virkningPreview = wb;
  renderInPane(<RegisterPane />);
  expect((await screen.findByTestId("register-not-weekly")).textContent).toMatch(/^Arket ligner ikke ugedata/);
  expect(select("Ark med ugedata").value).toBe("Borgere");
});

test("in English (Office in English): the same pane in English, the sheets' Danish names kept", async () => {
  renderInPane(<RegisterPane />, "en");
  expect((await screen.findByTestId("register-layout")).textContent).toBe("Data layout: wide (one row per citizen, 104 week columns).");
  expect(select("Citizen ID").value).toBe("ID");
  fireEvent.click(screen.getByRole("button", { name: "Calculate" }));
  const result = await screen.findByTestId("register-result");
  expect(result.textContent).toContain(`The results are on the sheet ${REGISTER_SHEET_NAME}, the status codes' classes on the sheet ${MAPPING_SHEET_NAME}.`);
  expect(result.textContent).toMatch(/Weeks gained in self-support: \d+\.\d \(95 % CI /);
});
