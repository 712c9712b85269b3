import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// The public data sets shared by every worktree (/work/shared/data, see its SOURCES.md).
export const SHARED_DATA = resolve(import.meta.dirname, "../../../../shared/data");

/** Every non-empty line of a JSONL file, parsed. */
export function readJsonl<T = Record<string, unknown>>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
