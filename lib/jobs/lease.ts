import "server-only";
import { db, dbKind, Prisma } from "../db/client";

/** A leased item. (id, owner, attempts) is the fencing token every later write is guarded by. */
export type LeasedItem = {
  id: string;
  jobId: string;
  ordinal: number;
  /** Null for topic-graph synthesis items. */
  promptId: string | null;
  /** Null until chosen in cautious mode, and for synthesis items. */
  systemMessageVersionId: string | null;
  attempts: number;
  owner: string;
};

type Row = Omit<LeasedItem, "jobId" | "owner"> & { attempts: number | bigint; ordinal: number | bigint };

export type LeaseRequest = {
  jobId: string;
  workerId: string;
  limit: number;
  maxAttempts: number;
  now: Date;
  leaseMs: number;
};

/**
 * Atomically takes up to `limit` runnable items of a job, in ordinal order: pending items that are
 * due, and running items whose lease expired (their worker died) with attempts left. One UPDATE
 * statement, so no two workers can take the same item: PostgreSQL skips rows another worker has
 * locked; SQLite has one writer at a time. Dates are bound as parameters so both databases compare
 * them in the format Prisma stores them in.
 */
export async function leaseItems(request: LeaseRequest): Promise<LeasedItem[]> {
  const { jobId, workerId, limit, maxAttempts, now, leaseMs } = request;
  if (limit <= 0) return [];
  const expires = new Date(now.getTime() + leaseMs);
  const skipLocked = dbKind() === "postgres" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await db().$queryRaw<Row[]>`
    UPDATE "JobItem"
    SET "status" = 'running', "leaseOwner" = ${workerId}, "leaseExpiresAt" = ${expires},
        "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "JobItem"
      WHERE "jobId" = ${jobId}
        AND (("status" = 'pending' AND "availableAt" <= ${now})
          OR ("status" = 'running' AND "leaseExpiresAt" < ${now} AND "attempts" < ${maxAttempts}))
      ORDER BY "ordinal"
      LIMIT ${limit}
      ${skipLocked}
    )
    RETURNING "id", "ordinal", "promptId", "systemMessageVersionId", "attempts"`;
  return rows
    .map((row) => ({
      id: row.id,
      jobId,
      ordinal: Number(row.ordinal),
      promptId: row.promptId,
      systemMessageVersionId: row.systemMessageVersionId,
      attempts: Number(row.attempts),
      owner: workerId,
    }))
    .sort((a, b) => a.ordinal - b.ordinal);
}

/** Keeps the leases of calls still in flight from expiring under a slow teacher. */
export async function renewLeases(ids: string[], workerId: string, now: Date, leaseMs: number) {
  if (ids.length === 0) return;
  await db().jobItem.updateMany({
    where: { id: { in: ids }, status: "running", leaseOwner: workerId },
    data: { leaseExpiresAt: new Date(now.getTime() + leaseMs) },
  });
}

/** Items whose worker died on them too often fail instead of being leased again (poison items). */
export async function failExhaustedLeases(jobId: string, maxAttempts: number, now: Date) {
  await db().jobItem.updateMany({
    where: { jobId, status: "running", leaseExpiresAt: { lt: now }, attempts: { gte: maxAttempts } },
    data: {
      status: "failed",
      leaseExpiresAt: null,
      lastError: `No answer after ${maxAttempts} attempts: the worker handling this item stopped before it finished (crash or restart). Retry the failed items to try again.`,
    },
  });
}

/** In-flight items of a job across all workers (unexpired leases), for the concurrency limit. */
export function countInFlight(jobId: string, now: Date): Promise<number> {
  return db().jobItem.count({ where: { jobId, status: "running", leaseExpiresAt: { gte: now } } });
}
