import "server-only";
import { db, dbKind, Prisma } from "../../db";
import { logError } from "../../log";
import type { BatchRequest, BatchTeacher } from "../../teacher";
import { pauseAtOnceReason } from "../breaker";
import { describeFailure, retryDelayMs, type Failure } from "../failure";
import type { ItemRow, LeasedItem } from "../kind";
import { pauseForProvider } from "../pause";
import {
  MAX_BATCH_REQUESTS,
  POLL_MIN_MS,
  released,
  SUBMISSION_LEASE_MS,
  updateHeld,
  type BatchJob,
  type BatchRun,
} from "./context";
import { giveBackSubmission, settleAll, settleFailure } from "./settle";

/**
 * Attaches up to MAX_BATCH_REQUESTS due pending items of the job to a new "preparing"
 * submission held by this worker, in one transaction (none: no submission). Items become
 * running in the batch, their lease owner the submission, with no lease expiry so the live
 * path never takes them.
 */
export async function prepareSubmission(run: BatchRun, jobId: string): Promise<string | null> {
  const { now, workerId } = run;
  const skipLocked = dbKind() === "postgres" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  return db().$transaction(async (tx) => {
    const submission = await tx.batchSubmission.create({
      data: {
        jobId,
        status: "preparing",
        requestCount: 0,
        leaseOwner: workerId,
        leaseExpiresAt: new Date(now.getTime() + SUBMISSION_LEASE_MS),
      },
    });
    const claimed = await tx.$executeRaw`
      UPDATE "JobItem"
      SET "status" = 'running', "batchId" = ${submission.id}, "leaseOwner" = ${submission.id},
          "leaseExpiresAt" = NULL, "attempts" = "attempts" + 1, "updatedAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "JobItem"
        WHERE "jobId" = ${jobId} AND "status" = 'pending' AND "availableAt" <= ${now}
        ORDER BY "ordinal"
        LIMIT ${MAX_BATCH_REQUESTS}
        ${skipLocked}
      )`;
    if (claimed === 0) {
      await tx.batchSubmission.delete({ where: { id: submission.id } });
      return null;
    }
    await tx.batchSubmission.update({ where: { id: submission.id }, data: { requestCount: claimed } });
    return submission.id;
  });
}

/**
 * Builds the requests of a held "preparing" submission exactly as the live path would and sends
 * them. The provider's batch id is stored right after it answers; a crash in between leaves a
 * "preparing" submission that is sent again once its lease expires (the first batch is then
 * orphaned at the provider: paid for, never ingested; duplicates are impossible because results
 * are stored by item id, once).
 */
export async function sendSubmission(run: BatchRun, submissionId: string, job: BatchJob) {
  const jobId = job.id;
  const { maxAttempts } = job.settings;
  const requests: BatchRequest[] = [];
  for (const { item, row } of await batchItems(submissionId, jobId)) {
    try {
      requests.push({ customId: item.id, request: job.kind.batch.request(item, row, job.config) });
    } catch (error) {
      await settleFailure(submissionId, item, error, maxAttempts, run.now);
    }
  }
  if (requests.length === 0) {
    await updateHeld(run, submissionId, {
      status: "failed",
      error: "No request could be built.",
      ...released,
    });
    return;
  }
  let sent: { externalId: string; inputFileId?: string };
  let teacher: BatchTeacher;
  try {
    teacher = await run.teacherFor(job.settings.teacher.provider);
  } catch (error) {
    const described = describeFailure(error, `building the batch client of job ${jobId}`);
    const message = `The teacher could not be set up: ${described.message}`;
    await submissionRefused(
      run,
      { id: submissionId, jobId },
      { message, retryable: false, code: "setup" },
      maxAttempts,
    );
    return;
  }
  try {
    sent = await teacher.submit(requests);
  } catch (error) {
    const failure = describeFailure(error, `submitting batch ${submissionId} of job ${jobId}`);
    await submissionRefused(run, { id: submissionId, jobId }, failure, maxAttempts);
    return;
  }
  const stored = await updateHeld(run, submissionId, {
    status: "submitted",
    externalId: sent.externalId,
    inputFileId: sent.inputFileId ?? null,
    requestCount: requests.length,
    submittedAt: run.now,
    nextPollAt: new Date(run.now.getTime() + POLL_MIN_MS),
    error: null,
    ...released,
  });
  if (!stored) {
    // Another worker took the submission over meanwhile: this copy would never be ingested.
    logError(`batch ${submissionId}: lost the submission while sending it`, sent.externalId);
    await run
      .teacherFor(job.settings.teacher.provider)
      .then((t) => t.cancel(sent.externalId))
      .catch(() => undefined);
  }
}

/** The items of a submission still waiting for their result, as lease-fenced items with their rows. */
export async function batchItems(
  submissionId: string,
  jobId: string,
): Promise<Array<{ item: LeasedItem; row: ItemRow }>> {
  const rows = await db().jobItem.findMany({
    where: { batchId: submissionId, status: "running" },
    select: {
      id: true,
      ordinal: true,
      promptId: true,
      systemMessageVersionId: true,
      attempts: true,
      sampleIndex: true,
      payload: true,
      prompt: { select: { id: true, text: true, category: true } },
    },
    orderBy: { ordinal: "asc" },
  });
  return rows.map(({ sampleIndex, payload, prompt, ...item }) => ({
    item: { ...item, jobId, owner: submissionId },
    row: { sampleIndex, payload, prompt },
  }));
}

/** Submissions refused in a row (provider down) before the job pauses instead of trying again. */
export const SUBMIT_STREAK = 3;

/**
 * The provider did not take the batch. Nothing reached it, so the items' attempt is given back:
 * a provider-wide refusal (key, permission, no batch API, no credit) pauses the job at once, a
 * passing one (429, 5xx, network) retries later with backoff and pauses the job after
 * SUBMIT_STREAK in a row; anything else (the provider rejected the requests themselves) is the
 * items' failure, counted as usual.
 */
async function submissionRefused(
  run: BatchRun,
  submission: { id: string; jobId: string },
  failure: Failure,
  maxAttempts: number,
) {
  const atOnce = pauseAtOnceReason(failure);
  if (!atOnce && !failure.retryable) {
    await settleAll(submission.id, failure, maxAttempts, run.now);
    await updateHeld(run, submission.id, { status: "failed", error: failure.message, ...released });
    return;
  }
  // Items first: a crash before the submission is marked leaves it "preparing", sent again later.
  const streak = 1 + (await refusedInARow(submission.jobId, submission.id));
  const delay = retryDelayMs(streak, failure.retryAfterMs);
  await giveBackSubmission(submission.id, new Date(run.now.getTime() + delay), failure.message);
  await updateHeld(run, submission.id, { status: "failed", error: failure.message, ...released });
  const reason =
    atOnce ??
    (streak >= SUBMIT_STREAK
      ? `Paused after ${streak} batch submissions in a row were refused; the last error: ${failure.message} ` +
        "Check that the teacher is reachable (Teachers page, Test connection), then resume the job. " +
        "No item lost an attempt."
      : null);
  if (reason) await pauseForProvider(submission.jobId, reason);
}

/** The job's latest submissions (but `current`) that failed, counted back to the last one the provider took. */
async function refusedInARow(jobId: string, current: string): Promise<number> {
  const latest = await db().batchSubmission.findMany({
    where: { jobId, id: { not: current } },
    orderBy: { createdAt: "desc" },
    take: SUBMIT_STREAK + 1,
    select: { status: true, externalId: true },
  });
  const firstAccepted = latest.findIndex((s) => s.status !== "failed" || s.externalId !== null);
  return firstAccepted === -1 ? latest.length : firstAccepted;
}
