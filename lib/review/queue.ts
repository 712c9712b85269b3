import "server-only";
import { db } from "../db";
import { after, before, filterWhere, ordered, type TraceWhere } from "./order";
import { encodeQueueCursor, type QueueQuery } from "./queue-schemas";
import { getTracesForReview, type TraceForReview } from "./trace-view";

export type QueueTrace = TraceForReview & {
  /** This trace's place in the order: the cursor to continue after (or before) it. */
  cursor: string;
};

export type QueuePage = {
  traces: QueueTrace[];
  /** Nothing further in this direction (for now: new traces may arrive). */
  done: boolean;
};

/**
 * The next traces of a reviewer's queue under a filter, in the review order after (or before) a
 * cursor, each with everything the review page shows: the browser prefetches these so a
 * decision moves on without a round trip.
 */
export async function reviewQueuePage(query: QueueQuery, reviewerId: string): Promise<QueuePage> {
  const backward = query.before !== undefined && query.after === undefined;
  const anchor = backward ? query.before : query.after;
  const where: TraceWhere = {
    AND: [filterWhere(query), ...(anchor ? [backward ? before(anchor) : after(anchor)] : [])],
  };
  const rows = await db().trace.findMany({
    where,
    orderBy: ordered(backward ? "backward" : "forward"),
    take: query.limit + 1,
    select: { id: true, createdAt: true },
  });
  const page = rows.slice(0, query.limit);
  if (backward) page.reverse();
  const cursors = new Map(page.map((r) => [r.id, encodeQueueCursor(r)]));
  const views = await getTracesForReview(
    page.map((r) => r.id),
    reviewerId,
  );
  return {
    traces: views.map((view) => ({ ...view, cursor: cursors.get(view.id)! })),
    done: rows.length <= query.limit,
  };
}

/** The queue entry for one trace (the page a reviewer opened), wherever it sits in the order. */
export async function queueTrace(traceId: string, reviewerId: string): Promise<QueueTrace | null> {
  const row = await db().trace.findUnique({ where: { id: traceId }, select: { id: true, createdAt: true } });
  if (!row) return null;
  const [view] = await getTracesForReview([row.id], reviewerId);
  return view ? { ...view, cursor: encodeQueueCursor(row) } : null;
}
