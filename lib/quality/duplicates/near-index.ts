import { orderByKey } from "../text/radix-sort";
import { MinHasher } from "./minhash";
import {
  type NearDuplicateSettings,
  type ResolvedNearDuplicateSettings,
  resolveNearDuplicateSettings,
} from "./settings";
import { UnionFind } from "./union-find";

// Near-duplicate detection over a stream of texts: add() keeps per row only its id, one band
// key per band (uint32) and one byte per hash function (the low byte of each MinHash, enough to
// estimate Jaccard similarity: unequal values agree by chance 1/256 of the time, corrected).
// At 28 x 4 that is 224 bytes a row. clusters() groups rows by band key (radix sort, no Map),
// confirms each candidate pair by its estimated similarity and joins them with union-find.

export type NearDuplicateCluster = {
  /** In the order they were added; the first is the one to keep. */
  ids: string[];
  /** The weakest confirmed link (estimated Jaccard) that joined the cluster. */
  similarity: number;
};

/** Members of one band bucket compared with at most this many distinct earlier members. */
const MAX_LEADERS_PER_BUCKET = 8;
const CHANCE_AGREEMENT = 1 / 256;

export class NearDuplicateIndex {
  readonly settings: ResolvedNearDuplicateSettings;
  private readonly hasher: MinHasher;
  private readonly signature: Uint32Array;
  private ids: string[] = [];
  private capacity = 1024;
  private bandKeys: Uint32Array;
  private fingerprints: Uint8Array;
  /** 1 for rows without a single shingle (empty texts): never clustered. */
  private empty: Uint8Array;

  constructor(settings: NearDuplicateSettings = {}) {
    this.settings = resolveNearDuplicateSettings(settings);
    this.hasher = new MinHasher(this.settings);
    this.signature = new Uint32Array(this.settings.permutations);
    this.bandKeys = new Uint32Array(this.capacity * this.settings.bands);
    this.fingerprints = new Uint8Array(this.capacity * this.settings.permutations);
    this.empty = new Uint8Array(this.capacity);
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: string, text: string): void {
    const row = this.ids.length;
    if (row === this.capacity) this.grow();
    this.ids.push(id);
    const { bands, rows, permutations } = this.settings;
    if (!this.hasher.signature(text, this.signature)) {
      this.empty[row] = 1;
      return;
    }
    const signature = this.signature;
    const offset = row * permutations;
    for (let i = 0; i < permutations; i++) this.fingerprints[offset + i] = signature[i]! & 0xff;
    for (let b = 0; b < bands; b++) {
      let key = 0x811c9dc5 ^ b;
      for (let r = b * rows; r < (b + 1) * rows; r++) key = Math.imul(key ^ signature[r]!, 0x01000193);
      key ^= key >>> 15;
      this.bandKeys[row * bands + b] = Math.imul(key, 0x2c1b3c6d) >>> 0;
    }
  }

  /** Estimated Jaccard similarity of two added rows. */
  similarity(rowA: number, rowB: number): number {
    const p = this.settings.permutations;
    const f = this.fingerprints;
    let agree = 0;
    for (let i = 0, a = rowA * p, b = rowB * p; i < p; i++) if (f[a + i] === f[b + i]) agree++;
    return Math.max(0, (agree / p - CHANCE_AGREEMENT) / (1 - CHANCE_AGREEMENT));
  }

  /** Every group of at least two near-duplicate rows, by their first member's add order. */
  clusters(): NearDuplicateCluster[] {
    const n = this.ids.length;
    const sets = new UnionFind(n);
    const weakest = new Float64Array(n).fill(1);
    const keys = new Uint32Array(n);
    const { bands, threshold } = this.settings;
    for (let b = 0; b < bands; b++) {
      for (let i = 0; i < n; i++) keys[i] = this.bandKeys[i * bands + b]!;
      const order = orderByKey(keys, n);
      for (let start = 0; start < n;) {
        let end = start + 1;
        while (end < n && keys[order[end]!] === keys[order[start]!]) end++;
        if (end - start > 1) this.confirmBucket(order.subarray(start, end), sets, weakest, threshold);
        start = end;
      }
    }
    return this.collect(sets, weakest);
  }

  /** Joins each bucket member to the first earlier member it is similar enough to. */
  private confirmBucket(
    members: Uint32Array,
    sets: UnionFind,
    weakest: Float64Array,
    threshold: number,
  ): void {
    const leaders: number[] = [];
    for (const row of members) {
      if (this.empty[row]) continue;
      let joined = false;
      for (const leader of leaders) {
        if (sets.find(row) === sets.find(leader)) {
          joined = true;
          break;
        }
        const similarity = this.similarity(leader, row);
        if (similarity >= threshold) {
          const before = Math.min(weakest[sets.find(row)]!, weakest[sets.find(leader)]!);
          weakest[sets.union(leader, row)] = Math.min(before, similarity);
          joined = true;
          break;
        }
      }
      if (!joined && leaders.length < MAX_LEADERS_PER_BUCKET) leaders.push(row);
    }
  }

  private collect(sets: UnionFind, weakest: Float64Array): NearDuplicateCluster[] {
    const byRoot = new Map<number, string[]>();
    for (let i = 0; i < this.ids.length; i++) {
      const root = sets.find(i);
      if (root === i) continue;
      let members = byRoot.get(root);
      if (!members) byRoot.set(root, (members = [this.ids[root]!]));
      members.push(this.ids[i]!);
    }
    return [...byRoot.entries()]
      .sort(([a], [b]) => a - b)
      .map(([root, ids]) => ({ ids, similarity: Math.round(weakest[root]! * 1000) / 1000 }));
  }

  private grow(): void {
    this.capacity *= 2;
    const { bands, permutations } = this.settings;
    const grown = <T extends Uint32Array | Uint8Array>(old: T, next: T) => (next.set(old), next);
    this.bandKeys = grown(this.bandKeys, new Uint32Array(this.capacity * bands));
    this.fingerprints = grown(this.fingerprints, new Uint8Array(this.capacity * permutations));
    this.empty = grown(this.empty, new Uint8Array(this.capacity));
  }
}
