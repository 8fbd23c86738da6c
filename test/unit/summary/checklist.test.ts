/** KL's checklist: ten areas, stable item numbers, suggestions with a reason where the workbook can answer. */
import { CHECKLIST, CHECKLIST_SOURCE, parseAnswer, suggestAnswers, theoryGaps } from "../../../src/core/summary";
import { theory } from "./helpers";

const noFigures = { withTarget: 0, withTargetAndActual: 0, flagged: 0, flaggedAnswered: 0 };

test("ten areas as in KL's checklist, unique item numbers, the source named", () => {
  expect(new Set(CHECKLIST.map((i) => i.area.da)).size).toBe(10);
  expect(new Set(CHECKLIST.map((i) => i.id)).size).toBe(CHECKLIST.length);
  expect(CHECKLIST_SOURCE.da).toContain("KL");
  expect(CHECKLIST_SOURCE.da).toContain("En effektiv beskæftigelsesindsats for udsatte borgere");
});

test("programme theory: ja when complete and valid, delvist naming what lacks, nej without one", () => {
  expect(suggestAnswers({ theory: { missing: theoryGaps(theory), errors: 0 }, keyFigures: noFigures })["3.3"].answer).toBe("ja");
  const partial = suggestAnswers({ theory: { missing: theoryGaps({ ...theory, mechanisms: [] }), errors: 2 }, keyFigures: noFigures })["3.3"];
  expect(partial.answer).toBe("delvist");
  expect(partial.why.da).toBe("Programteorien mangler mekanismer og har 2 fejl.");
  const none = suggestAnswers({ theory: null, keyFigures: noFigures })["3.3"];
  expect(none.answer).toBe("nej");
  expect(none.why.da).toContain("Programteori");
});

test("key figures and deviations", () => {
  expect(suggestAnswers({ theory: null, keyFigures: noFigures })["3.1"].answer).toBe("nej");
  expect(suggestAnswers({ theory: null, keyFigures: { ...noFigures, withTarget: 3 } })["3.1"].answer).toBe("delvist");
  const s = suggestAnswers({ theory: null, keyFigures: { withTarget: 4, withTargetAndActual: 2, flagged: 2, flaggedAnswered: 1 } });
  expect(s["3.1"]).toEqual({ answer: "ja", why: expect.objectContaining({ da: "2 nøgletal har både måltal og faktisk værdi." }) });
  expect(s["3.2"].answer).toBe("delvist");
  expect(s["3.2"].why.da).toBe("1 af 2 afvigelser har forklaring og handling.");
  expect(suggestAnswers({ theory: null, keyFigures: { withTarget: 1, withTargetAndActual: 1, flagged: 0, flaggedAnswered: 0 } })["3.2"].answer).toBe("ikke relevant");
});

test("answers typed in Danish or English", () => {
  expect(parseAnswer(" Delvist ")).toBe("delvist");
  expect(parseAnswer("Not relevant")).toBe("ikke relevant");
  expect(parseAnswer("måske")).toBeNull();
});
