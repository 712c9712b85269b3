import "server-only";
import type { Tx } from "../../db/client";
import type { LeasedItem } from "../lease";
import type { JobConfig } from "../schemas";
import type { ItemResult } from "./types";

/** Writes what an attempt produced, inside the worker's fenced completion transaction. */
export async function writeResult(
  tx: Tx,
  item: LeasedItem,
  result: ItemResult,
  config: JobConfig,
): Promise<void> {
  if (result.kind !== "trace") throw new Error(`writeResult: ${result.kind} results are not written yet`);
  const { completion } = result;
  await tx.trace.create({
    data: {
      itemId: item.id,
      jobId: item.jobId,
      promptId: item.promptId!,
      systemMessageVersionId: result.systemMessageVersionId,
      model: completion.model,
      params: { temperature: config.params.temperature, maxTokens: config.params.maxTokens },
      content: completion.text,
      reasoning: completion.reasoning ?? null,
      strategy: result.strategy ?? undefined,
      finishReason: completion.finishReason,
      truncated: completion.finishReason === "length",
      inputTokens: completion.usage.inputTokens,
      outputTokens: completion.usage.outputTokens,
      reasoningTokens: completion.usage.reasoningTokens ?? 0,
      latencyMs: Math.round(completion.latencyMs),
    },
  });
}
