import "server-only";
import { cuid, defineTable, insertRows, type ColumnType, type NewRow, type Prisma, type Tx } from "../db";
import { lockTraces, setReviewStatuses } from "../traces";
import { statusFromDecisions } from "./decide";
import type { Decision, ReviewStatus, TraceSelection } from "./schemas";

/** One bulk action's decision, as each of its traces gets it. */
export type BulkAction = {
  bulkActionId: string;
  actorId: string;
  decision: Decision;
  reasonId: string | null;
  reason: string | null;
};

type NewDecision = NewRow<Prisma.ReviewDecisionUncheckedCreateInput, Prisma.ReviewDecisionScalarFieldEnum>;

const DECISIONS = defineTable<NewDecision>({
  table: "ReviewDecision",
  columns: {
    id: "text",
    traceId: "text",
    reviewerId: "text",
    decision: "text",
    reasonId: "text",
    reason: "text",
    bulkActionId: "text",
    version: "int",
    createdAt: "date",
    updatedAt: "date",
  } satisfies Record<Prisma.ReviewDecisionScalarFieldEnum, ColumnType>,
  // As prisma/schema.prisma's @default for ReviewDecision (updatedAt is @updatedAt: always given).
  defaults: { id: cuid, version: () => 1, createdAt: () => new Date(), updatedAt: () => new Date() },
});

/**
 * In the caller's transaction: records (or overwrites, a version up) the actor's decision on each
 * of these traces and recomputes each one's status from all its decisions, as decide() does for
 * one. Traces deleted meanwhile are skipped. Returns how many were decided.
 */
export async function applyBulk(tx: Tx, traceIds: readonly string[], action: BulkAction): Promise<number> {
  const ids = await lockTraces(tx, traceIds);
  if (ids.length === 0) return 0;
  const now = new Date();
  const data = {
    decision: action.decision,
    reasonId: action.reasonId,
    reason: action.reason,
    bulkActionId: action.bulkActionId,
  };
  const mine = await tx.reviewDecision.findMany({
    where: { reviewerId: action.actorId, traceId: { in: ids } },
    select: { traceId: true },
  });
  const decided = new Set(mine.map((d) => d.traceId));
  if (decided.size > 0)
    await tx.reviewDecision.updateMany({
      where: { reviewerId: action.actorId, traceId: { in: [...decided] } },
      data: { ...data, version: { increment: 1 }, updatedAt: now },
    });
  const fresh = ids.filter((id) => !decided.has(id));
  await insertRows(
    tx,
    DECISIONS,
    fresh.map((traceId) => ({ ...data, traceId, reviewerId: action.actorId, updatedAt: now })),
  );
  await recomputeStatuses(tx, ids);
  return ids.length;
}

async function recomputeStatuses(tx: Tx, ids: string[]) {
  const decisions = await tx.reviewDecision.findMany({
    where: { traceId: { in: ids } },
    select: { traceId: true, decision: true },
  });
  const traces = await tx.trace.findMany({
    where: { id: { in: ids } },
    select: { id: true, reviewStatus: true },
  });
  const byTrace = new Map<string, Array<{ decision: string }>>();
  for (const d of decisions) byTrace.set(d.traceId, [...(byTrace.get(d.traceId) ?? []), d]);
  const changes = new Map<ReviewStatus, string[]>();
  for (const trace of traces) {
    const status = statusFromDecisions(byTrace.get(trace.id) ?? []);
    if (status !== trace.reviewStatus) changes.set(status, [...(changes.get(status) ?? []), trace.id]);
  }
  for (const [status, changed] of changes) await setReviewStatuses(tx, changed, status);
}

/** The one audit event of a bulk action (inline, or at its job's end). */
export function bulkAuditEntry(
  action: BulkAction,
  selection: TraceSelection,
  count: number,
  expected: number,
  jobId: string | null,
  complete: boolean,
) {
  return {
    action: "review.bulk-decided" as const,
    entityId: action.bulkActionId,
    data: {
      decision: action.decision,
      reasonId: action.reasonId,
      reason: action.reason,
      count,
      expected,
      selection: JSON.parse(JSON.stringify(selection)) as Record<string, unknown>,
      jobId,
      complete,
    },
  };
}
