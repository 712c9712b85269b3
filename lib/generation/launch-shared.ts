import "server-only";
import { getProvider } from "../teacher";
import type { JobConfig, LaunchJob, LaunchSynthesis } from "./schemas";

type Generation = Pick<
  LaunchJob | LaunchSynthesis,
  | "providerId"
  | "temperature"
  | "maxTokens"
  | "topP"
  | "stop"
  | "providerSeed"
  | "reasoningEffort"
  | "thinkingBudget"
  | "stream"
  | "timeoutMs"
  | "mode"
>;

/** The teacher as it is now (endpoint, model, prices), frozen into the job. */
export async function frozenProvider(providerId: string): Promise<Pick<JobConfig, "provider" | "pricing">> {
  const p = await getProvider(providerId);
  return {
    provider: { id: p.id, name: p.name, kind: p.kind, baseUrl: p.baseUrl, model: p.model },
    pricing: { inputPerMTok: p.inputPricePerMTok, outputPerMTok: p.outputPricePerMTok },
  };
}

/** The request parameters frozen into the job; absent options stay absent. */
export function frozenParams(options: Generation): JobConfig["params"] {
  const params: JobConfig["params"] = {
    temperature: options.temperature,
    maxTokens: options.maxTokens,
    stream: options.mode === "live" && options.stream,
    timeoutMs: options.timeoutMs,
  };
  if (options.topP !== undefined) params.topP = options.topP;
  if (options.stop?.length) params.stop = options.stop;
  if (options.providerSeed !== undefined) params.seed = options.providerSeed;
  if (options.reasoningEffort !== undefined) params.reasoningEffort = options.reasoningEffort;
  if (options.thinkingBudget !== undefined) params.thinkingBudget = options.thinkingBudget;
  return params;
}

export function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace("T", " ");
}
