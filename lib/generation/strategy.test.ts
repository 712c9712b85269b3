import { describe, expect, it } from "vitest";
import { parseStrategyChoice, strategyPrompt, summarize } from "./strategy";

const options = [
  { name: "Step-by-step reasoning", content: "Think step by step. Show every step." },
  { name: "Direct answer", content: "Answer directly, in one sentence." },
  { name: "Explain like I'm five", content: "Explain as if to a five-year-old child, with an analogy." },
];

describe("parseStrategyChoice", () => {
  it("reads a leading number in its usual dresses", () => {
    for (const reply of [
      "2",
      " 2.",
      "**2**",
      "Strategy 2",
      "Strategy #2: Direct answer",
      "#2",
      "2) Direct",
    ]) {
      expect(parseStrategyChoice(reply, options), reply).toEqual({ index: 1, by: "number" });
    }
  });

  it("reads an exact name, preferring the longest named", () => {
    expect(parseStrategyChoice("I would use Direct answer here.", options)).toEqual({ index: 1, by: "name" });
    expect(parseStrategyChoice("explain like i'm five", options)).toEqual({ index: 2, by: "name" });
  });

  it("reads the only valid number inside a sentence", () => {
    expect(parseStrategyChoice("The best fit is strategy 3 because the task is for kids.", options)).toEqual({
      index: 2,
      by: "number",
    });
  });

  it("reads a near-miss name as a fuzzy match", () => {
    expect(parseStrategyChoice("Step by step reasonning", options)).toEqual({ index: 0, by: "fuzzy" });
  });

  it("gives up on junk, out-of-range and ambiguous replies", () => {
    expect(parseStrategyChoice("I'm not sure.", options)).toBeNull();
    expect(parseStrategyChoice("7", options)).toBeNull();
    expect(parseStrategyChoice("Either 1 or 3 would do.", options)).toBeNull();
    expect(parseStrategyChoice("", options)).toBeNull();
  });
});

describe("strategyPrompt", () => {
  it("numbers each option with its name and one-line summary, after the task", () => {
    const prompt = strategyPrompt("What is 6 x 7?", options);
    expect(prompt).toContain("What is 6 x 7?");
    expect(prompt).toContain("1. Step-by-step reasoning: Think step by step.");
    expect(prompt).toContain(
      "3. Explain like I'm five: Explain as if to a five-year-old child, with an analogy.",
    );
    expect(prompt).toContain("(1 to 3)");
  });

  it("summarizes to the first sentence, cut to length", () => {
    expect(summarize("You are helpful.\nAlways cite sources.")).toBe("You are helpful.");
    expect(summarize("x".repeat(300), 50)).toHaveLength(50);
  });
});
