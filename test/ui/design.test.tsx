/**
 * The Forsøgsdesign pane against the preview workbook with the sample sheet "Borgere" (jsdom):
 * randomising through the form gives the independent implementation's allocation, a decline calls in
 * the next reserve, a bad seed writes nothing, and the planning table shows R's numbers.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { renderInPane } from "./renderInPane";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import allocation from "../fixtures/design/allocation.json";
import planning from "../fixtures/design/planning.json";
import statsPlanning from "../fixtures/stats/planning.json";

const stats = statsPlanning as unknown as { cases: Record<string, number | string | boolean | null>[] };
import { LangProvider, type Lang } from "../../src/taskpane/i18n";
import DesignPane from "../../src/taskpane/design/DesignPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { loadDesignSettings } from "../../src/excel/designStore";

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
  renderInPane(<DesignPane />, lang);
  await screen.findByTestId("design-pane");
  await waitFor(() => expect(screen.queryByText("Arbejder …")).toBeNull());
}

function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function chooseList(): Promise<void> {
  fireEvent.change(screen.getByTestId("design-sheet"), { target: { value: "Borgere" } });
  await screen.findByTestId("design-list-info");
}

/** Arms on the Randomisering sheet: ID → Gruppe. */
function sheetArms(): Map<string, unknown> {
  const s = wb.getSheet("Randomisering")!;
  const out = new Map<string, unknown>();
  const { rowCount } = s.usedExtent();
  const head = Array.from({ length: rowCount }, (_, r) => r).find((r) => s.valueAt(r, 2) === "Tilfældigt tal")!;
  for (let r = head + 1; r < rowCount; r++) if (typeof s.valueAt(r, 0) === "string") out.set(s.valueAt(r, 0) as string, s.valueAt(r, 6));
  return out;
}
const ARM: Record<string, string> = { I: "Indsatsgruppe", C: "Kontrolgruppe", R: "Reserve" };

test("choosing the list, Køn and Alder cut at 30 and a seed, Randomisér writes the independent implementation's allocation", async () => {
  const c = allocation.cases.find((x) => x.name === "sample: Køn x Alder<30, pairs")!;
  await renderPane();
  await chooseList();
  expect(screen.getByTestId("design-list-info").textContent).toBe("Liste: Borgere!A1:M61 (60 borgere)");
  expect((screen.getByLabelText("ID-kolonne") as HTMLSelectElement).value).toBe("0");
  fireEvent.click(screen.getByLabelText("Køn"));
  fireEvent.click(screen.getByLabelText("Alder"));
  type("Skæringspunkter for Alder", "30");
  type("Seed", String(c.seed));
  fireEvent.click(screen.getByRole("button", { name: "Randomisér" }));
  expect((await screen.findByTestId("design-message", {}, { timeout: 15000 })).textContent).toBe('Fordelingen er skrevet i arket "Randomisering".');
  const arms = sheetArms();
  for (const a of c.allocation) expect(arms.get(a.id)).toBe(ARM[a.arm]);
  expect(await loadDesignSettings(wb.run.bind(wb))).toMatchObject({ seed: c.seed, hash: c.hash, strata: [{ header: "Køn" }, { header: "Alder", cuts: [30] }] });
  // a second randomisation must be asked for explicitly
  expect(screen.getByRole("button", { name: "Randomisér igen (erstatter fordelingen)" })).toBeTruthy();
});

test("Afslået: the next reserve in the stratum is called in, and the pane says who", async () => {
  const c = allocation.cases.find((x) => x.name.startsWith("sample: Køn, seed 2^32-1"))! as (typeof allocation.cases)[number] & { afterDeclines: { log: { declined: string; replacement: string; stratum: number; arm: string }[] } };
  const e = c.afterDeclines.log[0];
  await renderPane();
  await chooseList();
  fireEvent.click(screen.getByLabelText("Køn"));
  type("Seed", String(c.seed));
  type("Reserver pr. stratum", String(c.reserves));
  fireEvent.click(screen.getByRole("button", { name: "Randomisér" }));
  await screen.findByTestId("design-message", {}, { timeout: 15000 });
  type("ID på borgeren, der har afslået", e.declined);
  fireEvent.click(screen.getByRole("button", { name: "Markér som afslået og kald næste ind" }));
  await waitFor(() =>
    expect(screen.getByTestId("design-message").textContent).toBe(
      `${e.declined} er markeret som afslået. ${e.replacement} er kaldt ind i stedet (${e.arm === "I" ? "indsatsgruppen" : "kontrolgruppen"}, stratum ${e.stratum}).`,
    ),
  );
  expect(sheetArms().get(e.replacement)).toBe(ARM[e.arm]);
});

test("a seed that is not a whole number is refused with a clear message and nothing is written", async () => {
  await renderPane();
  await chooseList();
  type("Seed", "12,5");
  fireEvent.click(screen.getByRole("button", { name: "Randomisér" }));
  expect((await screen.findByTestId("error-bar")).textContent).toContain('Seed skal være et helt tal fra 0 til 4294967295 (du skrev "12,5")');
  expect(wb.getSheet("Randomisering")).toBeUndefined();
  expect(await loadDesignSettings(wb.run.bind(wb))).toBeNull();
});

test("the planning table: 20 % vs 30 % at 80 % power gives R's n per group, written on Stikprøveplan", async () => {
  const r = planning.cases.find((x) => x.mode === "n" && x.pControl === 0.2 && x.pIntervention === 0.3 && x.alpha === 0.05 && x.power === 0.8)!;
  await renderPane();
  fireEvent.click(screen.getByRole("button", { name: "Skriv stikprøveplan" }));
  const result = await screen.findByTestId("design-plan-result");
  expect(result.textContent).toContain(`skal hver gruppe have mindst ${r.nPerGroup} borgere`);
  expect(result.textContent).toContain('Planen er skrevet i arket "Stikprøveplan".');
  expect(wb.getSheet("Stikprøveplan")).toBeDefined();
});

test("both ways: with 60 per group the pane gives R's smallest detectable share, one-sided, and the plan is there after reopening", async () => {
  const r = stats.cases.find((x) => x.kind === "prop" && x.solve === "p2" && x.p1 === 0.2 && x.n === 60 && x.alternative === "one.sided" && x.sigLevel === 0.05 && x.strict === false)!;
  const first = renderInPane(<DesignPane />, "da");
  await screen.findByTestId("design-pane");
  fireEvent.click(screen.getByLabelText("mindste forskel for et givet antal"));
  type("Borgere pr. gruppe", "60");
  fireEvent.change(screen.getByLabelText("Test"), { target: { value: "one.sided" } });
  type("Forventet frafald, %", "20");
  fireEvent.click(screen.getByRole("button", { name: "Skriv stikprøveplan" }));
  const result = await screen.findByTestId("design-plan-result");
  const pct = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1 }).format((r.p2 as number) * 100);
  expect(result.textContent).toContain(`påvise en forskel fra 20 % i kontrolgruppen til ${pct} % i indsatsgruppen`);
  expect(result.textContent).toContain("ensidet test");
  expect(result.textContent).toContain("skal der inkluderes 75 borgere pr. gruppe");
  first.unmount();
  renderInPane(<DesignPane />, "da");
  await screen.findByTestId("design-pane");
  await waitFor(() => expect((screen.getByLabelText("Borgere pr. gruppe") as HTMLInputElement).value).toBe("60"));
  expect((screen.getByLabelText("Test") as HTMLSelectElement).value).toBe("one.sided");
  expect((screen.getByLabelText("Forventet frafald, %") as HTMLInputElement).value).toBe("20");
});

test("a mean (progression score): a difference of 0 is refused with the row named, nothing written", async () => {
  await renderPane();
  fireEvent.change(screen.getByLabelText("Type af resultatmål"), { target: { value: "mean" } });
  type("SD 1", "2");
  type("Forskel 1", "0");
  fireEvent.click(screen.getByRole("button", { name: "Skriv stikprøveplan" }));
  expect((await screen.findByTestId("error-bar")).textContent).toContain('Række 1: "Forskel" skal være et tal større end 0.');
  expect(wb.getSheet("Stikprøveplan")).toBeUndefined();
});

test("English pane", async () => {
  await renderPane("en");
  expect(screen.getByText("1. Randomisation")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Write sample-size plan" })).toBeTruthy();
});

test("reopening the pane shows the stored list, strata and seed, and asks explicitly for a new randomisation", async () => {
  const c = allocation.cases.find((x) => x.name === "sample: Køn x Alder<30, pairs")!;
  const first = render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider lang="da">
        <DesignPane />
      </LangProvider>
    </FluentProvider>,
  );
  await waitFor(() => expect(screen.queryByText("Arbejder …")).toBeNull());
  await chooseList();
  fireEvent.click(screen.getByLabelText("Køn"));
  fireEvent.click(screen.getByLabelText("Alder"));
  type("Skæringspunkter for Alder", "30");
  type("Seed", String(c.seed));
  fireEvent.click(screen.getByRole("button", { name: "Randomisér" }));
  await screen.findByTestId("design-message", {}, { timeout: 15000 });
  first.unmount();
  await renderPane();
  await screen.findByTestId("design-list-info");
  expect((screen.getByLabelText("Seed") as HTMLInputElement).value).toBe(String(c.seed));
  expect((screen.getByLabelText("Køn") as HTMLInputElement).checked).toBe(true);
  expect((screen.getByLabelText("Skæringspunkter for Alder") as HTMLInputElement).value).toBe("30");
  expect(screen.getByRole("button", { name: "Randomisér igen (erstatter fordelingen)" })).toBeTruthy();
});
