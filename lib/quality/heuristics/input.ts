import { z } from "zod";

/** What every heuristic reads about one trace: the conversation and how generation ended. */
export const HeuristicInputSchema = z.object({
  prompt: z.string(),
  systemMessage: z.string(),
  output: z.string(),
  /** Separate reasoning (a reasoning_content column or an extracted <think> block). */
  reasoning: z.string().nullish(),
  /** The provider's stop reason as stored ("stop", "length", "max_tokens"...). */
  finishReason: z.string().nullish(),
  truncated: z.boolean().optional(),
  outputTokens: z.number().int().nonnegative().optional(),
  maxTokens: z.number().int().positive().nullish(),
});
export type HeuristicInput = z.infer<typeof HeuristicInputSchema>;
