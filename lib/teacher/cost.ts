type Prices = { inputPricePerMTok: number | null; outputPricePerMTok: number | null };

/** Dollars for the tokens at the provider's prices; null when no price is known. */
export function estimateCost(provider: Prices, inputTokens: number, outputTokens: number): number | null {
  const { inputPricePerMTok: input, outputPricePerMTok: output } = provider;
  if (input === null && output === null) return null;
  return ((input ?? 0) * inputTokens + (output ?? 0) * outputTokens) / 1_000_000;
}
