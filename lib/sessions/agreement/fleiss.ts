import { checkRatings, labelCounts } from "./ratings";
import type { NotDefinedReason, RatedItem } from "./types";

export interface FleissKappa {
  kappa: number | null;
  /** P̄: mean share of agreeing rating pairs per item. */
  observed: number | null;
  /** P̄e: chance agreement from the pooled label shares. */
  expected: number | null;
  /** Items it rests on: those with exactly `ratingsPerItem` ratings. */
  n: number;
  /** k: the ratings each counted item has; null when no item has two or more. */
  ratingsPerItem: number | null;
  /** Items left out because they have another number of ratings (incomplete ones included). */
  excluded: number;
  reason: NotDefinedReason | null;
}

/** The commonest rating count among items with two or more ratings; a tie goes to the larger k. */
function commonestCount(items: readonly RatedItem[]): number | null {
  const frequency = new Map<number, number>();
  for (const { ratings } of items) {
    if (ratings.length >= 2) frequency.set(ratings.length, (frequency.get(ratings.length) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [k, f] of frequency) {
    const bestF = best === null ? 0 : frequency.get(best)!;
    if (f > bestF || (f === bestF && best !== null && k > best)) best = k;
  }
  return best;
}

/**
 * Fleiss' (1971) κ: k ratings per item, by any reviewers. Pass the session's overlap as
 * `ratingsPerItem`; otherwise the commonest count is used. Items with another count are excluded,
 * not padded or trimmed, and counted in `excluded`.
 */
export function fleissKappa(
  items: readonly RatedItem[],
  options: { ratingsPerItem?: number } = {},
): FleissKappa {
  checkRatings(items);
  const k = options.ratingsPerItem ?? commonestCount(items);
  if (k !== null && (!Number.isInteger(k) || k < 2)) {
    throw new RangeError(`Fleiss' kappa needs at least two ratings per item, got ${k}.`);
  }
  const none = { kappa: null, observed: null, expected: null, n: 0, ratingsPerItem: k };
  if (k === null) return { ...none, excluded: items.length, reason: "no-items" };

  let n = 0;
  let squares = 0; // Σ over items and labels of n_ij²
  const totals = new Map<string, number>();
  for (const item of items) {
    if (item.ratings.length !== k) continue;
    n++;
    for (const [label, c] of labelCounts(item.ratings)) {
      squares += c * c;
      totals.set(label, (totals.get(label) ?? 0) + c);
    }
  }
  const excluded = items.length - n;
  if (n === 0) return { ...none, excluded, reason: "no-items" };

  // Integers throughout, one division each: P̄ = (Q − Nk)/(Nk(k−1)), P̄e = T/(Nk)², and
  // κ = ((Q − Nk)·Nk − T(k−1)) / ((k−1)((Nk)² − T)).
  const nk = n * k;
  let t = 0;
  for (const c of totals.values()) t += c * c;
  const observed = (squares - nk) / (nk * (k - 1));
  const expected = t / (nk * nk);
  if (t === nk * nk)
    return { kappa: null, observed, expected, n, ratingsPerItem: k, excluded, reason: "single-label" };
  const kappa = ((squares - nk) * nk - t * (k - 1)) / ((k - 1) * (nk * nk - t));
  return { kappa, observed, expected, n, ratingsPerItem: k, excluded, reason: null };
}
