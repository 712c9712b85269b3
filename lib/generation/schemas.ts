import { z } from "zod";
// The schema module itself: client forms import this file, and the teacher index is server-only.
import { ProviderKindSchema } from "../teacher/schemas";
import { EVOL_OPERATION_NAMES } from "./synthesis/evol-operations";
import { MAX_TOPICS, parseTopics } from "./synthesis/topics";

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
export type ReasoningEffort = z.infer<typeof ReasoningEffortSchema>;
export const EvolOperationSchema = z.enum(EVOL_OPERATION_NAMES);

/** Category → ids of the system messages allowed for it; "*" holds the fallback for the rest. */
export const CategoryMapSchema = z.record(z.string().trim().min(1), z.array(z.string().min(1)).min(1));
export type CategoryMap = z.infer<typeof CategoryMapSchema>;
export const FALLBACK_CATEGORY = "*";

/** Topic-graph synthesis (Phi): topics as paths ("Physics > Optics"), N prompts each, from a template. */
export const TopicGraphSchema = z.object({
  method: z.literal("topic-graph"),
  topics: z.array(z.string().trim().min(1)).min(1, "Give at least one topic."),
  template: z.string().trim().min(1, "Write the instruction template."),
  promptsPerTopic: z.number().int().min(1).max(50),
  /** The category of every prompt written; absent: each prompt's top-level topic. */
  category: z.string().optional(),
});
/** Evol-Instruct: rewrite each source prompt by named operations (deepen, broaden, ...). */
export const EvolInstructSchema = z.object({
  method: z.literal("evol-instruct"),
  sourcePromptSetId: z.string().min(1),
  operations: z.array(z.string().trim().min(1)).min(1, "Choose at least one operation."),
  sourcePromptSetName: z.string().optional(),
  /** Each operation's instruction as frozen at launch ("{prompt}" stands for the parent). */
  instructions: z.record(z.string(), z.string()).optional(),
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

export const DEFAULT_ERASED_SYSTEM_PROMPT = "You are a careful assistant who thinks before answering.";
export const DEFAULT_TIMEOUT_MS = 180_000;

const optionalText = (max: number, what = "it") =>
  z
    .string()
    .trim()
    .max(max, `Keep ${what} under ${max} characters.`)
    .optional()
    .transform((v) => v || undefined);
const optionalName = (what: string) => optionalText(200, `the ${what}`);

/** The teacher, its request parameters and how the job runs: shared by both launch forms. */
const generationFields = {
  name: optionalName("job name"),
  providerId: id("teacher"),
  temperature: z
    .number()
    .min(0, "Temperature must be between 0 and 2.")
    .max(2, "Temperature must be between 0 and 2.")
    .default(0.7),
  maxTokens: int("Max tokens", 1, 32_768).default(1024),
  topP: z.number().gt(0, "Top P must be above 0.").max(1, "Top P must be at most 1.").optional(),
  stop: z
    .array(z.string().min(1, "A stop sequence cannot be empty.").max(200, "Keep stop sequences short."))
    .max(4, "Give at most 4 stop sequences.")
    .optional()
    .transform((v) => (v && v.length ? v : undefined)),
  /** The provider's sampling seed (OpenAI-compatible `seed`), not the plan's seed. */
  providerSeed: int("Provider seed", 0, MAX_SEED).optional(),
  reasoningEffort: ReasoningEffortSchema.optional(),
  thinkingBudget: int("Thinking budget", 1024, 131_072).optional(),
  stream: z.boolean().default(false),
  timeoutMs: int("Timeout", 1_000, 3_600_000).default(DEFAULT_TIMEOUT_MS),
  mode: RunModeSchema.default("live"),
  concurrency: int("Concurrency", 1, 64).default(8),
  maxAttempts: int("Max attempts", 1, 10).default(3),
};

type GenerationChecked = {
  maxTokens: number;
  thinkingBudget?: number;
  stream: boolean;
  mode: RunMode;
};

function checkGeneration(v: GenerationChecked, ctx: z.RefinementCtx) {
  if (v.thinkingBudget !== undefined && v.thinkingBudget >= v.maxTokens) {
    ctx.addIssue({
      code: "custom",
      path: ["thinkingBudget"],
      message: "The thinking budget must be below Max tokens (the answer needs room too).",
    });
  }
  if (v.stream && v.mode === "batch") {
    ctx.addIssue({
      code: "custom",
      path: ["stream"],
      message: "Streaming applies to live runs only: turn it off for a batch run.",
    });
  }
}

/** What a person chooses when launching a job; defaults fill the rest. */
export const LaunchJobSchema = z
  .object({
    ...generationFields,
    promptSetId: id("prompt set"),
    systemMessageIds: z
      .array(z.string().trim().min(1))
      .min(1, "Choose at least one system message.")
      .optional(),
    selection: SelectionModeSchema.default("weighted"),
    /** For selection "category": category → allowed message ids ("*": every other category). */
    categoryMap: CategoryMapSchema.optional(),
    seed: int("Seed", 0, MAX_SEED).optional(),
    samplesPerPrompt: int("Samples per prompt", 1, 16).default(1),
    /** Orca 2 cautious reasoning: the teacher picks the strategy, then answers under it. */
    cautious: z.boolean().default(false),
    erasedSystemPrompt: z
      .string()
      .trim()
      .max(2_000, "Keep the erased system prompt under 2,000 characters.")
      .optional()
      .transform((v) => v || DEFAULT_ERASED_SYSTEM_PROMPT),
  })
  .superRefine((v, ctx) => {
    checkGeneration(v, ctx);
    if (v.selection === "category" && Object.keys(v.categoryMap ?? {}).length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["categoryMap"],
        message:
          'Category selection needs a map: choose the messages allowed for each category (or for "*").',
      });
    }
    if (v.cautious && v.mode === "batch") {
      ctx.addIssue({
        code: "custom",
        path: ["cautious"],
        message:
          "Cautious reasoning makes two calls per item, the second depending on the first: run it live, not as a batch.",
      });
    }
  });
export type LaunchJobInput = z.input<typeof LaunchJobSchema>;
export type LaunchJob = z.output<typeof LaunchJobSchema>;

const TopicGraphLaunchSchema = z.object({
  method: z.literal("topic-graph"),
  /** One topic per line; indentation or " > " for subtopics (see synthesis/topics.ts). */
  topics: z.string().max(200_000, "That topic list is too long."),
  template: z
    .string()
    .trim()
    .min(1, "Write the instruction template.")
    .max(10_000, "Keep the template under 10,000 characters.")
    .refine((t) => t.includes("{topic}"), "The template must contain {topic}, where each topic goes."),
  promptsPerTopic: int("Prompts per topic", 1, 50).default(5),
  category: optionalText(200),
});
const EvolLaunchSchema = z.object({
  method: z.literal("evol-instruct"),
  sourcePromptSetId: id("source prompt set"),
  operations: z.array(EvolOperationSchema).min(1, "Choose at least one operation."),
});

/** A synthesis job: the teacher writes prompts into a target set (existing, or new by name). */
export const LaunchSynthesisSchema = z
  .object({
    ...generationFields,
    targetSetId: optionalText(200),
    newSetName: optionalName("new set's name"),
    synthesis: z.discriminatedUnion("method", [TopicGraphLaunchSchema, EvolLaunchSchema]),
  })
  .superRefine((v, ctx) => {
    checkGeneration(v, ctx);
    if (!v.targetSetId === !v.newSetName) {
      ctx.addIssue({
        code: "custom",
        path: ["targetSetId"],
        message: "Choose the prompt set to write into, or name a new one (not both).",
      });
    }
    if (v.synthesis.method === "topic-graph") {
      const leaves = parseTopics(v.synthesis.topics).length;
      if (leaves === 0 || leaves > MAX_TOPICS) {
        ctx.addIssue({
          code: "custom",
          path: ["synthesis", "topics"],
          message:
            leaves === 0
              ? "Give at least one topic, one per line."
              : `That is ${leaves} topics; launch at most ${MAX_TOPICS} at a time.`,
        });
      }
    }
  });
export type LaunchSynthesisInput = z.input<typeof LaunchSynthesisSchema>;
export type LaunchSynthesis = z.output<typeof LaunchSynthesisSchema>;

/** The frozen copy of everything a generation job needs, stored in Job.config at launch. Never the API key. */
const generationConfig = {
  promptSet: z.object({
    id: z.string(),
    name: z.string(),
    promptCount: z.number().int(),
    /** Planning takes the set's prompts as they were at launch (ISO time); absent in older jobs. */
    asOf: z.string().optional(),
  }),
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
    // Empty for synthesis jobs, which use no system message.
    .min(0),
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
    timeoutMs: z.number().int().default(DEFAULT_TIMEOUT_MS),
  }),
  samplesPerPrompt: z.number().int().min(1),
  concurrency: z.number().int().min(1),
  maxAttempts: z.number().int().min(1),
  // Added with the generation engine; defaults keep older jobs readable.
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
};

/** Trace generation: prompt x sample items answered under a system message. */
export const TracesConfigSchema = z.object({
  ...generationConfig,
  kind: z.literal("traces").default("traces"),
});
export type TracesConfig = z.infer<typeof TracesConfigSchema>;

/** Prompt synthesis: the teacher writes prompts into promptSet. */
export const SynthesisConfigSchema = z.object({
  ...generationConfig,
  kind: z.literal("synthesis"),
  synthesis: SynthesisSchema,
});
export type SynthesisConfig = z.infer<typeof SynthesisConfigSchema>;

/** A generation job's frozen config, by kind (older trace jobs stored no kind). */
export const JobConfigSchema = z.discriminatedUnion("kind", [TracesConfigSchema, SynthesisConfigSchema]);
export type JobConfig = z.infer<typeof JobConfigSchema>;

const csv = z
  .string()
  .max(20_000)
  .optional()
  .transform((v) => (v ? [...new Set(v.split(",").map((s) => s.trim()))].filter(Boolean) : []));
const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");
const count = (max: number) => z.coerce.number().int().min(0).max(max);

/**
 * GET /api/jobs/estimate: what the launch form knows so far. `promptSetId` is the set to answer
 * (traces) or to evolve (evol-instruct); topic-graph sends its topic count and the characters of
 * its filled-in instructions, which the form computes from the text it holds.
 */
export const EstimateQuerySchema = z.object({
  kind: z.enum(["traces", "topic-graph", "evol-instruct"]).default("traces"),
  providerId: z.string().trim().min(1, "Choose a teacher."),
  promptSetId: z.string().trim().optional(),
  messageIds: csv,
  selection: SelectionModeSchema.default("weighted"),
  samplesPerPrompt: z.coerce.number().int().min(1).max(16).default(1),
  maxTokens: z.coerce.number().int().min(1).max(32_768).default(1024),
  cautious: flag,
  /** The job sets a reasoning effort or thinking budget: its strategy question keeps maxTokens. */
  reasoning: flag,
  mode: RunModeSchema.default("live"),
  topics: count(MAX_TOPICS).default(0),
  topicInputChars: count(1_000_000_000).default(0),
  operations: csv.pipe(z.array(EvolOperationSchema)),
});
export type EstimateQuery = z.infer<typeof EstimateQuerySchema>;
