import * as React from "react";
import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Text as FluentText,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { LangProvider, type Lang } from "./i18n";
import { PANES } from "./panes";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { VERSION } from "../core/version";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: "flex",
    alignItems: "baseline",
    gap: "8px",
    padding: "10px 12px 4px 12px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500, color: tokens.colorBrandForeground1 },
  tagline: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  nav: { padding: "0 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { flexGrow: 1, padding: "12px", overflowY: "auto" },
  notice: {
    margin: "8px 12px 0 12px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  footer: { padding: "4px 12px", color: tokens.colorNeutralForeground4, fontSize: tokens.fontSizeBase100 },
});

const strings = {
  da: {
    tagline: "Virkningsevaluering i Excel",
    loading: "Indlæser …",
    nav: "Vælg område",
    officeTimedOut:
      "Excel svarede ikke, mens tilføjelsesprogrammet startede (Office-biblioteket kunne ikke indlæses, fx fordi netværket blokerer Microsofts CDN). Luk ruden og åbn den igen; hjælper det ikke, så kontakt jeres it-afdeling.",
  },
  en: {
    tagline: "Theory-based evaluation in Excel",
    loading: "Loading …",
    nav: "Choose area",
    officeTimedOut:
      "Excel did not answer while the add-in started (the Office library could not load, e.g. because the network blocks Microsoft's CDN). Close the pane and open it again; if that does not help, contact your IT department.",
  },
};

export function App(props: { lang: Lang; dark: boolean; initialPane?: string; officeTimedOut?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const s = strings[props.lang];
  const [paneId, setPaneId] = React.useState<string>(
    PANES.some((p) => p.id === props.initialPane) ? (props.initialPane as string) : PANES[0].id,
  );
  const pane = PANES.find((p) => p.id === paneId) ?? PANES[0];
  const Pane = pane.component;
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme}>
      <LangProvider lang={props.lang}>
        <div className={styles.root} data-testid="virkning-pane">
          <header className={styles.header}>
            <span className={styles.product}>Virkning</span>
            <span className={styles.tagline}>{s.tagline}</span>
          </header>
          <nav className={styles.nav} aria-label={s.nav}>
            <TabList selectedValue={paneId} onTabSelect={(_, d) => setPaneId(String(d.value))} size="small">
              {PANES.map((p) => (
                <Tab key={p.id} value={p.id} title={p.description[props.lang]} data-pane={p.id}>
                  {p.title[props.lang]}
                </Tab>
              ))}
            </TabList>
          </nav>
          {props.officeTimedOut ? (
            <div role="alert" className={styles.notice}>
              {s.officeTimedOut}
            </div>
          ) : null}
          <main className={styles.main}>
            <ErrorBoundary resetKey={paneId}>
              <React.Suspense fallback={<Spinner size="small" label={s.loading} />}>
                <Pane />
              </React.Suspense>
            </ErrorBoundary>
          </main>
          <footer className={styles.footer}>
            <FluentText size={100}>Virkning {VERSION}</FluentText>
          </footer>
        </div>
      </LangProvider>
    </FluentProvider>
  );
}
