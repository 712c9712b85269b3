import "server-only";
import { db, type Tx } from "../db";
import { isUniqueViolation } from "../errors";
import type { ActiveJob } from "./active-job";
import type { LeasedItem, Outcome } from "./kind";

/** Writes guarded by the lease token: they do nothing once the item is no longer ours. */
export const leased = (item: LeasedItem) => ({
  id: item.id,
  status: "running",
  leaseOwner: item.owner,
  attempts: item.attempts,
});

/** The attempt no longer holds its item's lease (it expired and was taken over, or was cancelled). */
export class LostLeaseError extends Error {
  constructor(item: LeasedItem) {
    super(
      `item ${item.id} of job ${item.jobId} is no longer leased by ${item.owner} (attempt ${item.attempts})`,
    );
    this.name = "LostLeaseError";
  }
}

export type CompleteOutcome = "stored" | "lost-lease" | "already-done";

/** In `tx`, checks that the attempt still holds its lease (and keeps the row locked till commit). */
export async function holdLease(tx: Tx, item: LeasedItem, now: Date): Promise<void> {
  const held = await tx.jobItem.updateMany({ where: leased(item), data: { updatedAt: now } });
  if (held.count !== 1) throw new LostLeaseError(item);
}

/**
 * Marks the item done and writes its result with the kind, in one transaction, only while we
 * still hold the lease. A result whose unique key exists already (the item's trace, say) means
 * someone stored it: the item is done, nothing is written twice.
 */
export async function completeItem(
  item: LeasedItem,
  outcome: Outcome<unknown>,
  job: Pick<ActiveJob, "kind" | "config">,
): Promise<CompleteOutcome> {
  const client = db();
  const now = new Date();
  try {
    await client.$transaction(async (tx) => {
      const claimed = await tx.jobItem.updateMany({
        where: leased(item),
        data: {
          status: "done",
          leaseExpiresAt: null,
          lastError: null,
          completedAt: now,
          ...usageColumns(outcome),
        },
      });
      if (claimed.count !== 1) throw new LostLeaseError(item);
      await job.kind.write(tx, [{ item, ...outcome }], job.config, now);
    });
    return "stored";
  } catch (error) {
    if (error instanceof LostLeaseError) return "lost-lease";
    if (!isUniqueViolation(error)) throw error;
    await client.jobItem.updateMany({
      where: leased(item),
      data: { status: "done", leaseExpiresAt: null, lastError: null },
    });
    return "already-done";
  }
}

/** What an item records of the attempt that completed it. */
export function usageColumns({ usage }: Outcome<unknown>) {
  return { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, costUsd: usage.costUsd };
}

/** Back to the queue after a retryable failure, due again at `availableAt`. */
export async function retryItemLater(item: LeasedItem, availableAt: Date, lastError: string) {
  await db().jobItem.updateMany({
    where: leased(item),
    data: { status: "pending", availableAt, lastError, leaseOwner: null, leaseExpiresAt: null },
  });
}

/** The provider rate-limited the attempt: due again after its pause, the try not counted against maxAttempts. */
export async function rateLimitedLater(item: LeasedItem, availableAt: Date, lastError: string) {
  await db().jobItem.updateMany({
    where: leased(item),
    data: {
      status: "pending",
      availableAt,
      lastError,
      leaseOwner: null,
      leaseExpiresAt: null,
      rateLimited: { increment: 1 },
    },
  });
}

export async function failItem(item: LeasedItem, lastError: string) {
  await db().jobItem.updateMany({
    where: leased(item),
    data: { status: "failed", lastError, leaseExpiresAt: null },
  });
}

/** A graceful stop hands the item back untouched: the interrupted attempt does not count. */
export async function releaseItem(item: LeasedItem, now: Date) {
  await db().jobItem.updateMany({
    where: leased(item),
    data: {
      status: "pending",
      availableAt: now,
      attempts: { decrement: 1 },
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  });
}

/**
 * The attempt failed because the provider is down, rate-limited us, or the job was paused for it:
 * back to the queue as if it had not been made (due at `availableAt`), with the error kept for
 * the job page.
 */
export async function restoreItem(item: LeasedItem, availableAt: Date, lastError: string, giveBack = 1) {
  await db().jobItem.updateMany({
    where: leased(item),
    data: {
      status: "pending",
      availableAt,
      attempts: Math.max(0, item.attempts - giveBack),
      lastError,
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  });
}

/** Aborted because its job was cancelled (cancelJob normally got there first). */
export async function cancelItem(item: LeasedItem) {
  await db().jobItem.updateMany({
    where: leased(item),
    data: { status: "cancelled", leaseExpiresAt: null },
  });
}
