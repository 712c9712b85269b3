// Fast non-cryptographic hashes on 32-bit lanes (Math.imul keeps the arithmetic in int32).
// Two independent lanes make a 64-bit key where a collision would mean a wrong answer.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const LANE_B_SEED = 0x9747b28c;
const LANE_B_MULTIPLIER = 0x5bd1e995;

/** murmur3's finalizer: every input bit reaches every output bit. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** FNV-1a over UTF-16 code units, finalized; an int32. */
export function hashString(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h);
}

/** A second hash of the same string, independent of hashString (a different mixing step). */
export function hashStringLaneB(text: string): number {
  let h = LANE_B_SEED;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), LANE_B_MULTIPLIER);
    h = (h << 13) | (h >>> 19);
  }
  return fmix32(h ^ text.length);
}

/** Both lanes as 16 hex digits: a key for maps and for storage. */
export function hash64Hex(text: string): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(hashString(text)) + hex(hashStringLaneB(text));
}

/** The same lanes step by step, for the tokenizer that hashes while it scans. */
export const HASH_STEP = {
  startA: FNV_OFFSET,
  startB: LANE_B_SEED,
  stepA: (h: number, code: number) => Math.imul(h ^ code, FNV_PRIME),
  stepB: (h: number, code: number) => {
    const m = Math.imul(h ^ code, LANE_B_MULTIPLIER);
    return (m << 13) | (m >>> 19);
  },
  finishA: (h: number) => fmix32(h),
  finishB: (h: number, length: number) => fmix32(h ^ length),
} as const;
