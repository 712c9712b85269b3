import "server-only";
import { getTraceView, getTraceViews, type TraceView } from "../traces";
import { DecisionSchema, ReviewStatusSchema, type Decision, type ReviewStatus } from "./schemas";

export type { StrategyView, TraceCommentView, TraceEditView } from "../traces";

export type DecisionView = {
  reviewerId: string;
  reviewerName: string;
  decision: Decision;
  reasonId: string | null;
  reasonLabel: string | null;
  reason: string | null;
  version: number;
  updatedAt: string;
};

export type TraceForReview = Omit<TraceView, "reviewStatus" | "decisions"> & {
  status: ReviewStatus;
  myDecision: DecisionView | null;
  decisions: DecisionView[];
  /** Others' decisions are withheld (a blind session, before the reviewer has decided). */
  blind: boolean;
};

/**
 * Everything a reviewer needs to judge one trace (read by lib/traces), in review's terms: the
 * status and decisions parsed, and which decision is the reviewer's own.
 */
export async function getTraceForReview(traceId: string, reviewerId: string): Promise<TraceForReview> {
  return forReviewer(await getTraceView(traceId), reviewerId);
}

/** Several at once, in the order asked (the queue's prefetch). */
export async function getTracesForReview(
  traceIds: readonly string[],
  reviewerId: string,
): Promise<TraceForReview[]> {
  return (await getTraceViews(traceIds)).map((view) => forReviewer(view, reviewerId));
}

/** A view as one reviewer may see it; `blind` hides everyone's decisions and the status. */
export function forReviewer(
  view: TraceView,
  reviewerId: string,
  options: { blind?: boolean } = {},
): TraceForReview {
  const { reviewStatus, decisions: stored, ...rest } = view;
  const decisions: DecisionView[] = stored.map((d) => ({ ...d, decision: DecisionSchema.parse(d.decision) }));
  const blind = options.blind ?? false;
  return {
    ...rest,
    status: blind ? "pending" : ReviewStatusSchema.catch("pending").parse(reviewStatus),
    myDecision: decisions.find((d) => d.reviewerId === reviewerId) ?? null,
    decisions: blind ? [] : decisions,
    blind,
  };
}
