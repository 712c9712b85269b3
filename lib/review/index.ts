// The review domain's public surface: other domains import from here only.
export { decide, statusFromDecisions, type DecideResult } from "./decide";
export { filterWhere } from "./order";
export { ReviewStatusSchema, type Decision, type ReviewStatus } from "./schemas";
export { bulkDecide } from "./bulk";
export { reviewBulkKind } from "./bulk-kind";
export { ReviewBulkConfigSchema, type ReviewBulkConfig } from "./schemas";
