import type { TraceWhere } from "../traces";
import { verdictOutcomes, type ReviewFilterStatus, type TraceSelection } from "./schemas";

export type { TraceWhere } from "../traces";

/** The one review order, used by the list, the neighbours and the position: newest first, id breaks ties. */
export const REVIEW_ORDER = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies ReadonlyArray<
  Record<string, "asc" | "desc">
>;
const REVERSED_ORDER = [{ createdAt: "asc" }, { id: "asc" }] as const;

/**
 * The Prisma condition for every part of a selection except full-text search (`q`), which the
 * list and queue add with the database's own search (lib/review/search.ts).
 */
export function filterWhere(filter: Partial<TraceSelection> & { status: ReviewFilterStatus }): TraceWhere {
  const and: TraceWhere[] = [];
  if (filter.status !== "all") and.push({ reviewStatus: filter.status });
  if (filter.jobId) and.push({ jobId: filter.jobId });
  if (filter.systemMessageVersionId) and.push({ systemMessageVersionId: filter.systemMessageVersionId });
  if (filter.systemMessageId) and.push({ systemMessageVersion: { messageId: filter.systemMessageId } });
  if (filter.reasonId) and.push({ decisions: { some: { reasonId: filter.reasonId } } });
  if (filter.reviewerId) and.push({ decisions: { some: { reviewerId: filter.reviewerId } } });
  if (filter.category) and.push({ prompt: { category: filter.category } });
  if (filter.minTokens !== undefined) and.push({ outputTokens: { gte: filter.minTokens } });
  if (filter.maxTokens !== undefined) and.push({ outputTokens: { lte: filter.maxTokens } });
  if (filter.from) and.push({ createdAt: { gte: filter.from } });
  if (filter.to) and.push({ createdAt: { lt: filter.to } });
  if (filter.flagged !== undefined) and.push({ flaggedAt: filter.flagged ? { not: null } : null });
  if (filter.check)
    and.push({ verdicts: { some: { check: filter.check, outcome: { in: verdictOutcomes(filter) } } } });
  return and.length === 0 ? {} : and.length === 1 ? and[0]! : { AND: and };
}

type Anchor = { id: string; createdAt: Date };

// Written as a range plus an exclusion rather than an OR, so both databases walk the
// (…, createdAt, id) index from the anchor instead of scanning.

/** Traces that come after `anchor` in REVIEW_ORDER (older, or same time with a smaller id). */
export function after(anchor: Anchor): TraceWhere {
  return {
    createdAt: { lte: anchor.createdAt },
    NOT: { createdAt: anchor.createdAt, id: { gte: anchor.id } },
  };
}

/** Traces that come before `anchor` in REVIEW_ORDER. */
export function before(anchor: Anchor): TraceWhere {
  return {
    createdAt: { gte: anchor.createdAt },
    NOT: { createdAt: anchor.createdAt, id: { lte: anchor.id } },
  };
}

export function ordered(direction: "forward" | "backward") {
  return direction === "forward" ? [...REVIEW_ORDER] : [...REVERSED_ORDER];
}
