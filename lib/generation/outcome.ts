import type { Outcome } from "../runner";
import { attemptCostUsd } from "./cost";
import type { JobConfig } from "./schemas";
import type { ItemResult } from "./types";

/** An attempt's result with what it used and cost at the job's frozen prices. */
export function outcomeOf(result: ItemResult, config: JobConfig): Outcome<ItemResult> {
  const { requests, inputTokens, outputTokens } = result.usage;
  const costUsd = attemptCostUsd(config.pricing, result.usage, config.mode);
  return { result, usage: { requests, inputTokens, outputTokens, costUsd } };
}
