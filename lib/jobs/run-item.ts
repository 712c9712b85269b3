import "server-only";
import { logError } from "../log";
import type { Teacher } from "../teacher/types";
import { executeItem } from "./execute";
import { describeFailure, finalMessage, retryDelayMs } from "./failure";
import { cancelItem, completeItem, failItem, releaseItem, retryItemLater } from "./item-outcome";
import type { LeasedItem } from "./lease";
import type { JobConfig } from "./schemas";

/** Why a worker aborted a call: the job was cancelled, or the worker is stopping. */
export const ABORT_CANCELLED = "job-cancelled";
export const ABORT_STOPPING = "worker-stopping";

export type ItemRun = {
  item: LeasedItem;
  config: JobConfig;
  /** A teacher, or the error that prevented getting one (every item then fails with it). */
  teacher: Teacher | { error: unknown };
  signal: AbortSignal;
  now: () => Date;
};

/**
 * One attempt at one item. Never throws: database trouble is logged and the lease simply
 * expires, so another poll (or worker) takes the item again.
 */
export async function runItem(run: ItemRun): Promise<void> {
  const { item, config, signal } = run;
  try {
    let result;
    try {
      if (signal.aborted) throw signal.reason;
      if ("error" in run.teacher) throw run.teacher.error;
      result = await executeItem({ item, config, teacher: run.teacher, signal });
    } catch (error) {
      await settleFailure(run, error);
      return;
    }
    await completeItem(item, result, config);
  } catch (error) {
    logError(`worker ${item.owner}: item ${item.id} of job ${item.jobId}`, error);
  }
}

async function settleFailure(run: ItemRun, error: unknown): Promise<void> {
  const { item, config, signal, now } = run;
  if (signal.aborted) {
    if (signal.reason === ABORT_STOPPING) await releaseItem(item, now());
    else await cancelItem(item);
    return;
  }
  const failure = describeFailure(error, `teacher call for item ${item.id} of job ${item.jobId}`);
  if (failure.retryable && item.attempts < config.maxAttempts) {
    const delay = retryDelayMs(item.attempts, failure.retryAfterMs);
    await retryItemLater(item, new Date(now().getTime() + delay), failure.message);
  } else {
    await failItem(item, finalMessage(failure, item.attempts));
  }
}
