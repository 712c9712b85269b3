import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readJsonl, SHARED_DATA } from "../testing/shared-data";
import { BUILTIN_BENCHMARKS, builtinBenchmarks, builtinDir, stripCalculatorAnnotations } from "./builtin";
import { builtinContaminationIndex } from "./builtin-index";

describe("built-in benchmarks", () => {
  it("ship GSM8K test, HumanEval and four BIG-Bench Hard tasks, each with its licence and source", () => {
    expect(BUILTIN_BENCHMARKS.map((b) => [b.name, b.items])).toEqual([
      ["gsm8k-test", 1319],
      ["humaneval", 164],
      ["bbh-boolean_expressions", 250],
      ["bbh-date_understanding", 250],
      ["bbh-logical_deduction_three_objects", 250],
      ["bbh-multistep_arithmetic_two", 250],
    ]);
    const licences = readFileSync(join(builtinDir(), "LICENSES.md"), "utf8");
    for (const b of BUILTIN_BENCHMARKS) {
      expect(existsSync(join(builtinDir(), b.file)), b.file).toBe(true);
      expect(licences).toContain(`\`${b.file}\``);
      expect(b.licence).toMatch(/^MIT/);
      expect(b.sourceUrl).toMatch(/^https:\/\/github\.com\/[\w-]+\/[\w-]+\/blob\/[0-9a-f]{40}\//);
    }
    for (const file of ["grade-school-math.LICENSE", "human-eval.LICENSE", "BIG-Bench-Hard.LICENSE"]) {
      expect(readFileSync(join(builtinDir(), file), "utf8")).toContain("MIT License");
    }
  });

  it("load every item from the compressed copies, equal to the upstream files", async () => {
    const items = await builtinBenchmarks();
    expect(items).toHaveLength(1319 + 164 + 4 * 250);
    const test = readJsonl<{ question: string; answer: string }>(`${SHARED_DATA}/gsm8k/test.jsonl`);
    const gsm = items.filter((i) => i.benchmark === "gsm8k-test");
    expect(gsm.map((i) => i.text)).toEqual(test.map((r) => r.question));
    expect(gsm[0]).toMatchObject({
      itemId: "gsm8k-test/0",
      answer: stripCalculatorAnnotations(test[0]!.answer),
    });
    const humanEval = readJsonl<{ task_id: string; prompt: string; canonical_solution: string }>(
      `${SHARED_DATA}/humaneval/HumanEval.jsonl`,
    );
    expect(items.filter((i) => i.benchmark === "humaneval")).toEqual(
      humanEval.map((r) => ({
        benchmark: "humaneval",
        itemId: r.task_id,
        text: r.prompt,
        answer: r.canonical_solution,
      })),
    );
    const bbh = JSON.parse(readFileSync(`${SHARED_DATA}/bbh/date_understanding.json`, "utf8")) as {
      examples: { input: string; target: string }[];
    };
    expect(items.find((i) => i.itemId === "bbh-date_understanding/7")).toEqual({
      benchmark: "bbh-date_understanding",
      itemId: "bbh-date_understanding/7",
      text: bbh.examples[7]!.input,
      answer: bbh.examples[7]!.target,
    });
  });

  it("are loaded once per process, and so is their index", async () => {
    expect(await builtinBenchmarks()).toBe(await builtinBenchmarks());
    expect(await builtinContaminationIndex()).toBe(await builtinContaminationIndex({ ngram: 13 }));
    expect(await builtinContaminationIndex({ ngram: 10 })).not.toBe(await builtinContaminationIndex());
  });

  it("report a missing folder, and try again on the next call", async () => {
    await expect(builtinBenchmarks("/nonexistent")).rejects.toThrow(/ENOENT/);
    await expect(builtinBenchmarks("/nonexistent")).rejects.toThrow(/ENOENT/);
  });

  it("drop GSM8K's calculator annotations from answers", () => {
    expect(stripCalculatorAnnotations("Natalia sold 48/2 = <<48/2=24>>24 clips.\n#### 72")).toBe(
      "Natalia sold 48/2 = 24 clips.\n#### 72",
    );
  });
});
