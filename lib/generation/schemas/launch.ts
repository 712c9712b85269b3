import { z } from "zod";
// The schema module itself: client forms import this file, and the teacher index is server-only.
import { LaunchKeySchema } from "../../runner/schemas";
import { MAX_SEED, RequestParamsSchema } from "../../teacher/schemas";
import { MAX_TOPICS, parseTopics } from "../synthesis/topics";
import {
  CategoryMapSchema,
  DEFAULT_ERASED_SYSTEM_PROMPT,
  EvolOperationSchema,
  RunModeSchema,
  SelectionModeSchema,
  type RunMode,
} from "./basics";

const id = (what: string) => z.string().trim().min(1, `Choose a ${what}.`);
const int = (label: string, min: number, max: number) =>
  z
    .number()
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

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
  launchKey: LaunchKeySchema.optional(),
  name: optionalName("job name"),
  providerId: id("teacher"),
  /** What every request of the job carries; `params.seed` is the provider's sampling seed. */
  params: RequestParamsSchema.prefault({}),
  mode: RunModeSchema.default("live"),
  concurrency: int("Concurrency", 1, 64).default(8),
  maxAttempts: int("Max attempts", 1, 10).default(3),
};

// Refused here, so a batch job's frozen params already say stream: false.
function refuseBatchStreaming(v: { params?: { stream?: boolean }; mode: RunMode }, ctx: z.RefinementCtx) {
  if (v.params?.stream === true && v.mode === "batch") {
    ctx.addIssue({
      code: "custom",
      path: ["params", "stream"],
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
    /** The plan's seed (which system message each item gets), not the provider's. */
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
    refuseBatchStreaming(v, ctx);
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
    refuseBatchStreaming(v, ctx);
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
