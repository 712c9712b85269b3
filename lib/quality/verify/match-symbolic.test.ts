import { describe, expect, it } from "vitest";
import { evaluate, freeSymbols, NotEvaluableError } from "./evaluate-math-json";
import { verifyAnswer } from "./index";
import { delimitersAreSafe } from "./latex-delimiters";
import { MAX_LATEX_LENGTH, parseLatex } from "./latex-to-math-json";
import { answersEquivalent } from "./match-symbolic";
import { DEFAULT_TOLERANCE } from "./settings";

const equivalent = (gold: string, target: string) => answersEquivalent(gold, target, DEFAULT_TOLERANCE);

describe("answersEquivalent", () => {
  it.each([
    ["\\frac{1}{2}", "0.5"],
    ["\\dfrac{3}{4}", "0.75"],
    ["x^2+2x+1", "(x+1)^2"],
    ["\\sqrt{8}", "2\\sqrt{2}"],
    ["\\frac{\\sqrt{3}}{2}", "\\frac{\\sqrt3}{2}"],
    ["\\frac{1}{\\sqrt{2}}", "\\frac{\\sqrt{2}}{2}"],
    ["\\sin^2 x+\\cos^2 x", "1"],
    ["x+y", "y+x"],
    ["\\left(x+1\\right)^{2}", "x^2+2x+1"],
    ["e^{\\ln 2}", "2"],
    ["\\sqrt[3]{-8}", "-2"],
    ["5!", "120"],
    ["x = 5", "5"],
    ["\\{1, 2\\}", "\\{2, 1\\}"],
    ["(1, 2)", "(1, 2.0)"],
    ["90^\\circ", "90"],
    ["\\text{Monday}", "Monday"],
    ["50\\%", "0.5"],
  ])("%s = %s", (gold, target) => {
    expect(equivalent(gold, target)).toBe(true);
  });

  it.each([
    ["x^2", "x^3"],
    ["x+y", "2x"],
    ["\\sqrt{x^2}", "x"],
    ["(1, 2)", "(2, 1)"],
    ["\\{1, 2\\}", "\\{1, 3\\}"],
    ["2\\pi", "6.28"],
    ["\\frac{1}{2}", "0.25"],
  ])("%s != %s", (gold, target) => {
    expect(equivalent(gold, target)).toBe(false);
  });

  it("takes 2\\pi = 6.2831853 within the default relative tolerance (1e-6), not within 1e-12", () => {
    expect(answersEquivalent("2\\pi", "6.2831853", DEFAULT_TOLERANCE)).toBe(true);
    expect(answersEquivalent("2\\pi", "6.2831853", { relative: 1e-12, absolute: 0 })).toBe(false);
  });

  it("cannot tell when neither numbers, the CAS nor the text decide", () => {
    expect(equivalent("\\text{Monday}", "\\text{Tuesday}")).toBeUndefined();
    expect(equivalent("\\int_0^1 x\\,dx", "\\frac12")).toBeUndefined();
  });
});

describe("bounded work on pathological answers", () => {
  it("refuses LaTeX past the length cap", () => {
    expect(parseLatex("1+".repeat(MAX_LATEX_LENGTH) + "1")).toBeUndefined();
  });

  it("refuses too deep an expression", () => {
    expect(parseLatex("\\sqrt{".repeat(60) + "x" + "}".repeat(60))).toBeUndefined();
    expect(parseLatex("\\sqrt{".repeat(5) + "x" + "}".repeat(5))).not.toBeUndefined();
  });

  it("does not evaluate sums, integrals or huge factorials through the engine", () => {
    expect(equivalent("\\sum_{n=1}^{1000000000} n", "5")).toBeUndefined();
    expect(equivalent("100000!", "5")).toBe(false);
    expect(equivalent("9999999999^{9999999}", "5")).toBe(false);
    expect(equivalent("10^{10^{10}}", "10^{10^{11}}")).toBeUndefined();
  });

  it("does not throw on input the engine cannot read", () => {
    expect(() => equivalent("\\frac{", "}}}\\\\")).not.toThrow();
    expect(parseLatex("\\binom{5}{2}")).toBeUndefined();
  });
});

describe("evaluate", () => {
  it("computes a parsed expression at a point and names its variables", () => {
    const json = parseLatex("\\frac{x^2}{y} + \\pi")!;
    expect([...freeSymbols(json)].sort()).toEqual(["x", "y"]);
    expect(evaluate(json, { x: 3, y: 2 })).toBeCloseTo(4.5 + Math.PI, 12);
    expect(() => evaluate(json, { x: 3 })).toThrow(NotEvaluableError);
  });
});

describe("delimitersAreSafe", () => {
  it.each([
    ["(".repeat(15)],
    ["[".repeat(10)],
    ["[[[[x))))"],
    ["[x,".repeat(8) + "1" + ")".repeat(8)],
    ["\\lceil x ".repeat(10)],
    ["\\lvert".repeat(10)],
    ["((((((x))))))"],
    ["|x"],
    ["\\lbrack x \\rbrack"],
  ])("refuses %s (the engine's parser backtracks for seconds or more on such input)", (latex) => {
    expect(delimitersAreSafe(latex)).toBe(false);
  });

  it.each([
    ["(x+1)(x-1)"],
    ["[0, 1)"],
    ["(0, 1]"],
    ["|x| + |y|"],
    ["\\{1, 2\\}"],
    ["\\lfloor x \\rfloor"],
    ["((x))"],
  ])("lets %s through", (latex) => {
    expect(delimitersAreSafe(latex)).toBe(true);
  });
});

describe("readings of an answer", () => {
  it("also reads what follows the last = (\\frac{10}{2} = 5 is 5)", () => {
    const result = verifyAnswer({ reference: "\\boxed{5}", output: "The answer is $\\frac{10}{2} = 5$." });
    expect(result.outcome).toBe("pass");
    expect(result.evidence).toMatchObject({ found: ["\\frac{10}{2} = 5", "5"], matched: ["5", "5"] });
    expect(verifyAnswer({ reference: "\\boxed{5}", output: "The answer is $x = 5$." }).outcome).toBe("pass");
  });
});
