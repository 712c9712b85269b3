import type Anthropic from "@anthropic-ai/sdk";
import { malformed, type CallContext } from "./errors";
import { joinReasoning, separateReasoning } from "./reasoning";
import type { Completion, FinishReason, RequestBody } from "./types";

export const ANTHROPIC_FINISH: Record<string, FinishReason> = {
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  refusal: "content_filter",
};

/** Said in the reasoning where the provider sent only an encrypted (redacted) thinking block. */
export const REDACTED_NOTE = "[Part of the reasoning was redacted by the provider.]";

/**
 * The Messages API body for one request (without `stream`). No temperature or top_p: API version
 * 2026-10-21 (sent by SDK 1.x) removed sampling parameters; no seed either.
 */
export function anthropicBody(
  model: string,
  request: RequestBody,
): Anthropic.MessageCreateParamsNonStreaming {
  return {
    model,
    max_tokens: request.maxTokens,
    ...(request.system ? { system: request.system } : {}),
    messages: [{ role: "user", content: request.prompt }],
    ...(request.stop?.length ? { stop_sequences: request.stop } : {}),
    // "summarized" asks for the thinking text itself: the trace keeps it.
    ...(request.thinkingBudget
      ? { thinking: { type: "enabled", budget_tokens: request.thinkingBudget, display: "summarized" } }
      : {}),
    ...(request.reasoningEffort ? { output_config: { effort: request.reasoningEffort } } : {}),
  };
}

type UsageLike = {
  input_tokens?: number | null;
  output_tokens?: number | null;
  output_tokens_details?: { thinking_tokens?: number } | null;
};

export function anthropicUsage(usage: UsageLike | null | undefined): Completion["usage"] {
  const reasoningTokens = usage?.output_tokens_details?.thinking_tokens;
  return {
    inputTokens: usage?.input_tokens ?? 0,
    outputTokens: usage?.output_tokens ?? 0,
    ...(typeof reasoningTokens === "number" ? { reasoningTokens } : {}),
  };
}

/** Text and thinking of a message's content blocks; the answer is the text blocks only. */
export function anthropicContent(blocks: ReadonlyArray<unknown>): { text: string; reasoning?: string } {
  let text = "";
  const thinking: string[] = [];
  for (const raw of blocks) {
    const block = raw as { type?: unknown; text?: unknown; thinking?: unknown } | null;
    if (block?.type === "text" && typeof block.text === "string") text += block.text;
    else if (block?.type === "thinking" && typeof block.thinking === "string") thinking.push(block.thinking);
    else if (block?.type === "redacted_thinking") thinking.push(REDACTED_NOTE);
  }
  return separateReasoning(text, joinReasoning(...thinking));
}

/** A parsed Messages API body as a Completion (without latency), or a malformed-body error. */
export function anthropicCompletion(response: unknown, ctx: CallContext): Omit<Completion, "latencyMs"> {
  const body = response as Partial<Anthropic.Message> | string | null;
  if (!body || typeof body !== "object" || !Array.isArray(body.content)) {
    throw malformed(ctx, "something that is not a Messages API response (is the base URL right?)");
  }
  const { text, reasoning } = anthropicContent(body.content);
  return {
    text,
    ...(reasoning ? { reasoning } : {}),
    finishReason: ANTHROPIC_FINISH[body.stop_reason ?? ""] ?? "other",
    usage: anthropicUsage(body.usage),
    model: typeof body.model === "string" && body.model ? body.model : ctx.model,
  };
}
