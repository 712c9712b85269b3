import { z } from "zod";
import { DecisionSchema, DecideSchema, ReviewFilterSchema, REASON_MAX } from "./schemas";

/** Where the queue stands in the review order: the list's opaque cursor (lib/review/cursor.ts). */
const QueueCursorSchema = z.string().min(1).max(300);

export const QUEUE_PAGE_MAX = 25;

/** A page of the queue: the filter's traces after (or before) a cursor, or a session's next ones. */
export const QueueQuerySchema = ReviewFilterSchema.omit({ page: true }).extend({
  sessionId: z.string().trim().min(1).max(200).optional(),
  after: QueueCursorSchema.optional(),
  before: QueueCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(QUEUE_PAGE_MAX).default(10),
  /** Traces the client already holds (a session's queue skips them); comma-separated ids. */
  holding: z
    .string()
    .max(QUEUE_PAGE_MAX * 4 * 40)
    .transform((v) => v.split(",").filter(Boolean))
    .optional(),
});
export type QueueQuery = z.output<typeof QueueQuerySchema>;

/** A decision sent from the queue: in a session when sessionId is set. */
export const QueueDecisionSchema = DecideSchema.and(
  z.object({ sessionId: z.string().trim().min(1).max(200).optional() }),
);
export type QueueDecisionInput = z.infer<typeof QueueDecisionSchema>;

/** Undo: put my decision back as it was before (restore), or take it back when there was none. */
export const UndoSchema = z.object({
  traceId: z.string().trim().min(1).max(200),
  sessionId: z.string().trim().min(1).max(200).optional(),
  expectedVersion: z.number().int().min(1),
  restore: z
    .object({
      decision: DecisionSchema,
      reasonId: z.string().trim().min(1).max(200).nullable(),
      reason: z.string().trim().max(REASON_MAX).nullable(),
    })
    .nullable(),
});
export type UndoInput = z.infer<typeof UndoSchema>;

export const FlagSchema = z.object({ traceId: z.string().trim().min(1).max(200), flagged: z.boolean() });

export const COMMENT_MAX = 4_000;
export const CommentSchema = z.object({
  traceId: z.string().trim().min(1).max(200),
  body: z
    .string()
    .trim()
    .min(1, "Write something first.")
    .max(COMMENT_MAX, `Keep the comment under ${COMMENT_MAX} characters.`),
});
export type CommentInput = z.infer<typeof CommentSchema>;

export const ReleaseSchema = z.object({
  traceId: z.string().trim().min(1).max(200),
  sessionId: z.string().trim().min(1).max(200),
});
export type ReleaseInput = z.infer<typeof ReleaseSchema>;

/** A session queue page: the reviewer's next traces there, none of those the browser holds. */
export const SessionQueueSchema = z.object({
  sessionId: z.string().trim().min(1).max(200),
  holding: z.array(z.string().min(1).max(200)).max(500).default([]),
  limit: z.number().int().min(1).max(QUEUE_PAGE_MAX).default(10),
});
