/** What one attempt at an item takes from a provider's per-minute budget. */
export type Estimate = { requests: number; tokens: number };

/** The item data an estimate looks at (known before the call is made). */
export type EstimateInput = {
  systemMessageVersionId: string | null;
  promptText: string | null;
  payload: unknown;
};

/** A provider's shared limits; null means unlimited. */
export type ProviderLimits = {
  maxConcurrency: number | null;
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
};

/** What the provider has in use right now: calls in flight and the rolling window's sums. */
export type ProviderUsage = { inFlight: number; requests: number; tokens: number };

export const UNLIMITED: ProviderLimits = {
  maxConcurrency: null,
  requestsPerMinute: null,
  tokensPerMinute: null,
};

/**
 * How many of the candidates, taken in order, fit under the limits together. Stops at the first
 * one that does not fit, so a large item is not starved by smaller ones behind it.
 */
export function countFitting(estimates: Estimate[], limits: ProviderLimits, usage: ProviderUsage): number {
  let { inFlight, requests, tokens } = usage;
  let n = 0;
  for (const e of estimates) {
    if (limits.maxConcurrency !== null && inFlight + 1 > limits.maxConcurrency) break;
    if (limits.requestsPerMinute !== null && requests + e.requests > limits.requestsPerMinute) break;
    if (limits.tokensPerMinute !== null && tokens + e.tokens > limits.tokensPerMinute) break;
    n++;
    inFlight++;
    requests += e.requests;
    tokens += e.tokens;
  }
  return n;
}

/** Why an attempt can never be admitted, even with nothing else in the window; null if it can. */
export function neverFits(e: Estimate, limits: ProviderLimits): string | null {
  if (limits.tokensPerMinute !== null && e.tokens > limits.tokensPerMinute) {
    return (
      `One request of this job may use up to ${e.tokens.toLocaleString("en-US")} tokens (its prompt plus ` +
      `Max tokens), more than the teacher's limit of ${limits.tokensPerMinute.toLocaleString("en-US")} ` +
      "tokens per minute, so it can never be sent. Raise the limit on the Teachers page, then resume the job " +
      "(or cancel it and launch again with a lower Max tokens)."
    );
  }
  if (limits.requestsPerMinute !== null && e.requests > limits.requestsPerMinute) {
    return (
      `Each item of this job makes ${e.requests} requests, more than the teacher's limit of ` +
      `${limits.requestsPerMinute} requests per minute. Raise the limit on the Teachers page, then resume the job.`
    );
  }
  return null;
}
