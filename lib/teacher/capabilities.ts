// What provider batches cost; safe to import from client components.

/** Batch requests cost half the live price at OpenAI and Anthropic. */
export const BATCH_PRICE_FACTOR = 0.5;
