import { checkRatings, labelCounts, sortedKeys } from "./ratings";
import type { NotDefinedReason, RatedItem } from "./types";

export interface PercentAgreement {
  /** Mean over items of the share of rating pairs within the item that agree (Fleiss's P̄). */
  pairwise: number | null;
  /** Share of items whose ratings all agree. */
  unanimous: number | null;
  /** Items it rests on: those with two or more ratings. */
  n: number;
  reason: NotDefinedReason | null;
}

/**
 * Raw agreement, no chance correction. Each item weighs the same (an item with four ratings does
 * not count for six pairs against another's one); with a fixed overlap k the two readings coincide.
 */
export function percentAgreement(items: readonly RatedItem[]): PercentAgreement {
  checkRatings(items);
  // Agreeing pairs summed per rating count m, divided once per m: integer sums, no drift.
  const agreeingByCount = new Map<number, number>();
  const itemsByCount = new Map<number, number>();
  let n = 0;
  let unanimous = 0;
  for (const item of items) {
    const m = item.ratings.length;
    if (m < 2) continue;
    n++;
    const counts = labelCounts(item.ratings);
    if (counts.size === 1) unanimous++;
    let agreeing = 0;
    for (const c of counts.values()) agreeing += (c * (c - 1)) / 2;
    agreeingByCount.set(m, (agreeingByCount.get(m) ?? 0) + agreeing);
    itemsByCount.set(m, (itemsByCount.get(m) ?? 0) + 1);
  }
  if (n === 0) return { pairwise: null, unanimous: null, n, reason: "no-items" };
  let shareSum = 0;
  for (const m of sortedKeys(agreeingByCount)) shareSum += agreeingByCount.get(m)! / ((m * (m - 1)) / 2);
  return { pairwise: shareSum / n, unanimous: unanimous / n, n, reason: null };
}
