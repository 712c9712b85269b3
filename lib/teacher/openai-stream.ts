import type OpenAI from "openai";
import type { CallContext } from "./errors";
import { OPENAI_FINISH, openaiUsage, reasoningField } from "./openai-request";
import { separateReasoning } from "./reasoning";
import { watchStream } from "./stream-watch";
import type { Completion } from "./types";

type Chunks = AsyncIterable<OpenAI.Chat.ChatCompletionChunk>;

/**
 * Reads a streamed chat completion into one Completion: content and reasoning deltas, the finish
 * reason, and the usage chunk (stream_options.include_usage). `open` starts the request with the
 * signal to use, so a stall can abort it.
 */
export async function readOpenAIStream(
  ctx: CallContext,
  signal: AbortSignal,
  idleMs: number,
  open: (signal: AbortSignal, headers: Record<string, string>) => Promise<Chunks>,
): Promise<Omit<Completion, "latencyMs">> {
  const watch = watchStream(ctx, signal, idleMs);
  let content = "";
  let thinking = "";
  let finish: string | null = null;
  let usage: OpenAI.CompletionUsage | undefined;
  let model = "";
  try {
    for await (const chunk of await open(watch.signal, watch.headers)) {
      watch.touch();
      if (chunk.model) model = chunk.model;
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      if (choice.delta) {
        if (typeof choice.delta.content === "string") content += choice.delta.content;
        thinking += reasoningField(choice.delta) ?? "";
      }
      if (choice.finish_reason) finish = choice.finish_reason;
    }
  } catch (error) {
    watch.finish(false, error);
  }
  watch.finish(finish !== null);
  const { text, reasoning } = separateReasoning(content, thinking);
  return {
    text,
    ...(reasoning ? { reasoning } : {}),
    finishReason: OPENAI_FINISH[finish ?? ""] ?? "other",
    usage: openaiUsage(usage),
    model: model || ctx.model,
  };
}
