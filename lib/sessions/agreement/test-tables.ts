// Builders that turn the tables printed in the literature into ratings tables, for the tests.
import type { RatedItem } from "./types";

/** Reliability-data matrix: reviewer → one label per item, null where the reviewer did not rate. */
export function fromColumns(columns: Record<string, readonly (string | number | null)[]>): RatedItem[] {
  const length = Math.max(...Object.values(columns).map((c) => c.length));
  return Array.from({ length }, (_, i) => ({
    itemId: `item-${i + 1}`,
    ratings: Object.entries(columns).flatMap(([reviewerId, labels]) => {
      const label = labels[i];
      return label === null || label === undefined ? [] : [{ reviewerId, label: String(label) }];
    }),
  }));
}

/** Subjects × categories count table (Fleiss' layout): row i gives how many raters chose each label. */
export function fromCounts(rows: readonly (readonly number[])[], labels: readonly string[]): RatedItem[] {
  return rows.map((row, i) => {
    const ratings: { reviewerId: string; label: string }[] = [];
    row.forEach((count, j) => {
      for (let c = 0; c < count; c++)
        ratings.push({ reviewerId: `rater-${ratings.length + 1}`, label: labels[j]! });
    });
    return { itemId: `subject-${i + 1}`, ratings };
  });
}

/** Two-rater cross-tabulation: table[i][j] items that A labelled labels[i] and B labels[j]. */
export function fromCrossTab(table: readonly (readonly number[])[], labels: readonly string[]): RatedItem[] {
  const items: RatedItem[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let c = 0; c < count; c++) {
        items.push({
          itemId: `item-${items.length + 1}`,
          ratings: [
            { reviewerId: "A", label: labels[i]! },
            { reviewerId: "B", label: labels[j]! },
          ],
        });
      }
    }),
  );
  return items;
}

/** A small seeded generator (mulberry32), so property tests are random but repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
