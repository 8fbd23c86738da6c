/** Issue 19: the theory pane's local draft never keeps a CPR number (it was offered back after reload). */
import { CPR_REMOVED } from "../../src/core/data";
import { TEMPLATES } from "../../src/core/theory/templates";
import { clearDraft, loadDraft, saveDraft } from "../../src/taskpane/theory/draftStore";
import { CPR_FORMS, echoesCpr } from "../fixtures/cprForms";

describe("the theory pane's local draft", () => {
  afterEach(() => clearDraft());

  it.each(CPR_FORMS.map((f) => [f.name, f.value]))("does not keep a CPR number written as %s, and keeps the rest of the work", (_name, form) => {
    const t = TEMPLATES[0].build();
    const theory = { ...t, title: "Min indsats", activities: t.activities.map((a, i) => (i === 0 ? { ...a, description: `Ring til ${form}` } : a)) };
    saveDraft(theory);
    const raw = Object.keys(localStorage).map((k) => localStorage.getItem(k) ?? "").join("\n");
    expect(echoesCpr(JSON.parse(raw).theory.activities[0].description)).toBe(false);
    expect(echoesCpr(raw)).toBe(false);
    const back = loadDraft();
    expect(back?.theory.activities[0].description).toBe(CPR_REMOVED.da);
    expect(back?.theory.title).toBe("Min indsats");
    expect(back?.theory.activities[1]).toEqual(t.activities[1]);
  });

  it("a draft stored by an older version with a CPR number is not offered back with it", () => {
    const t = TEMPLATES[0].build();
    saveDraft(t);
    const key = Object.keys(localStorage)[0];
    const stored = JSON.parse(localStorage.getItem(key)!);
    stored.theory.title = "Borger 01.01.90-1234";
    localStorage.setItem(key, JSON.stringify(stored));
    expect(loadDraft()?.theory.title).toBe(CPR_REMOVED.da);
  });
});
