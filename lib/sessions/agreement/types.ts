/** One reviewer's label on one item; labels are compared as exact strings. */
export interface Rating {
  readonly reviewerId: string;
  readonly label: string;
}

/** An item (a trace) with the ratings it got; reviewers who did not rate it are simply absent. */
export interface RatedItem {
  readonly itemId: string;
  readonly ratings: readonly Rating[];
}

/**
 * Why a figure has no value (it is null then, never NaN):
 * - "no-items": nothing to rest on (no item with two ratings, no item both reviewers rated);
 * - "single-label": every rating was the same label, so chance agreement is 1 and the
 *   chance-corrected coefficient is 0/0;
 * - "too-few-texts": fewer than two edited texts to compare.
 */
export type NotDefinedReason = "no-items" | "single-label" | "too-few-texts";

const MESSAGES: Record<NotDefinedReason, string> = {
  "no-items": "not defined: no item has two ratings to compare",
  "single-label": "not defined: every rating was the same",
  "too-few-texts": "not defined: fewer than two edited texts",
};

/** What the session page shows in place of a figure that is not defined. */
export function notDefinedMessage(reason: NotDefinedReason): string {
  return MESSAGES[reason];
}
