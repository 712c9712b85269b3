import { describe, expect, it } from "vitest";
import { InvalidAnswerPatternError, verifyAnswer } from "./index";

describe("verifyAnswer outcomes", () => {
  it("passes an equal answer with the matched pair as evidence and the answer's span", () => {
    const output = "She sold 48 + 24 = 72 clips. The answer is 72.";
    const result = verifyAnswer({ reference: "#### 72", output });
    expect(result).toMatchObject({
      outcome: "pass",
      summary: "expected 72, found 72 (numeric)",
      evidence: {
        method: "numeric",
        chosenBy: "auto",
        expected: ["72"],
        found: ["72"],
        matched: ["72", "72"],
      },
    });
    expect(result.spans).toEqual([
      { field: "trace", start: output.lastIndexOf("72"), end: output.lastIndexOf("72") + 2 },
    ]);
  });

  it("fails a wrong answer", () => {
    const result = verifyAnswer({ reference: "#### 72", output: "The answer is 70." });
    expect(result.outcome).toBe("fail");
    expect(result.summary).toBe("expected 72, found 70 (numeric)");
    expect(result.evidence).not.toHaveProperty("matched");
  });

  it("warns when the output has no final answer", () => {
    const result = verifyAnswer({ reference: "#### 18", output: "I am not sure how to solve this." });
    expect(result.outcome).toBe("warn");
    expect(result.summary).toBe("no final answer found in the output (expected 18, numeric)");
    expect(result.evidence).toMatchObject({ found: [] });
    expect(result.spans).toBeUndefined();
  });

  it("skips an empty or absent reference, and a reference with no answer of the method's kind", () => {
    expect(verifyAnswer({ reference: "  ", output: "42" })).toMatchObject({
      outcome: "skip",
      summary: "no reference answer",
    });
    expect(verifyAnswer({ reference: null, output: "42" }).outcome).toBe("skip");
    expect(verifyAnswer({ output: "42" }).outcome).toBe("skip");
    expect(verifyAnswer({ reference: "blue", output: "42", method: "numeric" })).toMatchObject({
      outcome: "skip",
      summary: "the reference has no numeric answer",
    });
  });

  it("names the field it highlights when told", () => {
    const result = verifyAnswer({ reference: "(B)", output: "So the answer is (B).", field: "reasoning" });
    expect(result.spans?.[0]?.field).toBe("reasoning");
  });

  it("records a method given by the settings without chosenBy", () => {
    expect(verifyAnswer({ reference: "24", output: "24", method: "exact" }).evidence).toEqual({
      method: "exact",
      expected: ["24"],
      found: ["24"],
      matched: ["24", "24"],
    });
  });
});

describe("numeric", () => {
  const check = (reference: string, output: string, tolerance?: { relative?: number; absolute?: number }) =>
    verifyAnswer({ reference, output, method: "numeric", tolerance }).outcome;

  it("reads \\boxed{}, phrases, currency, separators and the last number", () => {
    expect(check("#### 1234", "so \\boxed{1,234}")).toBe("pass");
    expect(check("#### 1,234", "The answer is $1,234.")).toBe("pass");
    expect(check("#### 1234.5", "Answer: $1,234.50")).toBe("pass");
    expect(check("#### -3", "The temperature drops to -3 degrees.")).toBe("pass");
    expect(check("#### 0.75", "The answer is \\frac{3}{4}.")).toBe("pass");
    expect(check("#### 1.5", "The answer is 1 1/2 cups.")).toBe("pass");
    expect(check("#### 25", "So the answer is 25%.")).toBe("pass");
    expect(check("#### 5", "3 + 2 gives 5")).toBe("pass");
  });

  it("prefers a stated answer over a later number", () => {
    expect(check("#### 8", "The answer is 8. (We used 4 steps.)")).toBe("pass");
    expect(check("#### 4", "The answer is 8. (We used 4 steps.)")).toBe("fail");
  });

  it("applies the tolerance", () => {
    expect(check("#### 3.14159", "The answer is 3.14.")).toBe("fail");
    expect(check("#### 3.14159", "The answer is 3.14.", { relative: 0.001 })).toBe("pass");
    expect(check("#### 100", "The answer is 100.4.", { absolute: 0.5 })).toBe("pass");
  });
});

describe("exact", () => {
  const check = (reference: string, output: string) =>
    verifyAnswer({ reference, output, method: "exact" }).outcome;

  it("compares normalized answers", () => {
    expect(check("blue jay", "The answer is: The Blue Jay.")).toBe("pass");
    expect(check("True", "not False is True. So the answer is True.")).toBe("pass");
    expect(check("True", "True")).toBe("pass");
    expect(check("True", "So the answer is True because not False is True.")).toBe("pass");
    expect(check("False", "So the answer is True because not False is True.")).toBe("fail");
    expect(check("yes", "Paris is in France, so yes, it is.\nThat settles it.")).toBe("pass");
    expect(check("no", "Paris is in France, so yes, it is.\nThat settles it.")).toBe("fail");
    expect(check("blue jay", "The answer is the falcon.")).toBe("fail");
  });
});

describe("choice", () => {
  const check = (reference: string, output: string) => verifyAnswer({ reference, output, method: "choice" });

  it("reads BIG-Bench-Hard phrasings", () => {
    expect(check("(B)", "So the answer is (B).").outcome).toBe("pass");
    expect(check("(B)", "the answer is B").outcome).toBe("pass");
    expect(check("(C)", "After eliminating (A) and (B), I choose option (C).").outcome).toBe("pass");
    expect(check("(D)", "\\boxed{D}").outcome).toBe("pass");
    expect(check("(B)", "So the answer is (C).")).toMatchObject({
      outcome: "fail",
      summary: "expected (B), found (C) (choice)",
    });
    expect(check("(A)", "The date is 12/25/1937.").outcome).toBe("warn");
  });
});

describe("regex", () => {
  const check = (reference: string, output: string, regex: string) =>
    verifyAnswer({ reference, output, method: "regex", regex });

  it("compares the pattern's first capture group, or its whole match, normalized", () => {
    expect(check("Final: Paris", "Thinking... Final: paris.", "Final: (\\w+)").outcome).toBe("pass");
    expect(check("Paris", "Final: London", "Final: (\\w+)").outcome).toBe("fail");
    expect(check("ABC-123", "code abc-123 shown", "/[a-z]+-\\d+/i").outcome).toBe("pass");
    expect(check("Paris", "no marker here", "Final: (\\w+)").outcome).toBe("warn");
  });

  it("throws a clear error for a pattern that does not compile", () => {
    expect(() => check("x", "y", "Final: (")).toThrow(InvalidAnswerPatternError);
    expect(() => check("x", "y", "Final: (")).toThrow(/not a valid regular expression/);
    expect(() => verifyAnswer({ reference: "x", output: "y", method: "regex" })).toThrow(
      /needs an answer pattern/,
    );
  });
});

describe("symbolic", () => {
  const check = (reference: string, output: string) => verifyAnswer({ reference, output }).outcome;

  it("compares LaTeX answers by value through auto", () => {
    expect(check("\\boxed{\\frac{1}{2}}", "The answer is $0.5$.")).toBe("pass");
    expect(check("x^2+2x+1", "Expanding gives \\boxed{(x+1)^2}")).toBe("pass");
    expect(check("\\sqrt{8}", "The answer is $2\\sqrt{2}$.")).toBe("pass");
    expect(check("\\boxed{2\\pi}", "\\boxed{6.2831853}")).toBe("pass");
    expect(check("\\boxed{2\\pi}", "\\boxed{6.28}")).toBe("fail");
    expect(check("\\boxed{x^2}", "so we get $x^3$")).toBe("fail");
    expect(check("\\boxed{5}", "The answer is 5 apples.")).toBe("pass");
  });
});
