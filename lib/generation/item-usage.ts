import { attemptCostUsd } from "./cost";
import type { ItemResult } from "./types";
import type { JobConfig } from "./schemas";

/** What an item records of the attempt that completed it: tokens and cost, whatever it produced. */
export type ItemUsage = { inputTokens: number; outputTokens: number; costUsd: number };

export function itemUsage(result: ItemResult, config: JobConfig): ItemUsage {
  const { inputTokens, outputTokens } = result.usage;
  return { inputTokens, outputTokens, costUsd: attemptCostUsd(config.pricing, result.usage, config.mode) };
}
