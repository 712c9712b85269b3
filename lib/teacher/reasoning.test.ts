import { describe, expect, it } from "vitest";
import { joinReasoning, separateReasoning, splitThink } from "./reasoning";

describe("inline <think> reasoning", () => {
  it("splits a leading <think> block off the answer", () => {
    expect(splitThink("<think>\nLet me see: 2 + 2.\n</think>\n\nThe answer is 4.")).toEqual({
      text: "The answer is 4.",
      reasoning: "Let me see: 2 + 2.",
    });
    expect(splitThink("  \n<think>x</think>Answer")).toEqual({ text: "Answer", reasoning: "x" });
  });

  it("takes the text before a </think> whose opening tag the server left out", () => {
    expect(splitThink("mid-thought, so 4.\n</think>\n\nThe answer is 4.")).toEqual({
      text: "The answer is 4.",
      reasoning: "mid-thought, so 4.",
    });
  });

  it("treats an unclosed <think> as all reasoning (the model ran out of tokens)", () => {
    expect(splitThink("<think>still going and")).toEqual({ text: "", reasoning: "still going and" });
  });

  it("leaves other text alone, including tags later in the answer", () => {
    expect(splitThink("The answer is 4.")).toEqual({ text: "The answer is 4." });
    const later = "Use <think>tags</think> like this.";
    expect(splitThink(later)).toEqual({ text: later });
    expect(splitThink("<think></think>Plain.")).toEqual({ text: "Plain.", reasoning: undefined });
  });

  it("joins field reasoning with inline reasoning, dropping empty parts", () => {
    expect(joinReasoning(undefined, " ", null)).toBeUndefined();
    expect(separateReasoning("<think>b</think>answer", "a")).toEqual({ text: "answer", reasoning: "a\n\nb" });
    expect(separateReasoning("answer", "")).toEqual({ text: "answer", reasoning: undefined });
  });
});
