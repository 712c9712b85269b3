import { describe, expect, it } from "vitest";
import { parseJudgeReply, quoted } from "./parse";

const read = (reply: string, scale = 5) => parseJudgeReply(reply, scale);

describe("reading a judge's reply", () => {
  it("reads the JSON object asked for", () => {
    expect(read('{"reason": "Right answer, valid steps.", "score": 5}')).toEqual({
      ok: true,
      score: 5,
      reason: "Right answer, valid steps.",
      via: "json",
    });
  });

  it("finds the object after a preamble, in a code fence, with the score as a string", () => {
    const reply =
      'Here is my grade.\n```json\n{\n  "score": "2",\n  "reason": "The sum is off by one."\n}\n```\n';
    expect(read(reply)).toMatchObject({ ok: true, score: 2, reason: "The sum is off by one.", via: "json" });
  });

  it("takes the last object with a score when the judge repeats the format first", () => {
    const reply =
      'Format: {"reason": "...", "score": "n"}. My grade: {"reason": "Skips step 2.", "score": 3}';
    expect(read(reply)).toMatchObject({ ok: true, score: 3, reason: "Skips step 2." });
  });

  it("accepts other key spellings and a score written as 4/5 on a 5 scale", () => {
    expect(read('{"Score": "4/5", "Explanation": "Clear."}')).toMatchObject({
      ok: true,
      score: 4,
      reason: "Clear.",
    });
  });

  it("reads JSON that does not parse (a raw newline in the reason, no closing brace) by its fields", () => {
    const reply = '{"reason": "First line\nsecond line with \\"quotes\\"", "score": 4';
    expect(read(reply)).toEqual({
      ok: true,
      score: 4,
      reason: 'First line\nsecond line with "quotes"',
      via: "fragment",
    });
  });

  it('reads "Score: 4" lines, with the reason around them or after a Reason: label', () => {
    expect(read("The final answer matches the reference.\nScore: 4")).toEqual({
      ok: true,
      score: 4,
      reason: "The final answer matches the reference.",
      via: "text",
    });
    expect(read("**Score:** 2/5\n**Reason:** The second step divides by the wrong number.")).toMatchObject({
      ok: true,
      score: 2,
      reason: "The second step divides by the wrong number.",
    });
    expect(read("Reason: no method shown.\nFinal score = 1 out of 5")).toMatchObject({
      score: 1,
      reason: "no method shown.",
    });
  });

  it("ignores inline thinking before the verdict", () => {
    const reply =
      '<think>Maybe {"score": 1}? No, the answer is right.</think>\n{"reason": "Correct.", "score": 5}';
    expect(read(reply)).toMatchObject({ ok: true, score: 5, reason: "Correct." });
  });

  it("says when a reason is missing rather than storing an empty one", () => {
    expect(read('{"score": 3}')).toMatchObject({ ok: true, score: 3, reason: "(no reason given)" });
  });

  it("refuses scores off the scale, fractional scores and another scale, quoting the reply", () => {
    for (const [reply, given] of [
      ['{"reason": "Great.", "score": 7}', "7"],
      ['{"reason": "Fine.", "score": 0}', "0"],
      ['{"reason": "Mostly.", "score": 3.5}', "3.5"],
      ["Score: 8/10", "8/10"],
    ] as const) {
      const result = read(reply);
      expect(result).toEqual({
        ok: false,
        problem: "out-of-range",
        message: `The judge's score ${given} is not a whole number from 1 to 5: ${quoted(reply)}`,
      });
    }
    expect(read('{"score": 9}', 10)).toMatchObject({ ok: true, score: 9 });
  });

  it("refuses a reply without a score, quoting it shortened to one line", () => {
    const reply = `I cannot grade this.\n${"x".repeat(400)}`;
    const result = read(reply);
    expect(result).toMatchObject({ ok: false, problem: "no-score" });
    if (result.ok) return;
    expect(result.message).toMatch(/^The judge's reply has no score: "I cannot grade this\. x+…"$/);
    expect(result.message.length).toBeLessThan(400);
    expect(read("")).toMatchObject({
      ok: false,
      message: "The judge's reply has no score: (an empty reply)",
    });
    expect(read("I would score this highly.")).toMatchObject({ ok: false, problem: "no-score" });
  });
});
