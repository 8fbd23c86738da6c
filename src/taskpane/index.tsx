/**
 * Task pane entry. Inside Office, waits for Office.onReady; in a plain browser (the preview,
 * or office.js not reachable offline) it renders at once against the preview workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectLanguage } from "./i18n";
import { prefersDarkTheme } from "./theme";

/** How long the pane waits for Office.onReady before it starts anyway and says why. */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

export function mountTaskPane(container: HTMLElement, opts: { officeTimedOut?: boolean } = {}): void {
  const params = new URLSearchParams(globalThis.location?.search ?? "");
  const lang = detectLanguage();
  // Screen readers and hyphenation follow the pane's language, not the page's static lang="da".
  document.documentElement.lang = lang;
  createRoot(container).render(
    <App lang={lang} dark={prefersDarkTheme()} initialPane={params.get("pane") ?? undefined} officeTimedOut={opts.officeTimedOut} />,
  );
}

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office && typeof office.onReady === "function") {
    // office.js whose host scripts are blocked never resolves onReady: start anyway after a while.
    let mounted = false;
    const mount = (officeTimedOut: boolean): void => {
      if (mounted) return;
      mounted = true;
      mountTaskPane(container, { officeTimedOut });
    };
    const timer = setTimeout(() => mount(true), OFFICE_READY_TIMEOUT_MS);
    office
      .onReady(() => {
        clearTimeout(timer);
        mount(false);
      })
      .catch(() => mount(false));
  } else {
    mountTaskPane(container);
  }
}

// The bundle parsed and its modules ran: unsupported.js (loaded before it) leaves the pane alone.
(globalThis as { __virkningStarted?: boolean }).__virkningStarted = true;

if (typeof document !== "undefined" && document.getElementById("container")) start();
