// What each kind of provider can do; safe to import from client components.
import type { ProviderKind } from "./schemas";

/** Both kinds have a batch API at their official endpoints (OpenAI Batch API, Anthropic Message Batches). */
export function supportsBatch(kind: ProviderKind): boolean {
  return kind === "openai" || kind === "anthropic";
}

/** A warning for the launch form when batch mode may not work at this endpoint, else null. */
export function batchWarning(kind: ProviderKind, baseUrl: string | null): string | null {
  if (kind === "anthropic" || !baseUrl || /^https:\/\/api\.openai\.com\b/.test(baseUrl)) return null;
  return (
    "Batch mode needs the OpenAI Batch API (/files and /batches). OpenAI and some hosted " +
    "providers offer it; local servers (vLLM, Ollama, llama.cpp, LM Studio) do not."
  );
}

/** Batch requests cost half the live price at OpenAI and Anthropic. */
export const BATCH_PRICE_FACTOR = 0.5;
