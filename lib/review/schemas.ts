import { z } from "zod";
import { CheckNameSchema, VerdictOutcomeSchema } from "../quality/schemas";

export const ReviewStatusSchema = z.enum(["pending", "approved", "rejected", "conflict"]);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

export const DecisionSchema = z.enum(["approved", "rejected"]);
export type Decision = z.infer<typeof DecisionSchema>;

export const REASON_MAX = 1_000;

const traceIdField = z.string().trim().min(1, "Which trace? The trace id is missing.").max(200);
const reasonIdField = z.string().trim().min(1).max(200).optional();
const noteField = z
  .string()
  .trim()
  .max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`)
  .optional();

/**
 * One reviewer's verdict on one trace. A rejection names a taxonomy reason (`reasonId`), a note
 * (`reason`), or both. expectedVersion is the version of MY decision the client saw (0: none).
 */
export const DecideSchema = z
  .object({
    traceId: traceIdField,
    decision: DecisionSchema,
    reasonId: reasonIdField,
    reason: noteField,
    expectedVersion: z.number().int().min(0).optional(),
  })
  .refine((input) => input.decision !== "rejected" || Boolean(input.reasonId || input.reason), {
    message: "Say why you reject this trace (pick a reason or write one).",
    path: ["reason"],
  });
export type DecideInput = z.infer<typeof DecideSchema>;

/** Take back my decision (undo when I had none before): expectedVersion is the one I saw. */
export const RetractSchema = z.object({
  traceId: traceIdField,
  expectedVersion: z.number().int().min(1),
});
export type RetractInput = z.infer<typeof RetractSchema>;

export const ReviewFilterStatusSchema = z.enum([...ReviewStatusSchema.options, "all"]);
export type ReviewFilterStatus = z.infer<typeof ReviewFilterStatusSchema>;

const optionalId = z.string().trim().min(1).max(200).optional();
const optionalDate = z.coerce.date().optional();
const optionalCount = z.coerce.number().int().min(0).max(10_000_000).optional();
const optionalFlag = z
  .union([z.boolean(), z.enum(["1", "0", "true", "false"])])
  .transform((v) => v === true || v === "1" || v === "true")
  .optional();

/**
 * Which traces the review list, the queue, bulk actions and session planning work on: one schema
 * from the URL to the query. `q` is full-text search over the trace and its prompt.
 */
export const ReviewFilterSchema = z.object({
  status: ReviewFilterStatusSchema.default("pending"),
  jobId: optionalId,
  systemMessageId: optionalId,
  systemMessageVersionId: optionalId,
  /** Rejected with this taxonomy reason (by any reviewer). */
  reasonId: optionalId,
  /** Decided by this reviewer. */
  reviewerId: optionalId,
  category: z.string().trim().min(1).max(200).optional(),
  /** Output length in tokens, inclusive bounds. */
  minTokens: optionalCount,
  maxTokens: optionalCount,
  /** Created on or after `from`, before `to`. */
  from: optionalDate,
  to: optionalDate,
  flagged: optionalFlag,
  /** An automatic check's verdict (lib/quality): `check` said `verdict` (omitted: fail or warn). */
  check: CheckNameSchema.optional(),
  verdict: VerdictOutcomeSchema.optional(),
  q: z.string().trim().min(1).max(500).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export type ReviewFilter = z.infer<typeof ReviewFilterSchema>;

/** The outcomes a check filter matches: the one asked for, or "found something" (fail, warn). */
export function verdictOutcomes(selection: Pick<ReviewFilter, "verdict">): string[] {
  return selection.verdict ? [selection.verdict] : ["fail", "warn"];
}
export type ReviewFilterInput = z.input<typeof ReviewFilterSchema>;
/** The filter without the list's page: what the queue, bulk actions and sessions take. */
export type TraceSelection = Omit<ReviewFilter, "page">;

export * from "./reason-schemas";

/** A selection as it travels (URL, action input, job config): the filter without the list's page. */
export const TraceSelectionSchema = ReviewFilterSchema.omit({ page: true });

const cursor = z.string().max(300).optional();

/** GET /api/review/list: a selection and where the page starts. */
export const ReviewListQuerySchema = TraceSelectionSchema.extend({
  after: cursor,
  before: cursor,
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ReviewListQuery = z.infer<typeof ReviewListQuerySchema>;

/**
 * Approve or reject every trace of a selection. `expectedCount` is the count the person confirmed:
 * the server counts again and refuses if the selection no longer holds exactly that many.
 */
export const BulkDecideSchema = z
  .object({
    selection: TraceSelectionSchema,
    decision: DecisionSchema,
    /** The taxonomy's reason (RejectReason), required to reject. */
    reasonId: z.string().trim().min(1).max(200).optional(),
    note: z.string().trim().max(REASON_MAX, `Keep the note under ${REASON_MAX} characters.`).optional(),
    expectedCount: z.number().int().min(1, "Nothing to act on: the selection is empty.").max(10_000_000),
  })
  .refine((input) => input.decision !== "rejected" || !!input.reasonId, {
    message: "Choose a reason to reject these traces.",
    path: ["reasonId"],
  });
export type BulkDecideInput = z.input<typeof BulkDecideSchema>;

/** Selections up to this size are decided in the request; larger ones become a runner job. */
export const BULK_INLINE_MAX = 5_000;
/** Traces per transaction. */
export const BULK_BATCH = 1_000;

/** A bulk decision too large for one request, as a runner job (lib/review/bulk-kind.ts). */
export const ReviewBulkConfigSchema = z.object({
  kind: z.literal("review-bulk"),
  bulkActionId: z.string().min(1),
  actorId: z.string().min(1),
  decision: DecisionSchema,
  reasonId: z.string().nullable(),
  reason: z.string().nullable(),
  selection: TraceSelectionSchema,
  /** The count confirmed (and checked) when the job was created. */
  count: z.number().int().min(0),
  batch: z.number().int().min(1).default(BULK_BATCH),
});
export type ReviewBulkConfig = z.infer<typeof ReviewBulkConfigSchema>;

/** What a bulk decision did: decided now (`jobId` null), or started as a job. */
export type BulkDecideResult = { bulkActionId: string; count: number; jobId: string | null };
