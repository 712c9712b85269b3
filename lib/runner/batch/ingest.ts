import "server-only";
import { db, Prisma } from "../../db/client";
import type { BatchResult, BatchStatus, BatchTeacher, Completion } from "../../teacher/types";
import { finishJobIfDone } from "../completion";
import { itemUsage } from "../../generation/item-usage";
import { planCall } from "../../generation/execute";
import type { ItemResult } from "../../generation/types";
import { writeResult } from "../../generation/write";
import type { LeasedItem } from "../lease";
import type { JobConfig } from "../../generation/schemas";
import {
  INGEST_GROUP,
  released,
  SUBMISSION_LEASE_MS,
  updateHeld,
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
  config: JobConfig,
  teacher: BatchTeacher,
): Promise<void> {
  const waiting = new Map((await batchItems(submission.id, submission.jobId)).map((i) => [i.id, i]));
  const size = run.groupSize ?? INGEST_GROUP;
  let group: Array<{ item: LeasedItem; result: BatchResult }> = [];
  let stored = 0;
  const started = Date.now();
  const flush = async () => {
    stored += await storeGroup(run, submission.id, group, config);
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
      const item = waiting.get(result.customId);
      if (!item) continue; // already stored, or not one of ours
      waiting.delete(result.customId);
      group.push({ item, result });
      if (group.length >= size) await flush();
    }
  }
  if (group.length > 0) await flush();
  await settleUnreturned(submission.id, config, run.now);
  await updateHeld(run, submission.id, { status: "ingested", ingestedAt: run.now, error: null, ...released });
  await finishJobIfDone(submission.jobId, run.now);
}

type Stored = { item: LeasedItem; result: ItemResult };

/** One group of results; returns how many items it completed. */
async function storeGroup(
  run: BatchRun,
  submissionId: string,
  group: Array<{ item: LeasedItem; result: BatchResult }>,
  config: JobConfig,
): Promise<number> {
  const ready: Stored[] = [];
  for (const { item, result } of group) {
    if (!result.ok) {
      await settleFailure(submissionId, item, result.error, config, run.now);
      continue;
    }
    try {
      ready.push({ item, result: await asItemResult(item, config, result.completion) });
    } catch (error) {
      await settleFailure(submissionId, item, error, config, run.now);
    }
  }
  if (ready.length === 0) return 0;
  return db().$transaction(
    async (tx) => {
      const ids = ready.map((r) => r.item.id);
      const claimed = new Set(
        (
          await tx.$queryRaw<Array<{ id: string }>>`
            UPDATE "JobItem"
            SET "status" = 'done', "leaseExpiresAt" = NULL, "lastError" = NULL, "updatedAt" = ${run.now}
            WHERE "status" = 'running' AND "batchId" = ${submissionId} AND "id" IN (${Prisma.join(ids)})
            RETURNING "id"`
        ).map((r) => r.id),
      );
      // A trace already there means an earlier ingestion stored it: the item is done, nothing more.
      const existing = new Set(
        (await tx.trace.findMany({ where: { itemId: { in: [...claimed] } }, select: { itemId: true } })).map(
          (t) => t.itemId,
        ),
      );
      let written = 0;
      for (const { item, result } of ready) {
        if (!claimed.has(item.id) || existing.has(item.id)) continue;
        await writeResult(tx, item, result, config);
        const usage = itemUsage(result, config);
        await tx.jobItem.update({ where: { id: item.id }, data: { ...usage, completedAt: run.now } });
        if (result.kind === "trace") {
          await tx.trace.update({
            where: { itemId: item.id },
            data: { requestMode: "batch", costUsd: usage.costUsd },
          });
        }
        written++;
      }
      return written;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

/** What the live path would make of this completion (trace, or synthesized prompts). */
async function asItemResult(
  item: LeasedItem,
  config: JobConfig,
  completion: Completion,
): Promise<ItemResult> {
  const call = await planCall(item, config);
  return call.toResult(completion);
}
