import "server-only";
import { dbKind, type Tx } from "../../db/client";
import { cuid } from "../../prompts";
import type { PlannedItem } from "../kind";

const COLUMNS = `"id", "jobId", "ordinal", "promptId", "sampleIndex", "systemMessageVersionId", "payload",
  "status", "availableAt", "updatedAt"`;
const SQLITE_TUPLE = "(?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)";
// One JSON parameter holds the batch as [id, ordinal, promptId, sampleIndex, versionId, payload] arrays.
const POSTGRES_INSERT =
  `INSERT INTO "JobItem" (${COLUMNS}) SELECT r->>0, $1, (r->>1)::int, r->>2, (r->>3)::int, r->>4, NULLIF(r->5, 'null'::jsonb), ` +
  `'pending', $2::timestamp(3), $2::timestamp(3) FROM jsonb_array_elements($3::jsonb) AS r`;
// SQLite binds each value (999 per statement at the oldest limit we meet; 32766 today).
const SQLITE_ROWS = 2_000;

/**
 * Writes planned items with consecutive ordinals from `first`, as pending and due now. Raw SQL,
 * not createMany: Prisma's createMany costs about 0.3 ms a row, which made a million-item launch
 * take minutes; a multi-row INSERT takes a few microseconds a row.
 */
export async function insertItems(
  tx: Tx,
  jobId: string,
  first: number,
  items: PlannedItem[],
  now: Date,
): Promise<void> {
  if (items.length === 0) return;
  if (dbKind() === "postgres") {
    const rows = items.map((item, i) => [
      cuid(),
      first + i,
      item.promptId ?? null,
      item.sampleIndex ?? 0,
      item.systemMessageVersionId ?? null,
      item.payload ?? null,
    ]);
    await tx.$executeRawUnsafe(POSTGRES_INSERT, jobId, now, JSON.stringify(rows));
    return;
  }
  const at = now.toISOString().replace("Z", "+00:00");
  for (let start = 0; start < items.length; start += SQLITE_ROWS) {
    const chunk = items.slice(start, start + SQLITE_ROWS);
    const params: unknown[] = [];
    chunk.forEach((item, i) => {
      const payload =
        item.payload === undefined || item.payload === null ? null : JSON.stringify(item.payload);
      params.push(cuid(), jobId, first + start + i, item.promptId ?? null, item.sampleIndex ?? 0);
      params.push(item.systemMessageVersionId ?? null, payload, at, at);
    });
    const tuples = new Array<string>(chunk.length).fill(SQLITE_TUPLE).join(", ");
    await tx.$executeRawUnsafe(`INSERT INTO "JobItem" (${COLUMNS}) VALUES ${tuples}`, ...params);
  }
}
