import { describe, expect, it } from "vitest";
import { gsm8kRationales } from "./fixtures";
import { hashString, SEED_A } from "./hash";
import { DistinctNgrams } from "./distinct-ngrams";
import { wordsOf } from "./normalize";

const hashes = (text: string) => Uint32Array.from(wordsOf(text), (w) => hashString(w, SEED_A));

describe("DistinctNgrams", () => {
  it("counts distinct n-grams over total exactly in a partial window", () => {
    const bigrams = new DistinctNgrams(2, 1000);
    bigrams.add(hashes("a b a b")); // ab, ba, ab
    bigrams.add(hashes("c")); // none
    expect(bigrams.summary()).toMatchObject({
      windowed: 2 / 3,
      corpus: 2 / 3,
      distinct: 2,
      total: 3,
      windows: 0,
    });
  });

  it("averages full windows only, so the figure does not fall as the set grows", () => {
    const unigrams = new DistinctNgrams(1, 4);
    unigrams.add(hashes("a b c d")); // window 1: 4 distinct of 4
    unigrams.add(hashes("a a b b")); // window 2: 2 of 4
    unigrams.add(hashes("z")); // partial, left out
    expect(unigrams.summary()).toMatchObject({ windowed: 0.75, windows: 2, total: 9 });
    expect(unigrams.storedKeys).toBe(1);
  });

  it("estimates the corpus-wide distinct count of GSM8K words within 3%", () => {
    const unigrams = new DistinctNgrams(1, 50_000);
    const exact = new Set<string>();
    for (const { text } of gsm8kRationales()) {
      unigrams.add(hashes(text));
      for (const word of wordsOf(text)) exact.add(word);
    }
    const { distinct } = unigrams.summary();
    expect(Math.abs(distinct - exact.size) / exact.size).toBeLessThan(0.03);
  });
});
