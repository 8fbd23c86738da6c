/**
 * MT19937, the Mersenne Twister of Matsumoto & Nishimura (1998), "Mersenne Twister: a
 * 623-dimensionally equidistributed uniform pseudo-random number generator", ACM TOMACS 8(1):3–30,
 * as in the authors' reference code mt19937ar.c (2002): seeding by `init_genrand(seed)` with a
 * 32-bit unsigned seed, doubles in [0, 1) with 53-bit resolution by `genrand_res53`.
 *
 * The same stream is produced by numpy's legacy generator: `numpy.random.RandomState(seed)
 * .random_sample(n)` (and MATLAB's `rng(seed, "twister"); rand(1, n)`), so an auditor can recompute
 * every random number of an allocation outside the add-in. Check value: seed 5489 gives
 * 0.8147236863931789, 0.9057919370756192, 0.1269868162935061, …
 */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export const MT_ALGORITHM = "MT19937 (Matsumoto & Nishimura 1998), init_genrand(seed), genrand_res53";

export class Mt19937 {
  private readonly mt = new Uint32Array(N);
  private mti = N + 1;

  /** `seed`: an integer 0 … 4294967295. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`MT19937 seed must be an integer 0…4294967295, got ${seed}`);
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      // 1812433253 * prev + i, modulo 2^32 (Knuth TAOCP vol. 2, 3rd ed., p. 106)
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
  }

  private twist(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.mti = 0;
  }

  /** genrand_int32: the next 32-bit unsigned integer. */
  nextUint32(): number {
    if (this.mti >= N) this.twist();
    let y = this.mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** genrand_res53: (a * 2^26 + b) / 2^53 with a = int32 >> 5, b = int32 >> 6. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
