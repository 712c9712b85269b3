// The review domain's public surface: other domains import from here only.
export { decide, retractDecision, statusFromDecisions, type DecideResult } from "./decide";
export { filterWhere } from "./order";
export { activeReason, createRejectReason, listRejectReasons, updateRejectReason } from "./reasons";
export { ReviewStatusSchema, type Decision, type ReviewStatus } from "./schemas";
export { forReviewer, type DecisionView, type TraceForReview } from "./trace-view";
export { type QueuePage, type QueueTrace } from "./queue";
export { encodeCursor as encodeQueueCursor } from "./cursor";
export {
  QueueDecisionSchema,
  ReleaseSchema,
  UndoSchema,
  type QueueDecisionInput,
  type UndoInput,
} from "./queue-schemas";
export { bulkDecide } from "./bulk";
export { applyBulk, type BulkAction } from "./bulk-apply";
export { reviewBulkKind } from "./bulk-kind";
export { ReviewBulkConfigSchema, type ReviewBulkConfig } from "./schemas";
export { countExactly, countUpTo, selectionPositions } from "./select";
