import type { Usage } from "./execute/types";
import type { JobConfig } from "./schemas";

/**
 * Dollars an attempt cost at the prices frozen in the job (per million tokens), over every call
 * the attempt made; provider batches cost half. 0 when the job has no prices.
 */
export function attemptCostUsd(
  pricing: JobConfig["pricing"],
  usage: Pick<Usage, "inputTokens" | "outputTokens">,
  mode: "live" | "batch",
): number {
  const { inputPerMTok, outputPerMTok } = pricing;
  if (inputPerMTok === null && outputPerMTok === null) return 0;
  const full =
    ((inputPerMTok ?? 0) * usage.inputTokens + (outputPerMTok ?? 0) * usage.outputTokens) / 1_000_000;
  return mode === "batch" ? full / 2 : full;
}
