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
