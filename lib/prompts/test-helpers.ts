import { Readable } from "node:stream";
import type { ImportSource, ParsedRow } from "./parsers";

/** A byte stream that hands out `text` in chunks of `size` bytes (splitting UTF-8 sequences). */
export function chunked(text: string, size = 7): ImportSource {
  const bytes = Buffer.from(text, "utf8");
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })(),
  );
}

export async function collect(rows: AsyncIterable<ParsedRow[]>): Promise<ParsedRow[]> {
  const all: ParsedRow[] = [];
  for await (const batch of rows) all.push(...batch);
  return all;
}

export const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n") + "\n";

/** `count` distinct JSONL rows (from `from`), and a few repeats of the first ones. */
export function promptRows(count: number, options: { from?: number; repeats?: number; tag?: string } = {}) {
  const { from = 0, repeats = 0, tag = "q" } = options;
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `${tag}-${from + i}`,
    text: `Question ${tag} ${from + i}: what is ${from + i} + ${from + i}?`,
    answer: String((from + i) * 2),
  }));
  return [...rows, ...rows.slice(0, repeats)];
}
