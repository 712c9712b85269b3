import { z } from "zod";
import { ProviderKindSchema, RequestParamsSchema } from "../../teacher/schemas";
import { CategoryMapSchema, RunModeSchema, SelectionModeSchema, SynthesisSchema } from "./basics";

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
  /** The request parameters as launched, settled once (a batch job's stream is false already). */
  params: RequestParamsSchema,
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
