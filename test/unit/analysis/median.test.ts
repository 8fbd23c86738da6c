import fc from "fast-check";
import { meanVariance, medianInPlace, smdFromMoments, systematicSample } from "../../../src/core/analysis/compare";
import { mean, sd, smdContinuous } from "../../../src/core/stats";

function sortedMedian(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const h = s.length >> 1;
  // -0 and 0 sort as equal, so which one is in the middle is arbitrary; medians are reported as 0.
  return (s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2) + 0;
}

describe("medianInPlace (used for the median (min–max) of large groups)", () => {
  it("equals the median of the sorted values, with ties and even/odd n", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 300 }), (x) => {
        expect(medianInPlace(Float64Array.from(x))).toBe(sortedMedian(x));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (x) => {
        expect(medianInPlace(Float64Array.from(x))).toBe(sortedMedian(x));
      }),
      { numRuns: 300 },
    );
  });
  it("never reports a negative zero", () => {
    expect(Object.is(medianInPlace(Float64Array.from([-0, 0, -0])), 0)).toBe(true);
    expect(Object.is(medianInPlace(Float64Array.from([-0, -0])), 0)).toBe(true);
  });
  it("R: median(c(5, 3, 1, 4)) = 3.5; median(c(2, 2, 2)) = 2", () => {
    expect(medianInPlace(Float64Array.from([5, 3, 1, 4]))).toBe(3.5);
    expect(medianInPlace(Float64Array.from([2, 2, 2]))).toBe(2);
  });
});

describe("systematicSample (Shapiro–Wilk on at most 5000 values)", () => {
  it("keeps small samples and takes every k-th value in order from large ones", () => {
    const small = [3, 1, 2];
    expect(systematicSample(small, 5)).toBe(small);
    const big = Array.from({ length: 20 }, (_, i) => i);
    expect(systematicSample(big, 5)).toEqual([0, 4, 8, 12, 16]);
  });
});

describe("meanVariance and smdFromMoments agree with the stats engine", () => {
  it("equal mean, sd and smdContinuous on random samples", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 100 }),
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 100 }),
        (x, y) => {
          const a = meanVariance(Float64Array.from(x));
          const b = meanVariance(Float64Array.from(y));
          expect(a.mean).toBeCloseTo(mean(x), 8);
          expect(Math.sqrt(a.variance)).toBeCloseTo(sd(x), 8);
          let expected: number | null;
          try {
            expected = smdContinuous(x, y);
          } catch {
            expected = null;
          }
          const got = smdFromMoments(a.mean, a.variance, b.mean, b.variance);
          // When the spread is below float resolution of the values (e.g. 9999.999998176138 vs
          // …158), the SMD is ill-conditioned: any two correct algorithms differ. Compare the rest.
          const scale = Math.max(1, ...x.map(Math.abs), ...y.map(Math.abs));
          const illConditioned = Math.sqrt((a.variance + b.variance) / 2) < 1e-6 * scale;
          if (expected === null) expect(got === null || Math.abs(got) > 1e6).toBe(true);
          else if (!illConditioned) expect(got).toBeCloseTo(expected, 6);
        },
      ),
      { numRuns: 300 },
    );
  });
  it("R: mean(c(25,30,35,40,45,50,55,60,28,33)) = 40.1, sd = 11.98564", () => {
    const r = meanVariance(Float64Array.from([25, 30, 35, 40, 45, 50, 55, 60, 28, 33]));
    expect(r.mean).toBeCloseTo(40.1, 12);
    expect(Math.sqrt(r.variance)).toBeCloseTo(11.98564, 5);
  });
});
