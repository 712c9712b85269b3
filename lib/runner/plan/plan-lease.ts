import "server-only";
import { db, Prisma, type Tx } from "../../db";
import { jsonFromRaw, jsonParam } from "../../db";

/** A planner's hold on a job: every batch it writes is fenced by (owner, attempts, planned). */
export type PlanLease = { jobId: string; owner: string; attempts: number; planned: number; cursor: unknown };

export class LostPlanError extends Error {
  constructor(lease: PlanLease) {
    super(`planning of job ${lease.jobId} is no longer held by ${lease.owner}`);
    this.name = "LostPlanError";
  }
}

/** Jobs waiting to be planned that nobody plans (or whose planner's lease ran out). */
export async function duePlanning(now: Date, only?: string[]): Promise<Array<{ id: string; kind: string }>> {
  return db().job.findMany({
    where: {
      ...(only ? { id: { in: only } } : {}),
      status: "planning",
      OR: [{ planLeaseExpiresAt: null }, { planLeaseExpiresAt: { lt: now } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true },
    take: 10,
  });
}

/** Takes planning of a job for this worker; null when another worker got there first. */
export async function claimPlanning(
  jobId: string,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<PlanLease | null> {
  const expires = new Date(now.getTime() + leaseMs);
  const rows = await db().$queryRaw<
    Array<{ planAttempts: number | bigint; plannedCount: number | bigint; planCursor: unknown }>
  >`
    UPDATE "Job" SET "planOwner" = ${owner}, "planAttempts" = "planAttempts" + 1,
      "planLeaseExpiresAt" = ${expires}
    WHERE "id" = ${jobId} AND "status" = 'planning'
      AND ("planLeaseExpiresAt" IS NULL OR "planLeaseExpiresAt" < ${now})
    RETURNING "planAttempts", "plannedCount", "planCursor"`;
  const row = rows[0];
  if (!row) return null;
  return {
    jobId,
    owner,
    attempts: Number(row.planAttempts),
    planned: Number(row.plannedCount),
    cursor: jsonFromRaw(row.planCursor),
  };
}

/**
 * In `tx`: records `written` more items and the cursor after them, and renews the lease, only
 * while this planner still holds the job at the count it last wrote. Throws LostPlanError.
 */
export async function advancePlan(
  tx: Tx,
  lease: PlanLease,
  written: number,
  cursor: unknown,
  expires: Date,
): Promise<void> {
  const updated = await tx.$executeRaw`
    UPDATE "Job" SET "plannedCount" = "plannedCount" + ${written}, "planLeaseExpiresAt" = ${expires},
      "planCursor" = ${jsonParam(cursor)}
    WHERE ${fence(lease)}`;
  if (updated !== 1) throw new LostPlanError(lease);
  lease.planned += written;
  lease.cursor = cursor;
}

/** Planning is over: the job is queued with its exact item count (or completes with none). */
export async function finishPlan(tx: Tx, lease: PlanLease): Promise<void> {
  const updated = await tx.$executeRaw`
    UPDATE "Job" SET "status" = 'queued', "itemCount" = "plannedCount", "planOwner" = NULL,
      "planLeaseExpiresAt" = NULL, "planCursor" = NULL, "error" = NULL
    WHERE ${fence(lease)}`;
  if (updated !== 1) throw new LostPlanError(lease);
}

/** Lets another attempt (here or elsewhere) plan the job after `retryAt`. */
export async function releasePlan(lease: PlanLease, retryAt: Date, error: string): Promise<void> {
  await db().$executeRaw`
    UPDATE "Job" SET "planOwner" = NULL, "planLeaseExpiresAt" = ${retryAt}, "error" = ${error}
    WHERE ${fence(lease)}`;
}

const fence = (lease: PlanLease) => Prisma.sql`"id" = ${lease.jobId} AND "status" = 'planning'
  AND "planOwner" = ${lease.owner} AND "planAttempts" = ${lease.attempts} AND "plannedCount" = ${lease.planned}`;
