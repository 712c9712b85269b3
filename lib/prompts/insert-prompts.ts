import { dbKind, type Tx } from "../db";

export type NewPrompt = {
  id: string;
  promptSetId: string;
  externalId: string | null;
  text: string;
  referenceAnswer: string | null;
  category: string | null;
  source: string;
  contentHash: string;
};

export type InsertStatement = { sql: string; params: unknown[]; rows: number };

/**
 * When to send a batch: by rows, and by characters so each statement's parameters (and Prisma's
 * copies of them) stay under V8's large-object size (128 KB) and die young. SQLite's bound
 * values can be two bytes per character; PostgreSQL's JSON is kept at one (latin1Json below).
 */
export function batchLimits(): { rows: number; chars: number } {
  return dbKind() === "postgres" ? { rows: 1_000, chars: 96_000 } : { rows: 500, chars: 24_000 };
}

const FIELDS = [
  "id",
  "promptSetId",
  "externalId",
  "text",
  "referenceAnswer",
  "category",
  "source",
  "contentHash",
] as const;
const COLUMNS = [...FIELDS, "createdAt"].map((c) => `"${c}"`).join(", ");
// A prompt already in the set (or earlier in the same file) is skipped, not an error.
const SKIP_DUPLICATES = `ON CONFLICT ("promptSetId", "contentHash") DO NOTHING`;

const SQLITE_TUPLE = `(${[...FIELDS, "createdAt"].map(() => "?").join(", ")})`;
// One JSON parameter holds the batch as [id, externalId, text, referenceAnswer, category, hash] arrays.
const POSTGRES_INSERT =
  `INSERT INTO "Prompt" (${COLUMNS}) SELECT r->>0, $1, r->>1, r->>2, r->>3, r->>4, $2, r->>5, $3::timestamp(3) ` +
  `FROM jsonb_array_elements($4::jsonb) AS r ${SKIP_DUPLICATES}`;

/**
 * One statement inserting a batch of prompts (all of one set and file), built while the previous
 * one runs. Raw SQL, not createMany: Prisma's query interpreter spends about 0.3 ms per row on
 * createMany (profiled with bench:import), ten times the budget of a big import, and SQLite has
 * no skipDuplicates. PostgreSQL takes the rows as one JSON parameter; SQLite binds values (faster
 * there than its JSON functions) and keeps DateTime as text in Prisma's own format.
 */
export function insertStatement(rows: NewPrompt[], createdAt: Date): InsertStatement {
  const { promptSetId, source } = rows[0]!;
  if (dbKind() === "postgres") {
    const tuples = rows.map((r) => [
      r.id,
      r.externalId,
      r.text,
      r.referenceAnswer,
      r.category,
      r.contentHash,
    ]);
    return {
      sql: POSTGRES_INSERT,
      params: [promptSetId, source, createdAt, latin1Json(tuples)],
      rows: rows.length,
    };
  }
  const at = createdAt.toISOString().replace("Z", "+00:00");
  const params: unknown[] = [];
  for (const row of rows) {
    for (const field of FIELDS) params.push(row[field]);
    params.push(at);
  }
  const tuples = new Array<string>(rows.length).fill(SQLITE_TUPLE).join(", ");
  return {
    sql: `INSERT INTO "Prompt" (${COLUMNS}) VALUES ${tuples} ${SKIP_DUPLICATES}`,
    params,
    rows: rows.length,
  };
}

/** Runs the statement; returns how many prompts were new (the rest were duplicates). */
export function runInsert(tx: Tx, statement: InsertStatement): Promise<number> {
  return tx.$executeRawUnsafe(statement.sql, ...statement.params);
}

// \u-escaping characters beyond Latin-1 keeps the string at one byte per character, so a batch
// (and Prisma's copies of it) stays under V8's large-object size and is collected young.
const WIDE = /[\u0100-\uffff]/g;
const escapeWide = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
const latin1Json = (value: unknown) => JSON.stringify(value).replace(WIDE, escapeWide);
