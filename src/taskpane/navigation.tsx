/**
 * Moving between panes from inside a pane (the Overblik's "Gå til"): App provides the tab switch;
 * without a provider (a pane rendered alone, as in the UI tests) it does nothing.
 */
import * as React from "react";

const PaneNavigation = React.createContext<(paneId: string) => void>(() => undefined);

export function PaneNavigationProvider(props: { goTo: (paneId: string) => void; children: React.ReactNode }): React.JSX.Element {
  return <PaneNavigation.Provider value={props.goTo}>{props.children}</PaneNavigation.Provider>;
}

export function useGoToPane(): (paneId: string) => void {
  return React.useContext(PaneNavigation);
}
