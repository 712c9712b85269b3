import { createReadStream } from "node:fs";
import { join } from "node:path";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { BenchmarkItem } from "./schemas";

// The benchmark sets Tracebank ships (builtin-data/, sources and licences in its LICENSES.md;
// not "builtin/": a folder beside builtin.ts makes Node resolve "./builtin" to the folder),
// decompressed as a stream when first asked for and kept for the life of the process.

const GSM8K = "https://github.com/openai/grade-school-math/blob/3101c7d5072418e28b9008a6636bde82a006892c";
const HUMAN_EVAL = "https://github.com/openai/human-eval/blob/6d43fb980f9fee3c892a914eda09951f772ad10d";
const BBH = "https://github.com/suzgunmirac/BIG-Bench-Hard/blob/9ee07bd481feebf959a6b59d61ea57bdcf30964d";
const BBH_TASKS = [
  "boolean_expressions",
  "date_understanding",
  "logical_deduction_three_objects",
  "multistep_arithmetic_two",
] as const;

export type BuiltinBenchmark = {
  /** The `benchmark` of its items. */
  name: string;
  title: string;
  items: number;
  licence: string;
  sourceUrl: string;
  file: string;
};

export const BUILTIN_BENCHMARKS: readonly BuiltinBenchmark[] = [
  {
    name: "gsm8k-test",
    title: "GSM8K test",
    items: 1319,
    licence: "MIT (c) 2021 OpenAI",
    sourceUrl: `${GSM8K}/grade_school_math/data/test.jsonl`,
    file: "gsm8k-test.jsonl.gz",
  },
  {
    name: "humaneval",
    title: "HumanEval",
    items: 164,
    licence: "MIT (c) OpenAI",
    sourceUrl: `${HUMAN_EVAL}/data/HumanEval.jsonl.gz`,
    file: "HumanEval.jsonl.gz",
  },
  ...BBH_TASKS.map((task) => ({
    name: `bbh-${task}`,
    title: `BIG-Bench Hard: ${task.replaceAll("_", " ")}`,
    items: 250,
    licence: "MIT (c) 2022 suzgunmirac",
    sourceUrl: `${BBH}/bbh/${task}.json`,
    file: `bbh-${task}.json.gz`,
  })),
];

/** The folder of the shipped files, resolved from the project root (as the demo fixture is). */
export function builtinDir(root = process.cwd()): string {
  return join(/* turbopackIgnore: true */ root, "lib", "quality", "contamination", "builtin-data");
}

/** GSM8K's calculator annotations (<<48/2=24>>) are a training device no model writes out. */
export function stripCalculatorAnnotations(answer: string): string {
  return answer.replace(/<<[^<>]*>>/g, "");
}

/** The decompressed bytes as a stream; a read error (a missing file) rejects its iteration. */
function gunzip(path: string): Readable {
  return pipeline(createReadStream(path), createGunzip(), () => {});
}

async function* gunzipLines(path: string): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of gunzip(path).setEncoding("utf8")) {
    const lines = (rest + (chunk as string)).split("\n");
    rest = lines.pop()!;
    for (const line of lines) if (line.trim() !== "") yield line;
  }
  if (rest.trim() !== "") yield rest;
}

async function gunzipText(path: string): Promise<string> {
  let text = "";
  for await (const chunk of gunzip(path).setEncoding("utf8")) text += chunk as string;
  return text;
}

async function load(benchmark: BuiltinBenchmark, dir: string): Promise<BenchmarkItem[]> {
  const path = join(/* turbopackIgnore: true */ dir, benchmark.file);
  const items: BenchmarkItem[] = [];
  if (benchmark.name === "gsm8k-test") {
    for await (const line of gunzipLines(path)) {
      const row = JSON.parse(line) as { question: string; answer: string };
      const itemId = `gsm8k-test/${items.length}`;
      items.push({
        benchmark: benchmark.name,
        itemId,
        text: row.question,
        answer: stripCalculatorAnnotations(row.answer),
      });
    }
  } else if (benchmark.name === "humaneval") {
    for await (const line of gunzipLines(path)) {
      const row = JSON.parse(line) as { task_id: string; prompt: string; canonical_solution: string };
      items.push({
        benchmark: benchmark.name,
        itemId: row.task_id,
        text: row.prompt,
        answer: row.canonical_solution,
      });
    }
  } else {
    const { examples } = JSON.parse(await gunzipText(path)) as {
      examples: { input: string; target: string }[];
    };
    examples.forEach((example, i) =>
      items.push({
        benchmark: benchmark.name,
        itemId: `${benchmark.name}/${i}`,
        text: example.input,
        answer: example.target,
      }),
    );
  }
  if (items.length !== benchmark.items) {
    throw new Error(`${benchmark.file}: expected ${benchmark.items} items, found ${items.length}`);
  }
  return items;
}

const cache = new Map<string, Promise<BenchmarkItem[]>>();

/** Every item of every built-in benchmark, loaded once per process (per folder). */
export function builtinBenchmarks(dir = builtinDir()): Promise<BenchmarkItem[]> {
  let items = cache.get(dir);
  if (!items) {
    items = Promise.all(BUILTIN_BENCHMARKS.map((b) => load(b, dir))).then((sets) => sets.flat());
    // A failed load (a missing file) is not kept: the next call tries again.
    items.catch(() => cache.delete(dir));
    cache.set(dir, items);
  }
  return items;
}
