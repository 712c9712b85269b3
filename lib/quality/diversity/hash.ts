// A 32-bit hash per token, combined per n-gram under two seeds: one 32-bit hash for the exact
// window set, both (64 bits) for HyperLogLog, which needs more bits than 32 at a billion n-grams.

/** FNV-1a over the UTF-16 code units, with a murmur3 finalizer; `seed` picks the stream. */
export function hashString(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** A hash of `length` token hashes starting at `start`, in order. */
export function hashRun(tokens: Uint32Array, start: number, length: number, seed: number): number {
  let h = (seed ^ length) >>> 0;
  for (let i = start; i < start + length; i += 1) {
    h = Math.imul(h ^ (tokens[i] as number), 0x85ebca6b);
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  return fmix(h);
}

function fmix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const SEED_A = 0x9e3779b9;
export const SEED_B = 0x7f4a7c15;
