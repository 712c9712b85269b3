import Anthropic from "@anthropic-ai/sdk";
import { timedCall } from "./call";
import { malformed, type CallContext } from "./errors";
import type { FinishReason, Teacher } from "./types";
import type { ResolvedTeacherConfig } from "./create-teacher";

export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";

const FINISH: Record<string, FinishReason> = {
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  refusal: "content_filter",
};

/** The Anthropic Messages API (or a server that speaks it). */
export function anthropicTeacher(config: ResolvedTeacherConfig): Teacher {
  const baseURL = config.baseUrl || ANTHROPIC_DEFAULT_BASE_URL;
  const client = new Anthropic({
    // An explicit key keeps the SDK from looking for credentials elsewhere; without one, send none.
    apiKey: config.apiKey || "unused",
    defaultHeaders: config.apiKey ? undefined : { Authorization: null, "x-api-key": null },
    baseURL,
    maxRetries: 0, // the job runner owns retries
    timeout: config.timeoutMs,
  });
  const ctx: CallContext = {
    kind: "anthropic",
    url: baseURL,
    model: config.model,
    timeoutMs: config.timeoutMs,
  };

  return {
    complete: (request) =>
      timedCall(ctx, request, async (signal) => {
        const response: unknown = await client.messages.create(
          {
            model: config.model,
            max_tokens: request.maxTokens,
            // No temperature: API version 2026-10-21 (sent by SDK 1.x) removed sampling parameters.
            ...(request.system ? { system: request.system } : {}),
            messages: [{ role: "user", content: request.prompt }],
          },
          { signal, timeout: config.timeoutMs },
        );
        const body = response as Partial<Anthropic.Message> | string | null;
        if (!body || typeof body !== "object" || !Array.isArray(body.content)) {
          throw malformed(ctx, "something that is not a Messages API response (is the base URL right?)");
        }
        let text = "";
        for (const block of body.content) if (block?.type === "text") text += block.text;
        return {
          text,
          finishReason: FINISH[body.stop_reason ?? ""] ?? "other",
          usage: {
            inputTokens: body.usage?.input_tokens ?? 0,
            outputTokens: body.usage?.output_tokens ?? 0,
          },
          model: typeof body.model === "string" && body.model ? body.model : config.model,
        };
      }),
  };
}
