import "server-only";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { logInfo } from "../log";
import type { JobKind } from "../runner";
import { NO_USAGE, registerKind } from "../runner";
import { SetDeletionConfigSchema, type SetDeletionConfig } from "./schemas";

const PLAN_STEP = 500;

/**
 * A big prompt set's deletion on the runner: one item per batch of prompts, each deleted in the
 * transaction that marks its item done (exactly once, under its lease: a worker that dies
 * mid-way is followed by the next one), one at a time; the set itself (and its import history)
 * goes when the job completes. The job page shows how far it got. Cancelling stops it: the set
 * keeps the prompts not yet deleted.
 */
export const setDeletionKind = registerKind<JobKind<SetDeletionConfig, null>>({
  name: "prompt-set-deletion",
  config: SetDeletionConfigSchema,
  settings: () => ({ concurrency: 1, maxAttempts: 5, teacher: null, mode: "live" }),
  async *plan(config, from) {
    const total = Math.max(1, Math.ceil(config.prompts / config.batch));
    for (let start = from.planned; start < total; start += PLAN_STEP) {
      const end = Math.min(total, start + PLAN_STEP);
      yield { items: Array.from({ length: end - start }, () => ({ payload: null })), cursor: end };
    }
  },
  run: async () => ({ result: null, usage: NO_USAGE }),
  async write(tx, done, config) {
    for (let i = 0; i < done.length; i++) await deletePromptBatch(tx, config.promptSet.id, config.batch);
  },
  finished: removeSet,
});

/** Once every batch is gone: the set, with anything left in it (nothing, normally). */
async function removeSet(
  tx: Tx,
  job: { id: string; status: string; error: string | null },
  config: SetDeletionConfig,
) {
  if (job.status !== "completed") return;
  const { id, name } = config.promptSet;
  if (job.error) return logInfo(`job ${job.id}: "${name}" kept, some of its batches failed (${job.error})`);
  // A launch that slipped in beside the deletion's start holds the set: it stays (the job says so).
  if ((await tx.job.count({ where: { promptSetId: id } })) > 0)
    return logInfo(`job ${job.id}: "${name}" kept, a job was launched from it meanwhile`);
  const removed = await tx.promptSet.deleteMany({ where: { id } });
  if (removed.count === 0) return;
  const { createdById } = await tx.job.findUniqueOrThrow({
    where: { id: job.id },
    select: { createdById: true },
  });
  await recordAudit(
    {
      actorId: createdById,
      action: "prompt-set.deleted",
      entityId: id,
      data: { name, prompts: config.prompts },
    },
    tx,
  );
}

/** One step of a deletion: up to `batch` of the set's prompts, by primary key. */
export async function deletePromptBatch(tx: Tx, promptSetId: string, batch: number): Promise<number> {
  const page = await tx.prompt.findMany({ where: { promptSetId }, select: { id: true }, take: batch });
  if (page.length === 0) return 0;
  const deleted = await tx.prompt.deleteMany({ where: { id: { in: page.map((p) => p.id) } } });
  return deleted.count;
}
