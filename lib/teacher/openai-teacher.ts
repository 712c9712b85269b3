import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { timedCall } from "./call";
import { malformed, type CallContext } from "./errors";
import type { FinishReason, Teacher } from "./types";
import type { ResolvedTeacherConfig } from "./create-teacher";

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

const FINISH: Record<string, FinishReason> = {
  stop: "stop",
  length: "length",
  content_filter: "content_filter",
};

/** Any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, Ollama, llama.cpp, ...). */
export function openaiTeacher(config: ResolvedTeacherConfig): Teacher {
  const baseURL = config.baseUrl || OPENAI_DEFAULT_BASE_URL;
  const client = new OpenAI({
    // Local servers often need no key; the SDK insists on one, so send none at all instead.
    apiKey: config.apiKey || "unused",
    defaultHeaders: config.apiKey ? undefined : { Authorization: null },
    baseURL,
    organization: null,
    project: null,
    maxRetries: 0, // the job runner owns retries
    timeout: config.timeoutMs,
  });
  const ctx: CallContext = { kind: "openai", url: baseURL, model: config.model, timeoutMs: config.timeoutMs };

  return {
    complete: (request) =>
      timedCall(ctx, request, async (signal) => {
        const messages: ChatCompletionMessageParam[] = [];
        if (request.system) messages.push({ role: "system", content: request.system });
        messages.push({ role: "user", content: request.prompt });
        const response: unknown = await client.chat.completions.create(
          {
            model: config.model,
            messages,
            temperature: request.temperature,
            max_tokens: request.maxTokens,
          },
          { signal, timeout: config.timeoutMs },
        );
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
        return {
          text: typeof content === "string" ? content : "",
          finishReason: FINISH[choice.finish_reason ?? ""] ?? "other",
          usage: {
            inputTokens: body.usage?.prompt_tokens ?? 0,
            outputTokens: body.usage?.completion_tokens ?? 0,
          },
          model: typeof body.model === "string" && body.model ? body.model : config.model,
        };
      }),
  };
}
