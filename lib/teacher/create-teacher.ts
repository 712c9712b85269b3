import { anthropicTeacher } from "./anthropic-teacher";
import { openaiTeacher } from "./openai-teacher";
import { DEFAULT_TIMEOUT_MS, type ProviderKind } from "./schemas";
import type { Teacher } from "./types";

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

export function resolveTeacherConfig(config: TeacherConfig): ResolvedTeacherConfig {
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

/** A Teacher on the official SDK for the kind; it never retries by itself. */
export function createTeacher(config: TeacherConfig): Teacher {
  const resolved = resolveTeacherConfig(config);
  return resolved.kind === "anthropic" ? anthropicTeacher(resolved) : openaiTeacher(resolved);
}
