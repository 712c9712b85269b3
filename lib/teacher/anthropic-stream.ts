import type Anthropic from "@anthropic-ai/sdk";
import { ANTHROPIC_FINISH, anthropicContent, anthropicUsage } from "./anthropic-request";
import type { CallContext } from "./errors";
import { watchStream } from "./stream-watch";
import type { Completion } from "./types";

type Events = AsyncIterable<Anthropic.RawMessageStreamEvent>;
type Block = { type: string; text?: string; thinking?: string };

/**
 * Reads a streamed message into one Completion: text and thinking blocks from their deltas, the
 * stop reason and usage from message_delta. Finished only once message_stop arrives.
 */
export async function readAnthropicStream(
  ctx: CallContext,
  signal: AbortSignal,
  idleMs: number,
  open: (signal: AbortSignal, headers: Record<string, string>) => Promise<Events>,
): Promise<Omit<Completion, "latencyMs">> {
  const watch = watchStream(ctx, signal, idleMs);
  const blocks: Block[] = [];
  let model = "";
  let stopReason: string | null = null;
  let stopped = false;
  let usage: Parameters<typeof anthropicUsage>[0] = {};
  try {
    for await (const event of await open(watch.signal, watch.headers)) {
      watch.touch();
      switch (event.type) {
        case "message_start":
          model = event.message.model;
          usage = { ...event.message.usage };
          break;
        case "content_block_start":
          blocks[event.index] = { type: event.content_block.type, text: "", thinking: "" };
          break;
        case "content_block_delta": {
          const block = (blocks[event.index] ??= { type: "text", text: "", thinking: "" });
          if (event.delta.type === "text_delta") block.text += event.delta.text;
          else if (event.delta.type === "thinking_delta") block.thinking += event.delta.thinking;
          break;
        }
        case "message_delta":
          stopReason = event.delta.stop_reason ?? stopReason;
          // Deltas carry cumulative counts; input_tokens may be null there.
          usage = {
            input_tokens: event.usage.input_tokens ?? usage.input_tokens,
            output_tokens: event.usage.output_tokens,
            output_tokens_details: event.usage.output_tokens_details ?? usage.output_tokens_details,
          };
          break;
        case "message_stop":
          stopped = true;
          break;
      }
    }
  } catch (error) {
    watch.finish(false, error);
  }
  watch.finish(stopped && stopReason !== null);
  const { text, reasoning } = anthropicContent(blocks.filter(Boolean));
  return {
    text,
    ...(reasoning ? { reasoning } : {}),
    finishReason: ANTHROPIC_FINISH[stopReason ?? ""] ?? "other",
    usage: anthropicUsage(usage),
    model: model || ctx.model,
  };
}
