import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// The public data sets sit beside the repository (/work/shared/data), whichever worktree runs.
export const SHARED_DATA = resolve(import.meta.dirname, "../../../../shared/data");

/** The rows of a JSONL file, one parsed object per non-empty line. */
export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
