import { describe, expect, it } from "vitest";
import { trace } from "./fixtures/trace";
import { checkTruncation } from "./truncation";

const signals = (output: string) => checkTruncation(trace({ output })).evidence?.signals;

describe("checkTruncation", () => {
  it.each(["length", "max_tokens", "MAX_TOKENS"])("fails on finish reason %s", (finishReason) => {
    expect(checkTruncation(trace({ finishReason })).outcome).toBe("fail");
  });

  it("fails when marked truncated, and passes a clean stop", () => {
    expect(checkTruncation(trace({ truncated: true })).outcome).toBe("fail");
    expect(checkTruncation(trace({ finishReason: "stop" })).outcome).toBe("pass");
  });

  it("warns on an unclosed code fence, with a span from the fence to the end", () => {
    const output =
      "Here is the function:\n```python\ndef total(april):\n    may = april // 2\n    return april + may";
    const result = checkTruncation(trace({ output }));
    expect(result.outcome).toBe("warn");
    expect(result.evidence?.signals).toContain("unclosed code fence");
    expect(result.spans?.[0]).toEqual({ field: "trace", start: output.indexOf("```"), end: output.length });
    expect(signals("Here:\n```python\nprint(72)\n```\nIt prints 72.")).toBeUndefined();
  });

  it("warns on <think> without </think>, and on an unclosed \\boxed{", () => {
    expect(signals("<think>\nMay is half of April: 48/2 = 24. Then the total is")).toContain(
      "unclosed <think>",
    );
    expect(signals("The total is $\\boxed{7")).toContain("unclosed \\boxed{");
    expect(signals("<think>48/2 = 24</think>\nThe total is $\\boxed{\\frac{144}{2}}$.")).toBeUndefined();
  });

  it("warns on a sentence that breaks off", () => {
    expect(signals("First we find the clips sold in May, which is half of the")).toEqual([
      "ends mid-sentence",
    ]);
    expect(signals("She sold 48 in April and 24 in May,")).toEqual(["ends mid-sentence"]);
    expect(signals("Now we add the clips sold in April to the clips sold in May to get")).toEqual([
      "ends mid-sentence",
    ]);
  });

  it("passes endings that are complete though unpunctuated", () => {
    expect(signals("The answer is 72")).toBeUndefined();
    expect(signals("So the answer is yes")).toBeUndefined();
    expect(signals("She sold **72** clips in all.\n\nAnswer: B")).toBeUndefined();
  });

  it("warns on a bracket opened on the last line, not on an old typo or a list marker", () => {
    expect(signals("May: 48/2 = 24.\nThe total (April plus May")).toEqual(["unclosed bracket"]);
    expect(signals("She sold 1(48 clips.\nTotal: 72.")).toBeUndefined();
    expect(signals("1) April: 48.\n2) May: 24.")).toBeUndefined();
    expect(
      checkTruncation(trace({ output: "The total (April plus May" }), {
        lengthFinishReasons: [],
        minWordsMidSentence: 8,
        checkBrackets: false,
      }).outcome,
    ).toBe("pass");
  });

  it("warns when the output used every token allowed", () => {
    expect(checkTruncation(trace({ outputTokens: 512, maxTokens: 512 })).outcome).toBe("warn");
    expect(checkTruncation(trace({ outputTokens: 100, maxTokens: 512 })).outcome).toBe("pass");
  });
});
