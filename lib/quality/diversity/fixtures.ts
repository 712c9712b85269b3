import { join } from "node:path";
import { readJsonl, SHARED_DATA } from "../testing/shared-data";
import type { DiversityItem } from "./accumulator";

/** GSM8K train rationales as traces: a diverse set written by people. */
export function gsm8kRationales(): DiversityItem[] {
  const rows = readJsonl<{ answer: string }>(join(SHARED_DATA, "gsm8k/train.jsonl"));
  return rows.map((row, i) => ({
    id: `gsm8k-${i}`,
    text: row.answer,
    systemMessageId: i % 4 === 0 ? "sm-terse" : "sm-steps",
  }));
}

const NAMES = ["John", "Mary", "Ahmed", "Li", "Sofia", "Kenji"];

/** One template with its names and numbers changed: the collapse a teacher falls into. */
export function collapsedTraces(count: number): DiversityItem[] {
  return Array.from({ length: count }, (_, i) => {
    const [a, b, name] = [10 + (i % 90), 2 + (i % 7), NAMES[i % NAMES.length]];
    const text = `To solve this, we first find how many apples ${name} has. ${name} has ${a} apples and buys ${b} more, so ${a} + ${b} = ${a + b}. Therefore the answer is ${a + b}.`;
    return { id: `collapsed-${i}`, text, systemMessageId: "sm-steps" };
  });
}

/** A word made of letters only (numbers are masked in openings): 0 -> "a", 27 -> "bb". */
export function letterWord(n: number): string {
  let word = "";
  for (let v = n; ; v = Math.floor(v / 26) - 1) {
    word = String.fromCharCode(97 + (v % 26)) + word;
    if (v < 26) return word;
  }
}
