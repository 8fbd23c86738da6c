/** Danish and English texts of the Overblik pane. Part names are the sheets' and panes' own words. */
import type { PartStatus } from "../../core/overview";
import type { Dictionary } from "../i18n";

export interface OverviewStrings {
  intro: string;
  loading: string;
  list: string;
  status: Record<PartStatus, string>;
  madeAt: (when: string) => string;
  notMade: string;
  goTo: string;
  goToLabel: (part: string) => string;
  updateAll: string;
  updateHelp: (stale: number) => string;
  refresh: string;
  updating: (part: string) => string;
  updated: (n: number) => string;
  nothingToUpdate: string;
  stoppedAt: (part: string, reason: string) => string;
  alreadyUpToDate: (parts: string) => string;
}

export const overviewStrings: Dictionary<OverviewStrings> = {
  da: {
    intro: "Evalueringens dele i den rækkefølge, de bygger på hinanden. En del er forældet, når de data eller indstillinger, den er lavet af, er ændret, siden den blev lavet.",
    loading: "Læser projektmappen …",
    list: "Evalueringens dele",
    status: { missing: "Mangler", done: "Opdateret", stale: "Forældet", refused: "Afvist" },
    madeAt: (when) => `Lavet ${when}`,
    notMade: "Ikke lavet endnu",
    goTo: "Gå til",
    goToLabel: (part) => `Gå til ${part}`,
    updateAll: "Opdater alt",
    updateHelp: (stale) => (stale === 0 ? "Alt, der er lavet, er opdateret." : stale === 1 ? "1 del er forældet. Den laves igen med de samme indstillinger." : `${stale} dele er forældede. De laves igen i rækkefølge med de samme indstillinger, hver for sig.`),
    refresh: "Læs igen",
    updating: (part) => `Opdaterer ${part} …`,
    updated: (n) => (n === 1 ? "1 del er opdateret." : `${n} dele er opdateret.`),
    nothingToUpdate: "Intet at opdatere.",
    stoppedAt: (part, reason) => `Opdateringen stoppede ved ${part}: ${reason} De dele, der kom før, er opdateret; resten er ikke rørt.`,
    alreadyUpToDate: (parts) => `${parts}: dataene og indstillingerne er uændrede, siden det blev lavet, så det er ikke lavet igen.`,
  },
  en: {
    intro: "The evaluation's parts in the order they build on each other. A part is out of date when the data or settings it was made from have changed since it was made.",
    loading: "Reading the workbook …",
    list: "The evaluation's parts",
    status: { missing: "Missing", done: "Up to date", stale: "Out of date", refused: "Refused" },
    madeAt: (when) => `Made ${when}`,
    notMade: "Not made yet",
    goTo: "Go to",
    goToLabel: (part) => `Go to ${part}`,
    updateAll: "Update all",
    updateHelp: (stale) => (stale === 0 ? "Everything that is made is up to date." : stale === 1 ? "1 part is out of date. It is made again with the same settings." : `${stale} parts are out of date. They are made again in order with the same settings, one at a time.`),
    refresh: "Read again",
    updating: (part) => `Updating ${part} …`,
    updated: (n) => (n === 1 ? "1 part was updated." : `${n} parts were updated.`),
    nothingToUpdate: "Nothing to update.",
    stoppedAt: (part, reason) => `The update stopped at ${part}: ${reason} The parts before it are updated; the rest are untouched.`,
    alreadyUpToDate: (parts) => `${parts}: the data and settings are unchanged since it was made, so it was not made again.`,
  },
};
