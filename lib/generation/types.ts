import type { ItemRow, LeasedItem } from "../runner";
import type { Completion, Teacher } from "../teacher";
import type { JobConfig } from "./schemas";

/** Everything one attempt at one generation item needs; the runner hands it over. */
export type ExecuteContext = {
  item: LeasedItem;
  row: ItemRow;
  config: JobConfig;
  teacher: Teacher;
  signal: AbortSignal;
};

/** The cautious-reasoning choice a trace records. */
export type StrategyChoice = {
  messageId: string;
  name: string;
  versionId: string;
  version: number;
  /** What the teacher replied when asked to choose. */
  reply: string;
  /** How the reply was read; "fallback": unreadable, so the plan's seeded choice was used. */
  chosenBy: "number" | "name" | "fuzzy" | "fallback";
};

export type SynthesizedPrompt = {
  text: string;
  topic: string | null;
  operation: string | null;
  parentPromptId: string | null;
  category: string | null;
};

/**
 * What an attempt produced. `usage` totals every teacher call the attempt made (two in cautious
 * mode), for rate limits and cost.
 */
export type ItemResult =
  | {
      kind: "trace";
      completion: Completion;
      systemMessageVersionId: string;
      strategy: StrategyChoice | null;
      usage: Usage;
    }
  | { kind: "prompts"; prompts: SynthesizedPrompt[]; completion: Completion; usage: Usage };

export type Usage = { requests: number; inputTokens: number; outputTokens: number };

/** The usage of an attempt that made one teacher call. */
export const oneCallUsage = (completion: Completion): Usage => ({
  requests: 1,
  inputTokens: completion.usage.inputTokens,
  outputTokens: completion.usage.outputTokens,
});
