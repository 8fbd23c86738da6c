/** Issue 9, observation 8: ";" inside a status or scale label split it in two on the sheet round trip. */
import fc from "fast-check";
import { joinList, splitList } from "../../../src/core/theory/sheet";

describe("lists in cells", () => {
  it("keep a ';' inside a label", () => {
    const labels = ["Job; fuld tid", "Uddannelse", "a;", ";b", ";"];
    expect(joinList(labels)).toBe("Job;; fuld tid; Uddannelse; a;;; ;;b; ;;");
    expect(splitList(joinList(labels))).toEqual(labels);
  });

  it("read lists written by hand with single separators as before", () => {
    expect(splitList("Jobparat; Fleksjob ;Uddannelse")).toEqual(["Jobparat", "Fleksjob", "Uddannelse"]);
  });

  it("round-trip any trimmed, non-empty text", () => {
    const item = fc.string({ minLength: 1 }).map((s) => s.trim()).filter((s) => s.length > 0);
    fc.assert(fc.property(fc.array(item, { maxLength: 6 }), (xs) => expect(splitList(joinList(xs))).toEqual(xs)));
  });
});
