/**
 * The disclosure rule on small hand-made tables: a release is accepted only if no block of atoms
 * that the accepted sums cannot tell apart holds 1 … t − 1 citizens. Atoms here: statuses Job,
 * Uddannelse, FØP, Kontanthjælp, Fraflyttet (0–4) of one group at one time point.
 */
import { Disclosure, type DisclosureTable } from "../../../src/core/summary";

const table = (counts: number[], id = "s:intervention:18", group = "arm:intervention"): DisclosureTable => ({ id, counts, totalGroup: group });
const sum = (atoms: number[], t = "s:intervention:18") => ({ table: t, atoms });
const share = (id: string, x: number[], valid = [0, 1, 2, 3]) => ({ id, sums: [sum(x), sum(valid)] });

test("a share whose count, or whose complement n − x, is small is refused; 0 and the threshold itself are fine", () => {
  expect(new Disclosure([table([3, 10, 0, 13, 0])], 5).offer(share("x", [0]))).toBe(false);
  expect(new Disclosure([table([23, 0, 0, 3, 0])], 5).offer(share("x", [0]))).toBe(false);
  expect(new Disclosure([table([0, 10, 0, 16, 0])], 5).offer(share("x", [0]))).toBe(true);
  expect(new Disclosure([table([5, 0, 0, 5, 0])], 5).offer(share("x", [0]))).toBe(true);
});

test("two outcomes that differ by one status: the second is refused when the difference is small", () => {
  const d = new Disclosure([table([7, 5, 1, 13, 0])], 5);
  expect(d.offer(share("uden FØP", [0, 1]))).toBe(true);
  expect(d.offer(share("med FØP", [0, 1, 2]))).toBe(false);
  expect(d.isReleased("uden FØP")).toBe(true);
  expect(d.isReleased("med FØP")).toBe(false);
  // with 5 on FØP both may be printed
  const e = new Disclosure([table([7, 5, 5, 9, 0])], 5);
  expect(e.offer(share("uden FØP", [0, 1])) && e.offer(share("med FØP", [0, 1, 2]))).toBe(true);
});

test("N beside n: refused when N − n (no valid status) is small, in any time point of the group", () => {
  const t6 = table([10, 0, 0, 20, 0], "s:intervention:6");
  const t18 = table([10, 0, 0, 16, 4], "s:intervention:18");
  const d = new Disclosure([t6, t18], 5);
  expect(d.offer(share("18", [0]))).toBe(true);
  const all = [0, 1, 2, 3, 4];
  expect(d.offer({ id: "N", sums: [sum(all, "s:intervention:6"), sum(all)] })).toBe(false);
  // without n at 18 months N may be printed
  const e = new Disclosure([table([10, 0, 0, 20, 0], "s:intervention:6"), table([10, 0, 0, 16, 4])], 5);
  expect(e.offer({ id: "N", sums: [sum(all, "s:intervention:6"), sum(all)] })).toBe(true);
  // and then the share at 18 months is the one refused (priority: first come, first kept)
  expect(e.offer(share("18", [0]))).toBe(false);
});

test("while N is unknown, the citizens outside every printed sum are not bounded and not checked", () => {
  const d = new Disclosure([table([10, 0, 0, 16, 4])], 5);
  expect(d.isReleased("bad")).toBe(false);
});

test("a release is all or nothing, and an unknown table or atom is refused", () => {
  const d = new Disclosure([table([10, 0, 0, 16, 4])], 5);
  // Job (10) is fine alone, Fraflyttet (4) is not: the release is refused, and its Job sum is not kept
  expect(d.offer({ id: "bad", sums: [sum([0]), sum([4])] })).toBe(false);
  expect(d.offer({ id: "job+fraflyttet", sums: [sum([0, 4])] })).toBe(true);
  expect(d.offer({ id: "x", sums: [sum([0]), sum([9])] })).toBe(false);
  expect(d.offer({ id: "y", sums: [sum([0], "nowhere")] })).toBe(false);
  expect(d.isReleased("bad")).toBe(false);
});
