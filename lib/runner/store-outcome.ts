import "server-only";
import { logError, logInfo } from "../log";
import type { CompleteOutcome } from "./item-outcome";
import type { LeasedItem } from "./kind";

// An answer is paid for: while the database is away (PostgreSQL restarting, the SQLite file
// locked by another process), the worker keeps it and stores it once the database is back,
// rather than dropping it and asking the teacher again after the lease runs out. For about as
// long as a lease lasts by default; the lease fence keeps it exactly once (a worker that took
// the item over meanwhile makes this store a lost lease).
const RETRY_FOR_MS = 60_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 4_000;

/**
 * Stores an attempt's outcome with `store`, trying again while it throws, until it succeeds, the
 * call is aborted (the job cancelled, the worker stopping) or RETRY_FOR_MS have passed. Returns
 * "error" when it gave up: the item's lease then runs out and it runs again.
 */
export async function storeOutcome(
  store: () => Promise<CompleteOutcome>,
  item: LeasedItem,
  signal: AbortSignal,
): Promise<CompleteOutcome | "error"> {
  const context = `worker ${item.owner}: storing item ${item.id} of job ${item.jobId}`;
  const started = performance.now();
  let delay = FIRST_DELAY_MS;
  for (let tries = 1; ; tries++) {
    try {
      const stored = await store();
      if (tries > 1)
        logInfo(`worker ${item.owner}: item ${item.id} of job ${item.jobId} stored after ${tries} tries`);
      return stored;
    } catch (error) {
      // The first failure and the last are logged, not every try while the database is down.
      const giveUp = signal.aborted || performance.now() - started + delay > RETRY_FOR_MS;
      if (tries === 1 || giveUp)
        logError(giveUp ? `${context} (gave up after ${tries} tries)` : context, error);
      if (giveUp) return "error";
    }
    await pause(delay, signal);
    delay = Math.min(MAX_DELAY_MS, delay * 2);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
