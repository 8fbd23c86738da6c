/**
 * The Progression pane's step 3, "Virkningskæden i data", against the preview workbook (jsdom): after the
 * theory, the comparison and a scored measurement sheet exist, one button writes the chain sheet and its
 * diagram and says how many links the data support, counted as on the sheet; on a host without shapes
 * only the table sheet is made and the message says so; a refusal shows in the section's own error bar,
 * in Danish, and writes nothing. Every word the test looks for comes from the one dictionary (TERMS) or
 * the pane's dictionary. (Whether the section fits a 320 px pane is measured in Chromium:
 * test/e2e/chain.test.ts; jsdom has no layout.)
 */
import * as React from "react";
import { fireEvent, screen, within } from "@testing-library/react";
import { renderInPane } from "./renderInPane";
import ProgressionPane from "../../src/taskpane/progression/ProgressionPane";
import { progressionStrings } from "../../src/taskpane/progression/strings";
import { CHAIN_DIAGRAM_SHEET_NAME, CHAIN_SHEET_NAME } from "../../src/core/chain";
import { TERMS } from "../../src/core/vocabulary";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { chainTheory, chainWorkbook } from "../adapter/helpers/chainWorkbook";

jest.setTimeout(60000);

const da = progressionStrings.da;
let wb: PreviewWorkbook;

afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

/** The status column of the sheet's "Status pr. forbindelse" table, as a reader sees it. */
function statusesOnSheet(): string[] {
  const s = wb.getSheet(CHAIN_SHEET_NAME)!;
  const rows = s.usedExtent().rowCount;
  let r = 0;
  while (r < rows && !String(s.getCell(r, 0)?.value ?? "").startsWith("Status pr. forbindelse")) r++;
  const at = [...Array(s.usedExtent().columnCount).keys()].find((c) => s.getCell(r + 1, c)?.value === TERMS.status.da)!;
  expect(at).toBeGreaterThan(0);
  const out: string[] = [];
  for (r += 2; r < rows && s.getCell(r, at)?.value; r++) out.push(String(s.getCell(r, at)!.value));
  return out;
}

async function openSection(): Promise<HTMLElement> {
  globalThis.__virkningPreview = wb;
  renderInPane(<ProgressionPane />);
  await screen.findByTestId("progression-items");
  return screen.getByRole("region", { name: `3. ${TERMS.chain.da}` });
}

test("one button makes the chain sheet and its diagram; the message counts the supported links as the sheet does", async () => {
  ({ wb } = await chainWorkbook());
  const section = await openSection();
  expect(within(section).getByRole("heading", { level: 2 }).textContent).toBe(`3. ${TERMS.chain.da}`);
  fireEvent.click(within(section).getByRole("button", { name: `Lav "${TERMS.chain.da}"` }));
  const done = await within(section).findByTestId("chain-result");
  const statuses = statusesOnSheet();
  expect(statuses.length).toBe(chainTheory.links.filter((l) => l.kind === "delmaal-slutmaal").length);
  for (const s of statuses) expect([TERMS.linkSupported.da, TERMS.linkNotSupported.da, TERMS.tooLittleData.da]).toContain(s);
  const supported = statuses.filter((s) => s === TERMS.linkSupported.da).length;
  expect(done.textContent).toBe(`${supported} af ${statuses.length} forbindelser fra delmål til slutmål er ${TERMS.linkSupported.da} i data. Se arkene "${CHAIN_SHEET_NAME}" og "${CHAIN_DIAGRAM_SHEET_NAME}".`);
  expect(wb.sheetNames()).toEqual(expect.arrayContaining([CHAIN_SHEET_NAME, CHAIN_DIAGRAM_SHEET_NAME]));
  expect(within(section).queryByTestId("error-bar")).toBeNull();
});

test("without shape support (ExcelApi 1.8) only the table sheet is made, and the message names only it", async () => {
  ({ wb } = await chainWorkbook());
  wb.apiVersion = "1.8";
  const section = await openSection();
  fireEvent.click(within(section).getByRole("button", { name: da.chainMake }));
  const done = await within(section).findByTestId("chain-result");
  expect(done.textContent).toMatch(new RegExp(`Se arket "${CHAIN_SHEET_NAME}"\\.$`));
  expect(wb.sheetNames()).toContain(CHAIN_SHEET_NAME);
  expect(wb.sheetNames()).not.toContain(CHAIN_DIAGRAM_SHEET_NAME);
});

test("without a saved comparison the section says what to do, in Danish, and writes nothing", async () => {
  wb = createPreviewWorkbook({ sample: true });
  await saveTheory(wb.run.bind(wb), chainTheory, "da", { shapes: true });
  const section = await openSection();
  fireEvent.click(within(section).getByRole("button", { name: da.chainMake }));
  const alert = await within(section).findByTestId("error-bar");
  expect(alert.textContent).toContain("Sammenligningen er ikke sat op: vælg sagsdata (ID, gruppe og status) under Sammenligning og tryk Beregn først.");
  expect(within(section).queryByTestId("chain-result")).toBeNull();
  expect(wb.sheetNames()).not.toContain(CHAIN_SHEET_NAME);
  expect((within(section).getByRole("button", { name: da.chainMake }) as HTMLButtonElement).disabled).toBe(false);
});

test("in English the section keeps the sheet's Danish name on the button and in the message", async () => {
  ({ wb } = await chainWorkbook());
  globalThis.__virkningPreview = wb;
  renderInPane(<ProgressionPane />, "en");
  await screen.findByTestId("progression-items");
  const section = screen.getByRole("region", { name: `3. ${TERMS.chain.en}` });
  fireEvent.click(within(section).getByRole("button", { name: `Make "${TERMS.chain.da}"` }));
  const done = await within(section).findByTestId("chain-result");
  expect(done.textContent).toMatch(new RegExp(`links from sub-goals to final goals are ${TERMS.linkSupported.en} by the data\\. See the sheets "${CHAIN_SHEET_NAME}" and "${CHAIN_DIAGRAM_SHEET_NAME}"\\.$`));
});
