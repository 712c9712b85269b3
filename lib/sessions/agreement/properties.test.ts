// Property-style checks on generated sessions (seeded, so a failure replays).
import { describe, expect, it } from "vitest";
import {
  cohensKappa,
  DuplicateItemError,
  DuplicateRatingError,
  fleissKappa,
  krippendorffAlphaNominal,
  notDefinedMessage,
  pairwiseCohens,
  percentAgreement,
  ratingsTable,
  type RatedItem,
} from ".";
import { seeded, shuffled } from "./test-tables";

const REVIEWERS = ["ana", "ben", "cho", "dev", "eli"];
const LABELS = ["approved", "rejected", "r:tone", "r:facts"];

/** Items each rated by `k` of the reviewers, labels drawn by `label`. */
function session(
  random: () => number,
  items: number,
  k: number,
  label: (item: number, reviewer: string) => string,
): RatedItem[] {
  return Array.from({ length: items }, (_, i) => ({
    itemId: `t${i}`,
    ratings: shuffled(REVIEWERS, random)
      .slice(0, k)
      .map((reviewerId) => ({ reviewerId, label: label(i, reviewerId) })),
  }));
}

function everything(items: RatedItem[]) {
  return {
    percent: percentAgreement(items),
    pairwise: pairwiseCohens(items),
    fleiss: fleissKappa(items),
    alpha: krippendorffAlphaNominal(items),
  };
}

describe("agreement properties", () => {
  it("perfect agreement gives κ = 1, α = 1 and 100% agreement", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seeded(seed);
      const truth = Array.from({ length: 40 }, (_, i) => LABELS[i % LABELS.length]!);
      const items = session(random, 40, 2 + (seed % 3), (i) => truth[i]!);
      const result = everything(items);
      expect(result.fleiss.kappa).toBe(1);
      expect(result.alpha.alpha).toBe(1);
      expect(result.percent.pairwise).toBe(1);
      expect(result.percent.unanimous).toBe(1);
      for (const pair of result.pairwise) {
        // A pair that shared only items of one label has κ undefined, not 1.
        if (pair.reason === null) expect(pair.kappa).toBe(1);
        else expect(pair).toMatchObject({ reason: "single-label", observed: 1 });
      }
    }
  });

  it("systematic disagreement on two labels gives κ < 0 and α < 0", () => {
    // A says approved exactly when B says rejected.
    const items = Array.from({ length: 30 }, (_, i) => ({
      itemId: `t${i}`,
      ratings: [
        { reviewerId: "A", label: i % 2 ? "approved" : "rejected" },
        { reviewerId: "B", label: i % 2 ? "rejected" : "approved" },
      ],
    }));
    const cohen = cohensKappa(items, "A", "B");
    expect(cohen.observed).toBe(0);
    expect(cohen.kappa).toBeCloseTo(-1, 3);
    expect(fleissKappa(items).kappa!).toBeLessThan(0);
    expect(krippendorffAlphaNominal(items).alpha!).toBeLessThan(0);
    expect(percentAgreement(items).pairwise).toBe(0);
  });

  it("does not depend on the order of items or of ratings within them", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seeded(seed);
      const items = session(random, 60, 3, () => LABELS[Math.floor(random() * 3)]!);
      // Some items incomplete, so Fleiss excludes some and α sees missing data.
      items[0] = { ...items[0]!, ratings: items[0]!.ratings.slice(0, 1) };
      items[1] = { ...items[1]!, ratings: items[1]!.ratings.slice(0, 2) };
      const permuted = shuffled(items, random).map((item) => ({
        ...item,
        ratings: shuffled(item.ratings, random),
      }));
      expect(everything(permuted)).toEqual(everything(items));
    }
  });

  it("Fleiss' κ with k = 2 comes close to α for many items (Scott's π vs its small-sample correction)", () => {
    const random = seeded(7);
    const items = session(random, 2000, 2, (i) => (random() < 0.7 ? LABELS[i % 2]! : LABELS[2]!));
    const kappa = fleissKappa(items).kappa!;
    const alpha = krippendorffAlphaNominal(items).alpha!;
    expect(Math.abs(kappa - alpha)).toBeLessThan(0.01);
  });

  it("α ignores items with a single rating; Fleiss counts them as excluded", () => {
    const random = seeded(3);
    const items = session(random, 50, 3, () => LABELS[Math.floor(random() * 2)]!);
    const withSingles = [
      ...items,
      { itemId: "lonely-1", ratings: [{ reviewerId: "ana", label: "approved" }] },
      { itemId: "lonely-2", ratings: [] },
    ];
    expect(krippendorffAlphaNominal(withSingles)).toEqual(krippendorffAlphaNominal(items));
    const fleiss = fleissKappa(withSingles, { ratingsPerItem: 3 });
    expect(fleiss).toMatchObject({ n: 50, excluded: 2, kappa: fleissKappa(items).kappa });
    expect(fleissKappa(withSingles, { ratingsPerItem: 2 })).toMatchObject({
      n: 0,
      excluded: 52,
      reason: "no-items",
    });
    expect(() => fleissKappa(items, { ratingsPerItem: 1 })).toThrow(RangeError);
  });

  it("Fleiss picks the commonest rating count when no overlap is given", () => {
    const items: RatedItem[] = [
      ...session(seeded(1), 5, 3, () => "approved"),
      ...session(seeded(2), 8, 2, (i) => LABELS[i % 2]!).map((item) => ({
        ...item,
        itemId: `two-${item.itemId}`,
      })),
    ];
    expect(fleissKappa(items)).toMatchObject({ ratingsPerItem: 2, n: 8, excluded: 5 });
  });
});

describe("degenerate cases", () => {
  it("reports 'no-items' when nothing rests on two ratings", () => {
    const items = [{ itemId: "t1", ratings: [{ reviewerId: "A", label: "approved" }] }];
    expect(percentAgreement(items)).toEqual({ pairwise: null, unanimous: null, n: 0, reason: "no-items" });
    expect(cohensKappa(items, "A", "B")).toEqual({
      kappa: null,
      observed: null,
      expected: null,
      n: 0,
      reason: "no-items",
    });
    expect(pairwiseCohens(items)).toEqual([]);
    expect(fleissKappa(items)).toMatchObject({ kappa: null, n: 0, ratingsPerItem: null, excluded: 1 });
    expect(krippendorffAlphaNominal(items)).toMatchObject({ alpha: null, n: 0, reason: "no-items" });
    expect(krippendorffAlphaNominal([])).toMatchObject({ alpha: null, reason: "no-items" });
  });

  it("reports 'single-label' (not NaN, not 1) when every rating was the same", () => {
    const items = Array.from({ length: 5 }, (_, i) => ({
      itemId: `t${i}`,
      ratings: [
        { reviewerId: "A", label: "approved" },
        { reviewerId: "B", label: "approved" },
      ],
    }));
    expect(cohensKappa(items, "A", "B")).toEqual({
      kappa: null,
      observed: 1,
      expected: 1,
      n: 5,
      reason: "single-label",
    });
    expect(fleissKappa(items)).toMatchObject({
      kappa: null,
      observed: 1,
      expected: 1,
      reason: "single-label",
    });
    expect(krippendorffAlphaNominal(items)).toMatchObject({
      alpha: null,
      observedDisagreement: 0,
      reason: "single-label",
    });
    expect(percentAgreement(items).pairwise).toBe(1);
    expect(notDefinedMessage("single-label")).toBe("not defined: every rating was the same");
  });

  it("κ is defined (0) when one reviewer always gives one label and the other varies", () => {
    const items = ["approved", "rejected", "approved"].map((label, i) => ({
      itemId: `t${i}`,
      ratings: [
        { reviewerId: "A", label: "approved" },
        { reviewerId: "B", label },
      ],
    }));
    expect(cohensKappa(items, "A", "B")).toMatchObject({ kappa: 0, reason: null });
  });

  it("compares labels as exact strings", () => {
    const items = Array.from({ length: 4 }, (_, i) => ({
      itemId: `t${i}`,
      ratings: [
        { reviewerId: "A", label: i % 2 ? "approved" : "rejected" },
        { reviewerId: "B", label: i % 2 ? "Approved" : "rejected" },
      ],
    }));
    expect(cohensKappa(items, "A", "B").observed).toBe(0.5);
  });
});

describe("the ratings table", () => {
  it("refuses an item rated twice by the same reviewer", () => {
    const items = [
      {
        itemId: "trace-9",
        ratings: [
          { reviewerId: "ana", label: "approved" },
          { reviewerId: "ana", label: "rejected" },
        ],
      },
    ];
    for (const compute of [percentAgreement, pairwiseCohens, fleissKappa, krippendorffAlphaNominal]) {
      expect(() => compute(items)).toThrow(DuplicateRatingError);
    }
    expect(() => cohensKappa(items, "ana", "ben")).toThrow(
      "Item trace-9 has two ratings by reviewer ana; each reviewer rates an item once.",
    );
    expect(() =>
      ratingsTable([
        { itemId: "trace-9", reviewerId: "ana", label: "approved" },
        { itemId: "trace-9", reviewerId: "ana", label: "approved" },
      ]),
    ).toThrow(DuplicateRatingError);
  });

  it("refuses the same item listed twice", () => {
    const item = { itemId: "trace-1", ratings: [{ reviewerId: "ana", label: "approved" }] };
    expect(() => percentAgreement([item, item])).toThrow(DuplicateItemError);
  });

  it("groups flat decision rows into items", () => {
    expect(
      ratingsTable([
        { itemId: "t1", reviewerId: "ana", label: "approved" },
        { itemId: "t2", reviewerId: "ana", label: "rejected" },
        { itemId: "t1", reviewerId: "ben", label: "approved" },
      ]),
    ).toEqual([
      {
        itemId: "t1",
        ratings: [
          { reviewerId: "ana", label: "approved" },
          { reviewerId: "ben", label: "approved" },
        ],
      },
      { itemId: "t2", ratings: [{ reviewerId: "ana", label: "rejected" }] },
    ]);
  });

  it("refuses to compare a reviewer with themselves", () => {
    expect(() => cohensKappa([], "ana", "ana")).toThrow(RangeError);
  });
});
