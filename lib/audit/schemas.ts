import { z } from "zod";

// Every action the audit log records, with the entity it is about and the shape of its payload:
// one place to read what the log can hold, and a write that does not match fails its test.

const id = z.string();
const nullableId = z.string().nullable();
const count = z.number().int().min(0);
const role = z.enum(["admin", "curator", "reviewer"]);
const importCounts = { rowsRead: count, inserted: count, duplicates: count, invalid: count };
const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
const providerSnapshot = z.object({
  name: z.string(),
  kind: z.string(),
  baseUrl: z.string().nullable(),
  model: z.string(),
  /** What happened to the key (never the key): set, kept, removed or none. */
  apiKey: z.enum(["set", "kept", "removed", "none"]),
  inputPricePerMTok: z.number().nullable(),
  outputPricePerMTok: z.number().nullable(),
  maxConcurrency: z.number().nullable(),
  requestsPerMinute: z.number().nullable(),
  tokensPerMinute: z.number().nullable(),
});

const decisionSnapshot = z.object({
  decision: z.string(),
  reasonId: nullableId,
  reason: z.string().nullable(),
});
const sessionSlotSnapshot = z.object({
  state: z.string(),
  decision: z.string().nullable(),
  reasonId: nullableId,
  reason: z.string().nullable(),
  version: count,
});
const sessionItemSnapshot = z.object({
  state: z.string(),
  verdict: z.string().nullable(),
  verdictReason: z.string().nullable(),
  decided: count,
});
const sessionSlotChange = z.object({
  traceId: id,
  itemId: id,
  reviewerId: id,
  before: sessionSlotSnapshot,
  after: sessionSlotSnapshot,
  item: z.object({ before: sessionItemSnapshot, after: sessionItemSnapshot }),
});

const action = <E extends string, S extends z.ZodType>(entityType: E, data: S) => ({ entityType, data });

export const AUDIT_ACTIONS = {
  "user.signed-up": action("user", z.object({ role })),
  "user.created": action("user", z.object({ email: z.string(), role })),
  "user.role-set": action("user", z.object({ role })),
  "user.deactivated": action("user", z.object({ sessionsEnded: count })),
  "user.reactivated": action("user", z.object({})),
  "user.signed-out-everywhere": action("user", z.object({ sessionsEnded: count })),
  "invite.created": action("invite", z.object({ email: z.string(), role })),
  "invite.revoked": action("invite", z.object({ email: z.string() })),

  "bank.seeded": action("bank", z.object({ created: count })),
  "bank.imported": action(
    "bank",
    z.object({ fileName: z.string().optional(), created: count, newVersions: count, unchanged: count }),
  ),
  "bank.message.created": action(
    "systemMessage",
    z
      .object({ name: z.string(), tags: z.array(z.string()), weight: z.number(), enabled: z.boolean() })
      .partial(),
  ),
  "bank.message.updated": action("systemMessage", z.object({ changes })),
  "bank.message.imported": action(
    "systemMessage",
    z.object({ fileName: z.string().optional(), versions: count }),
  ),
  "bank.version.created": action("systemMessage", z.object({ version: count, note: z.string().nullish() })),
  "bank.version.imported": action(
    "systemMessage",
    z.object({ fileName: z.string().optional(), version: count }),
  ),

  "prompt-set.created": action("prompt-set", z.object({ name: z.string() })),
  "prompt-set.updated": action(
    "prompt-set",
    z.object({ from: z.string(), name: z.string().optional(), description: z.string().nullish() }),
  ),
  "prompt-set.deleted": action("prompt-set", z.object({ name: z.string(), prompts: count })),
  "prompt-set.seeded": action("prompt-set", z.object(importCounts)),
  "prompts.import-imported": action(
    "prompt-set",
    z.object({ importId: id, fileName: z.string(), mode: z.string(), ...importCounts }),
  ),
  "prompts.import-rejected": action(
    "prompt-set",
    z.object({ importId: id, fileName: z.string(), mode: z.string(), ...importCounts }),
  ),
  "prompts.import-failed": action(
    "prompt-set",
    z.object({ importId: id, fileName: z.string(), mode: z.string(), ...importCounts }),
  ),
  "prompts.import-cancelled": action(
    "prompt-set",
    z.object({ importId: id, fileName: z.string(), mode: z.string(), ...importCounts }),
  ),

  "provider.created": action("provider", providerSnapshot),
  "provider.updated": action("provider", providerSnapshot),
  "provider.deleted": action("provider", providerSnapshot),
  // "Test connection" on a saved teacher: where the call went and which key it carried (never the key).
  "provider.connection-tested": action(
    "provider",
    z.object({
      kind: z.string(),
      baseUrl: z.string().nullable(),
      model: z.string(),
      apiKey: z.enum(["stored", "typed", "none"]),
      ok: z.boolean(),
      error: z.string().optional(),
    }),
  ),

  "job.launched": action(
    "job",
    z.object({
      name: z.string(),
      itemCount: count,
      kind: z.string().optional(),
      method: z.string().optional(),
      promptSetId: nullableId.optional(),
      providerId: nullableId.optional(),
      seed: z.number().int().optional(),
      mode: z.string().optional(),
      cautious: z.boolean().optional(),
      // An import's job: which import, of what.
      importId: id.optional(),
      fileName: z.string().optional(),
      bytes: count.optional(),
    }),
  ),
  "job.paused": action("job", z.object({ reason: z.string().optional() })),
  "job.resumed": action("job", z.object({ pauseReason: z.string().nullable() })),
  "job.cancelled": action("job", z.object({ cancelledItems: count })),
  "job.retried-failed": action("job", z.object({ items: count })),

  "review.decided": action(
    "trace",
    z.object({
      decision: z.enum(["approved", "rejected"]),
      reasonId: nullableId.optional(),
      reason: z.string().nullable(),
      version: count,
      status: z.string(),
      /** The reviewer's decision before this one (null: their first). */
      before: decisionSnapshot.nullable().optional(),
    }),
  ),
  // One bulk approve or reject of a selection (each decision it wrote carries bulkActionId, the
  // entity id); `complete` is false when it stopped part way (count says how far).
  "review.bulk-decided": action(
    "review-bulk",
    z.object({
      decision: z.enum(["approved", "rejected"]),
      reasonId: nullableId,
      reason: z.string().nullable(),
      count,
      expected: count,
      selection: z.record(z.string(), z.unknown()),
      jobId: nullableId,
      complete: z.boolean(),
    }),
  ),
  "review.retracted": action(
    "trace",
    z.object({ before: decisionSnapshot, version: count, status: z.string() }),
  ),
  "trace.flagged": action("trace", z.object({ flagged: z.boolean() })),
  "trace.commented": action("trace", z.object({ commentId: id, chars: count })),
  "reason.created": action("reject-reason", z.object({ label: z.string(), position: count })),
  "reason.updated": action("reject-reason", z.object({ changes })),
  "trace.edited": action(
    "trace",
    z.object({
      editId: id,
      previousEditId: nullableId,
      restoresOriginal: z.boolean(),
      note: z.string().nullable(),
      chars: count,
    }),
  ),
  // Team annotation sessions (lib/sessions): the actor is who; before/after say what changed.
  "session.created": action(
    "review-session",
    z.object({
      before: z.null(),
      after: z.object({
        name: z.string(),
        overlap: count,
        access: z.string(),
        rule: z.string(),
        reservationMinutes: count,
        adjudicatorId: nullableId,
        reviewerIds: z.array(id),
        filter: z.record(z.string(), z.unknown()),
        planJobId: id,
      }),
    }),
  ),
  "session.planned": action(
    "review-session",
    z.object({
      before: z.object({ status: z.string() }),
      after: z.object({ status: z.string(), items: count }),
    }),
  ),
  "session.decided": action("review-session", sessionSlotChange),
  "session.retracted": action("review-session", sessionSlotChange),
  "session.adjudicated": action(
    "review-session",
    z.object({
      traceId: id,
      itemId: id,
      before: sessionItemSnapshot,
      after: sessionItemSnapshot,
      reasonId: nullableId,
      reason: z.string().nullable(),
    }),
  ),
  "session.closed": action(
    "review-session",
    z.object({ before: z.object({ status: z.string() }), after: z.object({ status: z.string() }) }),
  ),
  // On the trace: its status followed a session's verdict (or went back when the verdict was undone).
  "session.verdict": action(
    "trace",
    z.object({
      sessionId: id,
      itemId: id,
      before: z.object({ state: z.string(), verdict: z.string().nullable(), status: z.string() }),
      after: z.object({ state: z.string(), verdict: z.string().nullable(), status: z.string() }),
    }),
  ),
  "quality.rule-created": action(
    "quality-rule",
    z.object({ name: z.string(), check: z.string(), outcome: z.string(), action: z.string() }),
  ),
  "quality.rule-updated": action("quality-rule", z.object({ changes })),
  "quality.rule-deleted": action("quality-rule", z.object({ name: z.string() })),
  /** One application of a rule to traces (as they arrived, or in a scan): how many, which ones. */
  "quality.rule-applied": action(
    "quality-rule",
    z.object({
      name: z.string(),
      action: z.string(),
      check: z.string(),
      count,
      traceIds: z.array(id),
      jobId: nullableId,
    }),
  ),
  "quality.cluster-resolved": action(
    "quality-cluster",
    z.object({ kept: id, rejected: count, reasonId: nullableId }),
  ),
  "quality.scan-started": action(
    "job",
    z.object({ scope: z.record(z.string(), z.unknown()), parts: z.array(z.string()) }),
  ),
  "prompt-set.verify-settings-set": action(
    "prompt-set",
    z.object({ name: z.string(), settings: z.record(z.string(), z.unknown()) }),
  ),
  "quality.rubric-created": action(
    "quality-rubric",
    z.object({ name: z.string(), scale: count, passScore: count }),
  ),
  "quality.rubric-version-created": action(
    "quality-rubric",
    z.object({ version: count, scale: count, passScore: count, versionId: id }),
  ),
  "quality.scan-completed": action(
    "job",
    z.object({ scope: z.record(z.string(), z.unknown()), parts: z.array(z.string()) }),
  ),
  "quality.benchmark-uploaded": action(
    "benchmark",
    z.object({ name: z.string(), items: count, fileName: z.string() }),
  ),
  "quality.benchmark-toggled": action("benchmark", z.object({ name: z.string(), enabled: z.boolean() })),
  "export.downloaded": action(
    "export",
    z.object({
      jobId: nullableId,
      jobName: z.string().nullable(),
      format: z.string(),
      fileName: z.string(),
      erase: z.boolean(),
      reasoning: z.string(),
      reasoningTag: z.string(),
      /** Why contaminated traces were let in; null (or absent, older events): they were left out. */
      contaminationOverride: z.string().nullable().optional(),
    }),
  ),
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export type AuditEntityType = (typeof AUDIT_ACTIONS)[AuditAction]["entityType"];
export type AuditData<A extends AuditAction> = z.input<(typeof AUDIT_ACTIONS)[A]["data"]>;

/** One entry as a domain writes it: the entity type follows from the action. */
export type AuditEntry<A extends AuditAction = AuditAction> = {
  [K in A]: { actorId: string | null; action: K; entityId: string; data: AuditData<K> };
}[A];

export const AuditActionSchema = z.enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]]);
