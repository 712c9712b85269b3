import { DuplicateItemError, DuplicateRatingError } from "./errors";
import type { RatedItem } from "./types";

/** Throws on an item listed twice or a reviewer rating one item twice. */
export function checkRatings(items: readonly RatedItem[]): void {
  const seenItems = new Set<string>();
  for (const item of items) {
    if (seenItems.has(item.itemId)) throw new DuplicateItemError(item.itemId);
    seenItems.add(item.itemId);
    const reviewers = new Set<string>();
    for (const { reviewerId } of item.ratings) {
      if (reviewers.has(reviewerId)) throw new DuplicateRatingError(item.itemId, reviewerId);
      reviewers.add(reviewerId);
    }
  }
}

/** Groups flat rows (one per decision, as the database returns them) into items, in first-seen order. */
export function ratingsTable(
  rows: readonly { readonly itemId: string; readonly reviewerId: string; readonly label: string }[],
): RatedItem[] {
  const byItem = new Map<string, { reviewerId: string; label: string }[]>();
  for (const { itemId, reviewerId, label } of rows) {
    let ratings = byItem.get(itemId);
    if (!ratings) byItem.set(itemId, (ratings = []));
    if (ratings.some((r) => r.reviewerId === reviewerId)) throw new DuplicateRatingError(itemId, reviewerId);
    ratings.push({ reviewerId, label });
  }
  return [...byItem].map(([itemId, ratings]) => ({ itemId, ratings }));
}

/** How many times each label was given among these ratings. */
export function labelCounts(ratings: RatedItem["ratings"]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { label } of ratings) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts;
}

/** Numeric keys ascending, so sums over groups add in the same order whatever the item order. */
export function sortedKeys(map: ReadonlyMap<number, unknown>): number[] {
  return [...map.keys()].sort((a, b) => a - b);
}
