// The traces domain's public surface: the one place that writes and reads the Trace table.
export {
  insertTraces,
  lockTrace,
  lockTraces,
  setReviewStatus,
  setReviewStatuses,
  tracedItemIds,
  type NewTrace,
} from "./write";
export { editTrace, type EditTraceResult } from "./edit";
export {
  getTraceView,
  getTraceViews,
  type StoredDecision,
  type TraceCommentView,
  type TraceEditView,
  type TraceView,
  type VerdictView,
} from "./view";
export { flagTraces, setTraceFlag } from "./flag";
export {
  averageOutputTokens,
  countTraces,
  countTracesByJob,
  countTracesByStatus,
  firstTraceId,
  jobsWithTraces,
  listTracePage,
  traceAnchor,
  type TraceListRow,
  type TraceOrder,
  type TraceWhere,
} from "./queries";
export { exportTraceBatch } from "./export-rows";
export { listTraceKeys, reviewStatusOf, traceContentPreviews, tracePreviews } from "./keys";
export {
  EDIT_NOTE_MAX,
  EditTraceSchema,
  TRACE_EDIT_MAX,
  type EditTraceInput,
  type StrategyView,
} from "./schemas";
