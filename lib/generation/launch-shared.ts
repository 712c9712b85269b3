import "server-only";
import { getProvider } from "../teacher";
import type { JobConfig } from "./schemas";

/** The teacher as it is now (endpoint, model, prices), frozen into the job. */
export async function frozenProvider(providerId: string): Promise<Pick<JobConfig, "provider" | "pricing">> {
  const p = await getProvider(providerId);
  return {
    provider: { id: p.id, name: p.name, kind: p.kind, baseUrl: p.baseUrl, model: p.model },
    pricing: { inputPerMTok: p.inputPricePerMTok, outputPerMTok: p.outputPricePerMTok },
  };
}

export function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace("T", " ");
}
