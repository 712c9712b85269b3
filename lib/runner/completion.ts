import "server-only";
import { db } from "../db/client";
import { ACTIVE_JOB_STATUSES } from "./schemas";

const OPEN = { in: ["pending", "running"] };

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
  const finished = await client.job.updateMany({
    where: { id: jobId, status: { in: [...ACTIVE_JOB_STATUSES] }, items: { none: { status: OPEN } } },
    data: {
      status: "completed",
      finishedAt: now,
      error: failed > 0 ? `${failed} of ${total} items failed` : null,
    },
  });
  if (finished.count === 0) return false;
  // A retry that committed while we were finishing put items back: reopen rather than strand them.
  if ((await client.jobItem.count({ where: { jobId, status: OPEN } })) > 0) {
    await client.job.updateMany({
      where: { id: jobId, status: "completed" },
      data: { status: "running", finishedAt: null, error: null },
    });
    return false;
  }
  return true;
}
