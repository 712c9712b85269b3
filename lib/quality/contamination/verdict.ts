import type { CheckResult, Span } from "../schemas";
import {
  type ContaminationMatch,
  type ContaminationThresholds,
  ContaminationThresholdsSchema,
} from "./schemas";

// One text's contamination verdict from its matches: fail when an item shares enough n-grams
// (by default one 13-gram, the rule of Phi-1 and NeMo Curator), warn when some item shares
// fewer, pass when none does. The strongest matches are the evidence.

const EVIDENCE_MATCHES = 5;

/** n-grams in common, a whole short sentence counting as one. */
export function matchedUnits(match: ContaminationMatch): number {
  return match.matchedNgrams + match.matchedSentences;
}

function describe(match: ContaminationMatch, n: number): string {
  const parts = [];
  if (match.matchedNgrams > 0)
    parts.push(`${match.matchedNgrams} ${n}-gram${match.matchedNgrams === 1 ? "" : "s"}`);
  if (match.matchedSentences > 0) parts.push(`${match.matchedSentences} sentences`);
  return `${match.itemId} (${parts.join(" and ")}, ${Math.round(match.overlap * 100)}% of the item)`;
}

export function contaminationVerdict(
  matches: readonly ContaminationMatch[],
  thresholds: ContaminationThresholds = {},
  ngram = 13,
): CheckResult {
  if (matches.length === 0)
    return { outcome: "pass", summary: "No n-gram in common with any benchmark item", score: 0 };
  const { minNgrams, minOverlap } = ContaminationThresholdsSchema.parse(thresholds);
  const strongest = [...matches].sort((a, b) => matchedUnits(b) - matchedUnits(a) || b.overlap - a.overlap);
  const failing = strongest.filter((m) => matchedUnits(m) >= minNgrams && m.overlap >= minOverlap);
  const shown = (failing.length > 0 ? failing : strongest).slice(0, EVIDENCE_MATCHES);
  const more = (failing.length > 0 ? failing : strongest).length - shown.length;
  const evidence = {
    benchmarks: [...new Set(shown.map((m) => m.benchmark))],
    matchedItems: failing.length > 0 ? failing.length : strongest.length,
    matches: shown.map(({ spans: _spans, ...rest }) => rest),
  };
  const spans: Span[] = shown.flatMap((m) => m.spans);
  const score = Math.max(...matches.map((m) => m.overlap));
  const list = shown.map((m) => describe(m, ngram)).join("; ") + (more > 0 ? `; and ${more} more` : "");
  if (failing.length > 0) {
    return { outcome: "fail", summary: `Benchmark text found: ${list}`, score, evidence, spans };
  }
  return {
    outcome: "warn",
    summary: `Some overlap with benchmark items, below the thresholds: ${list}`,
    score,
    evidence,
    spans,
  };
}
