import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import { ConflictError } from "../errors";
import { lockTrace, setReviewStatus } from "../traces";
import { DecideSchema, type DecideInput, type ReviewStatus } from "./schemas";

export type DecideResult = { traceId: string; status: ReviewStatus; version: number };

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
  const { traceId, decision, reason, expectedVersion } = DecideSchema.parse(input);
  return db().$transaction(async (tx) => {
    // Concurrent decisions on one trace take turns, so the recomputed status sees every one.
    await lockTrace(tx, traceId);
    const mine = await tx.reviewDecision.findUnique({
      where: { traceId_reviewerId: { traceId, reviewerId } },
    });
    if (expectedVersion !== undefined && expectedVersion !== (mine?.version ?? 0)) {
      throw new ConflictError(
        "This decision changed since you loaded it (someone else, or another tab): reload the page and decide again.",
      );
    }
    const data = { decision, reason: reason || null };
    const saved = mine
      ? await tx.reviewDecision.update({
          where: { id: mine.id },
          data: { ...data, version: mine.version + 1 },
        })
      : await tx.reviewDecision.create({ data: { ...data, traceId, reviewerId, version: 1 } });
    const all = await tx.reviewDecision.findMany({ where: { traceId }, select: { decision: true } });
    const status = statusFromDecisions(all);
    await setReviewStatus(tx, traceId, status);
    await recordAudit(
      {
        actorId: reviewerId,
        action: "review.decided",
        entityId: traceId,
        data: { decision, reason: data.reason, version: saved.version, status },
      },
      tx,
    );
    return { traceId, status, version: saved.version };
  });
}
