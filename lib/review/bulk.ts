import "server-only";
import { recordAudit } from "../audit";
import { cuid, db, type Tx } from "../db";
import { ConflictError } from "../errors";
import { createJob } from "../runner";
import { applyBulk, bulkAuditEntry, type BulkAction } from "./bulk-apply";
import { reviewBulkKind } from "./bulk-kind";
import { activeReason } from "./reasons";
import {
  BULK_BATCH,
  BULK_INLINE_MAX,
  BulkDecideSchema,
  type BulkDecideInput,
  type BulkDecideResult,
  type ReviewBulkConfig,
  type TraceSelection,
} from "./schemas";
import { countExactly, selectionBatches } from "./select";

const TX = { maxWait: 30_000, timeout: 60_000 };
const plural = (n: number) => `${n.toLocaleString("en-US")} trace${n === 1 ? "" : "s"}`;

/**
 * Approves or rejects every trace of a selection as `actorId`, who confirmed `expectedCount`:
 * the selection is counted again and the action refused if it no longer holds exactly that many.
 * Up to BULK_INLINE_MAX traces are decided now, BULK_BATCH per transaction; more become a runner
 * job that works through them batch by batch. Either way one audit event records the action,
 * and every decision it writes carries that event's bulkActionId.
 */
export async function bulkDecide(
  input: BulkDecideInput,
  actorId: string,
  options: { inlineMax?: number; batch?: number } = {},
): Promise<BulkDecideResult> {
  const { selection, decision, reasonId, note, expectedCount } = BulkDecideSchema.parse(input);
  const inlineMax = options.inlineMax ?? BULK_INLINE_MAX;
  const batch = options.batch ?? BULK_BATCH;
  const action: BulkAction = {
    bulkActionId: cuid(),
    actorId,
    decision,
    ...(decision === "rejected" ? await reasonOf(reasonId!, note) : { reasonId: null, reason: note || null }),
  };
  const ids: string[] = [];
  for await (const page of selectionBatches(selection, batch)) {
    ids.push(...page);
    if (ids.length > inlineMax) break;
  }
  if (ids.length <= inlineMax) {
    refuseIfChanged(ids.length, expectedCount);
    const count = await decideNow(ids, action, selection, batch);
    return { bulkActionId: action.bulkActionId, count, jobId: null };
  }
  const count = await countExactly(selection);
  refuseIfChanged(count, expectedCount);
  const config: ReviewBulkConfig = { kind: "review-bulk", ...action, selection, count, batch };
  const verb = decision === "approved" ? "Approve" : "Reject";
  const name = `${verb} ${plural(count)}`;
  const jobId = await createJob({
    kind: reviewBulkKind,
    name,
    config,
    expectedItems: Math.ceil(count / batch),
    actorId,
    audit: { name, itemCount: Math.ceil(count / batch), kind: "review-bulk" },
  });
  return { bulkActionId: action.bulkActionId, count, jobId };
}

function refuseIfChanged(count: number, expected: number) {
  if (count !== expected)
    throw new ConflictError(
      `The selection changed since you confirmed it: it now holds ${plural(count)}, not ${expected.toLocaleString("en-US")}. ` +
        "Check the list and confirm again.",
    );
}

/** A taxonomy reason still offered; the decision's text is its label, with the note after it. */
async function reasonOf(reasonId: string, note: string | undefined) {
  const reason = await activeReason(db(), reasonId);
  return { reasonId, reason: note ? `${reason.label}: ${note}` : reason.label };
}

/** Small selections: in this request, a transaction per batch; the audit event with the last. */
async function decideNow(
  ids: string[],
  action: BulkAction,
  selection: TraceSelection,
  batch: number,
): Promise<number> {
  const audit = (count: number, complete: boolean, tx?: Tx) =>
    recordAudit(
      { actorId: action.actorId, ...bulkAuditEntry(action, selection, count, ids.length, null, complete) },
      tx,
    );
  let done = 0;
  try {
    for (let start = 0; start < ids.length; start += batch) {
      const last = start + batch >= ids.length;
      done += await db().$transaction(async (tx) => {
        const decided = await applyBulk(tx, ids.slice(start, start + batch), action);
        if (last) await audit(done + decided, true, tx);
        return decided;
      }, TX);
    }
  } catch (error) {
    // The batches before this one stand: the log says how far it got.
    if (done > 0) await audit(done, false).catch(() => undefined);
    throw error;
  }
  return done;
}
