import { join } from "node:path";
import { bench, describe } from "vitest";
import { readJsonl, SHARED_DATA } from "../testing/shared-data";
import { verifyAnswer } from "./index";

// `npx vitest bench lib/quality/verify/verify.bench.ts`: cost of one verifyAnswer call.
type Row = { answer: string };
const rows = readJsonl<Row>(join(SHARED_DATA, "gsm8k/test.jsonl"));
const outputs = rows.map((row) => `${row.answer.replace(/\n####.*$/s, "")}\nSo the answer is 42.`);

const SYMBOLIC: [string, string][] = [
  ["\\frac{1}{2}", "0.5"],
  ["x^2+2x+1", "(x+1)^2"],
  ["\\sqrt{8}", "2\\sqrt{2}"],
  ["2\\pi", "6.2831853"],
  ["\\sin^2 x+\\cos^2 x", "1"],
  ["\\{1,2\\}", "\\{2,1\\}"],
];

describe("verifyAnswer", () => {
  bench("GSM8K test set, all 1319 rows (numeric, auto)", () => {
    rows.forEach((row, i) => verifyAnswer({ reference: row.answer, output: outputs[i] ?? "" }));
  });

  for (const [gold, target] of SYMBOLIC) {
    bench(`symbolic ${gold} vs ${target}`, () => {
      verifyAnswer({ reference: `\\boxed{${gold}}`, output: `The answer is \\boxed{${target}}` });
    });
  }
});
