import { checkRatings } from "./ratings";
import type { NotDefinedReason, RatedItem } from "./types";

export interface CohensKappa {
  kappa: number | null;
  /** Share of shared items the two gave the same label. */
  observed: number | null;
  /** Agreement expected from each reviewer's own label frequencies. */
  expected: number | null;
  /** Items both reviewers rated. */
  n: number;
  reason: NotDefinedReason | null;
}

export interface PairwiseKappa extends CohensKappa {
  /** raterA < raterB (string order), so each pair is listed once. */
  raterA: string;
  raterB: string;
}

/** The confusion table of one pair, reduced to what κ needs. */
class PairCounts {
  n = 0;
  agree = 0;
  readonly a = new Map<string, number>();
  readonly b = new Map<string, number>();

  add(labelA: string, labelB: string) {
    this.n++;
    if (labelA === labelB) this.agree++;
    this.a.set(labelA, (this.a.get(labelA) ?? 0) + 1);
    this.b.set(labelB, (this.b.get(labelB) ?? 0) + 1);
  }

  // κ = (po − pe)/(1 − pe) with po = agree/n, pe = S/n², rewritten over integers so it is one
  // division: (n·agree − S)/(n² − S). S = n² exactly when both always gave the same one label.
  result(): CohensKappa {
    const { n, agree } = this;
    if (n === 0) return { kappa: null, observed: null, expected: null, n, reason: "no-items" };
    let s = 0;
    for (const [label, count] of this.a) s += count * (this.b.get(label) ?? 0);
    const observed = agree / n;
    const expected = s / (n * n);
    if (s === n * n) return { kappa: null, observed, expected, n, reason: "single-label" };
    return { kappa: (n * agree - s) / (n * n - s), observed, expected, n, reason: null };
  }
}

/**
 * Cohen's (1960) κ for two reviewers over the items both rated. When both gave one and the same
 * label to every shared item, κ is 0/0: reported as null with reason "single-label" (observed = 1
 * still tells the page they agreed), not as 1, which would claim agreement beyond chance.
 */
export function cohensKappa(items: readonly RatedItem[], raterA: string, raterB: string): CohensKappa {
  if (raterA === raterB) throw new RangeError(`Cohen's kappa compares two reviewers, got ${raterA} twice.`);
  checkRatings(items);
  const counts = new PairCounts();
  for (const item of items) {
    const a = item.ratings.find((r) => r.reviewerId === raterA);
    const b = item.ratings.find((r) => r.reviewerId === raterB);
    if (a && b) counts.add(a.label, b.label);
  }
  return counts.result();
}

/** κ for every pair of reviewers who share at least one item, in one pass over the items. */
export function pairwiseCohens(items: readonly RatedItem[]): PairwiseKappa[] {
  checkRatings(items);
  const pairs = new Map<string, { raterA: string; raterB: string; counts: PairCounts }>();
  for (const item of items) {
    const ratings = [...item.ratings].sort((x, y) => (x.reviewerId < y.reviewerId ? -1 : 1));
    for (let i = 0; i < ratings.length; i++) {
      for (let j = i + 1; j < ratings.length; j++) {
        const a = ratings[i]!;
        const b = ratings[j]!;
        // JSON keeps any two ids apart, whatever characters they hold.
        const key = JSON.stringify([a.reviewerId, b.reviewerId]);
        let pair = pairs.get(key);
        if (!pair)
          pairs.set(key, (pair = { raterA: a.reviewerId, raterB: b.reviewerId, counts: new PairCounts() }));
        pair.counts.add(a.label, b.label);
      }
    }
  }
  return [...pairs.values()]
    .sort((x, y) =>
      x.raterA !== y.raterA
        ? x.raterA < y.raterA
          ? -1
          : 1
        : x.raterB < y.raterB
          ? -1
          : x.raterB > y.raterB
            ? 1
            : 0,
    )
    .map(({ raterA, raterB, counts }) => ({ raterA, raterB, ...counts.result() }));
}
