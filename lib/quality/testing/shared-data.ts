import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

// The public data sets (see their SOURCES.md): beside the checkout on these machines, or at
// /work/shared/data wherever CI clones it.
const CANDIDATES = [resolve(import.meta.dirname, "../../../../shared/data"), "/work/shared/data"];
export const SHARED_DATA =
  CANDIDATES.find((dir) => existsSync(resolve(dir, "SOURCES.md"))) ?? CANDIDATES.at(-1)!;

/** Every non-empty line of a JSONL file, parsed. */
export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
