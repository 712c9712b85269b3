import type Anthropic from "@anthropic-ai/sdk";
import { anthropicBody, anthropicCompletion } from "./anthropic-request";
import { readAnthropicStream } from "./anthropic-stream";
import { activityFetch } from "./stream-activity";
import { DEFAULT_BASE_URLS } from "./base-url";
import { sameOriginRedirects } from "./redirect-guard";
import { timedCall } from "./call";
import { anthropicSdk, lazily } from "./sdk";
import type { CallContext } from "./errors";
import type { Teacher } from "./types";
import type { ResolvedTeacherConfig } from "./teacher-config";

export const ANTHROPIC_DEFAULT_BASE_URL = DEFAULT_BASE_URLS.anthropic;

/** The SDK client for a config; no retries (the job runner owns them), no logging. */
export async function anthropicClient(config: ResolvedTeacherConfig): Promise<Anthropic> {
  const { default: Anthropic } = await anthropicSdk();
  return new Anthropic({
    // An explicit key keeps the SDK from looking for credentials elsewhere; without one, send none.
    apiKey: config.apiKey || "unused",
    defaultHeaders: config.apiKey ? undefined : { Authorization: null, "x-api-key": null },
    baseURL: config.baseUrl || ANTHROPIC_DEFAULT_BASE_URL,
    maxRetries: 0,
    timeout: config.timeoutMs,
    logLevel: "off",
    fetch: sameOriginRedirects(activityFetch(config.fetch)),
  });
}

export function anthropicContext(config: ResolvedTeacherConfig): CallContext {
  const url = config.baseUrl || ANTHROPIC_DEFAULT_BASE_URL;
  return { kind: "anthropic", url, model: config.model, timeoutMs: config.timeoutMs, secret: config.apiKey };
}

/** The Anthropic Messages API (or a server that speaks it). */
export function anthropicTeacher(config: ResolvedTeacherConfig): Teacher {
  const sdkClient = lazily(() => anthropicClient(config));
  const base = anthropicContext(config);

  return {
    complete: (request) =>
      timedCall(base, request, async (signal, ctx) => {
        const client = await sdkClient();
        const body = anthropicBody(config.model, request);
        const options = { signal, timeout: ctx.timeoutMs };
        if (request.stream) {
          return readAnthropicStream(ctx, signal, config.streamIdleMs, (watched, headers) =>
            client.messages.create({ ...body, stream: true }, { ...options, signal: watched, headers }),
          );
        }
        return anthropicCompletion(await client.messages.create(body, options), ctx);
      }),
  };
}
