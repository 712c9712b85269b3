import { z } from "zod";
import { EVOL_OPERATION_NAMES } from "../synthesis/evol-operations";

// "category": each prompt category maps to the messages allowed for it (as Orca did per task type);
// within the allowed ones the choice is by weight.
export const SelectionModeSchema = z.enum(["weighted", "uniform", "category"]);
export type SelectionMode = z.infer<typeof SelectionModeSchema>;

export const JobKindSchema = z.enum(["traces", "synthesis"]);
export type JobKind = z.infer<typeof JobKindSchema>;
/** live: one request per item as it runs; batch: the provider's batch API (half price, slow). */
export const RunModeSchema = z.enum(["live", "batch"]);
export type RunMode = z.infer<typeof RunModeSchema>;
export const EvolOperationSchema = z.enum(EVOL_OPERATION_NAMES);

/** Category → ids of the system messages allowed for it; "*" holds the fallback for the rest. */
export const CategoryMapSchema = z.record(z.string().trim().min(1), z.array(z.string().min(1)).min(1));
export type CategoryMap = z.infer<typeof CategoryMapSchema>;
export const FALLBACK_CATEGORY = "*";

export const DEFAULT_ERASED_SYSTEM_PROMPT = "You are a careful assistant who thinks before answering.";

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
