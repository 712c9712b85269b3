import { describe, expect, it } from "vitest";
import { changeNumbers, changeWords, editWords, reorderSentences, seededRandom } from "./light-edits";

const TEXT =
  "Janet has 16 eggs. She eats 3 for breakfast! She bakes muffins with 4 more? She sells the rest at $2 each.";

describe("light edits", () => {
  it("are reproducible from a seed", () => {
    expect(seededRandom(5)()).toBe(seededRandom(5)());
    expect(editWords(TEXT, 0.1, seededRandom(1))).toBe(editWords(TEXT, 0.1, seededRandom(1)));
  });

  it("change every number and nothing else", () => {
    const edited = changeNumbers(TEXT, seededRandom(1));
    const numbers = (t: string) => t.match(/\d+/g)!;
    expect(numbers(edited)).toHaveLength(4);
    numbers(edited).forEach((n, i) => expect(n).not.toBe(numbers(TEXT)[i]));
    expect(edited.replace(/\d+/g, "#")).toBe(TEXT.replace(/\d+/g, "#"));
  });

  it("reorder whole sentences", () => {
    const edited = reorderSentences(TEXT, seededRandom(2));
    expect(edited).not.toBe(TEXT);
    const sentences = (t: string) => t.split(/(?<=[.!?])\s+/).sort();
    expect(sentences(edited)).toEqual(sentences(TEXT));
  });

  it("change the given number of words", () => {
    const edited = changeWords(TEXT, 3, seededRandom(3));
    const before = TEXT.split(" ");
    const after = edited.split(" ");
    expect(after).toHaveLength(before.length);
    expect(after.filter((w, i) => w !== before[i])).toHaveLength(3);
  });

  it("edit about the given share of words", () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const after = new Set(editWords(long, 0.1, seededRandom(4)).split(" "));
    const kept = long.split(" ").filter((w) => after.has(w)).length;
    expect(kept).toBeGreaterThan(200 - 25);
    expect(kept).toBeLessThan(200);
  });
});
