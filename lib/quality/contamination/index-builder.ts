import { IntList } from "../text/int-list";
import { U64Table } from "../text/u64-table";
import { type KeyRules, forEachKey } from "./keys";
import { NgramWindows } from "./ngram-windows";
import { BENCHMARK_FIELDS, type BenchmarkItem } from "./schemas";

// Builds the tables of a ContaminationIndex: each distinct key (n-gram or short sentence) gets
// a dense id; postings (item << 1 | field) are grouped by key id, those of keys found in more
// than maxItemFrequency items left out.

export type BuiltIndex = {
  table: U64Table;
  benchmarks: string[];
  itemIds: string[];
  /** Per item: its keys that were kept (the denominator of overlap). */
  itemKeys: Int32Array;
  /** Postings of key k: postings[offsets[k] .. offsets[k + 1]). */
  offsets: Int32Array;
  postings: Int32Array;
  stats: { items: number; keys: number; commonKeys: number; itemsWithoutKeys: number };
};

export function buildIndex(
  items: Iterable<BenchmarkItem>,
  rules: KeyRules,
  maxItemFrequency: number,
): BuiltIndex {
  const windows = new NgramWindows();
  const table = new U64Table(1 << 16);
  const benchmarks: string[] = [];
  const itemIds: string[] = [];
  const pairKeys = new IntList(1 << 16);
  const pairPostings = new IntList(1 << 16);
  const lastItem = new IntList(1 << 16);
  const fieldsOfLastItem = new IntList(1 << 16);
  const itemCount = new IntList(1 << 16);
  for (const item of items) {
    const index = benchmarks.length;
    benchmarks.push(item.benchmark);
    itemIds.push(item.itemId);
    BENCHMARK_FIELDS.forEach((field, fieldBit) => {
      const text = item[field];
      if (!text) return;
      windows.load(text);
      const normalize = ((rules.normalizedFields >> fieldBit) & 1) === 1;
      forEachKey(windows, rules, normalize, (a, b) => {
        const key = table.getOrAdd(a, b, itemCount.length);
        if (key === itemCount.length) {
          itemCount.push(0);
          lastItem.push(-1);
          fieldsOfLastItem.push(0);
        }
        if (lastItem.get(key) !== index) {
          lastItem.set(key, index);
          fieldsOfLastItem.set(key, 0);
          itemCount.set(key, itemCount.get(key) + 1);
        }
        const seen = fieldsOfLastItem.get(key);
        if (seen & (1 << fieldBit)) return;
        fieldsOfLastItem.set(key, seen | (1 << fieldBit));
        pairKeys.push(key);
        pairPostings.push((index << 1) | fieldBit);
      });
    });
  }
  const keys = itemCount.length;
  const counts = itemCount.view();
  const kept = (key: number) => counts[key]! <= maxItemFrequency;
  const offsets = new Int32Array(keys + 1);
  for (let p = 0; p < pairKeys.length; p++) if (kept(pairKeys.get(p))) offsets[pairKeys.get(p) + 1]!++;
  for (let k = 0; k < keys; k++) offsets[k + 1]! += offsets[k]!;
  const postings = new Int32Array(offsets[keys]!);
  const fill = offsets.slice(0, keys);
  const itemKeys = new Int32Array(benchmarks.length);
  const countedFor = new Int32Array(keys).fill(-1);
  for (let p = 0; p < pairKeys.length; p++) {
    const key = pairKeys.get(p);
    if (!kept(key)) continue;
    const posting = pairPostings.get(p);
    postings[fill[key]!++] = posting;
    if (countedFor[key] !== posting >> 1) {
      countedFor[key] = posting >> 1;
      itemKeys[posting >> 1]!++;
    }
  }
  let commonKeys = 0;
  for (let k = 0; k < keys; k++) if (!kept(k)) commonKeys++;
  const itemsWithoutKeys = itemKeys.filter((c) => c === 0).length;
  return {
    table,
    benchmarks,
    itemIds,
    itemKeys,
    offsets,
    postings,
    stats: { items: benchmarks.length, keys, commonKeys, itemsWithoutKeys },
  };
}
