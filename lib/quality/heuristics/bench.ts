// Speed of each heuristic on GSM8K train rationales and on a long reasoning trace.
// Run: npx tsx lib/quality/heuristics/bench.ts
import { join } from "node:path";
import { readJsonl, SHARED_DATA } from "../testing/shared-data";
import type { CheckResult } from "../schemas";
import {
  checkLanguage,
  checkLength,
  checkRefusal,
  checkRepetition,
  checkShortcut,
  checkTruncation,
  runHeuristics,
  type HeuristicInput,
} from "./index";

const CHECKS: Record<string, (input: HeuristicInput) => CheckResult | object> = {
  refusal: checkRefusal,
  truncation: checkTruncation,
  shortcut: checkShortcut,
  repetition: checkRepetition,
  length: checkLength,
  language: checkLanguage,
  runHeuristics: (input) => runHeuristics(input),
};

function microsPerInput(
  inputs: HeuristicInput[],
  check: (input: HeuristicInput) => unknown,
  rounds: number,
): number {
  for (const input of inputs.slice(0, 200)) check(input); // warm up
  const start = performance.now();
  for (let r = 0; r < rounds; r += 1) for (const input of inputs) check(input);
  return ((performance.now() - start) * 1000) / (inputs.length * rounds);
}

const gsm8k = readJsonl<{ question: string; answer: string }>(join(SHARED_DATA, "gsm8k/train.jsonl")).map(
  (row): HeuristicInput => ({
    prompt: row.question,
    systemMessage: "Think step by step.",
    output: row.answer,
  }),
);
const longReasoning = Array.from(
  { length: 2000 },
  (_, i) => `Step ${i}: we add ${i} clips to the running total, so it becomes ${(i * (i + 1)) / 2}.`,
).join("\n");
const long: HeuristicInput[] = [
  { ...gsm8k[0]!, reasoning: longReasoning, output: `${longReasoning.slice(0, 4000)}\n#### 72` },
];

console.log(`check           GSM8K row (µs)   long trace, ${longReasoning.split(/\s+/).length} words (µs)`);
for (const [name, check] of Object.entries(CHECKS)) {
  console.log(
    `${name.padEnd(16)}${microsPerInput(gsm8k, check, 2).toFixed(1).padStart(10)}${microsPerInput(long, check, 20).toFixed(0).padStart(22)}`,
  );
}
