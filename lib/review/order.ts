import type { TraceWhere } from "../traces";
import type { ReviewFilterStatus } from "./schemas";

export type { TraceWhere } from "../traces";

/** The one review order, used by the list, the neighbours and the position: newest first, id breaks ties. */
export const REVIEW_ORDER = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies ReadonlyArray<
  Record<string, "asc" | "desc">
>;
const REVERSED_ORDER = [{ createdAt: "asc" }, { id: "asc" }] as const;

export function filterWhere(filter: { status: ReviewFilterStatus; jobId?: string }): TraceWhere {
  return {
    ...(filter.status === "all" ? {} : { reviewStatus: filter.status }),
    ...(filter.jobId ? { jobId: filter.jobId } : {}),
  };
}

type Anchor = { id: string; createdAt: Date };

/** Traces that come after `anchor` in REVIEW_ORDER (older, or same time with a smaller id). */
export function after(anchor: Anchor): TraceWhere {
  return {
    OR: [{ createdAt: { lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { lt: anchor.id } }],
  };
}

/** Traces that come before `anchor` in REVIEW_ORDER. */
export function before(anchor: Anchor): TraceWhere {
  return {
    OR: [{ createdAt: { gt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { gt: anchor.id } }],
  };
}

export function ordered(direction: "forward" | "backward") {
  return direction === "forward" ? [...REVIEW_ORDER] : [...REVERSED_ORDER];
}
