import { hash64Hex, hashString, hashStringLaneB } from "../text/hash";
import { normalizeText } from "../text/normalize";
import { U64Table } from "../text/u64-table";

// Exact duplicates: texts equal after normalizeText (case, width, punctuation, spacing), found by
// a 64-bit hash of the normal form. Streams: a row costs its id and one int.

/** The key two texts share when they are exact duplicates (16 hex digits). */
export function exactDuplicateKey(text: string): string {
  return hash64Hex(normalizeText(text));
}

export type ExactDuplicateGroup = { ids: string[] };

export class ExactDuplicateIndex {
  private readonly table = new U64Table(1024);
  private ids: string[] = [];
  /** For each row, the row that first had its text. */
  private firstOf: Int32Array = new Int32Array(1024);

  add(id: string, text: string): void {
    const row = this.ids.length;
    if (row === this.firstOf.length) {
      const grown = new Int32Array(row * 2);
      grown.set(this.firstOf);
      this.firstOf = grown;
    }
    this.ids.push(id);
    const normal = normalizeText(text);
    // Empty texts are not duplicates of one another: other checks speak about them.
    this.firstOf[row] =
      normal === "" ? row : this.table.getOrAdd(hashString(normal), hashStringLaneB(normal), row);
  }

  /** Every group of two or more rows with the same normalized text, first-added first. */
  groups(): ExactDuplicateGroup[] {
    const byFirst = new Map<number, string[]>();
    for (let row = 0; row < this.ids.length; row++) {
      const first = this.firstOf[row]!;
      if (first === row) continue;
      let ids = byFirst.get(first);
      if (!ids) byFirst.set(first, (ids = [this.ids[first]!]));
      ids.push(this.ids[row]!);
    }
    return [...byFirst.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ({ ids }));
  }
}

/** Groups of exact duplicates among `rows`, for callers that hold them all. */
export function exactDuplicateGroups(rows: Iterable<{ id: string; text: string }>): ExactDuplicateGroup[] {
  const index = new ExactDuplicateIndex();
  for (const row of rows) index.add(row.id, row.text);
  return index.groups();
}
