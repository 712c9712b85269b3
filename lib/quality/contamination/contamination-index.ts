import type { Span } from "../schemas";
import { type BuiltIndex, buildIndex } from "./index-builder";
import { type KeyRules, forEachWindow, keyRules, windowKeys } from "./keys";
import { NgramWindows } from "./ngram-windows";
import {
  BENCHMARK_FIELDS,
  type BenchmarkItem,
  type ContaminationMatch,
  type ContaminationSettings,
  ContaminationSettingsSchema,
  type ResolvedContaminationSettings,
} from "./schemas";
import { mergeTokenRanges } from "./spans";

// Benchmark items as word n-grams in a 64-bit-keyed table (index-builder.ts); scanning a text
// looks up each of its n-grams (and short sentences) once, and reports per item what matched
// and where. Items are kept only as (benchmark, itemId).

type Hit = { ngrams: Set<number>; sentences: Set<number>; fields: number; ranges: number[] };

export class ContaminationIndex {
  readonly settings: ResolvedContaminationSettings;
  private readonly rules: KeyRules;
  private readonly built: BuiltIndex;
  private readonly windows = new NgramWindows();

  constructor(items: Iterable<BenchmarkItem>, settings: ContaminationSettings = {}) {
    this.settings = ContaminationSettingsSchema.parse(settings);
    this.rules = keyRules(this.settings);
    this.built = buildIndex(items, this.rules, this.settings.maxItemFrequency);
  }

  get stats(): BuiltIndex["stats"] {
    return this.built.stats;
  }

  /** The benchmark items whose n-grams occur in `text`, most n-grams first. */
  scan(text: string, field: Span["field"]): ContaminationMatch[] {
    const { table, offsets, postings } = this.built;
    const windows = this.windows;
    windows.load(text);
    const hits = new Map<number, Hit>();
    const normalized = this.rules.normalizedFields;
    const n = this.rules.ngram;
    const visitKey = (a: number, b: number, fields: number, start: number, length: number) => {
      const key = table.get(a, b);
      if (key < 0) return;
      for (let p = offsets[key]!, end = offsets[key + 1]!; p < end; p++) {
        const posting = postings[p]!;
        if (((fields >> (posting & 1)) & 1) === 0) continue;
        let hit = hits.get(posting >> 1);
        if (!hit)
          hits.set(posting >> 1, (hit = { ngrams: new Set(), sentences: new Set(), fields: 0, ranges: [] }));
        (length === n ? hit.ngrams : hit.sentences).add(key);
        hit.fields |= 1 << (posting & 1);
        hit.ranges.push(start, start + length - 1);
      }
    };
    forEachWindow(windows, this.rules, (start, length) =>
      windowKeys(windows, this.rules, start, length, normalized !== 3, normalized !== 0, visitKey),
    );
    return this.matches(hits, field);
  }

  private matches(hits: Map<number, Hit>, field: Span["field"]): ContaminationMatch[] {
    const { starts, ends } = this.windows.tokens;
    const matches: ContaminationMatch[] = [];
    for (const [item, hit] of hits) {
      // One short sentence in common is a coincidence ("How much money does he have left?").
      if (hit.ngrams.size === 0 && hit.sentences.size < this.settings.minSentenceMatches) continue;
      const itemNgrams = this.built.itemKeys[item]!;
      const matched = hit.ngrams.size + hit.sentences.size;
      matches.push({
        benchmark: this.built.benchmarks[item]!,
        itemId: this.built.itemIds[item]!,
        matchedNgrams: hit.ngrams.size,
        matchedSentences: hit.sentences.size,
        itemNgrams,
        overlap: Math.min(1, matched / itemNgrams),
        fields: BENCHMARK_FIELDS.filter((_, bit) => hit.fields & (1 << bit)),
        spans: mergeTokenRanges(hit.ranges, starts, ends).map(([start, end]) => ({ field, start, end })),
      });
    }
    return matches.sort(
      (a, b) =>
        b.matchedNgrams - a.matchedNgrams || b.overlap - a.overlap || b.matchedSentences - a.matchedSentences,
    );
  }
}
