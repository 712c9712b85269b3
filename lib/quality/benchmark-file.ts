import { InvalidInputError } from "../errors";
import { BENCHMARK_ITEMS_MAX } from "./schemas";

/** The fields an item's question and answer may come under (GSM8K, HumanEval, BBH, MMLU-style). */
const TEXT_FIELDS = ["question", "prompt", "input", "problem", "text", "instruction"] as const;
const ANSWER_FIELDS = ["answer", "canonical_solution", "solution", "target", "output", "response"] as const;
const ID_FIELDS = ["id", "task_id", "itemId", "uid"] as const;

export type UploadedItem = { itemId: string; text: string; answer: string | null };

/**
 * A benchmark file: JSONL, one item per line, its question under one of TEXT_FIELDS, its answer
 * (optional) under one of ANSWER_FIELDS, its id (optional: the line number) under ID_FIELDS.
 * Refused as a whole, with file and line, at the first line that is not such an item.
 */
export function parseBenchmarkFile(content: string, fileName: string): UploadedItem[] {
  const items: UploadedItem[] = [];
  const seen = new Set<string>();
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const where = `${fileName}, line ${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new InvalidInputError(`${where}: not valid JSON (each line must be one JSON object).`);
    }
    if (!row || typeof row !== "object" || Array.isArray(row))
      throw new InvalidInputError(`${where}: expected a JSON object.`);
    const record = row as Record<string, unknown>;
    const text = firstString(record, TEXT_FIELDS);
    if (!text) throw new InvalidInputError(`${where}: no question text (one of ${TEXT_FIELDS.join(", ")}).`);
    const id = record[ID_FIELDS.find((f) => record[f] !== undefined) ?? "id"];
    const itemId = typeof id === "string" || typeof id === "number" ? String(id) : String(i + 1);
    if (seen.has(itemId)) throw new InvalidInputError(`${where}: the id "${itemId}" appears twice.`);
    seen.add(itemId);
    items.push({ itemId, text, answer: firstString(record, ANSWER_FIELDS) ?? null });
    if (items.length > BENCHMARK_ITEMS_MAX)
      throw new InvalidInputError(
        `${fileName}: over ${BENCHMARK_ITEMS_MAX.toLocaleString("en-US")} items; split the file.`,
      );
  }
  if (items.length === 0) throw new InvalidInputError(`${fileName}: no items found.`);
  return items;
}

function firstString(record: Record<string, unknown>, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const value = record[field];
    if (typeof value === "string" && value.trim()) return value;
  }
  return undefined;
}
