import * as React from "react";
import {
  Button,
  FluentProvider,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Spinner,
  Tab,
  TabList,
  Text as FluentText,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { LangProvider, type Lang } from "./i18n";
import { PANES, type PaneDefinition } from "./panes";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { LiveRegionProvider, useLiveAnnounce } from "./components/LiveRegion";
import { PaneNavigationProvider } from "./navigation";
import { VERSION } from "../core/version";

const useStyles = makeStyles({
  // minWidth 0 everywhere down the column: a wide child shrinks (or wraps) instead of widening the pane.
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    minWidth: 0,
    // A native <select> is as wide as its longest option: in a 320 px pane it is held to its
    // container instead (the chosen option is cut with an ellipsis; the open list is the browser's).
    "& select": { maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
    "& .fui-Select, & .fui-Field": { maxWidth: "100%", minWidth: 0 },
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "baseline",
    flexWrap: "wrap",
    gap: "0 8px",
    padding: "10px 12px 4px 12px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500, color: tokens.colorBrandForeground1 },
  tagline: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  nav: { padding: "0 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  tabs: { minWidth: 0, flexWrap: "nowrap" },
  main: { flexGrow: 1, padding: "12px", overflowY: "auto", minWidth: 0 },
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
    more: (n: number) => `${n} flere områder`,
    officeTimedOut:
      "Excel svarede ikke, mens tilføjelsesprogrammet startede (Office-biblioteket kunne ikke indlæses, fx fordi netværket blokerer Microsofts CDN). Luk ruden og åbn den igen; hjælper det ikke, så kontakt jeres it-afdeling.",
  },
  en: {
    tagline: "Theory-based evaluation in Excel",
    loading: "Loading …",
    nav: "Choose area",
    more: (n: number) => `${n} more areas`,
    officeTimedOut:
      "Excel did not answer while the add-in started (the Office library could not load, e.g. because the network blocks Microsoft's CDN). Close the pane and open it again; if that does not help, contact your IT department.",
  },
};

export function App(props: { lang: Lang; dark: boolean; initialPane?: string; officeTimedOut?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const s = strings[props.lang];
  const [paneId, setPaneId] = React.useState<string>(PANES.some((p) => p.id === props.initialPane) ? (props.initialPane as string) : PANES[0].id);
  const pane = PANES.find((p) => p.id === paneId) ?? PANES[0];
  const Pane = pane.component;
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme}>
      <LangProvider lang={props.lang}>
        <LiveRegionProvider>
          <div className={styles.root} data-testid="virkning-pane">
            <header className={styles.header}>
              <span className={styles.product}>Virkning</span>
              <span className={styles.tagline}>{s.tagline}</span>
            </header>
            <nav className={styles.nav} aria-label={s.nav}>
              <PaneTabs lang={props.lang} selected={paneId} onSelect={setPaneId} />
            </nav>
            {props.officeTimedOut ? <OfficeTimedOut className={styles.notice} text={s.officeTimedOut} /> : null}
            <main className={styles.main}>
              <ErrorBoundary resetKey={paneId}>
                <React.Suspense fallback={<Spinner size="small" label={s.loading} />}>
                  <PaneNavigationProvider goTo={(id) => PANES.some((p) => p.id === id) && setPaneId(id)}>
                    <Pane />
                  </PaneNavigationProvider>
                </React.Suspense>
              </ErrorBoundary>
            </main>
            <footer className={styles.footer}>
              <FluentText size={100}>Virkning {VERSION}</FluentText>
            </footer>
          </div>
        </LiveRegionProvider>
      </LangProvider>
    </FluentProvider>
  );
}

/** The startup notice: shown at the top and said once through the live region. */
function OfficeTimedOut(props: { className: string; text: string }): React.JSX.Element {
  const announce = useLiveAnnounce();
  React.useEffect(() => announce(props.text), [announce, props.text]);
  return (
    <div className={props.className} data-testid="office-timed-out">
      {props.text}
    </div>
  );
}

/**
 * The panes as tabs. In a narrow pane (Excel's default is about 320-350 px) the tabs that do not
 * fit collapse into a "more" menu at the end of the tab list (Fluent's Overflow); the selected
 * tab is kept visible. The menu button is itself in the tab order (arrow keys reach it).
 */
function PaneTabs(props: { lang: Lang; selected: string; onSelect(id: string): void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1} padding={8}>
      <TabList className={styles.tabs} selectedValue={props.selected} onTabSelect={(_, d) => props.onSelect(String(d.value))} size="small">
        {PANES.map((p) => (
          <OverflowItem key={p.id} id={p.id} priority={p.id === props.selected ? 2 : 1}>
            <Tab value={p.id} title={p.description[props.lang]} data-pane={p.id}>
              {p.title[props.lang]}
            </Tab>
          </OverflowItem>
        ))}
        <PaneOverflowMenu lang={props.lang} onSelect={props.onSelect} />
      </TabList>
    </Overflow>
  );
}

function PaneOverflowMenu(props: { lang: Lang; onSelect(id: string): void }): React.JSX.Element | null {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          size="small"
          role="tab"
          icon={<MoreHorizontalRegular />}
          aria-label={strings[props.lang].more(overflowCount)}
          data-testid="pane-overflow"
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {PANES.map((p) => (
            <PaneOverflowItem key={p.id} pane={p} lang={props.lang} onSelect={props.onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function PaneOverflowItem(props: { pane: PaneDefinition; lang: Lang; onSelect(id: string): void }): React.JSX.Element | null {
  const visible = useIsOverflowItemVisible(props.pane.id);
  if (visible) return null;
  return (
    <MenuItem data-pane={props.pane.id} onClick={() => props.onSelect(props.pane.id)}>
      {props.pane.title[props.lang]}
    </MenuItem>
  );
}
