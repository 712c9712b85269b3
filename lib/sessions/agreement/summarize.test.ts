import { describe, expect, it } from "vitest";
import {
  DuplicateRatingError,
  fleissKappa,
  krippendorffAlphaNominal,
  pairwiseCohens,
  percentAgreement,
  summarize,
  type SessionItemRatings,
} from ".";

const reject = (reviewerId: string, reasonId: string | null) => ({
  reviewerId,
  decision: "rejected",
  reasonId,
});
const approve = (reviewerId: string) => ({ reviewerId, decision: "approved" });

// Overlap k = 2 over three reviewers; t5 is still waiting for its second decision.
const SESSION: SessionItemRatings[] = [
  { itemId: "t1", decisions: [approve("ana"), approve("ben")] },
  {
    itemId: "t2",
    decisions: [reject("ana", "facts"), reject("cho", "facts")],
    edits: ["a b c d", "a b x d"],
  },
  { itemId: "t3", decisions: [reject("ben", "tone"), reject("cho", "facts")] },
  { itemId: "t4", decisions: [approve("ana"), reject("cho", "tone")], edits: ["same text", "same text"] },
  { itemId: "t5", decisions: [reject("ben", "facts")] },
  { itemId: "t6", decisions: [reject("ana", null), reject("ben", "tone")] },
  { itemId: "t7", decisions: [reject("ben", "tone"), reject("cho", "tone")], edits: ["only one"] },
];

describe("summarize", () => {
  it("computes every figure for approve/reject over all items", () => {
    const summary = summarize(SESSION, { ratingsPerItem: 2 });
    const decisions = SESSION.map((item) => ({
      itemId: item.itemId,
      ratings: item.decisions.map((d) => ({ reviewerId: d.reviewerId, label: d.decision })),
    }));
    expect(summary.decisions).toEqual({
      percent: percentAgreement(decisions),
      pairwiseCohens: pairwiseCohens(decisions),
      fleiss: fleissKappa(decisions, { ratingsPerItem: 2 }),
      krippendorff: krippendorffAlphaNominal(decisions),
    });
    expect(summary.decisions.percent).toMatchObject({ n: 6, pairwise: 5 / 6 });
    expect(summary.decisions.fleiss).toMatchObject({ n: 6, excluded: 1, ratingsPerItem: 2 });
    expect(summary.decisions.krippendorff.n).toBe(6);
  });

  it("compares reasons only where two or more reviewers rejected with a reason id", () => {
    const { reasons } = summarize(SESSION);
    // t2 (facts/facts), t3 (tone/facts), t7 (tone/tone); t6's free-text rejection has no label.
    expect(reasons.percent).toMatchObject({ n: 3, pairwise: 2 / 3, unanimous: 2 / 3 });
    expect(reasons.krippendorff.n).toBe(3);
    expect(reasons.fleiss).toMatchObject({ n: 3, ratingsPerItem: 2, excluded: 0 });
    expect(reasons.pairwiseCohens.map((p) => [p.raterA, p.raterB, p.n])).toEqual([
      ["ana", "cho", 1],
      ["ben", "cho", 2],
    ]);
  });

  it("averages edit disagreement over traces with two or more edited texts", () => {
    // t2: 0.25, t4: 0; t7 has a single edit and does not count.
    expect(summarize(SESSION).edits).toEqual({
      meanDistance: 0.125,
      n: 2,
      approximatePairs: 0,
      reason: null,
    });
    expect(summarize([]).edits).toMatchObject({ meanDistance: null, n: 0, reason: "too-few-texts" });
  });

  it("reports figures that are not defined instead of failing on an empty session", () => {
    const summary = summarize([]);
    expect(summary.decisions.percent.reason).toBe("no-items");
    expect(summary.decisions.fleiss.reason).toBe("no-items");
    expect(summary.reasons.krippendorff.reason).toBe("no-items");
  });

  it("does not depend on the order of items", () => {
    expect(summarize([...SESSION].reverse())).toEqual(summarize(SESSION));
  });

  it("refuses two decisions by one reviewer on one item", () => {
    expect(() => summarize([{ itemId: "t1", decisions: [approve("ana"), reject("ana", "tone")] }])).toThrow(
      DuplicateRatingError,
    );
  });
});
