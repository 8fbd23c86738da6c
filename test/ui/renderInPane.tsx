/** Render a pane the way App does: inside Fluent's provider and the language provider. */
import * as React from "react";
import { render, type RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LangProvider, type Lang } from "../../src/taskpane/i18n";

export function renderInPane(pane: React.ReactElement, lang: Lang = "da"): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangProvider lang={lang}>{pane}</LangProvider>
    </FluentProvider>,
  );
}
