import "server-only";
import { db } from "../../db";
import { logError } from "../../log";
import type { BatchTeacher } from "../../teacher";
import { finishJobIfDone } from "../completion";
import { ACTIVE_JOB_STATUSES } from "../schemas";
import { cancelStopped } from "./cancel";
import {
  asBatchJob,
  frozenBatchTeacher,
  takeSubmission,
  type BatchJob,
  type BatchRun,
  type Provider,
} from "./context";
import type { IngestOptions } from "./ingest";
import { pollDue } from "./poll";
import { prepareSubmission, sendSubmission } from "./submit";

export { MAX_BATCH_REQUESTS } from "./context";
export { listBatchSubmissions, type BatchSubmissionView } from "./queries";

export type AdvanceOptions = {
  workerId: string;
  now: Date;
  /** Builds the batch client for a job's frozen provider (tests pass their own). */
  teacherFor?: (provider: Provider) => Promise<BatchTeacher>;
} & IngestOptions;

const ACTIVE = [...ACTIVE_JOB_STATUSES];

/**
 * Moves batch-mode jobs forward: cancels the open batches of stopped jobs, submits pending items
 * as provider batches, polls submitted ones and ingests ended ones. Called by every worker on each
 * poll; a lease on each submission keeps one worker on it at a time, and results are stored
 * fenced on their item, so the live path's exactly-once guarantee holds here too.
 */
export async function advanceBatches(options: AdvanceOptions): Promise<void> {
  const run: BatchRun & IngestOptions = { ...options, teacherFor: options.teacherFor ?? frozenBatchTeacher };
  for (const [name, step] of [
    ["cancel", cancelStopped],
    ["submit", submitDue],
    ["poll", pollDue],
  ] as const) {
    try {
      await step(run);
    } catch (error) {
      logError(`worker ${run.workerId}: batch ${name}`, error);
    }
  }
}

async function submitDue(run: BatchRun): Promise<void> {
  const jobs = await db().job.findMany({
    where: { status: { in: ACTIVE }, mode: "batch" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, status: true, startedAt: true, config: true },
  });
  for (const job of jobs) {
    // The live worker reports unreadable configs; kinds unknown here are left to others.
    const batch = asBatchJob(job.id, job);
    if (!batch || batch.settings.mode !== "batch") continue;
    try {
      if (job.status === "queued") {
        await db().job.updateMany({
          where: { id: job.id, status: "queued" },
          data: { status: "running", startedAt: job.startedAt ?? run.now },
        });
      }
      await resubmitStale(run, batch);
      if (!(await hasDueItems(job.id, run.now))) {
        await finishJobIfDone(job.id, run.now);
        continue;
      }
      const submissionId = await prepareSubmission(run, job.id);
      if (submissionId) await sendSubmission(run, submissionId, batch);
    } catch (error) {
      logError(`worker ${run.workerId}: submitting a batch of job ${job.id}`, error);
    }
  }
}

/** A worker died while sending these (no batch id stored, lease run out): send them again. */
async function resubmitStale(run: BatchRun, job: BatchJob) {
  const stale = await db().batchSubmission.findMany({
    where: { jobId: job.id, status: "preparing", externalId: null, leaseExpiresAt: { lt: run.now } },
    select: { id: true },
  });
  for (const { id } of stale) {
    if (await takeSubmission(run, id, "preparing")) await sendSubmission(run, id, job);
  }
}

async function hasDueItems(jobId: string, now: Date): Promise<boolean> {
  const item = await db().jobItem.findFirst({
    where: { jobId, status: "pending", availableAt: { lte: now } },
    select: { id: true },
  });
  return item !== null;
}
