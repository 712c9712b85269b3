import { describe, expect, it } from "vitest";
import { readJsonl, SHARED_DATA } from "../testing/shared-data";
import { ExactDuplicateIndex, exactDuplicateGroups, exactDuplicateKey } from "./exact";
import { duplicateVerdicts } from "./verdicts";

describe("exact duplicates", () => {
  it("are texts equal up to case, width, punctuation and spacing", () => {
    expect(exactDuplicateKey("Hello,   WORLD!")).toBe(exactDuplicateKey("hello world"));
    expect(exactDuplicateKey("Ｈｅｌｌｏ world")).toBe(exactDuplicateKey("hello world"));
    expect(exactDuplicateKey("hello world")).not.toBe(exactDuplicateKey("hello words"));
    expect(exactDuplicateKey("x")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("group in add order, first-added first; empty texts are not duplicates of each other", () => {
    const groups = exactDuplicateGroups([
      { id: "a", text: "Two plus two is four." },
      { id: "b", text: "Something else" },
      { id: "c", text: "two plus two is four" },
      { id: "d", text: "something  ELSE." },
      { id: "e", text: "" },
      { id: "f", text: "  " },
      { id: "g", text: "TWO PLUS TWO IS FOUR" },
    ]);
    expect(groups).toEqual([{ ids: ["a", "c", "g"] }, { ids: ["b", "d"] }]);
  });

  it("find the duplicated questions of GSM8K train and nothing else, after a copy of every row", () => {
    const train = readJsonl<{ question: string }>(`${SHARED_DATA}/gsm8k/train.jsonl`);
    const index = new ExactDuplicateIndex();
    train.forEach((row, i) => index.add(`q${i}`, row.question));
    const inData = index.groups();
    train.slice(0, 500).forEach((row, i) => index.add(`copy${i}`, ` ${row.question.toLowerCase()} `));
    const groups = index.groups();
    expect(groups.filter((g) => g.ids.some((id) => id.startsWith("copy")))).toHaveLength(500);
    expect(groups.length).toBe(
      500 + inData.filter((g) => !g.ids.some((id) => Number(id.slice(1)) < 500)).length,
    );
    for (const { ids } of inData) {
      const normal = new Set(ids.map((id) => exactDuplicateKey(train[Number(id.slice(1))]!.question)));
      expect(normal.size).toBe(1);
    }
  });
});

describe("duplicateVerdicts", () => {
  it("keeps the first member and fails the others, naming it", () => {
    const verdicts = duplicateVerdicts([{ ids: ["a", "b", "c"], similarity: 0.82 }], "near");
    expect(verdicts.get("a")).toMatchObject({
      outcome: "pass",
      evidence: { groupSize: 3, duplicates: ["b", "c"] },
    });
    expect(verdicts.get("c")).toEqual({
      outcome: "fail",
      summary: "Near-duplicate of a (estimated similarity 0.82)",
      score: 0.82,
      evidence: { kept: "a", groupSize: 3, similarity: 0.82 },
    });
    expect(duplicateVerdicts([{ ids: ["x", "y"] }], "exact").get("y")).toMatchObject({
      outcome: "fail",
      summary: "Exact duplicate of x",
      score: 1,
    });
  });
});
