import "server-only";
import { db } from "../db/client";
import { isUniqueViolation } from "../errors";
import { itemUsage } from "../generation/item-usage";
import { writeResult } from "../generation/write";
import type { ItemResult } from "../generation/types";
import type { JobConfig } from "../generation/schemas";
import type { LeasedItem } from "./lease";

/** Writes guarded by the lease token: they do nothing once the item is no longer ours. */
const leased = (item: LeasedItem) => ({
  id: item.id,
  status: "running",
  leaseOwner: item.owner,
  attempts: item.attempts,
});

class LostLease extends Error {}

export type CompleteOutcome = "stored" | "lost-lease" | "already-done";

/**
 * Stores the trace and marks the item done in one transaction, only while we still hold the
 * lease. The unique itemId means a second trace for the same item can never be written.
 */
export async function completeItem(
  item: LeasedItem,
  result: ItemResult,
  config: JobConfig,
): Promise<CompleteOutcome> {
  const client = db();
  try {
    await client.$transaction(async (tx) => {
      const usage = itemUsage(result, config);
      const claimed = await tx.jobItem.updateMany({
        where: leased(item),
        data: { status: "done", leaseExpiresAt: null, lastError: null, completedAt: new Date(), ...usage },
      });
      if (claimed.count !== 1) throw new LostLease();
      await writeResult(tx, item, result, config);
      if (result.kind === "trace" && usage.costUsd > 0) {
        await tx.trace.updateMany({ where: { itemId: item.id }, data: { costUsd: usage.costUsd } });
      }
    });
    return "stored";
  } catch (error) {
    if (error instanceof LostLease) return "lost-lease";
    if (!isUniqueViolation(error)) throw error;
    // The item already has its trace: it is done, whoever wrote it.
    await client.jobItem.updateMany({
      where: leased(item),
      data: { status: "done", leaseExpiresAt: null, lastError: null },
    });
    return "already-done";
  }
}

/** Back to the queue after a retryable failure, due again at `availableAt`. */
export async function retryItemLater(item: LeasedItem, availableAt: Date, lastError: string) {
  await db().jobItem.updateMany({
    where: leased(item),
    data: { status: "pending", availableAt, lastError, leaseOwner: null, leaseExpiresAt: null },
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
 * The attempt failed because the provider is down or the job was paused for it: back to the
 * queue as if it had not been made, with the error kept for the job page.
 */
export async function restoreItem(item: LeasedItem, now: Date, lastError: string, giveBack = 1) {
  await db().jobItem.updateMany({
    where: leased(item),
    data: {
      status: "pending",
      availableAt: now,
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
