import { z } from "zod";
import { DecisionSchema, DecideSchema, ReviewFilterSchema, REASON_MAX } from "./schemas";

/** Where the queue stands in the review order: a trace's (createdAt, id), opaque to the client. */
export const QueueCursorSchema = z
  .string()
  .max(300)
  .transform((raw, ctx) => {
    const [time, ...rest] = Buffer.from(raw, "base64url").toString("utf8").split("|");
    const id = rest.join("|");
    const createdAt = new Date(Number(time));
    if (!id || Number.isNaN(createdAt.getTime())) {
      ctx.addIssue({ code: "custom", message: "This queue position is not valid: reload the page." });
      return z.NEVER;
    }
    return { createdAt, id };
  });
export type QueueCursor = z.output<typeof QueueCursorSchema>;

export function encodeQueueCursor(anchor: { createdAt: Date; id: string }): string {
  return Buffer.from(`${anchor.createdAt.getTime()}|${anchor.id}`, "utf8").toString("base64url");
}

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
