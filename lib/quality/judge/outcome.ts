import "server-only";
import { InvalidInputError } from "../../errors";
import { RetryableError, type LeasedItem, type Outcome } from "../../runner";
import { BATCH_PRICE_FACTOR, estimateCost, type Completion } from "../../teacher";
import { parseJudgeReply } from "./parse";
import type { QualityJudgeConfig } from "./schemas";

/** What one item produced: the judge's score of its trace, or nothing when the trace is gone. */
export type JudgeResult =
  | { kind: "score"; traceId: string; score: number; reason: string; model: string }
  | { kind: "gone"; traceId: string };

/**
 * The judge's reply read as a score, with what the call used and cost at the job's frozen prices.
 * A reply without a score on the scale, quoted in the error: on the item's first attempt a
 * retryable error (asking again may read better), after that the item fails with it (maxAttempts
 * is for the provider's failures; a judge that answers out of format twice will not be paid a third time).
 */
export function judgeOutcome(
  traceId: string,
  completion: Completion,
  config: QualityJudgeConfig,
  item: Pick<LeasedItem, "attempts" | "rateLimited">,
): Outcome<JudgeResult> {
  const reply = completion.text.trim() ? completion.text : (completion.reasoning ?? "");
  const reading = parseJudgeReply(reply, config.rubric.scale);
  if (!reading.ok) {
    const cut = completion.finishReason === "length" ? " (the reply stopped at Max tokens: allow more)" : "";
    const message = `${reading.message}${cut}`;
    const first = item.attempts - (item.rateLimited ?? 0) <= 1;
    throw first ? new RetryableError(message) : new InvalidInputError(message);
  }
  const model = completion.model || config.provider.model;
  return {
    result: { kind: "score", traceId, score: reading.score, reason: reading.reason, model },
    usage: usageOf(completion, config),
  };
}

function usageOf(completion: Completion, config: QualityJudgeConfig): Outcome<JudgeResult>["usage"] {
  const { inputTokens, outputTokens } = completion.usage;
  const { inputPerMTok, outputPerMTok } = config.pricing;
  const full = estimateCost(
    { inputPricePerMTok: inputPerMTok, outputPricePerMTok: outputPerMTok },
    inputTokens,
    outputTokens,
  );
  const costUsd = full === null ? 0 : config.mode === "batch" ? full * BATCH_PRICE_FACTOR : full;
  return { requests: 1, inputTokens, outputTokens, costUsd };
}
