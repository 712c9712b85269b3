import { beforeAll, describe, expect, it } from "vitest";
import { changeNumbers, changeWords, reorderSentences, seededRandom } from "../text/light-edits";
import { readJsonl, SHARED_DATA } from "../testing/shared-data";
import { builtinBenchmarks } from "./builtin";
import { ContaminationIndex } from "./contamination-index";
import type { BenchmarkItem } from "./schemas";
import { planted, quoted } from "./testing-plants";

let items: BenchmarkItem[];
let index: ContaminationIndex;
let planted_: BenchmarkItem[];
beforeAll(async () => {
  items = await builtinBenchmarks();
  index = new ContaminationIndex(items);
  planted_ = items.filter((i) => i.benchmark === "gsm8k-test" || i.benchmark === "humaneval");
});

/** Share of GSM8K test and HumanEval items found after `edit`, per benchmark. */
function recall(edit: (text: string, random: () => number) => string): Record<string, number> {
  const random = seededRandom(3);
  const found: Record<string, [number, number]> = {};
  for (const item of planted_) {
    const { text } = planted(edit(quoted(item), random));
    const tally = (found[item.benchmark] ??= [0, 0]);
    tally[1]++;
    if (index.scan(text, "trace").some((m) => m.itemId === item.itemId)) tally[0]++;
  }
  return Object.fromEntries(Object.entries(found).map(([b, [hit, all]]) => [b, hit / all]));
}

describe("ContaminationIndex on the built-in benchmarks", () => {
  it("finds every GSM8K test and HumanEval item copied verbatim into a longer text, all its n-grams", () => {
    let best = 0;
    for (const item of planted_) {
      const matches = index.scan(planted(quoted(item)).text, "trace");
      expect(matches.find((m) => m.itemId === item.itemId)?.overlap, item.itemId).toBe(1);
      if (matches[0]?.itemId === item.itemId) best++;
    }
    // Not always the first: HumanEval/56 and /61 are one docstring with "<>" or "()" brackets.
    expect(best / planted_.length).toBeGreaterThan(0.99);
  });

  it("finds at least 90% of them after each light edit: every number changed, sentences reordered, three words changed", () => {
    const byEdit = {
      numbers: recall(changeNumbers),
      reorder: recall(reorderSentences),
      words: recall((t, r) => changeWords(t, 3, r)),
    };
    for (const [edit, rates] of Object.entries(byEdit)) {
      for (const [benchmark, rate] of Object.entries(rates))
        expect(rate, `${edit} ${benchmark}`).toBeGreaterThanOrEqual(0.9);
    }
    expect(byEdit.numbers).toEqual({ "gsm8k-test": 1, humaneval: 1 });
  });

  it("still finds most of them with all three edits at once (measured: 0.87 on both)", () => {
    const rates = recall((t, r) => changeWords(reorderSentences(changeNumbers(t, r), r), 3, r));
    expect(rates["gsm8k-test"]).toBeGreaterThanOrEqual(0.85);
    expect(rates.humaneval).toBeGreaterThanOrEqual(0.85);
  });

  it("flags no GSM8K train question or answer except the 11 that genuinely overlap the test set", () => {
    // Each is the same problem as a test item with other numbers or names (20, 406, 1314, 1651,
    // 2600, 3726, 5162, 6679), or a rationale sharing a 13-word phrase with one (699, 5003, 6841).
    const train = readJsonl<{ question: string; answer: string }>(`${SHARED_DATA}/gsm8k/train.jsonl`);
    expect(train).toHaveLength(7473);
    const flagged = train.flatMap((row, i) =>
      (["question", "answer"] as const).flatMap((field) =>
        index.scan(row[field], "trace").map((m) => `${i} ${field} ${m.itemId}`),
      ),
    );
    expect(flagged).toEqual([
      "20 question gsm8k-test/632",
      "406 question gsm8k-test/581",
      "699 answer gsm8k-test/806",
      "1314 question gsm8k-test/602",
      "1651 question gsm8k-test/106",
      "2600 question gsm8k-test/974",
      "3726 question gsm8k-test/824",
      "5003 answer gsm8k-test/18",
      "5162 question gsm8k-test/602",
      "6679 question gsm8k-test/1114",
      "6841 answer gsm8k-test/712",
    ]);
  });

  it("gives spans that cover exactly the planted words, in the scanned field", () => {
    for (const item of planted_.filter((_, i) => i % 50 === 0)) {
      const body = quoted(item);
      const { text, start, end } = planted(body);
      const [match] = index.scan(text, "prompt");
      const trimmed = body.replace(/^[^\p{L}\p{N}]+/u, "").replace(/[^\p{L}\p{N}]+$/u, "");
      expect(match?.spans, item.itemId).toEqual([
        {
          field: "prompt",
          start: text.indexOf(trimmed, start),
          end: text.indexOf(trimmed, start) + trimmed.length,
        },
      ]);
      expect(match!.spans[0]!.end).toBeLessThanOrEqual(end);
    }
  });

  it("says which field of the item matched", () => {
    const item = planted_.find((i) => i.itemId === "HumanEval/0")!;
    expect(index.scan(item.text, "trace")[0]).toMatchObject({ itemId: "HumanEval/0", fields: ["text"] });
    const gsm = planted_[0]!;
    expect(index.scan(gsm.answer!, "trace")[0]).toMatchObject({ itemId: gsm.itemId, fields: ["answer"] });
  });

  it("finds BIG-Bench Hard items with long inputs; the one-line symbolic tasks have too few words", () => {
    const date = items.find((i) => i.benchmark === "bbh-date_understanding")!;
    expect(index.scan(planted(date.text).text, "trace")[0]?.itemId).toBe(date.itemId);
    const logic = items.find((i) => i.benchmark === "bbh-logical_deduction_three_objects")!;
    expect(index.scan(planted(logic.text).text, "trace")[0]?.itemId).toBe(logic.itemId);
    // boolean_expressions ("not ( True ) and ( True ) is") and multistep_arithmetic_two (eight
    // numbers) have no 13-gram and no sentence of six words.
    expect(index.stats.itemsWithoutKeys).toBe(280);
  });
});
