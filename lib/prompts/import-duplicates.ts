import "server-only";
import { db } from "../db";
import { hashOfLine } from "./insert-prompts";
import { preparedLines } from "./prepared-file";

const LOOKUP = 500;

/**
 * How many prepared rows of a refused file are in the set already, so a refused import reports
 * its duplicates as an accepted one would (repeats within the file were counted by validation).
 * For refused files only, so it costs an accepted import nothing; reads only, and only when the
 * set has prompts at all.
 */
export async function countSetDuplicates(path: string, promptSetId: string): Promise<number> {
  const client = db();
  if (!(await client.prompt.findFirst({ where: { promptSetId }, select: { id: true } }))) return 0;
  let duplicates = 0;
  for await (const lines of preparedLines(path))
    for (let i = 0; i < lines.length; i += LOOKUP) {
      const hashes = lines.slice(i, i + LOOKUP).map(hashOfLine);
      duplicates += await client.prompt.count({ where: { promptSetId, contentHash: { in: hashes } } });
    }
  return duplicates;
}
