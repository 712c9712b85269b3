/** Words compared per text: beyond them a difference is not seen (bounds the work on huge traces). */
export const WORD_LIMIT = 20_000;
/**
 * Word insertions/deletions searched before giving up on the exact distance. Myers' search costs
 * about (N + M)·D, so this bounds a pair to a few tens of milliseconds even at WORD_LIMIT words.
 */
export const EDIT_LIMIT = 2_000;

/** Interns whitespace-separated words as integers, so comparing tokens is comparing numbers. */
export class WordIds {
  private readonly ids = new Map<string, number>();

  /** The first WORD_LIMIT words of text; `truncated` when there were more. */
  tokenize(text: string): { words: Int32Array; truncated: boolean } {
    const out: number[] = [];
    const pattern = /\S+/g;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      if (out.length === WORD_LIMIT) return { words: Int32Array.from(out), truncated: true };
      let id = this.ids.get(match[0]);
      if (id === undefined) this.ids.set(match[0], (id = this.ids.size));
      out.push(id);
    }
    return { words: Int32Array.from(out), truncated: false };
  }
}

/**
 * Myers (1986) O((N+M)·D): the fewest word insertions and deletions turning a into b, or null when
 * it is more than `limit`. Only the length is needed, so no edit script is kept.
 */
export function editLength(a: Int32Array, b: Int32Array, limit: number): number | null {
  const n = a.length;
  const m = b.length;
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return null;
}

/** Words the two share as multisets: an upper bound on their longest common subsequence. */
function sharedWords(a: Int32Array, b: Int32Array): number {
  const counts = new Map<number, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const c = counts.get(w);
    if (c) {
      shared++;
      counts.set(w, c - 1);
    }
  }
  return shared;
}

/**
 * 1 − 2·LCS/(N + M) over words, i.e. edit length / (N + M): 0 identical, 1 no word in common in
 * order. Past EDIT_LIMIT the value is a lower bound (`exact: false`): the larger of the multiset
 * distance and (EDIT_LIMIT + 1)/(N + M), both of which the true distance is at least.
 */
export function wordDistance(a: Int32Array, b: Int32Array): { distance: number; exact: boolean } {
  // The common prefix and suffix cost nothing and are the usual bulk of two edits of one text.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const total = a.length + b.length;
  if (total === 0) return { distance: 0, exact: true };
  const midA = a.subarray(start, endA);
  const midB = b.subarray(start, endB);
  const d = editLength(midA, midB, EDIT_LIMIT);
  if (d !== null) return { distance: d / total, exact: true };
  const bagEdits = midA.length + midB.length - 2 * sharedWords(midA, midB);
  return { distance: Math.max(bagEdits, EDIT_LIMIT + 1) / total, exact: false };
}
