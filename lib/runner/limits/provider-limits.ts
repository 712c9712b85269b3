import "server-only";
import { db, type Db, type Tx } from "../../db";
import { UNLIMITED, type ProviderLimits } from "./budget";

// Limits edited on the Teachers page apply within this long.
const TTL_MS = 2_000;
const cache = new Map<string, { limits: ProviderLimits; at: number }>();

/**
 * A provider's shared limits, read from its row and cached briefly per process. Inside a
 * transaction pass its client: on SQLite a query outside it would wait for the transaction.
 */
export async function providerLimits(providerId: string, client: Db | Tx = db()): Promise<ProviderLimits> {
  const hit = cache.get(providerId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.limits;
  const row = await client.provider.findUnique({
    where: { id: providerId },
    select: { maxConcurrency: true, requestsPerMinute: true, tokensPerMinute: true },
  });
  const limits: ProviderLimits = row
    ? {
        maxConcurrency: positive(row.maxConcurrency),
        requestsPerMinute: positive(row.requestsPerMinute),
        tokensPerMinute: positive(row.tokensPerMinute),
      }
    : UNLIMITED;
  cache.set(providerId, { limits, at: Date.now() });
  return limits;
}

/** Tests change limits between calls. */
export function forgetProviderLimits(): void {
  cache.clear();
}

// A limit of 0 or below cannot be meant literally (nothing would ever run): treated as no limit.
const positive = (n: number | null) => (n === null || n <= 0 ? null : n);
