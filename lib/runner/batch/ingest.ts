import "server-only";
import { db } from "../../db";
import type { BatchResult, BatchStatus, BatchTeacher } from "../../teacher";
import { finishJobIfDone } from "../completion";
import { usageColumns } from "../item-outcome";
import type { Done, ItemRow, LeasedItem } from "../kind";
import {
  INGEST_GROUP,
  released,
  SUBMISSION_LEASE_MS,
  updateHeld,
  type BatchJob,
  type BatchRun,
  type Submission,
} from "./context";
import { batchItems } from "./submit";
import { settleFailure, settleUnreturned } from "./settle";

/** Test seams: a smaller group size, and a look after each stored group (a crash can be thrown there). */
export type IngestOptions = { groupSize?: number; afterGroup?: (stored: number) => void | Promise<void> };

/**
 * Stores an ended batch's results: each success becomes its trace (or prompts) and marks its item
 * done in a transaction fenced on the item still running in this batch, so ingesting the same
 * results again (after a crash half-way) writes nothing twice. Failures go back to pending or
 * fail; items the provider never returned go round again. Then the submission is "ingested".
 */
export async function ingestSubmission(
  run: BatchRun & IngestOptions,
  submission: Submission,
  status: BatchStatus,
  job: BatchJob,
  teacher: BatchTeacher,
): Promise<void> {
  const waiting = new Map((await batchItems(submission.id, submission.jobId)).map((w) => [w.item.id, w]));
  const size = run.groupSize ?? INGEST_GROUP;
  let group: Waiting[] = [];
  let stored = 0;
  const started = Date.now();
  const flush = async () => {
    stored += await storeGroup(run, submission.id, group, job);
    group = [];
    const elapsed = Date.now() - started;
    const held = await updateHeld(run, submission.id, {
      leaseExpiresAt: new Date(run.now.getTime() + elapsed + SUBMISSION_LEASE_MS),
    });
    if (!held) throw new Error(`batch ${submission.id}: another worker took over its ingestion`);
    await run.afterGroup?.(stored);
  };
  if (submission.externalId) {
    for await (const result of teacher.results(submission.externalId, status)) {
      const entry = waiting.get(result.customId);
      if (!entry) continue; // already stored, or not one of ours
      waiting.delete(result.customId);
      group.push({ ...entry, result });
      if (group.length >= size) await flush();
    }
  }
  if (group.length > 0) await flush();
  await settleUnreturned(submission.id, job.settings.maxAttempts, run.now);
  await updateHeld(run, submission.id, { status: "ingested", ingestedAt: run.now, error: null, ...released });
  await finishJobIfDone(submission.jobId, run.now);
}

type Waiting = { item: LeasedItem; row: ItemRow; result: BatchResult };

/** One group of results; returns how many items it completed. */
async function storeGroup(
  run: BatchRun,
  submissionId: string,
  group: Waiting[],
  job: BatchJob,
): Promise<number> {
  const { maxAttempts } = job.settings;
  const ready: Array<Done<unknown>> = [];
  for (const { item, row, result } of group) {
    if (!result.ok) {
      await settleFailure(submissionId, item, result.error, maxAttempts, run.now);
      continue;
    }
    try {
      ready.push({ item, ...job.kind.batch.outcome(item, row, job.config, result.completion) });
    } catch (error) {
      await settleFailure(submissionId, item, error, maxAttempts, run.now);
    }
  }
  if (ready.length === 0) return 0;
  return db().$transaction(
    async (tx) => {
      const claimed = new Set<string>();
      for (const done of ready) {
        // Fenced on the item still running in this batch: ingesting again writes nothing twice.
        const rows = await tx.$queryRaw<Array<{ id: string }>>`
          UPDATE "JobItem"
          SET "status" = 'done', "leaseExpiresAt" = NULL, "lastError" = NULL, "updatedAt" = ${run.now},
            "completedAt" = ${run.now}, "inputTokens" = ${usageColumns(done).inputTokens},
            "outputTokens" = ${usageColumns(done).outputTokens}, "costUsd" = ${usageColumns(done).costUsd}
          WHERE "status" = 'running' AND "batchId" = ${submissionId} AND "id" = ${done.item.id}
          RETURNING "id"`;
        if (rows.length > 0) claimed.add(done.item.id);
      }
      const ours = ready.filter((d) => claimed.has(d.item.id));
      if (ours.length > 0) await job.kind.write(tx, ours, job.config, run.now);
      return ours.length;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}
