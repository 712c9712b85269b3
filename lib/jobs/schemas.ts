import { z } from "zod";
// The schema module itself: client forms import this file, and the teacher index is server-only.
import { ProviderKindSchema } from "../teacher/schemas";

export const JobStatusSchema = z.enum(["queued", "running", "paused", "completed", "failed", "cancelled"]);
export type JobStatus = z.infer<typeof JobStatusSchema>;
export const ACTIVE_JOB_STATUSES = ["queued", "running"] as const satisfies readonly JobStatus[];

export const ItemStatusSchema = z.enum(["pending", "running", "done", "failed", "cancelled"]);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

// "category": each prompt category maps to the messages allowed for it (as Orca did per task type);
// within the allowed ones the choice is by weight.
export const SelectionModeSchema = z.enum(["weighted", "uniform", "category"]);
export type SelectionMode = z.infer<typeof SelectionModeSchema>;

export const JobKindSchema = z.enum(["traces", "synthesis"]);
export type JobKind = z.infer<typeof JobKindSchema>;
/** live: one request per item as it runs; batch: the provider's batch API (half price, slow). */
export const RunModeSchema = z.enum(["live", "batch"]);
export type RunMode = z.infer<typeof RunModeSchema>;
export const ReasoningEffortSchema = z.enum(["low", "medium", "high"]);

/** Category → ids of the system messages allowed for it; "*" holds the fallback for the rest. */
export const CategoryMapSchema = z.record(z.string().trim().min(1), z.array(z.string().min(1)).min(1));

/** Topic-graph synthesis (Phi): topics as paths ("Physics > Optics"), N prompts each, from a template. */
export const TopicGraphSchema = z.object({
  method: z.literal("topic-graph"),
  topics: z.array(z.string().trim().min(1)).min(1, "Give at least one topic."),
  template: z.string().trim().min(1, "Write the instruction template."),
  promptsPerTopic: z.number().int().min(1).max(50),
});
/** Evol-Instruct: rewrite each source prompt by named operations (deepen, broaden, ...). */
export const EvolInstructSchema = z.object({
  method: z.literal("evol-instruct"),
  sourcePromptSetId: z.string().min(1),
  operations: z.array(z.string().trim().min(1)).min(1, "Choose at least one operation."),
});
export const SynthesisSchema = z.discriminatedUnion("method", [TopicGraphSchema, EvolInstructSchema]);
export type Synthesis = z.infer<typeof SynthesisSchema>;

export const MAX_SEED = 2_147_483_647;
const id = (what: string) => z.string().trim().min(1, `Choose a ${what}.`);
const int = (label: string, min: number, max: number) =>
  z
    .number()
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

/** What a person chooses when launching a job; defaults fill the rest. */
export const LaunchJobSchema = z.object({
  name: z
    .string()
    .trim()
    .max(200, "Keep the job name under 200 characters.")
    .optional()
    .transform((v) => (v ? v : undefined)),
  promptSetId: id("prompt set"),
  systemMessageIds: z
    .array(z.string().trim().min(1))
    .min(1, "Choose at least one system message.")
    .optional(),
  selection: SelectionModeSchema.default("weighted"),
  seed: int("Seed", 0, MAX_SEED).optional(),
  providerId: id("teacher"),
  temperature: z
    .number()
    .min(0, "Temperature must be between 0 and 2.")
    .max(2, "Temperature must be between 0 and 2.")
    .default(0.7),
  maxTokens: int("Max tokens", 1, 32_768).default(1024),
  samplesPerPrompt: int("Samples per prompt", 1, 16).default(1),
  concurrency: int("Concurrency", 1, 64).default(8),
  maxAttempts: int("Max attempts", 1, 10).default(3),
});
export type LaunchJobInput = z.input<typeof LaunchJobSchema>;
export type LaunchJob = z.output<typeof LaunchJobSchema>;

/** The frozen copy of everything a job needs, stored in Job.config at launch. Never the API key. */
export const JobConfigSchema = z.object({
  promptSet: z.object({ id: z.string(), name: z.string(), promptCount: z.number().int() }),
  systemMessages: z
    .array(
      z.object({
        messageId: z.string(),
        name: z.string(),
        versionId: z.string(),
        version: z.number().int(),
        weight: z.number(),
        content: z.string(),
      }),
    )
    .min(1),
  selection: z.object({
    mode: SelectionModeSchema,
    seed: z.number().int(),
    categoryMap: CategoryMapSchema.optional(),
  }),
  provider: z.object({
    id: z.string(),
    name: z.string(),
    kind: ProviderKindSchema,
    baseUrl: z.string().nullable(),
    model: z.string(),
  }),
  params: z.object({
    temperature: z.number(),
    maxTokens: z.number().int(),
    topP: z.number().optional(),
    stop: z.array(z.string()).optional(),
    seed: z.number().int().optional(),
    reasoningEffort: ReasoningEffortSchema.optional(),
    thinkingBudget: z.number().int().optional(),
    stream: z.boolean().default(false),
    timeoutMs: z.number().int().default(180_000),
  }),
  samplesPerPrompt: z.number().int().min(1),
  concurrency: z.number().int().min(1),
  maxAttempts: z.number().int().min(1),
  // Added with the generation engine; defaults keep older jobs readable.
  kind: JobKindSchema.default("traces"),
  mode: RunModeSchema.default("live"),
  /** Orca 2 cautious reasoning: the teacher first picks a strategy (one of systemMessages). */
  cautious: z
    .object({
      /** What replaces the detailed system message at export when prompts are erased. */
      erasedSystemPrompt: z.string(),
    })
    .nullable()
    .default(null),
  synthesis: SynthesisSchema.nullable().default(null),
  /** Prices frozen at launch, per million tokens; batch requests cost half. */
  pricing: z
    .object({ inputPerMTok: z.number().nullable(), outputPerMTok: z.number().nullable() })
    .default({ inputPerMTok: null, outputPerMTok: null }),
});
export type JobConfig = z.infer<typeof JobConfigSchema>;

export const JobRefSchema = z.object({
  jobId: z.string().trim().min(1, "Which job? The job id is missing."),
});
export type JobRef = z.infer<typeof JobRefSchema>;

export const JobIdParamsSchema = z.object({ id: z.string().trim().min(1) });
