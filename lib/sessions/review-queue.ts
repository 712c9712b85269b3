import "server-only";
import {
  encodeQueueCursor,
  forReviewer,
  type DecideResult,
  type QueueDecisionInput,
  type QueuePage,
  type QueueTrace,
  type ReviewStatus,
  type UndoInput,
} from "../review";
import { getTraceViews, type TraceView } from "../traces";
import { canSeeOthers, sessionDecisionsFor } from "./blind";
import { decideInSession, mySessionDecision, retractInSession, type SessionDecideResult } from "./decide";
import { takeSessionTraces } from "./queue";

// The keyboard review queue (components/review/workbench) in a session: the reviewer's own
// traces, taken (reserved or dealt) a page at a time, shown blind until they have decided, and
// decisions that count towards the session's k.

export async function sessionQueuePage(
  input: { sessionId: string; holding?: string[]; limit: number },
  reviewerId: string,
): Promise<QueuePage> {
  const taken = await takeSessionTraces(input.sessionId, reviewerId, {
    limit: input.limit,
    excludeTraceIds: input.holding,
  });
  const views = await getTraceViews(taken.traceIds);
  return {
    traces: await Promise.all(views.map((view) => asQueueTrace(input.sessionId, view, reviewerId))),
    // The session gives the next traces itself: the cursor only says whether to ask again.
    nextCursor: taken.done ? null : "more",
    prevCursor: null,
  };
}

/** One trace of the session as this reviewer may see it; null when it is not there. */
export async function sessionQueueTrace(
  sessionId: string,
  traceId: string,
  reviewerId: string,
): Promise<QueueTrace | null> {
  const [view] = await getTraceViews([traceId]);
  if (!view || !(await sessionDecisionsFor(sessionId, traceId))) return null;
  return asQueueTrace(sessionId, view, reviewerId);
}

export async function decideSessionFromQueue(
  input: QueueDecisionInput & { sessionId: string },
  reviewerId: string,
): Promise<DecideResult> {
  const result = await decideInSession(
    {
      sessionId: input.sessionId,
      traceId: input.traceId,
      decision: input.decision,
      reasonId: input.reasonId,
      reason: input.reason,
      expectedVersion: input.expectedVersion || undefined,
    },
    reviewerId,
  );
  return asDecideResult(result, input.decision);
}

/** Undo in a session: the earlier decision put back, or mine taken back. */
export async function undoSessionFromQueue(
  input: UndoInput & { sessionId: string },
  reviewerId: string,
): Promise<DecideResult> {
  const { sessionId, traceId, expectedVersion, restore } = input;
  if (!restore)
    return asDecideResult(await retractInSession({ sessionId, traceId, expectedVersion }, reviewerId), null);
  return decideSessionFromQueue(
    {
      sessionId,
      traceId,
      decision: restore.decision,
      reasonId: restore.reasonId ?? undefined,
      reason: restore.reason ?? undefined,
      expectedVersion,
    },
    reviewerId,
  );
}

async function asQueueTrace(sessionId: string, view: TraceView, reviewerId: string): Promise<QueueTrace> {
  const [mine, seeOthers] = await Promise.all([
    mySessionDecision(sessionId, view.id, reviewerId),
    canSeeOthers(sessionId, view.id, reviewerId),
  ]);
  const item = seeOthers ? await sessionDecisionsFor(sessionId, view.id) : null;
  // The session's decisions stand in for the trace's own: those are what this review is about.
  const decisions = (item?.decisions ?? []).map((d) => ({
    reviewerId: d.reviewerId,
    reviewerName: d.reviewerName,
    decision: d.decision,
    reasonId: d.reasonId,
    reasonLabel: d.reasonLabel,
    reason: d.reason,
    version: d.version,
    updatedAt: d.decidedAt ?? view.trace.createdAt,
  }));
  const own = mine && {
    reviewerId,
    reviewerName: "you",
    decision: mine.decision,
    reasonId: mine.reasonId,
    reasonLabel: null,
    reason: mine.reason,
    version: mine.version,
    updatedAt: view.trace.createdAt,
  };
  const withMine =
    own && !decisions.some((d) => d.reviewerId === reviewerId) ? [...decisions, own] : decisions;
  const shown = forReviewer({ ...view, decisions: withMine }, reviewerId, { blind: !seeOthers });
  return {
    ...shown,
    myDecision:
      shown.myDecision ?? (own ? forReviewer({ ...view, decisions: [own] }, reviewerId).myDecision : null),
    cursor: encodeQueueCursor({ createdAt: new Date(view.trace.createdAt), id: view.id }),
  };
}

function asDecideResult(result: SessionDecideResult, decision: DecideResult["decision"]): DecideResult {
  const status: ReviewStatus =
    result.verdict === "approved" ? "approved" : result.verdict === "rejected" ? "rejected" : "pending";
  return { traceId: result.traceId, status, version: result.version, decision };
}
