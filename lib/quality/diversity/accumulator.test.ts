import { describe, expect, it } from "vitest";
import { DiversityAccumulator } from "./accumulator";
import { letterWord } from "./fixtures";

describe("DiversityAccumulator", () => {
  it("counts openings with numbers masked, with their share and an example id", () => {
    const acc = new DiversityAccumulator();
    const texts = [
      "Let's think step by step. There are 5 apples.",
      "Let's think step by step. There are 7 apples!",
      "Let's think step by step. There are 12 apples.",
      "Let's think step by step; there are 3 pears.",
      "First, count the apples.",
    ];
    texts.forEach((text, i) => acc.add({ id: `t${i}`, text, systemMessageId: i < 4 ? "sm-1" : null }));
    const summary = acc.summary();
    expect(summary.traces).toBe(5);
    expect(summary.openings.slice(0, 3)).toEqual([
      { key: "let's think step by step there are <n>", count: 4, error: 0, exampleId: "t0", share: 0.8 },
      { key: "first count the apples", count: 1, error: 0, exampleId: "t4", share: 0.2 },
    ]);
    expect(summary.systemMessages.map((m) => [m.key, m.count, m.share])).toEqual([
      ["sm-1", 4, 0.8],
      ["(none)", 1, 0.2],
    ]);
  });

  it("groups traces by template and reports the top-5 share", () => {
    const acc = new DiversityAccumulator();
    for (let i = 0; i < 6; i += 1) acc.add({ id: `a${i}`, text: `Tom has ${i} apples and ${i + 1} pears.` });
    for (let i = 0; i < 5; i += 1)
      acc.add({
        id: `b${i}`,
        text: `${letterWord(i)} ${letterWord(i + 40)} ${letterWord(i + 80)}`.repeat(i + 1),
      });
    const summary = acc.summary();
    expect(summary.templates[0]).toMatchObject({ key: "W has # w and # w .", count: 6, share: 6 / 11 });
    expect(summary.templates).toHaveLength(6);
    expect(summary.top5TemplateShare).toBeCloseTo(10 / 11, 10); // the six, and four of the five singletons
    expect(summary.top5TemplateShareAtLeast).toBeCloseTo(10 / 11, 10);
  });

  it(
    "keeps its memory bounded: 200,000 distinct traces leave every map at its cap",
    { timeout: 120_000 },
    () => {
      const acc = new DiversityAccumulator({ sketchCapacity: 500, distinctWindow: 20_000 });
      for (let i = 0; i < 200_000; i += 1) {
        const words = [
          letterWord(i),
          letterWord(i * 7 + 3),
          "and",
          letterWord(i * 13 + 5),
          "then",
          letterWord(i * 31 + 11),
        ];
        acc.add({ id: `i${i}`, text: words.join(" "), systemMessageId: `sm-${i}` });
      }
      const stored = acc.storedKeys();
      expect(stored.openings).toBe(500);
      expect(stored.templates).toBeLessThanOrEqual(500);
      expect(stored.systemMessages).toBe(500);
      for (const keys of stored.distinctWindows) expect(keys).toBeLessThanOrEqual(20_000);
      const summary = acc.summary();
      expect(summary.traces).toBe(200_000);
      expect(summary.distinct[1].total).toBe(1_200_000);
      expect(summary.openings[0]!.count - summary.openings[0]!.error).toBeLessThanOrEqual(1); // all distinct
    },
  );
});
