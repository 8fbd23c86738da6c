/** The chain result as the Ledelsesoverblik's "Holder kæden?" input: per slutmål, its links counted by status. */
import type { ChainBrief } from "../summary/types";
import type { ProgrammeTheory } from "../theory/model";
import { CHAIN_SHEET_NAME } from "./sheet";
import type { ChainResult } from "./types";

export function chainBrief(theory: ProgrammeTheory, res: ChainResult): ChainBrief {
  const goals = theory.finalGoals
    .map((g) => {
      const links = res.outcomeLinks.filter((l) => l.finalGoalId === g.id);
      return {
        id: g.id,
        name: g.name,
        supported: links.filter((l) => l.status === "stoettet").length,
        notSupported: links.filter((l) => l.status === "ikkeStoettet").length,
        tooLittle: links.filter((l) => l.status === "forLidtData").length,
      };
    })
    .filter((g) => g.supported + g.notSupported + g.tooLittle > 0);
  return { goals, sheet: CHAIN_SHEET_NAME };
}
