import { describe, expect, it } from "vitest";
import { NATALIA_RATIONALE, trace } from "./fixtures/trace";
import { checkShortcut } from "./shortcut";

describe("checkShortcut", () => {
  it("passes any answer when the system message does not ask for reasoning", () => {
    expect(
      checkShortcut(trace({ systemMessage: "You are a helpful assistant.", output: "72" })).outcome,
    ).toBe("pass");
  });

  it.each([
    "Think step by step.",
    "Explain your answer.",
    "Show your work.",
    "Reason carefully, then answer.",
    "Use step-by-step reasoning.",
  ])("fails a bare final answer when the system message says %s", (systemMessage) => {
    for (const output of [
      "#### 72",
      "72",
      "The answer is 72.",
      "So the answer is 72.",
      "Natalia sold 72 clips.",
    ]) {
      expect(checkShortcut(trace({ systemMessage, output })).outcome, output).toBe("fail");
    }
  });

  it("fails a short answer without any reasoning marker", () => {
    const output =
      "Natalia sold seventy-two clips in April and May altogether, a good number of clips for a month or two.";
    const result = checkShortcut(trace({ output }));
    expect(result.outcome).toBe("fail");
    expect(result.evidence).toMatchObject({ markers: [] });
  });

  it("passes a rationale, even a terse one made of equations", () => {
    expect(checkShortcut(trace()).outcome).toBe("pass");
    expect(checkShortcut(trace({ output: "May: 48(.50)=24\nTotal: 48+24=72 clips\n#### 72" })).outcome).toBe(
      "pass",
    );
    expect(
      checkShortcut(trace({ output: "She sold half as many in May, so 24. Together that makes 72 clips." }))
        .outcome,
    ).toBe("pass");
  });

  it("counts separate reasoning as reasoning", () => {
    const reasoning =
      "April was 48 clips. May was half of April, which is 24 clips. Adding both months gives 48 plus 24, or 72 clips.";
    expect(checkShortcut(trace({ output: "72", reasoning })).outcome).toBe("pass");
    expect(checkShortcut(trace({ output: "72", reasoning: "Easy." })).outcome).toBe("fail");
  });

  it("warns on a long answer with no reasoning marker at all", () => {
    const output =
      "Natalia is a busy seller of hair clips who has many friends at her school. In April she sold clips to forty-eight of her friends. " +
      "In May she sold clips to half as many people as in April. Altogether she sold seventy-two clips in those two months, a fine result.";
    expect(checkShortcut(trace({ output })).outcome).toBe("warn");
    expect(checkShortcut(trace({ output: NATALIA_RATIONALE, systemMessage: "Explain." })).outcome).toBe(
      "pass",
    );
  });
});
