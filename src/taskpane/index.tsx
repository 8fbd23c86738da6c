/**
 * Task pane entry. Inside Office, waits for Office.onReady; in a plain browser (the preview,
 * or office.js not reachable offline) it renders at once against the preview workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectLanguage } from "./i18n";
import { prefersDarkTheme } from "./theme";

export function mountTaskPane(container: HTMLElement): void {
  const params = new URLSearchParams(globalThis.location?.search ?? "");
  const lang = detectLanguage();
  // Screen readers and hyphenation follow the pane's language, not the page's static lang="da".
  document.documentElement.lang = lang;
  createRoot(container).render(
    <App lang={lang} dark={prefersDarkTheme()} initialPane={params.get("pane") ?? undefined} />,
  );
}

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office && typeof office.onReady === "function") {
    office.onReady(() => mountTaskPane(container)).catch(() => mountTaskPane(container));
  } else {
    mountTaskPane(container);
  }
}

if (typeof document !== "undefined" && document.getElementById("container")) start();
