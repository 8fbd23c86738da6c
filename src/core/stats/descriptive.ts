/** Descriptive statistics. */
import { checkSample } from "./validate";

export function mean(x: number[]): number {
  checkSample(x, 1);
  let s = 0;
  for (const v of x) s += v;
  const m = s / x.length;
  // one refinement pass, as R's mean() does, for accuracy with large offsets
  let r = 0;
  for (const v of x) r += v - m;
  return m + r / x.length;
}

/** Sample variance (denominator n - 1). */
export function variance(x: number[]): number {
  checkSample(x, 2);
  const m = mean(x);
  let s = 0;
  for (const v of x) s += (v - m) * (v - m);
  return s / (x.length - 1);
}

/** Sample standard deviation (denominator n - 1), as R's sd(). */
export function sd(x: number[]): number {
  return Math.sqrt(variance(x));
}

/** Median (mean of the two middle values for even n), as R's median(). */
export function median(x: number[]): number {
  checkSample(x, 1);
  const s = [...x].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Average ranks (ties get the mean rank), plus the sizes of tie groups. */
export function rankWithTies(v: number[]): { ranks: number[]; tieSizes: number[] } {
  const idx = v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
  const ranks = new Array<number>(v.length);
  const tieSizes: number[] = [];
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && v[idx[j + 1]] === v[idx[i]]) j++;
    const r = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[idx[k]] = r;
    if (j > i) tieSizes.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, tieSizes };
}
