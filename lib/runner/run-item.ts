import "server-only";
import { db } from "../db";
import { DomainError } from "../errors";
import { logError } from "../log";
import { TeacherError, type Teacher } from "../teacher";
import type { ActiveJob } from "./active-job";
import { describeFailure, finalMessage, isRateLimited, retryDelayMs, type Failure } from "./failure";
import {
  cancelItem,
  completeItem,
  failItem,
  holdLease,
  LostLeaseError,
  rateLimitedLater,
  releaseItem,
  restoreItem,
  retryItemLater,
  type CompleteOutcome,
} from "./item-outcome";
import { countedAttempts, type AttemptUsage, type ItemRow, type LeasedItem, type Outcome } from "./kind";
import { storeOutcome } from "./store-outcome";

/** Why a worker aborted a call: the job was cancelled, or the worker is stopping. */
export const ABORT_CANCELLED = "job-cancelled";
export const ABORT_STOPPING = "worker-stopping";

/**
 * What a failed attempt means for its item: counted as usual, or (the provider is down) given
 * back, with this many attempts in all (earlier ones that failed for the same reason included).
 */
export type FailureVerdict = "count" | { giveBack: number };

const FENCED_TX = { maxWait: 30_000, timeout: 120_000 };

export type ItemRun = {
  item: LeasedItem;
  row: ItemRow;
  job: Pick<ActiveJob, "id" | "kind" | "config" | "settings">;
  /** A teacher, null for kinds that call none, or the error that prevented building one. */
  teacher: Teacher | null | { error: unknown };
  signal: AbortSignal;
  now: () => Date;
  /** The kind's work has ended (answer or error); its outcome is written next. */
  ended?: () => void;
  /** Stores a result; by default in its own fenced transaction. */
  complete?: (item: LeasedItem, outcome: Outcome<unknown>) => Promise<CompleteOutcome>;
  /** The circuit breaker's say on a failed attempt; counted when absent. */
  judge?: (failure: Failure) => Promise<FailureVerdict>;
  /** The provider rate-limited the attempt: when the item may run again (the provider's pause). */
  rateLimited?: (failure: Failure) => Date;
};

/** How an attempt ended, for the worker's rate-limit refunds, the throttle and the breaker. */
export type AttemptOutcome =
  | { kind: "answered"; stored: CompleteOutcome | "error"; usage: AttemptUsage }
  | { kind: "failed"; failure: Failure; verdict: FailureVerdict | "aborted" | "rate-limited" }
  | { kind: "error" };

/**
 * One attempt at one item: the kind's run, then its result stored under the lease, or the
 * failure settled (retried later, given back, or failed). Never throws: database trouble is
 * logged and the lease simply expires, so another poll (or worker) takes the item again; an
 * answer in hand is kept and stored again while the database is away (store-outcome.ts).
 */
export async function runItem(run: ItemRun): Promise<AttemptOutcome> {
  const { item, job, signal } = run;
  let outcome: Outcome<unknown>;
  try {
    if (signal.aborted) throw signal.reason;
    if (run.teacher && "error" in run.teacher) throw run.teacher.error;
    outcome = await job.kind.run({
      item,
      row: run.row,
      config: job.config,
      teacher: run.teacher,
      signal,
      fenced: (fn) =>
        db().$transaction(async (tx) => {
          await holdLease(tx, item, run.now());
          return fn(tx);
        }, FENCED_TX),
    });
  } catch (error) {
    run.ended?.();
    // A client that cannot be built (a key that no longer decrypts, a deleted teacher) fails
    // every item alike: the breaker pauses the job instead.
    const setup = run.teacher !== null && "error" in run.teacher && error === run.teacher.error;
    try {
      return await settleFailure(run, error, setup);
    } catch (dbError) {
      logError(`worker ${item.owner}: item ${item.id} of job ${item.jobId}`, dbError);
      return { kind: "error" };
    }
  }
  run.ended?.();
  const complete = run.complete ?? ((i, o) => completeItem(i, o, job));
  const stored = await storeOutcome(() => complete(item, outcome), item, signal);
  return { kind: "answered", stored, usage: outcome.usage };
}

async function settleFailure(run: ItemRun, error: unknown, setup: boolean): Promise<AttemptOutcome> {
  const { item, job, signal, now } = run;
  if (signal.aborted || error instanceof LostLeaseError) {
    if (signal.reason === ABORT_STOPPING) await releaseItem(item, now());
    else if (signal.aborted) await cancelItem(item);
    // A lost lease: the item is someone else's now (taken over, or cancelled), nothing to settle.
    return { kind: "failed", failure: { retryable: false, message: "aborted" }, verdict: "aborted" };
  }
  const described = describeFailure(error, `item ${item.id} of job ${item.jobId}`);
  const failure: Failure = setup ? setupFailure(described, error) : described;
  if (isRateLimited(failure) && run.rateLimited) {
    // Slow down, not down: the item waits out the provider's pause, and the try does not count
    // against maxAttempts, so rate limiting alone never fails an item.
    await rateLimitedLater(item, run.rateLimited(failure), failure.message);
    return { kind: "failed", failure, verdict: "rate-limited" };
  }
  const verdict = run.judge ? await run.judge(failure) : "count";
  if (verdict !== "count") {
    await restoreItem(item, now(), failure.message, verdict.giveBack);
  } else if (failure.retryable && countedAttempts(item) < job.settings.maxAttempts) {
    const delay = retryDelayMs(countedAttempts(item), failure.retryAfterMs);
    await retryItemLater(item, new Date(now().getTime() + delay), failure.message);
  } else {
    await failItem(item, finalMessage(failure, countedAttempts(item)));
  }
  return { kind: "failed", failure, verdict };
}

/**
 * A teacher its settings cannot build (gone, a refused URL or key) needs a person: the job pauses.
 * Anything else while building it (the database away during an outage, say) is not the teacher's
 * fault: the item is tried again later, as any passing failure.
 */
function setupFailure(described: Failure, error: unknown): Failure {
  if (!(error instanceof TeacherError || error instanceof DomainError))
    return {
      ...described,
      retryable: true,
      message: `The teacher's settings could not be read: ${described.message}`,
    };
  return {
    ...described,
    retryable: false,
    code: "setup",
    message: `The teacher could not be set up: ${described.message}`,
  };
}
