import type { CheckName, VerdictOutcome } from "./schemas";

/** How each check is named to people (filters, review, the dashboard). */
export const CHECK_LABELS: Record<CheckName, string> = {
  verification: "Answer verification",
  refusal: "Refusal",
  truncation: "Truncation",
  shortcut: "Shortcut (no reasoning)",
  repetition: "Repetition loop",
  length: "Length",
  language: "Language mismatch",
  "exact-duplicate": "Exact duplicate",
  "near-duplicate": "Near duplicate",
  contamination: "Benchmark contamination",
  judge: "LLM judge",
  "best-of-k": "Best of K",
};

export const OUTCOME_LABELS: Record<VerdictOutcome, string> = {
  pass: "passed",
  fail: "failed",
  warn: "needs a look",
  skip: "not checked",
};

export const OUTCOME_TONES = { pass: "green", fail: "red", warn: "amber", skip: "slate" } as const;

export function checkLabel(check: string): string {
  return CHECK_LABELS[check as CheckName] ?? check;
}
