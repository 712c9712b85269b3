import { describe, expect, it } from "vitest";
import { lastBoxed } from "./find-boxed";
import { hashesAnswer, phraseAnswer, referenceAnswer, statedAnswer } from "./find-final-answer";

describe("lastBoxed", () => {
  it("balances nested braces and keeps the last box", () => {
    expect(lastBoxed("first \\boxed{1} then \\boxed{\\frac{1}{2}}")?.text).toBe("\\frac{1}{2}");
    expect(lastBoxed("\\boxed{\\{1, 2\\}}")?.text).toBe("\\{1, 2\\}");
    expect(lastBoxed("\\fbox{7}")?.text).toBe("7");
    expect(lastBoxed("\\boxed {x^{2}}")?.text).toBe("x^{2}");
  });

  it("gives the offsets of the content", () => {
    const text = "so \\boxed{42}.";
    const box = lastBoxed(text)!;
    expect(text.slice(box.start, box.end)).toBe("42");
  });

  it("ignores an unclosed box", () => {
    expect(lastBoxed("\\boxed{1} and \\boxed{2")?.text).toBe("1");
    expect(lastBoxed("no box")).toBeUndefined();
  });
});

describe("hashesAnswer", () => {
  it("reads GSM8K's last #### line", () => {
    const text = "48/2 = <<48/2=24>>24\n#### 72";
    expect(hashesAnswer(text)).toMatchObject({ text: "72", source: "hashes" });
    expect(text.slice(hashesAnswer(text)!.start, hashesAnswer(text)!.end)).toBe("72");
    expect(hashesAnswer("#### 1\nmore\n####   1,600  ")?.text).toBe("1,600");
    expect(hashesAnswer("no marker ### 3")).toBeUndefined();
  });

  it("does not take a Markdown heading for an answer, unless it ends the text or is a number", () => {
    expect(hashesAnswer("#### Step 1: count\n4 + 5 = 9\nThe answer is 9.")).toBeUndefined();
    expect(statedAnswer("#### Step 1: count\n4 + 5 = 9\nThe answer is 9.")?.text).toBe("9");
    expect(hashesAnswer("#### 42\n\nHope this helps!")?.text).toBe("42");
    expect(hashesAnswer("work\n#### Final answer: 42")?.text).toBe("Final answer: 42");
  });
});

describe("phraseAnswer", () => {
  it.each([
    ["So the answer is (B).", "(B)"],
    ["The answer is $1,234.", "$1,234"],
    ["Answer: 42", "42"],
    ["**Answer:** 42", "42"],
    ["The final answer is $\\frac{1}{2}$. I hope it is correct.", "$\\frac{1}{2}$"],
    ["the correct answer is 3.5. It follows.", "3.5"],
    ["Answer:\n  17 apples", "17 apples"],
    ["The answer would be True", "True"],
    ["first the answer is 1. Then the answer is 2.", "2"],
  ])("reads %j as %j", (text, expected) => {
    const span = phraseAnswer(text)!;
    expect(span.text).toBe(expected);
    expect(text.slice(span.start, span.end)).toBe(expected);
  });

  it("needs a separator after 'answer' (prose about answering is not an answer)", () => {
    expect(phraseAnswer("To answer this we count 5 apples.")).toBeUndefined();
    expect(phraseAnswer("The answer is")).toBeUndefined();
  });
});

describe("statedAnswer and referenceAnswer", () => {
  it("prefers #### over \\boxed over a phrase", () => {
    expect(statedAnswer("The answer is 1. \\boxed{2}\n#### 3")?.source).toBe("hashes");
    expect(statedAnswer("The answer is 1. \\boxed{2}")?.text).toBe("2");
    expect(statedAnswer("The answer is 1.")?.text).toBe("1");
    expect(statedAnswer("just 1")).toBeUndefined();
  });

  it("falls back to the whole reference, trimmed", () => {
    expect(referenceAnswer("  (B) \n")).toMatchObject({ text: "(B)", source: "whole", start: 2, end: 5 });
  });
});
