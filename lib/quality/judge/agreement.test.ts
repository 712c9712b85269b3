import { describe, expect, it } from "vitest";
import { judgeAgreement, type HumanStatus, type JudgedTrace } from "./agreement";

const RUBRIC = { scale: 5, passScore: 4 };

/** `count` traces people decided `human`, each scored by the judge from `scores` in turn. */
function traces(human: HumanStatus, count: number, scores: readonly number[], tag: string): JudgedTrace[] {
  return Array.from({ length: count }, (_, i) => ({
    traceId: `${tag}-${i}`,
    score: scores[i % scores.length]!,
    human,
  }));
}

describe("judge against people", () => {
  it("reproduces Cohen's kappa for the 50-proposal example (κ = 0.4, po = 0.7, pe = 0.5)", () => {
    // Wikipedia, "Cohen's kappa", Examples: A (the judge) and B (people) said yes/yes 20, yes/no 5,
    // no/yes 10, no/no 15. The judge's "yes" is a score of 4 or 5; its "no" 1 to 3.
    const result = judgeAgreement(
      [
        ...traces("approved", 20, [4, 5], "yy"),
        ...traces("rejected", 5, [4], "yn"),
        ...traces("approved", 10, [3, 2], "ny"),
        ...traces("rejected", 15, [1, 2, 3], "nn"),
      ],
      RUBRIC,
    );
    expect(result.n).toBe(50);
    expect(result.percentAgreement).toBeCloseTo(0.7, 10);
    expect(result.expected).toBeCloseTo(0.5, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
    expect(result.confusion).toEqual({
      approved: { approve: 20, reject: 10 },
      rejected: { approve: 5, reject: 15 },
    });
    // Approved: 10 fours, 10 fives, 5 threes, 5 twos; rejected: 5 each of 1, 2, 3 and 5 fours.
    expect(result.scores.approved).toEqual({ counts: [0, 5, 5, 10, 10], n: 30, mean: 115 / 30 });
    expect(result.scores.rejected).toEqual({ counts: [5, 5, 5, 5, 0], n: 20, mean: 50 / 20 });
  });

  it("gives the same 60% agreement different κ by the marginals (0.1304 and 0.2593)", () => {
    // Wikipedia, "Cohen's kappa", "Same percentages but different numbers": 45/15/25/15 and 25/35/5/35.
    const table = (yy: number, yn: number, ny: number, nn: number) => [
      ...traces("approved", yy, [5], "yy"),
      ...traces("rejected", yn, [4], "yn"),
      ...traces("approved", ny, [2], "ny"),
      ...traces("rejected", nn, [1], "nn"),
    ];
    const first = judgeAgreement(table(45, 15, 25, 15), RUBRIC);
    const second = judgeAgreement(table(25, 35, 5, 35), RUBRIC);
    expect(first.percentAgreement).toBeCloseTo(0.6, 10);
    expect(first.kappa).toBeCloseTo(0.1304, 4);
    expect(second.percentAgreement).toBeCloseTo(0.6, 10);
    expect(second.kappa).toBeCloseTo(0.2593, 4);
  });

  it("leaves traces people split on out of every figure, and counts them", () => {
    const result = judgeAgreement(
      [
        ...traces("approved", 3, [5], "a"),
        ...traces("rejected", 2, [1], "r"),
        ...traces("conflict", 4, [3], "c"),
      ],
      RUBRIC,
    );
    expect(result).toMatchObject({ n: 5, conflicts: 4, percentAgreement: 1, kappa: 1 });
    expect(result.scores.approved.counts).toEqual([0, 0, 0, 0, 3]);
    expect(result.scores.rejected.counts).toEqual([2, 0, 0, 0, 0]);
  });

  it("follows the rubric's pass score: the same scores agree or not by where approval starts", () => {
    const scored = [...traces("approved", 4, [3], "a"), ...traces("rejected", 4, [2], "r")];
    expect(judgeAgreement(scored, { scale: 5, passScore: 3 }).kappa).toBe(1);
    expect(judgeAgreement(scored, { scale: 5, passScore: 4 })).toMatchObject({
      percentAgreement: 0.5,
      kappa: 0,
      confusion: { approved: { approve: 0, reject: 4 }, rejected: { approve: 0, reject: 4 } },
    });
  });

  it("says κ is not defined when there is nothing to compare or both sides gave one label", () => {
    expect(judgeAgreement(traces("conflict", 2, [5], "c"), RUBRIC)).toMatchObject({
      n: 0,
      kappa: null,
      percentAgreement: null,
      notDefined: "no-items",
      scores: { approved: { n: 0, mean: null, counts: [0, 0, 0, 0, 0] } },
    });
    expect(judgeAgreement(traces("approved", 3, [4, 5], "a"), RUBRIC)).toMatchObject({
      n: 3,
      kappa: null,
      percentAgreement: 1,
      notDefined: "single-label",
    });
  });
});
