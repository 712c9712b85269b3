import { anthropicTeacher } from "./anthropic-teacher";
import { openaiTeacher } from "./openai-teacher";
import type { ProviderKind } from "./schemas";
import type { Teacher } from "./types";

export type TeacherConfig = {
  kind: ProviderKind;
  /** Empty or null: the SDK's default endpoint. */
  baseUrl?: string | null;
  model: string;
  apiKey?: string | null;
  /** Whole-call deadline (connect, wait, read); default 3 minutes. */
  timeoutMs?: number;
};

export type ResolvedTeacherConfig = Required<Pick<TeacherConfig, "kind" | "model" | "timeoutMs">> & {
  baseUrl: string | null;
  apiKey: string | null;
};

export const DEFAULT_TIMEOUT_MS = 180_000;

/** A Teacher on the official SDK for the kind; it never retries by itself. */
export function createTeacher(config: TeacherConfig): Teacher {
  const resolved: ResolvedTeacherConfig = {
    kind: config.kind,
    baseUrl: config.baseUrl?.trim() || null,
    model: config.model,
    apiKey: config.apiKey || null,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  return resolved.kind === "anthropic" ? anthropicTeacher(resolved) : openaiTeacher(resolved);
}

/** Anthropic's current API (2026-10-21) has no sampling parameters: temperature is not sent. */
export function kindUsesTemperature(kind: ProviderKind): boolean {
  return kind !== "anthropic";
}
