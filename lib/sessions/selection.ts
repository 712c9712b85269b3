import "server-only";
import { InvalidInputError } from "../errors";
import { filterWhere } from "../review";
import type { TraceWhere } from "../traces";
import type { TraceSelection } from "../review/schemas";

/** Where a trace sits in the review order (newest first, id breaks ties). */
export type Anchor = { id: string; createdAt: Date };

/**
 * The traces a selection holds, for session planning, as a Prisma condition: every filter but
 * full-text search, which the database's own search answers (lib/review's selectionPositions;
 * see plan-kind.ts for the two ways a session is planned).
 */
export function sessionTraceWhere(filter: TraceSelection): TraceWhere {
  if (filter.q)
    throw new InvalidInputError("A search selection is walked by the review search, not by a condition.");
  return filterWhere(filter);
}

// Keyset bounds in the review order as key comparisons on (createdAt, id). Each also bounds
// createdAt alone, so PostgreSQL walks an index range rather than filtering the whole index.

/** Later in the review order than `a` (older, or as old with a smaller id). */
export function after(a: Anchor): TraceWhere {
  return { createdAt: { lte: a.createdAt }, OR: [{ createdAt: { lt: a.createdAt } }, { id: { lt: a.id } }] };
}

/** `a` itself or later in the review order. */
export function atOrAfter(a: Anchor): TraceWhere {
  return { createdAt: { lte: a.createdAt }, OR: [{ createdAt: { lt: a.createdAt } }, { id: { lte: a.id } }] };
}

/** `a` itself or earlier in the review order. */
export function atOrBefore(a: Anchor): TraceWhere {
  return { createdAt: { gte: a.createdAt }, OR: [{ createdAt: { gt: a.createdAt } }, { id: { gte: a.id } }] };
}

export const and = (...parts: TraceWhere[]): TraceWhere => ({ AND: parts });
