import "server-only";
import { db, type Tx } from "../db";
import { cancelOpenItems } from "./cancel-items";
import { kindNamed } from "./registry";
import { ACTIVE_JOB_STATUSES } from "./schemas";

const OPEN = { in: ["pending", "running"] };
const TX = { maxWait: 30_000, timeout: 60_000 };

/**
 * Marks a job completed once none of its items is pending or running, with a summary of the
 * failures. The first check stops at one open item, so it costs the same at any job size; the
 * counts run once, when the job is done. Returns true when this call finished the job.
 */
export async function finishJobIfDone(jobId: string, now: Date): Promise<boolean> {
  const client = db();
  const open = await client.jobItem.findFirst({ where: { jobId, status: OPEN }, select: { id: true } });
  if (open) return false;
  const [failed, total] = await Promise.all([
    client.jobItem.count({ where: { jobId, status: "failed" } }),
    client.jobItem.count({ where: { jobId } }),
  ]);
  const error = failed > 0 ? `${failed} of ${total} items failed` : null;
  return client.$transaction(async (tx) => {
    const finished = await tx.job.updateMany({
      where: { id: jobId, status: { in: [...ACTIVE_JOB_STATUSES] }, items: { none: { status: OPEN } } },
      data: { status: "completed", finishedAt: now, error },
    });
    if (finished.count === 0) return false;
    // A retry that committed while we were finishing put items back: reopen rather than strand them.
    if ((await tx.jobItem.count({ where: { jobId, status: OPEN } })) > 0) {
      await tx.job.updateMany({
        where: { id: jobId, status: "completed" },
        data: { status: "running", finishedAt: null, error: null },
      });
      return false;
    }
    await runFinished(tx, jobId, { status: "completed", error });
    return true;
  }, TX);
}

/**
 * Ends a job as failed with the reason (planning failed, say); its open items are then cancelled
 * in batches (a worker's sweep finishes them should this process stop first).
 */
export async function failJob(jobId: string, error: string, now = new Date()): Promise<boolean> {
  const failed = await db().$transaction(async (tx) => {
    const ended = await tx.job.updateMany({
      where: { id: jobId, status: { in: ["planning", "queued", "running", "paused"] } },
      data: { status: "failed", finishedAt: now, error, planOwner: null, planLeaseExpiresAt: null },
    });
    if (ended.count === 0) return false;
    await runFinished(tx, jobId, { status: "failed", error });
    return true;
  }, TX);
  if (failed) await cancelOpenItems(jobId);
  return failed;
}

/** The kind's `finished` hook, in the transaction that gave the job its final status. */
export async function runFinished(
  tx: Tx,
  jobId: string,
  outcome: { status: string; error: string | null },
): Promise<void> {
  const row = await tx.job.findUnique({ where: { id: jobId }, select: { kind: true } });
  const kind = row ? kindNamed(row.kind) : undefined;
  if (!kind?.finished) return;
  const job = await tx.job.findUniqueOrThrow({ where: { id: jobId }, select: { config: true } });
  const config = kind.config.safeParse(job.config);
  if (config.success) await kind.finished(tx, { id: jobId, ...outcome }, config.data);
}
