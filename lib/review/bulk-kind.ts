import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import type { JobKind } from "../runner";
import { NO_USAGE, registerKind } from "../runner";
import { applyBulk, bulkAuditEntry } from "./bulk-apply";
import type { ReviewPosition } from "./cursor";
import { ReviewBulkConfigSchema, type ReviewBulkConfig } from "./schemas";
import { selectPositions } from "./select";

const ITEMS_PER_STEP = 100;

const Position = z.object({ createdAt: z.coerce.date(), id: z.string() });
/** One item: the selection's traces after `after` (exclusive) through `through` (inclusive). */
const RangeSchema = z.object({ after: Position.nullable(), through: Position });
type Range = z.infer<typeof RangeSchema>;

/**
 * A bulk decision on a large selection, on the runner: planning walks the selection and cuts it
 * into ranges of `batch` traces (one item each); an item reads its range's traces as they match
 * the selection then, and decides them in the transaction that marks it done (exactly once,
 * under its lease). One at a time. The audit event is written when the job ends, with the count.
 */
export const reviewBulkKind = registerKind<JobKind<ReviewBulkConfig, string[]>>({
  name: "review-bulk",
  config: ReviewBulkConfigSchema,
  settings: () => ({ concurrency: 1, maxAttempts: 5, teacher: null, mode: "live" }),
  async *plan(config, from) {
    let after = from.cursor ? Position.parse(from.cursor) : null;
    for (;;) {
      const items: Array<{ payload: Range }> = [];
      let end = false;
      while (items.length < ITEMS_PER_STEP && !end) {
        const walked = await selectPositions(config.selection, {
          from: after,
          direction: "older",
          want: config.batch,
          deadline: Infinity,
        });
        const through = walked.hits.at(-1);
        if (through) items.push({ payload: { after, through } });
        end = walked.hits.length < config.batch;
        after = through ?? after;
      }
      if (items.length > 0) yield { items, cursor: after };
      if (end) return;
    }
  },
  async run(attempt) {
    return { result: await idsIn(attempt.config, RangeSchema.parse(attempt.row.payload)), usage: NO_USAGE };
  },
  async write(tx, done, config) {
    for (const { result } of done) await applyBulk(tx, result, config);
  },
  finished: audit,
});

/** The range's traces that match the selection now (it may have changed since planning). */
async function idsIn(config: ReviewBulkConfig, range: Range): Promise<string[]> {
  const ids: string[] = [];
  let from: ReviewPosition | null = range.after;
  for (;;) {
    const walked = await selectPositions(config.selection, {
      from,
      direction: "older",
      want: config.batch,
      until: range.through,
      deadline: Infinity,
    });
    ids.push(...walked.hits.map((h) => h.id));
    if (walked.hits.length < config.batch) return ids;
    from = walked.hits.at(-1)!;
  }
}

async function audit(tx: Tx, job: { id: string; status: string }, config: ReviewBulkConfig) {
  const count = await tx.reviewDecision.count({ where: { bulkActionId: config.bulkActionId } });
  await recordAudit(
    {
      actorId: config.actorId,
      ...bulkAuditEntry(config, config.selection, count, config.count, job.id, job.status === "completed"),
    },
    tx,
  );
}
