import "server-only";
import { getTraceView, type TraceView } from "../traces";
import { DecisionSchema, ReviewStatusSchema, type Decision, type ReviewStatus } from "./schemas";

export type { StrategyView, TraceEditView } from "../traces";

export type DecisionView = {
  reviewerId: string;
  reviewerName: string;
  decision: Decision;
  reason: string | null;
  version: number;
  updatedAt: string;
};

export type TraceForReview = Omit<TraceView, "reviewStatus" | "decisions"> & {
  status: ReviewStatus;
  myDecision: DecisionView | null;
  decisions: DecisionView[];
};

/**
 * Everything a reviewer needs to judge one trace (read by lib/traces), in review's terms: the
 * status and decisions parsed, and which decision is the reviewer's own.
 */
export async function getTraceForReview(traceId: string, reviewerId: string): Promise<TraceForReview> {
  const { reviewStatus, decisions: stored, ...view } = await getTraceView(traceId);
  const decisions: DecisionView[] = stored.map((d) => ({ ...d, decision: DecisionSchema.parse(d.decision) }));
  return {
    ...view,
    status: ReviewStatusSchema.catch("pending").parse(reviewStatus),
    myDecision: decisions.find((d) => d.reviewerId === reviewerId) ?? null,
    decisions,
  };
}
