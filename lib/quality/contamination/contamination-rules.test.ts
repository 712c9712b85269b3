import { describe, expect, it } from "vitest";
import { ContaminationIndex } from "./contamination-index";
import type { BenchmarkItem } from "./schemas";

const item = (itemId: string, text: string, answer?: string): BenchmarkItem => ({
  benchmark: "toy",
  itemId,
  text,
  answer,
});
// No 13 consecutive words without a number.
const QUESTION =
  "A farmer keeps 17 cows and 23 goats on a pasture near the river, and each spring he sells 5 goats and 2 cows at the market in town.";

describe("ContaminationIndex rules", () => {
  it("matches a copy with other numbers only when numbers are normalized", () => {
    const edited = QUESTION.replace("17", "12")
      .replace("23", "31")
      .replace("5", "9")
      .replace("2 cows", "4 cows");
    expect(new ContaminationIndex([item("q", QUESTION)]).scan(edited, "trace")).toHaveLength(1);
    expect(
      new ContaminationIndex([item("q", QUESTION)], { normalizeNumbers: false }).scan(edited, "trace"),
    ).toEqual([]);
  });

  it("keeps the numbers of answers as written unless told otherwise", () => {
    const answer =
      "He sells 5 goats so 23 - 5 = 18 goats remain on the pasture and 17 cows remain there too.";
    const edited = answer.replace(/\d+/g, (n) => String(Number(n) + 1));
    expect(new ContaminationIndex([item("q", "x", answer)]).scan(edited, "trace")).toEqual([]);
    const normalized = new ContaminationIndex([item("q", "x", answer)], { normalizeAnswerNumbers: true });
    expect(normalized.scan(edited, "trace")[0]).toMatchObject({ itemId: "q", fields: ["answer"] });
  });

  it("drops n-grams found in more than maxItemFrequency items", () => {
    const boilerplate =
      "Read the question below carefully and choose the single best answer from the options given.";
    const items = Array.from({ length: 12 }, (_, i) =>
      item(`b${i}`, `${boilerplate} Question ${i}: what is ${i}?`),
    );
    expect(new ContaminationIndex(items).scan(boilerplate, "trace")).toEqual([]);
    const lenient = new ContaminationIndex(items, { maxItemFrequency: 12 });
    expect(lenient.scan(boilerplate, "trace")).toHaveLength(12);
    expect(new ContaminationIndex(items).stats.commonKeys).toBeGreaterThan(0);
  });

  it("ignores n-grams that are mostly numbers", () => {
    const calc = "so the total is 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 = 75 in all the boxes";
    const other = "and then 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 = 55 is what we get";
    expect(new ContaminationIndex([item("c", calc)]).scan(other, "trace")).toEqual([]);
  });

  it("counts reordered short sentences, but never one common sentence alone", () => {
    const text =
      "Tom buys three red apples at the shop. He eats two of them on the way home. How many apples are left?";
    const index = new ContaminationIndex([item("s", text)]);
    const reordered =
      "He eats two of them on the way home. Tom buys three red apples at the shop. How many apples are left?";
    expect(index.scan(reordered, "trace")[0]).toMatchObject({
      itemId: "s",
      matchedNgrams: 0,
      matchedSentences: 2,
    });
    expect(index.scan("Anna has some pears. How many apples are left?", "trace")).toEqual([]);
    expect(
      new ContaminationIndex([item("s", text)], { sentenceMinWords: 0 }).scan(reordered, "trace"),
    ).toEqual([]);
  });

  it("takes n from 8 to 50", () => {
    const long = new ContaminationIndex([item("q", QUESTION)], { ngram: 50 });
    expect(long.scan(QUESTION, "trace")).toEqual([]);
    const short = new ContaminationIndex([item("q", QUESTION)], { ngram: 8, sentenceMinWords: 0 });
    expect(short.scan("he sells 5 goats and 2 cows at the market in town", "trace")[0]?.matchedNgrams).toBe(
      5,
    );
    expect(() => new ContaminationIndex([], { ngram: 7 })).toThrow();
    expect(() => new ContaminationIndex([], { ngram: 51 })).toThrow();
  });
});
