import type { ChatRequest } from "../teacher/types";
import type { JobConfig } from "./schemas";

export type RequestParams = Omit<ChatRequest, "system" | "prompt" | "signal">;

/**
 * The request parameters frozen in the job, as sent with every call. frozenParams already left
 * absent ones out; streaming is for live runs only.
 */
export function requestParams(config: JobConfig): RequestParams {
  return { ...config.params, stream: config.mode === "live" && config.params.stream };
}

/** What a trace records of its request: the parameters, plus the run mode. */
export function recordedParams(config: JobConfig): Record<string, unknown> {
  return { ...requestParams(config), mode: config.mode };
}
