import { fmix32 } from "./hash";

// Hashes of every run of `length` consecutive tokens (n-grams, shingles) in O(1) each, from
// polynomial prefix sums mod 2^32 on two lanes; any length up to MAX_WINDOW.

export const MAX_WINDOW = 256;
const BASE_A = 0x2f0e1eb5 | 1;
const BASE_B = 0x6c8e9cf7 | 1;
const LENGTH_MIX = 0x27d4eb2d;

function powers(base: number): Int32Array {
  const out = new Int32Array(MAX_WINDOW + 1);
  out[0] = 1;
  for (let i = 1; i <= MAX_WINDOW; i++) out[i] = Math.imul(out[i - 1]!, base);
  return out;
}
const POW_A = powers(BASE_A);
const POW_B = powers(BASE_B);

/** Load token hashes once per text, then ask for windows; `a` and `b` hold the last answer. */
export class WindowHasher {
  private prefixA = new Int32Array(257);
  private prefixB = new Int32Array(257);
  count = 0;
  a = 0;
  b = 0;

  load(hashA: ArrayLike<number>, hashB: ArrayLike<number>, count: number): void {
    if (this.prefixA.length <= count) {
      this.prefixA = new Int32Array(count * 2 + 1);
      this.prefixB = new Int32Array(count * 2 + 1);
    }
    const pa = this.prefixA;
    const pb = this.prefixB;
    pa[0] = 0;
    pb[0] = 0;
    for (let i = 0; i < count; i++) {
      pa[i + 1] = (Math.imul(pa[i]!, BASE_A) + hashA[i]!) | 0;
      pb[i + 1] = (Math.imul(pb[i]!, BASE_B) + hashB[i]!) | 0;
    }
    this.count = count;
  }

  /** Sets `a` and `b` to the hash of tokens [start, start + length). */
  window(start: number, length: number): void {
    const end = start + length;
    const rawA = (this.prefixA[end]! - Math.imul(this.prefixA[start]!, POW_A[length]!)) | 0;
    const rawB = (this.prefixB[end]! - Math.imul(this.prefixB[start]!, POW_B[length]!)) | 0;
    const mix = Math.imul(length, LENGTH_MIX);
    this.a = fmix32(rawA ^ mix);
    this.b = fmix32(rawB + mix);
  }
}
