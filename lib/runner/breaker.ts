import { isRateLimited, type Failure } from "./failure";

/** An attempt that failed while the breaker was counting: restored if the breaker trips. */
export type Strike = { itemId: string; attempts: number };

type TimedStrike = Strike & { at: number };

/** `restore`: the earlier failures of the streak (the one that tripped it is not among them). */
export type BreakerVerdict = { trip: false } | { trip: true; reason: string; restore: Strike[] };

/**
 * Failures meaning "down" (connection refused, 5xx, timeouts, broken bodies) in a row, with no
 * success in between, that mean the provider is down rather than unlucky. Random faults at the
 * rates real providers show (a third of requests failing, say) make a run this long about once
 * in a hundred thousand requests; an outage makes it within seconds.
 */
export const BREAKER_STREAK = 12;
/**
 * The streak is judged over this window: failures older than it no longer count, so a provider
 * that fails now and then over hours (each item retried and answered later) never trips it.
 */
export const BREAKER_WINDOW_MS = 120_000;

// Failures that will not go away by retrying other items: the key, the permission, the model.
const AT_ONCE: Record<number, string> = {
  401: "Fix the teacher's API key on the Teachers page, then resume the job.",
  403: "Give the API key access to this model (or use another key on the Teachers page), then resume the job.",
  404:
    "The endpoint and model of a job are fixed when it is launched: if they are wrong, cancel this job and " +
    "launch a new one with the corrected teacher; if the server was briefly misconfigured, resume the job.",
};

const CODE_ADVICE: Record<NonNullable<Failure["code"]>, string> = {
  quota: "Add credit or raise the spending limit at the provider, then resume the job.",
  setup: "Fix the teacher on the Teachers page (its API key, say), then resume the job.",
};

/**
 * Why a failure pauses the job at once (the key, the permission, the model, the account's credit:
 * nothing another item or another try would change), or null.
 */
export function pauseAtOnceReason(failure: Failure): string | null {
  const advice =
    failure.code !== undefined
      ? CODE_ADVICE[failure.code]
      : failure.status === undefined
        ? undefined
        : AT_ONCE[failure.status];
  return advice ? `Paused: ${sentence(failure.message)} ${advice}` : null;
}

/**
 * Per-job circuit breaker of one worker. Trips on an authentication, permission, not-found or
 * out-of-credit answer at once, or on BREAKER_STREAK failures meaning "down" in a row within
 * BREAKER_WINDOW_MS; the job is then paused with the reason, and the attempts that failed because
 * of it are given back to their items. Rate limiting (429) is not "down": the runner slows down
 * for it instead (throttle.ts), and it neither counts nor resets the streak.
 */
export class CircuitBreaker {
  private streaks = new Map<string, TimedStrike[]>();

  constructor(
    private readonly threshold = BREAKER_STREAK,
    private readonly windowMs = BREAKER_WINDOW_MS,
  ) {}

  success(jobId: string): void {
    this.streaks.delete(jobId);
  }

  reset(jobId: string): void {
    this.streaks.delete(jobId);
  }

  failure(jobId: string, strike: Strike, failure: Failure, now = Date.now()): BreakerVerdict {
    const streak = (this.streaks.get(jobId) ?? []).filter((s) => now - s.at < this.windowMs);
    const reason = pauseAtOnceReason(failure);
    if (reason) {
      this.streaks.delete(jobId);
      return { trip: true, reason, restore: streak.map(untimed) };
    }
    // Item-specific refusals (400, a bad prompt) say nothing about the provider's health, and
    // a rate limit says it is busy, not down.
    if (!failure.retryable || isRateLimited(failure)) return { trip: false };
    if (streak.length + 1 < this.threshold) {
      streak.push({ ...strike, at: now });
      this.streaks.set(jobId, streak);
      return { trip: false };
    }
    this.streaks.delete(jobId);
    return {
      trip: true,
      reason:
        `Paused after ${this.threshold} failed requests in a row with none succeeding in between; the last ` +
        `error: ${sentence(failure.message)} Check that the teacher is reachable (Teachers page, Test ` +
        "connection), then resume the job. The failed attempts were not counted against the items.",
      restore: streak.map(untimed),
    };
  }
}

const untimed = ({ itemId, attempts }: TimedStrike): Strike => ({ itemId, attempts });

const sentence = (text: string) => (/[.!?]"?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
