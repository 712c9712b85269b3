import { describe, expect, it } from "vitest";
import type { ContaminationMatch } from "./schemas";
import { contaminationVerdict } from "./verdict";

const match = (
  itemId: string,
  matchedNgrams: number,
  overlap: number,
  matchedSentences = 0,
): ContaminationMatch => ({
  benchmark: "gsm8k-test",
  itemId,
  matchedNgrams,
  matchedSentences,
  itemNgrams: 40,
  overlap,
  fields: ["text"],
  spans: [{ field: "trace", start: matchedNgrams, end: matchedNgrams + 20 }],
});

describe("contaminationVerdict", () => {
  it("passes a text with no match", () => {
    expect(contaminationVerdict([])).toMatchObject({ outcome: "pass", score: 0 });
  });

  it("fails on one 13-gram by default, with the strongest matches as evidence and their spans", () => {
    const matches = Array.from({ length: 7 }, (_, i) => match(`gsm8k-test/${i}`, i + 1, (i + 1) / 40));
    const verdict = contaminationVerdict(matches);
    expect(verdict.outcome).toBe("fail");
    expect(verdict.summary).toBe(
      "Benchmark text found: gsm8k-test/6 (7 13-grams, 18% of the item); gsm8k-test/5 (6 13-grams, 15% of the item); " +
        "gsm8k-test/4 (5 13-grams, 13% of the item); gsm8k-test/3 (4 13-grams, 10% of the item); " +
        "gsm8k-test/2 (3 13-grams, 8% of the item); and 2 more",
    );
    expect(verdict.score).toBe(7 / 40);
    expect(verdict.evidence).toMatchObject({ benchmarks: ["gsm8k-test"], matchedItems: 7 });
    expect((verdict.evidence!.matches as unknown[]).length).toBe(5);
    expect(verdict.evidence!.matches).toContainEqual(
      expect.not.objectContaining({ spans: expect.anything() }),
    );
    expect(verdict.spans?.map((s) => s.start)).toEqual([7, 6, 5, 4, 3]);
  });

  it("counts a match on whole sentences like n-grams", () => {
    expect(contaminationVerdict([match("q", 0, 0.1, 2)])).toMatchObject({
      outcome: "fail",
      summary: "Benchmark text found: q (2 sentences, 10% of the item)",
    });
  });

  it("warns below configurable minimums", () => {
    const weak = [match("a", 1, 0.02), match("b", 2, 0.3)];
    expect(contaminationVerdict(weak, { minNgrams: 3 }).outcome).toBe("warn");
    expect(contaminationVerdict(weak, { minOverlap: 0.5 }).outcome).toBe("warn");
    const failed = contaminationVerdict(weak, { minNgrams: 2, minOverlap: 0.25 });
    expect(failed).toMatchObject({ outcome: "fail", evidence: { matchedItems: 1 } });
    expect(() => contaminationVerdict(weak, { minNgrams: 0 })).toThrow();
  });
});
