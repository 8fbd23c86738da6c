/**
 * The browser preview: the real task pane beside a spreadsheet grid that shows an in-memory
 * workbook emulating the Excel JavaScript API. No Excel, no office.js, no network.
 *
 * The workbook is published as `globalThis.__virkningPreview`; `src/excel/host.ts` runs the
 * add-in's Excel code against it when Office is not present. End-to-end tests use the same hook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createPreviewWorkbook, type PreviewWorkbook } from "./workbook";
import { WorkbookView } from "./grid";
import { App } from "../taskpane/App";
import { detectLanguage } from "../taskpane/i18n";
import { prefersDarkTheme } from "../taskpane/theme";

const strings = {
  da: {
    title: "Virkning – forhåndsvisning",
    note: "Eksempelprojektmappe i browseren. Intet gemmes; genindlæs siden for at starte forfra.",
    pane: "Opgaverude",
    download: "Hent projektmappen (.xlsx)",
    saving: "Gemmer projektmappen …",
    failed: "Projektmappen kunne ikke gemmes",
    fileName: "virkning-forhaandsvisning.xlsx",
  },
  en: {
    title: "Virkning – preview",
    note: "Sample workbook in the browser. Nothing is saved; reload the page to start over.",
    pane: "Task pane",
    download: "Download the workbook (.xlsx)",
    saving: "Saving the workbook …",
    failed: "The workbook could not be saved",
    fileName: "virkning-preview.xlsx",
  },
};

/** "Hent projektmappen (.xlsx)": the export (with ExcelJS) is loaded only when pressed. */
function DownloadButton(props: { workbook: PreviewWorkbook; s: (typeof strings)["da"] }): React.JSX.Element {
  const { workbook, s } = props;
  const [state, setState] = React.useState<"idle" | "saving" | "failed">("idle");
  const save = async (): Promise<void> => {
    setState("saving");
    try {
      const { downloadWorkbookXlsx } = await import(/* webpackChunkName: "xlsx-export" */ "./export/download");
      await downloadWorkbookXlsx(workbook, s.fileName);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <span style={{ marginLeft: "auto", display: "flex", alignItems: "baseline", gap: 8 }}>
      <span role="status">{state === "saving" ? s.saving : state === "failed" ? s.failed : ""}</span>
      <button type="button" data-testid="download-xlsx" disabled={state === "saving"} onClick={() => void save()}>
        {s.download}
      </button>
    </span>
  );
}

function PreviewPage(): React.JSX.Element {
  const lang = detectLanguage();
  const s = strings[lang];
  React.useEffect(() => {
    document.documentElement.lang = lang;
    document.title = s.title;
  }, [lang, s.title]);
  const workbook = React.useMemo(() => {
    // ?data=uger adds the weekly register sample "Ugedata" (Registeropfølgning)
    const wb = createPreviewWorkbook({ sample: true, weekly: new URLSearchParams(location.search).get("data") === "uger" });
    (globalThis as { __virkningPreview?: unknown }).__virkningPreview = wb;
    return wb;
  }, []);
  const params = new URLSearchParams(location.search);
  if (params.get("layout") === "pane") {
    // The task pane alone, filling the window as it fills Excel's pane (the e2e width tests open
    // it at 320 and 500 px); the workbook is still there behind it.
    return <App lang={lang} dark={prefersDarkTheme()} initialPane={params.get("pane") ?? undefined} />;
  }
  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%" }}>
      <div
        style={{ display: "flex", alignItems: "baseline", gap: 12, padding: "6px 12px", background: "#185c37", color: "white", fontSize: 13 }}
        data-testid="preview-banner"
      >
        <strong>{s.title}</strong>
        <span style={{ opacity: 0.85 }}>{s.note}</span>
        <DownloadButton workbook={workbook} s={s} />
      </div>
      <div style={{ display: "flex", flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, minWidth: 0, display: "flex", flexDirection: "column" }}>
          <WorkbookView workbook={workbook} height="100%" />
        </div>
        <aside
          aria-label={s.pane}
          style={{ width: 420, flexShrink: 0, borderLeft: "1px solid #c8c8c8", overflowY: "auto", background: "white" }}
        >
          <App lang={lang} dark={prefersDarkTheme()} initialPane={params.get("pane") ?? undefined} />
        </aside>
      </div>
    </div>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<PreviewPage />);
