import { describe, expect, it } from "vitest";
import { chooseMethod } from "./choose-method";
import { cleanAnswerSpan, normalizeForExactMatch } from "./normalize-text";

describe("chooseMethod (auto)", () => {
  it.each([
    ["Natalia sold 48/2 = <<48/2=24>>24 clips.\n#### 72", "numeric"],
    ["(B)", "choice"],
    ["C", "choice"],
    ["True", "exact"],
    ["no", "exact"],
    ["\\boxed{5}", "symbolic"],
    ["The answer is \\frac{\\sqrt{3}}{2}", "symbolic"],
    ["x^2+2x+1", "symbolic"],
    ["y = 3x", "symbolic"],
    ["24", "numeric"],
    ["-12", "numeric"],
    ["$1,234", "numeric"],
    ["3/4", "numeric"],
    ["25%", "numeric"],
    ["blue jay", "exact"],
    ["well-known fact", "exact"],
    ["apple banana cherry", "exact"],
  ])("%j -> %s", (reference, method) => {
    expect(chooseMethod(reference)).toBe(method);
  });
});

describe("normalizeForExactMatch", () => {
  it("ignores case, whitespace, punctuation, articles and a final period", () => {
    expect(normalizeForExactMatch("The Blue  Jay.")).toBe("blue jay");
    expect(normalizeForExactMatch("an  apple, a pear")).toBe("apple pear");
    expect(normalizeForExactMatch("**True**")).toBe("true");
    expect(normalizeForExactMatch("\\text{Monday}")).toBe("monday");
    expect(normalizeForExactMatch("théâtre")).toBe("théâtre");
    expect(normalizeForExactMatch("blue jay")).not.toBe(normalizeForExactMatch("blue jays"));
  });
});

describe("cleanAnswerSpan", () => {
  it("unwraps emphasis, math delimiters and \\text, keeps prices and factorials", () => {
    expect(cleanAnswerSpan("**$x^2$**.")).toBe("x^2");
    expect(cleanAnswerSpan("\\(x\\)")).toBe("x");
    expect(cleanAnswerSpan("$1,234.")).toBe("$1,234");
    expect(cleanAnswerSpan("5!")).toBe("5!");
    expect(cleanAnswerSpan("True!")).toBe("True");
    expect(cleanAnswerSpan("$5$. I hope it is correct.")).toBe("5");
    expect(cleanAnswerSpan("False**")).toBe("False"); // "the answer is **False**." cut at its period
  });
});
