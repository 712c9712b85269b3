import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors";
import { announceJobCancelled } from "./cancel-signal";
import { runFinished } from "./completion";
import { kindNamed } from "./registry";

// A paused job can be cancelled, and its failed items put back (it stays paused).
const OPEN_JOB = { in: ["queued", "running", "paused"] };
// A job being planned can be cancelled too: its planner's next batch is then refused.
const CANCELLABLE = { in: ["planning", ...OPEN_JOB.in] };
const TX = { maxWait: 30_000, timeout: 60_000 };

/**
 * Stops a job: it and its unfinished items become cancelled in one transaction, so a worker still
 * holding a lease can no longer store a trace (its write is guarded by the item's status).
 * Workers in this process abort their calls at once; others notice on their next poll.
 */
export async function cancelJob(jobId: string, actorId: string | null): Promise<{ cancelledItems: number }> {
  const now = new Date();
  const cancelledItems = await db().$transaction(async (tx) => {
    const job = await tx.job.findUnique({
      where: { id: jobId },
      select: { status: true, kind: true, config: true },
    });
    if (!job) throw new NotFoundError("Job", jobId);
    const kind = kindNamed(job.kind);
    const config = kind?.config.safeParse(job.config);
    const refused =
      kind?.refuseCancel && config?.success ? await kind.refuseCancel(tx, jobId, config.data) : null;
    if (refused) throw new ConflictError(refused);
    const stopped = await tx.job.updateMany({
      where: { id: jobId, status: CANCELLABLE },
      data: { status: "cancelled", finishedAt: now, planOwner: null, planLeaseExpiresAt: null },
    });
    if (stopped.count === 0)
      throw new ConflictError(`This job is already ${job.status}; there is nothing to cancel.`);
    const items = await tx.jobItem.updateMany({
      where: { jobId, status: { in: ["pending", "running"] } },
      data: { status: "cancelled", leaseExpiresAt: null },
    });
    await recordAudit(
      {
        actorId,
        action: "job.cancelled",
        entityId: jobId,
        data: { cancelledItems: items.count },
      },
      tx,
    );
    await runFinished(tx, jobId, { status: "cancelled", error: null });
    return items.count;
  }, TX);
  announceJobCancelled(jobId);
  return { cancelledItems };
}

/** Puts failed items back in the queue with fresh attempts; a completed job runs again. */
export async function retryFailedItems(jobId: string, actorId: string | null): Promise<{ retried: number }> {
  const now = new Date();
  const retried = await db().$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { id: jobId }, select: { status: true } });
    if (!job) throw new NotFoundError("Job", jobId);
    // The job row is updated first: that orders this against a cancel or a worker finishing the job.
    await tx.job.updateMany({
      where: { id: jobId, status: "completed" },
      data: { status: "queued", finishedAt: null, error: null },
    });
    const open = await tx.job.updateMany({ where: { id: jobId, status: OPEN_JOB }, data: { error: null } });
    if (open.count === 0) {
      throw new ConflictError(`This job is ${job.status}; launch a new job to try its prompts again.`);
    }
    const items = await tx.jobItem.updateMany({
      where: { jobId, status: "failed" },
      data: {
        status: "pending",
        attempts: 0,
        rateLimited: 0,
        availableAt: now,
        lastError: null,
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    if (items.count === 0) throw new InvalidInputError("This job has no failed items to retry.");
    await recordAudit(
      {
        actorId,
        action: "job.retried-failed",
        entityId: jobId,
        data: { items: items.count },
      },
      tx,
    );
    return items.count;
  });
  return { retried };
}
