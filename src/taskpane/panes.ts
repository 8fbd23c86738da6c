/**
 * The panes the task pane offers, in navigation order. Only panes that do real work are listed.
 * Each pane is loaded lazily so the initial JavaScript stays small.
 */
import * as React from "react";
import type { Text } from "./i18n";
import { TERMS } from "../core/vocabulary";

export interface PaneDefinition {
  id: string;
  title: Text;
  description: Text;
  component: React.LazyExoticComponent<React.ComponentType>;
}

export const PANES: PaneDefinition[] = [
  {
    id: "overblik",
    title: { da: "Overblik", en: "Overview" },
    description: {
      da: "Evalueringens dele i rækkefølge: hvad der er lavet, hvad der er forældet, og opdater alt på én gang.",
      en: "The evaluation's parts in order: what is made, what is out of date, and update everything at once.",
    },
    component: React.lazy(() => import(/* webpackChunkName: "overview" */ "./overview/OverviewPane")),
  },
  {
    id: "programteori",
    title: { da: "Programteori", en: "Programme theory" },
    description: {
      da: "Byg programteorien i KL's fem trin, og gem den i projektmappen.",
      en: "Build the programme theory in KL's five steps and keep it in the workbook.",
    },
    component: React.lazy(() => import(/* webpackChunkName: "theory" */ "./theory/TheoryPane")),
  },
  {
    id: "sammenligning",
    title: { da: "Sammenligning", en: "Comparison" },
    description: {
      da: "Sammenlign indsatsgruppe og kontrolgruppe ud fra sagsdata i et ark.",
      en: "Compare the intervention group with the control group from case data on a sheet.",
    },
    component: React.lazy(() => import(/* webpackChunkName: "comparison" */ "./comparison/ComparisonPane")),
  },
  {
    id: "progression",
    title: { da: "Progression", en: "Progression" },
    description: {
      da: "Mål borgernes progression i delmålene, runde for runde.",
      en: "Measure the citizens' progression on the sub-goals, round by round.",
    },
    component: React.lazy(() => import(/* webpackChunkName: "progression" */ "./progression/ProgressionPane")),
  },
  {
    id: "registeropfoelgning",
    title: TERMS.registerFollowUp,
    description: {
      da: "Følg forsørgelsen uge for uge: andel af uger som selvforsørgende og tid til selvforsørgelse pr. gruppe.",
      en: "Follow benefits week by week: share of weeks self-supporting and time to self-support per group.",
    },
    component: React.lazy(() => import(/* webpackChunkName: "register" */ "./register/RegisterPane")),
  },
  {
    id: "ledelsesoverblik",
    title: { da: "Ledelsesoverblik", en: "Summary for leaders" },
    description: {
      da: "Én side til ledere og politikere: resultater, nøgletal og KL's tjekliste.",
      en: "One page for leaders and politicians: results, key figures and KL's checklist.",
    },
    component: React.lazy(() => import(/* webpackChunkName: "summary" */ "./summary/SummaryPane")),
  },
  {
    id: "forsoegsdesign",
    title: { da: "Forsøgsdesign", en: "Trial design" },
    description: {
      da: "Randomisér egnede borgere til indsatsgruppe og kontrolgruppe, og beregn stikprøvestørrelse og styrke.",
      en: "Randomise eligible citizens to the intervention and control groups, and compute sample size and power.",
    },
    component: React.lazy(() => import(/* webpackChunkName: "design" */ "./design/DesignPane")),
  },
];
