import { describe, expect, it } from "vitest";
import { openingOf, skeletonOf, wordsOf } from "./normalize";

describe("openingOf", () => {
  it("takes the first words, lowercased, punctuation dropped, numbers masked", () => {
    expect(openingOf("Let's think step by step! First, 48/2 = 24 clips in May.", 8)).toBe(
      "let's think step by step first <n> <n>",
    );
    expect(openingOf("Sure.", 8)).toBe("sure");
    expect(openingOf("", 8)).toBe("");
  });
});

describe("skeletonOf", () => {
  it("masks numbers, names and long words, keeps short words and punctuation", () => {
    expect(skeletonOf("John has 5 apples.", 30, 4)).toBe("W has # w .");
    expect(skeletonOf("Mary has 7 pears and buys 2 more.", 5, 4)).toBe("W has # w and");
  });
});

describe("wordsOf", () => {
  it("lowercases and keeps contractions whole", () => {
    expect(wordsOf("Don't stop: 48 + 24 = 72.")).toEqual(["don't", "stop", "48", "24", "72"]);
  });
});
