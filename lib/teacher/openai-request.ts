import type OpenAI from "openai";
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import { malformed, type CallContext } from "./errors";
import { separateReasoning } from "./reasoning";
import type { Completion, FinishReason, RequestBody } from "./types";

export const OPENAI_FINISH: Record<string, FinishReason> = {
  stop: "stop",
  length: "length",
  content_filter: "content_filter",
};

// OpenAI's own reasoning models (o1, o3, o4-mini, gpt-5...) refuse max_tokens and sampling knobs.
const REASONING_MODEL = /^(openai\/)?(o\d|gpt-5)/i;

/** The chat-completions body for one request (without `stream`): live, streamed and batched alike. */
export function openaiBody(model: string, request: RequestBody): ChatCompletionCreateParamsNonStreaming {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.system) messages.push({ role: "system", content: request.system });
  messages.push({ role: "user", content: request.prompt });
  const reasoningModel = REASONING_MODEL.test(model);
  const newStyle = reasoningModel || request.reasoningEffort !== undefined;
  return {
    model,
    messages,
    ...(reasoningModel ? {} : { temperature: request.temperature }),
    ...(reasoningModel || request.topP === undefined ? {} : { top_p: request.topP }),
    ...(newStyle ? { max_completion_tokens: request.maxTokens } : { max_tokens: request.maxTokens }),
    ...(request.stop?.length ? { stop: request.stop } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.reasoningEffort ? { reasoning_effort: request.reasoningEffort } : {}),
  };
}

/** Reasoning as OpenAI-compatible servers return it: vLLM/DeepSeek `reasoning_content`, OpenRouter `reasoning`. */
export function reasoningField(message: unknown): string | undefined {
  if (!message || typeof message !== "object") return undefined;
  const m = message as { reasoning_content?: unknown; reasoning?: unknown };
  if (typeof m.reasoning_content === "string" && m.reasoning_content) return m.reasoning_content;
  if (typeof m.reasoning === "string" && m.reasoning) return m.reasoning;
  return undefined;
}

export function openaiUsage(usage: Partial<OpenAI.CompletionUsage> | null | undefined): Completion["usage"] {
  const reasoningTokens = usage?.completion_tokens_details?.reasoning_tokens;
  return {
    inputTokens: usage?.prompt_tokens ?? 0,
    outputTokens: usage?.completion_tokens ?? 0,
    ...(typeof reasoningTokens === "number" ? { reasoningTokens } : {}),
  };
}

/** A parsed chat-completion body as a Completion (without latency), or a malformed-body error. */
export function openaiCompletion(response: unknown, ctx: CallContext): Omit<Completion, "latencyMs"> {
  const body = response as Partial<OpenAI.Chat.ChatCompletion> | string | null;
  if (!body || typeof body !== "object") {
    throw malformed(
      ctx,
      "something that is not a chat completion (is the base URL right? It usually ends in /v1)",
    );
  }
  const choice = Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!choice || typeof choice !== "object" || !choice.message) {
    throw malformed(ctx, "a chat completion without any choices");
  }
  const content = choice.message.content;
  const { text, reasoning } = separateReasoning(
    typeof content === "string" ? content : "",
    reasoningField(choice.message),
  );
  return {
    text,
    ...(reasoning ? { reasoning } : {}),
    finishReason: OPENAI_FINISH[choice.finish_reason ?? ""] ?? "other",
    usage: openaiUsage(body.usage),
    model: typeof body.model === "string" && body.model ? body.model : ctx.model,
  };
}
