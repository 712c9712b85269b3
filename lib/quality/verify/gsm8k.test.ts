import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { VerdictOutcome } from "../schemas";
import { readJsonl, SHARED_DATA } from "../testing/shared-data";
import { verifyAnswer } from "./index";

// Every GSM8K test row (real data): its reference is the `answer` field, rationale and "#### N".
type Row = { question: string; answer: string };
const rows = readJsonl<Row>(join(SHARED_DATA, "gsm8k/test.jsonl"));

const finalAnswer = (row: Row) => /####\s*(.+?)\s*$/.exec(row.answer)?.[1] ?? "";
const finalValue = (row: Row) => Number(finalAnswer(row).replace(/,/g, ""));
/** The rationale as a teacher would write it: no "#### N" line, no <<48/2=24>> calculator notes. */
const rationale = (row: Row) => row.answer.replace(/\n####.*$/s, "").replace(/<<[^>]*>>/g, "");
/** A different final number: the right one plus 7. */
const wrongValue = (row: Row) => finalValue(row) + 7;

function tally(output: (row: Row) => string): Record<VerdictOutcome, number> {
  const counts = { pass: 0, fail: 0, warn: 0, skip: 0 };
  for (const row of rows) counts[verifyAnswer({ reference: row.answer, output: output(row) }).outcome]++;
  return counts;
}

const all = (outcome: VerdictOutcome) => ({ pass: 0, fail: 0, warn: 0, skip: 0, [outcome]: rows.length });

describe("GSM8K test set (1319 rows)", () => {
  it("has every row, each with a #### answer, and auto picks numeric for each", () => {
    expect(rows).toHaveLength(1319);
    const methods = new Set(
      rows.map((row) => verifyAnswer({ reference: row.answer, output: "" }).evidence?.method),
    );
    expect(methods).toEqual(new Set(["numeric"]));
  });

  it("passes the row's own rationale ending 'So the answer is N.'; fails it with N changed", () => {
    expect(tally((row) => `${rationale(row)}\nSo the answer is ${finalAnswer(row)}.`)).toEqual(all("pass"));
    expect(tally((row) => `${rationale(row)}\nSo the answer is ${wrongValue(row)}.`)).toEqual(all("fail"));
  });

  it("passes the reference's own '#### N' form; fails it with N changed", () => {
    expect(tally((row) => `${rationale(row)}\n#### ${finalAnswer(row)}`)).toEqual(all("pass"));
    expect(tally((row) => `${rationale(row)}\n#### ${wrongValue(row)}`)).toEqual(all("fail"));
  });

  it("passes answers rewritten as 'The answer is $1,234.'; fails them changed", () => {
    const dollars = (value: number) => `$${value.toLocaleString("en-US")}`;
    expect(tally((row) => `${rationale(row)}\nThe answer is ${dollars(finalValue(row))}.`)).toEqual(
      all("pass"),
    );
    expect(tally((row) => `${rationale(row)}\nThe answer is ${dollars(wrongValue(row))}.`)).toEqual(
      all("fail"),
    );
  });

  it("passes answers rewritten as \\boxed{...}; fails them changed", () => {
    expect(tally((row) => `${rationale(row)}\nTherefore \\boxed{${finalAnswer(row)}}`)).toEqual(all("pass"));
    expect(tally((row) => `${rationale(row)}\nTherefore \\boxed{${wrongValue(row)}}`)).toEqual(all("fail"));
  });

  it("with no stated answer at all, the last-number fallback reads 1282 rationales right", () => {
    // The other 37 rationales end on another number than the answer: a restated quantity
    // ("...= 132 tablespoons ... to make 16 muffins"), a unit ("$0.25" for 25 cents), a clock
    // time ("2:00 pm" for 2), or "$118 000" written with a space. None is unreadable (no warn).
    expect(tally(rationale)).toEqual({ pass: 1282, fail: 37, warn: 0, skip: 0 });
  });

  it("fails every rationale whose last number is changed to a wrong one", () => {
    const withLastNumber = (row: Row) => rationale(row).replace(/\d[\d,.]*(?=\D*$)/, String(wrongValue(row)));
    expect(tally(withLastNumber)).toEqual(all("fail"));
  });
});
