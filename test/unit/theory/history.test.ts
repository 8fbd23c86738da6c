import { addItem, canRedo, canUndo, emptyTheory, HISTORY_LIMIT, record, redo, removeItem, setLink, startHistory, undo, updateItem } from "../../../src/core/theory";

describe("undo/redo history", () => {
  it("undoes and redoes any sequence of edits exactly, and a new edit clears redo", () => {
    const t0 = emptyTheory();
    const t1 = addItem(t0, "delmaal", "Borgeren kan møde stabilt");
    const t2 = addItem(t1, "slutmaal", "Job");
    const t3 = setLink(t2, "delmaal-slutmaal", "D1", "S1", true);
    const t4 = removeItem(t3, "delmaal", "D1");
    let h = startHistory(t0);
    for (const t of [t1, t2, t3, t4]) h = record(h, t);
    expect(h.present.links).toEqual([]);
    h = undo(h);
    expect(h.present).toBe(t3);
    expect(h.present.links).toHaveLength(1); // deleting D1 took its link; undo brings both back
    h = undo(undo(h));
    expect(h.present).toBe(t1);
    h = redo(h);
    expect(h.present).toBe(t2);
    expect(canRedo(h)).toBe(true);
    h = record(h, addItem(t2, "aktivitet", "Praktik"));
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(t2);
    expect(undo(startHistory(t0))).toEqual(startHistory(t0));
    expect(canUndo(startHistory(t0))).toBe(false);
  });

  it("merges keystrokes in one field into one step, but not across fields or pauses", () => {
    let t = addItem(emptyTheory(), "delmaal", "");
    let h = startHistory(t);
    for (const [i, name] of ["B", "Bo", "Bor"].entries()) {
      t = updateItem(t, "delmaal", "D1", { name });
      h = record(h, t, { key: "name:D1", at: 1000 + i * 200 });
    }
    expect(h.past).toHaveLength(1);
    t = updateItem(t, "delmaal", "D1", { description: "x" });
    h = record(h, t, { key: "description:D1", at: 1700 });
    expect(h.past).toHaveLength(2);
    t = updateItem(t, "delmaal", "D1", { name: "Borg" });
    h = record(h, t, { key: "name:D1", at: 1800 });
    t = updateItem(t, "delmaal", "D1", { name: "Borge" });
    h = record(h, t, { key: "name:D1", at: 1800 + 5000 });
    expect(h.past).toHaveLength(4);
    expect(undo(h).present.subGoals[0].name).toBe("Borg");
  });

  it("keeps at most HISTORY_LIMIT steps", () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });
});
