import "server-only";
import { dbKind, Prisma, type Db, type Tx } from "../../db";
import { dateFromRaw } from "../../db";
import { cuid } from "../../db";
import type { ProviderUsage } from "./budget";

/**
 * The rolling window the limiter sums over. Providers (and the scripted teacher) count requests
 * when they arrive, a little after we reserve them; the extra 2 s covers that lag, so N per
 * minute is never exceeded as the provider measures it.
 */
export const WINDOW_MS = 62_000;
// Rows older than this are no longer read; they are deleted as leases go by.
const KEEP_MS = 5 * 60_000;

/**
 * Serialises lease decisions for one provider (or, for a job that calls no teacher, for the job)
 * until the transaction ends, across every worker process. PostgreSQL: a transaction-scoped
 * advisory lock. SQLite: the first write takes the database's write lock (other processes wait
 * on busy_timeout), so a prune of old reservations (or a no-op update of the job) comes first
 * there; PostgreSQL prunes outside the lock (pruneReservations).
 */
export async function lockForLease(
  tx: Tx,
  target: { providerId: string | null; jobId: string },
  now: Date,
): Promise<void> {
  const key = target.providerId ?? `job:${target.jobId}`;
  if (dbKind() === "postgres") {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    return;
  }
  if (target.providerId) await pruneReservations(tx, target.providerId, now);
  else await tx.$executeRaw`UPDATE "Job" SET "plannedCount" = "plannedCount" WHERE "id" = ${target.jobId}`;
}

/** Deletes reservations long out of the window. */
export async function pruneReservations(client: Tx | Db, providerId: string, now: Date): Promise<void> {
  await client.$executeRaw`
    DELETE FROM "ProviderRateReservation"
    WHERE "providerId" = ${providerId} AND "at" < ${new Date(now.getTime() - KEEP_MS)}`;
}

export type LeaseSnapshot = ProviderUsage & {
  jobStatus: string | null;
  jobInFlight: number;
  /** The provider asked for a pause (Retry-After) until then; null when it did not. */
  rateLimitedUntil: Date | null;
};

/**
 * The caller's items whose calls have ended but whose outcome is not written yet: "running" in
 * the database, no longer in flight at the provider, so not counted (while still its own).
 */
export type Settling = { owner: string; items: Array<{ id: string; jobId: string }> };

type SnapshotRow = {
  jobStatus: string | null;
  rateLimitedUntil: Date | string | null;
  jobInFlight: number | bigint;
  inFlight: number | bigint;
  requests: number | bigint | null;
  tokens: number | bigint | null;
};

/**
 * In one round trip: the job's status, its calls in flight (unexpired leases, every worker, less
 * the caller's settling ones), and
 * what the provider's limits need: its calls in flight across all its jobs (job by job through
 * the (jobId, status) index, touching only running items) and the window's sums. Parts no limit
 * needs are left out: PostgreSQL plans every statement afresh, and planning is most of its cost.
 */
export async function leaseSnapshot(
  tx: Tx,
  ids: { jobId: string; providerId: string | null },
  now: Date,
  needs: { inFlight: boolean; window: boolean; settling: Settling },
): Promise<LeaseSnapshot> {
  const { jobId, providerId } = ids;
  const { owner, items } = needs.settling;
  const notSettling = (only?: string) => {
    const mine = items.filter((i) => !only || i.jobId === only).map((i) => i.id);
    return mine.length === 0
      ? Prisma.empty
      : Prisma.sql`AND NOT ("leaseOwner" = ${owner} AND "id" IN (${Prisma.join(mine)}))`;
  };
  const inFlight =
    needs.inFlight && providerId
      ? Prisma.sql`(SELECT COUNT(*) FROM "JobItem"
        WHERE "jobId" IN (SELECT "id" FROM "Job"
            WHERE "providerId" = ${providerId} AND "status" IN ('queued', 'running', 'paused'))
          AND "status" = 'running' AND "leaseExpiresAt" >= ${now} ${notSettling()})`
      : Prisma.sql`0`;
  const window =
    needs.window && providerId
      ? Prisma.sql`(SELECT SUM("requests") AS "requests", SUM("tokens") AS "tokens"
        FROM "ProviderRateReservation"
        WHERE "providerId" = ${providerId} AND "at" > ${new Date(now.getTime() - WINDOW_MS)})`
      : Prisma.sql`(SELECT 0 AS "requests", 0 AS "tokens")`;
  const pause = providerId
    ? Prisma.sql`(SELECT "rateLimitedUntil" FROM "Provider" WHERE "id" = ${providerId})`
    : Prisma.sql`NULL`;
  const [row] = await tx.$queryRaw<SnapshotRow[]>`
    SELECT j."status" AS "jobStatus",
      (SELECT COUNT(*) FROM "JobItem"
        WHERE "jobId" = ${jobId} AND "status" = 'running' AND "leaseExpiresAt" >= ${now}
          ${notSettling(jobId)}) AS "jobInFlight",
      ${inFlight} AS "inFlight", w."requests", w."tokens", ${pause} AS "rateLimitedUntil"
    FROM "Job" j, ${window} w
    WHERE j."id" = ${jobId}`;
  return {
    jobStatus: row?.jobStatus ?? null,
    jobInFlight: Number(row?.jobInFlight ?? 0),
    inFlight: Number(row?.inFlight ?? 0),
    requests: Number(row?.requests ?? 0),
    tokens: Number(row?.tokens ?? 0),
    rateLimitedUntil: dateFromRaw(row?.rateLimitedUntil ?? null),
  };
}

/**
 * Takes requests and tokens from the provider's budget; returns the reservation's id. Leases in
 * the same second share one row, dated the end of that second (later than the leases, so they
 * stay in the window a little longer, never shorter): the window holds about sixty rows per
 * provider whatever the rate, and summing it stays cheap. Called under lockProvider.
 */
export async function reserve(
  tx: Tx,
  providerId: string,
  now: Date,
  amount: { requests: number; tokens: number },
): Promise<string> {
  const at = new Date(Math.ceil(now.getTime() / 1_000) * 1_000);
  const [existing] = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "ProviderRateReservation"
    SET "requests" = "requests" + ${amount.requests}, "tokens" = "tokens" + ${amount.tokens}
    WHERE "providerId" = ${providerId} AND "at" = ${at}
    RETURNING "id"`;
  if (existing) return existing.id;
  const id = cuid();
  await tx.$executeRaw`
    INSERT INTO "ProviderRateReservation" ("id", "providerId", "at", "requests", "tokens")
    VALUES (${id}, ${providerId}, ${at}, ${amount.requests}, ${amount.tokens})`;
  return id;
}

/** Amounts to give back to reservations (positive) once calls have ended. */
export type Refunds = Map<string, { requests: number; tokens: number }>;

/** Applies refunds: one statement per reservation row touched (leases of a second share one). */
export async function applyRefunds(client: Tx | Db, refunds: Refunds): Promise<void> {
  // In id order: two workers refunding into the same rows lock them in the same order.
  for (const [id, r] of [...refunds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (r.requests === 0 && r.tokens === 0) continue;
    await client.$executeRaw`
      UPDATE "ProviderRateReservation"
      SET "requests" = "requests" - ${r.requests}, "tokens" = "tokens" - ${r.tokens}
      WHERE "id" = ${id}`;
  }
}
