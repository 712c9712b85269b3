import "server-only";
import { logError } from "../log";
import type { Teacher } from "../teacher/types";
import { executeItem } from "../generation/execute";
import type { ExecuteContext, ItemResult, Usage } from "../generation/types";
import { describeFailure, finalMessage, retryDelayMs, type Failure } from "./failure";
import {
  cancelItem,
  completeItem,
  failItem,
  releaseItem,
  restoreItem,
  retryItemLater,
  type CompleteOutcome,
} from "./item-outcome";
import type { LeasedItem } from "./lease";
import type { JobConfig } from "../generation/schemas";

/** Why a worker aborted a call: the job was cancelled, or the worker is stopping. */
export const ABORT_CANCELLED = "job-cancelled";
export const ABORT_STOPPING = "worker-stopping";

/**
 * What a failed attempt means for its item: counted as usual, or (the provider is down) given
 * back, with this many attempts in all (earlier ones that failed for the same reason included).
 */
export type FailureVerdict = "count" | { giveBack: number };

export type ItemRun = {
  item: LeasedItem;
  config: JobConfig;
  /** A teacher, or the error that prevented getting one (every item then fails with it). */
  teacher: Teacher | { error: unknown };
  signal: AbortSignal;
  now: () => Date;
  /** The item's row, read while leasing (executeItem reads it itself when absent). */
  prefetched?: ExecuteContext["prefetched"];
  /** The teacher call has ended (answer or error); its outcome is written next. */
  ended?: () => void;
  /** Stores a result; by default in its own fenced transaction. */
  complete?: (item: LeasedItem, result: ItemResult, config: JobConfig) => Promise<CompleteOutcome>;
  /** The circuit breaker's say on a failed attempt; counted when absent. */
  judge?: (failure: Failure) => Promise<FailureVerdict>;
};

/** How an attempt ended, for the worker's rate-limit refunds and the breaker. */
export type AttemptOutcome =
  | { kind: "answered"; stored: CompleteOutcome | "error"; usage: Usage }
  | { kind: "failed"; failure: Failure; verdict: FailureVerdict | "aborted" }
  | { kind: "error" };

/**
 * One attempt at one item. Never throws: database trouble is logged and the lease simply
 * expires, so another poll (or worker) takes the item again.
 */
export async function runItem(run: ItemRun): Promise<AttemptOutcome> {
  const { item, config, signal } = run;
  let result: ItemResult;
  try {
    if (signal.aborted) throw signal.reason;
    if ("error" in run.teacher) throw run.teacher.error;
    result = await executeItem({ item, config, teacher: run.teacher, signal, prefetched: run.prefetched });
  } catch (error) {
    run.ended?.();
    // A client that cannot be built (a key that no longer decrypts, a deleted teacher) fails
    // every item alike: the breaker pauses the job instead.
    const setup = "error" in run.teacher && error === run.teacher.error;
    try {
      return await settleFailure(run, error, setup);
    } catch (dbError) {
      logError(`worker ${item.owner}: item ${item.id} of job ${item.jobId}`, dbError);
      return { kind: "error" };
    }
  }
  run.ended?.();
  try {
    const stored = await (run.complete ?? completeItem)(item, result, config);
    return { kind: "answered", stored, usage: result.usage };
  } catch (error) {
    logError(`worker ${item.owner}: storing item ${item.id} of job ${item.jobId}`, error);
    return { kind: "answered", stored: "error", usage: result.usage };
  }
}

async function settleFailure(run: ItemRun, error: unknown, setup: boolean): Promise<AttemptOutcome> {
  const { item, config, signal, now } = run;
  if (signal.aborted) {
    if (signal.reason === ABORT_STOPPING) await releaseItem(item, now());
    else await cancelItem(item);
    return { kind: "failed", failure: { retryable: false, message: "aborted" }, verdict: "aborted" };
  }
  const described = describeFailure(error, `teacher call for item ${item.id} of job ${item.jobId}`);
  const failure: Failure = setup
    ? {
        ...described,
        retryable: false,
        code: "setup",
        message: `The teacher could not be set up: ${described.message}`,
      }
    : described;
  const verdict = run.judge ? await run.judge(failure) : "count";
  if (verdict !== "count") {
    await restoreItem(item, now(), failure.message, verdict.giveBack);
  } else if (failure.retryable && item.attempts < config.maxAttempts) {
    const delay = retryDelayMs(item.attempts, failure.retryAfterMs);
    await retryItemLater(item, new Date(now().getTime() + delay), failure.message);
  } else {
    await failItem(item, finalMessage(failure, item.attempts));
  }
  return { kind: "failed", failure, verdict };
}
