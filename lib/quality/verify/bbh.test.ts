import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { VerdictOutcome } from "../schemas";
import { SHARED_DATA } from "../testing/shared-data";
import { verifyAnswer } from "./index";

// The four BIG-Bench-Hard task files (real data, 250 examples each) and their CoT exemplars.
type Example = { input: string; target: string };
const TASKS = {
  boolean_expressions: "exact",
  date_understanding: "choice",
  logical_deduction_three_objects: "choice",
  multistep_arithmetic_two: "numeric",
} as const;

const examplesOf = (task: string): Example[] =>
  JSON.parse(readFileSync(join(SHARED_DATA, `bbh/${task}.json`), "utf8")).examples;

/** A chain-of-thought output that restates the question (options and all) and ends as BBH's exemplars do. */
const output = (example: Example, answer: string) =>
  `Let's think step by step.\nThe question: ${example.input}\nWorking through it gives one option. So the answer is ${answer}.`;

/** Another target of the same task: the next example's target that differs. */
function otherTarget(examples: Example[], index: number): string {
  const own = examples[index]?.target;
  for (let step = 1; step < examples.length; step++) {
    const target = examples[(index + step) % examples.length]?.target;
    if (target !== undefined && target !== own) return target;
  }
  throw new Error("a task with a single target");
}

describe.each(Object.entries(TASKS))("BBH %s", (task, method) => {
  const examples = examplesOf(task);

  it(`has 250 examples and auto picks ${method} for every target`, () => {
    expect(examples).toHaveLength(250);
    const methods = new Set(
      examples.map((e) => verifyAnswer({ reference: e.target, output: "" }).evidence?.method),
    );
    expect(methods).toEqual(new Set([method]));
  });

  it("passes '... So the answer is <target>.' and fails it with another target of the task", () => {
    const outcomes = (answerOf: (example: Example, index: number) => string) => {
      const counts: Record<VerdictOutcome, number> = { pass: 0, fail: 0, warn: 0, skip: 0 };
      examples.forEach((example, index) => {
        counts[
          verifyAnswer({ reference: example.target, output: output(example, answerOf(example, index)) })
            .outcome
        ]++;
      });
      return counts;
    };
    expect(outcomes((example) => example.target)).toEqual({ pass: 250, fail: 0, warn: 0, skip: 0 });
    expect(outcomes((_, index) => otherTarget(examples, index))).toEqual({
      pass: 0,
      fail: 250,
      warn: 0,
      skip: 0,
    });
  });

  it("passes each of the task's own chain-of-thought exemplars, and fails it with another exemplar's answer", () => {
    const text = readFileSync(join(SHARED_DATA, `bbh/cot-prompts/${task}.txt`), "utf8");
    const answers = [...text.matchAll(/\nA: (.*?So the answer is (.+?)\.)(?=\n|$)/gs)].map(
      ([, rationale = "", target = ""]) => ({ rationale, target }),
    );
    expect(answers).toHaveLength(3);
    for (const [i, { rationale, target }] of answers.entries()) {
      expect(verifyAnswer({ reference: target, output: rationale }).outcome).toBe("pass");
      const other = answers.find((answer) => answer.target !== target)?.target ?? `${target}0`;
      const changed = rationale.replace(/So the answer is .+?\.$/, `So the answer is ${other}.`);
      expect(verifyAnswer({ reference: target, output: changed }).outcome, `exemplar ${i}`).toBe("fail");
    }
  });
});
