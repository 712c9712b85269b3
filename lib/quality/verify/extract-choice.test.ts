import { describe, expect, it } from "vitest";
import { choiceInAnswer, lastChoiceIn } from "./extract-choice";

describe("choiceInAnswer", () => {
  it.each([
    ["(B)", "B"],
    ["B", "B"],
    ["b", "B"],
    ["(b)", "B"],
    ["B)", "B"],
    ["B.", "B"],
    ["(D) 12/04/1937", "D"],
    ["C, because the falcon is first", "C"],
    ["I think it is (B)", "B"],
    ["option (C)", "C"],
    ["Option C", "C"],
    ["choice E", "E"],
    ["\\text{(B)}", "B"],
    ["**(A)**", "A"],
    ["$(E)$", "E"],
    ["12/04/1937, that is (D)", "D"],
  ])("reads %j as %s", (span, letter) => {
    expect(choiceInAnswer(span)).toBe(letter);
  });

  it.each(["12/25/1937", "a blue jay", "A dog", "True"])("finds no option in %j", (span) => {
    expect(choiceInAnswer(span)).toBeUndefined();
  });
});

describe("lastChoiceIn", () => {
  it("takes the last option named, by position", () => {
    const text = "Option (A) is too early; (B) is too late; so I pick option C.";
    expect(lastChoiceIn(text)).toMatchObject({ letter: "C", text: "option C" });
    expect(lastChoiceIn("option A is wrong, (B) fits")?.letter).toBe("B");
    expect(lastChoiceIn("no options here")).toBeUndefined();
  });
});
