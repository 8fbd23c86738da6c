import fc from "fast-check";
import { stepStatuses, validateTheory } from "../../../src/core/theory";
import { build, plan } from "./arbitraries";

describe("validation and step status (property)", () => {
  it("'no issues' happens exactly when all five steps are done, and an empty step is never done", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const t = build(p);
        const issues = validateTheory(t);
        const statuses = Object.values(stepStatuses(t, issues));
        expect(issues.length === 0).toBe(statuses.every((s) => s === "done"));
        if (t.activities.length === 0) expect(stepStatuses(t, issues).aktiviteter).toBe("empty");
        if (t.mechanisms.length === 0) expect(issues.map((i) => i.code)).toContain("NO_MECHANISM");
        for (const i of issues) expect(i.step).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
