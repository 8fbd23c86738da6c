import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";

// The shell is tested with two small panes; the real panes have their own tests.
jest.mock("../../src/taskpane/panes", () => {
  const R = jest.requireActual<typeof import("react")>("react");
  const make = (label: string) => ({ default: () => R.createElement("p", null, label) });
  return {
    PANES: [
      { id: "programteori", title: { da: "Programteori", en: "Programme theory" }, description: { da: "d", en: "e" }, component: R.lazy(async () => make("Indhold A")) },
      { id: "sammenligning", title: { da: "Sammenligning", en: "Comparison" }, description: { da: "d", en: "e" }, component: R.lazy(async () => make("Indhold B")) },
    ],
  };
});

import { App } from "../../src/taskpane/App";
import { detectLanguage } from "../../src/taskpane/i18n";
import { luminance, prefersDarkTheme } from "../../src/taskpane/theme";

describe("task pane shell", () => {
  it("shows the product name, the panes in Danish, and switches pane on click", async () => {
    render(<App lang="da" dark={false} />);
    expect(screen.getByText("Virkning")).toBeTruthy();
    expect(screen.getByText("Virkningsevaluering i Excel")).toBeTruthy();
    expect(await screen.findByText("Indhold A")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Sammenligning" }));
    });
    expect(await screen.findByText("Indhold B")).toBeTruthy();
    expect(screen.queryByText("Indhold A")).toBeNull();
  });

  it("speaks English when asked and opens the requested pane", async () => {
    render(<App lang="en" dark={true} initialPane="sammenligning" />);
    expect(screen.getByRole("tab", { name: "Programme theory" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Comparison" }).getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByText("Indhold B")).toBeTruthy();
  });

  it("follows Office's display language and theme", () => {
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#1f1f1f" } } };
    expect(detectLanguage()).toBe("en");
    expect(prefersDarkTheme()).toBe(true);
    g.Office = { context: { displayLanguage: "da-DK", officeTheme: { bodyBackgroundColor: "#ffffff", isDarkTheme: false } } };
    expect(detectLanguage()).toBe("da");
    expect(prefersDarkTheme()).toBe(false);
    delete g.Office;
    expect(detectLanguage()).toBe("da");
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1, 6);
  });
});

describe("a pane that crashes", () => {
  it("shows the error in the pane and keeps navigation working", async () => {
    const { PANES } = jest.requireMock("../../src/taskpane/panes") as { PANES: { component: unknown }[] };
    const original = PANES[0].component;
    const Boom = (): React.JSX.Element => {
      throw new Error("kaboom");
    };
    PANES[0].component = Boom;
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      render(<App lang="da" dark={false} />);
      expect((await screen.findByTestId("error-bar")).textContent).toContain("kaboom");
      await act(async () => {
        fireEvent.click(screen.getByRole("tab", { name: "Sammenligning" }));
      });
      expect(await screen.findByText("Indhold B")).toBeTruthy();
      expect(screen.queryByTestId("error-bar")).toBeNull();
    } finally {
      PANES[0].component = original;
      spy.mockRestore();
    }
  });
});
