import "server-only";
import { Prisma, type Tx } from "../db";
import { dateFromRaw } from "../db";
import { cuid } from "../db";
import { estimateFor } from "./active-job";
import { leasedFrom, runnableNow, type Candidate } from "./lease";
import type { JobLease, JobLeaseRequest } from "./lease-types";
import { neverFits, WINDOW_MS, type ProviderLimits } from "./limits";

type Row = {
  id: string | null;
  ordinal: number | bigint | null;
  promptId: string | null;
  systemMessageVersionId: string | null;
  attempts: number | bigint | null;
  rateLimited: number | bigint | null;
  sampleIndex: number | bigint | null;
  payload: unknown;
  promptText: string | null;
  promptCategory: string | null;
  jobStatus: string | null;
  room: number | bigint;
  rateLimitedUntil: Date | string | null;
  candidates: number | bigint;
  reservationId: string | null;
};

const int = (n: number) => Prisma.sql`CAST(${n} AS BIGINT)`;

/**
 * leaseInTransaction for PostgreSQL when no tokens-per-minute limit applies, in one statement
 * after the provider's lock: count what is in flight, compute the room left by the job's and
 * the provider's limits, pick the runnable items, lease them, read their prompts and book the
 * requests in the window. Round trips are most of a lease's cost on PostgreSQL, and a slot
 * stays empty while its lease is written. The general path (lease-job.ts) does the same in
 * steps; a tokens limit needs each item's estimate before choosing, so it takes that path.
 */
export async function leaseOnPostgres(
  tx: Tx,
  request: JobLeaseRequest,
  providerId: string,
  limits: ProviderLimits,
  now: Date,
): Promise<JobLease> {
  const { job, workerId } = request;
  const { settings } = job;
  // Requests per attempt depend on the job only (cautious items make two calls).
  const perItem = estimateFor(job, {
    systemMessageVersionId: null,
    promptText: null,
    payload: null,
  }).requests;
  const blocked = neverFits({ requests: perItem, tokens: 0 }, limits);
  if (blocked) return { grants: [], blocked };

  const settling = (request.settling ?? []).map((s) => s.id);
  const notSettling = (ids: string[]) =>
    ids.length === 0
      ? Prisma.empty
      : Prisma.sql`AND NOT ("leaseOwner" = ${workerId} AND "id" IN (${Prisma.join(ids)}))`;
  const mineInJob = (request.settling ?? []).filter((s) => s.jobId === job.id).map((s) => s.id);
  const caps: Prisma.Sql[] = [
    int(request.want),
    Prisma.sql`${int(settings.concurrency)} - (SELECT COUNT(*) FROM "JobItem" WHERE "jobId" = ${job.id}
      AND "status" = 'running' AND "leaseExpiresAt" >= ${now} ${notSettling(mineInJob)})`,
  ];
  if (limits.maxConcurrency !== null) {
    caps.push(Prisma.sql`${int(limits.maxConcurrency)} - (SELECT COUNT(*) FROM "JobItem"
      WHERE "jobId" IN (SELECT "id" FROM "Job"
          WHERE "providerId" = ${providerId} AND "status" IN ('queued', 'running', 'paused'))
        AND "status" = 'running' AND "leaseExpiresAt" >= ${now} ${notSettling(settling)})`);
  }
  if (limits.requestsPerMinute !== null) {
    caps.push(Prisma.sql`(${int(limits.requestsPerMinute)} - COALESCE((SELECT SUM("requests")
      FROM "ProviderRateReservation" WHERE "providerId" = ${providerId}
        AND "at" > ${new Date(now.getTime() - WINDOW_MS)}), 0)) / ${int(perItem)}`);
  }
  const expires = new Date(now.getTime() + request.leaseMs);
  const bucket = new Date(Math.ceil(now.getTime() / 1_000) * 1_000);
  const runnable = runnableNow(now, settings.maxAttempts);

  const rows = await tx.$queryRaw<Row[]>`
    WITH room AS (
      SELECT GREATEST(0, LEAST(${Prisma.join(caps)})) AS n
      WHERE EXISTS (SELECT 1 FROM "Job" WHERE "id" = ${job.id} AND "status" IN ('queued', 'running'))
        AND NOT EXISTS (SELECT 1 FROM "Provider" WHERE "id" = ${providerId} AND "rateLimitedUntil" > ${now})
    ),
    cand AS (
      SELECT c."id" FROM (
        (SELECT 0 AS "part", i."id", i."ordinal" FROM "JobItem" i
          WHERE i."jobId" = ${job.id} AND i."status" = 'running' AND i."leaseExpiresAt" < ${now}
            AND i."attempts" - i."rateLimited" < ${settings.maxAttempts}
          ORDER BY i."ordinal" LIMIT ${int(request.want)})
        UNION ALL
        (SELECT 1 AS "part", i."id", i."ordinal" FROM "JobItem" i
          WHERE i."jobId" = ${job.id} AND i."status" = 'pending' AND i."availableAt" <= ${now}
          ORDER BY i."ordinal" LIMIT ${int(request.want)})
      ) c
      ORDER BY c."part", c."ordinal"
      LIMIT (SELECT COALESCE(MAX(n), 0) FROM room)
    ),
    upd AS (
      UPDATE "JobItem"
      SET "status" = 'running', "leaseOwner" = ${workerId}, "leaseExpiresAt" = ${expires},
          "attempts" = "attempts" + 1, "updatedAt" = ${now}
      WHERE "id" IN (SELECT "id" FROM "JobItem"
        WHERE "id" IN (SELECT "id" FROM cand) AND ${runnable} FOR UPDATE SKIP LOCKED)
      RETURNING "id", "ordinal", "promptId", "systemMessageVersionId", "attempts", "rateLimited", "sampleIndex",
        "payload"
    ),
    total AS (SELECT COUNT(*) AS n FROM upd),
    bump AS (
      UPDATE "ProviderRateReservation" SET "requests" = "requests" + (SELECT n FROM total) * ${int(perItem)}
      WHERE "providerId" = ${providerId} AND "at" = ${bucket} AND (SELECT n FROM total) > 0
      RETURNING "id"
    ),
    ins AS (
      INSERT INTO "ProviderRateReservation" ("id", "providerId", "at", "requests", "tokens")
      SELECT ${cuid()}, ${providerId}, ${bucket}, (SELECT n FROM total) * ${int(perItem)}, 0
      WHERE (SELECT n FROM total) > 0 AND NOT EXISTS (SELECT 1 FROM bump)
      RETURNING "id"
    )
    SELECT u."id", u."ordinal", u."promptId", u."systemMessageVersionId", u."attempts", u."rateLimited",
      u."sampleIndex",
      u."payload", p."text" AS "promptText", p."category" AS "promptCategory",
      (SELECT "status" FROM "Job" WHERE "id" = ${job.id}) AS "jobStatus",
      (SELECT COALESCE(MAX(n), 0) FROM room) AS "room",
      (SELECT "rateLimitedUntil" FROM "Provider" WHERE "id" = ${providerId}) AS "rateLimitedUntil",
      (SELECT COUNT(*) FROM cand) AS "candidates",
      COALESCE((SELECT "id" FROM bump), (SELECT "id" FROM ins)) AS "reservationId"
    FROM (SELECT 1) AS base
    LEFT JOIN (upd u LEFT JOIN "Prompt" p ON p."id" = u."promptId") ON TRUE`;

  const meta = rows[0];
  if (!meta || (meta.jobStatus !== "queued" && meta.jobStatus !== "running"))
    return { grants: [], drained: true };
  const pausedUntil = dateFromRaw(meta.rateLimitedUntil);
  if (pausedUntil && pausedUntil > now) return { grants: [], rateLimitedUntil: pausedUntil };
  // A row with an id is a leased item (the LEFT JOIN's other rows carry only the counts).
  const leased = rows.filter((r): r is Row & Candidate => r.id !== null);
  if (leased.length === 0)
    return { grants: [], drained: Number(meta.room) > 0 && Number(meta.candidates) === 0 };
  const reservationId = meta.reservationId!;
  // No tokens were booked: the refund when the call ends books the tokens it really used.
  const estimate = { requests: perItem, tokens: 0 };
  const grants = leased.map((r) => ({
    ...leasedFrom(r, job.id, workerId, Number(r.attempts)),
    estimate,
    reservationId,
  }));
  return { grants: grants.sort((a, b) => a.item.ordinal - b.item.ordinal) };
}
