import "server-only";
import { db } from "../db";
import { logError } from "../log";
import { retryDelayMs } from "./failure";

/**
 * The cut never goes below this: after a Retry-After pause a few calls probe the provider at once
 * (a provider that is still limited answers them 429 quickly, and the pause starts again).
 */
export const MIN_CAP = 4;

type ProviderState = {
  /** In-flight calls this worker allows itself on the provider; null: not cut (the jobs' own limits). */
  cap: number | null;
  /** No request goes to the provider before this (epoch ms). */
  pausedUntil: number;
  /** When the cap was last cut: 429s answered to calls sent before it do not cut it again. */
  cutAt: number;
  /** 429s since the last success, for a pause when the provider gave no Retry-After. */
  limitedInARow: number;
  /** Successes since the cap last grew. */
  grown: number;
};

/** The cap grows by one per this share of itself in successes: back from half in about 90 calls at 32. */
const GROWTH_SHARE = 4;

/**
 * "Slow down", not "down": what a worker does when a provider answers 429. The in-flight count
 * it allows itself on that provider is halved, down to MIN_CAP (once per pause, whatever number
 * of calls were answered 429 together) and grows back step by step as calls succeed; Retry-After becomes
 * a pause of the whole provider, here at once and in the database for every other worker (which
 * read it when they lease). Calls wait at the gate until the pause is over, so none is sent
 * during it.
 */
export class ProviderThrottle {
  private readonly providers = new Map<string, ProviderState>();

  constructor(private readonly options: { workerId: string; now?: () => number } = { workerId: "worker" }) {}

  private state(providerId: string): ProviderState {
    let state = this.providers.get(providerId);
    if (!state) {
      state = { cap: null, pausedUntil: 0, cutAt: 0, limitedInARow: 0, grown: 0 };
      this.providers.set(providerId, state);
    }
    return state;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Calls this worker may have in flight on the provider now; null: no cut applies. */
  cap(providerId: string): number | null {
    return this.providers.get(providerId)?.cap ?? null;
  }

  pausedUntil(providerId: string): number {
    return this.providers.get(providerId)?.pausedUntil ?? 0;
  }

  /**
   * A call was answered 429 while `inFlight` calls (itself included) were out: cut the cap and
   * pause the provider until Retry-After (or a backoff when it gave none). Returns when the
   * provider may be called again.
   */
  rateLimited(providerId: string, inFlight: number, retryAfterMs?: number, sentAt?: number): Date {
    const state = this.state(providerId);
    const now = this.now();
    state.limitedInARow++;
    const wait = retryAfterMs ?? retryDelayMs(state.limitedInARow);
    if ((sentAt ?? now) >= state.cutAt) {
      state.cap = Math.max(MIN_CAP, Math.floor(Math.min(state.cap ?? inFlight, inFlight) / 2));
      state.cutAt = now;
      state.grown = 0;
    }
    if (now + wait > state.pausedUntil) {
      state.pausedUntil = now + wait;
      void this.share(providerId, new Date(state.pausedUntil));
    }
    return new Date(state.pausedUntil);
  }

  /**
   * A call succeeded: the cap grows back step by step (by one for every quarter of itself in
   * successes, so about four steps per round of calls), and goes once it reaches `ceiling`.
   */
  succeeded(providerId: string, ceiling: number): void {
    const state = this.providers.get(providerId);
    if (!state) return;
    state.limitedInARow = 0;
    if (state.cap === null) return;
    if (++state.grown < Math.ceil(state.cap / GROWTH_SHARE)) return;
    state.grown = 0;
    state.cap += 1;
    if (state.cap >= ceiling) state.cap = null;
  }

  /** Another worker paused the provider (read from the database while leasing). */
  notePause(providerId: string, until: Date): void {
    const state = this.state(providerId);
    state.pausedUntil = Math.max(state.pausedUntil, until.getTime());
  }

  /** Waits until the provider's pause (which may grow meanwhile) is over, or the signal aborts. */
  async wait(providerId: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const left = this.pausedUntil(providerId) - this.now();
      if (left <= 0 || signal?.aborted) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          resolve();
        }
        signal?.addEventListener("abort", done, { once: true });
      });
    }
  }

  /** Writes the pause where every worker's lease reads it; a later pause is never shortened. */
  private async share(providerId: string, until: Date): Promise<void> {
    try {
      await db().provider.updateMany({
        where: { id: providerId, OR: [{ rateLimitedUntil: null }, { rateLimitedUntil: { lt: until } }] },
        data: { rateLimitedUntil: until },
      });
    } catch (error) {
      logError(
        `worker ${this.options.workerId}: sharing the rate-limit pause of provider ${providerId}`,
        error,
      );
    }
  }
}
