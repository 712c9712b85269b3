import "server-only";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors";
import { lockTrace, setReviewStatus } from "../traces";
import { activeReason } from "./reasons";
import {
  DecideSchema,
  RetractSchema,
  type Decision,
  type DecideInput,
  type RetractInput,
  type ReviewStatus,
} from "./schemas";

export type DecideResult = {
  traceId: string;
  status: ReviewStatus;
  version: number;
  decision: Decision | null;
};

/** The trace's status follows from all its decisions: unanimous one way, split, or none yet. */
export function statusFromDecisions(decisions: ReadonlyArray<{ decision: string }>): ReviewStatus {
  const approves = decisions.some((d) => d.decision === "approved");
  const rejects = decisions.some((d) => d.decision === "rejected");
  if (approves && rejects) return "conflict";
  if (approves) return "approved";
  if (rejects) return "rejected";
  return "pending";
}

/**
 * Records (or changes) one reviewer's decision, recomputes the trace's status and audits it, in one
 * transaction. `expectedVersion` guards against overwriting a decision changed in another tab.
 */
export async function decide(input: DecideInput, reviewerId: string): Promise<DecideResult> {
  const { traceId, decision, reasonId, reason, expectedVersion } = DecideSchema.parse(input);
  return db().$transaction(async (tx) => {
    // Concurrent decisions on one trace take turns, so the recomputed status sees every one.
    await lockTrace(tx, traceId);
    await refuseIfInOpenSession(tx, traceId);
    const mine = await myDecision(tx, traceId, reviewerId, expectedVersion);
    const rejected = decision === "rejected";
    const taxonomy = rejected && reasonId ? await activeReason(tx, reasonId) : null;
    const data = { decision, reasonId: taxonomy?.id ?? null, reason: (rejected && reason) || null };
    const saved = mine
      ? await tx.reviewDecision.update({
          where: { id: mine.id },
          data: { ...data, bulkActionId: null, version: mine.version + 1 },
        })
      : await tx.reviewDecision.create({ data: { ...data, traceId, reviewerId, version: 1 } });
    const status = await recomputeStatus(tx, traceId);
    await recordAudit(
      {
        actorId: reviewerId,
        action: "review.decided",
        entityId: traceId,
        data: {
          decision,
          reasonId: data.reasonId,
          reason: data.reason,
          version: saved.version,
          status,
          before: mine && { decision: mine.decision, reasonId: mine.reasonId, reason: mine.reason },
        },
      },
      tx,
    );
    return { traceId, status, version: saved.version, decision };
  });
}

/**
 * A trace an open session is deciding takes its status from the session's verdict: a decision
 * made beside the session would overwrite it (and skew its agreement), so it waits for the verdict.
 */
async function refuseIfInOpenSession(tx: Tx, traceId: string): Promise<void> {
  const open = await tx.reviewSessionItem.findFirst({
    where: { traceId, verdict: null, session: { status: { in: ["planning", "active"] } } },
    select: { session: { select: { name: true } } },
  });
  if (open)
    throw new ConflictError(
      `This trace is being reviewed in the session "${open.session.name}": decide it there, or once the session has its verdict.`,
    );
}

/** Takes back my decision entirely (undo of a first decision); the trace's status follows. */
export async function retractDecision(input: RetractInput, reviewerId: string): Promise<DecideResult> {
  const { traceId, expectedVersion } = RetractSchema.parse(input);
  return db().$transaction(async (tx) => {
    await lockTrace(tx, traceId);
    const mine = await myDecision(tx, traceId, reviewerId, expectedVersion);
    if (!mine) throw new InvalidInputError("You have no decision on this trace to take back.");
    await tx.reviewDecision.delete({ where: { id: mine.id } });
    const status = await recomputeStatus(tx, traceId);
    await recordAudit(
      {
        actorId: reviewerId,
        action: "review.retracted",
        entityId: traceId,
        data: {
          status,
          before: { decision: mine.decision, reasonId: mine.reasonId, reason: mine.reason },
          version: mine.version,
        },
      },
      tx,
    );
    return { traceId, status, version: 0, decision: null };
  });
}

async function myDecision(tx: Tx, traceId: string, reviewerId: string, expectedVersion: number | undefined) {
  const exists = await tx.trace.findUnique({ where: { id: traceId }, select: { id: true } });
  if (!exists) throw new NotFoundError("Trace", traceId);
  const mine = await tx.reviewDecision.findUnique({
    where: { traceId_reviewerId: { traceId, reviewerId } },
  });
  if (expectedVersion !== undefined && expectedVersion !== (mine?.version ?? 0)) {
    throw new ConflictError(
      "This decision changed since you loaded it (someone else, or another tab): it is shown as it is now; decide again.",
    );
  }
  return mine;
}

async function recomputeStatus(tx: Tx, traceId: string): Promise<ReviewStatus> {
  const all = await tx.reviewDecision.findMany({ where: { traceId }, select: { decision: true } });
  const status = statusFromDecisions(all);
  await setReviewStatus(tx, traceId, status);
  return status;
}
