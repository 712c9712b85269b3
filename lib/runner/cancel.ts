import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors";
import { cancelOpenItems, cancelRestInBackground } from "./cancel-items";
import { announceJobCancelled } from "./cancel-signal";
import { runFinished } from "./completion";
import { kindNamed } from "./registry";

// A paused job can be cancelled, and its failed items put back (it stays paused).
const OPEN_JOB = { in: ["queued", "running", "paused"] };
// A job being planned can be cancelled too: its planner's next batch is then refused.
const CANCELLABLE = { in: ["planning", ...OPEN_JOB.in] };
const TX = { maxWait: 30_000, timeout: 60_000 };

// How long a cancel request spends on the items itself; a bigger job's rest goes on in the background.
const IN_REQUEST_MS = 2_000;

export type CancelResult = {
  /** The job's items that were still open (pending or running) when it was cancelled. */
  cancelledItems: number;
  /** True while some of them are still being marked cancelled, in the background. */
  finishing: boolean;
};

/**
 * Stops a job. First, in one short transaction, the job becomes cancelled (workers stop leasing
 * its items, and this process's calls are aborted at once; other processes notice on their next
 * poll), then its open items are cancelled in batches of short writes: here for up to two seconds,
 * the rest in the background (and, should this process stop first, by the next worker's sweep).
 * A call still running when its item is cancelled cannot store its result: its write is guarded
 * by the item's status.
 */
export async function cancelJob(
  jobId: string,
  actorId: string | null,
  options: { inRequestMs?: number } = {},
): Promise<CancelResult> {
  const now = new Date();
  const deadline = performance.now() + (options.inRequestMs ?? IN_REQUEST_MS);
  const open = await db().$transaction(async (tx) => {
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
    // The (jobId, status, ordinal) index counts them without reading the items.
    const count = await tx.jobItem.count({ where: { jobId, status: { in: ["pending", "running"] } } });
    await recordAudit(
      { actorId, action: "job.cancelled", entityId: jobId, data: { cancelledItems: count } },
      tx,
    );
    await runFinished(tx, jobId, { status: "cancelled", error: null });
    return count;
  }, TX);
  announceJobCancelled(jobId);
  const here = await cancelOpenItems(jobId, deadline);
  if (!here.done) void cancelRestInBackground(jobId);
  return { cancelledItems: open, finishing: !here.done };
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
