import { z } from "zod";

// The quality domain's vocabulary: every check stores one verdict per trace (and per prompt
// where it applies) with its evidence. Check functions are pure (lib/quality/<check>/); the
// runner kinds and rules read and write these shapes.

/** Every automatic check, by the name stored on its verdicts and used in filters and rules. */
export const CHECK_NAMES = [
  "verification",
  "refusal",
  "truncation",
  "shortcut",
  "repetition",
  "length",
  "language",
  "exact-duplicate",
  "near-duplicate",
  "contamination",
  "judge",
  "best-of-k",
] as const;
export const CheckNameSchema = z.enum(CHECK_NAMES);
export type CheckName = z.infer<typeof CheckNameSchema>;

/**
 * pass: checked and fine. fail: the check found the problem (a wrong answer, a refusal, a
 * benchmark item). warn: suspicious, a person should look. skip: could not be checked (no
 * reference answer, nothing to compare).
 */
export const VerdictOutcomeSchema = z.enum(["pass", "fail", "warn", "skip"]);
export type VerdictOutcome = z.infer<typeof VerdictOutcomeSchema>;

/** A character range of the checked text, for highlighting in review. */
export const SpanSchema = z.object({
  field: z.enum(["prompt", "trace", "reasoning"]),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Span = z.infer<typeof SpanSchema>;

/** What one check says about one text: the outcome, a line for people, and its evidence. */
export type CheckResult = {
  outcome: VerdictOutcome;
  /** One short sentence a curator reads beside the trace ("expected 72, found 70"). */
  summary: string;
  /** A number where the check has one (a judge score, a similarity, a repetition ratio). */
  score?: number;
  /** Check-specific evidence, JSON-serializable (extracted answers, matched benchmark ids...). */
  evidence?: Record<string, unknown>;
  spans?: Span[];
};
