import type { BenchmarkItem } from "./schemas";

// For tests: benchmark items planted inside longer, trace-like text.

export const BEFORE =
  "Let me think about this carefully before answering. We should consider all the facts given.\n";
export const AFTER = "\nSo that is how I would approach it, and the result follows from the steps above.";

/** The item as a trace would quote it: question then answer, or a HumanEval prompt then its body. */
export function quoted(item: BenchmarkItem): string {
  return item.benchmark === "humaneval"
    ? `${item.text}${item.answer ?? ""}`
    : `${item.text}\n${item.answer ?? ""}`;
}

export function planted(body: string): { text: string; start: number; end: number } {
  return { text: BEFORE + body + AFTER, start: BEFORE.length, end: BEFORE.length + body.length };
}
