import { describe, expect, it } from "vitest";
import { EDIT_LIMIT, editDisagreement, WORD_LIMIT } from ".";
import { seeded } from "./test-tables";
import { editLength, WordIds, wordDistance } from "./word-distance";

/** Textbook O(N·M) longest common subsequence, the reference for Myers' edit length. */
function lcs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
    previous = row;
  }
  return previous[b.length]!;
}

describe("word edit length", () => {
  it("equals N + M − 2·LCS on random word sequences", () => {
    const random = seeded(11);
    for (let trial = 0; trial < 500; trial++) {
      const alphabet = 1 + Math.floor(random() * 4);
      const make = () =>
        Int32Array.from({ length: Math.floor(random() * 25) }, () => Math.floor(random() * alphabet));
      const a = make();
      const b = make();
      expect(editLength(a, b, 100)).toBe(a.length + b.length - 2 * lcs(a, b));
    }
  });

  it("gives up past the limit", () => {
    const a = Int32Array.from([1, 2, 3, 4]);
    const b = Int32Array.from([5, 6, 7, 8]);
    expect(editLength(a, b, 8)).toBe(8);
    expect(editLength(a, b, 7)).toBeNull();
  });
});

describe("editDisagreement", () => {
  it("is 0 for identical texts and 1 for texts with no word in common", () => {
    expect(editDisagreement(["the cat sat", "the cat sat"])).toMatchObject({
      meanDistance: 0,
      n: 2,
      pairs: 1,
    });
    expect(editDisagreement(["the cat sat", "a dog ran off"]).meanDistance).toBe(1);
    expect(editDisagreement(["", ""]).meanDistance).toBe(0);
    expect(editDisagreement(["", "something"]).meanDistance).toBe(1);
  });

  it("measures changed words against all words compared", () => {
    // One word replaced: one deletion and one insertion over 8 words.
    expect(editDisagreement(["a b c d", "a b x d"]).meanDistance).toBeCloseTo(0.25, 3);
    // Three texts: pairs (0.25, 0.25, 0.5) → mean 1/3.
    expect(editDisagreement(["a b c d", "a b x d", "a b x y"]).meanDistance).toBeCloseTo(1 / 3, 3);
  });

  it("ignores how whitespace is laid out but not case or punctuation", () => {
    expect(editDisagreement(["fix  the\nbug", " fix the bug "]).meanDistance).toBe(0);
    expect(editDisagreement(["Fix the bug.", "fix the bug"]).meanDistance).toBeCloseTo(4 / 6, 3);
  });

  it("is not defined for fewer than two texts", () => {
    expect(editDisagreement(["only one"])).toMatchObject({
      meanDistance: null,
      n: 1,
      reason: "too-few-texts",
    });
  });

  it("compares only the first WORD_LIMIT words", () => {
    const long = Array.from({ length: WORD_LIMIT }, (_, i) => `w${i % 97}`).join(" ");
    const result = editDisagreement([`${long} tail`, `${long} other ending`]);
    expect(result).toMatchObject({ meanDistance: 0, truncatedTexts: 2 });
  });

  it("stays cheap and exact for long, similar texts", () => {
    const random = seeded(5);
    const base = Array.from({ length: WORD_LIMIT }, () => `w${Math.floor(random() * 5000)}`);
    const edited = base.map((w, i) => (i % 100 === 0 ? `changed${i}` : w));
    const result = editDisagreement([base.join(" "), edited.join(" ")]);
    // 200 words replaced: 400 edits over 40,000 words.
    expect(result).toMatchObject({ approximatePairs: 0, truncatedTexts: 0 });
    expect(result.meanDistance).toBeCloseTo(400 / 40_000, 3);
  });

  it("falls back to a lower bound when texts differ by more than EDIT_LIMIT edits", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(" ");
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(" ");
    expect(editDisagreement([a, b])).toMatchObject({ meanDistance: 1, approximatePairs: 1 });
    // Reordered halves: the multiset sees no difference, the bound still says "more than EDIT_LIMIT".
    const words3000 = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    const swapped = [...words3000.slice(1500), ...words3000.slice(0, 1500)];
    const ids = new WordIds(); // one vocabulary for both texts, as editDisagreement uses
    const { distance, exact } = wordDistance(
      ids.tokenize(words3000.join(" ")).words,
      ids.tokenize(swapped.join(" ")).words,
    );
    expect(exact).toBe(false);
    expect(distance).toBeCloseTo((EDIT_LIMIT + 1) / 6000, 3);
    // The true distance (3000 edits) is at least the bound.
    expect(3000 / 6000).toBeGreaterThanOrEqual(distance);
  });
});
