import { z } from "zod";

export const ReviewStatusSchema = z.enum(["pending", "approved", "rejected", "conflict"]);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

export const DecisionSchema = z.enum(["approved", "rejected"]);
export type Decision = z.infer<typeof DecisionSchema>;

export const REASON_MAX = 1_000;

/** One reviewer's verdict on one trace; expectedVersion is the version of MY decision the client saw (0: none). */
export const DecideSchema = z
  .object({
    traceId: z.string().trim().min(1, "Which trace? The trace id is missing."),
    decision: DecisionSchema,
    reason: z.string().trim().max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`).optional(),
    expectedVersion: z.number().int().min(0).optional(),
  })
  .refine((input) => input.decision !== "rejected" || (input.reason ?? "").length > 0, {
    message: "Say why you reject this trace (a reason is required).",
    path: ["reason"],
  });
export type DecideInput = z.infer<typeof DecideSchema>;

export const ReviewFilterStatusSchema = z.enum([...ReviewStatusSchema.options, "all"]);
export type ReviewFilterStatus = z.infer<typeof ReviewFilterStatusSchema>;

export const ReviewFilterSchema = z.object({
  status: ReviewFilterStatusSchema.default("pending"),
  jobId: z.string().trim().min(1).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export type ReviewFilter = z.infer<typeof ReviewFilterSchema>;
export type ReviewFilterInput = z.input<typeof ReviewFilterSchema>;
