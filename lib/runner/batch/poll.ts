import "server-only";
import { db } from "../../db";
import type { BatchStatus } from "../../teacher";
import { finishJobIfDone } from "../completion";
import { describeFailure } from "../failure";
import {
  batchJob,
  POLL_MAX_MS,
  POLL_MIN_MS,
  released,
  takeSubmission,
  unheld,
  updateHeld,
  type BatchJob,
  type BatchRun,
  type Submission,
} from "./context";
import { ingestSubmission, type IngestOptions } from "./ingest";
import { settleAll } from "./settle";

const DUE_PER_CALL = 10;

/**
 * Submitted batches due for a look, and ended ones not ingested yet (a worker died half-way, or
 * reading the results failed): each is taken by one worker at a time, polled, and ingested once
 * the provider says it ended.
 */
export async function pollDue(run: BatchRun & IngestOptions): Promise<void> {
  const due = await db().batchSubmission.findMany({
    where: {
      status: { in: ["submitted", "ended"] },
      nextPollAt: { lte: run.now },
      ...unheld(run.now),
    },
    orderBy: { nextPollAt: "asc" },
    take: DUE_PER_CALL,
    select: { id: true, jobId: true, status: true, externalId: true, submittedAt: true },
  });
  for (const submission of due) {
    if (!(await takeSubmission(run, submission.id, submission.status))) continue;
    try {
      await advance(run, submission);
    } catch (error) {
      // Polling or reading results failed (network, provider trouble): try again in a while.
      const { message } = describeFailure(error, `batch ${submission.id} of job ${submission.jobId}`);
      await updateHeld(run, submission.id, {
        nextPollAt: new Date(run.now.getTime() + POLL_MAX_MS),
        error: message,
        ...released,
      });
    }
  }
}

async function advance(run: BatchRun & IngestOptions, submission: Submission & { status: string }) {
  const job = await batchJob(submission.jobId);
  if (!job || !submission.externalId) {
    await updateHeld(run, submission.id, {
      status: "failed",
      error: "The job or its batch id is gone.",
      ...released,
    });
    return;
  }
  const teacher = await run.teacherFor(job.settings.teacher.provider);
  const status = await teacher.poll(submission.externalId);
  if (status.state === "in_progress") {
    await updateHeld(run, submission.id, {
      nextPollAt: new Date(run.now.getTime() + pollDelayMs(submission.submittedAt, run.now)),
      error: null,
      ...released,
    });
    return;
  }
  if (status.state === "failed") return failWhole(run, submission, status, job);
  if (submission.status === "submitted") {
    await updateHeld(run, submission.id, {
      status: "ended",
      endedAt: run.now,
      outputFileId: status.outputFileId ?? null,
    });
  }
  await ingestSubmission(run, submission, status, job, teacher);
}

/** The provider refused the batch as a whole (OpenAI: the input failed validation). */
async function failWhole(run: BatchRun, submission: Submission, status: BatchStatus, job: BatchJob) {
  const message = `The provider failed the whole batch: ${status.error ?? "it gave no reason"}.`;
  await settleAll(submission.id, { retryable: false, message }, job.settings.maxAttempts, run.now);
  await updateHeld(run, submission.id, { status: "failed", error: message, endedAt: run.now, ...released });
  await finishJobIfDone(submission.jobId, run.now);
}

/** A quarter of the batch's age, between 5 s and a minute. */
export function pollDelayMs(submittedAt: Date | null, now: Date): number {
  const age = submittedAt ? now.getTime() - submittedAt.getTime() : 0;
  return Math.min(POLL_MAX_MS, Math.max(POLL_MIN_MS, Math.round(age / 4)));
}
