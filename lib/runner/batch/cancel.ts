import "server-only";
import { db } from "../../db";
import { logError } from "../../log";
import { batchJob, released, takeSubmission, unheld, updateHeld, type BatchRun } from "./context";

/**
 * Open batches of jobs that were cancelled (or failed): cancelled at the provider, best effort,
 * and closed here with their items, so nothing of them is ingested later.
 */
export async function cancelStopped(run: BatchRun): Promise<void> {
  const open = await db().batchSubmission.findMany({
    where: {
      status: { in: ["preparing", "submitted", "ended"] },
      job: { status: { in: ["cancelled", "failed"] } },
      ...unheld(run.now),
    },
    select: { id: true, jobId: true, status: true, externalId: true },
    take: 20,
  });
  for (const submission of open) {
    if (!(await takeSubmission(run, submission.id, submission.status))) continue;
    if (submission.externalId && submission.status !== "ended") {
      try {
        const job = await batchJob(submission.jobId);
        if (job) await (await run.teacherFor(job.settings.teacher.provider)).cancel(submission.externalId);
      } catch (error) {
        logError(
          `cancelling batch ${submission.externalId} of job ${submission.jobId} at the provider`,
          error,
        );
      }
    }
    await db().jobItem.updateMany({
      where: { batchId: submission.id, status: { in: ["pending", "running"] } },
      data: { status: "cancelled", leaseExpiresAt: null },
    });
    await updateHeld(run, submission.id, { status: "cancelled", endedAt: run.now, ...released });
  }
}
