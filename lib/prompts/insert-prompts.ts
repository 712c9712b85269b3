import { dbKind, encodedInsert, type Tx } from "../db";
import { PROMPT_ROWS } from "./prompt-rows";

/** One prompt of an import, as validation writes it for publishing. */
export type PreparedPrompt = {
  id: string;
  externalId: string | null;
  text: string;
  referenceAnswer: string | null;
  category: string | null;
  contentHash: string;
};

export type InsertStatement = { json: string; target: InsertTarget; rows: number };

/** The columns of an encoded line, in its order. */
const ENCODED = ["id", "externalId", "text", "referenceAnswer", "category", "contentHash"] as const;

/** What every prompt of one statement shares: its set, its file and its creation time. */
export type InsertTarget = { promptSetId: string; source: string; createdAt: Date };

/**
 * When to send a batch: by rows, and by characters so each statement's one parameter (and the
 * copies Prisma and the driver make of it) stays under V8's large-object size (128 KB) and dies
 * young; the encoded rows are ASCII, one byte a character. Measured with bench:import: larger
 * batches save PostgreSQL round trips, and cost SQLite (whose copies are larger) peak memory.
 */
export function batchLimits(): { rows: number; chars: number } {
  return { rows: 1_000, chars: dbKind() === "postgres" ? 64_000 : 32_000 };
}

// Escaping every character beyond ASCII keeps a line one byte a character, in the file and in
// V8 (a batch stays under the large-object size), and lets the file be read back byte for byte.
const NON_ASCII = /[\u0080-\uffff]/g;
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** A prompt as one line of JSON, ASCII only (no newline). */
export function encodePrompt(p: PreparedPrompt): string {
  const tuple = [p.id, p.externalId, p.text, p.referenceAnswer, p.category, p.contentHash];
  return JSON.stringify(tuple).replace(NON_ASCII, escape);
}

/** The content hash at the end of an encoded line. */
export function hashOfLine(line: string): string {
  const end = line.lastIndexOf('"');
  return line.slice(end - 64, end);
}

/** One statement inserting encoded prompts (see encodePrompt) of one set and file. */
export function insertStatement(lines: string[], target: InsertTarget): InsertStatement {
  return { json: `[${lines.join(",")}]`, target, rows: lines.length };
}

/**
 * Runs the statement through the one multi-row insert (the encoded lines are its JSON parameter
 * as they are: no parse, no copy); a prompt the set holds already is skipped, not an error.
 * Returns how many prompts were new (the rest were duplicates).
 */
export function runInsert(tx: Tx, statement: InsertStatement): Promise<number> {
  const { promptSetId, source, createdAt } = statement.target;
  const insert = encodedInsert(
    PROMPT_ROWS,
    { perRow: ENCODED, shared: { promptSetId, source, createdAt } },
    { onConflict: "ignore" },
  );
  return insert.run(tx, statement.json);
}
