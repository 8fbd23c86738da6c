/** "Holder kæden?": one line per slutmål on the Ledelsesoverblik, when "Virkningskæden i data" has been made. */
import { TERMS } from "../vocabulary";
import type { Rows } from "./layout";
import { SMALL } from "./sheet";
import type { ChainBrief, Lang } from "./types";

/** The sentence for one slutmål, e.g. "Holder kæden? S1 Job: 1 af 2 forbindelser fra delmål er støttet i data (1 for lidt data)." */
export function chainLineText(g: ChainBrief["goals"][number], lang: Lang): string {
  const total = g.supported + g.notSupported + g.tooLittle;
  const rest: string[] = [];
  if (g.notSupported > 0) rest.push(`${g.notSupported} ${TERMS.linkNotSupported[lang]}`);
  if (g.tooLittle > 0) rest.push(`${g.tooLittle} ${TERMS.tooLittleData[lang]}`);
  const tail = rest.length > 0 ? ` (${rest.join(", ")})` : "";
  return lang === "da"
    ? `${TERMS.chainHolds.da} ${g.id} ${g.name}: ${g.supported} af ${total} forbindelser fra delmål er ${TERMS.linkSupported.da} i data${tail}.`
    : `${TERMS.chainHolds.en} ${g.id} ${g.name}: ${g.supported} of ${total} links from sub-goals are ${TERMS.linkSupported.en} by the data${tail}.`;
}

/** The lines (nothing when there is no chain result or the theory has no delmål → slutmål link). */
export function chainLines(rows: Rows, chain: ChainBrief | null | undefined, lang: Lang): void {
  if (!chain || chain.goals.length === 0) return;
  for (const g of chain.goals) rows.add([chainLineText(g, lang)], { bold: true });
  rows.add([lang === "da" ? `Kilde: arket "${chain.sheet}" (sammenhænge, ikke effekter).` : `Source: the sheet "${chain.sheet}" (associations, not effects).`], SMALL);
}
