import { z } from "zod";
import { REQUEST_DEFAULTS, RequestParamFields } from "../../teacher/schemas";
import { MAX_TOPICS } from "../synthesis/topics";
import { EvolOperationSchema, RunModeSchema, SelectionModeSchema } from "./basics";

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
  // The job's max tokens, read from text by the request parameters' own rule and default.
  maxTokens: z.coerce.number().pipe(RequestParamFields.shape.maxTokens).default(REQUEST_DEFAULTS.maxTokens),
  cautious: flag,
  /** usesReasoning(the job's params): its strategy question keeps maxTokens (see cautious.ts). */
  reasoning: flag,
  mode: RunModeSchema.default("live"),
  topics: count(MAX_TOPICS).default(0),
  topicInputChars: count(1_000_000_000).default(0),
  operations: csv.pipe(z.array(EvolOperationSchema)),
});
export type EstimateQuery = z.infer<typeof EstimateQuerySchema>;
