import "server-only";
import { encodeCursor } from "./cursor";
import { listReviewPage } from "./list";
import type { QueueQuery } from "./queue-schemas";
import { getTracesForReview, type TraceForReview } from "./trace-view";

export type QueueTrace = TraceForReview & {
  /** This trace's place in the order. */
  cursor: string;
};

export type QueuePage = {
  traces: QueueTrace[];
  /** Where the next (older) page starts, and the previous (newer) one ends; null: nothing more that way (for now). */
  nextCursor: string | null;
  prevCursor: string | null;
};

/**
 * The next traces of a reviewer's queue under a filter (full-text search included), in the
 * review order after (or before) a cursor, each with everything the review page shows: the
 * browser prefetches these so a decision moves on without a round trip. Pages come from the
 * list's keyset walk, so a page may be short (a rare filter, the time budget) and still go on.
 */
export async function reviewQueuePage(query: QueueQuery, reviewerId: string): Promise<QueuePage> {
  const { after, before, limit, sessionId: _session, holding: _holding, ...selection } = query;
  const page = await listReviewPage(selection, { after, before: after ? undefined : before, limit });
  const views = await getTracesForReview(
    page.rows.map((r) => r.id),
    reviewerId,
  );
  const cursors = new Map(
    page.rows.map((r) => [r.id, encodeCursor({ createdAt: new Date(r.createdAt), id: r.id })]),
  );
  return {
    traces: views.map((view) => ({ ...view, cursor: cursors.get(view.id)! })),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  };
}

/** The queue entry for one trace (the page a reviewer opened), wherever it sits in the order. */
export async function queueTrace(traceId: string, reviewerId: string): Promise<QueueTrace | null> {
  const [view] = await getTracesForReview([traceId], reviewerId);
  if (!view) return null;
  return { ...view, cursor: encodeCursor({ createdAt: new Date(view.trace.createdAt), id: view.id }) };
}
