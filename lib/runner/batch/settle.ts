import "server-only";
import { db } from "../../db";
import { describeFailure, finalMessage, retryDelayMs, type Failure } from "../failure";

/** Writes to a batch item only while it is still running in this submission. */
const inBatch = (submissionId: string) => ({ batchId: submissionId, status: "running" });

/** Back to pending (for a later batch) while attempts remain, else failed with the reason. */
export async function settleFailure(
  submissionId: string,
  item: { id: string; attempts: number },
  error: unknown,
  maxAttempts: number,
  now: Date,
): Promise<void> {
  const failure = describeFailure(error, `batch result for item ${item.id}`);
  await settleFailures(submissionId, [item.id], item.attempts, failure, maxAttempts, now);
}

/** The same failure for many items with the same attempt count. */
export async function settleFailures(
  submissionId: string,
  ids: string[],
  attempts: number,
  failure: Failure,
  maxAttempts: number,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  const where = { id: { in: ids }, ...inBatch(submissionId) };
  if (failure.retryable && attempts < maxAttempts) {
    const availableAt = new Date(now.getTime() + retryDelayMs(attempts, failure.retryAfterMs));
    await db().jobItem.updateMany({ where, data: { ...pending(availableAt), lastError: failure.message } });
  } else {
    await db().jobItem.updateMany({
      where,
      data: { status: "failed", lastError: finalMessage(failure, attempts), leaseOwner: null },
    });
  }
}

/** Every item of the submission still running gets the same failure (a refused or failed batch). */
export async function settleAll(submissionId: string, failure: Failure, maxAttempts: number, now: Date) {
  const items = await db().jobItem.findMany({
    where: inBatch(submissionId),
    select: { id: true, attempts: true },
  });
  const byAttempts = new Map<number, string[]>();
  for (const item of items)
    byAttempts.set(item.attempts, [...(byAttempts.get(item.attempts) ?? []), item.id]);
  for (const [attempts, ids] of byAttempts)
    await settleFailures(submissionId, ids, attempts, failure, maxAttempts, now);
}

/**
 * A submission the provider never accepted: its items did not reach the provider, so the attempt
 * the submission took is given back and they wait for a later batch.
 */
export async function giveBackSubmission(submissionId: string, availableAt: Date, lastError: string) {
  await db().jobItem.updateMany({
    where: inBatch(submissionId),
    data: { ...pending(availableAt), attempts: { decrement: 1 }, lastError },
  });
}

/** Items the provider returned nothing for go round again (or fail once out of attempts). */
export async function settleUnreturned(
  submissionId: string,
  maxAttempts: number,
  now: Date,
): Promise<number> {
  const message = "The provider returned no result for this request (the batch expired or was cancelled).";
  const again = await db().jobItem.updateMany({
    where: { ...inBatch(submissionId), attempts: { lt: maxAttempts } },
    data: { ...pending(now), lastError: message },
  });
  const failed = await db().jobItem.updateMany({
    where: inBatch(submissionId),
    data: {
      status: "failed",
      lastError: finalMessage({ retryable: true, message }, maxAttempts),
      leaseOwner: null,
    },
  });
  return again.count + failed.count;
}

const pending = (availableAt: Date) => ({
  status: "pending",
  batchId: null,
  leaseOwner: null,
  leaseExpiresAt: null,
  availableAt,
});
