import { z } from "zod";

// The quality domain's vocabulary: every check stores one verdict per trace (and per prompt
// where it applies) with its evidence. Check functions are pure (lib/quality/<check>/); the
// runner kinds and rules read and write these shapes.

/** Every automatic check, by the name stored on its verdicts and used in filters and rules. */
export const CHECK_NAMES = [
  "verification",
  "refusal",
  "truncation",
  "shortcut",
  "repetition",
  "length",
  "language",
  "exact-duplicate",
  "near-duplicate",
  "contamination",
  "judge",
  "best-of-k",
] as const;
export const CheckNameSchema = z.enum(CHECK_NAMES);
export type CheckName = z.infer<typeof CheckNameSchema>;

/**
 * pass: checked and fine. fail: the check found the problem (a wrong answer, a refusal, a
 * benchmark item). warn: suspicious, a person should look. skip: could not be checked (no
 * reference answer, nothing to compare).
 */
export const VerdictOutcomeSchema = z.enum(["pass", "fail", "warn", "skip"]);
export type VerdictOutcome = z.infer<typeof VerdictOutcomeSchema>;

/** A character range of the checked text, for highlighting in review. */
export const SpanSchema = z.object({
  field: z.enum(["prompt", "trace", "reasoning"]),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Span = z.infer<typeof SpanSchema>;

/** What one check says about one text: the outcome, a line for people, and its evidence. */
export type CheckResult = {
  outcome: VerdictOutcome;
  /** One short sentence a curator reads beside the trace ("expected 72, found 70"). */
  summary: string;
  /** A number where the check has one (a judge score, a similarity, a repetition ratio). */
  score?: number;
  /** Check-specific evidence, JSON-serializable (extracted answers, matched benchmark ids...). */
  evidence?: Record<string, unknown>;
  spans?: Span[];
};

// ---------- rules ----------

export const RULE_ACTIONS = ["reject", "flag", "keep-one"] as const;
export const RuleActionSchema = z.enum(RULE_ACTIONS);
export type RuleAction = z.infer<typeof RuleActionSchema>;

/**
 * A curator's rule: when `check` says `outcome` (a "warn" rule also fires on "fail"), act.
 * keep-one only makes sense for duplicate checks: the cluster's representative stays.
 */
export const RuleFieldsSchema = z
  .object({
    name: z.string().trim().min(1, "Name the rule.").max(120, "Keep the name under 120 characters."),
    check: CheckNameSchema,
    outcome: z.enum(["fail", "warn"]).default("fail"),
    action: RuleActionSchema,
    reasonId: z.string().trim().min(1).max(200).nullish(),
    enabled: z.boolean().default(true),
  })
  .refine((r) => r.action !== "reject" || Boolean(r.reasonId), {
    message: "A rule that rejects needs a reject reason.",
    path: ["reasonId"],
  })
  .refine((r) => r.action !== "keep-one" || r.check === "near-duplicate" || r.check === "exact-duplicate", {
    message: "Keep one works on duplicate checks only (exact or near duplicates).",
    path: ["action"],
  });
export type RuleFields = z.input<typeof RuleFieldsSchema>;

export const UpdateRuleSchema = z.object({ id: z.string().trim().min(1).max(200) }).and(RuleFieldsSchema);
export const RuleIdSchema = z.object({ id: z.string().trim().min(1).max(200) });

/** The seeded reject reason for duplicates (keep one, reject the rest). */
export const DUPLICATE_REASON_ID = "reason-duplicate";

/** The actor rules decide as: not a person, never signs in, named in histories. */
export const RULES_ACTOR_ID = "quality-rules";

// ---------- scans ----------

/** What a scan covers: one job's traces, one prompt set (its prompts and their traces), or all. */
export const ScanScopeSchema = z
  .object({
    jobId: z.string().trim().min(1).max(200).optional(),
    promptSetId: z.string().trim().min(1).max(200).optional(),
  })
  .refine((s) => !(s.jobId && s.promptSetId), { message: "Scan a job or a prompt set, not both." });
export type ScanScope = z.infer<typeof ScanScopeSchema>;

/** Groups of checks a scan runs: per trace, the set-level duplicate search, prompts, best-of-K. */
export const SCAN_PARTS = ["traces", "duplicates", "prompts", "best-of-k", "rules"] as const;
export const ScanPartSchema = z.enum(SCAN_PARTS);
export type ScanPart = z.infer<typeof ScanPartSchema>;

export const StartScanSchema = z.object({
  scope: ScanScopeSchema.default({}),
  parts: z
    .array(ScanPartSchema)
    .min(1, "Choose at least one group of checks.")
    .default([...SCAN_PARTS]),
});
export type StartScanInput = z.input<typeof StartScanSchema>;

/** A scan as a runner job's frozen config (lib/quality/scan-kind.ts). */
export const QualityScanConfigSchema = z.object({
  kind: z.literal("quality-scan"),
  scope: ScanScopeSchema,
  parts: z.array(ScanPartSchema),
  actorId: z.string().nullable(),
  /** Traces per item of the per-trace checks. */
  batch: z.number().int().min(1).default(500),
});
export type QualityScanConfig = z.infer<typeof QualityScanConfigSchema>;

// ---------- benchmarks ----------

export const BENCHMARK_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const BENCHMARK_ITEMS_MAX = 100_000;

export const UploadBenchmarkSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the benchmark.")
    .max(100, "Keep the name under 100 characters.")
    .regex(/^[\w .:-]+$/, "Use letters, digits, spaces and . : - _ in the name."),
  fileName: z.string().trim().min(1).max(300),
  content: z
    .string()
    .max(BENCHMARK_FILE_MAX_BYTES, "The file is over 20 MB: split it into several benchmarks."),
});

export const BenchmarkToggleSchema = z.object({
  id: z.string().trim().min(1).max(200),
  enabled: z.boolean(),
});

/** The checks each trace gets on its own (as it arrives, and in a scan's "traces" part). */
export const TRACE_CHECKS = [
  "verification",
  "refusal",
  "truncation",
  "shortcut",
  "repetition",
  "length",
  "language",
  "contamination",
] as const satisfies readonly CheckName[];

// ---------- clusters ----------

export const ClusterQuerySchema = z.object({
  check: z.enum(["exact-duplicate", "near-duplicate"]).optional(),
  subject: z.enum(["trace", "prompt"]).optional(),
  resolved: z
    .union([z.boolean(), z.enum(["1", "0"])])
    .transform((v) => v === true || v === "1")
    .default(false),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ClusterQuery = z.infer<typeof ClusterQuerySchema>;

export const ResolveClusterSchema = z.object({
  clusterId: z.string().trim().min(1).max(200),
  keepId: z.string().trim().min(1).max(200),
});

// ---------- verification settings ----------

/** A prompt set's verification settings; the fields are VerifySettingsSchema's (lib/quality/verify). */
export const SetVerifySettingsSchema = z.object({
  promptSetId: z.string().trim().min(1).max(200),
  settings: z.object({
    method: z.enum(["auto", "numeric", "exact", "choice", "regex", "symbolic"]).default("auto"),
    regex: z.string().trim().max(500).optional(),
    tolerance: z
      .object({ relative: z.number().min(0).max(1).optional(), absolute: z.number().min(0).optional() })
      .optional(),
  }),
});
