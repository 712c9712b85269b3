import { BATCH_PRICE_FACTOR } from "../teacher";
import { estimateCost } from "../teacher";
import type { Usage } from "./types";
import type { JobConfig } from "./schemas";

/**
 * Dollars an attempt cost at the prices frozen in the job (per million tokens), over every call
 * the attempt made; provider batches cost less. 0 when the job has no prices.
 */
export function attemptCostUsd(
  pricing: JobConfig["pricing"],
  usage: Pick<Usage, "inputTokens" | "outputTokens">,
  mode: "live" | "batch",
): number {
  const prices = { inputPricePerMTok: pricing.inputPerMTok, outputPricePerMTok: pricing.outputPerMTok };
  const full = estimateCost(prices, usage.inputTokens, usage.outputTokens);
  if (full === null) return 0;
  return mode === "batch" ? full * BATCH_PRICE_FACTOR : full;
}
