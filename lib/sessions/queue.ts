import "server-only";
import { db } from "../db";
import { reviewerSession } from "./access";
import { lockedItem } from "./item";
import { reserveTraces, type TakenTraces } from "./reserve";

export type { TakenTraces } from "./reserve";
export type TakeOptions = { limit: number; excludeTraceIds?: string[] };

const MAX_TAKE = 100;

/**
 * The reviewer's next traces in the session, in position order, none they have decided.
 * Assigned access: their undecided dealt traces. Open access: their reservations first (renewed),
 * then new reservations on traces that still need a reviewer (see reserveTraces). `done`:
 * nothing is left beyond the traces returned and those the client holds (excludeTraceIds); in
 * open access, for now: places free up as others' reservations expire or are released.
 * Only the session's reviewers may take; a session that is not active gives nothing.
 */
export async function takeSessionTraces(
  sessionId: string,
  reviewerId: string,
  opts: TakeOptions,
): Promise<TakenTraces> {
  const limit = Math.max(1, Math.min(MAX_TAKE, Math.floor(opts.limit)));
  const exclude = new Set(opts.excludeTraceIds ?? []);
  const session = await reviewerSession(db(), sessionId, reviewerId);
  if (session.status !== "active") return { traceIds: [], done: session.status !== "planning" };
  if (session.access === "open") return reserveTraces(session, reviewerId, limit, exclude);
  const slots = await db().reviewSessionSlot.findMany({
    where: { sessionId, reviewerId, state: "assigned", item: { traceId: { notIn: [...exclude] } } },
    orderBy: { position: "asc" },
    take: limit + 1,
    select: { item: { select: { traceId: true } } },
  });
  return { traceIds: slots.slice(0, limit).map((s) => s.item.traceId), done: slots.length <= limit };
}

/**
 * Skip. Open access: the reviewer's reservation on the trace is dropped, so another reviewer
 * may take it (a decided trace stays decided: undo is retractInSession). Assigned access: the
 * trace stays dealt to them and nothing changes; the workbench moves on and the trace comes back
 * on the next take once the client no longer excludes it. Returns whether a reservation went.
 */
export async function releaseSessionTrace(
  sessionId: string,
  traceId: string,
  reviewerId: string,
): Promise<{ released: boolean }> {
  const session = await reviewerSession(db(), sessionId, reviewerId);
  if (session.access !== "open") return { released: false };
  return db().$transaction(async (tx) => {
    const item = await lockedItem(tx, sessionId, traceId);
    const dropped = await tx.reviewSessionSlot.deleteMany({
      where: { itemId: item.id, reviewerId, state: "reserved" },
    });
    return { released: dropped.count > 0 };
  });
}
