import { z } from "zod";

// MinHash + LSH settings, with the published defaults of three curation tools by name. The
// number of hash functions is bands x rows; a pair becomes a candidate when all rows of one band
// agree, which happens with probability 1 - (1 - J^rows)^bands for Jaccard similarity J, and is
// then kept only if the estimated Jaccard reaches `threshold`.

export const NEAR_DUPLICATE_PRESETS = {
  /**
   * The default, for reasoning traces: finds copies with 5-10% of their words swapped, deleted,
   * replaced or inserted (datatrove's settings find almost none of those: one edit in 20 words
   * already breaks a quarter of the word 5-grams). Word 3-grams, 28 bands x 4 rows (112 hashes,
   * as datatrove), Jaccard 0.5. Measured on GSM8K train rationales (duplicates/near-index.test.ts).
   */
  tracebank: { shingle: "word", shingleSize: 3, bands: 28, rows: 4, threshold: 0.5 },
  /** datatrove MinhashDedup: word 5-grams, 14 buckets x 8 hashes (S-curve midpoint ~0.72). */
  datatrove: { shingle: "word", shingleSize: 5, bands: 14, rows: 8, threshold: 0.8 },
  /** distilabel MinHashDedup: 128 permutations, threshold 0.9, word 5-grams; datasketch's
   * optimal LSH split for that threshold is 5 bands x 25 rows (125 of the 128 hashes). */
  distilabel: { shingle: "word", shingleSize: 5, bands: 5, rows: 25, threshold: 0.9 },
  /** NeMo Curator fuzzy dedup: character 24-grams, 20 bands x 13 hashes, Jaccard 0.8. */
  nemo: { shingle: "char", shingleSize: 24, bands: 20, rows: 13, threshold: 0.8 },
} as const;
export type NearDuplicatePreset = keyof typeof NEAR_DUPLICATE_PRESETS;
export const NEAR_DUPLICATE_PRESET_NAMES = Object.keys(NEAR_DUPLICATE_PRESETS) as [
  NearDuplicatePreset,
  ...NearDuplicatePreset[],
];

/** What a caller may set: a preset by name (tracebank when absent), and any field over it. */
export const NearDuplicateSettingsSchema = z.object({
  preset: z.enum(NEAR_DUPLICATE_PRESET_NAMES).optional(),
  /** word: n consecutive word tokens; char: n consecutive characters of the normalized text. */
  shingle: z.enum(["word", "char"]).optional(),
  shingleSize: z.number().int().min(1).max(64).optional(),
  bands: z.number().int().min(1).max(64).optional(),
  rows: z.number().int().min(1).max(64).optional(),
  /** Minimum estimated Jaccard similarity for a candidate pair to count as a near-duplicate. */
  threshold: z.number().min(0).max(1).optional(),
  /** Seeds the hash functions: two indexes compare only if built with the same seed. */
  seed: z.number().int().optional(),
});
export type NearDuplicateSettings = z.infer<typeof NearDuplicateSettingsSchema>;

export type ResolvedNearDuplicateSettings = {
  shingle: "word" | "char";
  shingleSize: number;
  bands: number;
  rows: number;
  threshold: number;
  seed: number;
  /** bands x rows */
  permutations: number;
};

export function resolveNearDuplicateSettings(
  input: NearDuplicateSettings = {},
): ResolvedNearDuplicateSettings {
  const parsed = NearDuplicateSettingsSchema.parse(input);
  const base = NEAR_DUPLICATE_PRESETS[parsed.preset ?? "tracebank"];
  const bands = parsed.bands ?? base.bands;
  const rows = parsed.rows ?? base.rows;
  if (bands * rows > 512) throw new Error(`bands x rows is ${bands * rows}; at most 512 hash functions`);
  return {
    shingle: parsed.shingle ?? base.shingle,
    shingleSize: parsed.shingleSize ?? base.shingleSize,
    bands,
    rows,
    threshold: parsed.threshold ?? base.threshold,
    seed: parsed.seed ?? 1,
    permutations: bands * rows,
  };
}

/** The chance that a pair with Jaccard similarity `jaccard` shares at least one band. */
export function candidateProbability(jaccard: number, bands: number, rows: number): number {
  return 1 - (1 - jaccard ** rows) ** bands;
}
