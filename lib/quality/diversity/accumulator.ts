import { z } from "zod";
import { DistinctNgrams } from "./distinct-ngrams";
import { hashString, SEED_A } from "./hash";
import { openingOf, skeletonOf, wordsOf } from "./normalize";
import { SpaceSaving, type HeavyHitter } from "./space-saving";

/** How the accumulator counts; every map it keeps is capped, so memory does not grow with the set. */
export const DiversitySettingsSchema = z.object({
  openingWords: z.number().int().positive().default(8),
  skeletonTokens: z.number().int().positive().default(30),
  skeletonKeepLength: z.number().int().nonnegative().default(4),
  /** Keys kept by each top-k sketch (openings, templates, system messages). */
  sketchCapacity: z.number().int().positive().default(2000),
  /** n-grams per exact window for windowed distinct-n. */
  distinctWindow: z.number().int().positive().default(50_000),
  /** Words of each trace that distinct-n reads (a 100k-word loop should not dominate). */
  maxWordsPerTrace: z.number().int().positive().default(4000),
  topK: z.number().int().positive().default(10),
});
export type DiversitySettings = z.infer<typeof DiversitySettingsSchema>;

export type DiversityItem = { id: string; text: string; systemMessageId?: string | null };
export type RankedKey = HeavyHitter & { share: number };

const NGRAM_SIZES = [1, 2, 3] as const;
const NO_SYSTEM_MESSAGE = "(none)";

/** Set-level diversity of many traces, one add() at a time, in bounded memory. */
export class DiversityAccumulator {
  readonly settings: DiversitySettings;
  private count = 0;
  private readonly distinct: DistinctNgrams[];
  private readonly openings: SpaceSaving;
  private readonly templates: SpaceSaving;
  private readonly systemMessages: SpaceSaving;

  constructor(settings: z.input<typeof DiversitySettingsSchema> = {}) {
    this.settings = DiversitySettingsSchema.parse(settings);
    const { sketchCapacity, distinctWindow } = this.settings;
    this.distinct = NGRAM_SIZES.map((n) => new DistinctNgrams(n, distinctWindow));
    this.openings = new SpaceSaving(sketchCapacity);
    this.templates = new SpaceSaving(sketchCapacity);
    this.systemMessages = new SpaceSaving(sketchCapacity);
  }

  add(item: DiversityItem): void {
    const s = this.settings;
    this.count += 1;
    const words = wordsOf(item.text).slice(0, s.maxWordsPerTrace);
    const tokens = Uint32Array.from(words, (w) => hashString(w, SEED_A));
    for (const counter of this.distinct) counter.add(tokens);
    this.openings.add(openingOf(item.text, s.openingWords), item.id);
    this.templates.add(skeletonOf(item.text, s.skeletonTokens, s.skeletonKeepLength), item.id);
    this.systemMessages.add(item.systemMessageId ?? NO_SYSTEM_MESSAGE, item.id);
  }

  /** Stored keys per structure, for checking the memory bound. */
  storedKeys() {
    return {
      openings: this.openings.size,
      templates: this.templates.size,
      systemMessages: this.systemMessages.size,
      distinctWindows: this.distinct.map((d) => d.storedKeys),
    };
  }

  summary(): DiversitySummary {
    const ranked = (sketch: SpaceSaving, k: number): RankedKey[] =>
      sketch.top(k).map((h) => ({ ...h, share: this.count > 0 ? h.count / this.count : 0 }));
    const top5 = this.templates.top(5);
    const share = (n: number) => (this.count > 0 ? n / this.count : 0);
    const [d1, d2, d3] = this.distinct.map((d) => d.summary());
    return {
      traces: this.count,
      distinct: { 1: d1!, 2: d2!, 3: d3! },
      openings: ranked(this.openings, this.settings.topK),
      templates: ranked(this.templates, this.settings.topK),
      top5TemplateShare: share(top5.reduce((sum, h) => sum + h.count, 0)),
      top5TemplateShareAtLeast: share(top5.reduce((sum, h) => sum + h.count - h.error, 0)),
      systemMessages: ranked(this.systemMessages, this.settings.sketchCapacity),
    };
  }
}

type DistinctSummary = ReturnType<DistinctNgrams["summary"]>;

/**
 * counts in `openings`/`templates` may overestimate by `error` (the sketch evicted a key);
 * `count - error` is a guaranteed lower bound. Shares are of all traces.
 */
export type DiversitySummary = {
  traces: number;
  distinct: Record<1 | 2 | 3, DistinctSummary>;
  openings: RankedKey[];
  templates: RankedKey[];
  top5TemplateShare: number;
  top5TemplateShareAtLeast: number;
  systemMessages: RankedKey[];
};
