import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readJsonl, SHARED_DATA } from "../testing/shared-data";
import { HEURISTIC_NAMES, runHeuristics } from "./index";

// Real rationales, written by people: every heuristic should let them through.
const rows = readJsonl<{ question: string; answer: string }>(join(SHARED_DATA, "gsm8k/train.jsonl"));
const SYSTEM = "Think step by step.";

function tally(
  outputs: (row: { question: string; answer: string }) => string,
  names: readonly string[] = HEURISTIC_NAMES,
) {
  const counts: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const results = runHeuristics({ prompt: row.question, systemMessage: SYSTEM, output: outputs(row) });
    for (const name of names) {
      const outcome = results[name as keyof typeof results].outcome;
      const byOutcome = (counts[name] ??= {});
      byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
    }
  }
  return counts;
}

describe("the heuristics on GSM8K train rationales", () => {
  it(
    "pass all 7,473 rationales; language skips those with too little prose to tell",
    { timeout: 120_000 },
    () => {
      expect(rows).toHaveLength(7473);
      expect(tally((row) => row.answer)).toEqual({
        refusal: { pass: 7473 },
        truncation: { pass: 7473 },
        shortcut: { pass: 7473 },
        repetition: { pass: 7473 },
        length: { pass: 7473 },
        // 7,308 read as English at once (english.ts); the rest through franc, 165 too short to tell.
        language: { pass: 7308, skip: 165 },
      });
    },
  );

  it("fail the bare final-answer line as a shortcut, every time", { timeout: 120_000 }, () => {
    const finalLine = (row: { answer: string }) => row.answer.split("\n").at(-1) ?? "";
    expect(rows.every((row) => /^#### \S+$/.test(finalLine(row)))).toBe(true);
    expect(tally(finalLine, ["shortcut", "refusal", "truncation"])).toEqual({
      shortcut: { fail: 7473 },
      refusal: { pass: 7473 },
      truncation: { pass: 7473 },
    });
  });
});
