import { dbKind, type Tx } from "../db/client";

/** One prompt of an import, as validation writes it for publishing. */
export type PreparedPrompt = {
  id: string;
  externalId: string | null;
  text: string;
  referenceAnswer: string | null;
  category: string | null;
  contentHash: string;
};

export type InsertStatement = { sql: string; params: unknown[]; rows: number };

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

const COLUMNS = [
  "id",
  "promptSetId",
  "externalId",
  "text",
  "referenceAnswer",
  "category",
  "source",
  "contentHash",
  "createdAt",
]
  .map((c) => `"${c}"`)
  .join(", ");
// A prompt already in the set is skipped, not an error.
const SKIP_DUPLICATES = `ON CONFLICT ("promptSetId", "contentHash") DO NOTHING`;

// The batch is one JSON parameter of [id, externalId, text, referenceAnswer, category, hash]
// arrays, unpacked by the database: Prisma then carries four parameters a statement instead of
// six a row, which was most of its cost (createMany, at 0.3 ms a row, was ten times worse).
const POSTGRES_INSERT =
  `INSERT INTO "Prompt" (${COLUMNS}) SELECT r->>0, $1, r->>1, r->>2, r->>3, r->>4, $2, r->>5, $3::timestamp(3) ` +
  `FROM jsonb_array_elements($4::jsonb) AS r ${SKIP_DUPLICATES}`;
// WHERE true lets SQLite parse ON CONFLICT after a SELECT. DateTime is text in Prisma's format.
const SQLITE_INSERT =
  `INSERT INTO "Prompt" (${COLUMNS}) SELECT value->>0, ?, value->>1, value->>2, value->>3, value->>4, ?, ` +
  `value->>5, ? FROM json_each(?) WHERE true ${SKIP_DUPLICATES}`;

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
  const rows = `[${lines.join(",")}]`;
  if (dbKind() === "postgres")
    return {
      sql: POSTGRES_INSERT,
      params: [target.promptSetId, target.source, target.createdAt, rows],
      rows: lines.length,
    };
  const at = target.createdAt.toISOString().replace("Z", "+00:00");
  return { sql: SQLITE_INSERT, params: [target.promptSetId, target.source, at, rows], rows: lines.length };
}

/** Runs the statement; returns how many prompts were new (the rest were duplicates). */
export function runInsert(tx: Tx, statement: InsertStatement): Promise<number> {
  return tx.$executeRawUnsafe(statement.sql, ...statement.params);
}
