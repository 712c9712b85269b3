import { z } from "zod";
import { DecisionSchema, REASON_MAX, ReviewFilterSchema } from "../review/schemas";
import { LaunchKeySchema } from "../runner/schemas";

// One schema per concept of team annotation sessions: the create form, the server actions, the
// planning job's frozen config and the tests all take these.

export const SessionAccessSchema = z.enum(["assigned", "open"]);
export type SessionAccess = z.infer<typeof SessionAccessSchema>;

export const SessionRuleSchema = z.enum(["majority", "unanimous", "adjudicator"]);
export type SessionRule = z.infer<typeof SessionRuleSchema>;

export const SessionStatusSchema = z.enum(["planning", "active", "closed", "failed"]);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** open: decisions outstanding; agreed: the rule gave a verdict; disputed: waits for adjudication. */
export const ItemStateSchema = z.enum(["open", "agreed", "disputed", "resolved"]);
export type ItemState = z.infer<typeof ItemStateSchema>;

export const SlotStateSchema = z.enum(["assigned", "reserved", "decided"]);
export type SlotState = z.infer<typeof SlotStateSchema>;

export const MAX_OVERLAP = 10;
export const MAX_RESERVATION_MINUTES = 24 * 60;
export const SESSION_NAME_MAX = 200;
export const SESSION_DESCRIPTION_MAX = 2_000;

const id = z.string().trim().min(1).max(200);

/** The traces a session is planned over: the review filter without the list's page. */
export const TraceSelectionSchema = ReviewFilterSchema.omit({ page: true });

export const CreateSessionSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Give the session a name.")
      .max(SESSION_NAME_MAX, `Keep the name under ${SESSION_NAME_MAX} characters.`),
    description: z
      .string()
      .trim()
      .max(SESSION_DESCRIPTION_MAX, `Keep the description under ${SESSION_DESCRIPTION_MAX} characters.`)
      .optional()
      .transform((d) => d || undefined),
    filter: TraceSelectionSchema,
    reviewerIds: z
      .array(id)
      .min(1, "Choose the session's reviewers.")
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, "A reviewer is listed twice."),
    overlap: z.coerce
      .number()
      .int("The overlap is a whole number of reviewers per trace.")
      .min(1, "Each trace needs at least one reviewer.")
      .max(MAX_OVERLAP, `At most ${MAX_OVERLAP} reviewers per trace.`),
    access: SessionAccessSchema,
    reservationMinutes: z.coerce
      .number()
      .int()
      .min(1, "A reservation lasts at least a minute.")
      .max(MAX_RESERVATION_MINUTES, "A reservation lasts at most a day.")
      .default(10),
    rule: SessionRuleSchema,
    adjudicatorId: id.optional(),
    /** The form's idempotency key: a double submit creates one session. */
    launchKey: LaunchKeySchema.optional(),
  })
  .refine((s) => s.overlap <= s.reviewerIds.length, {
    message:
      "The overlap cannot exceed the number of reviewers: each trace needs that many different people.",
    path: ["overlap"],
  })
  .refine((s) => s.rule !== "adjudicator" || s.adjudicatorId, {
    message: "Choose the adjudicator who settles disagreements.",
    path: ["adjudicatorId"],
  });
export type CreateSessionInput = z.input<typeof CreateSessionSchema>;
export type CreateSession = z.output<typeof CreateSessionSchema>;

const reasonText = z
  .string()
  .trim()
  .max(REASON_MAX, `Keep the note under ${REASON_MAX} characters.`)
  .optional()
  .transform((r) => r || undefined);

/** A rejection needs a taxonomy reason or a note; a taxonomy reason goes with a rejection only. */
const REASON_NEEDED = {
  message: "Say why you reject this trace: pick a reason or write a note.",
  path: ["reasonId"],
};
const REASON_ONLY_WITH_REJECTION = {
  message: "A reject reason goes with a rejection only.",
  path: ["reasonId"],
};
const hasReason = (v: { reasonId?: string; reason?: string }) => Boolean(v.reasonId) || Boolean(v.reason);

/** One reviewer's decision on one trace of a session; expectedVersion is the slot version the client saw. */
export const SessionDecideSchema = z
  .object({
    sessionId: id,
    traceId: id,
    decision: DecisionSchema,
    reasonId: id.optional(),
    reason: reasonText,
    expectedVersion: z.number().int().min(0).optional(),
  })
  .refine((v) => v.decision !== "rejected" || hasReason(v), REASON_NEEDED)
  .refine((v) => v.decision === "rejected" || !v.reasonId, REASON_ONLY_WITH_REJECTION);
export type SessionDecideInput = z.input<typeof SessionDecideSchema>;

/** Undo: my decision on the trace goes back to undecided. */
export const SessionRetractSchema = z.object({
  sessionId: id,
  traceId: id,
  expectedVersion: z.number().int().min(0),
});
export type SessionRetractInput = z.input<typeof SessionRetractSchema>;

export const SessionTraceSchema = z.object({ sessionId: id, traceId: id });
export type SessionTraceInput = z.input<typeof SessionTraceSchema>;

export const SessionRefSchema = z.object({ sessionId: id });

export const TakeSessionTracesSchema = z.object({
  sessionId: id,
  limit: z.number().int().min(1).max(100),
  excludeTraceIds: z.array(id).max(500).optional(),
});

/** The final say on a disputed trace; expectedItemVersion is the item version the adjudicator saw. */
export const AdjudicateSchema = z
  .object({
    sessionId: id,
    traceId: id,
    verdict: DecisionSchema,
    reasonId: id.optional(),
    reason: reasonText,
    expectedItemVersion: z.number().int().min(0).optional(),
  })
  .refine((v) => v.verdict !== "rejected" || hasReason(v), REASON_NEEDED)
  .refine((v) => v.verdict === "rejected" || !v.reasonId, REASON_ONLY_WITH_REJECTION);
export type AdjudicateInput = z.input<typeof AdjudicateSchema>;

export const SessionIdParamsSchema = z.object({ sessionId: id });

/** The adjudication queue's page: disputed (or resolved) items after a position. */
export const AdjudicationQuerySchema = z.object({
  state: z.enum(["disputed", "resolved"]).default("disputed"),
  after: z.coerce.number().int().min(-1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AdjudicationQuery = z.input<typeof AdjudicationQuerySchema>;

// ---------- the planning job ----------

/** Traces one planning item writes into the session (each in one short transaction). */
export const PLAN_BATCH = 5_000;

/** The frozen config of the job that plans a session's items. */
export const SessionPlanConfigSchema = z.object({
  kind: z.literal("session-planning"),
  sessionId: id,
  name: z.string(),
  filter: TraceSelectionSchema,
  access: SessionAccessSchema,
  overlap: z.number().int().min(1),
  /** The reviewers in dealing order (assigned access deals round-robin over them). */
  reviewerIds: z.array(id).min(1),
  batch: z.number().int().min(1).default(PLAN_BATCH),
});
export type SessionPlanConfig = z.infer<typeof SessionPlanConfigSchema>;
