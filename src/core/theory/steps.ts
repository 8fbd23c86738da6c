/**
 * Help texts for KL's five steps of a programme theory, written in our own words from
 * KL / New Insight: "En effektiv beskæftigelsesindsats for udsatte borgere" (2013), section 3.3.
 * The English titles keep the Danish domain words (with a gloss), as the rest of the pane does.
 */
import { Step } from "./model";

export const STEPS: readonly Step[] = [
  {
    id: "maalgruppe",
    title: { da: "1. Målgruppe", en: "1. Målgruppe (target group)" },
    help: {
      da: "Beskriv præcist, hvem indsatsen er for. Hvad kendetegner borgerne (fx alder, ydelse, varighed på forsørgelse, problemer ud over ledighed)? Hvor mange er de? Skriv også, hvem der er med, og hvem der ikke er med.",
      en: "Describe precisely who the effort is for. What characterises the citizens (e.g. age, benefit, time on benefits, problems besides unemployment)? How many are they? Also state who is included and who is not.",
    },
    question: { da: "Hvilke kendetegn har målgruppen, og hvor stor er målgruppen?", en: "What characterises the target group, and how large is it?" },
  },
  {
    id: "slutmaal",
    title: { da: "2. Slutmål", en: "2. Slutmål (final goals)" },
    help: {
      da: "Sæt realistiske slutmål for indsatsen – det resultat, borgerne skal nå, fx job, uddannelse eller afklaring. Et slutmål skal kunne måles, så I kan følge op på det.",
      en: "Set realistic final goals for the effort – the result the citizens should reach, e.g. a job, education or a clarified situation. A final goal must be measurable so you can follow up on it.",
    },
    question: { da: "Hvad er det realistiske slutmål for borgerne i indsatsen?", en: "What is the realistic final goal for the citizens in the effort?" },
  },
  {
    id: "delmaal",
    title: { da: "3. Delmål", en: "3. Delmål (sub-goals)" },
    help: {
      da: "Find de små skridt på vejen: hvad skal borgeren kunne for at nå slutmålet? Formulér delmål som »Borgeren kan …«, så både borger og medarbejder kan se fremskridt undervejs. Et delmål kan føre til et andet delmål.",
      en: "Find the small steps on the way: what must the citizen be able to do to reach the final goal? Phrase sub-goals as »The citizen can …« so citizen and staff can see progress along the way. A sub-goal may lead to another sub-goal.",
    },
    question: { da: "Hvad skal borgeren kunne for at nå frem til slutmålet?", en: "What must the citizen be able to do to reach the final goal?" },
  },
  {
    id: "aktiviteter",
    title: { da: "4. Aktiviteter", en: "4. Activities" },
    help: {
      da: "Beskriv de aktiviteter, der skal skabe delmålene og slutmålet, fx samtaler, virksomhedspraktik, mentor eller kurser. Knyt hver aktivitet til de delmål, den skal fremme, og skriv gerne hvorfor.",
      en: "Describe the activities that are to produce the sub-goals and the final goal, e.g. meetings, work placements, a mentor or courses. Link each activity to the sub-goals it should advance, and preferably say why.",
    },
    question: { da: "Hvilke aktiviteter skal frembringe delmålene og slutmålet?", en: "Which activities are to produce the sub-goals and the final goal?" },
  },
  {
    id: "mekanismer",
    title: { da: "5. Virksomme mekanismer", en: "5. Virksomme mekanismer (mechanisms)" },
    help: {
      da: "Hvad skal være til stede, for at aktiviteterne fører til delmål og slutmål? Det kan være kompetencer, ressourcer, tilgange eller organisatoriske rammer. Knyt mekanismerne til de aktiviteter eller sammenhænge, de understøtter.",
      en: "What must be present for the activities to lead to the sub-goals and final goals? It can be competences, resources, approaches or organisational frameworks. Attach the mechanisms to the activities or links they support.",
    },
    question: {
      da: "Hvad skal være til stede, for at aktiviteterne virker?",
      en: "What must be present for the activities to work?",
    },
  },
];
