import type OpenAI from "openai";
import { timedCall } from "./call";
import type { CallContext } from "./errors";
import { openaiBody, openaiCompletion } from "./openai-request";
import { readOpenAIStream } from "./openai-stream";
import { activityFetch } from "./stream-activity";
import { DEFAULT_BASE_URLS } from "./base-url";
import { sameOriginRedirects } from "./redirect-guard";
import { lazily, openaiSdk } from "./sdk";
import type { Teacher } from "./types";
import type { ResolvedTeacherConfig } from "./teacher-config";

export const OPENAI_DEFAULT_BASE_URL = DEFAULT_BASE_URLS.openai;

/** The SDK client for a config; no retries (the job runner owns them), no logging. */
export async function openaiClient(config: ResolvedTeacherConfig): Promise<OpenAI> {
  const { default: OpenAI } = await openaiSdk();
  return new OpenAI({
    // Local servers often need no key; the SDK insists on one, so send none at all instead.
    apiKey: config.apiKey || "unused",
    defaultHeaders: config.apiKey ? undefined : { Authorization: null },
    baseURL: config.baseUrl || OPENAI_DEFAULT_BASE_URL,
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: config.timeoutMs,
    logLevel: "off",
    fetch: sameOriginRedirects(activityFetch(config.fetch)),
  });
}

export function openaiContext(config: ResolvedTeacherConfig): CallContext {
  const url = config.baseUrl || OPENAI_DEFAULT_BASE_URL;
  return { kind: "openai", url, model: config.model, timeoutMs: config.timeoutMs, secret: config.apiKey };
}

/** Any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, Ollama, llama.cpp, ...). */
export function openaiTeacher(config: ResolvedTeacherConfig): Teacher {
  const sdkClient = lazily(() => openaiClient(config));
  const base = openaiContext(config);

  return {
    complete: (request) =>
      timedCall(base, request, async (signal, ctx) => {
        const client = await sdkClient();
        const body = openaiBody(config.model, request);
        const options = { signal, timeout: ctx.timeoutMs };
        if (request.stream) {
          return readOpenAIStream(ctx, signal, config.streamIdleMs, (watched, headers) =>
            client.chat.completions.create(
              { ...body, stream: true, stream_options: { include_usage: true } },
              { ...options, signal: watched, headers },
            ),
          );
        }
        return openaiCompletion(await client.chat.completions.create(body, options), ctx);
      }),
  };
}
