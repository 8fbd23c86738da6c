/** Small dense linear algebra for the regression models (a handful of parameters): Cholesky of a symmetric positive-definite matrix. */

export type Matrix = number[][];

/** Lower-triangular L with A = L Lᵀ, or null when A is not (numerically) positive definite. */
export function cholesky(a: Matrix): Matrix | null {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = a[j][j];
    for (let k = 0; k < j; k++) d -= l[j][k] * l[j][k];
    if (!(d > 1e-13 * Math.max(1, Math.abs(a[j][j])))) return null;
    l[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = s / l[j][j];
    }
  }
  return l;
}

/** Solves L Lᵀ x = b. */
export function cholSolve(l: Matrix, b: number[]): number[] {
  const n = l.length;
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * y[k];
    y[i] = s / l[i][i];
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
    x[i] = s / l[i][i];
  }
  return x;
}

/** A⁻¹ from its Cholesky factor. */
export function cholInverse(l: Matrix): Matrix {
  const n = l.length;
  const inv: Matrix = [];
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    inv.push(cholSolve(l, e));
  }
  return inv; // symmetric: columns = rows
}

/** log det A from its Cholesky factor. */
export function cholLogDet(l: Matrix): number {
  let s = 0;
  for (let i = 0; i < l.length; i++) s += 2 * Math.log(l[i][i]);
  return s;
}

/** Xᵀ diag(w) X. */
export function crossprodWeighted(x: Matrix, w: number[]): Matrix {
  const p = x[0].length;
  const out: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const wi = w[i];
    for (let a = 0; a < p; a++) {
      const v = wi * xi[a];
      for (let b = 0; b <= a; b++) out[a][b] += v * xi[b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) out[b][a] = out[a][b];
  return out;
}

/** uᵀ A v. */
export function quadForm(u: number[], a: Matrix, v: number[]): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) for (let j = 0; j < v.length; j++) s += u[i] * a[i][j] * v[j];
  return s;
}
