/** Small-number protection: counts 1..t−1 hidden, and no shown share (with its n) gives a hidden count back. */
import { isSuppressed, normaliseThreshold, shownCount, shownShare } from "../../../src/core/summary";

test("counts from 1 to threshold − 1 read '<threshold'; 0 and the threshold itself are shown", () => {
  expect(shownCount(0, 5)).toBe(0);
  expect(shownCount(1, 5)).toBe("<5");
  expect(shownCount(4, 5)).toBe("<5");
  expect(shownCount(5, 5)).toBe(5);
  expect(shownCount(9, 10)).toBe("<10");
});

test("a share is hidden when its count, its complement or its denominator is small", () => {
  expect(shownShare(4, 40, 5)).toBeNull();
  expect(shownShare(36, 40, 5)).toBeNull(); // 4 did not reach it
  expect(shownShare(5, 9, 5)).toBeNull(); // 9 − 5 = 4
  expect(shownShare(0, 4, 5)).toBeNull(); // n below the threshold
  expect(shownShare(0, 20, 5)).toBe(0);
  expect(shownShare(20, 20, 5)).toBe(1);
  expect(shownShare(5, 10, 5)).toBe(0.5);
});

test("no shown share, together with its shown n, reveals a suppressed count (all n ≤ 60, thresholds 2–10)", () => {
  let shown = 0;
  for (let t = 2; t <= 10; t++)
    for (let n = 0; n <= 60; n++)
      for (let x = 0; x <= n; x++) {
        const s = shownShare(x, n, t);
        if (s === null) continue;
        shown++;
        const x2 = Math.round(s * n);
        expect(isSuppressed(x2, t)).toBe(false);
        expect(isSuppressed(n - x2, t)).toBe(false);
        expect(shownCount(n, t)).toBe(n);
      }
  expect(shown).toBeGreaterThan(5000);
});

test("the threshold is a whole number from 1 to 50; default 5", () => {
  expect(normaliseThreshold(undefined)).toBe(5);
  expect(normaliseThreshold(3.6)).toBe(4);
  expect(normaliseThreshold(0)).toBe(1);
  expect(normaliseThreshold(500)).toBe(50);
});
