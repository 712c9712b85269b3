import "server-only";
import { dbKind, type Tx } from "../../db/client";
import { cuid } from "../../prompts";
import type { PlannedItem } from "../kind";

const COLUMNS = `"id", "jobId", "ordinal", "promptId", "sampleIndex", "systemMessageVersionId", "payload",
  "status", "availableAt", "updatedAt"`;
// One JSON parameter holds a chunk as [id, ordinal, promptId, sampleIndex, versionId, payload] arrays.
const POSTGRES_INSERT =
  `INSERT INTO "JobItem" (${COLUMNS}) SELECT r->>0, $1, (r->>1)::int, r->>2, (r->>3)::int, r->>4, ` +
  `NULLIF(r->5, 'null'::jsonb), 'pending', $2::timestamp(3), $2::timestamp(3) FROM jsonb_array_elements($3::jsonb) AS r`;
const SQLITE_INSERT =
  `INSERT INTO "JobItem" (${COLUMNS}) SELECT value ->> 0, ?, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ` +
  `value ->> 5, 'pending', ?, ? FROM json_each(?)`;
// Rows per statement: the chunk's JSON stays small enough to be collected young, so a million
// items plan in a few hundred megabytes rather than a gigabyte of garbage waiting for a full GC.
const CHUNK = 1_000;

/**
 * Writes planned items with consecutive ordinals from `first`, as pending and due now. Raw SQL,
 * not createMany: Prisma's createMany costs about 0.3 ms a row (a million-item launch took
 * minutes); one JSON parameter per chunk, expanded by the database, costs microseconds a row and
 * a handful of bound values per statement.
 */
export async function insertItems(
  tx: Tx,
  jobId: string,
  first: number,
  items: PlannedItem[],
  now: Date,
): Promise<void> {
  const postgres = dbKind() === "postgres";
  // SQLite keeps DateTime as text in Prisma's format; PostgreSQL takes the Date.
  const at = postgres ? now : now.toISOString().replace("Z", "+00:00");
  for (let start = 0; start < items.length; start += CHUNK) {
    const rows = items.slice(start, start + CHUNK).map((item, i) => [
      cuid(),
      first + start + i,
      item.promptId ?? null,
      item.sampleIndex ?? 0,
      item.systemMessageVersionId ?? null,
      postgres ? (item.payload ?? null) : item.payload == null ? null : JSON.stringify(item.payload),
    ]);
    const json = JSON.stringify(rows);
    if (postgres) await tx.$executeRawUnsafe(POSTGRES_INSERT, jobId, at, json);
    else await tx.$executeRawUnsafe(SQLITE_INSERT, jobId, at, at, json);
  }
}
