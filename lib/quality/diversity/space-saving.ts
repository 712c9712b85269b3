// Space-Saving (Metwally et al. 2005) over a Stream-Summary: the top keys of a stream in at most
// `capacity` entries, O(1) per item. A key's count can overestimate by at most `error` (the
// count of the key it evicted); every key seen more than total/capacity times is kept.

type Entry = { count: number; error: number; exampleId: string };
export type HeavyHitter = { key: string; count: number; error: number; exampleId: string };

export class SpaceSaving {
  private readonly entries = new Map<string, Entry>();
  /** Keys by count: counts only ever rise by one, so the minimum moves up one step at a time. */
  private readonly buckets = new Map<number, Set<string>>();
  private minCount = 0;
  total = 0;

  constructor(readonly capacity: number) {}

  add(key: string, id: string): void {
    this.total += 1;
    const entry = this.entries.get(key);
    if (entry) return this.bump(key, entry);
    if (this.entries.size < this.capacity) {
      this.entries.set(key, { count: 1, error: 0, exampleId: id });
      this.bucket(1).add(key);
      this.minCount = 1;
      return;
    }
    const evicted = this.bucket(this.minCount).values().next().value as string;
    this.detach(evicted, this.minCount);
    this.entries.delete(evicted);
    const replaced = { count: this.minCount, error: this.minCount, exampleId: id };
    this.entries.set(key, replaced);
    this.bucket(this.minCount).add(key);
    this.bump(key, replaced);
  }

  private bump(key: string, entry: Entry): void {
    this.detach(key, entry.count);
    if (entry.count === this.minCount && !this.buckets.has(entry.count)) this.minCount += 1;
    entry.count += 1;
    this.bucket(entry.count).add(key);
  }

  private detach(key: string, count: number): void {
    const keys = this.buckets.get(count);
    keys?.delete(key);
    if (keys?.size === 0) this.buckets.delete(count);
  }

  private bucket(count: number): Set<string> {
    let keys = this.buckets.get(count);
    if (!keys) this.buckets.set(count, (keys = new Set()));
    return keys;
  }

  /** How many keys are stored (never more than `capacity`). */
  get size(): number {
    return this.entries.size;
  }

  /** The `k` keys with the highest counts, highest first. */
  top(k: number): HeavyHitter[] {
    return [...this.entries]
      .map(([key, e]) => ({ key, count: e.count, error: e.error, exampleId: e.exampleId }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .slice(0, k);
  }
}
