import type { ChatRequest } from "../../teacher/types";
import type { JobConfig } from "../schemas";

export type RequestParams = Omit<ChatRequest, "system" | "prompt" | "signal">;

/** The request parameters frozen in the job, as sent with every call (absent ones left out). */
export function requestParams(config: JobConfig): RequestParams {
  const p = config.params;
  const params: RequestParams = {
    temperature: p.temperature,
    maxTokens: p.maxTokens,
    stream: config.mode === "live" && p.stream,
    timeoutMs: p.timeoutMs,
  };
  if (p.topP !== undefined) params.topP = p.topP;
  if (p.stop?.length) params.stop = p.stop;
  if (p.seed !== undefined) params.seed = p.seed;
  if (p.reasoningEffort !== undefined) params.reasoningEffort = p.reasoningEffort;
  if (p.thinkingBudget !== undefined) params.thinkingBudget = p.thinkingBudget;
  return params;
}

/** What a trace records of its request: the parameters, plus the run mode. */
export function recordedParams(config: JobConfig): Record<string, unknown> {
  return { ...requestParams(config), mode: config.mode };
}
