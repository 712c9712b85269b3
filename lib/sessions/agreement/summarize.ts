import { pairwiseCohens, type PairwiseKappa } from "./cohen";
import { editDisagreement } from "./edits";
import { fleissKappa, type FleissKappa } from "./fleiss";
import { krippendorffAlphaNominal, type KrippendorffAlpha } from "./krippendorff";
import { percentAgreement, type PercentAgreement } from "./percent";
import { checkRatings } from "./ratings";
import type { NotDefinedReason, RatedItem } from "./types";

export interface SessionDecision {
  readonly reviewerId: string;
  /** "approved" | "rejected" as stored; compared as an exact string. */
  readonly decision: string;
  /** The taxonomy reason of a rejection; null when rejected with free text only. */
  readonly reasonId?: string | null;
}

export interface SessionItemRatings {
  readonly itemId: string;
  readonly decisions: readonly SessionDecision[];
  /** The edited texts reviewers left on this trace, one per reviewer who edited. */
  readonly edits?: readonly string[];
}

/** Every figure for one kind of label, each with the number of items it rests on (`n`). */
export interface LabelAgreement {
  percent: PercentAgreement;
  pairwiseCohens: PairwiseKappa[];
  fleiss: FleissKappa;
  krippendorff: KrippendorffAlpha;
}

export interface AgreementSummary {
  /** Approve/reject, over all items. */
  decisions: LabelAgreement;
  /** Reject-reason ids, over items where two or more reviewers rejected with a reason id. */
  reasons: LabelAgreement;
  edits: {
    /** Mean over traces of each trace's mean pairwise word distance; each trace weighs the same. */
    meanDistance: number | null;
    /** Traces with two or more edited texts. */
    n: number;
    approximatePairs: number;
    reason: NotDefinedReason | null;
  };
}

function labelAgreement(items: readonly RatedItem[], ratingsPerItem?: number): LabelAgreement {
  return {
    percent: percentAgreement(items),
    pairwiseCohens: pairwiseCohens(items),
    fleiss: fleissKappa(items, { ratingsPerItem }),
    krippendorff: krippendorffAlphaNominal(items),
  };
}

/**
 * All agreement figures for a session. `ratingsPerItem` (the session's overlap k) fixes which
 * items Fleiss' κ counts for decisions; reasons use their commonest count, as the number of
 * rejections per item varies. A rejection without a reason id is left out of the reason figures:
 * there is no label to compare.
 */
export function summarize(
  items: readonly SessionItemRatings[],
  options: { ratingsPerItem?: number } = {},
): AgreementSummary {
  const decisions: RatedItem[] = items.map((item) => ({
    itemId: item.itemId,
    ratings: item.decisions.map((d) => ({ reviewerId: d.reviewerId, label: d.decision })),
  }));
  checkRatings(decisions);

  const reasons: RatedItem[] = [];
  for (const item of items) {
    const ratings = item.decisions.flatMap((d) =>
      d.decision === "rejected" && d.reasonId != null
        ? [{ reviewerId: d.reviewerId, label: d.reasonId }]
        : [],
    );
    if (ratings.length >= 2) reasons.push({ itemId: item.itemId, ratings });
  }

  const distances: number[] = [];
  let approximatePairs = 0;
  for (const item of items) {
    if (!item.edits || item.edits.length < 2) continue;
    const result = editDisagreement(item.edits);
    distances.push(result.meanDistance!);
    approximatePairs += result.approximatePairs;
  }
  // Sorted before summing so the mean does not depend on the order of the items.
  distances.sort((a, b) => a - b);
  const edits: AgreementSummary["edits"] =
    distances.length === 0
      ? { meanDistance: null, n: 0, approximatePairs, reason: "too-few-texts" }
      : {
          meanDistance: distances.reduce((s, d) => s + d, 0) / distances.length,
          n: distances.length,
          approximatePairs,
          reason: null,
        };

  return {
    decisions: labelAgreement(decisions, options.ratingsPerItem),
    reasons: labelAgreement(reasons),
    edits,
  };
}
