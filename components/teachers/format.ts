import type { ProviderSummary } from "@/lib/teacher";

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
