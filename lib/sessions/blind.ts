import "server-only";
import { can, userNames } from "../auth";
import { db } from "../db";
import { isReviewerOf } from "./access";
import { reasonLabels } from "./verdict";

export type SessionDecisionView = {
  reviewerId: string;
  reviewerName: string;
  decision: string;
  reasonId: string | null;
  reasonLabel: string | null;
  reason: string | null;
  version: number;
  decidedAt: string | null;
};

export type SessionItemDecisions = {
  itemId: string;
  traceId: string;
  state: string;
  verdict: string | null;
  verdictReason: string | null;
  decisions: SessionDecisionView[];
};

/**
 * Blind review: a reviewer of the session sees the others' decisions on a trace only once they
 * have decided it themselves. Admins, curators and the adjudicator who are not reviewers of the
 * session see them at once; anyone else never.
 */
export async function canSeeOthers(sessionId: string, traceId: string, reviewerId: string): Promise<boolean> {
  const client = db();
  if (await isReviewerOf(client, sessionId, reviewerId)) {
    const mine = await client.reviewSessionSlot.findFirst({
      where: { reviewerId, state: "decided", item: { sessionId, traceId } },
      select: { id: true },
    });
    return mine !== null;
  }
  const [session, user] = await Promise.all([
    client.reviewSession.findUnique({ where: { id: sessionId }, select: { adjudicatorId: true } }),
    client.user.findUnique({ where: { id: reviewerId }, select: { role: true, deactivatedAt: true } }),
  ]);
  if (!session || !user || user.deactivatedAt) return false;
  return session.adjudicatorId === reviewerId || can(user.role, "sessions:manage");
}

/**
 * Every decision on the trace in the session, with who made it, for display after deciding (or
 * to adjudicate). It checks nobody: call canSeeOthers first. Null when the trace is not in it.
 */
export async function sessionDecisionsFor(
  sessionId: string,
  traceId: string,
): Promise<SessionItemDecisions | null> {
  const item = await db().reviewSessionItem.findUnique({
    where: { sessionId_traceId: { sessionId, traceId } },
    select: {
      id: true,
      traceId: true,
      state: true,
      verdict: true,
      verdictReason: true,
      slots: {
        where: { state: "decided" },
        orderBy: { decidedAt: "asc" },
        select: {
          reviewerId: true,
          decision: true,
          reasonId: true,
          reason: true,
          version: true,
          decidedAt: true,
        },
      },
    },
  });
  if (!item) return null;
  const [names, labels] = await Promise.all([
    userNames(item.slots.map((s) => s.reviewerId)),
    reasonLabels(
      db(),
      item.slots.map((s) => s.reasonId),
    ),
  ]);
  const { slots, id, ...rest } = item;
  return {
    itemId: id,
    ...rest,
    decisions: slots.map((s) => ({
      reviewerId: s.reviewerId,
      reviewerName: names.get(s.reviewerId) ?? s.reviewerId,
      decision: s.decision ?? "approved",
      reasonId: s.reasonId,
      reasonLabel: s.reasonId ? (labels.get(s.reasonId) ?? null) : null,
      reason: s.reason,
      version: s.version,
      decidedAt: s.decidedAt?.toISOString() ?? null,
    })),
  };
}
