import type { ProviderSummary } from "@/lib/teacher";
import { formatCount } from "../ui/format";

export const KIND_LABELS: Record<ProviderSummary["kind"], string> = {
  openai: "OpenAI-compatible",
  anthropic: "Anthropic",
};

const dollars = (value: number | null) => (value === null ? "n/a" : `$${value}`);

/** "in $0.15 / out $0.6 per 1M", or null when no price is set. */
export function formatPrices(
  p: Pick<ProviderSummary, "inputPricePerMTok" | "outputPricePerMTok">,
): string | null {
  if (p.inputPricePerMTok === null && p.outputPricePerMTok === null) return null;
  return `in ${dollars(p.inputPricePerMTok)} / out ${dollars(p.outputPricePerMTok)} per 1M`;
}

/** ["4 at once", "500 req/min", "200,000 tok/min"]: the limits that are set. */
export function limitParts(
  p: Pick<ProviderSummary, "maxConcurrency" | "requestsPerMinute" | "tokensPerMinute">,
): string[] {
  const parts: string[] = [];
  if (p.maxConcurrency !== null) parts.push(`${formatCount(p.maxConcurrency)} at once`);
  if (p.requestsPerMinute !== null) parts.push(`${formatCount(p.requestsPerMinute)} req/min`);
  if (p.tokensPerMinute !== null) parts.push(`${formatCount(p.tokensPerMinute)} tok/min`);
  return parts;
}
