import { describe, expect, it } from "vitest";
import { NATALIA_RATIONALE, trace } from "./fixtures/trace";
import { checkRepetition } from "./repetition";
import { tailLoop, tokenize } from "./repetition-measures";

const DISTINCT_WORDS = Array.from({ length: 120 }, (_, i) => `w${i}`);

describe("checkRepetition", () => {
  it("fails a reasoning loop at the end of an output and marks where it starts", () => {
    const output =
      "May is half of April, so 48/2 = 24. " +
      "Wait, let me check that again. So the total is 72. ".repeat(8);
    const result = checkRepetition(trace({ output }));
    expect(result.outcome).toBe("fail");
    expect(result.summary).toContain("ends in a loop");
    expect(result.evidence?.trace).toMatchObject({ loop: { period: 11, repeats: 8 } });
    expect(result.spans).toEqual([{ field: "trace", start: output.indexOf("Wait"), end: output.length }]);
  });

  it("finds a loop cut off in the middle of its unit, and a one-word loop", () => {
    const { words } = tokenize("Let us count. " + "the clips are 24 and ".repeat(6) + "the clips");
    expect(tailLoop(words, 60, 2000)).toEqual({ period: 5, repeats: 6, startWord: 3 });
    expect(checkRepetition(trace({ output: `The answer is ${"72 ".repeat(40)}` })).outcome).toBe("fail");
  });

  it("fails when most 10-word windows are duplicates, warns between the thresholds", () => {
    const paragraph = DISTINCT_WORDS.slice(0, 40).join(" ");
    expect(
      checkRepetition(trace({ output: `${paragraph}. ${paragraph}. ${paragraph}. x y z` })).outcome,
    ).toBe("fail");
    // 40 repeated words in the middle of 160: (40 - 9) / 151 duplicate windows = 0.21
    const middle = [
      ...DISTINCT_WORDS.slice(0, 80),
      ...DISTINCT_WORDS.slice(0, 40),
      ...DISTINCT_WORDS.slice(80, 120),
    ].join(" ");
    const result = checkRepetition(trace({ output: middle }));
    expect(result.outcome).toBe("warn");
    expect(result.score).toBeCloseTo(31 / 151, 3);
  });

  it("counts duplicate lines", () => {
    const output = [
      "Step 1: add the clips sold in April.",
      "Step 2: add the clips sold in May.",
      ...Array(4).fill("Check: the total is seventy-two clips."),
      "Done.",
    ].join("\n");
    const result = checkRepetition(trace({ output }));
    expect(result.outcome).toBe("fail");
    expect(result.score).toBeCloseTo(3 / 6, 3);
  });

  it("checks separate reasoning too, and reports which field loops", () => {
    const reasoning = "Hmm. " + "But wait, maybe I should recount the clips in May. ".repeat(10);
    const result = checkRepetition(trace({ reasoning }));
    expect(result.outcome).toBe("fail");
    expect(result.spans?.[0]?.field).toBe("reasoning");
    expect(result.summary).toMatch(/^the reasoning/);
  });

  it("passes ordinary text, and a short echo that is no loop", () => {
    expect(checkRepetition(trace()).outcome).toBe("pass");
    expect(checkRepetition(trace({ output: `${NATALIA_RATIONALE}\nYes, yes, 72.` })).outcome).toBe("pass");
  });
});
