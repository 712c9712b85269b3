import { z } from "zod";
import { SpanSchema } from "../schemas";

/**
 * One item of a benchmark. `text` is what the model is asked (a GSM8K question, a HumanEval
 * prompt, a BBH input); `answer` the reference it should produce (the GSM8K rationale, the
 * canonical solution, the target). The two are indexed as separate fields: n-grams never span
 * from one into the other, and a match says which one it hit.
 */
export const BenchmarkItemSchema = z.object({
  benchmark: z.string().min(1),
  itemId: z.string().min(1),
  text: z.string(),
  answer: z.string().optional(),
});
export type BenchmarkItem = z.infer<typeof BenchmarkItemSchema>;
export const BENCHMARK_FIELDS = ["text", "answer"] as const;
export type BenchmarkField = (typeof BENCHMARK_FIELDS)[number];

export const ContaminationSettingsSchema = z.object({
  /** Words per n-gram: 13 as Phi-1 and NeMo Curator; Open-R1 used 8, Cosmopedia 10. */
  ngram: z.number().int().min(8).max(50).default(13),
  /** An n-gram found in more benchmark items than this is boilerplate, not evidence (NeMo: 10). */
  maxItemFrequency: z.number().int().min(1).default(10),
  /**
   * Every number of an item's text (the question) counts as the same word, so a copy with
   * changed numbers still matches. Spans still point at the original characters.
   */
  normalizeNumbers: z.boolean().default(true),
  /**
   * The same for answers. Off by default: worked solutions are formulaic ("2 weeks * 7 days/week
   * = 14 days"), and with their numbers normalized their n-grams match any similar calculation.
   */
  normalizeAnswerNumbers: z.boolean().default(false),
  /**
   * N-grams that are mostly numbers ("= 8000 + 6000 = 14000 so the total") match any worked
   * calculation once numbers are normalized: only n-grams with at least this fraction of words
   * (not numbers) are indexed and looked up.
   */
  minWordFraction: z.number().min(0).max(1).default(0.5),
  /**
   * Sentences shorter than `ngram` with at least this many words are also matched whole (0:
   * never), so that a copy with its sentences reordered keeps them.
   */
  sentenceMinWords: z.number().int().min(0).max(50).default(6),
  /** Whole sentences count only when at least this many of one item's are found together. */
  minSentenceMatches: z.number().int().min(1).default(2),
});
export type ContaminationSettings = z.input<typeof ContaminationSettingsSchema>;
export type ResolvedContaminationSettings = z.output<typeof ContaminationSettingsSchema>;

export const ContaminationMatchSchema = z.object({
  benchmark: z.string(),
  itemId: z.string(),
  /** Distinct n-grams of the item found in the scanned text. */
  matchedNgrams: z.number().int().min(0),
  /** Distinct whole sentences (shorter than an n-gram) of the item found in it. */
  matchedSentences: z.number().int().min(0),
  /** The item's n-grams and short sentences (those not dropped as too common). */
  itemNgrams: z.number().int().min(1),
  /** (matchedNgrams + matchedSentences) / itemNgrams. */
  overlap: z.number().min(0).max(1),
  fields: z.array(z.enum(BENCHMARK_FIELDS)),
  /** Where the matched n-grams sit in the scanned text, merged. */
  spans: z.array(SpanSchema),
});
export type ContaminationMatch = z.infer<typeof ContaminationMatchSchema>;

export const ContaminationThresholdsSchema = z.object({
  /** Fail when an item matches with at least this many n-grams (Phi-1, NeMo: one). */
  minNgrams: z.number().int().min(1).default(1),
  /** ...and at least this fraction of its n-grams. */
  minOverlap: z.number().min(0).max(1).default(0),
});
export type ContaminationThresholds = z.input<typeof ContaminationThresholdsSchema>;
