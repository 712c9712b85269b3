import { describe, expect, it } from "vitest";
import { numbersEqual, numbersInAnswer, numberTokens, parseNumber, withinTolerance } from "./parse-number";
import { DEFAULT_TOLERANCE } from "./settings";

const value = (text: string) => parseNumber(text)?.value;

describe("parseNumber", () => {
  it.each([
    ["42", 42],
    ["1,234", 1234],
    ["1,450,000", 1450000],
    ["3.25", 3.25],
    [".5", 0.5],
    ["-10", -10],
    ["−3", -3],
    ["$1,234.50", 1234.5],
    ["-$5", -5],
    ["$-5", -5],
    ["\\$18", 18],
    ["3/4", 0.75],
    ["\\frac{3}{4}", 0.75],
    ["\\dfrac{3}{4}", 0.75],
    ["\\tfrac12", 0.5],
    ["1 1/2", 1.5],
    ["2\\frac{1}{4}", 2.25],
    ["-1 1/2", -1.5],
    ["**72**", 72],
    ["$72$", 72],
    ["72.", 72],
    ["1{,}234", 1234],
    ["90^\\circ", 90],
    ["\\text{42}", 42],
  ])("reads %s as %d", (text, expected) => {
    expect(value(text)).toBeCloseTo(expected, 12);
  });

  it("marks percentages", () => {
    expect(parseNumber("25%")).toMatchObject({ value: 25, percent: true });
    expect(parseNumber("25\\%")).toMatchObject({ value: 25, percent: true });
    expect(parseNumber("12 percent")).toMatchObject({ value: 12, percent: true });
    expect(parseNumber("25")).toMatchObject({ value: 25, percent: false });
  });

  it.each(["18 eggs", "x2", "1.2.3", "twelve", "", "5 - 3", "12/25/1937"])(
    "does not read %j as one number",
    (text) => {
      expect(parseNumber(text)).toBeUndefined();
    },
  );
});

describe("numberTokens", () => {
  it("finds each number with its offsets, minus signs only where they are signs", () => {
    const text = "From 3-4 days, she paid $1,234.50 then -7 and 25%.";
    const tokens = numberTokens(text);
    expect(tokens.map((t) => t.value)).toEqual([3, 4, 1234.5, -7, 25]);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(["3", "4", "$1,234.50", "-7", "25%"]);
  });

  it("does not read the digits of a word, nor a date as a fraction", () => {
    expect(numberTokens("abc123 on 12/25/1937").map((t) => t.value)).toEqual([12]);
    expect(numberTokens("3/4 of 8").map((t) => t.value)).toEqual([0.75, 8]);
  });
});

describe("numbersInAnswer", () => {
  it("takes the first number of a span with words, and the result after the last =", () => {
    expect(numbersInAnswer("18 eggs per day").map((n) => n.value)).toEqual([18]);
    expect(numbersInAnswer("5 + 3 = 8").map((n) => n.value)).toEqual([5, 8]);
    expect(numbersInAnswer("seventy")).toEqual([]);
  });
});

describe("numbersEqual", () => {
  const n = (text: string) => parseNumber(text)!;

  it("uses relative and absolute tolerance", () => {
    expect(numbersEqual(n("0.1"), n("0.1000000001"), DEFAULT_TOLERANCE)).toBe(true);
    expect(numbersEqual(n("1000000"), n("1000000.5"), DEFAULT_TOLERANCE)).toBe(true);
    expect(numbersEqual(n("1000000"), n("1000002"), DEFAULT_TOLERANCE)).toBe(false);
    expect(numbersEqual(n("0"), n("0.0000000001"), DEFAULT_TOLERANCE)).toBe(true);
    expect(numbersEqual(n("0"), n("0.001"), DEFAULT_TOLERANCE)).toBe(false);
    expect(numbersEqual(n("3.14"), n("3.1416"), { relative: 0.01, absolute: 0 })).toBe(true);
  });

  it("takes 25% as 25 or 0.25, but 25 and 0.25 (no %) as different", () => {
    expect(numbersEqual(n("25%"), n("25"), DEFAULT_TOLERANCE)).toBe(true);
    expect(numbersEqual(n("25"), n("0.25"), DEFAULT_TOLERANCE)).toBe(false);
    expect(numbersEqual(n("0.25"), n("25%"), DEFAULT_TOLERANCE)).toBe(true);
    expect(numbersEqual(n("25%"), n("0.3"), DEFAULT_TOLERANCE)).toBe(false);
  });

  it("never equates infinities or NaN", () => {
    expect(withinTolerance(Infinity, Infinity, DEFAULT_TOLERANCE)).toBe(false);
    expect(withinTolerance(NaN, NaN, DEFAULT_TOLERANCE)).toBe(false);
  });
});
