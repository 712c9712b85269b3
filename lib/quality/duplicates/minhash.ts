import { fmix32 } from "../text/hash";
import { normalizeText } from "../text/normalize";
import { TokenBuffer, tokenizeWords } from "../text/tokenize";
import { MAX_WINDOW, WindowHasher } from "../text/windows";
import type { ResolvedNearDuplicateSettings } from "./settings";

// MinHash signatures of a text's shingle set: for each of `permutations` hash functions, the
// smallest hash over the shingles. Two signatures agree at a position with probability equal to
// the Jaccard similarity of the two shingle sets.

const UINT32_MAX = 0xffffffff;

/** splitmix32: well-spread seeds for the hash functions, reproducible from one number. */
function seedsFrom(seed: number, count: number): Int32Array {
  const out = new Int32Array(count);
  let state = seed | 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) | 0;
    out[i] = fmix32(state);
  }
  return out;
}

export class MinHasher {
  private readonly seeds: Int32Array;
  private readonly tokens = new TokenBuffer();
  private readonly windows = new WindowHasher();
  private charHashesA = new Int32Array(1024);
  private charHashesB = new Int32Array(1024);
  private shingles = new Int32Array(1024);

  constructor(private readonly settings: ResolvedNearDuplicateSettings) {
    if (settings.shingleSize > MAX_WINDOW) throw new Error(`shingles longer than ${MAX_WINDOW}`);
    this.seeds = seedsFrom(settings.seed, settings.permutations);
  }

  /** Writes the signature into `out` (length = permutations); false when the text has no shingle. */
  signature(text: string, out: Uint32Array): boolean {
    const count = this.shingleHashes(text);
    if (count === 0) return false;
    out.fill(UINT32_MAX);
    const { seeds, shingles } = this;
    const permutations = seeds.length;
    for (let s = 0; s < count; s++) {
      const x = shingles[s]!;
      for (let p = 0; p < permutations; p++) {
        // fmix32(x ^ seed), written out: this loop is the whole cost of near-duplicate detection.
        let h = x ^ seeds[p]!;
        h ^= h >>> 16;
        h = Math.imul(h, 0x85ebca6b);
        h ^= h >>> 13;
        h = Math.imul(h, 0xc2b2ae35);
        h = (h ^ (h >>> 16)) >>> 0;
        if (h < out[p]!) out[p] = h;
      }
    }
    return true;
  }

  /** Fills `shingles` with one hash per shingle; a text shorter than a shingle is one shingle. */
  private shingleHashes(text: string): number {
    const size = this.settings.shingleSize;
    let units: number;
    if (this.settings.shingle === "word") {
      const tokens = tokenizeWords(text, this.tokens);
      units = tokens.count;
      this.windows.load(tokens.hashA, tokens.hashB, units);
    } else {
      const normal = normalizeText(text);
      units = normal.length;
      if (this.charHashesA.length < units) {
        this.charHashesA = new Int32Array(units * 2);
        this.charHashesB = new Int32Array(units * 2);
      }
      for (let i = 0; i < units; i++) {
        const c = normal.charCodeAt(i);
        this.charHashesA[i] = fmix32(c);
        this.charHashesB[i] = fmix32(c ^ 0x5bd1e995);
      }
      this.windows.load(this.charHashesA, this.charHashesB, units);
    }
    if (units === 0) return 0;
    const length = Math.min(size, units);
    const count = units - length + 1;
    if (this.shingles.length < count) this.shingles = new Int32Array(count * 2);
    for (let s = 0; s < count; s++) {
      this.windows.window(s, length);
      this.shingles[s] = this.windows.a;
    }
    return count;
  }
}
