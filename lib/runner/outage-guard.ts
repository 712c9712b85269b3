import "server-only";
import { logError } from "../log";
import { CircuitBreaker, type Strike } from "./breaker";
import type { Failure } from "./failure";
import { pauseForProvider, restoreStrikes } from "./pause";
import type { FailureVerdict } from "./run-item";

type CallView = { attempts: number; done: Promise<void> };
type PendingTrip = { reason: string; restore: Strike[]; settling: Promise<void>[] };

/**
 * One worker's handling of provider outages: the circuit breaker per job, pausing the job when it
 * trips, and giving back the attempts that failed because of the outage. An attempt that fails
 * while its job is paused (by the breaker, or by a person) is given back too.
 */
export class OutageGuard {
  private readonly breaker: CircuitBreaker;
  // Jobs this worker paused, and when the pause committed (Infinity: not yet).
  private readonly tripped = new Map<string, number>();
  // Jobs paused by anyone that still have calls here.
  private paused = new Set<string>();
  // By tripping item: the pause waiting for that attempt's item to be given back first.
  private readonly pendingTrips = new Map<string, PendingTrip>();
  // Items running here whose earlier attempts failed in a tripped streak: attempts owed to them.
  private readonly owed = new Map<string, { jobId: string; count: number }>();

  constructor(
    private readonly options: {
      workerId: string;
      now: () => Date;
      streak?: number;
      /** The call running here for an item, if any. */
      callOf: (itemId: string) => CallView | undefined;
      /** A job is being paused for its provider (the worker drops its cached client). */
      onTrip: (jobId: string) => void;
    },
  ) {
    this.breaker = new CircuitBreaker(options.streak);
  }

  /** This worker paused the job and has not seen it resumed: lease nothing for it. */
  holds(jobId: string): boolean {
    return this.tripped.has(jobId);
  }

  /**
   * What a poll saw: the active jobs (read from pollStarted on), and which jobs with calls here
   * are paused. A job this worker paused that is active again was resumed: start over.
   */
  observe(active: Set<string>, pollStarted: number, paused: Set<string>): void {
    this.paused = paused;
    for (const [id, committedAt] of this.tripped) {
      if (committedAt >= pollStarted || !active.has(id)) continue;
      this.tripped.delete(id);
      this.breaker.reset(id);
      for (const [itemId, entry] of this.owed) if (entry.jobId === id) this.owed.delete(itemId);
    }
  }

  async judge(jobId: string, strike: Strike, failure: Failure): Promise<FailureVerdict> {
    if (this.tripped.has(jobId) || this.paused.has(jobId)) return this.giveBack(strike.itemId);
    const verdict = this.breaker.failure(jobId, strike, failure);
    if (!verdict.trip) return "count";
    this.tripped.set(jobId, Infinity);
    // Earlier failures of items whose current attempt here is not judged yet are given back
    // with it (owed); the others once the job is paused, after those still settling here.
    const restore: Strike[] = [];
    const settling: Promise<void>[] = [];
    const byItem = new Map<string, Strike[]>();
    for (const earlier of verdict.restore) {
      byItem.set(earlier.itemId, [...(byItem.get(earlier.itemId) ?? []), earlier]);
    }
    for (const [itemId, strikes] of byItem) {
      const call = this.options.callOf(itemId);
      const judged = call !== undefined && strikes.some((earlier) => earlier.attempts === call.attempts);
      if (call && (itemId === strike.itemId || !judged)) {
        this.owed.set(itemId, { jobId, count: (this.owed.get(itemId)?.count ?? 0) + strikes.length });
        continue;
      }
      restore.push(...strikes);
      if (call) settling.push(call.done);
    }
    this.pendingTrips.set(strike.itemId, { reason: verdict.reason, restore, settling });
    return this.giveBack(strike.itemId);
  }

  /**
   * After an attempt's outcome is written. If it tripped the breaker, its item is back now:
   * pause the job, then give back the streak's attempts once those settling here are settled.
   */
  async settled(jobId: string, itemId: string, answered: boolean): Promise<void> {
    if (answered) {
      this.breaker.success(jobId);
      this.owed.delete(itemId);
    }
    const pending = this.pendingTrips.get(itemId);
    if (!pending) return;
    this.pendingTrips.delete(itemId);
    await this.trip(jobId, pending.reason);
    await Promise.allSettled(pending.settling);
    await restoreStrikes(pending.restore, this.options.now()).catch((error: unknown) =>
      logError(`worker ${this.options.workerId}: giving back attempts of job ${jobId}`, error),
    );
  }

  /** Pauses the job with the reason (the breaker tripped, or no request fits the limits). */
  async trip(jobId: string, reason: string): Promise<void> {
    this.tripped.set(jobId, Infinity);
    this.options.onTrip(jobId);
    try {
      await pauseForProvider(jobId, reason);
    } catch (error) {
      logError(`worker ${this.options.workerId}: pausing job ${jobId}`, error);
    } finally {
      this.tripped.set(jobId, performance.now());
    }
  }

  private giveBack(itemId: string): FailureVerdict {
    const extra = this.owed.get(itemId)?.count ?? 0;
    this.owed.delete(itemId);
    return { giveBack: 1 + extra };
  }
}
