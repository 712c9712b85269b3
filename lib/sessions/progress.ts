import "server-only";
import { userNames } from "../auth";
import { db } from "../db";
import { jobProgress } from "../runner";
import { viewableSession, type SessionSettings } from "./access";

export type ReviewerProgress = {
  reviewerId: string;
  name: string;
  decided: number;
  /** Assigned access: the traces dealt to them; open access: an even share of the session's places. */
  expected: number;
  /** Open access: reservations held now (not expired). */
  reserved: number;
};

export type SessionProgress = {
  sessionId: string;
  status: string;
  access: string;
  overlap: number;
  /** While planning, the expected size; then the exact count. */
  itemCount: number;
  planning: { jobId: string | null; jobStatus: string | null; written: number; error: string | null } | null;
  /** complete: every decision in (agreed, disputed or resolved). */
  items: {
    total: number;
    open: number;
    agreed: number;
    disputed: number;
    resolved: number;
    complete: number;
  };
  /** Decisions made, of itemCount × overlap. */
  decisions: number;
  percent: number;
  reviewers: ReviewerProgress[];
};

/**
 * Where a session stands, cheap enough to poll every few seconds on a big session: items by
 * state from (sessionId, state, position), slots by reviewer and state from (sessionId,
 * reviewerId, state, position), both counted in the index; live reservations per reviewer from
 * that index's `reserved` ranges. Visible to whoever may see the session. `maxAgeMs`: a count
 * at most this old may be shared (route handlers polled by many browsers).
 */
export async function sessionProgress(
  sessionId: string,
  viewer: { id: string; role: string },
  options: { maxAgeMs?: number } = {},
): Promise<SessionProgress> {
  const session = await viewableSession(sessionId, viewer);
  const maxAge = options.maxAgeMs ?? 0;
  if (maxAge <= 0) return measure(session);
  // Everyone watching a session shares one count per maxAge: the cost stays that of one poller.
  const cached = recent.get(sessionId);
  if (cached && Date.now() - cached.at < maxAge) return cached.progress;
  const progress = measure(session);
  recent.set(sessionId, { at: Date.now(), progress });
  progress.catch(() => recent.delete(sessionId));
  if (recent.size > 1_000) recent.delete(recent.keys().next().value!);
  return progress;
}

const recent = new Map<string, { at: number; progress: Promise<SessionProgress> }>();

async function measure(session: SessionSettings): Promise<SessionProgress> {
  const sessionId = session.id;
  const client = db();
  const now = new Date();
  const [row, members, byState, bySlot] = await Promise.all([
    client.reviewSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { itemCount: true, planJobId: true },
    }),
    client.reviewSessionReviewer.findMany({ where: { sessionId }, select: { userId: true } }),
    client.reviewSessionItem.groupBy({ by: ["state"], where: { sessionId }, _count: { _all: true } }),
    client.reviewSessionSlot.groupBy({
      by: ["reviewerId", "state"],
      where: { sessionId },
      _count: { _all: true },
    }),
  ]);
  const reviewerIds = members.map((m) => m.userId);
  const [names, live, job] = await Promise.all([
    userNames(reviewerIds),
    session.access === "open" ? liveReservations(sessionId, reviewerIds, now) : new Map<string, number>(),
    session.status === "planning" && row.planJobId ? jobProgress(row.planJobId).catch(() => null) : null,
  ]);
  const items = { total: 0, open: 0, agreed: 0, disputed: 0, resolved: 0, complete: 0 };
  for (const g of byState) {
    const n = g._count._all;
    items.total += n;
    if (g.state in items) items[g.state as "open" | "agreed" | "disputed" | "resolved"] += n;
  }
  items.complete = items.agreed + items.disputed + items.resolved;
  const itemCount = session.status === "planning" ? Math.max(row.itemCount, items.total) : items.total;
  const slotCount = (reviewerId: string, states: string[]) =>
    bySlot
      .filter((g) => g.reviewerId === reviewerId && states.includes(g.state))
      .reduce((sum, g) => sum + g._count._all, 0);
  const share = reviewerIds.length > 0 ? Math.ceil((itemCount * session.overlap) / reviewerIds.length) : 0;
  const reviewers = reviewerIds
    .map((reviewerId) => ({
      reviewerId,
      name: names.get(reviewerId) ?? reviewerId,
      decided: slotCount(reviewerId, ["decided"]),
      expected:
        session.access === "assigned" ? slotCount(reviewerId, ["assigned", "reserved", "decided"]) : share,
      reserved: live.get(reviewerId) ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const decisions = reviewers.reduce((sum, r) => sum + r.decided, 0);
  const places = itemCount * session.overlap;
  return {
    sessionId,
    status: session.status,
    access: session.access,
    overlap: session.overlap,
    itemCount,
    planning:
      session.status === "planning"
        ? {
            jobId: row.planJobId,
            jobStatus: job?.status ?? null,
            written: items.total,
            error: job?.error ?? null,
          }
        : null,
    items,
    decisions,
    percent: places > 0 ? Math.floor((decisions / places) * 100) : 0,
    reviewers,
  };
}

/** Reservations each reviewer holds now: one short index range per reviewer. */
async function liveReservations(
  sessionId: string,
  reviewerIds: string[],
  now: Date,
): Promise<Map<string, number>> {
  if (reviewerIds.length === 0) return new Map();
  const groups = await db().reviewSessionSlot.groupBy({
    by: ["reviewerId"],
    where: { sessionId, reviewerId: { in: reviewerIds }, state: "reserved", reservedUntil: { gt: now } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.reviewerId, g._count._all]));
}
