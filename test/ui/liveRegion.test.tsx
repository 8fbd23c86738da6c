/**
 * Issue 22 item 5: one polite live region at app level speaks results and errors, and focus
 * moves to the result or the error after an action ("Gem i projektmappen" must not drop the
 * focus to <body>).
 */
import * as React from "react";
import { act, fireEvent, screen } from "@testing-library/react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LangProvider } from "../../src/taskpane/i18n";
import { LiveRegionProvider } from "../../src/taskpane/components/LiveRegion";
import TheoryPane from "../../src/taskpane/theory/TheoryPane";
import { ErrorBar } from "../../src/taskpane/components/ErrorBar";
import { VirkningError } from "../../src/core/errors";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { DIAGRAM_SHEET_NAME, TEMPLATES, THEORY_SHEET_NAME } from "../../src/core/theory";

jest.setTimeout(90_000);

/** As App renders a pane: Fluent, the language and the app-level live region. */
function renderInPane(pane: React.ReactElement): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider lang="da">
        <LiveRegionProvider>{pane}</LiveRegionProvider>
      </LangProvider>
    </FluentProvider>,
  );
}

/** Every live region in the document: there must be exactly one, polite. */
function liveRegions(): Element[] {
  return Array.from(document.querySelectorAll("[aria-live], [role=status], [role=alert], [role=log]"));
}

afterEach(() => {
  delete globalThis.__virkningPreview;
});

test("after 'Gem i projektmappen' the result has the focus and the one live region says it", async () => {
  globalThis.__virkningPreview = createPreviewWorkbook({ sample: true });
  renderInPane(<TheoryPane />);
  await screen.findByTestId("theory-templates", {}, { timeout: 20000 });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: `Brug skabelon: ${TEMPLATES[0].title.da}` }));
  });
  const save = screen.getByRole("button", { name: "Gem i projektmappen" });
  save.focus();
  await act(async () => {
    fireEvent.click(save);
  });
  const saved = `Gemt i arkene "${THEORY_SHEET_NAME}" og "${DIAGRAM_SHEET_NAME}".`;
  const status = await screen.findByTestId("theory-status");
  expect(status.textContent).toBe(saved);
  expect(document.activeElement).not.toBe(document.body);
  expect(document.activeElement).toBe(status);
  const regions = liveRegions();
  expect(regions).toHaveLength(1);
  expect(regions[0].getAttribute("role")).toBe("status");
  expect(regions[0].getAttribute("aria-live")).toBe("polite");
  expect(regions[0].textContent).toBe(saved);
});

test("an error takes the focus and is said through the same region, again when it changes", async () => {
  function Harness(): React.JSX.Element {
    const [error, setError] = React.useState<unknown>(null);
    return (
      <>
        <button onClick={() => setError(new VirkningError("X", "Arket Borgere mangler kolonnen ID (celle A1).", "The sheet lacks an ID column."))}>Beregn</button>
        <button onClick={() => setError(new VirkningError("Y", "Cellen Borgere!C7 er ikke en dato.", "C7 is not a date."))}>Igen</button>
        <ErrorBar error={error} />
      </>
    );
  }
  renderInPane(<Harness />);
  const button = screen.getByRole("button", { name: "Beregn" });
  button.focus();
  await act(async () => {
    fireEvent.click(button);
  });
  const bar = screen.getByTestId("error-bar");
  expect(document.activeElement).toBe(bar);
  expect(liveRegions()).toHaveLength(1);
  expect(screen.getByRole("status").textContent).toBe("Fejl Arket Borgere mangler kolonnen ID (celle A1).");
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Igen" }));
  });
  expect(document.activeElement).toBe(screen.getByTestId("error-bar"));
  expect(screen.getByRole("status").textContent).toBe("Fejl Cellen Borgere!C7 er ikke en dato.");
});

test("a text longer than an Excel cell is refused beside its field, not at the top of the pane", async () => {
  globalThis.__virkningPreview = createPreviewWorkbook({ sample: true });
  renderInPane(<TheoryPane />);
  await screen.findByTestId("theory-templates", {}, { timeout: 20000 });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: `Brug skabelon: ${TEMPLATES[0].title.da}` }));
  });
  // step 1 (Målgruppe): the target group's description
  const field = screen.getAllByLabelText("Beskrivelse")[0] as HTMLTextAreaElement;
  await act(async () => {
    fireEvent.change(field, { target: { value: "x".repeat(32_768) } });
  });
  const described = (field.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "");
  expect(described.join(" ")).toContain("Teksten har 32.768 tegn; en celle i Excel kan højst rumme 32.767.");
  // beside the field: in the same Field wrapper as the text area
  expect(field.closest(".fui-Field")?.textContent).toContain("32.767");
  expect(screen.queryByTestId("error-bar")).toBeNull();
  await act(async () => {
    fireEvent.change(field, { target: { value: "x".repeat(32_767) } });
  });
  expect(field.closest(".fui-Field")?.textContent).not.toContain("højst rumme");
});
