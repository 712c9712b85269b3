import "server-only";
import { db, dbKind, Prisma, type Db, type Tx } from "../db";
import type { ItemRow, LeasedItem } from "./kind";
import { jsonFromRaw } from "../db";
import { unindexed } from "../db";

export type { LeasedItem } from "./kind";

/** A runnable item as read for leasing, with its prompt (what the item's attempt needs). */
export type Candidate = {
  id: string;
  ordinal: number | bigint;
  promptId: string | null;
  systemMessageVersionId: string | null;
  attempts: number | bigint;
  rateLimited?: number | bigint | null;
  sampleIndex: number | bigint;
  payload: unknown;
  promptText: string | null;
  promptCategory: string | null;
};

/** A claimed candidate as its lease token, and its row as the kind's run needs it. */
export function leasedFrom(
  c: Candidate,
  jobId: string,
  owner: string,
  attempts: number,
): { item: LeasedItem; row: ItemRow } {
  const item: LeasedItem = {
    id: c.id,
    jobId,
    ordinal: Number(c.ordinal),
    promptId: c.promptId,
    systemMessageVersionId: c.systemMessageVersionId,
    attempts,
    owner,
    rateLimited: Number(c.rateLimited ?? 0),
  };
  const row: ItemRow = {
    sampleIndex: Number(c.sampleIndex),
    payload: jsonFromRaw(c.payload),
    prompt:
      c.promptId !== null && c.promptText !== null
        ? { id: c.promptId, text: c.promptText, category: c.promptCategory }
        : null,
  };
  return { item, row };
}

/**
 * Runnable items in ordinal order: expired leases with attempts left first (their worker died),
 * then due pending items. Two range scans of (jobId, status, ordinal) that stop at `limit`, so
 * the cost does not grow with the job's finished items. `serialised`: the caller holds the
 * provider's lock, so no other lessee reads these rows meanwhile and both parts go in one round
 * trip; otherwise PostgreSQL locks the rows it reads and skips rows others hold. Either way the
 * claim re-checks each row, so a row that changed since is not taken.
 */
export async function runnableItems(
  tx: Tx,
  request: { jobId: string; limit: number; maxAttempts: number; now: Date; serialised: boolean },
): Promise<Candidate[]> {
  const { jobId, limit, maxAttempts, now } = request;
  const postgres = dbKind() === "postgres";
  const columns = Prisma.sql`i."id", i."ordinal", i."promptId", i."systemMessageVersionId", i."attempts",
    i."rateLimited", i."sampleIndex", i."payload", p."text" AS "promptText", p."category" AS "promptCategory"`;
  // No statistics: SQLite would rather scan every job's pending items by (status, availableAt)
  // and sort them; PostgreSQL's planner picks this index by itself.
  const from = Prisma.sql`FROM "JobItem" i ${postgres ? Prisma.empty : Prisma.sql`INDEXED BY "JobItem_jobId_status_ordinal_idx"`}
    LEFT JOIN "Prompt" p ON p."id" = i."promptId"`;
  const expired = Prisma.sql`i."jobId" = ${jobId} AND i."status" = 'running' AND i."leaseExpiresAt" < ${now}
    AND i."attempts" - i."rateLimited" < ${maxAttempts}`;
  const pending = Prisma.sql`i."jobId" = ${jobId} AND i."status" = 'pending' AND i."availableAt" <= ${now}`;
  if (request.serialised || !postgres) {
    const rows = await tx.$queryRaw<Array<Candidate & { part: number | bigint }>>`
      SELECT * FROM (SELECT 0 AS "part", ${columns} ${from} WHERE ${expired} ORDER BY i."ordinal" LIMIT ${limit}) a
      UNION ALL
      SELECT * FROM (SELECT 1 AS "part", ${columns} ${from} WHERE ${pending} ORDER BY i."ordinal" LIMIT ${limit}) b`;
    rows.sort((x, y) => Number(x.part) - Number(y.part) || Number(x.ordinal) - Number(y.ordinal));
    return rows.slice(0, limit);
  }
  // FOR UPDATE is not allowed with UNION: two round trips.
  const lock = Prisma.sql`FOR UPDATE OF i SKIP LOCKED`;
  const first = await tx.$queryRaw<Candidate[]>`
    SELECT ${columns} ${from} WHERE ${expired} ORDER BY i."ordinal" LIMIT ${limit} ${lock}`;
  if (first.length >= limit) return first;
  const rest = await tx.$queryRaw<Candidate[]>`
    SELECT ${columns} ${from} WHERE ${pending} ORDER BY i."ordinal" LIMIT ${limit - first.length} ${lock}`;
  return [...first, ...rest];
}

/** The claim's re-check of a row: due pending, or an expired lease with attempts left. */
export function runnableNow(now: Date, maxAttempts: number): Prisma.Sql {
  const status = unindexed("status");
  return Prisma.sql`((${status} = 'pending' AND "availableAt" <= ${now})
    OR (${status} = 'running' AND "leaseExpiresAt" < ${now} AND "attempts" - "rateLimited" < ${maxAttempts}))`;
}

/**
 * Leases the chosen items, re-checking that each is still runnable: the lease token (id, owner,
 * attempts) every later write is fenced by starts here. PostgreSQL skips rows another
 * transaction holds (a cancel, a completion) instead of waiting: a lease, which may hold the
 * provider's lock, then never waits on a row lock, so it cannot close a deadlock.
 */
export async function claimItems(
  tx: Tx,
  ids: string[],
  workerId: string,
  maxAttempts: number,
  now: Date,
  leaseMs: number,
): Promise<Array<{ id: string; attempts: number | bigint }>> {
  if (ids.length === 0) return [];
  const expires = new Date(now.getTime() + leaseMs);
  const runnable = Prisma.sql`"id" IN (${Prisma.join(ids)}) AND ${runnableNow(now, maxAttempts)}`;
  const which =
    dbKind() === "postgres"
      ? Prisma.sql`"id" IN (SELECT "id" FROM "JobItem" WHERE ${runnable} FOR UPDATE SKIP LOCKED)`
      : runnable;
  return tx.$queryRaw`
    UPDATE "JobItem"
    SET "status" = 'running', "leaseOwner" = ${workerId}, "leaseExpiresAt" = ${expires},
        "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE ${which}
    RETURNING "id", "attempts"`;
}

export type LeaseRequest = {
  jobId: string;
  workerId: string;
  limit: number;
  maxAttempts: number;
  now: Date;
  leaseMs: number;
};

/**
 * Takes up to `limit` runnable items of a job in one transaction, with no provider limits: for
 * runners that send requests some other way (provider batches) and for tests. The live worker
 * leases through leaseForJob (lease-job.ts), which applies the limits around the same steps.
 */
export async function leaseItems(request: LeaseRequest): Promise<LeasedItem[]> {
  const { jobId, workerId, limit, maxAttempts, now, leaseMs } = request;
  if (limit <= 0) return [];
  const claimed = await db().$transaction(async (tx) => {
    const candidates = await runnableItems(tx, { jobId, limit, maxAttempts, now, serialised: false });
    const rows = await claimItems(
      tx,
      candidates.map((c) => c.id),
      workerId,
      maxAttempts,
      now,
      leaseMs,
    );
    const byId = new Map(candidates.map((c) => [c.id, c]));
    return rows.map((row) => ({ candidate: byId.get(row.id)!, attempts: Number(row.attempts) }));
  });
  return claimed
    .map(({ candidate, attempts }) => leasedFrom(candidate, jobId, workerId, attempts).item)
    .sort((a, b) => a.ordinal - b.ordinal);
}

/** Keeps the leases of calls still in flight from expiring under a slow teacher. */
export async function renewLeases(ids: string[], workerId: string, now: Date, leaseMs: number) {
  if (ids.length === 0) return;
  await db().$executeRaw`
    UPDATE "JobItem" SET "leaseExpiresAt" = ${new Date(now.getTime() + leaseMs)}
    WHERE "id" IN (${Prisma.join(ids)}) AND ${unindexed("status")} = 'running'
      AND ${unindexed("leaseOwner")} = ${workerId}`;
}

/** Items whose worker died on them too often fail instead of being leased again (poison items). */
export async function failExhaustedLeases(
  jobId: string,
  maxAttempts: number,
  now: Date,
  client: Db | Tx = db(),
) {
  const lastError = `No answer after ${maxAttempts} attempts: the worker handling this item stopped before it finished (crash or restart). Retry the failed items to try again.`;
  await client.$executeRaw`
    UPDATE "JobItem" SET "status" = 'failed', "leaseExpiresAt" = NULL, "lastError" = ${lastError}, "updatedAt" = ${now}
    WHERE "jobId" = ${jobId} AND "status" = 'running' AND "leaseExpiresAt" < ${now}
      AND "attempts" - "rateLimited" >= ${maxAttempts}`;
}
