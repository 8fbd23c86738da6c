/** Every number of "Virkningskæden i data" against R (test/fixtures/chain/chain.json, scripts/fixtures/generate-chain.R). */
import { runChain, type TwoShares } from "../../../src/core/chain";
import { chainInput, close, datasets, NOW, type RShares } from "./fixture";

function sameShares(got: TwoShares | null, want: RShares): void {
  expect(got).not.toBeNull();
  const g = got as TwoShares;
  expect([g.first.x, g.second.x]).toEqual(want.x);
  expect([g.first.n, g.second.n]).toEqual(want.n);
  close(g.difference, want.difference[0]);
  close(g.lower, want.difference[1]);
  close(g.upper, want.difference[2]);
  close(g.pValue, want.p);
}

describe.each(datasets.map((d) => [d.name, d] as const))("chain vs R: %s", (_name, d) => {
  const result = runChain(chainInput(d), NOW);

  it("joins the citizens by ID and counts the unmatched, as R", () => {
    expect(result.join).toEqual(d.expected.join);
    expect(result.rater).toBe(d.expected.rater);
  });

  it.each(d.expected.outcomeLinks.map((l) => [l.linkId, l] as const))("delmål → slutmål %s: effects, association, month and status", (id, want) => {
    const got = result.outcomeLinks.find((l) => l.linkId === id);
    expect(got).toBeDefined();
    expect(got!.month).toBe(want.month);
    sameShares(got!.subGoalEffect, want.subGoalEffect);
    sameShares(got!.finalGoalEffect, want.finalGoalEffect);
    sameShares(got!.association, want.association);
    expect(got!.status).toBe(want.status);
  });

  it.each(d.expected.activityLinks.map((l) => [l.linkId, l] as const))("aktivitet → delmål %s: change in the indsatsgruppe and status", (id, want) => {
    const got = result.activityLinks.find((l) => l.linkId === id)!;
    expect([got.paired, got.improved, got.unchanged, got.worse]).toEqual([want.paired, want.improved, want.unchanged, want.worse]);
    close(got.medianChange, want.medianChange);
    close(got.pValue, want.p);
    expect(got.status).toBe(want.status);
  });
});

describe("a link where nobody reached the delmål", () => {
  const d = datasets.find((x) => x.expected.outcomeLinks.some((l) => l.association.n[0] === 0))!;
  const link = runChain(chainInput(d), NOW).outcomeLinks.find((l) => l.association?.first.n === 0)!;

  it("gives 'for lidt data' with no interval and says why", () => {
    expect(link.status).toBe("forLidtData");
    expect(link.association!.difference).toBeNull();
    expect(link.association!.lower).toBeNull();
    expect(link.association!.upper).toBeNull();
    expect(link.reason.da).toMatch(/Ingen af de målte borgere har nået delmålet/);
  });
});
