import { assertCallable } from "./endpoint";
import { DEFAULT_TIMEOUT_MS, type ProviderKind } from "./schemas";

// How a teacher client is configured; the SDK clients and both factories read it.
export type TeacherConfig = {
  kind: ProviderKind;
  /** Empty or null: the SDK's default endpoint. */
  baseUrl?: string | null;
  model: string;
  apiKey?: string | null;
  /** Whole-call deadline (connect, wait, read); default 3 minutes. A request's timeoutMs wins. */
  timeoutMs?: number;
  /** A streamed answer that sends nothing for this long has stalled; default 60 s. */
  streamIdleMs?: number;
  /** The SDKs' HTTP client; the global fetch when absent (workers pass a keep-alive one). */
  fetch?: typeof fetch;
};

export type ResolvedTeacherConfig = Required<
  Pick<TeacherConfig, "kind" | "model" | "timeoutMs" | "streamIdleMs">
> & {
  baseUrl: string | null;
  apiKey: string | null;
  fetch?: typeof fetch;
};

export const DEFAULT_STREAM_IDLE_MS = 60_000;

/**
 * The config every client is built from; throws (a TeacherError, not retryable) when no call may
 * go to its endpoint: a base URL that does not read strictly, a host off the allowlist.
 */
export function resolveTeacherConfig(config: TeacherConfig): ResolvedTeacherConfig {
  assertCallable(config.kind, config.baseUrl);
  return {
    kind: config.kind,
    baseUrl: config.baseUrl?.trim() || null,
    model: config.model,
    apiKey: config.apiKey || null,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    streamIdleMs: config.streamIdleMs ?? DEFAULT_STREAM_IDLE_MS,
    fetch: config.fetch,
  };
}
