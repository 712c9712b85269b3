import { DomainError } from "../errors";
import { logError } from "../log";
import { remoteText, TeacherError, type TeacherErrorCode } from "../teacher";

const BASE_MS = 1_000;
const CAP_MS = 60_000;

/**
 * Wait before the next attempt: exponential (1 s, 2 s, 4 s, ... capped at 60 s) with jitter so a
 * burst of 429s does not come back in lockstep, and never sooner than the provider asked.
 */
export function retryDelayMs(attempts: number, retryAfterMs?: number, random = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  return Math.round(Math.max(retryAfterMs ?? 0, jittered));
}

/**
 * A kind's error that is no one's fault and passes (the database was busy, a file system hiccup):
 * the runner tries the item again later, like a teacher's retryable error.
 */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "RetryableError";
  }
}

export type Failure = {
  retryable: boolean;
  message: string;
  retryAfterMs?: number;
  /** The provider's HTTP status, when it answered with one. */
  status?: number;
  /** quota: the provider account is out of credit; setup: the teacher's client could not be built. */
  code?: TeacherErrorCode | "setup";
};

/** What went wrong with one item, in words a curator can act on. */
export function describeFailure(error: unknown, context: string): Failure {
  if (error instanceof TeacherError) {
    return {
      retryable: error.retryable,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
      status: error.status,
      code: error.code,
    };
  }
  if (error instanceof DomainError) return { retryable: false, message: error.message };
  if (error instanceof RetryableError)
    return { retryable: true, message: error.message, retryAfterMs: error.retryAfterMs };
  logError(context, error);
  // Stored on the item and shown: the log has it whole, the message a short, clean line.
  const detail = remoteText(error instanceof Error ? error.message : String(error), { max: 300 });
  return {
    retryable: false,
    message: `Unexpected error: ${detail}. It was logged on the server; fix the cause, then retry the failed items.`,
  };
}

/** The provider asks us to slow down (a 429 that is not an empty account): not the item's fault. */
export function isRateLimited(failure: Failure): boolean {
  return failure.status === 429 && failure.code !== "quota";
}

/** The message stored when the last allowed attempt failed. */
export function finalMessage(failure: Failure, attempts: number): string {
  if (!failure.retryable) return failure.message;
  return `${failure.message} (gave up after ${attempts} ${attempts === 1 ? "attempt" : "attempts"})`;
}
