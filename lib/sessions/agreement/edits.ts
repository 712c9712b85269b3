import type { NotDefinedReason } from "./types";
import { WordIds, wordDistance } from "./word-distance";

export interface EditDisagreement {
  /** Mean over pairs of texts of the word distance: 0 all identical, 1 nothing in common. */
  meanDistance: number | null;
  /** Texts compared. */
  n: number;
  pairs: number;
  /** Pairs so far apart that only a lower bound was computed (see wordDistance). */
  approximatePairs: number;
  /** Texts longer than WORD_LIMIT words, compared on their first WORD_LIMIT. */
  truncatedTexts: number;
  reason: NotDefinedReason | null;
}

/**
 * How much the edits several reviewers made to one trace differ. Words are whitespace-separated
 * and compared exactly (case and punctuation count), so re-wrapping lines changes nothing.
 */
export function editDisagreement(texts: readonly string[]): EditDisagreement {
  const ids = new WordIds();
  const tokenized = texts.map((text) => ids.tokenize(text));
  const truncatedTexts = tokenized.filter((t) => t.truncated).length;
  const n = texts.length;
  if (n < 2) {
    return { meanDistance: null, n, pairs: 0, approximatePairs: 0, truncatedTexts, reason: "too-few-texts" };
  }
  let sum = 0;
  let pairs = 0;
  let approximatePairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const { distance, exact } = wordDistance(tokenized[i]!.words, tokenized[j]!.words);
      sum += distance;
      pairs++;
      if (!exact) approximatePairs++;
    }
  }
  return { meanDistance: sum / pairs, n, pairs, approximatePairs, truncatedTexts, reason: null };
}
