import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import type { Strike } from "./breaker";
import { ACTIVE_JOB_STATUSES } from "./schemas";

const ACTIVE = { in: [...ACTIVE_JOB_STATUSES] };

/**
 * Stops leasing a job's items until someone resumes it. Calls already in flight finish and are
 * stored; an attempt that fails while the job is paused is given back to its item.
 */
export async function pauseJob(jobId: string, actorId: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: jobId }, select: { status: true } });
    if (!job) throw new NotFoundError("Job", jobId);
    const actor = actorId
      ? await tx.user.findUnique({ where: { id: actorId }, select: { name: true } })
      : null;
    const paused = await tx.job.updateMany({
      where: { id: jobId, status: ACTIVE },
      data: {
        status: "paused",
        pauseReason: `Paused by ${actor?.name ?? "a curator"}. Resume the job to continue where it stopped.`,
      },
    });
    if (paused.count === 0)
      throw new ConflictError(`This job is ${job.status}; only a queued or running job can be paused.`);
    await recordAudit({ actorId, action: "job.paused", entityId: jobId, data: {} }, tx);
  });
}

/** Takes a paused job up again; items waiting for a retry are due at once. */
export async function resumeJob(jobId: string, actorId: string | null): Promise<void> {
  const now = new Date();
  await db().$transaction(async (tx) => {
    const job = await tx.job.findUnique({
      where: { id: jobId },
      select: { status: true, startedAt: true, pauseReason: true },
    });
    if (!job) throw new NotFoundError("Job", jobId);
    const resumed = await tx.job.updateMany({
      where: { id: jobId, status: "paused" },
      data: { status: job.startedAt ? "running" : "queued", pauseReason: null },
    });
    if (resumed.count === 0)
      throw new ConflictError(`This job is ${job.status}, not paused; there is nothing to resume.`);
    await tx.jobItem.updateMany({
      where: { jobId, status: "pending", availableAt: { gt: now } },
      data: { availableAt: now },
    });
    await recordAudit(
      {
        actorId,
        action: "job.resumed",
        entityId: jobId,
        data: { pauseReason: job.pauseReason },
      },
      tx,
    );
  });
}

/**
 * The worker's circuit breaker (or a limit no request can fit) pauses the job with the reason.
 * Returns false when the job was no longer queued or running.
 */
export async function pauseForProvider(jobId: string, reason: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const paused = await tx.job.updateMany({
      where: { id: jobId, status: ACTIVE },
      data: { status: "paused", pauseReason: reason },
    });
    if (paused.count === 0) return false;
    await recordAudit({ actorId: null, action: "job.paused", entityId: jobId, data: { reason } }, tx);
    return true;
  });
}

/**
 * Gives back the attempts that failed because the provider was down: each item left pending (or
 * failed, on its last attempt) is pending again with as many attempts fewer as it failed in the
 * streak, unless another attempt has started since (its attempts moved on).
 */
export async function restoreStrikes(strikes: Strike[], now: Date): Promise<void> {
  const byItem = new Map<string, { count: number; last: number }>();
  for (const { itemId, attempts } of strikes) {
    const entry = byItem.get(itemId) ?? { count: 0, last: 0 };
    byItem.set(itemId, { count: entry.count + 1, last: Math.max(entry.last, attempts) });
  }
  await db().$transaction(async (tx) => {
    for (const [id, { count, last }] of byItem) {
      await tx.jobItem.updateMany({
        where: { id, status: { in: ["pending", "failed"] }, attempts: last },
        data: { status: "pending", attempts: Math.max(0, last - count), availableAt: now, leaseOwner: null },
      });
    }
  });
}
