import { checkRatings, labelCounts, sortedKeys } from "./ratings";
import type { NotDefinedReason, RatedItem } from "./types";

export interface KrippendorffAlpha {
  alpha: number | null;
  /** Pairable items: those with two or more ratings (the others carry no agreement information). */
  n: number;
  /** Ratings in pairable items: Krippendorff's n, the total of the coincidence matrix. */
  pairableValues: number;
  /** D_o: observed disagreement, off-diagonal share of the coincidence matrix. */
  observedDisagreement: number | null;
  /** D_e: disagreement expected from the pooled label frequencies. */
  expectedDisagreement: number | null;
  reason: NotDefinedReason | null;
}

/**
 * Krippendorff's α for nominal labels by the coincidence matrix (Krippendorff 2011): any number of
 * reviewers, any of them missing on any item. For nominal data only the matrix's off-diagonal total
 * and the label totals n_c matter: α = 1 − (n − 1)·Σ_{c≠k} o_ck / (n² − Σ n_c²).
 */
export function krippendorffAlphaNominal(items: readonly RatedItem[]): KrippendorffAlpha {
  checkRatings(items);
  // An item with m ratings adds (m² − Σ_c n_uc²)/(m − 1) off the diagonal; the numerators are
  // integers, summed per m and divided once, so perfect agreement gives exactly 0.
  const offDiagonalByCount = new Map<number, number>();
  const totals = new Map<string, number>();
  let units = 0;
  let n = 0;
  for (const item of items) {
    const m = item.ratings.length;
    if (m < 2) continue;
    units++;
    n += m;
    let squares = 0;
    for (const [label, c] of labelCounts(item.ratings)) {
      squares += c * c;
      totals.set(label, (totals.get(label) ?? 0) + c);
    }
    offDiagonalByCount.set(m, (offDiagonalByCount.get(m) ?? 0) + (m * m - squares));
  }
  const base = { n: units, pairableValues: n };
  if (units === 0) {
    return {
      ...base,
      alpha: null,
      observedDisagreement: null,
      expectedDisagreement: null,
      reason: "no-items",
    };
  }
  let offDiagonal = 0;
  for (const m of sortedKeys(offDiagonalByCount)) offDiagonal += offDiagonalByCount.get(m)! / (m - 1);
  let totalSquares = 0;
  for (const c of totals.values()) totalSquares += c * c;
  const observedDisagreement = offDiagonal / n;
  const expectedDisagreement = (n * n - totalSquares) / (n * (n - 1));
  if (totalSquares === n * n) {
    return { ...base, alpha: null, observedDisagreement, expectedDisagreement, reason: "single-label" };
  }
  const alpha = 1 - ((n - 1) * offDiagonal) / (n * n - totalSquares);
  return { ...base, alpha, observedDisagreement, expectedDisagreement, reason: null };
}
